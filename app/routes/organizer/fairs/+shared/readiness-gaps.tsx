import { useTranslation } from 'react-i18next'
import { BarChartFigure, DataTable } from '~/components/charts'
import { buttonClass } from '~/components/ui/button'
import { Card } from '~/components/ui/card'
import { useMarketName } from '~/components/certification-labels'
import { Cell, RowHeader, Table } from '~/components/ui/table'
import { pickLocalizedText } from '~/domain/catalog/translations'
import type { FairReadinessGaps } from '~/domain/readiness/fair-gaps.server'
import { useRootData } from '~/lib/use-root-data'

const GREEN = '#059669'
const AMBER = '#d97706'
const RED = '#dc2626'

/**
 * The fair's export readiness gaps (KPI dashboard): per market, how many of the exhibitors' published
 * products are ready, must renew a document before shipping, or miss one, and which requirements are
 * missing most. A stacked bar per market, the table as its text alternative, and the CSV download.
 */
export function ReadinessGapsCard({ fairId, gaps }: { fairId: string; gaps: FairReadinessGaps }) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const n = new Intl.NumberFormat(locale)
  const marketName = useMarketName()
  const covered = gaps.markets.filter((gap) => gap.covered)
  const uncovered = gaps.markets.filter((gap) => !gap.covered)
  const summary = new Intl.ListFormat(locale, { style: 'narrow', type: 'conjunction' }).format(
    covered.map((gap) =>
      t('readinessAdmin.gaps.chartPoint', {
        market: marketName(gap.market),
        ready: n.format(gap.ready),
        expiring: n.format(gap.expiring),
        missing: n.format(gap.missing),
      }),
    ),
  )
  return (
    <Card
      id="readiness-gaps"
      title={t('readinessAdmin.gaps.title')}
      action={
        <a href={`/organizer/fairs/${fairId}/readiness-gaps.csv`} className={buttonClass('secondary')} download>
          {t('readinessAdmin.gaps.exportCsv')}
        </a>
      }
    >
      <div className="space-y-4">
        <p className="text-sm text-slate-600" data-testid="readiness-gaps-scope">
          {t('readinessAdmin.gaps.intro', { companies: gaps.companies, products: gaps.products })}
        </p>
        {gaps.products === 0 || covered.length === 0 ? (
          <p className="text-sm text-slate-500">{t('readinessAdmin.gaps.empty')}</p>
        ) : (
          <BarChartFigure
            title={t('readinessAdmin.gaps.chartTitle')}
            summary={summary}
            data={covered.map((gap) => ({ market: gap.market, ready: gap.ready, expiring: gap.expiring, missing: gap.missing }))}
            categoryKey="market"
            series={[
              { key: 'ready', label: t('readiness.status.ready'), color: GREEN, stack: 'status' },
              { key: 'expiring', label: t('readiness.status.expiring'), color: AMBER, stack: 'status' },
              { key: 'missing', label: t('readiness.status.missing'), color: RED, stack: 'status' },
            ]}
            format={(value) => n.format(value)}
            table={
              <DataTable
                caption={t('readinessAdmin.gaps.chartTitle')}
                headers={[
                  t('readinessAdmin.gaps.columns.market'),
                  t('readinessAdmin.gaps.columns.ready'),
                  t('readinessAdmin.gaps.columns.expiring'),
                  t('readinessAdmin.gaps.columns.missing'),
                ]}
                rows={covered.map((gap) => [`${gap.market} · ${marketName(gap.market)}`, n.format(gap.ready), n.format(gap.expiring), n.format(gap.missing)])}
              />
            }
          />
        )}
        <Table
          caption={t('readinessAdmin.gaps.tableCaption')}
          testId="readiness-gaps"
          columns={[
            { label: t('readinessAdmin.gaps.columns.market') },
            { label: t('readinessAdmin.gaps.columns.products'), align: 'end' },
            { label: t('readinessAdmin.gaps.columns.ready'), align: 'end' },
            { label: t('readinessAdmin.gaps.columns.expiring'), align: 'end' },
            { label: t('readinessAdmin.gaps.columns.missing'), align: 'end' },
            { label: t('readinessAdmin.gaps.columns.companiesWithGaps'), align: 'end' },
            { label: t('readinessAdmin.gaps.columns.topMissing') },
          ]}
        >
          {covered.map((gap) => (
            <tr key={gap.market} data-testid={`readiness-gap-${gap.market}`}>
              <RowHeader className="min-w-28">
                {gap.market} · {marketName(gap.market)}
              </RowHeader>
              <Cell align="end" numeric>
                {n.format(gap.products)}
              </Cell>
              <Cell align="end" numeric>
                {n.format(gap.ready)}
              </Cell>
              <Cell align="end" numeric>
                {n.format(gap.expiring)}
              </Cell>
              <Cell align="end" numeric>
                {n.format(gap.missing)}
              </Cell>
              <Cell align="end" numeric>
                {n.format(gap.companiesWithGaps)}
              </Cell>
              {/* Wide enough to read on a phone: the table scrolls sideways instead of growing tall. */}
              <Cell className="min-w-72">
                {gap.topMissing.length === 0 ? (
                  <span className="text-slate-500">—</span>
                ) : (
                  <ul className="space-y-0.5">
                    {gap.topMissing.map((requirement) => {
                      const name = pickLocalizedText(requirement.name.en, requirement.name, locale)
                      return (
                        <li key={requirement.code}>
                          <span className="font-mono text-xs">{requirement.code}</span> <span lang={name.lang}>{name.text}</span>{' '}
                          <span className="text-xs text-slate-500">
                            {t('readinessAdmin.gaps.requirementCounts', { products: requirement.products, companies: requirement.companies })}
                          </span>
                        </li>
                      )
                    })}
                  </ul>
                )}
              </Cell>
            </tr>
          ))}
        </Table>
        {uncovered.length > 0 ? (
          <p className="text-xs text-slate-500">
            {t('readinessAdmin.gaps.notCovered', {
              markets: new Intl.ListFormat(locale, { style: 'narrow', type: 'conjunction' }).format(uncovered.map((gap) => marketName(gap.market))),
            })}
          </p>
        ) : null}
        <p role="note" className="text-xs text-slate-500">
          {t('readiness.disclaimer')}
        </p>
      </div>
    </Card>
  )
}
