import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, useNavigation } from 'react-router'
import type { Route } from './+types/sessions'
import { CsrfInput } from '~/components/csrf-input'
import { LocalTime } from '~/components/local-time'
import { StatusBadge } from '~/components/status-badge'
import { Button, buttonClass } from '~/components/ui/button'
import { Card, EmptyState } from '~/components/ui/card'
import { Field, FieldErrors, SelectField } from '~/components/ui/field'
import { FormErrors } from '~/components/ui/form-errors'
import { actingOf, agencyAudit, requireCompanyActor } from '~/domain/agencies/actor.server'
import { listFairsOpenForProposals } from '~/domain/fairs/fairs.server'
import { SHOWCASE_LANGUAGES, ScheduleShowcaseSchema } from '~/domain/live/schedule'
import { companyShowcaseLanguage, createShowcase, listCompanyProductsForShowcase, listCompanySessions } from '~/domain/live/sessions.server'
import { languageName } from '~/lib/languages'
import { formatDate } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'
import { requestNow } from '~/utils/clock.server'
import { isEmbeddable } from '~/domain/live/embed.server'
import { validateCsrf } from '~/utils/csrf.server'
import { resolveLocale, resolveTimeZone } from '~/utils/preferences.server'
import { formErrorFromDomain } from '~/utils/route-errors.server'
import { redirectWithToast } from '~/utils/toast.server'
import { pageTitle } from '~/lib/meta'
import { appOrigin } from '~/utils/request.server'
import { EmbedSnippet } from '~/components/live/embed-snippet'
import { StudioCredit } from '~/components/studio/studio-parts'
import { type StudioProduction, studioProductionsOf } from '~/domain/studio/bookings.server'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('pageTitle.liveShowcases')])

// Every member of the company schedules here (a MEMBER manages the showcases they host); an agency's member
// acting for a company that granted SHOWCASES schedules and runs the company's showcases (ADR 026), but
// proposes nothing to a fair and sees no leads (the buyers' contacts stay with the company).
const SHOWCASE_ACTOR = { everyMember: true } as const

export async function loader({ request }: Route.LoaderArgs) {
  const actor = await requireCompanyActor(request, 'manage:showcase:own', SHOWCASE_ACTOR)
  const { user, company } = actor
  const isAgency = actor.kind === 'agency'
  const locale = await resolveLocale(request, user)
  const { timeZone } = resolveTimeZone(request, user)
  const [sessions, products, fairs, defaultLanguage] = await Promise.all([
    listCompanySessions(company.id, locale, { userId: user.id, companyRole: isAgency ? null : actor.companyRole }),
    listCompanyProductsForShowcase(company.id, locale),
    isAgency ? Promise.resolve([]) : listFairsOpenForProposals(company.id, requestNow(request), locale),
    companyShowcaseLanguage(company.id),
  ])
  // A private showcase, or a fair's one awaiting approval, has an embed that answers 404: no snippet for it.
  const now = requestNow(request)
  const embeddable = await Promise.all(sessions.map(async (session) => (session.status === 'CANCELLED' ? false : isEmbeddable(session.id, locale, now))))
  const embeddableIds = sessions.filter((_, i) => embeddable[i]).map((session) => session.id)
  // The hub studio's booking of each showcase (docs/studio-booking.md): "Produced at …", or the request waiting.
  const productions = await studioProductionsOf(
    sessions.map((session) => session.id),
    { includeRequested: true },
  )
  return { sessions, products, fairs, timeZone, defaultLanguage, origin: appOrigin(request), embeddableIds, productions, showsLeads: !isAgency }
}

