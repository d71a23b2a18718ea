import { useTranslation } from 'react-i18next'
import { BarChartFigure, DataTable } from '~/components/charts'
import { Card, StatCard } from '~/components/ui/card'
import { formatMoney } from '~/lib/money'

// The outcome-stage funnel (app/domain/fairs/outcome-funnel.server.ts) as the organizer's fair KPI page and the
// exporter's results show it: "being pursued" kept apart from "signed" and "shipped", a chart with its table, and
// the definitions stated under it (docs/outcome-stages.md).

export type OutcomeFunnelView = {
  deals: number
  stages: ReadonlyArray<{ stage: string; reached: number; current: number; currentUsdCents: number }>
  lost: number
  pursued: { count: number; usdCents: number; fromMeetingsUsdCents: number }
  signed: { count: number; usdCents: number }
  shipped: { count: number; usdCents: number }
}

const BLUE = '#2563eb'
const SLATE = '#64748b'

export function OutcomeFunnelCard({ funnel, locale, id = 'outcomes' }: { funnel: OutcomeFunnelView; locale: string; id?: string }) {
  const { t } = useTranslation()
  const n = new Intl.NumberFormat(locale)
  const usd = (cents: number) => formatMoney(cents, 'USD', locale)
  const stageName = (stage: string) => t(`status.${stage}`)
  const summary = new Intl.ListFormat(locale, { style: 'narrow', type: 'conjunction' }).format(
    funnel.stages.map((s) => t('outcomes.funnel.chartSummary', { stage: stageName(s.stage), count: n.format(s.reached) })),
  )
  return (
    <Card id={id} title={t('outcomes.funnel.title')}>
      <dl className="mb-4 grid grid-cols-2 gap-4 lg:grid-cols-4">
        <StatCard
          label={t('outcomes.funnel.pursued')}
          value={
            <span data-testid="outcome-pursued">
              {usd(funnel.pursued.usdCents)}
              <span className="block text-sm font-normal text-slate-600">
                {t('outcomes.funnel.deals', { count: funnel.pursued.count })}
                {funnel.pursued.fromMeetingsUsdCents > 0 ? ` · ${t('outcomes.funnel.fromMeetings', { value: usd(funnel.pursued.fromMeetingsUsdCents) })}` : ''}
              </span>
            </span>
          }
        />
        <StatCard
          label={t('outcomes.funnel.signed')}
          value={
            <span data-testid="outcome-signed">
              {usd(funnel.signed.usdCents)}
              <span className="block text-sm font-normal text-slate-600">{t('outcomes.funnel.deals', { count: funnel.signed.count })}</span>
            </span>
          }
        />
        <StatCard
          label={t('outcomes.funnel.shipped')}
          value={
            <span data-testid="outcome-shipped">
              {usd(funnel.shipped.usdCents)}
              <span className="block text-sm font-normal text-slate-600">{t('outcomes.funnel.deals', { count: funnel.shipped.count })}</span>
            </span>
          }
        />
        <StatCard label={t('outcomes.funnel.lost')} value={<span data-testid="outcome-lost">{n.format(funnel.lost)}</span>} />
      </dl>
      <BarChartFigure
        title={t('outcomes.funnel.title')}
        summary={summary}
        data={funnel.stages.map((s) => ({ stage: stageName(s.stage), reached: s.reached, current: s.current }))}
        categoryKey="stage"
        series={[
          { key: 'reached', label: t('outcomes.funnel.reached'), color: BLUE },
          { key: 'current', label: t('outcomes.funnel.current'), color: SLATE },
        ]}
        format={(v) => n.format(v)}
        table={
          <DataTable
            testId="outcome-table"
            caption={t('outcomes.funnel.title')}
            headers={[t('outcomes.funnel.stage'), t('outcomes.funnel.reached'), t('outcomes.funnel.current'), t('outcomes.funnel.value')]}
            rows={funnel.stages.map((s) => [
              stageName(s.stage),
              <span key="reached" data-testid={`outcome-reached-${s.stage}`}>
                {n.format(s.reached)}
              </span>,
              <span key="current" data-testid={`outcome-current-${s.stage}`}>
                {n.format(s.current)}
              </span>,
              <span key="value" data-testid={`outcome-value-${s.stage}`}>
                {usd(s.currentUsdCents)}
              </span>,
            ])}
          />
        }
      />
      <section className="mt-4 text-sm text-slate-700" aria-labelledby={`${id}-definitions`}>
        <h3 id={`${id}-definitions`} className="font-medium text-slate-900">
          {t('outcomes.definitions.title')}
        </h3>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {(['deal', 'reached', 'value', 'pursued', 'signed', 'shipped'] as const).map((key) => (
            <li key={key}>{t(`outcomes.definitions.${key}`)}</li>
          ))}
        </ul>
      </section>
    </Card>
  )
}
