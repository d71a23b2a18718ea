import { useTranslation } from 'react-i18next'
import type { Route } from './+types/index'
import { Card, StatCard } from '~/components/ui/card'
import { requirePermission } from '~/domain/accounts/permissions.server'
import { getAdminOverview } from '~/domain/admin/overview.server'
import { isPaymentsEnabled } from '~/domain/payments/stripe.server'
import { formatDateTime } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'
import { pageTitle } from '~/lib/meta'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('pageTitle.admin')])

export async function loader({ request }: Route.LoaderArgs) {
  await requirePermission(request, 'view:admin')
  return { ...(await getAdminOverview()), paymentsEnabled: isPaymentsEnabled() }
}

export default function AdminOverview({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale, timeZone } = useRootData()
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">{t('dashboard.adminTitle')}</h1>
      {!loaderData.paymentsEnabled ? (
        <p role="note" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
          {t('payments.operatorNotice')}
        </p>
      ) : null}
      <section aria-label={t('dashboard.usersByRole')}>
        <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
          {loaderData.usersByRole.map((row) => (
            <StatCard key={row.role} label={t(`roles.${row.role}`)} value={row.count} />
          ))}
        </dl>
      </section>
      <Card id="newest" title={t('dashboard.recentUsers')}>
        <ul className="divide-y divide-slate-100 text-sm">
          {loaderData.newestUsers.map((user) => (
            <li key={user.id} className="flex flex-wrap justify-between gap-2 py-2">
              <span>
                {user.name} · {user.email} · {t(`roles.${user.role}`)}
              </span>
              <time dateTime={user.createdAt} className="text-slate-500">
                {formatDateTime(user.createdAt, { locale, timeZone })}
              </time>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  )
}
