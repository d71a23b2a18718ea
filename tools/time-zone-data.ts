import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { runInNewContext } from 'node:vm'
import type { Plugin } from 'vite'

// The FormatJS DateTimeFormat polyfill (app/lib/intl-polyfills.ts) needs the time zone database to format in
// a zone. Its add-all-tz.js holds every zone's transitions from the 19th century to 2099: 1.35 MB (190 kB
// gzipped) that a Mongolian reader on Chrome would download before the page hydrates. The dates this
// platform shows fall between 2000 and 2050, so the build hands the polyfill only those years, every zone
// kept; outside them a zone keeps the offset it had at the window's edge.

export const TIME_ZONE_DATA_MODULE = 'virtual:formatjs-time-zones'
const RESOLVED_ID = `\0${TIME_ZONE_DATA_MODULE}`

/** First and last year (exclusive) whose transitions the polyfill gets. */
export const TIME_ZONE_YEARS = { from: 2000, to: 2050 } as const

/** add-all-tz.js's argument to `Intl.DateTimeFormat.__addTZData`: zones as `name|ts,abbrv,offset,dst|…`, ts in base 36 seconds. */
export type PackedTimeZones = { abbrvs: string; offsets: string; zones: string[] }

export function readAllTimeZones(): PackedTimeZones {
  const file = createRequire(import.meta.url).resolve('@formatjs/intl-datetimeformat/add-all-tz.js')
  let data: PackedTimeZones | undefined
  // The file is one call to the polyfill's data hook; run it against a stand-in hook to read its argument.
  runInNewContext(readFileSync(file, 'utf8'), {
    Intl: {
      DateTimeFormat: {
        __addTZData: (packed: PackedTimeZones) => {
          data = packed
        },
      },
    },
  })
  if (!data?.zones.length) throw new Error(`No time zone data in ${file}: has @formatjs/intl-datetimeformat changed its format?`)
  return data
}

/** Seconds since the epoch of a packed entry; its first entry has none (since the beginning of time). */
function entryStart(entry: string): number {
  const start = entry.slice(0, entry.indexOf(','))
  return start === '' ? -Infinity : parseInt(start, 36)
}

/**
 * Only the transitions from `from` to `to` (years, UTC): the entry in force on 1 January of `from` becomes the
 * zone's first (open-ended) one. A zone's last entry, which FormatJS writes with the start `NaN` for "from its
 * last transition on", stays.
 */
export function windowTimeZones(data: PackedTimeZones, { from, to }: { from: number; to: number }): PackedTimeZones {
  const start = Date.UTC(from, 0, 1) / 1000
  const end = Date.UTC(to, 0, 1) / 1000
  const zones = data.zones.map((zone) => {
    const [name = '', ...entries] = zone.split('|')
    const last = entries.at(-1)?.startsWith('NaN,') ? entries.pop() : undefined
    const inForce = entries.filter((entry) => entryStart(entry) <= start).at(-1)
    const inside = entries.filter((entry) => entryStart(entry) > start && entryStart(entry) < end)
    const first = inForce === undefined ? [] : [inForce.slice(inForce.indexOf(','))]
    return [name, ...first, ...inside, ...(last === undefined ? [] : [last])].join('|')
  })
  return { ...data, zones }
}

/** Serves `virtual:formatjs-time-zones`: add-all-tz.js for the years TIME_ZONE_YEARS only. */
export function timeZoneData(): Plugin {
  return {
    name: 'tradecast:formatjs-time-zones',
    resolveId: (id) => (id === TIME_ZONE_DATA_MODULE ? RESOLVED_ID : undefined),
    load(id) {
      if (id !== RESOLVED_ID) return undefined
      const data = windowTimeZones(readAllTimeZones(), TIME_ZONE_YEARS)
      return `Intl.DateTimeFormat.__addTZData(${JSON.stringify(data)})\n`
    },
  }
}
