import { getPrisma } from '~/domain/db.server'
import { pickLocalized, pickTranslation } from '~/domain/catalog/translations'
import { listUpcomingShowcases } from '~/domain/live/upcoming.server'

/** The exporter page buyers see: company facts, valid certifications, published products, showcases. */
export async function getExporterPublicProfile(slug: string, { locale, now }: { locale: string; now: Date }) {
  const prisma = await getPrisma()
  const company = await prisma.exporterCompany.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      nameI18n: true,
      region: true,
      city: true,
      industry: true,
      description: true,
      descriptionI18n: true,
      website: true,
      foundedYear: true,
      exportExperienceYears: true,
      exportMarkets: true,
      languages: true,
      logoPath: true,
      certifications: {
        where: { OR: [{ validUntil: null }, { validUntil: { gte: now } }] },
        select: { type: true, market: true },
      },
      products: {
        where: { status: 'PUBLISHED' },
        orderBy: { createdAt: 'desc' },
        take: 48,
        select: {
          id: true,
          hsCode: true,
          moq: true,
          unit: true,
          incoterms: true,
          leadTimeDays: true,
          sampleAvailable: true,
          translations: { select: { locale: true, name: true } },
          priceTiers: { orderBy: { minQuantity: 'asc' }, take: 1, select: { unitPriceMinor: true, currency: true } },
          images: { orderBy: { position: 'asc' }, take: 1, select: { path: true, alt: true } },
          certifications: {
            where: { certification: { OR: [{ validUntil: null }, { validUntil: { gte: now } }] } },
            select: { certification: { select: { type: true, market: true } } },
          },
        },
      },
    },
  })
  if (!company) return null
  const name = pickLocalized(company.name, company.nameI18n, locale)
  const place = [company.city, company.region].filter(Boolean).join(', ')
  return {
    slug: company.slug,
    name,
    place,
    industry: company.industry,
    description: pickLocalized(company.description, company.descriptionI18n, locale),
    website: company.website,
    foundedYear: company.foundedYear,
    exportExperienceYears: company.exportExperienceYears,
    exportMarkets: company.exportMarkets,
    languages: company.languages,
    logoPath: company.logoPath,
    certifications: [...new Set(company.certifications.map((c) => `${c.type} · ${c.market}`))],
    products: company.products.map((product) => {
      const tier = product.priceTiers[0]
      return {
        id: product.id,
        name: pickTranslation(product.translations, locale)?.name ?? '',
        hsCode: product.hsCode,
        moq: product.moq,
        unit: product.unit,
        incoterms: product.incoterms,
        leadTimeDays: product.leadTimeDays,
        sampleAvailable: product.sampleAvailable,
        fromPrice: tier ? { minor: tier.unitPriceMinor, currency: tier.currency } : null,
        image: product.images[0] ?? null,
        companyName: name,
        companyPlace: place,
        certifications: [...new Set(product.certifications.map((c) => `${c.certification.type} · ${c.certification.market}`))],
      }
    }),
    showcases: await listUpcomingShowcases({ now, locale, companyId: company.id, take: 5 }),
  }
}
