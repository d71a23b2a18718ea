import { Prisma, type PrismaClient } from '~/generated/prisma/client'
import { getPrisma } from '~/domain/db.server'
import { loadCatalogue } from './catalogue.server'
import { assessMarket, type HeldDocument, jurisdictionReadiness, jurisdictionsOf } from './readiness'
import type { MarketRequirement } from './requirement-schema'

// Stored readiness (ProductMarketReadiness): rebuilt from the pure rule whenever its inputs change, read by
// the catalog filter and the "ready for your market" badges.

type Db = Prisma.TransactionClient | PrismaClient

type Scope = { productIds: readonly string[] } | { companyId: string } | { all: true }

const companyDocumentSelect = {
  id: true,
  companyId: true,
  type: true,
  market: true,
  number: true,
  validFrom: true,
  validUntil: true,
  products: { select: { productId: true } },
} satisfies Prisma.CertificationSelect

/** A certification row as documentsByCompany reads it. */
type CompanyDocument = Prisma.CertificationGetPayload<{ select: typeof companyDocumentSelect }>

/** Every certification of the given companies, with the products each is attached to. */
export async function documentsByCompany(db: Db, companyIds: readonly string[]) {
  const rows = await db.certification.findMany({
    where: { companyId: { in: [...companyIds] } },
    select: companyDocumentSelect,
  })
  const byCompany = new Map<string, typeof rows>()
  for (const row of rows) byCompany.set(row.companyId, [...(byCompany.get(row.companyId) ?? []), row])
  return byCompany
}

/** A company's documents as one product sees them (`linked` when attached to it). */
export function documentsForProduct(rows: readonly CompanyDocument[], productId: string): HeldDocument[] {
  return rows.map((row) => ({
    id: row.id,
    type: row.type,
    market: row.market,
    number: row.number,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    linked: row.products.some((link) => link.productId === productId),
  }))
}

const REFRESH_BATCH = 500
/** Advisory lock key of readiness rebuilds (any constant no other code uses; 22 = issue 22). */
const READINESS_LOCK = 22_0001

/**
 * Recomputes the stored readiness of the products in `scope` (call it in the transaction that changed a
 * product, a certification or its links; the whole catalogue after a requirement changed).
 */
export async function refreshReadiness(db: Db, scope: Scope, { now = new Date(), catalogue }: { now?: Date; catalogue?: readonly MarketRequirement[] } = {}) {
  // One rebuild at a time, until the transaction ends: two rebuilds of one product (a certificate saved while
  // the product is, an exporter's save during an admin's catalogue edit) would otherwise each delete the rows
  // the other has not committed yet, then collide on insert, or write rows from data read before the other
  // committed. Everything below is read after the lock, so it includes whatever the previous holder wrote.
  await db.$executeRaw`SELECT pg_advisory_xact_lock(${READINESS_LOCK})`
  const requirements = catalogue ?? (await loadCatalogue(db))
  const where: Prisma.ProductWhereInput =
    'productIds' in scope ? { id: { in: [...scope.productIds] } } : 'companyId' in scope ? { companyId: scope.companyId } : {}
  let cursor: string | undefined
  let refreshed = 0
  for (;;) {
    const products = await db.product.findMany({
      where,
      select: { id: true, hsCode: true, companyId: true },
      orderBy: { id: 'asc' },
      take: REFRESH_BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    })
    if (products.length === 0) break
    const documents = await documentsByCompany(db, [...new Set(products.map((product) => product.companyId))])
    const rows = products.flatMap((product) =>
      jurisdictionReadiness(
        requirements,
        { hsCode: product.hsCode, documents: documentsForProduct(documents.get(product.companyId) ?? [], product.id) },
        now,
      ).map((row) => ({ productId: product.id, ...row, computedAt: now })),
    )
    await db.productMarketReadiness.deleteMany({ where: { productId: { in: products.map((product) => product.id) } } })
    if (rows.length) await db.productMarketReadiness.createMany({ data: rows })
    refreshed += products.length
    const last = products.at(-1)
    if (!last || products.length < REFRESH_BATCH) break
    cursor = last.id
  }
  return { refreshed }
}

/**
 * SQL condition on product `p`: ready for a buyer in `market` at `now` (the rule of isReadyFromRows).
 * The caller checks first that the catalogue covers the market: with no rules at all everything would pass.
 */
