import { z } from 'zod'
import { dayInZone, wallClockToInstant } from '~/lib/time'
import { addDays } from '~/domain/studio/opening-hours'

// The period of the consultation KPIs (organizer and agency pages): `from` and `to` are calendar days
// (YYYY-MM-DD, both included) read in the viewer's time zone, so a consultation at 08:00 KST on
// 1 December counts in December for a viewer in Seoul. Instants come from wallClockToInstant, the same
// helper the studio calendar uses to turn its days into a range.

export const KPI_DEFAULT_PAST_DAYS = 90
export const KPI_DEFAULT_FUTURE_DAYS = 30

export type KpiPeriodError = 'invalid-date' | 'from-after-to'

const Day = z.iso.date()
const PeriodQuery = z
  .object({ from: Day.optional(), to: Day.optional() })
  .refine((period) => !period.from || !period.to || period.from <= period.to, { error: 'from-after-to', path: ['to'] })

export type KpiPeriod = {
  /** The days shown in the form. */
  from: string
  to: string
  /** [start, end) in UTC: start of `from` and the start of the day after `to`, in the viewer's zone. */
  range: { from: Date; to: Date }
  /** Set when the query was refused; the period is then the default one. */
  error: KpiPeriodError | null
}

/** Reads `?from=&to=` (empty values count as absent); a refused query falls back to the default period with an error. */
export function kpiPeriod(query: { from?: string | null; to?: string | null }, { now, timeZone }: { now: Date; timeZone: string }): KpiPeriod {
  const today = dayInZone(now, timeZone)
  const parsed = PeriodQuery.safeParse({ from: query.from || undefined, to: query.to || undefined })
  let error: KpiPeriodError | null = null
  if (!parsed.success) error = parsed.error.issues.some((issue) => issue.message === 'from-after-to') ? 'from-after-to' : 'invalid-date'
  const asked = parsed.success ? parsed.data : {}
  const from = asked.from ?? addDays(today, -KPI_DEFAULT_PAST_DAYS)
  const to = asked.to ?? addDays(today, KPI_DEFAULT_FUTURE_DAYS)
  // One side given beyond the other side's default: the other side follows (still a valid period).
  const [first, last] = from <= to ? [from, to] : asked.from ? [from, from] : [to, to]
  return {
    from: first,
    to: last,
    range: { from: wallClockToInstant(`${first}T00:00`, timeZone), to: wallClockToInstant(`${addDays(last, 1)}T00:00`, timeZone) },
    error,
  }
}
