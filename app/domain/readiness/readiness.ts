import { isCertificationValidAt } from '~/domain/catalog/certified-for-market'
import { GLOBAL_MARKET, MARKET_BLOCS, marketsForCountry } from '~/domain/catalog/markets'
import type { MarketRequirement } from './requirement-schema'

// Export readiness: which of a market's requirements a product's documents cover, now and on the day it
// ships. Pure and clock-free (the caller passes `now` and the ship date): the product editor, the company
// matrix, the RFQ gap, the fair's gaps and the stored per-market rows the catalog filters on all come
// from assessMarket, so they cannot disagree.

/** A certification row of the company as readiness sees it: `linked` when it is attached to the product. */
export type HeldDocument = {
  id: string
  type: string
  market: string
  number: string
  validFrom: Date | null
  validUntil: Date | null
  linked: boolean
}

/** The rule of a requirement that decides for an HS code: the longest of its prefixes the code starts with. */
export function decidingPrefix(requirement: Pick<MarketRequirement, 'hs' | 'exceptHs'>, hsCode: string): { prefix: string; exempt: boolean } | null {
  let best: { prefix: string; exempt: boolean } | null = null
  const consider = (prefix: string, exempt: boolean) => {
    if (!hsCode.startsWith(prefix)) return
    // On an equal length an exemption wins: listing a prefix in both means it is carved out.
    if (!best || prefix.length > best.prefix.length || (prefix.length === best.prefix.length && exempt)) best = { prefix, exempt }
  }
  for (const prefix of requirement.hs) consider(prefix, false)
  for (const prefix of requirement.exceptHs) consider(prefix, true)
  return best
}

export function requirementAppliesToHs(requirement: Pick<MarketRequirement, 'hs' | 'exceptHs'>, hsCode: string): boolean {
  const decided = decidingPrefix(requirement, hsCode)
  return decided !== null && !decided.exempt
}

/**
 * The jurisdictions whose rules apply to sales into `market`: a country and the blocs it belongs to
 * (Germany: DE and EU), or a bloc alone (its column in a matrix).
 */
export function jurisdictionsOf(market: string): string[] {
  const code = market.toUpperCase()
  return MARKET_BLOCS.includes(code) ? [code] : marketsForCountry(code)
}

const isBloc = (market: string) => MARKET_BLOCS.includes(market)

/**
 * A document issued for `documentMarket` counts for a requirement of `requirementMarket` when they are the
 * same, when it is not tied to a market (GLOBAL, INT), or when one is a bloc the other belongs to (an EAC
 * declaration registered in Russia is valid across the EAEU; a CE marking covers every EU country).
 */
export function documentCoversMarket(documentMarket: string, requirementMarket: string): boolean {
  const document = documentMarket.toUpperCase()
  const required = requirementMarket.toUpperCase()
  if (document === required || document === GLOBAL_MARKET || document === 'INT') return true
  if (isBloc(required) && !isBloc(document)) return jurisdictionsOf(document).includes(required)
  if (isBloc(document) && !isBloc(required)) return jurisdictionsOf(required).includes(document)
  return false
}

/** A document of the right type, for the requirement's market, held at the right level (company or this product). */
export function documentSatisfies(requirement: Pick<MarketRequirement, 'documentTypes' | 'market' | 'scope'>, document: HeldDocument): boolean {
  if (!requirement.documentTypes.includes(document.type.toUpperCase())) return false
  if (requirement.scope === 'product' && !document.linked) return false
  return documentCoversMarket(document.market, requirement.market)
}

/**
 * held: a document is valid now and on the ship date. expiring: valid now, not on the ship date (renew it
 * before shipping). missing: none valid now. check: not a document (labelling, a per-shipment notice): shown
 * with its source, never blocks readiness.
 */
export type RequirementStatus = 'held' | 'expiring' | 'missing' | 'check'
export type MarketStatus = 'ready' | 'expiring' | 'missing' | 'not-covered'

export type RequirementAssessment = {
  requirement: MarketRequirement
  status: RequirementStatus
  /** The document that covers it now (the one valid longest), if any. */
  document: HeldDocument | null
  /** When nothing covers it now: a matching document that expired or is not valid yet, to renew. */
  lapsed: HeldDocument | null
}

export type MarketAssessment = {
  market: string
  status: MarketStatus
  items: RequirementAssessment[]
  /** Counts of document requirements (not checks). */
  required: number
  missing: number
  expiring: number
}

export type AssessmentTime = { now: Date; shipDate: Date }

/** Valid longest first; no end date counts as longest. */
const byValidity = (a: HeldDocument, b: HeldDocument) => (b.validUntil?.getTime() ?? Infinity) - (a.validUntil?.getTime() ?? Infinity)

export function assessRequirement(
  requirement: MarketRequirement,
  documents: readonly HeldDocument[],
  { now, shipDate }: AssessmentTime,
): RequirementAssessment {
  if (requirement.documentTypes.length === 0) return { requirement, status: 'check', document: null, lapsed: null }
  const candidates = documents.filter((document) => documentSatisfies(requirement, document)).sort(byValidity)
  const current = candidates.find((document) => isCertificationValidAt(document, now))
  if (!current) return { requirement, status: 'missing', document: null, lapsed: candidates[0] ?? null }
  // A renewal already on file (valid from a later day) keeps the product ready for the ship date.
  const validAtShip = candidates.some((document) => isCertificationValidAt(document, shipDate))
  return { requirement, status: validAtShip ? 'held' : 'expiring', document: current, lapsed: null }
}

