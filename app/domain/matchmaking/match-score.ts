// Explainable buyer ↔ exporter match score. Pure: callers load profiles, products, certifications and
// interaction counts, and pass `now` (certification validity depends on it).
import { isCertificationValidAt } from '~/domain/catalog/certified-for-market'
import { marketCoversCountry, marketsForCountry } from '~/domain/catalog/markets'

/** Mirrors the Prisma enum `VolumeBand` (yearly purchase volume in USD). */
export type VolumeBand = 'UNDER_50K' | 'FROM_50K_TO_250K' | 'FROM_250K_TO_1M' | 'FROM_1M_TO_5M' | 'OVER_5M'

/** The fields of `BuyerProfile` that matching reads. */
export type MatchBuyer = {
  id: string
  /** ISO 3166-1 alpha-2 */
  country: string
  /** Category slugs of interest */
  interests: readonly string[]
  /** Two-digit HS chapters of interest */
  hsChapters: readonly string[]
  yearlyVolume: VolumeBand | null
  /** BCP 47 language codes */
  languages: readonly string[]
}

/** A `Certification` row of the exporter. */
export type MatchCertification = {
  id: string
  /** e.g. FDA, CE, HALAL */
  type: string
  /** ISO 3166-1 alpha-2, "EU", "GCC" or "GLOBAL" */
  market: string
  validFrom: Date | null
  validUntil: Date | null
}

/** A published `Product` with the values matching needs. */
export type MatchProduct = {
  id: string
  categorySlug: string
  /** 6–10 digits, no dots */
  hsCode: string
  moq: number
  /** Unit price at the MOQ in USD cents (or the product's `minPriceUsdCents`); null when unknown */
  unitPriceUsdCents: number | null
  /** ISO 3166-1 alpha-2, "EU" or "GCC" */
  targetMarkets: readonly string[]
}

/** An `ExporterCompany` with its products and certifications. */
export type MatchExporter = {
  id: string
  /** ISO 3166-1 alpha-2 countries already exported to */
  exportMarkets: readonly string[]
  languages: readonly string[]
  products: readonly MatchProduct[]
  certifications: readonly MatchCertification[]
}

/** Past interactions of this buyer with this exporter (product views, inquiries sent). */
export type InteractionCounts = {
  views: number
  inquiries: number
}

export type MatchReasonCode =
  | 'category-match'
  | 'hs-chapter-match'
  | 'certified-for-market'
  | 'volume-fits-moq'
  | 'shared-language'
  | 'exports-to-country'
  | 'targets-market'
  | 'past-interest'

export type MatchCautionCode = 'certification-expired' | 'moq-above-volume'

/** Machine-readable; the UI translates `code` with `params` (e.g. "HS 3304 matches your interests"). */
export type MatchReason = {
  code: MatchReasonCode
  params: Record<string, string | number>
  /** Points this reason contributes to the score (reasons' weights add up to the score). */
  weight: number
}

/** Something the parties should know that lowers nothing but may matter (e.g. an expired certificate). */
export type MatchCaution = {
  code: MatchCautionCode
  params: Record<string, string | number>
}

export type MatchResult = {
  /** 0–100, one decimal */
  score: number
  /** Heaviest first */
  reasons: MatchReason[]
  cautions: MatchCaution[]
}

/** Maximum points per criterion; they add up to 100 by default. */
export type MatchWeights = {
  categories: number
  hsChapters: number
  certifications: number
  volume: number
  languages: number
  markets: number
  interactions: number
}

export const DEFAULT_MATCH_WEIGHTS: Readonly<MatchWeights> = {
  categories: 20,
  hsChapters: 20,
  certifications: 15,
  volume: 15,
  languages: 10,
  markets: 10,
  interactions: 10,
}

export type MatchOptions = {
  now: Date
  interactions?: InteractionCounts
  weights?: Partial<MatchWeights>
}

// Yearly purchase volume per band, USD.
const VOLUME_BAND_MAX_USD: Record<VolumeBand, number> = {
  UNDER_50K: 50_000,
  FROM_50K_TO_250K: 250_000,
  FROM_250K_TO_1M: 1_000_000,
  FROM_1M_TO_5M: 5_000_000,
  OVER_5M: Number.POSITIVE_INFINITY,
}

// One order at MOQ should leave room for several orders a year; a quarter of the band's top is "comfortable".
const COMFORTABLE_SHARE_OF_YEARLY_VOLUME = 0.25

export function hsChapterOf(hsCode: string): string {
  return hsCode.replace(/\D/g, '').slice(0, 2)
}

function hsHeadingOf(hsCode: string): string {
  return hsCode.replace(/\D/g, '').slice(0, 4)
}

/** "en-US" and "en" are the same language for a conversation. */
function primaryLanguage(tag: string): string {
  return (tag.split(/[-_]/)[0] ?? tag).toLowerCase()
}

function round1(value: number): number {
  return Math.round(value * 10) / 10
}

