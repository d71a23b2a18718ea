// Certifications are issued for a country or for a trade bloc ("EU", "GCC"); a buyer is in one country.
// These lists change rarely (last: HR joined the EU in 2013), so they live in code, not the database.

/** EU member states, ISO 3166-1 alpha-2. */
export const EU_MEMBER_COUNTRIES: ReadonlySet<string> = new Set(
  'AT BE BG HR CY CZ DK EE FI FR DE GR IE IT LV LT LU MT NL PL PT RO SK SI ES SE'.split(' '),
)

/** Gulf Cooperation Council members; GCC conformity marks (e.g. G-Mark) apply to all six. */
export const GCC_MEMBER_COUNTRIES: ReadonlySet<string> = new Set('AE BH KW OM QA SA'.split(' '))

/** Market code used by certifications that are not tied to one market (e.g. ISO 9001). */
export const GLOBAL_MARKET = 'GLOBAL'

/** Every market code under which a certification counts for a buyer in `country`. */
export function marketsForCountry(country: string): string[] {
  const code = country.toUpperCase()
  const markets = [code]
  if (EU_MEMBER_COUNTRIES.has(code)) markets.push('EU')
  if (GCC_MEMBER_COUNTRIES.has(code)) markets.push('GCC')
  return markets
}

/** True when a certification or target market `market` covers a buyer located in `country`. */
export function marketCoversCountry(market: string, country: string): boolean {
  const normalized = market.toUpperCase()
  return normalized === GLOBAL_MARKET || marketsForCountry(country).includes(normalized)
}
