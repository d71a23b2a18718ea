import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, useNavigation } from 'react-router'
import type { Route } from './+types/sessions'
import { CsrfInput } from '~/components/csrf-input'
import { LocalTime } from '~/components/local-time'
import { StatusBadge } from '~/components/status-badge'
import { Button, buttonClass } from '~/components/ui/button'
import { Card, EmptyState } from '~/components/ui/card'
import { Field, FieldErrors } from '~/components/ui/field'
import { FormErrors } from '~/components/ui/form-errors'
import { requireExporterMember } from '~/domain/accounts/permissions.server'
import { ScheduleShowcaseSchema } from '~/domain/live/schedule'
import { createShowcase, listCompanyProductsForShowcase, listCompanySessions } from '~/domain/live/sessions.server'
import { validateCsrf } from '~/utils/csrf.server'
import { resolveLocale, resolveTimeZone } from '~/utils/preferences.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta: Route.MetaFunction = () => [{ title: 'Live showcases · Tradecast' }]

export async function loader({ request }: Route.LoaderArgs) {
  const { user, membership } = await requireExporterMember(request)
  const locale = await resolveLocale(request, user)
  const { timeZone } = resolveTimeZone(request, user)
  const [sessions, products] = await Promise.all([
    listCompanySessions(membership.company.id, locale, { userId: user.id, companyRole: membership.role }),
    listCompanyProductsForShowcase(membership.company.id, locale),
  ])
  return { sessions, products, timeZone }
}

export async function action({ request }: Route.ActionArgs) {
  const { user, membership } = await requireExporterMember(request)
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: ScheduleShowcaseSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const { timeZone } = resolveTimeZone(request, user)
  const created = await createShowcase(user, membership.company.id, submission.value, timeZone, new Date())
  if (!created.ok) return data({ result: submission.reply({ fieldErrors: { [created.field]: [created.error] } }) }, { status: 400 })
  return redirectWithToast(`/studio/${created.id}`, 'liveMedia.schedule.created')
}

export default function ExporterSessionsRoute({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
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
                <div className="flex items-center gap-2">
                  <StatusBadge status={session.status} />
                  {session.manageable && (session.status === 'SCHEDULED' || session.status === 'LIVE') ? (
                    <Link to={`/studio/${session.id}`} className={buttonClass('secondary')}>
                      {t('liveMedia.sessions.openStudio')}
                    </Link>
                  ) : null}
                  <Link to={`/live/${session.id}`} className="text-sm text-brand-700 hover:underline">
                    {t('liveMedia.sessions.viewerPage')}
                  </Link>
                </div>
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
          <label className="flex items-center gap-2 text-sm sm:col-span-2">
            <input type="checkbox" name="isPublic" defaultChecked />
            {t('liveMedia.schedule.public')}
          </label>
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
