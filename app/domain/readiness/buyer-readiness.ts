import { pickLocalizedText } from '~/domain/catalog/translations'
import { isoDay } from '~/lib/time'
import type { MarketAssessment, MarketStatus, RequirementAssessment } from './readiness'

// One product's readiness for one market as the buyer side shows it (product page, inquiry gap): names
// only, in the reader's language. Client-safe: the components render these views.

export type ReadinessItemView = { code: string; name: string; nameLang: string }

export type ProductReadinessView = {
  market: string
  status: MarketStatus
  /** The day the assessment takes as the ship date (the product's lead time from now), YYYY-MM-DD. */
  shipDate: string
  held: ReadinessItemView[]
  missing: ReadinessItemView[]
  expiring: ReadinessItemView[]
  /** Items to check that are not documents (labelling, per-shipment notices): never block readiness. */
  checks: ReadinessItemView[]
}

function itemView(item: RequirementAssessment, locale: string): ReadinessItemView {
  const { text, lang } = pickLocalizedText(item.requirement.name.en, item.requirement.name, locale)
  return { code: item.requirement.code, name: text, nameLang: lang }
}

export function toReadinessView(assessment: MarketAssessment, shipDate: Date, locale: string): ProductReadinessView {
  const of = (status: RequirementAssessment['status']) => assessment.items.filter((item) => item.status === status).map((item) => itemView(item, locale))
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
