import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, useNavigation } from 'react-router'
import type { Route } from './+types/index'
import { BarChartFigure, DataTable } from '~/components/charts'
import { CsrfInput } from '~/components/csrf-input'
import { LocalTime } from '~/components/local-time'
import { BookingResources, StudioStatus } from '~/components/studio/studio-parts'
import { CancelBookingForm } from '~/components/studio/studio-forms'
import { Button } from '~/components/ui/button'
import { Card, cardTitleId, EmptyState, StatCard } from '~/components/ui/card'
import { FormErrors } from '~/components/ui/form-errors'
import { Cell, Table } from '~/components/ui/table'
import { requirePermission } from '~/domain/accounts/permissions.server'
import {
  approveBooking,
  type BookingRow,
  cancelBookingByOperator,
  declineBooking,
  listBookingsBetween,
  listRequests,
  studioUtilisation,
} from '~/domain/studio/bookings.server'
import { ApproveSchema, DeclineSchema, OperatorCancelSchema } from '~/domain/studio/schemas'
import { listResources, operatorStudio, type StudioResourceRow } from '~/domain/studio/studio.server'
import { languageName } from '~/lib/languages'
import { pageTitle } from '~/lib/meta'
import { useRootData } from '~/lib/use-root-data'
import { requestNow } from '~/utils/clock.server'
import { validateCsrf } from '~/utils/csrf.server'
import { resolveLocale } from '~/utils/preferences.server'
import { formErrorFromDomain } from '~/utils/route-errors.server'
import { redirectWithToast } from '~/utils/toast.server'

// The studio operator's desk (docs/studio-booking.md): the request queue (approve with crew, decline),
// the approved bookings to come (call off), and utilisation over the last four weeks.

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('studioBooking.operator.title')])

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, 'manage:studio')
  const locale = await resolveLocale(request, user)
  const now = requestNow(request)
  const studio = await operatorStudio(user.id)
  const [requests, upcoming, resources, utilisation] = await Promise.all([
    listRequests(studio.id, locale),
    listBookingsBetween(studio.id, now, new Date(now.getTime() + 60 * 86_400_000), locale, ['APPROVED']),
    listResources(studio.id, { activeOnly: true }),
    studioUtilisation(studio.id, now),
  ])
  return { studio, requests, upcoming, crew: resources.filter((r) => r.kind !== 'SET'), utilisation }
}

const FORM_CODES = [
  'resource-taken',
  'resource-gone',
  'crew-unknown',
  'crew-missing',
  'interpreter-language',
  'booking-closed',
  'booking-started',
  'slot-past',
  'slot-outside-hours',
  'slot-blackout',
  'slot-order',
]

export async function action({ request }: Route.ActionArgs) {
  const user = await requirePermission(request, 'manage:studio')
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const now = requestNow(request)
  const intent = formData.get('intent')
  const rawBookingId = formData.get('bookingId')
  const bookingId = typeof rawBookingId === 'string' ? rawBookingId : ''
  if (intent === 'approve') {
    const submission = parseWithZod(formData, { schema: ApproveSchema })
    if (submission.status !== 'success') return data({ result: submission.reply(), bookingId }, { status: 400 })
    try {
      await approveBooking(user.id, submission.value.bookingId, submission.value.crewIds, now)
    } catch (error) {
      return formErrorFromDomain(submission, error, { only: FORM_CODES, field: '', extra: { bookingId } })
    }
    return redirectWithToast('/hub/studio', 'studioBooking.operator.approved')
  }
  if (intent === 'decline') {
    const submission = parseWithZod(formData, { schema: DeclineSchema })
    if (submission.status !== 'success') return data({ result: submission.reply(), bookingId }, { status: 400 })
    try {
      await declineBooking(user.id, submission.value.bookingId, submission.value.reason, now)
    } catch (error) {
      return formErrorFromDomain(submission, error, { only: FORM_CODES, field: '', extra: { bookingId } })
    }
    return redirectWithToast('/hub/studio', 'studioBooking.operator.declined')
  }
  const submission = parseWithZod(formData, { schema: OperatorCancelSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), bookingId }, { status: 400 })
  try {
    await cancelBookingByOperator(user.id, submission.value.bookingId, submission.value.reason, now)
  } catch (error) {
    return formErrorFromDomain(submission, error, { only: FORM_CODES, field: '', extra: { bookingId } })
  }
  return redirectWithToast('/hub/studio', 'studioBooking.operator.cancelled')
}

