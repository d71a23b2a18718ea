import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, useNavigation } from 'react-router'
import type { Route } from './+types/studio'
import { CsrfInput } from '~/components/csrf-input'
import { LocalTime } from '~/components/local-time'
import { CancelBookingForm } from '~/components/studio/studio-forms'
import { BookingResources, OpeningHoursList, ResourceSummary, StudioStatus } from '~/components/studio/studio-parts'
import { Button } from '~/components/ui/button'
import { Card, cardTitleId, EmptyState } from '~/components/ui/card'
import { CheckboxGroup, TextAreaField } from '~/components/ui/checkbox-group'
import { Field, SelectField } from '~/components/ui/field'
import { FormErrors } from '~/components/ui/form-errors'
import { Cell, Table } from '~/components/ui/table'
import { companyRoleHasPermission } from '~/domain/accounts/permissions'
import { actingOf, agencyAudit, requireCompanyActor } from '~/domain/agencies/actor.server'
import { bookableShowcases, cancelBookingByExporter, listCompanyBookings, requestBooking } from '~/domain/studio/bookings.server'
import { BookingRequestSchema, CREW_ROLES, ExporterCancelSchema } from '~/domain/studio/schemas'
import { listResources, listStudios } from '~/domain/studio/studio.server'
import { LANGUAGE_CODES, languageName } from '~/lib/languages'
import { pageTitle } from '~/lib/meta'
import { instantToWallClock } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'
import { requestNow } from '~/utils/clock.server'
import { validateCsrf } from '~/utils/csrf.server'
import { resolveLocale } from '~/utils/preferences.server'
import { formErrorFromDomain } from '~/utils/route-errors.server'
import { redirectWithToast } from '~/utils/toast.server'

// The exporter's side of the hub's studio (docs/studio-booking.md): request a slot for one of their
// showcases (set, crew, languages, what they will show), see each booking's state, cancel. Every member of
// the company comes here (a MEMBER books the showcases they host); so does an agency's member acting for a
// company that granted SHOWCASES, for all its showcases, each request and cancellation recorded (ADR 026).

const SHOWCASE_ACTOR = { everyMember: true } as const

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('studioBooking.exporter.title')])

export async function loader({ request }: Route.LoaderArgs) {
  const actor = await requireCompanyActor(request, 'manage:showcase:own', SHOWCASE_ACTOR)
  const { user, company } = actor
  const locale = await resolveLocale(request, user)
  const studios = await listStudios()
  const studio = studios[0] ?? null
  const canManageAll = actor.kind === 'agency' || companyRoleHasPermission(actor.companyRole, 'manage:showcase:own')
  const [resources, showcases, bookings] = await Promise.all([
    studio ? listResources(studio.id, { activeOnly: true }) : Promise.resolve([]),
    bookableShowcases(company.id, user.id, canManageAll, locale),
    listCompanyBookings(company.id, locale),
  ])
  const wanted = new URL(request.url).searchParams.get('sessionId')
  const selected = showcases.find((showcase) => showcase.id === wanted) ?? showcases[0] ?? null
  // The form starts from the showcase's own times, on the studio's wall clock.
  const defaults =
    studio && selected
      ? {
          sessionId: selected.id,
          day: instantToWallClock(new Date(selected.scheduledStartAt), studio.timeZone).slice(0, 10),
          start: instantToWallClock(new Date(selected.scheduledStartAt), studio.timeZone).slice(11, 16),
          end: instantToWallClock(new Date(selected.scheduledEndAt), studio.timeZone).slice(11, 16),
          language: selected.language,
        }
      : null
  return {
    studio,
    sets: resources.filter((r) => r.kind === 'SET'),
    crew: resources.filter((r) => r.kind !== 'SET'),
    showcases,
    bookings,
    defaults,
    now: requestNow(request).toISOString(),
  }
}

