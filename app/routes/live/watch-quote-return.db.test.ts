import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getPrisma, disconnectPrisma } from '~/domain/db.server'
import { createBuyer, createExporter, createLiveShowcase, createProduct } from '../../../tests/fixtures'
import { getRequest } from '../../../tests/http'
import { loader as watchLoader } from './watch'

// /live/:id?rfq=<product>: a buyer back from signing in gets the quote form for one of this showcase's products.

beforeAll(async () => {
  await getPrisma()
})
afterAll(async () => {
  await disconnectPrisma()
})

type WatchData = { quoteProduct: { id: string; name: string } | null }
const watch = async (sessionId: string, query: string, cookies: string[] = []) =>
  (await watchLoader({ request: getRequest(`/live/${sessionId}${query}`, cookies), params: { sessionId } } as never)) as WatchData

async function showcaseWithProducts() {
  const prisma = await getPrisma()
  const { exporter, session } = await createLiveShowcase('Quote return showcase')
  const pinned = await createProduct(exporter.company.id, { name: 'Pinned dried persimmon', koName: '곶감' })
  const featured = await createProduct(exporter.company.id, { name: 'Featured rice cake' })
  const unlinked = await createProduct(exporter.company.id, { name: 'Not in this show' })
  const draft = await createProduct(exporter.company.id, { name: 'Draft product', status: 'DRAFT' })
  await prisma.liveSessionProduct.createMany({
    data: [
      { sessionId: session.id, productId: pinned.id, pinnedAt: new Date() },
      { sessionId: session.id, productId: featured.id, pinnedAt: null },
      { sessionId: session.id, productId: draft.id, pinnedAt: new Date() },
    ],
  })
  return { exporter, session, pinned, featured, unlinked, draft }
}

describe('the quote form opened on return to a live page', () => {
  it('opens for a buyer on a product the showcase pinned or features, in the buyer’s language', async () => {
    const { session, pinned, featured } = await showcaseWithProducts()
    const buyer = await createBuyer()
    const pinnedData = await watch(session.id, `?rfq=${pinned.id}`, [buyer.cookie])
    expect(pinnedData.quoteProduct).toMatchObject({ id: pinned.id, name: 'Pinned dried persimmon' })
    expect((await watch(session.id, `?rfq=${featured.id}`, [buyer.cookie])).quoteProduct?.id).toBe(featured.id)
    const prisma = await getPrisma()
    await prisma.user.update({ where: { id: buyer.user.id }, data: { locale: 'ko' } })
    expect((await watch(session.id, `?rfq=${pinned.id}`, [buyer.cookie])).quoteProduct?.name).toBe('곶감')
  })

  it('ignores another company’s product, a product not in the show, a draft, and junk', async () => {
    const { session, unlinked, draft } = await showcaseWithProducts()
    const other = await createExporter()
    const othersProduct = await createProduct(other.company.id, { name: 'Someone else’s product' })
    // Even linked to this session by a stray row, another company's product is not offered.
    const prisma = await getPrisma()
    await prisma.liveSessionProduct.create({ data: { sessionId: session.id, productId: othersProduct.id } })
    const buyer = await createBuyer()
    for (const query of [
      `?rfq=${othersProduct.id}`,
      `?rfq=${unlinked.id}`,
      `?rfq=${draft.id}`,
      '?rfq=',
      '?rfq=%27%20OR%201%3D1--',
      `?rfq=${'x'.repeat(5000)}`,
      '',
    ]) {
      expect((await watch(session.id, query, [buyer.cookie])).quoteProduct, query.slice(0, 40)).toBeNull()
    }
  })

  it('opens nothing for a guest, an exporter, or the host', async () => {
    const { exporter, session, pinned } = await showcaseWithProducts()
    const otherExporter = await createExporter()
    expect((await watch(session.id, `?rfq=${pinned.id}`)).quoteProduct).toBeNull()
    expect((await watch(session.id, `?rfq=${pinned.id}`, [otherExporter.cookie])).quoteProduct).toBeNull()
    expect((await watch(session.id, `?rfq=${pinned.id}`, [exporter.cookie])).quoteProduct).toBeNull()
  })
})
