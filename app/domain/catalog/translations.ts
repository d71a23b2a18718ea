import { contentLanguageOf } from '~/lib/languages'

/** Text chosen for a reader, with the content language it is written in (not the reader's when it is a fallback). */
export type LocalizedText = { text: string; lang: string }

/**
 * The translation in the reader's content language (`contentLanguageOf`: zh-Hans reads `zh`), otherwise
 * English, otherwise whatever exists. The row's `locale` is the language picked.
 */
export function pickTranslation<T extends { locale: string }>(translations: readonly T[], locale: string): T | undefined {
  const wanted = contentLanguageOf(locale)
  return translations.find((tr) => tr.locale === wanted) ?? translations.find((tr) => tr.locale === 'en') ?? translations[0]
}

/**
 * Same rule for JSON maps such as {"ko": "설악식품"} next to a default string: the reader's content
 * language, else the map's English, else the default string, written in `fallbackLang` (English: the
 * editors ask for the English text in the plain field). Returns the text and the language it is in.
 */
export function pickLocalizedText(fallback: string, map: unknown, locale: string, fallbackLang = 'en'): LocalizedText {
  for (const lang of [contentLanguageOf(locale), 'en']) {
    const text = entry(map, lang)
    if (text) return { text, lang }
  }
  return { text: fallback, lang: fallbackLang }
}

function entry(map: unknown, lang: string): string | null {
  if (!map || typeof map !== 'object' || !Object.hasOwn(map, lang)) return null
  const value = (map as Record<string, unknown>)[lang]
  return typeof value === 'string' && value.length > 0 ? value : null
}

/** `pickLocalizedText` for labels shown without a fallback mark (names of fairs, halls, categories…). */
export function pickLocalized(fallback: string, map: unknown, locale: string): string {
  return pickLocalizedText(fallback, map, locale).text
}
