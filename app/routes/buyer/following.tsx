import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Route } from './+types/following'
import { FollowButton } from '~/components/engagement/follow-button'
import { RsvpToggle } from '~/components/engagement/rsvp-panel'
import { LocalTime } from '~/components/local-time'
import { StatusBadge } from '~/components/status-badge'
import { Card, EmptyState } from '~/components/ui/card'
import { requirePermission } from '~/domain/accounts/permissions.server'
import { listFollowing } from '~/domain/engagement/follows.server'
import { listUpcomingRsvps } from '~/domain/engagement/rsvps.server'
import { pageTitle } from '~/lib/meta'
import { formatDate } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'
import { requestNow } from '~/utils/clock.server'
import { resolveLocale } from '~/utils/preferences.server'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('engagement.following.title')])

/** The buyer's follows (exporters, fairs) and upcoming RSVPs, each with its toggle. */
export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, 'view:buyer-dashboard')
  const locale = await resolveLocale(request, user)
  const [following, rsvps] = await Promise.all([listFollowing(user.id, locale), listUpcomingRsvps(user.id, locale, requestNow(request))])
  return { ...following, rsvps }
}

export default function BuyerFollowingRoute({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale, timeZone } = useRootData()
  const { exporters, fairs, rsvps } = loaderData
  const since = (value: string) => t('engagement.following.since', { date: formatDate(value, { locale, timeZone }) })
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold tracking-tight">{t('engagement.following.title')}</h1>
        <p className="text-sm text-slate-600">{t('engagement.following.lead')}</p>
      </header>
      <Card id="following-rsvps" title={t('engagement.following.rsvps')}>
        {rsvps.length === 0 ? (
          <EmptyState>{t('engagement.following.noRsvps')}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {rsvps.map((show) => (
              <li key={show.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <div className="min-w-0">
                  <p className="font-medium">
                    <Link to={`/live/${show.id}`} className="text-brand-700 hover:underline">
                      {show.title}
                    </Link>{' '}
                    {show.status === 'LIVE' ? <StatusBadge status="LIVE" /> : null}
                  </p>
                  <p className="text-sm text-slate-600">
                    {t('landing.hostedBy', { company: show.company })} · <LocalTime value={show.startsAt} />
                  </p>
                </div>
                <div className="flex flex-wrap items-center gap-3">
                  <a href={`/live/${show.id}/rsvp.ics`} download className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
                    {t('engagement.rsvp.calendar')}
                    <span className="sr-only"> · {show.title}</span>
                  </a>
                  {show.status === 'SCHEDULED' ? <RsvpToggle sessionId={show.id} title={show.title} going compact /> : null}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card id="following-exporters" title={t('engagement.following.exporters')}>
          {exporters.length === 0 ? (
            <EmptyState>{t('engagement.following.noExporters')}</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100">
              {exporters.map((company) => (
                <li key={company.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                  <div>
                    <Link to={`/exporters/${company.slug}`} className="font-medium text-brand-700 hover:underline">
                      {company.name}
                    </Link>
                    <p className="text-xs text-slate-500">{since(company.since)}</p>
                  </div>
                  <FollowButton target="exporter" id={company.id} name={company.name} following hint={false} />
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card id="following-fairs" title={t('engagement.following.fairs')}>
          {fairs.length === 0 ? (
            <EmptyState>{t('engagement.following.noFairs')}</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100">
              {fairs.map((fair) => (
                <li key={fair.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                  <div>
                    <Link to={`/fairs/${fair.slug}`} className="font-medium text-brand-700 hover:underline">
                      {fair.name}
                    </Link>
                    <p className="text-xs text-slate-500">{since(fair.since)}</p>
                  </div>
                  <FollowButton target="fair" id={fair.id} name={fair.name} following hint={false} />
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  )
}
