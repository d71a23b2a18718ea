import { getPrisma } from '~/domain/db.server'
import { type ProductReadinessView, toReadinessView } from './readiness-view'
import { assessCompanyProducts, isMarketCoveredInDb, readyProductIds } from './readiness.server'

// Readiness of one product for one market as the buyer side shows it: the product page ("for my market")
// and the exporter's inquiry page (the gap for the buyer's destination, before quoting). Names only, in the
// reader's language; the assessment itself is assessMarket's (through assessCompanyProducts).

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
