import i18next, { type i18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { messages } from '~/locales'
import { type Locale, SUPPORTED_LOCALES } from '~/locales/locale-codes'

export { type Locale, SUPPORTED_LOCALES }
export const DEFAULT_LOCALE: Locale = 'en'

/** Each locale's own name, for the language switch. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  ko: '한국어',
  'zh-Hans': '简体中文',
  ja: '日本語',
  ru: 'Русский',
  mn: 'Монгол',
}

export function isSupportedLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value)
}

const resources = Object.fromEntries(SUPPORTED_LOCALES.map((locale) => [locale, { translation: messages[locale] }]))

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

/** The supported locale a BCP 47 tag asks for: `ja-JP` → ja, any Chinese (`zh`, `zh-CN`, `zh-Hans-SG`) → zh-Hans. */
export function localeForTag(tag: string): Locale | null {
  const lower = tag.trim().toLowerCase()
  const exact = SUPPORTED_LOCALES.find((locale) => locale.toLowerCase() === lower)
  if (exact) return exact
  const base = lower.split('-')[0]
  // Until a Traditional locale exists, readers of zh-TW/zh-HK get Simplified rather than English.
  if (base === 'zh') return 'zh-Hans'
  return SUPPORTED_LOCALES.find((locale) => locale === base) ?? null
}

/** Best supported locale from an Accept-Language header (RFC 9110 §12.5.4; q=0 means "not this one"). */
export function localeFromAcceptLanguage(header: string | null): Locale | null {
  if (!header) return null
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      const weight = q ? Number(q.slice(2)) : 1
      return { locale: localeForTag(tag), q: Number.isFinite(weight) ? weight : 0 }
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q)
  return ranked.map((entry) => entry.locale).find((locale) => locale !== null) ?? null
}
