import i18next, { type i18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { messages } from '~/locales'

export const SUPPORTED_LOCALES = ['en', 'ko'] as const
export type Locale = (typeof SUPPORTED_LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'en'

/** Each locale's own name, for the language switch. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', ko: '한국어' }

export function isSupportedLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value)
}

const resources = { en: { translation: messages.en }, ko: { translation: messages.ko } }

/** A synchronously initialised instance (resources are bundled), one per render tree. */
export function createI18n(locale: Locale): i18n {
  const instance = i18next.createInstance()
  void instance.use(initReactI18next).init({
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    resources,
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  })
  return instance
}

/** Best supported locale from an Accept-Language header. */
export function localeFromAcceptLanguage(header: string | null): Locale | null {
  if (!header) return null
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = params.find((p) => p.trim().startsWith('q='))
      return { base: tag.toLowerCase().split('-')[0], q: q ? Number(q.trim().slice(2)) : 1 }
    })
    .sort((a, b) => b.q - a.q)
  return ranked.map((r) => r.base).find(isSupportedLocale) ?? null
}
