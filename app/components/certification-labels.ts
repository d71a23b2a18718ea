import type { TFunction } from 'i18next'
import { GLOBAL_MARKET, MARKET_BLOCS } from '~/domain/catalog/markets'
import { CERTIFICATION_TYPES } from '~/domain/exporters/schemas'
import { countryName } from '~/lib/countries'

// A certification as the reader reads it: its type and its market in words of their language, never the
// stored codes (HALAL, EU, GLOBAL).

const KNOWN_TYPES: ReadonlySet<string> = new Set(CERTIFICATION_TYPES)

/** A known type in the reader's words; any other (stored before the list, e.g. TTB-COLA) is its own name. */
export function certificationTypeLabel(t: TFunction, type: string): string {
  return KNOWN_TYPES.has(type) ? t(`exporter.certifications.types.${type}`) : type
}

/** A country by its name, a bloc (EU, GCC, EAEU) by its name, and "all markets" for a global one. */
export function certificationMarketLabel(t: TFunction, market: string, locale: string): string {
  if (market === GLOBAL_MARKET) return t('meetings.reasons.globalMarket')
  // Blocs first: EU is two letters like a country code.
  if (MARKET_BLOCS.includes(market)) return t(`exporter.certifications.blocs.${market}`)
  return countryName(market, locale)
}
