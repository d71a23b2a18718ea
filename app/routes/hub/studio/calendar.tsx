import { useTranslation } from 'react-i18next'
import { Form, Link } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/calendar'
import { weekdayName } from '~/components/studio/studio-parts'
import { Button } from '~/components/ui/button'
import { Card, cardTitleId, EmptyState } from '~/components/ui/card'
import { requirePermission } from '~/domain/accounts/permissions.server'
import { type BookingRow, listBookingsBetween } from '~/domain/studio/bookings.server'
import { addDays, studioDay, weekdayOf } from '~/domain/studio/opening-hours'
import { listResources, operatorStudio } from '~/domain/studio/studio.server'
import { pageTitle } from '~/lib/meta'
import { formatDate, wallClockToInstant } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'
import { requestNow } from '~/utils/clock.server'
import { resolveLocale } from '~/utils/preferences.server'

// The studio's day and week (docs/studio-booking.md): resources down, time across, on the studio's wall
// clock (its zone named), as a table a screen reader walks cell by cell; it scrolls sideways on a phone.

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('studioBooking.calendar.title')])

const QuerySchema = z.object({
  view: z.enum(['day', 'week']).catch('week'),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
    .optional()
    .catch(undefined),
})

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, 'manage:studio')
  const locale = await resolveLocale(request, user)
  const studio = await operatorStudio(user.id)
  const url = new URL(request.url)
  const query = QuerySchema.parse({ view: url.searchParams.get('view') ?? undefined, date: url.searchParams.get('date') ?? undefined })
  const day = query.date ?? studioDay(requestNow(request), studio.timeZone)
  // A week starts on Monday (studio zone).
  const first = query.view === 'day' ? day : addDays(day, -((weekdayOf(day) + 6) % 7))
  const days = query.view === 'day' ? [first] : Array.from({ length: 7 }, (_, i) => addDays(first, i))
  const from = wallClockToInstant(`${first}T00:00`, studio.timeZone)
  const to = wallClockToInstant(`${addDays(days.at(-1) ?? first, 1)}T00:00`, studio.timeZone)
  const [resources, bookings] = await Promise.all([listResources(studio.id), listBookingsBetween(studio.id, from, to, locale)])
  // Day view columns: every hour the studio is open that day (08–20 when closed, so a stray booking still shows).
  const hours = studio.openingHours[`${weekdayOf(first)}`]
  const firstHour = hours ? Number(hours.open.slice(0, 2)) : 8
  const lastHour = hours ? Math.ceil(Number(hours.close.slice(0, 2)) + Number(hours.close.slice(3)) / 60) : 20
  return {
    view: query.view,
    day: first,
    days,
    hourSlots: Array.from({ length: Math.max(1, lastHour - firstHour) }, (_, i) => firstHour + i),
    previous: addDays(first, query.view === 'day' ? -1 : -7),
    next: addDays(first, query.view === 'day' ? 1 : 7),
    studio: { name: studio.name, timeZone: studio.timeZone, blackouts: studio.blackouts },
    resources: resources.filter((resource) => resource.active || bookings.some((b) => b.resources.some((r) => r.id === resource.id))),
    bookings,
  }
}

