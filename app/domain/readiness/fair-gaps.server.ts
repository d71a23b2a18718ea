import { getPrisma } from '~/domain/db.server'
import { createI18n, isSupportedLocale } from '~/lib/i18n'
import { toCsv } from '~/utils/csv.server'
import { loadCatalogue } from './catalogue.server'
import { assessMarket, isMarketCovered, type MarketAssessment } from './readiness'
import { defaultShipDate, documentsByCompany, documentsForProduct, MAJOR_MARKETS } from './readiness.server'
import type { RequirementText } from './requirement-schema'

// A fair's export readiness gaps: where its exhibitors' products are not yet allowed to be sold, market by
// market, so the organizer sees where support (consulting, vouchers) is needed. Pure aggregation of the
// same assessment the exporters see (assessMarket), over every published product of the fair's approved
// exhibitors: one catalogue read, one products read, one documents read.

/** How many requirements to name per market. */
export const TOP_MISSING = 3

export type MissingRequirement = {
  code: string
  name: RequirementText
  /** Products of the fair lacking it for this market. */
  products: number
  /** Companies with at least one such product. */
  companies: number
}

export type MarketGap = {
  market: string
  /** False when the catalogue says nothing about the market (its products are neither ready nor missing there). */
  covered: boolean
  products: number
  ready: number
  expiring: number
  missing: number
  /** Companies with at least one product missing a requirement there. */
  companiesWithGaps: number
  topMissing: MissingRequirement[]
}

/** `companies`: approved exhibitors with at least one published product; `products`: their published products. */
export type FairReadinessGaps = { companies: number; products: number; markets: MarketGap[] }

/**
 * A readiness view's markets: the major markets, then the other countries it concerns, sorted (a fair's
 * buyers' countries, a company's target markets). A German buyer's DE row applies DE's rules and the EU's.
 */
export function majorMarketsAnd(countries: readonly string[]): string[] {
  const major: readonly string[] = MAJOR_MARKETS
  const extra = [...new Set(countries.map((country) => country.toUpperCase()))].filter((country) => !major.includes(country)).sort()
  return [...major, ...extra]
}

/** Requirements missing in assessments: per requirement code, its name and which products and companies lack it. */
export type MissingTally = Map<string, { name: RequirementText; products: Set<string>; companies: Set<string> }>

/** Adds one product's assessment for one market to the tally. */
export function tallyMissing(tally: MissingTally, assessment: MarketAssessment, product: { id: string; companyId: string }): void {
  for (const item of assessment.items) {
    if (item.status !== 'missing') continue
    const entry = tally.get(item.requirement.code) ?? { name: item.requirement.name, products: new Set<string>(), companies: new Set<string>() }
    entry.products.add(product.id)
    entry.companies.add(product.companyId)
    tally.set(item.requirement.code, entry)
  }
}

/** The requirements missing for the most products (then companies, then by code). */
export function topMissing(tally: MissingTally, limit = TOP_MISSING): MissingRequirement[] {
  return [...tally]
    .map(([code, entry]) => ({ code, name: entry.name, products: entry.products.size, companies: entry.companies.size }))
    .sort((a, b) => b.products - a.products || b.companies - a.companies || a.code.localeCompare(b.code))
    .slice(0, limit)
}

