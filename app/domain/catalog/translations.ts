/** The reader's locale when translated, otherwise English, otherwise whatever exists. */
export function pickTranslation<T extends { locale: string }>(translations: readonly T[], locale: string): T | undefined {
  return translations.find((tr) => tr.locale === locale) ?? translations.find((tr) => tr.locale === 'en') ?? translations[0]
}

/** Same rule for JSON maps such as {"ko": "설악식품"} next to a default string. */
export function pickLocalized(fallback: string, map: unknown, locale: string): string {
  if (map && typeof map === 'object' && locale in map) {
    const value = (map as Record<string, unknown>)[locale]
    if (typeof value === 'string' && value.length > 0) return value
  }
  return fallback
}