export default function StudioDeskRoute({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const { studio, requests, upcoming, crew, utilisation } = loaderData
  const errorsFor = (id: string) => {
    if (actionData?.bookingId !== id) return undefined
    const all = Object.values(actionData.result.error ?? {}).flatMap((messages) => messages ?? [])
    return all.length ? all : undefined
  }
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold tracking-tight">{t('studioBooking.operator.title')}</h1>
        <p className="text-sm text-slate-600">{t('studioBooking.operator.studioLine', { studio: studio.name, zone: studio.timeZone })}</p>
      </div>

      <Card id="requests" title={t('studioBooking.operator.requestsTitle', { count: requests.length })}>
        {requests.length === 0 ? (
          <EmptyState>{t('studioBooking.operator.noRequests')}</EmptyState>
        ) : (
          <ul className="space-y-4">
            {requests.map((booking) => (
              <RequestItem key={booking.id} booking={booking} crew={crew} timeZone={studio.timeZone} errors={errorsFor(booking.id)} />
            ))}
          </ul>
        )}
      </Card>

      <Card id="upcoming" title={t('studioBooking.operator.upcomingTitle')}>
        {upcoming.length === 0 ? (
          <EmptyState>{t('studioBooking.operator.noUpcoming')}</EmptyState>
        ) : (
          <Table
            labelledBy={cardTitleId('upcoming')}
            columns={[
              { label: t('studioBooking.columns.slot') },
              { label: t('studioBooking.columns.showcase') },
              { label: t('studioBooking.columns.resources') },
              { label: t('studioBooking.columns.actions'), hideLabel: true },
            ]}
          >
            {upcoming.map((booking) => (
              <tr key={booking.id} data-testid="studio-upcoming-row">
                <Cell>
                  <LocalTime value={booking.startsAt} otherZone={studio.timeZone} />
                </Cell>
                <Cell>
                  <Link to={`/live/${booking.sessionId}`} className="text-brand-700 hover:underline">
                    {booking.sessionTitle}
                  </Link>
                  <span className="block text-xs text-slate-600">{booking.companyName}</span>
                </Cell>
                <Cell>
                  <BookingResources booking={booking} />
                </Cell>
                <Cell align="end">
                  <FormErrors id={`cancel-${booking.id}-errors`} errors={errorsFor(booking.id)} />
                  <CancelBookingForm
                    bookingId={booking.id}
                    reasonRequired
                    label={t('studioBooking.operator.cancelFor', { showcase: booking.sessionTitle })}
                    text={t('studioBooking.operator.callOff')}
                  />
                </Cell>
              </tr>
            ))}
          </Table>
        )}
      </Card>

      <Card id="utilisation" title={t('studioBooking.utilisation.title')}>
        <dl className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
          <StatCard label={t('studioBooking.utilisation.ratio')} value={percent.format(utilisation.ratio)} />
          <StatCard
            label={t('studioBooking.utilisation.bookedHours')}
            value={`${number.format(utilisation.bookedHours)} / ${number.format(utilisation.openHours)}`}
          />
          <StatCard label={t('studioBooking.utilisation.shows')} value={utilisation.showsProduced} />
          <StatCard label={t('studioBooking.utilisation.viewers')} value={utilisation.viewers} />
          <StatCard label={t('studioBooking.utilisation.rfqs')} value={utilisation.rfqs} />
          <StatCard
            label={t('studioBooking.utilisation.noShowsLate')}
            value={`${utilisation.noShows} / ${utilisation.lateCancellations}`}
            tone={utilisation.noShows + utilisation.lateCancellations > 0 ? 'warn' : 'default'}
          />
        </dl>
        <div className="mt-4">
          <BarChartFigure
            title={t('studioBooking.utilisation.chartTitle')}
            summary={t('studioBooking.utilisation.chartSummary', {
              booked: number.format(utilisation.bookedHours),
              open: number.format(utilisation.openHours),
            })}
            data={utilisation.weeks.map((week) => ({ week: week.week, booked: week.bookedHours, open: week.openHours }))}
            categoryKey="week"
            series={[
              { key: 'booked', label: t('studioBooking.utilisation.booked'), color: '#1d4ed8' },
              { key: 'open', label: t('studioBooking.utilisation.open'), color: '#94a3b8' },
            ]}
            table={
              <DataTable
                caption={t('studioBooking.utilisation.chartTitle')}
                headers={[t('studioBooking.utilisation.week'), t('studioBooking.utilisation.booked'), t('studioBooking.utilisation.open')]}
                rows={utilisation.weeks.map((week) => [week.week, number.format(week.bookedHours), number.format(week.openHours)])}
              />
            }
          />
        </div>
      </Card>
    </div>
  )
}

