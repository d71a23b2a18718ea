import { shouldPolyfill as shouldPolyfillDateTimeFormat } from '@formatjs/intl-datetimeformat/should-polyfill.js'
import { shouldPolyfill as shouldPolyfillLocale } from '@formatjs/intl-locale/should-polyfill.js'
import { shouldPolyfill as shouldPolyfillNumberFormat } from '@formatjs/intl-numberformat/should-polyfill.js'
import { shouldPolyfill as shouldPolyfillPluralRules } from '@formatjs/intl-pluralrules/should-polyfill.js'
import { isSupportedLocale, type Locale } from './i18n'

// Loaded only through ensureIntlData (intl-data.ts), when the browser's Intl lacks the page's locale.
// DisplayNames and Collator need none: names and their order come from the generated table
// (display-names.ts); RelativeTimeFormat and ListFormat are not used.

type DataLoaders = Readonly<Record<Locale, () => Promise<unknown>>>

// One data module per polyfill and locale (each its own chunk), so a page loads only its own locale's.
const PLURAL_RULES_DATA: DataLoaders = {
  en: () => import('@formatjs/intl-pluralrules/locale-data/en.js'),
  ko: () => import('@formatjs/intl-pluralrules/locale-data/ko.js'),
  // Plural rules are the same for every Chinese script; FormatJS keeps them under zh.
  'zh-Hans': () => import('@formatjs/intl-pluralrules/locale-data/zh.js'),
  ja: () => import('@formatjs/intl-pluralrules/locale-data/ja.js'),
  ru: () => import('@formatjs/intl-pluralrules/locale-data/ru.js'),
  mn: () => import('@formatjs/intl-pluralrules/locale-data/mn.js'),
}
const NUMBER_FORMAT_DATA: DataLoaders = {
  en: () => import('@formatjs/intl-numberformat/locale-data/en.js'),
  ko: () => import('@formatjs/intl-numberformat/locale-data/ko.js'),
  'zh-Hans': () => import('@formatjs/intl-numberformat/locale-data/zh-Hans.js'),
  ja: () => import('@formatjs/intl-numberformat/locale-data/ja.js'),
  ru: () => import('@formatjs/intl-numberformat/locale-data/ru.js'),
  mn: () => import('@formatjs/intl-numberformat/locale-data/mn.js'),
}
const DATE_TIME_FORMAT_DATA: DataLoaders = {
  en: () => import('@formatjs/intl-datetimeformat/locale-data/en.js'),
  ko: () => import('@formatjs/intl-datetimeformat/locale-data/ko.js'),
  'zh-Hans': () => import('@formatjs/intl-datetimeformat/locale-data/zh-Hans.js'),
  ja: () => import('@formatjs/intl-datetimeformat/locale-data/ja.js'),
  ru: () => import('@formatjs/intl-datetimeformat/locale-data/ru.js'),
  mn: () => import('@formatjs/intl-datetimeformat/locale-data/mn.js'),
}

type PolyfilledDateTimeFormat = typeof Intl.DateTimeFormat & { polyfilled?: boolean; __setDefaultTimeZone?: (timeZone: string) => void }

export type IntlPolyfills = { pluralRules: boolean; numberFormat: boolean; dateTimeFormat: boolean }

/** What this runtime lacks for `locale`, by each polyfill's own check. */
export function missingIntl(locale: Locale): IntlPolyfills {
  return {
    pluralRules: shouldPolyfillPluralRules(locale) !== undefined,
    numberFormat: shouldPolyfillNumberFormat(locale) !== undefined,
    dateTimeFormat: shouldPolyfillDateTimeFormat(locale) !== undefined,
  }
}

/**
 * Installs the polyfills `needed` (by default what the checks find missing) with `locale`'s data. A polyfill
 * already installed only gains the locale's data: after a switch from Mongolian to English, Intl.DateTimeFormat
 * is still FormatJS's and must learn English.
 */
export async function polyfillIntl(locale: string, needed?: IntlPolyfills): Promise<void> {
  if (!isSupportedLocale(locale)) return
  const { pluralRules, numberFormat, dateTimeFormat } = needed ?? missingIntl(locale)
  if (!pluralRules && !numberFormat && !dateTimeFormat) return
  // The formatters' own prerequisite, only where the browser's is missing or incomplete.
  if (shouldPolyfillLocale()) await import('@formatjs/intl-locale/polyfill-force.js')
  // In dependency order: number formats choose plural forms, date formats write numbers.
  if (pluralRules) {
    await import('@formatjs/intl-pluralrules/polyfill-force.js')
    await PLURAL_RULES_DATA[locale]()
  }
  if (numberFormat) {
    await import('@formatjs/intl-numberformat/polyfill-force.js')
    await NUMBER_FORMAT_DATA[locale]()
  }
  if (dateTimeFormat) {
    const installed = (Intl.DateTimeFormat as PolyfilledDateTimeFormat).polyfilled === true
    // The browser's own zone, read before its DateTimeFormat is replaced (the polyfill would say UTC).
    const timeZone = new Intl.DateTimeFormat().resolvedOptions().timeZone
    await import('@formatjs/intl-datetimeformat/polyfill-force.js')
    // Every zone (a reader may pick any the browser lists), for the years the platform shows (tools/time-zone-data.ts).
    await Promise.all([import('virtual:formatjs-time-zones'), DATE_TIME_FORMAT_DATA[locale]()])
    if (!installed) {
      setDefaultTimeZone(timeZone)
      spaceLikeV8()
    }
  }
}

function setDefaultTimeZone(timeZone: string) {
  try {
    ;(Intl.DateTimeFormat as PolyfilledDateTimeFormat).__setDefaultTimeZone?.(timeZone)
  } catch {
    // A zone name the polyfill's data does not know: it keeps UTC, as a browser without a zone would.
  }
}

/**
 * V8 (Node and Chrome) writes a plain space where CLDR puts U+202F NARROW NO-BREAK SPACE in a date pattern
 * ("2026 оны", "2026 г."), in `format()` only, for web compatibility since ICU 72; FormatJS keeps CLDR's.
 * The polyfill's `format` does the same, so the browser prints what the server printed.
 */
function spaceLikeV8() {
  const prototype = Intl.DateTimeFormat.prototype
  const descriptor = Object.getOwnPropertyDescriptor(prototype, 'format')
  if (!descriptor?.get) return
  const formatOf = (formatter: Intl.DateTimeFormat) => descriptor.get?.call(formatter) as Intl.DateTimeFormat['format']
  const bound = new WeakMap<Intl.DateTimeFormat, Intl.DateTimeFormat['format']>()
  Object.defineProperty(prototype, 'format', {
    ...descriptor,
    get(this: Intl.DateTimeFormat) {
      let format = bound.get(this)
      if (!format) {
        const original = formatOf(this)
        format = (date?: Date | number) => original(date).replace(/\u202f/g, ' ')
        bound.set(this, format)
      }
      return format
    },
  })
}
