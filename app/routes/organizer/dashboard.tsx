import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Route } from './+types/dashboard'
import { StatusBadge } from '~/components/status-badge'
import { buttonClass } from '~/components/ui/button'
import { Card, EmptyState } from '~/components/ui/card'
import { requirePermission } from '~/domain/accounts/permissions.server'
import { getOrganizerDashboard } from '~/domain/fairs/organizer-dashboard.server'
import { formatDate } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'
import { resolveLocale } from '~/utils/preferences.server'

export const meta: Route.MetaFunction = () => [{ title: 'Organizer dashboard · Tradecast' }]

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, 'view:organizer-dashboard')
  const locale = await resolveLocale(request, user)
  return { fairs: await getOrganizerDashboard(user, { locale }) }
}

export default function OrganizerDashboard({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold tracking-tight">{t('dashboard.organizerTitle')}</h1>
        <div className="flex gap-2">
          <Link to="/organizer/fairs/new" className={buttonClass('primary')}>
            {t('fairs.newTitle')}
          </Link>
          <Link to="/organizer/rates" className={buttonClass('secondary')}>
            {t('fairs.ratesTitle')}
          </Link>
        </div>
      </div>
      <Card id="fairs" title={t('dashboard.fairs')}>
        {loaderData.fairs.length === 0 ? (
          <EmptyState>{t('common.none')}</EmptyState>
        ) : (
          <ul className="space-y-4">
            {loaderData.fairs.map((fair) => (
              <li key={fair.id} className="rounded-lg p-4 ring-1 ring-slate-200">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p className="text-lg font-semibold">
                    <Link to={`/organizer/fairs/${fair.id}`} className="hover:underline">
                      {fair.name}
                    </Link>
                  </p>
                  <StatusBadge status={fair.status} />
                </div>
                <p className="text-sm text-slate-600">
                  {formatDate(fair.startsAt, { locale, timeZone: fair.timeZone })} – {formatDate(fair.endsAt, { locale, timeZone: fair.timeZone })} ({fair.timeZone})
                </p>
                <dl className="mt-3 grid grid-cols-2 gap-3 text-sm sm:grid-cols-5">
                  <div>
                    <dt className="text-slate-500">{t('roles.EXPORTER')}</dt>
                    <dd className="font-semibold tabular-nums">
                      {fair.exhibitors.approved} <span className="text-xs font-normal text-amber-700">+{fair.exhibitors.pending} {t('status.PENDING')}</span>
                    </dd>
                  </div>
                  <div>
                    <dt className="text-slate-500">{t('roles.BUYER')}</dt>
                    <dd className="font-semibold tabular-nums">
                      {fair.buyers.approved} <span className="text-xs font-normal text-amber-700">+{fair.buyers.pending} {t('status.PENDING')}</span>
                    </dd>
                  </div>
                  <div>
                    <dt className="text-slate-500">{t('dashboard.booths')}</dt>
                    <dd className="font-semibold tabular-nums">{fair.booths}</dd>
                  </div>
                  <div>
                    <dt className="text-slate-500">{t('dashboard.sessions')}</dt>
                    <dd className="font-semibold tabular-nums">{fair.sessions}</dd>
                  </div>
                  <div>
                    <dt className="text-slate-500">{t('dashboard.upcomingMeetings')}</dt>
                    <dd className="font-semibold tabular-nums">{fair.meetings}</dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  )
}
