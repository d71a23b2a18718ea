import { Prisma } from '~/generated/prisma/client'
import { getPrisma } from '~/domain/db.server'
import { isMarketCoveredInDb, readyForMarketSql, readyProductIds } from '~/domain/readiness/readiness.server'
import { MARKET_BLOCS, marketsForCountry } from './markets'
import { type CatalogQuery, PAGE_SIZE } from './search-params'
import { productCardSelect, toProductCard } from './product-card.server'
import { foldForSearch } from './product-index.server'
import { pickLocalized } from './translations'

/** Escapes LIKE wildcards so user text matches literally. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`)
}

function whereClauses(query: CatalogQuery, now: Date): Prisma.Sql[] {
  const clauses: Prisma.Sql[] = [Prisma.sql`p."status" = 'PUBLISHED'`]
  if (query.q) {
    // Words stemmed in English or Russian (any inflection of «женьшень»), OR a substring: the last catches
    // Chinese/Japanese text, Mongolian and partial words. Both sides are lower-cased by the same ICU rules.
    const words = foldForSearch(query.q)
    clauses.push(Prisma.sql`(p."searchVector" @@ websearch_to_tsquery('english', ${words})
      OR p."searchVectorRu" @@ websearch_to_tsquery('russian', ${words})
      OR p."searchText" LIKE ${foldForSearch(`%${likeLiteral(query.q)}%`)})`)
  }
  if (query.category) clauses.push(Prisma.sql`cat."slug" = ${query.category}`)
  if (query.hs) clauses.push(Prisma.sql`p."hsCode" LIKE ${`${query.hs}%`}`)
  if (query.maxMoq !== undefined) clauses.push(Prisma.sql`p."moq" <= ${query.maxMoq}`)
  if (query.priceMin !== undefined) clauses.push(Prisma.sql`p."minPriceUsdCents" >= ${Math.round(query.priceMin * 100)}`)
  if (query.priceMax !== undefined) clauses.push(Prisma.sql`p."minPriceUsdCents" <= ${Math.round(query.priceMax * 100)}`)
  if (query.region) {
    clauses.push(Prisma.sql`(co."region" ILIKE ${likeLiteral(query.region)} OR co."city" ILIKE ${likeLiteral(query.region)})`)
  }
  if (query.incoterm) clauses.push(Prisma.sql`${query.incoterm}::"Incoterm" = ANY(p."incoterms")`)
  if (query.market || query.certType) {
    const markets = query.market ? (MARKET_BLOCS.includes(query.market) ? [query.market] : marketsForCountry(query.market)) : null
    clauses.push(Prisma.sql`EXISTS (
      SELECT 1 FROM "ProductCertification" pc JOIN "Certification" c ON c."id" = pc."certificationId"
      WHERE pc."productId" = p."id"
        AND (c."validUntil" IS NULL OR c."validUntil" >= ${now})
        ${markets ? Prisma.sql`AND c."market" IN (${Prisma.join(markets)})` : Prisma.empty}
        ${query.certType ? Prisma.sql`AND c."type" = ${query.certType}` : Prisma.empty})`)
  }
  // The caller drops readyFor when the catalogue has no rules for the market (searchCatalog does).
  if (query.readyFor) clauses.push(readyForMarketSql(query.readyFor, now))
  return clauses
}

function orderBy(query: CatalogQuery): Prisma.Sql {
  switch (query.sort ?? (query.q ? 'relevance' : 'newest')) {
    case 'relevance':
      return query.q
        ? Prisma.sql`greatest(
            ts_rank_cd(p."searchVector", websearch_to_tsquery('english', ${foldForSearch(query.q)})),
            ts_rank_cd(p."searchVectorRu", websearch_to_tsquery('russian', ${foldForSearch(query.q)}))
          ) DESC, p."createdAt" DESC, p."id"`
        : Prisma.sql`p."createdAt" DESC, p."id"`
    case 'price_asc':
      return Prisma.sql`p."minPriceUsdCents" ASC NULLS LAST, p."id"`
    case 'price_desc':
      return Prisma.sql`p."minPriceUsdCents" DESC NULLS LAST, p."id"`
    case 'moq_asc':
      return Prisma.sql`p."moq" ASC, p."id"`
    case 'newest':
      return Prisma.sql`p."createdAt" DESC, p."id"`
  }
}

/** One SQL round trip for the matching ids and the total; a second for the cards of this page. */
export async function searchProductIds(query: CatalogQuery, now = new Date()) {
  const prisma = await getPrisma()
  const page = query.page ?? 1
  const rows = await prisma.$queryRaw<Array<{ id: string; total: bigint }>>`
    SELECT p."id", count(*) OVER () AS total
    FROM "Product" p
    JOIN "ExporterCompany" co ON co."id" = p."companyId"
    JOIN "Category" cat ON cat."id" = p."categoryId"
    WHERE ${Prisma.join(whereClauses(query, now), ' AND ')}
    ORDER BY ${orderBy(query)}
    LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}`
  return { ids: rows.map((row) => row.id), total: Number(rows[0]?.total ?? 0), page }
}

