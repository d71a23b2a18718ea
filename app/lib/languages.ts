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
