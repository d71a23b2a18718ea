import { TZDate } from '@date-fns/tz'
import { z } from 'zod'
import { HhmmSchema } from '~/lib/business-hours'
import { wallClockToInstant } from '~/lib/time'

// The studio's weekly opening hours: wall-clock "HH:mm" per local weekday in the studio's IANA zone (habit
// 14), never instants, so "9 to 18" stays 9 to 18 across DST changes. Client-safe and pure: `now` and the
// blackout days are passed in, so the same rules check forms and are tested on a pinned clock.

export const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const
export type Weekday = (typeof WEEKDAYS)[number]

export const DayHoursSchema = z
  .object({ open: HhmmSchema, close: HhmmSchema })
  .refine((value) => value.open < value.close, { error: 'errors.hoursOrder', path: ['close'] })
export type DayHours = z.infer<typeof DayHoursSchema>

/** { "0": null | {open, close}, … "6": … }: a missing or null weekday is closed. */
export const OpeningHoursSchema = z.record(z.enum(['0', '1', '2', '3', '4', '5', '6']), DayHoursSchema.nullable())
export type OpeningHours = Partial<Record<`${Weekday}`, DayHours | null>>

/** Reads the stored JSON; anything malformed is "closed" for that day rather than an error page. */
export function parseOpeningHours(value: unknown): OpeningHours {
  const hours: OpeningHours = {}
  if (typeof value !== 'object' || value === null) return hours
  for (const day of WEEKDAYS) {
    const parsed = DayHoursSchema.safeParse((value as Record<string, unknown>)[String(day)])
    hours[`${day}`] = parsed.success ? parsed.data : null
  }
  return hours
}

/** The local weekday (0 = Sunday) of a YYYY-MM-DD day. */
export function weekdayOf(day: string): Weekday {
  return new Date(`${day}T12:00:00Z`).getUTCDay() as Weekday
}

/** The calendar day (YYYY-MM-DD) of an instant on the studio's wall clock. */
export function studioDay(instant: Date, timeZone: string): string {
  const local = new TZDate(instant.getTime(), timeZone)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`
}

/** `day` plus `n` days (calendar arithmetic on the day string, no zone involved). */
export function addDays(day: string, n: number): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + n)
  return date.toISOString().slice(0, 10)
}

/** The open interval [open, close) of a local day as UTC instants, or null when the studio is closed that day. */
export function openIntervalOn(day: string, hours: OpeningHours, timeZone: string): { start: Date; end: Date } | null {
  const dayHours = hours[`${weekdayOf(day)}`]
  if (!dayHours) return null
  return { start: wallClockToInstant(`${day}T${dayHours.open}`, timeZone), end: wallClockToInstant(`${day}T${dayHours.close}`, timeZone) }
}

export type SlotRefusal = 'slot-order' | 'slot-past' | 'slot-outside-hours' | 'slot-blackout'

/**
 * Why a slot [startsAt, endsAt) may not be booked, or null when it may: it must end after it starts, start
 * after `now`, lie on one local day inside that day's opening hours (DST-correct through the zone) and not
 * on a blackout day.
 */
export function slotRefusal(
  slot: { startsAt: Date; endsAt: Date },
  studio: { timeZone: string; openingHours: OpeningHours; blackoutDays: ReadonlySet<string> | readonly string[] },
  now: Date,
): SlotRefusal | null {
  if (!(slot.endsAt.getTime() > slot.startsAt.getTime())) return 'slot-order'
  if (slot.startsAt.getTime() <= now.getTime()) return 'slot-past'
  const day = studioDay(slot.startsAt, studio.timeZone)
  const blackouts = studio.blackoutDays instanceof Set ? studio.blackoutDays : new Set(studio.blackoutDays as readonly string[])
  if (blackouts.has(day)) return 'slot-blackout'
  const open = openIntervalOn(day, studio.openingHours, studio.timeZone)
  if (!open) return 'slot-outside-hours'
  if (slot.startsAt.getTime() < open.start.getTime() || slot.endsAt.getTime() > open.end.getTime()) return 'slot-outside-hours'
  return null
}

/** Milliseconds the studio is open in [from, to) (blackout days count as closed): the utilisation's denominator. */
export function openMillisecondsBetween(
  from: Date,
  to: Date,
  studio: { timeZone: string; openingHours: OpeningHours; blackoutDays: ReadonlySet<string> | readonly string[] },
): number {
  const blackouts = studio.blackoutDays instanceof Set ? studio.blackoutDays : new Set(studio.blackoutDays as readonly string[])
  let total = 0
  let day = studioDay(from, studio.timeZone)
  const lastDay = studioDay(new Date(to.getTime() - 1), studio.timeZone)
  for (let guard = 0; day <= lastDay && guard < 400; guard += 1, day = addDays(day, 1)) {
    if (blackouts.has(day)) continue
    const open = openIntervalOn(day, studio.openingHours, studio.timeZone)
    if (!open) continue
    const start = Math.max(open.start.getTime(), from.getTime())
    const end = Math.min(open.end.getTime(), to.getTime())
    if (end > start) total += end - start
  }
  return total
}

/** True when [a.start, a.end) and [b.start, b.end) share an instant (half-open intervals). */
export function intervalsOverlap(a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime()
}

/** Cancelling now is late when fewer than `freeCancelHours` remain before the slot starts. */
export function isLateCancellation(startsAt: Date, freeCancelHours: number, now: Date): boolean {
  return startsAt.getTime() - now.getTime() < freeCancelHours * 3_600_000
}
