// Common meeting slots for parties in different time zones. Business hours are wall-clock times in each
// party's IANA zone (habit 14), turned into UTC instants per local day with @date-fns/tz, so DST changes
// move the hours with the clocks instead of shifting them by an hour.
import { TZDate } from '@date-fns/tz'

/** Half-open interval [start, end) of UTC instants. */
export type TimeInterval = {
  start: Date
  end: Date
}

export type BusinessHours = {
  /** Wall clock "HH:mm" in the party's zone */
  start: string
  /** Wall clock "HH:mm", later than start; "24:00" means midnight at the end of the day */
  end: string
}

export type SchedulingParty = {
  id: string
  /** IANA zone, e.g. "Asia/Seoul" */
  timeZone: string
  businessHours: BusinessHours
  /** Local weekdays worked, 0 = Sunday … 6 = Saturday; Monday–Friday by default */
  workingDays?: readonly number[]
  /** Existing meetings and other commitments, UTC */
  busy?: readonly TimeInterval[]
}

export type SlotSearch = {
  parties: readonly SchedulingParty[]
  /** Search window, UTC */
  from: Date
  to: Date
  /** Passed in, never read from the clock: no slot starts before now + minNoticeMinutes */
  now: Date
  slotMinutes: number
  /** Distance between candidate starts; slots start on multiples of this since the Unix epoch (default: slotMinutes) */
  stepMinutes?: number
  minNoticeMinutes?: number
  /** Stop after this many slots */
  limit?: number
}

export const DEFAULT_WORKING_DAYS: readonly number[] = [1, 2, 3, 4, 5]

const MINUTE_MS = 60_000
const DAY_MS = 86_400_000

/** "09:30" → 570; "24:00" → 1440. Throws on anything else, so a bad profile fails loudly. */
export function parseWallClock(value: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(value)
  const hours = Number(match?.[1])
  const minutes = Number(match?.[2])
  if (!match || hours > 24 || minutes > 59 || (hours === 24 && minutes !== 0)) {
    throw new RangeError(`Expected wall-clock time "HH:mm", got "${value}"`)
  }
  return hours * 60 + minutes
}

/** One party's business hours inside [from, to) as UTC intervals, one per working local day. */
export function businessIntervals(party: SchedulingParty, from: Date, to: Date): TimeInterval[] {
  const startMinute = parseWallClock(party.businessHours.start)
  const endMinute = parseWallClock(party.businessHours.end)
  if (endMinute <= startMinute) {
    throw new RangeError(`Business hours of ${party.id} end before they start (${party.businessHours.start}–${party.businessHours.end})`)
  }
  const workingDays = new Set(party.workingDays ?? DEFAULT_WORKING_DAYS)
  // Start a day early: the local day that contains `from` may have begun on the previous UTC date.
  const first = new TZDate(from.getTime() - DAY_MS, party.timeZone)
  const intervals: TimeInterval[] = []
  for (let dayOffset = 0; ; dayOffset++) {
    const year = first.getFullYear()
    const month = first.getMonth()
    const date = first.getDate() + dayOffset
    // TZDate normalises day overflow and resolves the wall clock in the zone, DST included.
    const dayStart = new TZDate(year, month, date, 0, 0, 0, 0, party.timeZone)
    if (dayStart.getTime() >= to.getTime()) break
    if (!workingDays.has(dayStart.getDay())) continue
    const start = new TZDate(year, month, date, Math.floor(startMinute / 60), startMinute % 60, 0, 0, party.timeZone)
    const end = new TZDate(year, month, date, Math.floor(endMinute / 60), endMinute % 60, 0, 0, party.timeZone)
    const clipped = {
      start: new Date(Math.max(start.getTime(), from.getTime())),
      end: new Date(Math.min(end.getTime(), to.getTime())),
    }
    if (clipped.start < clipped.end) intervals.push(clipped)
  }
  return intervals
}

/** Intersection of two sorted, disjoint interval lists. */
export function intersectIntervals(a: readonly TimeInterval[], b: readonly TimeInterval[]): TimeInterval[] {
  const result: TimeInterval[] = []
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    const left = a[i]
    const right = b[j]
    if (!left || !right) break // not reached: the loop condition keeps both in range
    const start = Math.max(left.start.getTime(), right.start.getTime())
    const end = Math.min(left.end.getTime(), right.end.getTime())
    if (start < end) result.push({ start: new Date(start), end: new Date(end) })
    if (left.end.getTime() < right.end.getTime()) i++
    else j++
  }
  return result
}

