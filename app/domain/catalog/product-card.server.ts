import type { Prisma } from '~/generated/prisma/client'
import { pickLocalized, pickTranslation } from './translations'

/** What a product card shows (catalog results, exporter pages), selected in one query. */
export function productCardSelect(now: Date) {
  return {
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
    company: { select: { slug: true, name: true, nameI18n: true, city: true, region: true } },
    category: { select: { slug: true, nameI18n: true } },
    certifications: {
      where: { certification: { OR: [{ validUntil: null }, { validUntil: { gte: now } }] } },
      select: { certification: { select: { type: true, market: true } } },
    },
  } satisfies Prisma.ProductSelect
}

type ProductCardRow = Prisma.ProductGetPayload<{ select: ReturnType<typeof productCardSelect> }>

/**
 * `readyFor`: the reader's market when the product is ready for it (readyProductIds, one query per page),
 * shown as a "Ready for <market>" badge; null shows none.
 */
export function toProductCard(product: ProductCardRow, locale: string, { readyFor = null }: { readyFor?: string | null } = {}) {
  const firstTier = product.priceTiers[0]
  const translation = pickTranslation(product.translations, locale)
  return {
    id: product.id,
    name: translation?.name ?? '',
    /** The content language of `name`: not the reader's when the product has no translation for them. */
    nameLang: translation?.locale ?? 'en',
    hsCode: product.hsCode,
    moq: product.moq,
    unit: product.unit,
    incoterms: product.incoterms,
    leadTimeDays: product.leadTimeDays,
    sampleAvailable: product.sampleAvailable,
    fromPrice: firstTier ? { minor: firstTier.unitPriceMinor, currency: firstTier.currency } : null,
    image: product.images[0] ?? null,
    companySlug: product.company.slug,
    companyName: pickLocalized(product.company.name, product.company.nameI18n, locale),
    companyPlace: [product.company.city, product.company.region].filter(Boolean).join(', '),
    categoryName: pickLocalized(product.category.slug, product.category.nameI18n, locale),
    // Only certifications valid now, one entry per type and market.
    certifications: [...new Set(product.certifications.map((c) => `${c.certification.type} · ${c.certification.market}`))],
    readyFor,
  }
}

export type ProductCardData = ReturnType<typeof toProductCard>
