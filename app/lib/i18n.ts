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
  // Test hook (app/routes/every-route-every-locale.db.test.ts): a listener under this global symbol hears of
  // every message this locale lacks, whether missing everywhere or silently filled in from English. A global,
  // because the test and the Vite-compiled app load this module twice. Nothing sets it outside that test.
  const listener: unknown = (globalThis as Record<symbol, unknown>)[Symbol.for('tradecast.i18n.missingMessage')]
  const report = typeof listener === 'function' ? (listener as (locale: string, key: string, usedLocale: string | null) => void) : null
  if (report) {
    instance.use({
      type: 'postProcessor',
      name: 'reportFallback',
      process(value: string, keys: string | string[], options: { lng?: string; i18nResolved?: { res?: unknown; usedLng?: string; exactUsedKey?: string } }) {
        const resolved = options.i18nResolved
        const lng = options.lng ?? instance.language
        // Not found at all is the missing-key handler's; here: found, but in another language.
        if (resolved?.res !== undefined && resolved.usedLng && resolved.usedLng !== lng) report(lng, resolved.exactUsedKey ?? String(keys), resolved.usedLng)
        return value
      },
    })
  }
  void instance.use(initReactI18next).init({
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    resources,
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    ...(report && {
      saveMissing: true,
      // Its first argument is where i18next would save the key (English, the fallback), not who asked.
      missingKeyHandler: (_lngs: readonly string[], _ns: string, key: string, _fallback: string, _update: boolean, options: { lng?: string }) =>
        report(options.lng ?? instance.language, key, null),
      postProcess: ['reportFallback'],
      postProcessPassResolved: true,
    }),
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