export async function action({ request }: Route.ActionArgs) {
  const actor = await requireCompanyActor(request, 'manage:showcase:own', SHOWCASE_ACTOR)
  const { user } = actor
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: ScheduleShowcaseSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const { timeZone } = resolveTimeZone(request, user)
  const now = requestNow(request)
  let created: Awaited<ReturnType<typeof createShowcase>>
  try {
    const audit = agencyAudit(actingOf(actor), 'showcase.create', 'showcase', 'SHOWCASES', now)
    created = await createShowcase(user, actor.company.id, submission.value, timeZone, now, audit)
  } catch (error) {
    // Refusals of the timing rule (past start, too short or long) and of the fair's rule (no approved booth
    // or a forged fair, ended, outside its dates, private).
    return formErrorFromDomain(submission, error, {
      only: ['showcase-past', 'showcase-duration', 'not-exhibitor', 'fair-ended', 'outside-fair', 'private-fair-showcase'],
      status: 400,
    })
  }
  if (!created.ok) return data({ result: submission.reply({ fieldErrors: { [created.field]: [created.error] } }) }, { status: 400 })
  // A fair proposal waits for the organizer: back to the list, where it shows as awaiting approval.
  if (created.proposedToFair) return redirectWithToast('/exporter/sessions#my-sessions', 'fairDiscovery.schedule.proposed')
  return redirectWithToast(`/studio/${created.id}`, 'liveMedia.schedule.created')
}

