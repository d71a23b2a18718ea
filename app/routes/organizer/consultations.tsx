import { useTranslation } from 'react-i18next'
import { Form } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/consultations'
import { buttonClass } from '~/components/ui/button'
import { Card, StatCard } from '~/components/ui/card'
import { Table } from '~/components/ui/table'
import { requirePermission } from '~/domain/accounts/permissions.server'
import { consultationKpis } from '~/domain/consultations/kpis.server'
import { CONSULTATION_TOPICS } from '~/domain/consultations/topics'
import { countryName } from '~/lib/countries'
import { pageTitle } from '~/lib/meta'
import { isoDay } from '~/lib/time'
import { requestNow } from '~/utils/clock.server'
import { resolveLocale } from '~/utils/preferences.server'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('consultations.kpi.title')])

const DAY_MS = 86_400_000
/** The period asked for (query string, UTC days); anything unreadable falls back to the default. */
const PeriodSchema = z.object({ from: z.iso.date().optional().catch(undefined), to: z.iso.date().optional().catch(undefined) })

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, 'view:organizer-dashboard')
  const locale = await resolveLocale(request, user)
  const now = requestNow(request)
  const url = new URL(request.url)
  const asked = PeriodSchema.parse({ from: url.searchParams.get('from') ?? undefined, to: url.searchParams.get('to') ?? undefined })
  // Default: the last 90 days and the next 30 (booked consultations count as well as held ones).
  const from = asked.from ?? isoDay(new Date(now.getTime() - 90 * DAY_MS))
  const to = asked.to ?? isoDay(new Date(now.getTime() + 30 * DAY_MS))
  const kpis = await consultationKpis({ from: new Date(`${from}T00:00:00Z`), to: new Date(new Date(`${to}T00:00:00Z`).getTime() + DAY_MS) })
  return {
    from,
    to,
    kpis: { ...kpis, byMarket: kpis.byMarket.map((market) => ({ ...market, name: countryName(market.market, locale) })) },
  }
}

export default function OrganizerConsultations({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { from, to, kpis } = loaderData
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold tracking-tight">{t('consultations.kpi.title')}</h1>
        <p className="text-sm text-slate-600">{t('consultations.kpi.intro')}</p>
      </header>
      <Form method="get" className="flex flex-wrap items-end gap-3" aria-label={t('consultations.kpi.period')}>
        <div>
          <label htmlFor="kpi-from" className="block text-sm font-medium text-slate-800">
            {t('consultations.kpi.from')}
          </label>
          <input id="kpi-from" name="from" type="date" defaultValue={from} className="mt-1 rounded-md border border-slate-300 px-3 py-2 text-sm" />
        </div>
        <div>
          <label htmlFor="kpi-to" className="block text-sm font-medium text-slate-800">
            {t('consultations.kpi.to')}
          </label>
          <input id="kpi-to" name="to" type="date" defaultValue={to} className="mt-1 rounded-md border border-slate-300 px-3 py-2 text-sm" />
        </div>
        <button type="submit" className={buttonClass('secondary')}>
          {t('consultations.kpi.show')}
        </button>
      </Form>
      <dl className="grid gap-3 sm:grid-cols-4">
        <StatCard label={t('consultations.kpi.total')} value={<span data-testid="kpi-consultations">{kpis.total}</span>} />
        <StatCard label={t('consultations.kpi.held')} value={kpis.byStatus.HELD} />
        <StatCard label={t('consultations.kpi.booked')} value={kpis.byStatus.REQUESTED + kpis.byStatus.CONFIRMED} />
        <StatCard label={t('consultations.kpi.overseasKorean')} value={kpis.overseasKorean} />
      </dl>
      <Card id="by-topic" title={t('consultations.kpi.byTopic')}>
        <Table labelledBy="by-topic-title" columns={[{ label: t('consultations.list.topic') }, { label: t('consultations.kpi.count'), align: 'end' }]}>
          {CONSULTATION_TOPICS.map((topic) => (
            <tr key={topic}>
              <th scope="row" className="py-2 pr-3 text-left font-normal">
                {t(`consultations.topics.${topic}`)}
              </th>
              <td className="py-2 text-right tabular-nums">{kpis.byTopic[topic]}</td>
            </tr>
          ))}
        </Table>
      </Card>
      <Card id="by-market" title={t('consultations.kpi.byMarket')}>
        {kpis.byMarket.length === 0 ? (
          <p className="text-sm text-slate-600">{t('consultations.kpi.none')}</p>
        ) : (
          <Table
            labelledBy="by-market-title"
            testId="consultations-by-market"
            columns={[
              { label: t('consultations.list.market') },
              { label: t('consultations.kpi.total'), align: 'end' },
              { label: t('consultations.kpi.held'), align: 'end' },
              ...CONSULTATION_TOPICS.map((topic) => ({ label: t(`consultations.topics.${topic}`), align: 'end' as const })),
            ]}
          >
            {kpis.byMarket.map((market) => (
              <tr key={market.market}>
                <th scope="row" className="py-2 pr-3 text-left font-normal">
                  {market.name}
                </th>
                <td className="py-2 pr-3 text-right tabular-nums">{market.total}</td>
                <td className="py-2 pr-3 text-right tabular-nums">{market.held}</td>
                {CONSULTATION_TOPICS.map((topic) => (
                  <td key={topic} className="py-2 pr-3 text-right tabular-nums last:pr-0">
                    {market.byTopic[topic]}
                  </td>
                ))}
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </div>
  )
}
