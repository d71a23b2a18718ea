import { getPrisma } from '~/domain/db.server'
import type { PinnedProductView } from '~/protocol/live'
import { listProductCards } from './pinned-products.server'

/** Product ids are cuids; anything longer or with other characters cannot be one (and is not looked up). */
const PRODUCT_ID = /^[a-z0-9_-]{1,64}$/i

/**
 * The product a visitor came back to ask a quote on (`/live/:id?rfq=<productId>` after signing in): only a
 * published product of the showcase's own company that the showcase features or pinned. Anything else,
 * another company's product included, is null, so the page simply opens no form.
 */
export async function findQuotableShowcaseProduct(
  sessionId: string,
  productId: string | null | undefined,
  locale: string,
  now = new Date(),
): Promise<PinnedProductView | null> {
  if (!productId || !PRODUCT_ID.test(productId)) return null
  const prisma = await getPrisma()
  const link = await prisma.liveSessionProduct.findFirst({
    where: { sessionId, productId, session: { kind: 'SHOWCASE' }, product: { status: 'PUBLISHED' } },
    select: { productId: true, session: { select: { companyId: true } }, product: { select: { companyId: true } } },
  })
  if (!link || link.product.companyId !== link.session.companyId) return null
  const [card] = await listProductCards([link.productId], locale, { now, publishedOnly: true })
  return card ?? null
}