/** Sorted, merged copy: overlapping or touching intervals become one. */
export function mergeIntervals(intervals: readonly TimeInterval[]): TimeInterval[] {
  const sorted = intervals.filter((interval) => interval.start.getTime() < interval.end.getTime()).sort((a, b) => a.start.getTime() - b.start.getTime())
  const merged: TimeInterval[] = []
  for (const interval of sorted) {
    const last = merged[merged.length - 1]
    if (last && interval.start.getTime() <= last.end.getTime()) {
      if (interval.end.getTime() > last.end.getTime()) last.end = new Date(interval.end.getTime())
    } else {
      merged.push({ start: new Date(interval.start.getTime()), end: new Date(interval.end.getTime()) })
    }
  }
  return merged
}

/** `free` minus every interval in `busy` (both sorted; busy merged). */
export function subtractIntervals(free: readonly TimeInterval[], busy: readonly TimeInterval[]): TimeInterval[] {
  const blocked = mergeIntervals(busy)
  const result: TimeInterval[] = []
  for (const interval of free) {
    let cursor = interval.start.getTime()
    const end = interval.end.getTime()
    for (const block of blocked) {
      if (block.end.getTime() <= cursor) continue
      if (block.start.getTime() >= end) break
      if (block.start.getTime() > cursor) result.push({ start: new Date(cursor), end: new Date(block.start.getTime()) })
      cursor = Math.max(cursor, block.end.getTime())
    }
    if (cursor < end) result.push({ start: new Date(cursor), end: new Date(end) })
  }
  return result
}

/** Slots inside every party's business hours, overlapping nobody's busy time, sorted by start. */
export function findCommonSlots(search: SlotSearch): TimeInterval[] {
  const slotMs = search.slotMinutes * MINUTE_MS
  const stepMs = (search.stepMinutes ?? search.slotMinutes) * MINUTE_MS
  if (!(slotMs > 0) || !(stepMs > 0)) throw new RangeError('slotMinutes and stepMinutes must be positive')
  if (search.parties.length === 0) return []
  const earliest = Math.max(search.from.getTime(), search.now.getTime() + (search.minNoticeMinutes ?? 0) * MINUTE_MS)
  if (earliest >= search.to.getTime()) return []
  const from = new Date(earliest)

  let free: TimeInterval[] | null = null
  for (const party of search.parties) {
    const hours = businessIntervals(party, from, search.to)
    free = free === null ? hours : intersectIntervals(free, hours)
    if (free.length === 0) return []
  }
  free = subtractIntervals(
    free ?? [],
    search.parties.flatMap((party) => party.busy ?? []),
  )

  const slots: TimeInterval[] = []
  const limit = search.limit ?? Number.POSITIVE_INFINITY
  for (const interval of free) {
    // Starts on the epoch grid keep slots on :00/:30 for whole- and half-hour zones whatever the busy times.
    let start = Math.ceil(interval.start.getTime() / stepMs) * stepMs
    while (start + slotMs <= interval.end.getTime()) {
      slots.push({ start: new Date(start), end: new Date(start + slotMs) })
      if (slots.length >= limit) return slots
      start += stepMs
    }
  }
  return slots
}

export type SlotLabel = {
  /** In the viewer's zone, e.g. "Tue, Mar 10, 10:00 – 10:30 AM EDT" */
  viewer: string
  /** The same slot in the other party's zone */
  other: string
  /** Other party's local date minus the viewer's: -1 (their previous day), 0, or 1 (their next day) */
  otherDayOffset: number
}

function localDateKey(instant: Date, timeZone: string): number {
  const local = new TZDate(instant.getTime(), timeZone)
  return Date.UTC(local.getFullYear(), local.getMonth(), local.getDate())
}

/** A slot as local date and time range in one zone, e.g. "Tue, Mar 10, 7:00 – 7:30 AM GMT+9". */
export function formatSlotInZone(slot: TimeInterval, options: { locale: string; timeZone: string }): string {
  return new Intl.DateTimeFormat(options.locale, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: options.timeZone,
    timeZoneName: 'short',
  }).formatRange(slot.start, slot.end)
}

/** Labels a slot for the viewer, with the other party's local time beside it. */
export function formatSlotForViewer(slot: TimeInterval, options: { locale: string; viewerTimeZone: string; otherTimeZone: string }): SlotLabel {
  const format = (timeZone: string) => formatSlotInZone(slot, { locale: options.locale, timeZone })
  return {
    viewer: format(options.viewerTimeZone),
    other: format(options.otherTimeZone),
    otherDayOffset: Math.round((localDateKey(slot.start, options.otherTimeZone) - localDateKey(slot.start, options.viewerTimeZone)) / DAY_MS),
  }
}
