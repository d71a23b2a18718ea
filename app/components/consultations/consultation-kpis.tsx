import { useTranslation } from 'react-i18next'
import { Form } from 'react-router'
import { Button } from '~/components/ui/button'
import { Card, StatCard } from '~/components/ui/card'
import { Table } from '~/components/ui/table'
import { CONSULTATION_TOPICS, type ConsultationStatusName, type ConsultationTopicName } from '~/domain/consultations/topics'

/** The KPIs as the loader sends them (consultationKpis, each market with its localized name). */
export type ConsultationKpisView = {
  total: number
  byStatus: Record<ConsultationStatusName, number>
  byTopic: Record<ConsultationTopicName, number>
  byMarket: Array<{ market: string; name: string; total: number; held: number; byTopic: Record<ConsultationTopicName, number> }>
  overseasKorean: number
}

/**
 * The KPIs' period (calendar days in the viewer's zone) as a GET form, above the loader's refusal of a bad
 * one. `keep` carries the page's other filters, left out when empty.
 */
export function ConsultationKpiPeriod({
  from,
  to,
  error,
  keep = {},
}: {
  from: string
  to: string
  error: string | null | undefined
  keep?: Record<string, string | null | undefined>
}) {
  const { t } = useTranslation()
  return (
    <>
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200">
          {t(`consultations.kpi.errors.${error}`)}
        </p>
      ) : null}
      <Form method="get" className="flex flex-wrap items-end gap-3" aria-label={t('consultations.kpi.period')}>
        {Object.entries(keep).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
        <PeriodDay name="from" value={from} label={t('consultations.kpi.from')} />
        <PeriodDay name="to" value={to} label={t('consultations.kpi.to')} />
        <Button type="submit" variant="secondary">
          {t('consultations.kpi.show')}
        </Button>
      </Form>
    </>
  )
}

function PeriodDay({ name, value, label }: { name: 'from' | 'to'; value: string; label: string }) {
  return (
    <div>
      <label htmlFor={`kpi-${name}`} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input id={`kpi-${name}`} name={name} type="date" defaultValue={value} className="mt-1 rounded-md border border-slate-300 px-3 py-2 text-sm" />
    </div>
  )
}

/**
 * Consultation counts, by topic and by market (the organizer's /organizer/consultations and the export
 * agency's dashboard). `idPrefix` keeps the cards' ids unique on a page that shows other cards.
 */
export function ConsultationKpis({ kpis, idPrefix = '' }: { kpis: ConsultationKpisView; idPrefix?: string }) {
  const { t } = useTranslation()
  const topicId = `${idPrefix}by-topic`
  const marketId = `${idPrefix}by-market`
  return (
    <>
      <dl className="grid gap-3 sm:grid-cols-4">
        <StatCard label={t('consultations.kpi.total')} value={<span data-testid="kpi-consultations">{kpis.total}</span>} />
        <StatCard label={t('consultations.kpi.held')} value={kpis.byStatus.HELD} />
        <StatCard label={t('consultations.kpi.booked')} value={kpis.byStatus.REQUESTED + kpis.byStatus.CONFIRMED} />
        <StatCard label={t('consultations.kpi.overseasKorean')} value={kpis.overseasKorean} />
      </dl>
      <Card id={topicId} title={t('consultations.kpi.byTopic')}>
        <Table labelledBy={`${topicId}-title`} columns={[{ label: t('consultations.list.topic') }, { label: t('consultations.kpi.count'), align: 'end' }]}>
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
      <Card id={marketId} title={t('consultations.kpi.byMarket')}>
        {kpis.byMarket.length === 0 ? (
          <p className="text-sm text-slate-600">{t('consultations.kpi.none')}</p>
        ) : (
          <Table
            labelledBy={`${marketId}-title`}
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
    </>
  )
}
