// Languages people on Tradecast commonly speak (BCP 47 primary tags); their names in the reader's language come
// from the generated table (display-names.ts).
import { displayNames, names } from './display-names'

export const LANGUAGE_CODES = [
  'en',
  'ko',
  'zh',
  'ja',
  'ru',
  'mn',
  'vi',
  'th',
  'id',
  'ms',
  'hi',
  'ar',
  'tr',
  'fa',
  'uz',
  'kk',
  'es',
  'pt',
  'fr',
  'de',
  'it',
  'nl',
  'pl',
  'uk',
] as const

const LANGUAGE_SET = new Set<string>(LANGUAGE_CODES)

/**
 * The content language (the key of stored translations: product texts, `nameI18n`/`titleI18n` maps,
 * showcase languages) that a UI locale reads. Content is keyed by primary language tag, so the
 * Simplified Chinese UI (`zh-Hans`) reads `zh`; the other UI locales are their own tag. A tag that is
 * already a content language passes through unchanged, so applying this twice is harmless.
 */
export function contentLanguageOf(locale: string): string {
  const lower = locale.trim().toLowerCase()
  // Any Chinese UI tag (zh, zh-Hans, zh-CN…) reads the one Chinese content language.
  if (lower === 'zh' || lower.startsWith('zh-')) return 'zh'
  return lower.split('-')[0] ?? lower
}

export function isLanguageCode(value: string): boolean {
  return LANGUAGE_SET.has(value)
}

/** A language's name in the reader's language; a code outside LANGUAGE_CODES as it is. */
export function languageName(code: string, locale: string): string {
  return names(locale).languages.get(code) ?? code
}

/** Every language, in the reader's alphabetical order (sorted when the table was generated: browsers collate differently). */
export function languageOptions(locale: string): Array<{ value: string; label: string }> {
  return displayNames(locale).languages.map(([value, label]) => ({ value, label }))
}
