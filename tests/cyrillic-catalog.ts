import { getPrisma } from '~/domain/db.server'
import { refreshProductIndex } from '~/domain/catalog/product-index.server'
import { parseCatalogQuery } from '~/domain/catalog/search-params'
import { searchCatalog } from '~/domain/catalog/search.server'
import { createExporter, createProduct } from './fixtures'

/**
 * A product described in Russian and Mongolian (and English), and an unrelated one, for the catalog
 * search of Cyrillic text. Returns a search that looks only at these two products (on PostgreSQL the db
 * suites share one database).
 */
export async function cyrillicCatalog() {
  const prisma = await getPrisma()
  const { company } = await createExporter({ city: 'Pyeongchang-cyr' })
  const ginseng = await createProduct(company.id, { name: 'Red ginseng extract' })
  const squid = await createProduct(company.id, { name: 'Dried squid', koName: '오징어' })
  await prisma.$transaction(async (tx) => {
    await tx.productTranslation.createMany({
      data: [
        { productId: ginseng.id, locale: 'ru', name: 'Экстракт красного женьшеня', description: 'Шестилетний Женьшень из провинции Канвондо.' },
        { productId: ginseng.id, locale: 'mn', name: 'Хүнсний улаан хүн орхоодойн ханд', description: 'Зургаан настай Солонгос хүн орхоодой.' },
      ],
    })
    await refreshProductIndex(tx, { productIds: [ginseng.id] })
  })
  const mine = new Set([ginseng.id, squid.id])
  async function search(q: string): Promise<string[]> {
    const { query } = parseCatalogQuery(new URLSearchParams({ q }))
    const { cards } = await searchCatalog(query, { locale: 'ru', now: new Date() })
    return cards.map((card) => card.id).filter((id) => mine.has(id))
  }
  return { ginseng, squid, search }
}
