import { useTranslation } from 'react-i18next'
import { data } from 'react-router'
import type { Route } from './+types/consultations'
import { ConsultationKpiPeriod, ConsultationKpis } from '~/components/consultations/consultation-kpis'
import { requirePermission } from '~/domain/accounts/permissions.server'
import { consultationKpis } from '~/domain/consultations/kpis.server'
import { kpiPeriod } from '~/domain/consultations/kpi-period'
import { countryName } from '~/lib/countries'
import { pageTitle } from '~/lib/meta'
import { requestNow } from '~/utils/clock.server'
import { resolveLocale, resolveTimeZone } from '~/utils/preferences.server'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('consultations.kpi.title')])

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, 'view:organizer-dashboard')
  const locale = await resolveLocale(request, user)
  const { timeZone } = resolveTimeZone(request, user)
  const url = new URL(request.url)
  // Calendar days in the viewer's zone (default: the last 90 days and the next 30; booked consultations
  // count as well as held ones). A refused query shows its message over the default period.
  const period = kpiPeriod({ from: url.searchParams.get('from'), to: url.searchParams.get('to') }, { now: requestNow(request), timeZone })
  const kpis = await consultationKpis(period.range)
  const body = {
    from: period.from,
    to: period.to,
    error: period.error,
    kpis: { ...kpis, byMarket: kpis.byMarket.map((market) => ({ ...market, name: countryName(market.market, locale) })) },
  }
  return period.error ? data(body, { status: 400 }) : body
}

export default function OrganizerConsultations({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { from, to, error, kpis } = loaderData
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold tracking-tight">{t('consultations.kpi.title')}</h1>
        <p className="text-sm text-slate-600">{t('consultations.kpi.intro')}</p>
      </header>
      <ConsultationKpiPeriod from={from} to={to} error={error} />
      <ConsultationKpis kpis={kpis} />
    </div>
  )
}
