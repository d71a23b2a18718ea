import { listTimeZones } from './time'

type LocaleWithZones = Intl.Locale & { getTimeZones?: () => string[] | undefined; timeZones?: string[] | undefined }

/**
 * The zone a country's people mostly mean, for countries with several. CLDR knows it (primaryZones) but
 * Intl does not expose it, and alphabetical order would put Hovd before Ulaanbaatar, or Anadyr before Moscow.
 */
const MAIN_ZONE: Readonly<Record<string, string>> = {
  AR: 'America/Buenos_Aires',
  AU: 'Australia/Sydney',
  BR: 'America/Sao_Paulo',
  CA: 'America/Toronto',
  CL: 'America/Santiago',
  CN: 'Asia/Shanghai',
  DE: 'Europe/Berlin',
  ES: 'Europe/Madrid',
  ID: 'Asia/Jakarta',
  KZ: 'Asia/Almaty',
  MN: 'Asia/Ulaanbaatar',
  MX: 'America/Mexico_City',
  MY: 'Asia/Kuala_Lumpur',
  NZ: 'Pacific/Auckland',
  PT: 'Europe/Lisbon',
  RU: 'Europe/Moscow',
  UA: 'Europe/Kiev',
  US: 'America/New_York',
  UZ: 'Asia/Tashkent',
}

/** The zones Intl knows for a country (ISO 3166 alpha-2): `getTimeZones()` where shipped, else the older `timeZones` getter. */
function intlZonesOf(country: string): string[] {
  if (!/^[A-Z]{2}$/.test(country)) return []
  try {
    const locale = new Intl.Locale(`und-${country}`) as LocaleWithZones
    return (typeof locale.getTimeZones === 'function' ? locale.getTimeZones() : locale.timeZones) ?? []
  } catch {
    return []
  }
}

/** The name this runtime reports for a zone (browsers differ on Asia/Calcutta vs Asia/Kolkata). */
function canonicalZone(zone: string): string | null {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone
  } catch {
    return null
  }
}

/** `zone` spelled as the list spells it (an alias matched through its canonical name), or null when the list lacks it. */
export function matchZone(zone: string | null | undefined, choices: readonly string[]): string | null {
  if (!zone) return null
  if (choices.includes(zone)) return zone
  if (zone === 'Etc/UTC' || zone === 'Etc/GMT' || zone === 'GMT') return choices.includes('UTC') ? 'UTC' : null
  const canonical = canonicalZone(zone)
  if (!canonical) return null
  return choices.find((choice) => choice === canonical || canonicalZone(choice) === canonical) ?? null
}

/** The zones of a country as the choice list spells them, its main zone first, then alphabetical. */
export function timeZonesOfCountry(country: string | null | undefined, choices: readonly string[] = listTimeZones()): string[] {
  if (!country) return []
  const zones = [...new Set(intlZonesOf(country.toUpperCase()).flatMap((zone) => matchZone(zone, choices) ?? []))].sort()
  const main = matchZone(MAIN_ZONE[country.toUpperCase()], zones)
  return main ? [main, ...zones.filter((zone) => zone !== main)] : zones
}

/**
 * The zone to preselect: the browser's when the list has it (a UTC browser gets UTC, not the first zone
 * alphabetically), else the server's guess when the list has it, else UTC.
 */
export function defaultTimeZone(browserZone: string | null | undefined, fallback: string, choices: readonly string[] = listTimeZones()): string {
  return matchZone(browserZone, choices) ?? matchZone(fallback, choices) ?? 'UTC'
}