export function readyForMarketSql(market: string, now: Date): Prisma.Sql {
  // NOT IN over one hashed subquery, not a NOT EXISTS probe per product: half the time at 10,000 products
  // (bench/README.md, catalog). productId is never null, so NOT IN means what it says.
  return Prisma.sql`p."id" NOT IN (
    SELECT r."productId" FROM "ProductMarketReadiness" r
    WHERE r."market" IN (${Prisma.join(jurisdictionsOf(market))})
      AND (r."missing" > 0 OR r."readyUntil" <= ${now}))`
}

/**
 * readyForMarketSql as a Prisma condition on a product (the /live directory's "ready for my market"): no
 * stored row of the market's jurisdictions with something missing or no longer valid at `now`. The caller
 * checks coverage first, as for the SQL form.
 */
export function readyForMarketWhere(market: string, now: Date): Prisma.ProductWhereInput {
  return { readiness: { none: { market: { in: jurisdictionsOf(market) }, OR: [{ missing: { gt: 0 } }, { readyUntil: { lte: now } }] } } }
}

/** Of `productIds`, those ready for a buyer in `market` at `now` (badges on cards and pinned products). */
export async function readyProductIds(productIds: readonly string[], market: string, now = new Date()): Promise<Set<string>> {
  if (productIds.length === 0) return new Set()
  const prisma = await getPrisma()
  const rows = await prisma.$queryRaw<Array<{ id: string }>>`
    SELECT p."id" FROM "Product" p WHERE p."id" IN (${Prisma.join(productIds)}) AND ${readyForMarketSql(market, now)}`
  return new Set(rows.map((row) => row.id))
}

/** The catalogue has rules for `market` (a country or one of its blocs), so "ready" means something there. */
export async function isMarketCoveredInDb(market: string): Promise<boolean> {
  const prisma = await getPrisma()
  return (await prisma.marketRequirement.count({ where: { market: { in: jurisdictionsOf(market) } }, take: 1 })) > 0
}

/**
 * The markets exporters see as columns and buyers' filters cover first: the ten biggest target markets of
 * Korean consumer goods (countries and blocs), the ASEAN halal markets, and Mongolia (GTI).
 */
export const MAJOR_MARKETS = ['US', 'CN', 'JP', 'VN', 'HK', 'TW', 'EU', 'EAEU', 'GCC', 'IN', 'MY', 'ID', 'MN'] as const

const DAY_MS = 86_400_000

/** The day a product would ship if ordered now: its lead time from today (the exporter may pick another). */
export function defaultShipDate(now: Date, leadTimeDays: number): Date {
  return new Date(now.getTime() + leadTimeDays * DAY_MS)
}

/**
 * Readiness of the products of `companyId` (all, or `productIds`) for each of `markets`: the pure
 * assessment per product × market, at `now` and on each product's ship date (`shipDate`, else its lead time
 * from now). One catalogue read and one documents read for the lot.
 */
export async function assessCompanyProducts(
  companyId: string,
  { markets, productIds, now = new Date(), shipDate }: { markets: readonly string[]; productIds?: readonly string[]; now?: Date; shipDate?: Date },
) {
  const prisma = await getPrisma()
  const [catalogue, products, documents] = await Promise.all([
    loadCatalogue(prisma),
    prisma.product.findMany({
      where: { companyId, ...(productIds ? { id: { in: [...productIds] } } : { status: { not: 'ARCHIVED' } }) },
      select: {
        id: true,
        slug: true,
        hsCode: true,
        leadTimeDays: true,
        targetMarkets: true,
        status: true,
        translations: { select: { locale: true, name: true } },
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    }),
    documentsByCompany(prisma, [companyId]),
  ])
  const companyDocuments = documents.get(companyId) ?? []
  return {
    catalogue,
    products: products.map((product) => {
      const held = documentsForProduct(companyDocuments, product.id)
      const time = { now, shipDate: shipDate ?? defaultShipDate(now, product.leadTimeDays) }
      return {
        product,
        shipDate: time.shipDate,
        markets: markets.map((market) => assessMarket(catalogue, { hsCode: product.hsCode, documents: held }, market, time)),
      }
    }),
  }
}
