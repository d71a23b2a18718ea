import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'

/** Written by the browser from Intl so guests see their own local times. */
export const TIME_ZONE_COOKIE = 'tc_tz'

/** True when the runtime knows this IANA zone name. */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

export function formatDateTime(value: Date | string, { locale, timeZone, withZone = false }: { locale: string; timeZone: string; withZone?: boolean }): string {
  // dateStyle/timeStyle cannot be combined with timeZoneName (a RangeError), so spell the fields out.
  const options: Intl.DateTimeFormatOptions = withZone
    ? { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone, timeZoneName: 'short' }
    : { dateStyle: 'medium', timeStyle: 'short', timeZone }
  return new Intl.DateTimeFormat(locale, options).format(new Date(value))
}

export function formatTime(value: Date | string, { locale, timeZone }: { locale: string; timeZone: string }): string {
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(new Date(value))
}

export function formatDate(value: Date | string, { locale, timeZone }: { locale: string; timeZone: string }): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(new Date(value))
}

/** `YYYY-MM-DDTHH:mm` read as wall-clock time in `timeZone` → the UTC instant (DST-correct via @date-fns/tz). */
export function wallClockToInstant(value: string, timeZone: string): Date {
  const [date = '', time = ''] = value.split('T')
  // A missing part stays NaN, so a malformed value gives an Invalid Date as before.
  const [y = NaN, m = NaN, d = NaN] = date.split('-').map(Number)
  const [hh = NaN, mm = NaN] = time.split(':').map(Number)
  return new Date(new TZDate(y, m - 1, d, hh, mm, timeZone).getTime())
}

/** An instant → `YYYY-MM-DDTHH:mm` on the wall clock of `timeZone`, for datetime-local inputs. */
export function instantToWallClock(instant: Date, timeZone: string): string {
  return format(new TZDate(instant.getTime(), timeZone), "yyyy-MM-dd'T'HH:mm")
}

/** The calendar day (YYYY-MM-DD) of an instant in `timeZone`. */
export function dayInZone(instant: Date | string, timeZone: string): string {
  return format(new TZDate(new Date(instant).getTime(), timeZone), 'yyyy-MM-dd')
}

/**
 * A day (`YYYY-MM-DD`, e.g. a certificate's validity or a ship date) as UTC midnight: days carry no zone.
 * Invalid Date for anything that is not a real day.
 */
export function dayStart(day: string): Date {
  const date = new Date(`${day}T00:00:00.000Z`)
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(date.getTime()) && isoDay(date) === day ? date : new Date(NaN)
}

/** The UTC calendar day of an instant, `YYYY-MM-DD` (the inverse of dayStart). */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/**
 * Every zone one may choose, sorted. UTC is always among them: V8 lists only city zones, and a select
 * whose value (a UTC browser's, or an account's default 'UTC') is missing shows its first entry instead.
 */
export function listTimeZones(): string[] {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf
  const zones = supported ? supported('timeZone') : ['Asia/Seoul', 'America/New_York', 'Europe/Berlin']
  return zones.includes('UTC') ? zones : [...zones, 'UTC'].sort()
}
