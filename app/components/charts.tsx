import { useEffect, useId, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { Cell, RowHeader, Table } from '~/components/ui/table'

/** `stack`: series with the same stack id are drawn as one stacked bar (parts of a whole). */
export type ChartSeries = { key: string; label: string; color: string; stack?: string }

/** Recharts measures the DOM, so charts draw after hydration; the table is the server-rendered alternative. */
function useMounted() {
  const [mounted, setMounted] = useState(false)
  // eslint-disable-next-line react-hooks/set-state-in-effect -- known only in the browser, set after hydration so server and client markup match
  useEffect(() => setMounted(true), [])
  return mounted
}

/**
 * An accessible bar chart: a figure with a title, an aria-label summarising it, and a data table with
 * the same numbers (shown on demand, always in the DOM for screen readers and tests).
 */
export function BarChartFigure<Row extends Record<string, string | number>>({
  title,
  summary,
  data,
  categoryKey,
  series,
  format,
  layout = 'horizontal',
  table,
  height = 260,
}: {
  title: string
  summary: string
  data: readonly Row[]
  categoryKey: keyof Row & string
  series: readonly ChartSeries[]
  /** Axis ticks and tooltips; by default a number in the reader's notation. */
  format?: (value: number) => string
  layout?: 'horizontal' | 'vertical'
  table: ReactNode
  height?: number
}) {
  const { t, i18n } = useTranslation()
  const mounted = useMounted()
  const titleId = useId()
  const vertical = layout === 'vertical'
  const formatValue = format ?? ((value: number) => new Intl.NumberFormat(i18n.language).format(value))
  return (
    <figure aria-labelledby={titleId} className="space-y-2">
      <figcaption id={titleId} className="text-sm font-semibold text-slate-800">
        {title}
      </figcaption>
      <div role="img" aria-label={summary} style={{ height }} className="w-full">
        {mounted && data.length > 0 ? (
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data} layout={vertical ? 'vertical' : 'horizontal'} margin={{ left: vertical ? 24 : 0, right: 12 }}>
              <CartesianGrid strokeDasharray="3 3" />
              {vertical ? (
                <>
                  <XAxis type="number" tickFormatter={(v: number) => formatValue(v)} />
                  <YAxis type="category" dataKey={categoryKey as never} width={140} tick={{ fontSize: 12 }} />
                </>
              ) : (
                <>
                  <XAxis dataKey={categoryKey as never} tick={{ fontSize: 12 }} />
                  <YAxis tickFormatter={(v: number) => formatValue(v)} />
                </>
              )}
              <Tooltip formatter={(value) => formatValue(Number(value))} />
              {series.length > 1 ? <Legend /> : null}
              {series.map((s) => (
                <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} stackId={s.stack} isAnimationActive={false} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        ) : data.length === 0 ? (
          <p className="text-sm text-slate-500">{t('common.none')}</p>
        ) : null}
      </div>
      <details>
        <summary className="cursor-pointer text-xs text-slate-600">{t('kpis.showTable')}</summary>
        <div className="mt-2">{table}</div>
      </details>
    </figure>
  )
}

/** The chart's numbers as a table: the first column names each row, the others are right-aligned figures. */
export function DataTable({
  caption,
  headers,
  rows,
  testId,
}: {
  caption: string
  headers: readonly string[]
  rows: ReadonlyArray<readonly ReactNode[]>
  testId?: string
}) {
  return (
    <Table caption={caption} testId={testId} columns={headers.map((label, i) => (i === 0 ? { label } : { label, align: 'end' as const }))}>
      {rows.map((row, r) => (
        <tr key={r}>
          {row.map((cell, i) =>
            i === 0 ? (
              <RowHeader key={i}>{cell}</RowHeader>
            ) : (
              <Cell key={i} align="end" numeric>
                {cell}
              </Cell>
            ),
          )}
        </tr>
      ))}
    </Table>
  )
}
