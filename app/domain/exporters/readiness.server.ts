import { pickLocalizedText, pickTranslation } from '~/domain/catalog/translations'
import { getPrisma } from '~/domain/db.server'
import { DomainError } from '~/domain/errors'
import { loadCatalogue } from '~/domain/readiness/catalogue.server'
import { majorMarketsAnd, type MissingTally, tallyMissing, topMissing } from '~/domain/readiness/fair-gaps.server'
import type { MarketAssessment, MarketStatus } from '~/domain/readiness/readiness'
import { assessCompanyProducts, MAJOR_MARKETS } from '~/domain/readiness/readiness.server'
import { toMarketView } from '~/domain/readiness/readiness-view'
import { createI18n, isSupportedLocale } from '~/lib/i18n'
import { dayStart, isoDay } from '~/lib/time'
import { toCsv } from '~/utils/csv.server'
import { CERTIFICATION_TYPES, isCertificationMarket } from './schemas'

// Export readiness as the exporter sees it: one product's requirements per market (the product editor),
// the company's products × markets (the matrix and its CSV) and the dashboard's summary. Every figure comes
// from assessCompanyProducts, so the three views cannot disagree.

/** A ?ship=YYYY-MM-DD parameter as UTC midnight (dates on certificates and ship dates are days), else null. */
export function parseShipDate(value: string | null | undefined): Date | null {
  if (!value) return null
  const date = dayStart(value)
  if (Number.isNaN(date.getTime())) return null
  const year = date.getUTCFullYear()
  return year >= 2000 && year <= 2100 ? date : null
}

/** A ?market= parameter: a country (ISO alpha-2) or a bloc, upper-cased; anything else is ignored. */
export function parseMarket(value: string | null | undefined): string | null {
  if (!value) return null
  const code = value.trim().toUpperCase()
  return code !== 'GLOBAL' && isCertificationMarket(code) ? code : null
}

/**
 * The certificate types an exporter may record: the fixed list and every document type the requirements
 * catalogue names (so a CPNP notification or a GACC registration can be entered), sorted.
 */
export async function certificationTypeChoices(): Promise<string[]> {
  const catalogue = await loadCatalogue()
  return [...new Set([...CERTIFICATION_TYPES, ...catalogue.flatMap((requirement) => requirement.documentTypes)])].sort((a, b) => a.localeCompare(b))
}

/**
 * One product's readiness for its target markets and `market` (the picker), on `shipDate` (else its lead
 * time from now). 404 when the product is not the company's.
 */
export async function productReadiness(
  companyId: string,
  productId: string,
  { market, shipDate, now }: { market: string | null; shipDate: Date | null; now: Date },
) {
  const prisma = await getPrisma()
  const product = await prisma.product.findFirst({ where: { id: productId, companyId }, select: { targetMarkets: true } })
  if (!product) throw new DomainError('not-found', { status: 404 })
  const markets = [...new Set([...product.targetMarkets.map((code) => code.toUpperCase()), ...(market ? [market] : [])])]
  const assessed = await assessCompanyProducts(companyId, { markets, productIds: [productId], now, ...(shipDate ? { shipDate } : {}) })
  const row = assessed.products[0]
  if (!row) throw new DomainError('not-found', { status: 404 })
  return {
    targetMarkets: product.targetMarkets,
    majorMarkets: MAJOR_MARKETS,
    market,
    shipDate: isoDay(row.shipDate),
    /** The ship date the reader chose (kept in links back here), null for the product's lead time. */
    shipParam: shipDate ? isoDay(shipDate) : null,
    markets: row.markets.map(toMarketView),
  }
}

const productName = (translations: ReadonlyArray<{ locale: string; name: string }>, locale: string) => pickTranslation(translations, locale)?.name ?? ''

const codesWith = (assessment: MarketAssessment, status: 'missing' | 'expiring') =>
  assessment.items.filter((item) => item.status === status).map((item) => item.requirement.code)