/** Splits `points` evenly over the matched items so each gets its own reason. */
function splitReasons(code: MatchReasonCode, points: number, items: ReadonlyArray<Record<string, string | number>>): MatchReason[] {
  if (items.length === 0 || points <= 0) return []
  return items.map((params) => ({ code, params, weight: points / items.length }))
}

function categoryReasons(buyer: MatchBuyer, exporter: MatchExporter, maxPoints: number): MatchReason[] {
  const offered = new Set(exporter.products.map((product) => product.categorySlug))
  const matched = [...new Set(buyer.interests)].filter((slug) => offered.has(slug)).sort()
  // Two matching interests (or all of them, when the buyer lists fewer) earn the full points.
  const needed = Math.min(2, buyer.interests.length)
  const points = needed === 0 ? 0 : maxPoints * Math.min(1, matched.length / needed)
  return splitReasons(
    'category-match',
    points,
    matched.map((category) => ({ category })),
  )
}

function hsChapterReasons(buyer: MatchBuyer, exporter: MatchExporter, maxPoints: number): MatchReason[] {
  const wanted = new Set(buyer.hsChapters)
  // First product heading per chapter, so the UI can say "HS 3304 matches your interests".
  const headingByChapter = new Map<string, string>()
  for (const product of exporter.products) {
    const chapter = hsChapterOf(product.hsCode)
    if (wanted.has(chapter) && !headingByChapter.has(chapter)) headingByChapter.set(chapter, hsHeadingOf(product.hsCode))
  }
  const matched = [...headingByChapter.entries()].sort(([a], [b]) => a.localeCompare(b))
  const needed = Math.min(2, wanted.size)
  const points = needed === 0 ? 0 : maxPoints * Math.min(1, matched.length / needed)
  return splitReasons(
    'hs-chapter-match',
    points,
    matched.map(([chapter, heading]) => ({ chapter, heading })),
  )
}

function certificationFindings(buyer: MatchBuyer, exporter: MatchExporter, now: Date, maxPoints: number): { reasons: MatchReason[]; cautions: MatchCaution[] } {
  const relevant = exporter.certifications.filter((cert) => marketCoversCountry(cert.market, buyer.country))
  const valid = relevant.filter((cert) => isCertificationValidAt(cert, now))
  // One valid certificate for the buyer's market is most of the value; a second one completes it.
  const points = valid.length === 0 ? 0 : valid.length === 1 ? maxPoints * (2 / 3) : maxPoints
  const validTypes = new Set(valid.map((cert) => cert.type))
  const reasons = splitReasons(
    'certified-for-market',
    points,
    valid.map((cert) => ({ type: cert.type, market: cert.market.toUpperCase(), country: buyer.country })).sort((a, b) => a.type.localeCompare(b.type)),
  )
  const cautions: MatchCaution[] = relevant.flatMap((cert) =>
    !validTypes.has(cert.type) && cert.validUntil && cert.validUntil.getTime() <= now.getTime()
      ? [{ code: 'certification-expired', params: { type: cert.type, market: cert.market.toUpperCase(), validUntil: cert.validUntil.toISOString() } }]
      : [],
  )
  return { reasons, cautions }
}

function volumeFindings(buyer: MatchBuyer, exporter: MatchExporter, maxPoints: number): { reasons: MatchReason[]; cautions: MatchCaution[] } {
  if (!buyer.yearlyVolume) return { reasons: [], cautions: [] }
  const yearlyMaxUsd = VOLUME_BAND_MAX_USD[buyer.yearlyVolume]
  const priced = exporter.products
    .filter((product) => product.unitPriceUsdCents !== null && product.moq > 0)
    .map((product) => ({ product, moqValueUsd: (product.moq * (product.unitPriceUsdCents ?? 0)) / 100 }))
    .sort((a, b) => a.moqValueUsd - b.moqValueUsd)
  const cheapest = priced[0]
  if (!cheapest) return { reasons: [], cautions: [] }
  const share = cheapest.moqValueUsd / yearlyMaxUsd
  const params = { productId: cheapest.product.id, moqValueUsd: Math.round(cheapest.moqValueUsd), band: buyer.yearlyVolume }
  if (share <= COMFORTABLE_SHARE_OF_YEARLY_VOLUME) {
    return { reasons: [{ code: 'volume-fits-moq', params, weight: maxPoints }], cautions: [] }
  }
  if (share <= 1) return { reasons: [{ code: 'volume-fits-moq', params, weight: maxPoints / 2 }], cautions: [] }
  return { reasons: [], cautions: [{ code: 'moq-above-volume', params }] }
}

function languageReasons(buyer: MatchBuyer, exporter: MatchExporter, maxPoints: number): MatchReason[] {
  const spoken = new Set(exporter.languages.map(primaryLanguage))
  const shared = [...new Set(buyer.languages.map(primaryLanguage))].filter((lang) => spoken.has(lang)).sort()
  // One shared language is enough to hold a meeting without an interpreter.
  return splitReasons(
    'shared-language',
    shared.length > 0 ? maxPoints : 0,
    shared.map((language) => ({ language })),
  )
}