export async function action({ request }: Route.ActionArgs) {
  const actor = await requireCompanyActor(request, 'manage:showcase:own', SHOWCASE_ACTOR)
  const { user } = actor
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const now = requestNow(request)
  const acting = actingOf(actor)
  const bookingActing = (action: string) => ({ companyId: actor.company.id, audit: agencyAudit(acting, action, 'studio-booking', 'SHOWCASES', now) })
  if (formData.get('intent') === 'cancel') {
    const submission = parseWithZod(formData, { schema: ExporterCancelSchema })
    if (submission.status !== 'success') return data({ result: submission.reply(), form: 'cancel' as const }, { status: 400 })
    let late: boolean
    try {
      ;({ late } = await cancelBookingByExporter(user.id, submission.value.bookingId, submission.value.reason, now, bookingActing('studioBooking.cancel')))
    } catch (error) {
      return formErrorFromDomain(submission, error, { only: ['booking-closed', 'booking-started'], extra: { form: 'cancel' as const } })
    }
    return redirectWithToast(
      '/exporter/studio',
      late ? { kind: 'info', messageKey: 'studioBooking.exporter.cancelledLate' } : 'studioBooking.exporter.cancelled',
    )
  }
  const submission = parseWithZod(formData, { schema: BookingRequestSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), form: 'request' as const }, { status: 400 })
  try {
    await requestBooking(user.id, submission.value, now, bookingActing('studioBooking.request'))
  } catch (error) {
    return formErrorFromDomain(submission, error, {
      only: [
        'resource-taken',
        'resource-gone',
        'slot-order',
        'slot-past',
        'slot-outside-hours',
        'slot-blackout',
        'set-unknown',
        'showcase-not-scheduled',
        'showcase-already-booked',
      ],
      extra: { form: 'request' as const },
    })
  }
  return redirectWithToast('/exporter/studio', 'studioBooking.exporter.requested')
}

