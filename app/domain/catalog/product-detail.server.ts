import { getPrisma } from '~/domain/db.server'
import { hsChapter } from './product-rules'
import { hsChapterTitle } from './hs-chapters'
import { pickLocalized, pickTranslation } from './translations'

const DAY_MS = 24 * 60 * 60 * 1000

/** A published product with every trade fact a buyer weighs; null when it is not visible to this viewer. */
export async function getProductDetail(productId: string, { locale, now, viewerCompanyId }: { locale: string; now: Date; viewerCompanyId?: string | null }) {
  const prisma = await getPrisma()
  const product = await prisma.product.findUnique({
    where: { id: productId },
    select: {
      id: true,
      status: true,
      companyId: true,
      hsCode: true,
      moq: true,
      unit: true,
      incoterms: true,
      leadTimeDays: true,
      targetMarkets: true,
      sampleAvailable: true,
      samplePriceMinor: true,
      sampleCurrency: true,
      sampleMaxQuantity: true,
      sampleShippingNote: true,
      freeSamplesVerifiedOnly: true,
      translations: { select: { locale: true, name: true, description: true } },
      priceTiers: { orderBy: { minQuantity: 'asc' }, select: { minQuantity: true, unitPriceMinor: true, currency: true } },
      images: { orderBy: { position: 'asc' }, select: { path: true, alt: true } },
      category: { select: { slug: true, nameI18n: true } },
      certifications: { select: { certification: { select: { id: true, type: true, market: true, number: true, validUntil: true, issuer: true } } } },
      company: {
        select: {
          slug: true,
          name: true,
          nameI18n: true,
          city: true,
          region: true,
          industry: true,
          foundedYear: true,
          exportExperienceYears: true,
          exportMarkets: true,
          languages: true,
          logoPath: true,
        },
      },
      featuredIn: {
        where: { session: { status: { in: ['SCHEDULED', 'LIVE'] }, scheduledEndAt: { gte: now } } },
        select: { session: { select: { id: true, title: true, titleI18n: true, status: true, scheduledStartAt: true } } },
        take: 3,
      },
    },
  })
  if (!product) return null
  if (product.status !== 'PUBLISHED' && product.companyId !== viewerCompanyId) return null
  const translation = pickTranslation(product.translations, locale)
  const chapter = hsChapter(product.hsCode)
  return {
    id: product.id,
    status: product.status,
    companyId: product.companyId,
    name: translation?.name ?? '',
    description: translation?.description ?? '',
    /** The content language of `name` and `description` (one translation): not the reader's when it is a fallback. */
    textLang: translation?.locale ?? 'en',
    hsCode: product.hsCode,
    hsChapter: chapter,
    hsChapterTitle: hsChapterTitle(chapter, locale),
    moq: product.moq,
    unit: product.unit,
    incoterms: product.incoterms,
    leadTimeDays: product.leadTimeDays,
    targetMarkets: product.targetMarkets,
    sample: product.sampleAvailable
      ? {
          priceMinor: product.samplePriceMinor ?? 0,
          currency: product.sampleCurrency ?? 'USD',
          maxQuantity: product.sampleMaxQuantity ?? 1,
          shippingNote: product.sampleShippingNote,
          /** Free samples kept for verified buyers (a priced sample is open to every buyer). */
          verifiedBuyersOnly: product.freeSamplesVerifiedOnly && (product.samplePriceMinor ?? 0) === 0,
        }
      : null,
    priceTiers: product.priceTiers,
    images: product.images,
    categoryName: pickLocalized(product.category.slug, product.category.nameI18n, locale),
    certifications: product.certifications.map(({ certification: c }) => ({
      id: c.id,
      type: c.type,
      market: c.market,
      number: c.number,
      issuer: c.issuer,
      validUntil: c.validUntil?.toISOString() ?? null,
      state: !c.validUntil ? 'valid' : c.validUntil < now ? 'expired' : c.validUntil.getTime() - now.getTime() < 30 * DAY_MS ? 'expiring' : 'valid',
    })),
    company: { ...product.company, name: pickLocalized(product.company.name, product.company.nameI18n, locale) },
    upcomingSessions: product.featuredIn.map(({ session }) => ({
      id: session.id,
      title: pickLocalized(session.title, session.titleI18n, locale),
      status: session.status,
      scheduledStartAt: session.scheduledStartAt.toISOString(),
    })),
  }
}
