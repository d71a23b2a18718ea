// Certifications are issued for a country (ISO 3166-1 alpha-2) or a trade bloc ("EU", "GCC", "EAEU");
// a buyer is in one country. The lists change rarely (last: HR joined the EU in 2013), so they live in code.

export const EU_COUNTRIES = [
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
] as const
/** Gulf Cooperation Council: GCC conformity marks (e.g. G-Mark) apply to all six. */
export const GCC_COUNTRIES = ['AE', 'BH', 'KW', 'OM', 'QA', 'SA'] as const
/** Eurasian Economic Union: EAC marking */
export const EAEU_COUNTRIES = ['RU', 'BY', 'KZ', 'KG', 'AM'] as const

const BLOCS: Record<string, readonly string[]> = { EU: EU_COUNTRIES, GCC: GCC_COUNTRIES, EAEU: EAEU_COUNTRIES }

export const MARKET_BLOCS = Object.keys(BLOCS)

/** Market code of certifications not tied to one market (e.g. ISO 9001). */
export const GLOBAL_MARKET = 'GLOBAL'

/** Every market code under which a certification counts for sales into `country`: itself and its blocs. */
export function marketsForCountry(country: string): string[] {
  const code = country.toUpperCase()
  const markets = [code]
  for (const [bloc, members] of Object.entries(BLOCS)) if (members.includes(code)) markets.push(bloc)
  return markets
}

/** Every market code a certification may carry to count for a buyer in `country`: its own, its blocs', and GLOBAL. */
export function marketsCoveringCountry(country: string): string[] {
  return [...marketsForCountry(country), GLOBAL_MARKET]
}

/** True when a certification or target market `market` covers a buyer located in `country`. */
export function marketCoversCountry(market: string, country: string): boolean {
  return marketsCoveringCountry(country).includes(market.toUpperCase())
}
