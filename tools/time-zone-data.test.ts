import { describe, expect, it } from 'vitest'
import { readAllTimeZones, TIME_ZONE_YEARS, windowTimeZones, type PackedTimeZones } from './time-zone-data'

type Entry = { start: number; offset: number }

function unpack(data: PackedTimeZones): Map<string, Entry[]> {
  const offsets = data.offsets.split('|').map((value) => parseInt(value, 36))
  return new Map(
    data.zones.map((zone) => {
      const [name = '', ...entries] = zone.split('|')
      return [
        name,
        entries.map((entry) => {
          const [start = '', , offset = ''] = entry.split(',')
          // As the polyfill reads them: an empty start is the beginning of time, and "NaN" parses as a number.
          return { start: start === '' ? -Infinity : parseInt(start, 36), offset: offsets[Number(offset)] ?? NaN }
        }),
      ]
    }),
  )
}

/** The offset the polyfill applies at `seconds`: the entry before the first that starts later (its own loop). */
function offsetAt(entries: Entry[], seconds: number): number | undefined {
  for (let i = 0; i <= entries.length; i++) {
    if (i === entries.length || entries[i]!.start > seconds) return entries[i - 1]?.offset
  }
  return undefined
}

const full = unpack(readAllTimeZones())
const windowed = unpack(windowTimeZones(readAllTimeZones(), TIME_ZONE_YEARS))
const start = Date.UTC(TIME_ZONE_YEARS.from, 0, 1) / 1000
const end = Date.UTC(TIME_ZONE_YEARS.to, 0, 1) / 1000

describe('the time zone data the build gives the Intl polyfill', () => {
  it('keeps every zone, with every offset change inside the years it covers', () => {
    expect([...windowed.keys()]).toEqual([...full.keys()])
    const wrong: string[] = []
    for (const [zone, entries] of full) {
      const kept = windowed.get(zone)!
      const changes = entries.map((entry) => entry.start).filter((at) => at > start && at < end)
      // Each change, the second before it, and midsummer and midwinter of every year.
      const years = Array.from({ length: TIME_ZONE_YEARS.to - TIME_ZONE_YEARS.from }, (_, i) => TIME_ZONE_YEARS.from + i)
      const seasons = years.flatMap((year) => [Date.UTC(year, 0, 15), Date.UTC(year, 6, 15)].map((ms) => ms / 1000))
      for (const at of [start, ...changes.flatMap((change) => [change - 1, change]), ...seasons]) {
        if (offsetAt(kept, at) !== offsetAt(entries, at)) wrong.push(`${zone} at ${new Date(at * 1000).toISOString()}`)
      }
    }
    expect(wrong).toEqual([])
  })

  it('keeps the offset in force when the years begin for anything earlier', () => {
    const newYork = windowed.get('America/New_York')!
    const summer1995 = Date.UTC(1995, 6, 1) / 1000
    expect(offsetAt(full.get('America/New_York')!, summer1995)).toBe(-4 * 3600)
    expect(offsetAt(newYork, summer1995)).toBe(-5 * 3600)
    expect(offsetAt(newYork, Date.UTC(2000, 6, 1) / 1000)).toBe(-4 * 3600)
  })

  it('is a third of the package’s file or less', () => {
    expect(JSON.stringify(windowTimeZones(readAllTimeZones(), TIME_ZONE_YEARS)).length).toBeLessThan(JSON.stringify(readAllTimeZones()).length / 2.5)
  })
})
