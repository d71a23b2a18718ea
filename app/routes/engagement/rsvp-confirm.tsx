import { useTranslation } from 'react-i18next'
import { Form, Link, useNavigation } from 'react-router'
import type { Route } from './+types/rsvp-confirm'
import { CsrfInput } from '~/components/csrf-input'
import { ResubscribeNotice } from '~/components/engagement/rsvp-panel'
import { Button, buttonClass } from '~/components/ui/button'
import { getOptionalUser } from '~/domain/accounts/session.server'
import { confirmGuestRsvp, readGuestRsvp, resubscribeGuest } from '~/domain/engagement/rsvps.server'
import { pageTitle } from '~/lib/meta'
import { formatDateTime } from '~/lib/time'
import { requestNow } from '~/utils/clock.server'
import { validateCsrf } from '~/utils/csrf.server'
import { resolveLocale } from '~/utils/preferences.server'
import { redirectWithToast } from '~/utils/toast.server'

// A guest's RSVP confirmation (the link of the confirmation mail). Opening the link shows what is confirmed;
// the button confirms (a POST, so mail scanners that open links confirm nothing). Forged or altered: 404.
// When the address once chose "stop all reminder mail", the page says reminders will not be mailed and
// offers to turn them back on (intent "resubscribe", also a POST).

export const meta: Route.MetaFunction = (args) => [...pageTitle(args, (t) => [t('engagement.rsvp.confirmTitle')]), { name: 'robots', content: 'noindex' }]

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await getOptionalUser(request)
  const locale = await resolveLocale(request, user)
  const rsvp = await readGuestRsvp(params.token, locale)
  return { ...rsvp, when: formatDateTime(rsvp.startsAt, { locale, timeZone: rsvp.timeZone, withZone: true }) }
}

export async function action({ request, params }: Route.ActionArgs) {
  const formData = await request.formData()
  await validateCsrf(request, formData)
  if (formData.get('intent') === 'resubscribe') {
    await resubscribeGuest(params.token)
    return redirectWithToast(`/rsvp/${params.token}`, 'engagement.toast.resubscribed')
  }
  await confirmGuestRsvp(params.token, requestNow(request))
  return redirectWithToast(`/rsvp/${params.token}`, 'engagement.toast.confirmed')
}

export default function RsvpConfirmRoute({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const rsvp = loaderData
  return (
    <section className="mx-auto max-w-xl space-y-4 rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200" aria-labelledby="rsvp-confirm-title">
      <h1 id="rsvp-confirm-title" className="text-2xl font-bold tracking-tight">
        {t('engagement.rsvp.confirmTitle')}
      </h1>
      <p className="text-slate-700">{t('engagement.rsvp.confirmLead', { title: rsvp.title, company: rsvp.company, when: rsvp.when })}</p>
      {rsvp.confirmed ? (
        <div className="space-y-3">
          <p role="status" className="rounded-lg bg-emerald-50 p-3 text-sm text-emerald-900 ring-1 ring-emerald-200">
            {t('engagement.rsvp.confirmed', { email: rsvp.email })}
          </p>
          <p className="flex flex-wrap gap-3">
            <Link to={`/live/${rsvp.sessionId}`} className={buttonClass('primary')}>
              {t('engagement.rsvp.watch')}
            </Link>
            <a href={`/live/${rsvp.sessionId}/rsvp.ics?${new URLSearchParams({ token: rsvp.token })}`} download className={buttonClass('secondary')}>
              {t('engagement.rsvp.calendar')}
            </a>
          </p>
        </div>
      ) : (
        <Form method="post">
          <CsrfInput />
          <Button type="submit" disabled={navigation.state !== 'idle'}>
            {t('engagement.rsvp.confirmButton', { email: rsvp.email })}
          </Button>
        </Form>
      )}
      {rsvp.reminderMailOff ? <ResubscribeNotice email={rsvp.email} /> : null}
      <p className="text-xs text-slate-500">{t('engagement.rsvp.privacy')}</p>
    </section>
  )
}