function RequestItem({
  booking,
  crew,
  timeZone,
  errors,
}: {
  booking: BookingRow
  crew: readonly StudioResourceRow[]
  timeZone: string
  errors: string[] | undefined
}) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const navigation = useNavigation()
  const busy = navigation.state !== 'idle' && navigation.formData?.get('bookingId') === booking.id
  // Interpreters offered are those who speak one of the requested languages.
  const byRole = (role: 'CAMERA' | 'HOST' | 'INTERPRETER') =>
    crew.filter((member) => member.crewRole === role && (role !== 'INTERPRETER' || member.languages.some((l) => booking.languages.includes(l))))
  const equipment = crew.filter((member) => member.kind === 'EQUIPMENT')
  const headingId = `request-${booking.id}`
  return (
    <li className="rounded-lg border border-slate-200 p-4" aria-labelledby={headingId} data-testid="studio-request">
      <h3 id={headingId} className="font-semibold">
        {booking.sessionTitle} <span className="font-normal text-slate-600">— {booking.companyName}</span>
      </h3>
      <p className="text-sm">
        <LocalTime value={booking.startsAt} otherZone={timeZone} /> <StudioStatus status={booking.status} />
      </p>
      <p className="mt-1 text-sm text-slate-700">{booking.showing}</p>
      <p className="mt-1 text-xs text-slate-600">
        {t('studioBooking.operator.asked', {
          crew: booking.crewNeeded.map((role) => t(`studioBooking.crewRole.${role}`)).join(', ') || t('studioBooking.operator.noCrew'),
          languages: booking.languages.map((l) => languageName(l, locale)).join(', ') || '—',
        })}
      </p>
      <BookingResources booking={booking} />
      <FormErrors id={`${headingId}-errors`} errors={errors} />
      <div className="mt-3 grid gap-4 md:grid-cols-2">
        <Form method="post" className="space-y-2">
          <CsrfInput />
          <input type="hidden" name="intent" value="approve" />
          <input type="hidden" name="bookingId" value={booking.id} />
          {(['CAMERA', 'HOST', 'INTERPRETER'] as const)
            .filter((role) => booking.crewNeeded.includes(role))
            .map((role) => {
              const options = byRole(role)
              const id = `${headingId}-${role}`
              return (
                <div key={role}>
                  <label htmlFor={id} className="block text-sm font-medium text-slate-800">
                    {t('studioBooking.operator.assign', { role: t(`studioBooking.crewRole.${role}`) })}
                  </label>
                  <select id={id} name="crewIds" required className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
                    <option value="">{options.length ? t('studioBooking.operator.choose') : t('studioBooking.operator.nobody')}</option>
                    {options.map((member) => (
                      <option key={member.id} value={member.id}>
                        {member.name}
                        {member.languages.length ? ` (${member.languages.map((l) => languageName(l, locale)).join(', ')})` : ''}
                      </option>
                    ))}
                  </select>
                </div>
              )
            })}
          {equipment.length > 0 ? (
            <fieldset>
              <legend className="text-sm font-medium text-slate-800">{t('studioBooking.operator.equipment')}</legend>
              <div className="mt-1 flex flex-wrap gap-3">
                {equipment.map((item) => (
                  <label key={item.id} className="flex items-center gap-2 text-sm">
                    <input type="checkbox" name="crewIds" value={item.id} />
                    {item.name}
                  </label>
                ))}
              </div>
            </fieldset>
          ) : null}
          <Button type="submit" disabled={busy} aria-label={t('studioBooking.operator.approveFor', { showcase: booking.sessionTitle })}>
            {t('studioBooking.operator.approve')}
          </Button>
        </Form>
        <Form method="post" className="space-y-2">
          <CsrfInput />
          <input type="hidden" name="intent" value="decline" />
          <input type="hidden" name="bookingId" value={booking.id} />
          <label htmlFor={`${headingId}-reason`} className="block text-sm font-medium text-slate-800">
            {t('studioBooking.operator.declineReason')}
          </label>
          <textarea
            id={`${headingId}-reason`}
            name="reason"
            required
            maxLength={500}
            rows={2}
            className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
          <Button type="submit" variant="secondary" disabled={busy} aria-label={t('studioBooking.operator.declineFor', { showcase: booking.sessionTitle })}>
            {t('studioBooking.operator.decline')}
          </Button>
        </Form>
      </div>
    </li>
  )
}
