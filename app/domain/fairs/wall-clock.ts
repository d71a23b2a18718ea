import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'

/** `YYYY-MM-DDTHH:mm` read as wall-clock time in `timeZone` → the UTC instant (DST-correct via @date-fns/tz). */
export function wallClockToInstant(value: string, timeZone: string): Date {
  const [date = '', time = ''] = value.split('T')
  const [y, m, d] = date.split('-').map(Number)
  const [hh, mm] = time.split(':').map(Number)
  return new Date(new TZDate(y!, m! - 1, d!, hh!, mm!, timeZone).getTime())
}

/** An instant → `YYYY-MM-DDTHH:mm` on the wall clock of `timeZone`, for datetime-local inputs. */
export function instantToWallClock(instant: Date, timeZone: string): string {
  return format(new TZDate(instant.getTime(), timeZone), "yyyy-MM-dd'T'HH:mm")
}

/** The calendar day (YYYY-MM-DD) of an instant in `timeZone`. */
export function dayInZone(instant: Date | string, timeZone: string): string {
  return format(new TZDate(new Date(instant).getTime(), timeZone), 'yyyy-MM-dd')
}
