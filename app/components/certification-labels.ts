import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { GLOBAL_MARKET, MARKET_BLOCS } from '~/domain/catalog/markets'
import { CERTIFICATION_TYPES } from '~/domain/exporters/schemas'
import { countryName } from '~/lib/countries'
import { useRootData } from '~/lib/use-root-data'

// A certification or a market as the reader reads it: its type and its market in words of their language,
// never the stored codes (HALAL, EU, GLOBAL).

const KNOWN_TYPES: ReadonlySet<string> = new Set(CERTIFICATION_TYPES)

/** A known type in the reader's words; any other (stored before the list, e.g. TTB-COLA) is its own name. */
export function certificationTypeLabel(t: TFunction, type: string): string {
  return KNOWN_TYPES.has(type) ? t(`exporter.certifications.types.${type}`) : type
}

/** A market's name in the reader's language: a bloc's (EU, GCC, EAEU: "European Union") or a country's. */
export function marketName(t: TFunction, market: string, locale: string): string {
  // Blocs first: EU is two letters like a country code.
  return MARKET_BLOCS.includes(market) ? t(`readiness.blocs.${market}`, { defaultValue: market }) : countryName(market, locale)
}

/** marketName with the reader's translation and locale, for components. */
export function useMarketName(): (market: string) => string {
  const { t } = useTranslation()
  const { locale } = useRootData()
  return (market: string) => marketName(t, market, locale)
}

/** A certificate's market: a country or a bloc by its name, and "all markets" for a global one. */
export function certificationMarketLabel(t: TFunction, market: string, locale: string): string {
  return market === GLOBAL_MARKET ? t('meetings.reasons.globalMarket') : marketName(t, market, locale)
}