/**
 * "Ready for my market" as the search applies it: only where the catalogue has rules for the market (a
 * country without any would otherwise show every product as ready).
 */
export async function readinessFilterFor(query: CatalogQuery): Promise<{ market: string; applied: boolean } | null> {
  if (!query.readyFor) return null
  return { market: query.readyFor, applied: await isMarketCoveredInDb(query.readyFor) }
}

/**
 * A page of results. `readerCountry` (a buyer's profile country) names the market of the "Ready for" badges
 * when the search has no readyFor; a market the catalogue does not cover gets no badges.
 */
export async function searchCatalog(
  query: CatalogQuery,
  { locale, now = new Date(), readerCountry = null }: { locale: string; now?: Date; readerCountry?: string | null },
) {
  const prisma = await getPrisma()
  const readiness = await readinessFilterFor(query)
  const badgeMarket = readiness
    ? readiness.applied
      ? readiness.market
      : null
    : readerCountry && (await isMarketCoveredInDb(readerCountry))
      ? readerCountry
      : null
  const { ids, total, page } = await searchProductIds(readiness && !readiness.applied ? { ...query, readyFor: undefined } : query, now)
  const [products, ready] = await Promise.all([
    prisma.product.findMany({ where: { id: { in: ids } }, select: productCardSelect(now) }),
    // With the filter applied every result is ready; otherwise one query for the page.
    badgeMarket === null ? new Set<string>() : readiness?.applied ? new Set(ids) : readyProductIds(ids, badgeMarket, now),
  ])
  const byId = new Map(products.map((product) => [product.id, product]))
  const cards = ids.flatMap((id) => {
    const product = byId.get(id)
    return product ? [toProductCard(product, locale, { readyFor: ready.has(id) ? badgeMarket : null })] : []
  })
  return { cards, total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)), readiness, badgeMarket }
}

/** Filter choices for the catalog sidebar. */
export async function getCatalogFacets(locale: string) {
  const prisma = await getPrisma()
  const [categories, places, certTypes] = await Promise.all([
    prisma.category.findMany({ select: { slug: true, nameI18n: true }, orderBy: { slug: 'asc' } }),
    prisma.exporterCompany.findMany({ distinct: ['city'], select: { city: true }, where: { city: { not: null } }, orderBy: { city: 'asc' } }),
    prisma.certification.findMany({ distinct: ['type'], select: { type: true }, orderBy: { type: 'asc' } }),
  ])
  return {
    categories: categories.map((c) => ({ value: c.slug, label: pickLocalized(c.slug, c.nameI18n, locale) })),
    places: places.flatMap((p) => (p.city ? [p.city] : [])),
    certificationTypes: certTypes.map((c) => c.type),
  }
}