/** The company's non-archived products assessed for the major markets and the products' target markets. */
async function assessCompany(companyId: string, { now, shipDate }: { now: Date; shipDate: Date | null }) {
  const prisma = await getPrisma()
  const targets = await prisma.product.findMany({ where: { companyId, status: { not: 'ARCHIVED' } }, select: { targetMarkets: true } })
  const markets = majorMarketsAnd(targets.flatMap((product) => product.targetMarkets))
  const assessed = await assessCompanyProducts(companyId, { markets, now, ...(shipDate ? { shipDate } : {}) })
  return { markets, products: assessed.products }
}

/**
 * The company's non-archived products × (the major markets and the products' target markets): each cell's
 * status with the codes of what is missing or expiring, and per market how many products are ready,
 * expiring or missing something (the chart above the matrix).
 */
export async function companyReadinessMatrix(companyId: string, { now, shipDate, locale }: { now: Date; shipDate: Date | null; locale: string }) {
  const { markets, products } = await assessCompany(companyId, { now, shipDate })
  const rows = products.map(({ product, shipDate: day, markets: assessments }) => ({
    id: product.id,
    name: productName(product.translations, locale),
    hsCode: product.hsCode,
    shipDate: isoDay(day),
    cells: assessments.map((assessment) => ({
      market: assessment.market,
      status: assessment.status,
      missingCodes: codesWith(assessment, 'missing'),
      expiringCodes: codesWith(assessment, 'expiring'),
    })),
  }))
  const summary = markets.map((market, column) => {
    const count = (status: MarketStatus) => rows.filter((row) => row.cells[column]?.status === status).length
    return { market, ready: count('ready'), expiring: count('expiring'), missing: count('missing'), notCovered: count('not-covered') }
  })
  return { markets, rows, summary }
}

export type ReadinessMatrix = Awaited<ReturnType<typeof companyReadinessMatrix>>

export const MATRIX_CSV_COLUMNS = ['product', 'hsCode', 'market', 'status', 'missing', 'expiring'] as const

/** The matrix as CSV, one line per product × market, headings and statuses in the reader's language, codes as codes. */
export function readinessMatrixCsv(matrix: ReadinessMatrix, locale: string): string {
  const { t } = createI18n(isSupportedLocale(locale) ? locale : 'en')
  const lines = matrix.rows.flatMap((row) =>
    row.cells.map((cell) => [
      row.name,
      row.hsCode,
      cell.market,
      t(`readiness.status.${cell.status}`),
      cell.missingCodes.join(' '),
      cell.expiringCodes.join(' '),
    ]),
  )
  return toCsv([MATRIX_CSV_COLUMNS.map((column) => t(`readinessExporter.csv.${column}`)), ...lines])
}

/**
 * The dashboard's card: per major market how many of the company's products are ready, and the three
 * requirements missing for the most products (over the major markets and the products' target markets),
 * counted the way the fair's gaps are (tallyMissing, topMissing).
 */
export async function dashboardReadiness(companyId: string, { now, locale }: { now: Date; locale: string }) {
  const { markets, products } = await assessCompany(companyId, { now, shipDate: null })
  const tally: MissingTally = new Map()
  for (const { product, markets: assessments } of products) {
    for (const assessment of assessments) tallyMissing(tally, assessment, { id: product.id, companyId })
  }
  const major: readonly string[] = MAJOR_MARKETS
  return {
    productCount: products.length,
    markets: markets.flatMap((market, column) => {
      if (!major.includes(market)) return []
      const statuses = products.map((row) => row.markets[column]?.status)
      return [{ market, ready: statuses.filter((status) => status === 'ready').length, covered: !statuses.includes('not-covered') }]
    }),
    topMissing: topMissing(tally).map(({ code, products: count, name }) => ({ code, products: count, name: pickLocalizedText(name.en, name, locale) })),
  }
}

/** The name of one of the company's products in the reader's language (the certificate form's "Attach to …"); 404 for another company's. */
export async function companyProductName(companyId: string, productId: string, locale: string): Promise<string> {
  const prisma = await getPrisma()
  const product = await prisma.product.findFirst({ where: { id: productId, companyId }, select: { translations: { select: { locale: true, name: true } } } })
  if (!product) throw new DomainError('not-found', { status: 404 })
  return productName(product.translations, locale)
}
