// Languages people on Tradecast commonly speak (BCP 47 primary tags); names come from Intl in the reader's language.
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

export function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code
  } catch {
    return code
  }
}

export function languageOptions(locale: string): Array<{ value: string; label: string }> {
  return LANGUAGE_CODES.map((code) => ({ value: code, label: languageName(code, locale) })).sort((a, b) => a.label.localeCompare(b.label, locale))
}