export async function fairReadinessGaps(fairId: string, { now = new Date() }: { now?: Date } = {}): Promise<FairReadinessGaps> {
  const prisma = await getPrisma()
  const registrations = await prisma.fairRegistration.findMany({
    where: { fairId, status: 'APPROVED' },
    select: { kind: true, companyId: true, user: { select: { buyerProfile: { select: { country: true } } } } },
  })
  const companyIds = [
    ...new Set(registrations.flatMap((registration) => (registration.kind === 'EXHIBITOR' && registration.companyId ? [registration.companyId] : []))),
  ]
  const buyerCountries = registrations.flatMap((registration) =>
    registration.kind === 'BUYER' && registration.user.buyerProfile?.country ? [registration.user.buyerProfile.country] : [],
  )
  const markets = majorMarketsAnd(buyerCountries)
  const [catalogue, products, documents] = await Promise.all([
    loadCatalogue(prisma),
    companyIds.length
      ? prisma.product.findMany({
          where: { companyId: { in: companyIds }, status: 'PUBLISHED' },
          select: { id: true, companyId: true, hsCode: true, leadTimeDays: true },
          orderBy: { id: 'asc' },
        })
      : Promise.resolve([]),
    documentsByCompany(prisma, companyIds),
  ])

  const gaps = markets.map((market) => {
    const gap = {
      market,
      covered: isMarketCovered(catalogue, market),
      products: products.length,
      ready: 0,
      expiring: 0,
      missing: 0,
      companies: new Set<string>(),
      requirements: new Map() as MissingTally,
    }
    return gap
  })

  for (const product of products) {
    const held = documentsForProduct(documents.get(product.companyId) ?? [], product.id)
    const time = { now, shipDate: defaultShipDate(now, product.leadTimeDays) }
    for (const gap of gaps) {
      if (!gap.covered) continue
      const assessment = assessMarket(catalogue, { hsCode: product.hsCode, documents: held }, gap.market, time)
      if (assessment.status === 'ready') gap.ready += 1
      else if (assessment.status === 'expiring') gap.expiring += 1
      else if (assessment.status === 'missing') {
        gap.missing += 1
        gap.companies.add(product.companyId)
      }
      tallyMissing(gap.requirements, assessment, product)
    }
  }

  return {
    // Exhibitors with something published (an approved company with only drafts has nothing to assess).
    companies: new Set(products.map((product) => product.companyId)).size,
    products: products.length,
    markets: gaps.map((gap) => ({
      market: gap.market,
      covered: gap.covered,
      products: gap.products,
      ready: gap.ready,
      expiring: gap.expiring,
      missing: gap.missing,
      companiesWithGaps: gap.companies.size,
      topMissing: topMissing(gap.requirements),
    })),
  }
}

/** The export's columns, in order (headings under readinessAdmin.gaps.columns). */
export const GAP_COLUMNS = ['market', 'products', 'ready', 'expiring', 'missing', 'companiesWithGaps', 'topMissing'] as const

/**
 * The gaps as a table for the exports, headings in the reader's language: one row per market (its code),
 * counts as numbers, the top missing requirements as "CODE (products)" joined by "; ". A market the
 * catalogue does not cover has no counts, only the words saying so.
 */
export function gapsTable(gaps: FairReadinessGaps, locale: string): { headings: string[]; rows: Array<Array<string | number>> } {
  const { t } = createI18n(isSupportedLocale(locale) ? locale : 'en')
  return {
    headings: GAP_COLUMNS.map((column) => t(`readinessAdmin.gaps.columns.${column}`)),
    rows: gaps.markets.map((gap) =>
      gap.covered
        ? [
            gap.market,
            gap.products,
            gap.ready,
            gap.expiring,
            gap.missing,
            gap.companiesWithGaps,
            gap.topMissing.map((requirement) => `${requirement.code} (${requirement.products})`).join('; '),
          ]
        : [gap.market, gap.products, '', '', '', '', t('readiness.status.not-covered')],
    ),
  }
}

export async function buildReadinessGapsCsv(fairId: string, locale: string, { now = new Date() }: { now?: Date } = {}) {
  const prisma = await getPrisma()
  const fair = await prisma.tradeFair.findUniqueOrThrow({ where: { id: fairId }, select: { slug: true } })
  const { headings, rows } = gapsTable(await fairReadinessGaps(fairId, { now }), locale)
  return { filename: `${fair.slug}-readiness-gaps.csv`, body: toCsv([headings, ...rows]) }
}
