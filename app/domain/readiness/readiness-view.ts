import { pickLocalizedText } from '~/domain/catalog/translations'
import { isoDay } from '~/lib/time'
import type { MarketAssessment, MarketStatus, RequirementAssessment } from './readiness'

// Export readiness as the pages show it: the views the loaders send and the components render, built from
// the same assessment (readiness.ts). Client-safe: the components import the types from here.
// - the exporter's full view (each requirement with its status and documents): toMarketView;
// - the buyer side's names-only view (product page, inquiry gap), in the reader's language: toReadinessView.

/** A document as the page shows it: its validity as an ISO day (null: open-ended). */
export type DocumentView = { type: string; number: string; market: string; validUntil: string | null }

/** One requirement's assessment for the exporter: the requirement, its status, the document held and any lapsed one. */
export type ReadinessItemView = {
  requirement: RequirementAssessment['requirement']
  status: RequirementAssessment['status']
  document: DocumentView | null
  lapsed: DocumentView | null
}

/** One market's assessment for the exporter: status, counts and every requirement. */
export type MarketReadinessView = { market: string; status: MarketStatus; required: number; missing: number; expiring: number; items: ReadinessItemView[] }

function documentView(held: RequirementAssessment['document']): DocumentView | null {
  return held ? { type: held.type, number: held.number, market: held.market, validUntil: held.validUntil ? isoDay(held.validUntil) : null } : null
}

export function toItemView(item: RequirementAssessment): ReadinessItemView {
  return { requirement: item.requirement, status: item.status, document: documentView(item.document), lapsed: documentView(item.lapsed) }
}

export function toMarketView(assessment: MarketAssessment): MarketReadinessView {
  return {
    market: assessment.market,
    status: assessment.status,
    required: assessment.required,
    missing: assessment.missing,
    expiring: assessment.expiring,
    items: assessment.items.map(toItemView),
  }
}

/** A requirement by its name only, in the reader's language (`nameLang` marks a fallback language). */
export type RequirementNameView = { code: string; name: string; nameLang: string }

export type ProductReadinessView = {
  market: string
  status: MarketStatus
  /** The day the assessment takes as the ship date (the product's lead time from now), YYYY-MM-DD. */
  shipDate: string
  held: RequirementNameView[]
  missing: RequirementNameView[]
  expiring: RequirementNameView[]
  /** Items to check that are not documents (labelling, per-shipment notices): never block readiness. */
  checks: RequirementNameView[]
}

function nameView(item: RequirementAssessment, locale: string): RequirementNameView {
  const { text, lang } = pickLocalizedText(item.requirement.name.en, item.requirement.name, locale)
  return { code: item.requirement.code, name: text, nameLang: lang }
}

export function toReadinessView(assessment: MarketAssessment, shipDate: Date, locale: string): ProductReadinessView {
  const of = (status: RequirementAssessment['status']) => assessment.items.filter((item) => item.status === status).map((item) => nameView(item, locale))
  return {
    market: assessment.market,
    status: assessment.status,
    shipDate: isoDay(shipDate),
    held: of('held'),
    missing: of('missing'),
    expiring: of('expiring'),
    checks: of('check'),
  }
}
