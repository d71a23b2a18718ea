import { DISPLAY_NAMES, type NameEntry } from './display-names.generated'
import { DEFAULT_LOCALE, localeForTag, type Locale } from './i18n'

// Country and language names come from a table generated from Node's ICU (scripts/generate-display-names.ts),
// not from the runtime's Intl.DisplayNames: browsers carry other CLDR versions or none for a locale (Chrome
// has no Mongolian), and a name that differs between server and browser breaks React's hydration.

/** The UI locale whose names a tag reads (`zh-CN` → zh-Hans, `ru-RU` → ru), English for any other. */
function tableLocale(locale: string): Locale {
  return localeForTag(locale) ?? DEFAULT_LOCALE
}

/** The generated entries for `locale`, each list already in that locale's alphabetical order. */
export function displayNames(locale: string): { countries: readonly NameEntry[]; languages: readonly NameEntry[] } {
  return DISPLAY_NAMES[tableLocale(locale)]
}

const lookups = new Map<Locale, { countries: ReadonlyMap<string, string>; languages: ReadonlyMap<string, string> }>()

/** The same names as code → name maps, built once per locale. */
export function names(locale: string): { countries: ReadonlyMap<string, string>; languages: ReadonlyMap<string, string> } {
  const key = tableLocale(locale)
  let lookup = lookups.get(key)
  if (!lookup) {
    lookup = { countries: new Map(DISPLAY_NAMES[key].countries), languages: new Map(DISPLAY_NAMES[key].languages) }
    lookups.set(key, lookup)
  }
  return lookup
}
