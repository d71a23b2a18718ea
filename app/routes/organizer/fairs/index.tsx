import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Route } from './+types/index'
import { StatusBadge } from '~/components/status-badge'
import { buttonClass } from '~/components/ui/button'
import { Card, EmptyState } from '~/components/ui/card'
import { requirePermission } from '~/domain/accounts/permissions.server'
import { listManagedFairs } from '~/domain/fairs/fairs.server'
import { formatDate } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'
import { resolveLocale } from '~/utils/preferences.server'
import { pageTitle } from '~/lib/meta'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('pageTitle.fairs')])

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, 'manage:fair')
  return { fairs: await listManagedFairs(user, await resolveLocale(request, user)) }
}

export default function OrganizerFairsRoute({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold tracking-tight">{t('fairs.manageTitle')}</h1>
        <div className="flex gap-2">
          <Link to="/organizer/rates" className={buttonClass('secondary')}>
            {t('fairs.ratesTitle')}
          </Link>
          <Link to="/organizer/consultations" className={buttonClass('secondary')}>
            {t('consultations.nav.organizer')}
          </Link>
          <Link to="/organizer/fairs/new" className={buttonClass()}>
            {t('fairs.newTitle')}
          </Link>
        </div>
      </div>
      <Card id="fairs" title={t('dashboard.fairs')}>
        {loaderData.fairs.length === 0 ? (
          <EmptyState>{t('common.none')}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {loaderData.fairs.map((fair) => (
              <li key={fair.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <div>
                  <Link to={`/organizer/fairs/${fair.id}`} className="font-semibold hover:underline">
                    {fair.name}
                  </Link>
                  <p className="text-sm text-slate-600">
                    {formatDate(fair.startsAt, { locale, timeZone: fair.timeZone })} – {formatDate(fair.endsAt, { locale, timeZone: fair.timeZone })} (
                    {fair.timeZone}) · {t('fairs.pendingCount', { count: fair.pending })}
                  </p>
                </div>
                <div className="flex items-center gap-3 text-sm">
                  <StatusBadge status={fair.status} />
                  <Link to={`/organizer/fairs/${fair.id}/dashboard`} className="font-medium text-brand-700 hover:underline">
                    {t('fairs.kpiDashboard')}
                  </Link>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  )
}
