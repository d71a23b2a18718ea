import { useTranslation } from 'react-i18next'
import { BarChartFigure, DataTable } from '~/components/charts'
import { buttonClass } from '~/components/ui/button'
import { Card, StatCard } from '~/components/ui/card'
import type { AttendanceRow, FairAttendance } from '~/domain/fairs/attendance-kpis.server'
import { countryName } from '~/lib/countries'
import { useRootData } from '~/lib/use-root-data'

// The fair dashboard's meeting attendance (docs/meeting-attendance.md): held / accepted and no-show rates,
// in total, by buyer country and by exporter, with the definitions under them.

const GREEN = '#059669'
const RED = '#dc2626'
const AMBER = '#d97706'
const TOP = 12

export function AttendanceKpisCard({ fairId, attendance }: { fairId: string; attendance: FairAttendance }) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const n = new Intl.NumberFormat(locale)
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 })
  const rate = (value: number | null) => (value === null ? '—' : pct.format(value))
  const country = (code: string) => (code ? countryName(code, locale) : '—')
  const total = attendance.total
  const headers = [
    t('attendance.kpis.accepted'),
    t('attendance.kpis.held'),
    t('attendance.kpis.heldRatio'),
    t('attendance.kpis.noShowRate'),
    t('attendance.kpis.buyerMissed'),
    t('attendance.kpis.exporterMissed'),
    t('attendance.kpis.unrecorded'),
  ]
  const cells = (r: AttendanceRow) => [
    n.format(r.accepted),
    n.format(r.held),
    rate(r.heldRatio),
    rate(r.noShowRate),
    rate(r.buyerMissedRate),
    rate(r.exporterMissedRate),
    n.format(r.unrecorded),
  ]
  const point = (label: string, value: string) => t('kpis.chartPoint', { label, value })
  const summaryOf = (items: readonly string[]) => new Intl.ListFormat(locale, { style: 'narrow', type: 'conjunction' }).format(items)
  // Shares of the accepted meetings (stacked to 100 %: held, buyer side missed, exporter side missed, other).
  const series = [
    { key: 'held', label: t('attendance.kpis.heldRatio'), color: GREEN },
    { key: 'noShow', label: t('attendance.kpis.noShowRate'), color: RED },
    { key: 'unrecorded', label: t('attendance.kpis.unrecorded'), color: AMBER },
  ]
  const chartRows = (rows: AttendanceRow[], label: (r: AttendanceRow) => string) =>
    rows
      .filter((r) => r.accepted > 0)
      .slice(0, TOP)
      .map((r) => ({ name: label(r), held: r.heldRatio ?? 0, noShow: r.noShowRate ?? 0, unrecorded: r.unrecorded / r.accepted }))
  return (
    <Card id="attendance" title={t('attendance.kpis.title')}>
      <div className="mb-4 flex flex-wrap justify-end">
        <a href={`/organizer/fairs/${fairId}/attendance.csv`} className={buttonClass('secondary')} download>
          {t('attendance.kpis.exportCsv')}
        </a>
      </div>
      <dl className="mb-4 grid grid-cols-2 gap-4 lg:grid-cols-4">
        <StatCard label={t('attendance.kpis.accepted')} value={<span data-testid="kpi-attendance-accepted">{n.format(total.accepted)}</span>} />
        <StatCard label={t('attendance.kpis.heldRatio')} value={<span data-testid="kpi-held-ratio">{rate(total.heldRatio)}</span>} />
        <StatCard
          label={t('attendance.kpis.noShowRate')}
          tone={total.noShowRate !== null && total.noShowRate > 0.2 ? 'warn' : 'default'}
          value={<span data-testid="kpi-no-show-rate">{rate(total.noShowRate)}</span>}
        />
        <StatCard label={t('status.NO_SHOW')} value={<span data-testid="kpi-no-shows">{n.format(total.noShow)}</span>} />
        <StatCard label={t('attendance.kpis.expired')} value={<span data-testid="kpi-expired">{n.format(total.expired)}</span>} />
        <StatCard label={t('attendance.kpis.buyerMissed')} value={<span data-testid="kpi-buyer-missed">{rate(total.buyerMissedRate)}</span>} />
        <StatCard label={t('attendance.kpis.exporterMissed')} value={<span data-testid="kpi-exporter-missed">{rate(total.exporterMissedRate)}</span>} />
        <StatCard label={t('attendance.kpis.cantMakeIt')} value={<span data-testid="kpi-cant-make-it">{n.format(total.cantMakeIt)}</span>} />
        <StatCard label={t('attendance.kpis.unrecorded')} value={<span data-testid="kpi-unrecorded">{n.format(total.unrecorded)}</span>} />
      </dl>
      <div className="grid gap-8 lg:grid-cols-2">
        <BarChartFigure
          title={t('attendance.kpis.byCountry')}
          summary={summaryOf(attendance.byBuyerCountry.map((r) => point(country(r.key), rate(r.noShowRate))))}
          data={chartRows(attendance.byBuyerCountry, (r) => country(r.key))}
          categoryKey="name"
          layout="vertical"
          series={series.map((s) => ({ ...s, stack: 'share' }))}
          format={(v) => pct.format(v)}
          height={Math.max(200, Math.min(TOP, attendance.byBuyerCountry.length) * 34)}
          table={
            <DataTable
              testId="attendance-by-country"
              caption={t('attendance.kpis.byCountry')}
              headers={[t('attendance.kpis.country'), ...headers]}
              rows={attendance.byBuyerCountry.map((r) => [country(r.key), ...cells(r)])}
            />
          }
        />
        <BarChartFigure
          title={t('attendance.kpis.byExporter')}
          summary={summaryOf(attendance.byExporter.map((r) => point(r.label, rate(r.noShowRate))))}
          data={chartRows(attendance.byExporter, (r) => r.label)}
          categoryKey="name"
          layout="vertical"
          series={series.map((s) => ({ ...s, stack: 'share' }))}
          format={(v) => pct.format(v)}
          height={Math.max(200, Math.min(TOP, attendance.byExporter.length) * 34)}
          table={
            <DataTable
              testId="attendance-by-exporter"
              caption={t('attendance.kpis.byExporter')}
              headers={[t('attendance.kpis.exporter'), ...headers]}
              rows={attendance.byExporter.map((r) => [r.label, ...cells(r)])}
            />
          }
        />
      </div>
      <p className="mt-4 text-xs text-slate-600">{t('attendance.kpis.definitions')}</p>
    </Card>
  )
}
