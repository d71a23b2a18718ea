import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Route } from './+types/index'
import { LocalTime } from '~/components/local-time'
import { StatusBadge } from '~/components/status-badge'
import { VerifiedBuyerBadge } from '~/components/verified-buyer'
import { buttonClass } from '~/components/ui/button'
import { Card, EmptyState } from '~/components/ui/card'
import { requireUser } from '~/domain/accounts/session.server'
import { listMeetings } from '~/domain/meetings/queries.server'
import { requestNow } from '~/utils/clock.server'
import { resolveLocale } from '~/utils/preferences.server'
import { pageTitle } from '~/lib/meta'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('pageTitle.meetings')])

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request)
  const locale = await resolveLocale(request, user)
  const now = requestNow(request)
  const meetings = await listMeetings(user, { locale })
  const upcoming = meetings.filter(
    (m) => new Date(m.startsAt) >= new Date(now.getTime() - 60 * 60_000) && !['DECLINED', 'CANCELLED', 'EXPIRED'].includes(m.status),
  )
  const past = meetings.filter((m) => !upcoming.includes(m)).reverse()
  return {
    upcoming,
    past,
    recommendationsPath: user.role === 'BUYER' ? '/buyer/recommendations' : user.role === 'EXPORTER' ? '/exporter/recommendations' : null,
  }
}

type Row = Route.ComponentProps['loaderData']['upcoming'][number]

function MeetingList({ rows }: { rows: Row[] }) {
  const { t } = useTranslation()
  if (rows.length === 0) return <EmptyState>{t('meetings.index.none')}</EmptyState>
  return (
    <ul className="divide-y divide-slate-100">
      {rows.map((row) => (
        <li key={row.id}>
          <Link to={`/meetings/${row.id}`} className="flex flex-wrap items-center justify-between gap-2 py-3 hover:bg-slate-50">
            <span>
              <span className="block font-medium">{row.counterpart}</span>
              <VerifiedBuyerBadge badge={row.buyerVerified} />
              <span className="block text-sm text-slate-600">
                <LocalTime value={row.startsAt} otherZone={row.counterpartTimeZone} />
              </span>
              {row.tableNumber !== null ? (
                <span className="block text-sm font-semibold text-slate-800" data-testid="meeting-table">
                  {t('onSite.agenda.table', { number: row.tableNumber })}
                </span>
              ) : null}
            </span>
            <span className="flex items-center gap-2">
              {row.side && row.status === 'ACCEPTED' && row.attendance.confirmation[row.side] !== 'not-asked' ? (
                row.attendance.confirmation[row.side] === 'confirmed' ? (
                  <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-semibold text-emerald-900">{t('attendance.list.confirmed')}</span>
                ) : (
                  <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">{t('attendance.list.confirmNeeded')}</span>
                )
              ) : null}
              {row.awaitingMe ? (
                <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">{t('meetings.index.awaitingYou')}</span>
              ) : null}
              <StatusBadge status={row.status} />
            </span>
          </Link>
        </li>
      ))}
    </ul>
  )
}

export default function MeetingsRoute({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold tracking-tight">{t('meetings.index.title')}</h1>
        {loaderData.recommendationsPath ? (
          <Link to={loaderData.recommendationsPath} className={buttonClass('secondary')}>
            {t('meetings.index.findPartners')}
          </Link>
        ) : null}
      </header>
      <Card id="upcoming" title={t('meetings.index.upcoming')}>
        <MeetingList rows={loaderData.upcoming} />
      </Card>
      <Card id="past" title={t('meetings.index.past')}>
        <MeetingList rows={loaderData.past} />
      </Card>
    </div>
  )
}
