// Markets a certification can be issued for: a country (ISO 3166-1 alpha-2) or a bloc.
export const EU_COUNTRIES = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
] as const
export const GCC_COUNTRIES = ['AE', 'BH', 'KW', 'OM', 'QA', 'SA'] as const
/** Eurasian Economic Union: EAC marking */
export const EAEU_COUNTRIES = ['RU', 'BY', 'KZ', 'KG', 'AM'] as const

const BLOCS: Record<string, readonly string[]> = { EU: EU_COUNTRIES, GCC: GCC_COUNTRIES, EAEU: EAEU_COUNTRIES }

/** The markets whose certifications count for sales into `country`: itself and its blocs. */
export function marketsCovering(country: string): string[] {
  const markets = [country]
  for (const [bloc, members] of Object.entries(BLOCS)) if (members.includes(country)) markets.push(bloc)
  return markets
}

export const MARKET_BLOCS = Object.keys(BLOCS)
