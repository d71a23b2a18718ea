import { pickLocalizedText } from '~/domain/catalog/translations'
import { getPrisma } from '~/domain/db.server'
import type { MarketAssessment, MarketStatus, RequirementAssessment } from './readiness'
import { assessCompanyProducts, isMarketCoveredInDb, readyProductIds } from './readiness.server'

// Readiness of one product for one market as the buyer side shows it: the product page ("for my market")
// and the exporter's inquiry page (the gap for the buyer's destination, before quoting). Names only, in the
// reader's language; the assessment itself is assessMarket's (through assessCompanyProducts).

export type ReadinessItemView = { code: string; name: string; nameLang: string }

export type ProductReadinessView = {
  market: string
  status: MarketStatus
  /** The day the assessment takes as the ship date (the product's lead time from now), YYYY-MM-DD. */
  shipDate: string
  held: ReadinessItemView[]
  missing: ReadinessItemView[]
  expiring: ReadinessItemView[]
  /** Items to check that are not documents (labelling, per-shipment notices): never block readiness. */
  checks: ReadinessItemView[]
}

function itemView(item: RequirementAssessment, locale: string): ReadinessItemView {
  const { text, lang } = pickLocalizedText(item.requirement.name.en, item.requirement.name, locale)
  return { code: item.requirement.code, name: text, nameLang: lang }
}

export function toReadinessView(assessment: MarketAssessment, shipDate: Date, locale: string): ProductReadinessView {
  const of = (status: RequirementAssessment['status']) => assessment.items.filter((item) => item.status === status).map((item) => itemView(item, locale))
  return {
    market: assessment.market,
    status: assessment.status,
    shipDate: shipDate.toISOString().slice(0, 10),
    held: of('held'),
    missing: of('missing'),
    expiring: of('expiring'),
    checks: of('check'),
  }
}

/** The readiness of `product` (of `companyId`) for `market` at `now`, or null when the product is not the company's. */
export async function productReadinessFor(
  product: { id: string; companyId: string },
  market: string,
  { locale, now = new Date() }: { locale: string; now?: Date },
): Promise<ProductReadinessView | null> {
  const { products } = await assessCompanyProducts(product.companyId, { markets: [market], productIds: [product.id], now })
  const assessed = products[0]
  const assessment = assessed?.markets[0]
  return assessed && assessment ? toReadinessView(assessment, assessed.shipDate, locale) : null
}

/**
 * The gap the exporter sees on an inquiry before quoting: its product's readiness for the inquiry's
 * destination country. Null when the inquiry names no product.
 */
export async function inquiryReadinessGap(inquiryId: string, { locale, now = new Date() }: { locale: string; now?: Date }) {
  const prisma = await getPrisma()
  const inquiry = await prisma.inquiry.findUnique({
    where: { id: inquiryId },
    select: { destinationCountry: true, product: { select: { id: true, companyId: true } } },
  })
  if (!inquiry?.product) return null
  const view = await productReadinessFor(inquiry.product, inquiry.destinationCountry, { locale, now })
  return view ? { productId: inquiry.product.id, ...view } : null
}

/**
 * The live room's "Ready for your market" badges: of the showcase's featured products (every product the
 * host may pin), those ready for the viewer's country, read once by the room's loader; pins arriving over
 * the socket are looked up in this set. Null when the viewer has no country or the catalogue does not cover it.
 */
export async function readyFeaturedProducts(sessionId: string, country: string | null, now = new Date()) {
  if (!country || !(await isMarketCoveredInDb(country))) return null
  const prisma = await getPrisma()
  const featured = await prisma.liveSessionProduct.findMany({ where: { sessionId }, select: { productId: true } })
  const ready = await readyProductIds(
    featured.map((row) => row.productId),
    country,
    now,
  )
  return { market: country, productIds: [...ready].sort() }
}