function marketReasons(buyer: MatchBuyer, exporter: MatchExporter, maxPoints: number): MatchReason[] {
  const country = buyer.country.toUpperCase()
  if (exporter.exportMarkets.some((market) => market.toUpperCase() === country)) {
    return [{ code: 'exports-to-country', params: { country }, weight: maxPoints }]
  }
  const buyerMarkets = new Set(marketsForCountry(country))
  const targeting = exporter.products.find((product) => product.targetMarkets.some((market) => buyerMarkets.has(market.toUpperCase())))
  const market = targeting?.targetMarkets.find((m) => buyerMarkets.has(m.toUpperCase()))?.toUpperCase()
  if (!targeting || !market) return []
  // Targeting a market is an intention; having exported there is proof, so it weighs more.
  return [{ code: 'targets-market', params: { market, productId: targeting.id }, weight: maxPoints * 0.6 }]
}

function interactionReasons(interactions: InteractionCounts | undefined, maxPoints: number): MatchReason[] {
  if (!interactions || (interactions.views <= 0 && interactions.inquiries <= 0)) return []
  // Views saturate logarithmically; an inquiry is a much stronger signal than a view.
  const raw = 1.5 * Math.log2(1 + Math.max(0, interactions.views)) + 4 * Math.max(0, interactions.inquiries)
  const points = Math.min(maxPoints, raw)
  return [
    {
      code: 'past-interest',
      params: { views: interactions.views, inquiries: interactions.inquiries },
      weight: points,
    },
  ]
}

/** Score in [0, 100] with the reasons that make it up, heaviest first. */
export function matchScore(buyer: MatchBuyer, exporter: MatchExporter, options: MatchOptions): MatchResult {
  const weights = { ...DEFAULT_MATCH_WEIGHTS, ...options.weights }
  const certifications = certificationFindings(buyer, exporter, options.now, weights.certifications)
  const volume = volumeFindings(buyer, exporter, weights.volume)
  const reasons = [
    ...categoryReasons(buyer, exporter, weights.categories),
    ...hsChapterReasons(buyer, exporter, weights.hsChapters),
    ...certifications.reasons,
    ...volume.reasons,
    ...languageReasons(buyer, exporter, weights.languages),
    ...marketReasons(buyer, exporter, weights.markets),
    ...interactionReasons(options.interactions, weights.interactions),
  ]
  const total = reasons.reduce((sum, reason) => sum + reason.weight, 0)
  const maxTotal = Object.values(weights).reduce((sum, value) => sum + value, 0)
  // Custom weights may not add up to 100; the score stays on a 0–100 scale anyway.
  const scale = maxTotal > 0 ? 100 / maxTotal : 0
  return {
    score: round1(Math.min(100, total * scale)),
    reasons: reasons
      .map((reason) => ({ ...reason, weight: round1(reason.weight * scale) }))
      .sort((a, b) => b.weight - a.weight || a.code.localeCompare(b.code)),
    cautions: [...certifications.cautions, ...volume.cautions],
  }
}

export type RankOptions = {
  now: Date
  limit: number
  /** Looked up per pair; omit when there is no history */
  interactions?: (buyerId: string, exporterId: string) => InteractionCounts | undefined
  /** Candidates scoring at or below this are left out (default 0: no common ground at all) */
  minScore?: number
  weights?: Partial<MatchWeights>
}

export type RankedExporter = {
  exporterId: string
} & MatchResult

export type RankedBuyer = {
  buyerId: string
} & MatchResult

function byScoreThenId<T extends { score: number }>(idOf: (item: T) => string) {
  // Ties broken by id so a page of results is stable between requests.
  return (a: T, b: T) => b.score - a.score || idOf(a).localeCompare(idOf(b))
}

/** Best `limit` exporters for a buyer, highest score first. */
export function rankExportersForBuyer(buyer: MatchBuyer, exporters: readonly MatchExporter[], options: RankOptions): RankedExporter[] {
  const minScore = options.minScore ?? 0
  return exporters
    .map((exporter) => ({
      exporterId: exporter.id,
      ...matchScore(buyer, exporter, {
        now: options.now,
        interactions: options.interactions?.(buyer.id, exporter.id),
        weights: options.weights,
      }),
    }))
    .filter((ranked) => ranked.score > minScore)
    .sort(byScoreThenId((ranked) => ranked.exporterId))
    .slice(0, Math.max(0, options.limit))
}

/** Best `limit` buyers for an exporter, highest score first. */
export function rankBuyersForExporter(exporter: MatchExporter, buyers: readonly MatchBuyer[], options: RankOptions): RankedBuyer[] {
  const minScore = options.minScore ?? 0
  return buyers
    .map((buyer) => ({
      buyerId: buyer.id,
      ...matchScore(buyer, exporter, {
        now: options.now,
        interactions: options.interactions?.(buyer.id, exporter.id),
        weights: options.weights,
      }),
    }))
    .filter((ranked) => ranked.score > minScore)
    .sort(byScoreThenId((ranked) => ranked.buyerId))
    .slice(0, Math.max(0, options.limit))
}