export default function ExporterStudioRoute({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const navigation = useNavigation()
  const submitting = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'request'
  const { studio, sets, crew, showcases, bookings, defaults } = loaderData
  const requestErrors = actionData?.form === 'request' ? actionData.result.error : undefined
  const fieldErrors = (name: string) => requestErrors?.[name] ?? undefined
  const formErrors = actionData?.form === 'request' ? (actionData.result.error?.[''] ?? undefined) : undefined
  const cancelErrors = actionData?.form === 'cancel' ? (actionData.result.error?.[''] ?? undefined) : undefined
  const languageOptions = LANGUAGE_CODES.map((code) => ({ value: code, label: languageName(code, locale) }))
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">{t('studioBooking.exporter.title')}</h1>
      <p className="max-w-3xl text-sm text-slate-600">{t('studioBooking.exporter.intro')}</p>
      {!studio ? (
        <EmptyState>{t('studioBooking.exporter.noStudio')}</EmptyState>
      ) : (
        <>
          <Card id="studio-facts" title={studio.name}>
            <div className="grid gap-4 md:grid-cols-2">
              <OpeningHoursList studio={studio} />
              <ResourceSummary sets={sets} crew={crew} />
            </div>
          </Card>
          <Card id="request-slot" title={t('studioBooking.exporter.requestTitle')}>
            {showcases.length === 0 ? (
              <EmptyState>{t('studioBooking.exporter.noShowcases')}</EmptyState>
            ) : (
              <Form method="post" className="space-y-4" aria-describedby={formErrors ? 'request-errors' : undefined}>
                <CsrfInput />
                <input type="hidden" name="intent" value="request" />
                <input type="hidden" name="studioId" value={studio.id} />
                <FormErrors id="request-errors" errors={formErrors} />
                <div className="grid gap-3 sm:grid-cols-2">
                  <SelectField
                    label={t('studioBooking.exporter.showcase')}
                    errors={fieldErrors('sessionId')}
                    options={showcases.map((s) => ({ value: s.id, label: s.title }))}
                    selectProps={{ id: 'booking-session', name: 'sessionId', defaultValue: defaults?.sessionId }}
                  />
                  <SelectField
                    label={t('studioBooking.exporter.set')}
                    errors={fieldErrors('setId')}
                    options={sets.map((s) => ({ value: s.id, label: s.name }))}
                    selectProps={{ id: 'booking-set', name: 'setId' }}
                  />
                </div>
                <div className="grid gap-3 sm:grid-cols-3">
                  <Field
                    label={t('studioBooking.exporter.day')}
                    errors={fieldErrors('day')}
                    inputProps={{ id: 'booking-day', name: 'day', type: 'date', required: true, defaultValue: defaults?.day }}
                  />
                  <Field
                    label={t('studioBooking.exporter.start', { zone: studio.timeZone })}
                    errors={fieldErrors('start')}
                    inputProps={{ id: 'booking-start', name: 'start', type: 'time', required: true, defaultValue: defaults?.start }}
                  />
                  <Field
                    label={t('studioBooking.exporter.end', { zone: studio.timeZone })}
                    errors={fieldErrors('end')}
                    inputProps={{ id: 'booking-end', name: 'end', type: 'time', required: true, defaultValue: defaults?.end }}
                  />
                </div>
                <CheckboxGroup
                  legend={t('studioBooking.exporter.crewNeeded')}
                  name="crewNeeded"
                  errors={fieldErrors('crewNeeded')}
                  options={CREW_ROLES.map((role) => ({ value: role, label: t(`studioBooking.crewRole.${role}`) }))}
                />
                <CheckboxGroup
                  legend={t('studioBooking.exporter.languages')}
                  hint={t('studioBooking.exporter.languagesHint')}
                  name="languages"
                  filterable
                  errors={fieldErrors('languages')}
                  defaultValue={defaults ? [defaults.language] : undefined}
                  options={languageOptions}
                />
                <TextAreaField
                  label={t('studioBooking.exporter.showing')}
                  hint={t('studioBooking.exporter.showingHint')}
                  errors={fieldErrors('showing')}
                  textareaProps={{ id: 'booking-showing', name: 'showing', required: true, maxLength: 1000, rows: 3 }}
                />
                <Button type="submit" disabled={submitting} aria-busy={submitting}>
                  {submitting ? t('studioBooking.exporter.sending') : t('studioBooking.exporter.send')}
                </Button>
              </Form>
            )}
          </Card>
        </>
      )}
      <Card id="my-bookings" title={t('studioBooking.exporter.bookingsTitle')}>
        <FormErrors id="cancel-errors" errors={cancelErrors} />
        {bookings.length === 0 ? (
          <EmptyState>{t('studioBooking.exporter.noBookings')}</EmptyState>
        ) : (
          <Table
            labelledBy={cardTitleId('my-bookings')}
            columns={[
              { label: t('studioBooking.columns.showcase') },
              { label: t('studioBooking.columns.slot') },
              { label: t('studioBooking.columns.status') },
              { label: t('studioBooking.columns.resources') },
              { label: t('studioBooking.columns.actions'), hideLabel: true },
            ]}
          >
            {bookings.map((booking) => {
              const open = (booking.status === 'REQUESTED' || booking.status === 'APPROVED') && booking.startsAt > loaderData.now
              return (
                <tr key={booking.id} data-testid="studio-booking-row">
                  <Cell>{booking.sessionTitle}</Cell>
                  <Cell>
                    <LocalTime value={booking.startsAt} otherZone={studio?.timeZone} />
                  </Cell>
                  <Cell>
                    <StudioStatus status={booking.status} />
                    {booking.lateCancellation ? <span className="ml-1 text-xs text-amber-800">{t('studioBooking.lateCancellation')}</span> : null}
                    {booking.declineReason ? <p className="text-xs text-slate-600">{booking.declineReason}</p> : null}
                    {booking.cancelReason ? <p className="text-xs text-slate-600">{booking.cancelReason}</p> : null}
                  </Cell>
                  <Cell>
                    <BookingResources booking={booking} />
                  </Cell>
                  <Cell align="end">
                    {open ? (
                      <CancelBookingForm
                        bookingId={booking.id}
                        reasonRequired={false}
                        label={t('studioBooking.exporter.cancelFor', { showcase: booking.sessionTitle })}
                        text={t('studioBooking.cancel')}
                      />
                    ) : null}
                  </Cell>
                </tr>
              )
            })}
          </Table>
        )}
      </Card>
    </div>
  )
}