export default function StudioCalendarRoute({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const { view, day, days, studio, resources, bookings, hourSlots } = loaderData
  const zone = studio.timeZone
  const holding = (resourceId: string) => bookings.filter((booking) => booking.resources.some((r) => r.id === resourceId))
  const inInterval = (booking: BookingRow, start: number, end: number) => Date.parse(booking.startsAt) < end && Date.parse(booking.endsAt) > start
  const blackoutOf = (d: string) => studio.blackouts.find((b) => b.day === d)
  const dayLabel = (d: string) => `${weekdayName(weekdayOf(d), locale, 'short')} ${formatDate(`${d}T12:00:00Z`, { locale, timeZone: 'UTC' })}`
  const wall = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone })
  const slotText = (booking: BookingRow) => `${wall.format(new Date(booking.startsAt))}–${wall.format(new Date(booking.endsAt))}`
  const caption =
    view === 'day'
      ? t('studioBooking.calendar.dayCaption', { day: dayLabel(day), zone })
      : t('studioBooking.calendar.weekCaption', { day: dayLabel(day), zone })
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight">{t('studioBooking.calendar.title')}</h1>
        <nav aria-label={t('studioBooking.calendar.navigate')} className="flex flex-wrap items-end gap-2 text-sm">
          <Link to={`?view=${view}&date=${loaderData.previous}`} className="rounded-md px-3 py-2 ring-1 ring-slate-300 hover:bg-slate-100">
            {view === 'day' ? t('studioBooking.calendar.previousDay') : t('studioBooking.calendar.previousWeek')}
          </Link>
          <Link to={`?view=${view}&date=${loaderData.next}`} className="rounded-md px-3 py-2 ring-1 ring-slate-300 hover:bg-slate-100">
            {view === 'day' ? t('studioBooking.calendar.nextDay') : t('studioBooking.calendar.nextWeek')}
          </Link>
          <Form method="get" className="flex items-end gap-2">
            <label className="text-sm">
              <span className="block font-medium text-slate-800">{t('studioBooking.calendar.view')}</span>
              <select name="view" defaultValue={view} className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5">
                <option value="day">{t('studioBooking.calendar.dayView')}</option>
                <option value="week">{t('studioBooking.calendar.weekView')}</option>
              </select>
            </label>
            <label className="text-sm">
              <span className="block font-medium text-slate-800">{t('studioBooking.calendar.date')}</span>
              <input type="date" name="date" defaultValue={day} className="mt-1 rounded-md border border-slate-300 px-2 py-1" />
            </label>
            <Button type="submit" variant="secondary">
              {t('studioBooking.calendar.show')}
            </Button>
          </Form>
        </nav>
      </div>
      <Card id="calendar" title={caption}>
        {resources.length === 0 ? (
          <EmptyState>{t('studioBooking.calendar.noResources')}</EmptyState>
        ) : (
          <div role="region" aria-labelledby={cardTitleId('calendar')} tabIndex={0} className="relative overflow-x-auto">
            <table
              className="w-full min-w-[40rem] border-collapse text-left text-xs"
              aria-labelledby={cardTitleId('calendar')}
              data-testid={`studio-calendar-${view}`}
            >
              <thead>
                <tr>
                  <th scope="col" className="sticky left-0 bg-white p-2 font-medium text-slate-600">
                    {t('studioBooking.calendar.resource')}
                  </th>
                  {view === 'day'
                    ? hourSlots.map((hour) => (
                        <th key={hour} scope="col" className="p-2 font-medium text-slate-600">
                          {`${String(hour).padStart(2, '0')}:00`}
                        </th>
                      ))
                    : days.map((d) => (
                        <th key={d} scope="col" className="p-2 font-medium text-slate-600">
                          {dayLabel(d)}
                          {blackoutOf(d) ? (
                            <span className="block font-normal text-amber-800">{t('studioBooking.calendar.blackout', { reason: blackoutOf(d)?.reason })}</span>
                          ) : null}
                        </th>
                      ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {resources.map((resource) => (
                  <tr key={resource.id}>
                    <th scope="row" className="sticky left-0 bg-white p-2 font-normal">
                      <span className="font-medium">{resource.name}</span>
                      <span className="block text-slate-600">
                        {resource.crewRole ? t(`studioBooking.crewRole.${resource.crewRole}`) : t(`studioBooking.kind.${resource.kind}`)}
                        {resource.active ? '' : ` · ${t('studioBooking.inactive')}`}
                      </span>
                    </th>
                    {view === 'day'
                      ? hourSlots.map((hour) => {
                          const start = wallClockToInstant(`${day}T${String(hour).padStart(2, '0')}:00`, zone).getTime()
                          const end = start + 3_600_000
                          const here = holding(resource.id).filter((booking) => inInterval(booking, start, end))
                          return <CalendarCell key={hour} bookings={here} slotText={slotText} />
                        })
                      : days.map((d) => {
                          const start = wallClockToInstant(`${d}T00:00`, zone).getTime()
                          const end = wallClockToInstant(`${addDays(d, 1)}T00:00`, zone).getTime()
                          const here = holding(resource.id).filter((booking) => inInterval(booking, start, end))
                          return <CalendarCell key={d} bookings={here} slotText={slotText} />
                        })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="mt-3 text-xs text-slate-600">{t('studioBooking.calendar.legend', { zone })}</p>
      </Card>
    </div>
  )
}

function CalendarCell({ bookings, slotText }: { bookings: readonly BookingRow[]; slotText: (booking: BookingRow) => string }) {
  const { t } = useTranslation()
  if (bookings.length === 0) {
    return (
      <td className="p-2 text-slate-400">
        <span className="sr-only">{t('studioBooking.calendar.free')}</span>
      </td>
    )
  }
  return (
    <td className="p-1 align-top">
      <ul className="space-y-1">
        {bookings.map((booking) => (
          <li
            key={booking.id}
            className={`rounded px-2 py-1 ${booking.status === 'REQUESTED' ? 'bg-sky-50 text-sky-900 ring-1 ring-sky-300 ring-dashed' : 'bg-brand-50 text-brand-900 ring-1 ring-brand-200'}`}
          >
            <span className="block font-medium">{slotText(booking)}</span>
            <span className="block">{booking.sessionTitle}</span>
            <span className="block text-[11px]">
              {booking.companyName} · {t(`studioBooking.status.${booking.status}`)}
            </span>
          </li>
        ))}
      </ul>
    </td>
  )
}
