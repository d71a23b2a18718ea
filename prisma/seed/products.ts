// Products with translations, price tiers, images, sample policy and certification links.
import { IMAGE_KINDS, buildCatalog, productImagePath, searchTextFor, type CatalogProduct } from './catalog.ts'
import type { BuildContext, SeedPlan, SeededCompany, SeededProduct } from './types.ts'
import { DAY, HOUR, createRng, idFactory, must, toMinor } from './util.ts'

const TIER_STEPS = [
  { qty: 1, discount: 0 },
  { qty: 5, discount: 0.05 },
  { qty: 10, discount: 0.09 },
  { qty: 25, discount: 0.14 },
]

/** Certificates that only cover some of a company's products. */
function certApplies(companySlug: string, type: string, hsCode: string): boolean {
  const heading = hsCode.slice(0, 4)
  if (type === 'TTB-COLA') return heading >= '2203' && heading <= '2208'
  if (type === 'PHYTO') return hsCode.startsWith('07')
  if (type === 'E-MARK') return hsCode.startsWith('870830')
  // The hanji atelier's KC and CE marks cover its electric lamps only.
  if (companySlug === 'wonju-hanji-atelier' && (type === 'KC' || type === 'CE')) return heading === '9405'
  return true
}

function defaultSampleNote(product: CatalogProduct): string {
  const city = product.company.city
  if (product.category === 'medical-devices') return `Samples for registered distributors and clinics only; ships from ${city} by DHL in 5 business days.`
  if (product.category === 'seafood' || product.category === 'processed-food')
    return `Free sample; buyer pays courier (DHL/FedEx account number). Ships from ${city} in 3–5 business days.`
  return `Free sample; courier at buyer's cost. Ships from ${city}, Gangwon in 3–5 business days.`
}

export function buildProducts(ctx: BuildContext, plan: SeedPlan, companies: SeededCompany[]): SeededProduct[] {
  const rng = createRng(2026_03)
  const id = idFactory(rng)
  const { now } = ctx
  const companyBySlug = new Map(companies.map((c) => [c.slug, c]))
  const result: SeededProduct[] = []

  for (const item of buildCatalog()) {
    const company = must(companyBySlug.get(item.company.slug), `company ${item.company.slug}`)
    const productId = id()
    const categoryId = must(ctx.categoryIds.get(item.category), `category ${item.category}`)
    const sinceCompany = Math.max(1, Math.floor((now.getTime() - company.createdAt.getTime()) / DAY) - 1)
    const createdAt = new Date(now.getTime() - rng.number.int({ min: 1, max: sinceCompany }) * DAY - rng.number.int({ min: 0, max: 12 }) * HOUR)
    const currency = item.currency
    const unitPriceMinor = toMinor(item.price, currency)

    const sample = item.base.sample
    const sampleFields =
      sample === false
        ? { sampleAvailable: false, samplePriceMinor: null, sampleCurrency: null, sampleMaxQuantity: null, sampleShippingNote: null }
        : {
            sampleAvailable: true,
            samplePriceMinor: sample ? (sample.price === 0 ? 0 : toMinor(sample.price, currency)) : 0,
            sampleCurrency: currency,
            sampleMaxQuantity: sample?.max ?? 3,
            sampleShippingNote: sample?.note ?? defaultSampleNote(item),
          }

    plan.products.push({
      id: productId,
      companyId: company.id,
      categoryId,
      slug: item.slug,
      status: item.status,
      hsCode: item.hsCode,
      moq: item.moq,
      unit: item.unit,
      incoterms: item.incoterms,
      leadTimeDays: item.leadTimeDays,
      targetMarkets: item.targetMarkets,
      ...sampleFields,
      searchText: searchTextFor(item),
      createdAt,
      updatedAt: createdAt,
    })

    for (const t of item.translations) {
      plan.productTranslations.push({ id: id(), productId, locale: t.locale, name: t.name, description: t.description })
    }

    // 1–4 volume tiers; capital equipment gets at most two.
    const expensive = item.price * (currency === 'KRW' ? 0.00072 : 1) > 20_000
    const tierCount = rng.number.int({ min: 1, max: expensive ? 2 : 4 })
    for (const step of TIER_STEPS.slice(0, tierCount)) {
      plan.priceTiers.push({
        id: id(),
        productId,
        minQuantity: item.moq * step.qty,
        unitPriceMinor: toMinor(item.price * (1 - step.discount), currency),
        currency,
      })
    }

    const enName = must(item.translations[0], 'en translation').name
    for (let i = 0; i < item.imageCount; i++) {
      plan.productImages.push({ id: id(), productId, path: productImagePath(item.slug, i), alt: `${enName} — ${IMAGE_KINDS[i]}`, position: i })
    }

    const wanted = item.base.certs
    for (const cert of company.certifications) {
      if (wanted ? !wanted.includes(cert.type) : !certApplies(company.slug, cert.type, item.hsCode)) continue
      plan.productCertifications.push({ productId, certificationId: cert.id })
    }

    result.push({
      id: productId,
      slug: item.slug,
      baseSlug: item.base.slug,
      companyId: company.id,
      companySlug: company.slug,
      name: enName,
      status: item.status,
      unit: item.unit,
      moq: item.moq,
      currency,
      unitPriceMinor,
      hsCode: item.hsCode,
    })
  }
  return result
}
