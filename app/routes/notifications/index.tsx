import { useTranslation } from 'react-i18next'
import { Form, Link, redirect } from 'react-router'
import type { Route } from './+types/index'
import { CsrfInput } from '~/components/csrf-input'
import { LocalTime } from '~/components/local-time'
import { Button } from '~/components/ui/button'
import { Card, EmptyState } from '~/components/ui/card'
import { requireUser } from '~/domain/accounts/session.server'
import { listNotifications, markNotificationsRead } from '~/domain/notifications/notify.server'
import { validateCsrf } from '~/utils/csrf.server'
import { pageTitle } from '~/lib/meta'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('pageTitle.notifications')])

/** Registration decisions stored before the status was the enum value ('approved') read as the others do. */
function readableData(kind: string, data: Record<string, string | number>): Record<string, string | number> {
  return kind === 'registration.decided' && typeof data.status === 'string' ? { ...data, status: data.status.toUpperCase() } : data
}

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request)
  const notifications = await listNotifications(user.id, 50)
  return {
    notifications: notifications.map((n) => ({
      id: n.id,
      kind: n.kind,
      data: readableData(n.kind, n.data as Record<string, string | number>),
      link: n.link,
      read: n.readAt !== null,
      createdAt: n.createdAt.toISOString(),
    })),
  }
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUser(request)
  await validateCsrf(request, await request.formData())
  await markNotificationsRead(user.id)
  return redirect('/notifications')
}

export default function NotificationsRoute({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { notifications } = loaderData
  return (
    <Card
      id="notifications"
      title={t('notifications.title')}
      action={
        notifications.some((n) => !n.read) ? (
          <Form method="post">
            <CsrfInput />
            <Button type="submit" variant="secondary">
              {t('notifications.markAllRead')}
            </Button>
          </Form>
        ) : null
      }
    >
      {notifications.length === 0 ? (
        <EmptyState>{t('notifications.empty')}</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100">
          {notifications.map((n) => {
            const body = (
              <>
                <p className={n.read ? 'text-slate-700' : 'font-semibold text-slate-900'}>{t(`notifications.${n.kind}.title`, n.data)}</p>
                <p className="text-sm text-slate-600">{t(`notifications.${n.kind}.body`, n.data)}</p>
                <p className="text-xs text-slate-500">
                  <LocalTime value={n.createdAt} />
                </p>
              </>
            )
            return (
              <li key={n.id} className="py-3">
                {n.link ? (
                  <Link to={n.link} className="block hover:bg-slate-50">
                    {body}
                  </Link>
                ) : (
                  body
                )}
              </li>
            )
          })}
        </ul>
      )}
    </Card>
  )
}
