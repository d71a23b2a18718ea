import { beforeAll, describe, expect, it } from 'vitest'
import { SUPPORTED_LOCALES } from './i18n'
import { polyfillIntl } from './intl-polyfills'
import { formatMoney, formatMoneyCompact } from './money'
import { formatDate, formatDateTime, formatTime, listTimeZones } from './time'

// What a browser without the page's locale (Chrome for Mongolian) prints after hydration must be what the
// server printed: every formatter the app uses, run on Node's ICU, then on FormatJS's polyfills installed
// over it with each locale's data (this file's worker only; vitest isolates test files). A FormatJS or Node
// upgrade whose CLDR data drift apart fails here rather than as hydration errors in the browser.
// Not compared: meeting slot ranges (formatRange, matchmaking/slot-finder.ts). Loaders format them into
// strings, never the browser, and FormatJS's ranges differ from ICU's (Japanese and Chinese interval
// patterns, half-hour zones such as Asia/Kolkata, a range across a DST change).

const ZONES = ['Asia/Ulaanbaatar', 'Asia/Seoul', 'Asia/Vladivostok', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'UTC']
// A winter and a summer instant, one just before New York's DST change, one at a year's turn in Asia.
const INSTANTS = ['2026-12-04T10:05:00Z', '2026-07-15T23:59:00Z', '2026-03-08T06:30:00Z', '2026-12-31T16:00:00Z']
const AMOUNTS = [0, 1250, 99_990, 123_456_789]
const CURRENCIES = ['USD', 'KRW', 'MNT', 'CNY', 'JPY', 'RUB', 'EUR']

function formatEverything(): Record<string, string> {
  const out: Record<string, string> = {}
  for (const locale of SUPPORTED_LOCALES) {
    for (const timeZone of ZONES) {
      for (const instant of INSTANTS) {
        const at = `${locale} ${timeZone} ${instant}`
        out[`dateTime ${at}`] = formatDateTime(instant, { locale, timeZone })
        out[`dateTimeZone ${at}`] = formatDateTime(instant, { locale, timeZone, withZone: true })
        out[`time ${at}`] = formatTime(instant, { locale, timeZone })
        out[`date ${at}`] = formatDate(instant, { locale, timeZone })
        // The live directory's day headings (routes/live/index.tsx).
        out[`day ${at}`] = new Intl.DateTimeFormat(locale, { weekday: 'long', month: 'long', day: 'numeric', timeZone }).format(new Date(instant))
      }
    }
    for (const currency of CURRENCIES) {
      for (const minor of AMOUNTS) {
        out[`money ${locale} ${currency} ${minor}`] = formatMoney(minor, currency, locale)
        out[`compact ${locale} ${currency} ${minor}`] = formatMoneyCompact(minor, currency, locale)
      }
    }
    for (const value of [0, 1, 2, 5, 21, 300, 1234.5, 1_234_567]) {
      out[`number ${locale} ${value}`] = value.toLocaleString(locale)
      out[`fraction ${locale} ${value}`] = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value / 7)
      out[`percent ${locale} ${value}`] = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value / 1000)
      out[`plural ${locale} ${value}`] = new Intl.PluralRules(locale).select(value)
    }
  }
  return out
}

// Winter and summer at the start of the years the build gives the polyfill (tools/time-zone-data.ts), and this
// year. Past instants only: for future ones the two tz databases may disagree (FormatJS's has Winnipeg's move to
// permanent daylight time in November 2026, Node 24's ICU not yet), as the browser's own and Node's do anyway.
const OFFSET_INSTANTS = ['2000-01-15', '2000-07-15', '2026-01-15', '2026-07-15'].map((day) => new Date(`${day}T12:00:00Z`))

/** The wall clock of every zone a reader can pick (the runtime's list) at those instants: their offsets. */
function offsetsOfEveryZone(): Record<string, string> {
  const out: Record<string, string> = {}
  for (const timeZone of listTimeZones()) {
    // Digits only: FormatJS writes "longOffset" names differently ("GMT+12" for V8's "GMT+12:00").
    const format = new Intl.DateTimeFormat('en', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
    for (const instant of OFFSET_INSTANTS) out[`${timeZone} ${instant.toISOString()}`] = format.format(instant)
  }
  return out
}

const native: { formats: Record<string, string>; offsets: Record<string, string>; zone: string } = { formats: {}, offsets: {}, zone: '' }

beforeAll(async () => {
  native.formats = formatEverything()
  native.offsets = offsetsOfEveryZone()
  native.zone = new Intl.DateTimeFormat().resolvedOptions().timeZone
  for (const locale of SUPPORTED_LOCALES) await polyfillIntl(locale, { pluralRules: true, numberFormat: true, dateTimeFormat: true })
}, 60_000)

function differences(expected: Record<string, string>, actual: Record<string, string>): string[] {
  return Object.keys(expected)
    .filter((key) => expected[key] !== actual[key])
    .map((key) => `${key}: ${JSON.stringify(expected[key])} ≠ ${JSON.stringify(actual[key])}`)
}

describe('FormatJS polyfills, for browsers without a UI locale', () => {
  it('format every date, number, amount and plural as Node does, in every UI locale', () => {
    expect((Intl.DateTimeFormat as { polyfilled?: boolean }).polyfilled, 'DateTimeFormat is FormatJS’s now').toBe(true)
    expect((Intl.NumberFormat as { polyfilled?: boolean }).polyfilled, 'NumberFormat is FormatJS’s now').toBe(true)
    expect(differences(native.formats, formatEverything()), 'server (Node) and polyfilled browser print different text').toEqual([])
  })

  it('know every zone a reader can pick, with Node’s offsets', () => {
    expect(differences(native.offsets, offsetsOfEveryZone()), 'zone offsets differ from Node’s').toEqual([])
  })

  it('keep the runtime’s own zone as the default (root.tsx reads the guest’s zone from Intl), not UTC', () => {
    expect(new Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(native.zone)
  })
})