/** The requirements of `catalogue` that apply to a product with `hsCode` sold into `market` (country or bloc). */
export function requirementsFor(catalogue: readonly MarketRequirement[], hsCode: string, market: string): MarketRequirement[] {
  const jurisdictions = jurisdictionsOf(market)
  return catalogue.filter((requirement) => jurisdictions.includes(requirement.market) && requirementAppliesToHs(requirement, hsCode))
}

/** The catalogue says something about `market` (a rule for it or one of its blocs); otherwise readiness is unknown there. */
export function isMarketCovered(catalogue: readonly MarketRequirement[], market: string): boolean {
  const jurisdictions = jurisdictionsOf(market)
  return catalogue.some((requirement) => jurisdictions.includes(requirement.market))
}

const ITEM_ORDER: Record<RequirementStatus, number> = { missing: 0, expiring: 1, held: 2, check: 3 }

export function assessMarket(
  catalogue: readonly MarketRequirement[],
  product: { hsCode: string; documents: readonly HeldDocument[] },
  market: string,
  time: AssessmentTime,
): MarketAssessment {
  const code = market.toUpperCase()
  if (!isMarketCovered(catalogue, code)) return { market: code, status: 'not-covered', items: [], required: 0, missing: 0, expiring: 0 }
  const items = requirementsFor(catalogue, product.hsCode, code)
    .map((requirement) => assessRequirement(requirement, product.documents, time))
    .sort((a, b) => ITEM_ORDER[a.status] - ITEM_ORDER[b.status] || a.requirement.code.localeCompare(b.requirement.code))
  const count = (status: RequirementStatus) => items.filter((item) => item.status === status).length
  const missing = count('missing')
  const expiring = count('expiring')
  const required = items.length - count('check')
  return { market: code, status: missing > 0 ? 'missing' : expiring > 0 ? 'expiring' : 'ready', items, required, missing, expiring }
}

/**
 * What the catalog filters on, per jurisdiction (a country's own rules and each bloc's, stored apart so a
 * German and a French buyer share the EU row): how many document requirements apply, how many have no valid
 * document now, and until when the held ones stay valid (null: none ends). Ready for a buyer in a country
 * at instant t: every row of its jurisdictions has missing = 0 and readyUntil null or after t.
 * Only jurisdictions with at least one document requirement get a row.
 */
export type JurisdictionReadiness = { market: string; required: number; missing: number; readyUntil: Date | null }

export function jurisdictionReadiness(
  catalogue: readonly MarketRequirement[],
  product: { hsCode: string; documents: readonly HeldDocument[] },
  now: Date,
): JurisdictionReadiness[] {
  const byMarket = new Map<string, MarketRequirement[]>()
  for (const requirement of catalogue) {
    if (requirement.documentTypes.length === 0 || !requirementAppliesToHs(requirement, product.hsCode)) continue
    byMarket.set(requirement.market, [...(byMarket.get(requirement.market) ?? []), requirement])
  }
  const rows: JurisdictionReadiness[] = []
  for (const [market, requirements] of [...byMarket].sort(([a], [b]) => a.localeCompare(b))) {
    let missing = 0
    let readyUntil: Date | null = null
    for (const requirement of requirements) {
      const covered = coveredUntil(
        product.documents.filter((document) => documentSatisfies(requirement, document)),
        now,
      )
      if (covered === undefined) {
        missing += 1
        continue
      }
      if (covered && (!readyUntil || covered < readyUntil)) readyUntil = covered
    }
    rows.push({ market, required: requirements.length, missing, readyUntil: missing > 0 ? null : readyUntil })
  }
  return rows
}

/**
 * Until when `documents` cover a requirement without a gap from `now`: the end of the latest one valid now,
 * extended by any that starts by then (a renewal on file); null when one never ends; undefined when none is
 * valid now. The stored rows keep this, so a product stays ready across a renewal without a rebuild.
 */
export function coveredUntil(documents: readonly HeldDocument[], now: Date): Date | null | undefined {
  const current = documents.filter((document) => isCertificationValidAt(document, now))
  if (current.length === 0) return undefined
  if (current.some((document) => document.validUntil === null)) return null
  let end = Math.max(...current.map((document) => document.validUntil?.getTime() ?? 0))
  for (let extended = true; extended;) {
    extended = false
    for (const document of documents) {
      const starts = document.validFrom?.getTime() ?? -Infinity
      const ends = document.validUntil?.getTime() ?? Infinity
      if (starts <= end && ends > end) {
        if (ends === Infinity) return null
        end = ends
        extended = true
      }
    }
  }
  return new Date(end)
}

/** The stored rows' rule, for a buyer in `market` at `now` (the same test the catalog's SQL makes). */
export function isReadyFromRows(rows: readonly JurisdictionReadiness[], market: string, now: Date): boolean {
  const jurisdictions = jurisdictionsOf(market)
  return rows
    .filter((row) => jurisdictions.includes(row.market))
    .every((row) => row.missing === 0 && (row.readyUntil === null || row.readyUntil.getTime() > now.getTime()))
}
