import { useTranslation } from 'react-i18next'
import { Form, useNavigation } from 'react-router'
import type { Route } from './+types/unsubscribe'
import { Button } from '~/components/ui/button'
import { getOptionalUser } from '~/domain/accounts/session.server'
import { readUnsubscribe, unsubscribe } from '~/domain/engagement/unsubscribe.server'
import { pageTitle } from '~/lib/meta'
import { requestNow } from '~/utils/clock.server'
import { resolveLocale } from '~/utils/preferences.server'

// Unsubscribe from reminder mail without signing in. GET shows what the link does; POST does it. The POST
// carries no CSRF token on purpose: the signed token is the whole authority (it can only stop mail to the
// address it names), and mail clients' one-click unsubscribe (RFC 8058, List-Unsubscribe-Post) posts here
// without a page. Forged or altered links: 404.

export const meta: Route.MetaFunction = (args) => [...pageTitle(args, (t) => [t('engagement.unsubscribe.title')]), { name: 'robots', content: 'noindex' }]

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await getOptionalUser(request)
  const locale = await resolveLocale(request, user)
  return readUnsubscribe(params.token, locale)
}

export async function action({ request, params }: Route.ActionArgs) {
  await unsubscribe(params.token, requestNow(request))
  const user = await getOptionalUser(request)
  return readUnsubscribe(params.token, await resolveLocale(request, user))
}

export default function UnsubscribeRoute({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const view = actionData ?? loaderData
  const title = view.showTitle ?? t('engagement.unsubscribe.aShowcase')
  return (
    <section className="mx-auto max-w-xl space-y-4 rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200" aria-labelledby="unsubscribe-title">
      <h1 id="unsubscribe-title" className="text-2xl font-bold tracking-tight">
        {t('engagement.unsubscribe.title')}
      </h1>
      {view.done ? (
        <p role="status" className="rounded-lg bg-emerald-50 p-3 text-sm text-emerald-900 ring-1 ring-emerald-200">
          {view.scope === 'all'
            ? t('engagement.unsubscribe.doneAll', { email: view.email })
            : t('engagement.unsubscribe.doneShow', { title, email: view.email })}
        </p>
      ) : (
        <Form method="post" className="space-y-4">
          <p className="text-slate-700">
            {view.scope === 'all'
              ? t('engagement.unsubscribe.allLead', { email: view.email })
              : t('engagement.unsubscribe.showLead', { title, email: view.email })}
          </p>
          <Button type="submit" disabled={navigation.state !== 'idle'}>
            {t('engagement.unsubscribe.button')}
          </Button>
        </Form>
      )}
    </section>
  )
}