export default function ExporterSessionsRoute({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const navigation = useNavigation()
  const submitting = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'schedule'
  const errors: Record<string, string[] | undefined> = Object.fromEntries(
    Object.entries(actionData?.result.error ?? {}).map(([key, value]) => [key, value ?? undefined]),
  )
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">{t('liveMedia.sessions.title')}</h1>
      <Card id="my-sessions" title={t('liveMedia.sessions.list')}>
        {loaderData.sessions.length === 0 ? (
          <EmptyState>{t('liveMedia.sessions.empty')}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {loaderData.sessions.map((session) => (
              <li key={session.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div>
                  <p className="font-medium">{session.title}</p>
                  <p className="text-sm text-slate-600">
                    <LocalTime value={session.scheduledStartAt} /> ·{' '}
                    {t('liveMedia.sessions.figures', {
                      unique: session.uniqueViewers,
                      peak: session.peakViewers,
                      minutes: Math.round(session.watchSeconds / 60),
                    })}
                  </p>
                </div>
                <div className="flex flex-wrap items-center gap-2">
                  {session.fair ? (
                    <span className="text-sm text-slate-600" data-testid={`session-fair-${session.id}`}>
                      {session.fair.approved
                        ? t('fairDiscovery.schedule.inProgramme', { fair: session.fair.name })
                        : t('fairDiscovery.schedule.awaitingApproval', { fair: session.fair.name })}
                    </span>
                  ) : null}
                  <StatusBadge status={session.status} />
                  {session.manageable && (session.status === 'SCHEDULED' || session.status === 'LIVE') ? (
                    <Link to={`/studio/${session.id}`} className={buttonClass('secondary')}>
                      {t('liveMedia.sessions.openStudio')}
                    </Link>
                  ) : null}
                  <Link to={`/live/${session.id}`} className="text-sm text-brand-700 hover:underline">
                    {t('liveMedia.sessions.viewerPage')}
                  </Link>
                  {session.manageable && session.status === 'SCHEDULED' && !loaderData.productions[session.id] ? (
                    <Link
                      to={`/exporter/studio?sessionId=${session.id}`}
                      className="text-sm text-brand-700 hover:underline"
                      aria-label={t('studioBooking.exporter.bookFor', { title: session.title })}
                    >
                      {t('studioBooking.exporter.book')}
                    </Link>
                  ) : null}
                  {loaderData.showsLeads && (session.status === 'LIVE' || session.status === 'ENDED') ? (
                    <Link
                      to={`/exporter/sessions/${session.id}/leads`}
                      className="text-sm text-brand-700 hover:underline"
                      aria-label={t('leads.linkFor', { title: session.title })}
                    >
                      {t('leads.link')}
                    </Link>
                  ) : null}
                </div>
                <ShowcaseStudioBooking production={loaderData.productions[session.id]} />
                {loaderData.embeddableIds.includes(session.id) ? (
                  <EmbedSnippet origin={loaderData.origin} sessionId={session.id} title={session.title} />
                ) : session.status !== 'CANCELLED' ? (
                  <p className="text-sm text-slate-600" data-testid={`embed-unavailable-${session.id}`}>
                    {t('embed.snippet.unavailable')}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card id="schedule" title={t('liveMedia.schedule.title')}>
        <Form method="post" className="grid gap-4 sm:grid-cols-2">
          <CsrfInput />
          <input type="hidden" name="intent" value="schedule" />
          <FormErrors id="schedule-errors" errors={errors['']} />
          <div className="sm:col-span-2">
            <Field
              label={t('liveMedia.schedule.showTitle')}
              errors={errors.title}
              inputProps={{ id: 'title', name: 'title', required: true, maxLength: 120 }}
            />
          </div>
          <div className="sm:col-span-2">
            <label htmlFor="description" className="block text-sm font-medium text-slate-800">
              {t('liveMedia.schedule.description')}
            </label>
            <textarea
              id="description"
              name="description"
              rows={3}
              maxLength={2000}
              className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
            />
            <FieldErrors id="description-error" errors={errors.description} />
          </div>
          <Field
            label={t('liveMedia.schedule.startsAt')}
            hint={t('liveMedia.schedule.zone', { zone: loaderData.timeZone })}
            errors={errors.startsAt}
            inputProps={{ id: 'startsAt', name: 'startsAt', type: 'datetime-local', required: true }}
          />
          <Field
            label={t('liveMedia.schedule.endsAt')}
            hint={t('liveMedia.schedule.zone', { zone: loaderData.timeZone })}
            errors={errors.endsAt}
            inputProps={{ id: 'endsAt', name: 'endsAt', type: 'datetime-local', required: true }}
          />
          <SelectField
            label={t('liveMedia.schedule.language')}
            errors={errors.language}
            options={SHOWCASE_LANGUAGES.map((code) => ({ value: code, label: languageName(code, locale) }))}
            selectProps={{ id: 'language', name: 'language', defaultValue: loaderData.defaultLanguage }}
          />
          {loaderData.fairs.length > 0 ? (
            <div className="sm:col-span-2">
              <SelectField
                label={t('fairDiscovery.schedule.fair')}
                errors={errors.fairId}
                options={[
                  { value: '', label: t('fairDiscovery.schedule.noFair') },
                  ...loaderData.fairs.map((fair) => ({
                    value: fair.id,
                    label: t('fairDiscovery.schedule.fairOption', {
                      fair: fair.name,
                      from: formatDate(fair.startsAt, { locale, timeZone: fair.timeZone }),
                      to: formatDate(fair.endsAt, { locale, timeZone: fair.timeZone }),
                      zone: fair.timeZone,
                    }),
                  })),
                ]}
                selectProps={{ id: 'fairId', name: 'fairId', defaultValue: '' }}
              />
              <p className="mt-1 text-xs text-slate-600">{t('fairDiscovery.schedule.fairHint')}</p>
            </div>
          ) : null}
          <fieldset className="sm:col-span-2">
            <legend className="text-sm font-medium text-slate-800">{t('liveMedia.schedule.products')}</legend>
            {loaderData.products.length === 0 ? (
              <EmptyState>{t('liveMedia.schedule.noProducts')}</EmptyState>
            ) : (
              <div className="mt-2 grid gap-1 sm:grid-cols-2">
                {loaderData.products.map((product) => (
                  <label key={product.id} className="flex items-center gap-2 text-sm">
                    <input type="checkbox" name="productIds" value={product.id} />
                    {product.name}
                  </label>
                ))}
              </div>
            )}
            <FieldErrors id="products-error" errors={errors.productIds} />
          </fieldset>
          <div className="sm:col-span-2">
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="isPublic" defaultChecked aria-describedby={errors.isPublic ? 'isPublic-error' : undefined} />
              {t('liveMedia.schedule.public')}
            </label>
            <FieldErrors id="isPublic-error" errors={errors.isPublic} />
          </div>
          <div className="sm:col-span-2">
            <Button type="submit" disabled={submitting}>
              {submitting ? t('liveMedia.schedule.submitting') : t('liveMedia.schedule.submit')}
            </Button>
          </div>
        </Form>
      </Card>
    </div>
  )
}

/** The hub studio's booking of a showcase: "Produced at …" once approved, a link while the request waits. */
function ShowcaseStudioBooking({ production }: { production: StudioProduction | undefined }) {
  const { t } = useTranslation()
  if (!production) return null
  if (production.status === 'REQUESTED') {
    return (
      <p className="text-sm text-slate-600">
        <Link to="/exporter/studio" className="text-brand-700 hover:underline">
          {t('studioBooking.exporter.requestWaiting')}
        </Link>
      </p>
    )
  }
  return <StudioCredit production={production} />
}
