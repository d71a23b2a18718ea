import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Route } from './+types/index'
import { Card } from '~/components/ui/card'
import { ConsultationTable } from '~/components/consultations/consultation-table'
import { requirePermission } from '~/domain/accounts/permissions.server'
import { getOwnOfficerProfile, listOfficerConsultations } from '~/domain/consultations/consultations.server'
import { consultationRowsFor } from '~/routes/consultations/+shared/rows.server'
import { buttonClass } from '~/components/ui/button'
import { pageTitle } from '~/lib/meta'
import { requestNow } from '~/utils/clock.server'
import { resolveLocale, resolveTimeZone } from '~/utils/preferences.server'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('consultations.advisor.title')])

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, 'advise:consultations')
  const now = requestNow(request)
  const locale = await resolveLocale(request, user)
  const viewerZone = resolveTimeZone(request, user).timeZone
  const [profile, lists] = await Promise.all([getOwnOfficerProfile(user.id), listOfficerConsultations(user.id, now)])
  return {
    viewerZone,
    profile: profile ? { officeName: profile.officeName, timeZone: profile.timeZone, markets: profile.markets, hasHours: profile.hours.length > 0 } : null,
    upcoming: consultationRowsFor(lists.upcoming, { locale, viewerZone, side: 'officer' }),
    past: consultationRowsFor(lists.past, { locale, viewerZone, side: 'officer' }),
  }
}

export default function AdvisorHome({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { profile, upcoming, past, viewerZone } = loaderData
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">{t('consultations.advisor.title')}</h1>
          <p className="text-sm text-slate-600">
            {profile ? t('consultations.advisor.office', { office: profile.officeName, zone: profile.timeZone }) : t('consultations.advisor.noProfile')}
          </p>
        </div>
        <Link to="/advisor/profile" className={buttonClass(profile?.hasHours ? 'secondary' : 'primary')}>
          {profile?.hasHours ? t('consultations.advisor.editProfile') : t('consultations.advisor.publishHours')}
        </Link>
      </header>
      <p className="text-sm text-slate-600">{t('consultations.timesIn', { zone: viewerZone })}</p>
      <Card id="upcoming" title={t('consultations.advisor.upcoming')}>
        {upcoming.length === 0 ? (
          <p className="text-sm text-slate-600">{t('consultations.advisor.noneUpcoming')}</p>
        ) : (
          <ConsultationTable rows={upcoming} labelledBy="upcoming-title" side="officer" />
        )}
      </Card>
      <Card id="past" title={t('consultations.advisor.past')}>
        {past.length === 0 ? (
          <p className="text-sm text-slate-600">{t('consultations.advisor.nonePast')}</p>
        ) : (
          <ConsultationTable rows={past} labelledBy="past-title" side="officer" />
        )}
      </Card>
    </div>
  )
}
