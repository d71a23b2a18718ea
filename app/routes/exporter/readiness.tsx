import { useTranslation } from 'react-i18next'
import { Form, Link, redirect } from 'react-router'
import type { Route } from './+types/readiness'
import { readinessSectionPath } from './+readiness/readiness-ui'
import { marketName } from '~/components/certification-labels'
import { MarketStatusBadge } from '~/components/readiness-status'
import { DataTable } from '~/components/charts'
import { Card, cardTitleId, EmptyState } from '~/components/ui/card'
import { requireExporterMember } from '~/domain/accounts/permissions.server'
import { companyReadinessMatrix, parseShipDate } from '~/domain/exporters/readiness.server'
import { isoDay } from '~/lib/time'
import { pageTitle } from '~/lib/meta'
import { useRootData } from '~/lib/use-root-data'
import { resolveLocale } from '~/utils/preferences.server'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('readinessExporter.pageTitle')])

/** CSV of the matrix for a ship date (or each product's lead time): the resource route readiness-csv.ts. */
const csvPath = (ship: string | null) => `/exporter/readiness.csv${ship ? `?${new URLSearchParams({ ship }).toString()}` : ''}`

/** The company's products × markets; `?ship=YYYY-MM-DD` for one ship date, `?format=csv` for the download. */
export async function loader({ request }: Route.LoaderArgs) {
  const { user, membership } = await requireExporterMember(request)
  const query = new URL(request.url).searchParams
  const shipDate = parseShipDate(query.get('ship'))
  const ship = shipDate ? isoDay(shipDate) : null
  // A page's loader answers with data; the file itself comes from the resource route.
  if (query.get('format') === 'csv') throw redirect(csvPath(ship))
  const locale = await resolveLocale(request, user)
  const matrix = await companyReadinessMatrix(membership.company.id, { now: new Date(), shipDate, locale })
  return { ...matrix, ship }
}

const SEGMENTS = [
  { key: 'ready', className: 'bg-emerald-600' },
  { key: 'expiring', className: 'bg-amber-400' },
  { key: 'missing', className: 'bg-red-600' },
] as const

/** Per market, the products ready / to renew / missing something as one stacked bar; the numbers also as a table. */
function SummaryChart({ summary, total }: { summary: Route.ComponentProps['loaderData']['summary']; total: number }) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const covered = summary.filter((entry) => entry.notCovered < total)
  return (
    <figure aria-labelledby="readiness-chart-title" className="space-y-3">
      {/* The card's heading says the same: the caption names the figure for screen readers only. */}
      <figcaption id="readiness-chart-title" className="sr-only">
        {t('readinessExporter.matrix.chartTitle')}
      </figcaption>
      <ul className="flex flex-wrap gap-3 text-xs text-slate-600" aria-hidden="true">
        {SEGMENTS.map((segment) => (
          <li key={segment.key} className="flex items-center gap-1">
            <span className={`inline-block size-3 rounded-sm ${segment.className}`} />
            {t(`readinessExporter.matrix.${segment.key}`)}
          </li>
        ))}
      </ul>
      <ul className="space-y-1.5">
        {covered.map((entry) => {
          const name = marketName(t, entry.market, locale)
          return (
            <li key={entry.market} className="grid grid-cols-[6rem_1fr] items-center gap-2 text-xs sm:grid-cols-[10rem_1fr]">
              <span className="truncate">{name}</span>
              <div
                role="img"
                aria-label={t('readinessExporter.matrix.chartSummary', { market: name, ready: entry.ready, expiring: entry.expiring, missing: entry.missing })}
                className="flex h-4 overflow-hidden rounded bg-slate-100"
              >
                {SEGMENTS.map((segment) =>
                  entry[segment.key] > 0 ? (
                    <span key={segment.key} className={segment.className} style={{ width: `${(entry[segment.key] / total) * 100}%` }} />
                  ) : null,
                )}
              </div>
            </li>
          )
        })}
      </ul>
      <details>
        <summary className="cursor-pointer text-xs text-slate-600">{t('kpis.showTable')}</summary>
        <div className="mt-2">
          <DataTable
            caption={t('readinessExporter.matrix.chartTable')}
            testId="readiness-summary"
            headers={[
              t('readinessExporter.matrix.market'),
              t('readinessExporter.matrix.ready'),
              t('readinessExporter.matrix.expiring'),
              t('readinessExporter.matrix.missing'),
              t('readinessExporter.matrix.notCovered'),
            ]}
            rows={summary.map((entry) => [marketName(t, entry.market, locale), entry.ready, entry.expiring, entry.missing, entry.notCovered])}
          />
        </div>
      </details>
    </figure>
  )
}

export default function ExporterReadinessRoute({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const { markets, rows, summary, ship } = loaderData
  const csvHref = csvPath(ship)
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold tracking-tight">{t('readinessExporter.matrix.title')}</h1>
        <p className="text-sm text-slate-600">{t('readinessExporter.matrix.intro')}</p>
      </header>
      <Form method="get" className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col text-sm">
          <span className="font-medium">{t('readinessExporter.matrix.shipDate')}</span>
          <input type="date" name="ship" defaultValue={ship ?? ''} aria-describedby="ship-hint" className="mt-1 rounded-md border-slate-300 text-sm" />
        </label>
        <button type="submit" className="rounded-md bg-slate-800 px-3 py-2 text-sm font-medium text-white hover:bg-slate-700">
          {t('readinessExporter.matrix.show')}
        </button>
        <a href={csvHref} download className="py-2 text-sm font-medium text-brand-700 underline">
          {t('readinessExporter.matrix.download')}
        </a>
        <p id="ship-hint" className="w-full text-xs text-slate-500">
          {t('readinessExporter.matrix.shipDateHint')}
        </p>
      </Form>
      {rows.length === 0 ? (
        <Card id="readiness-matrix" title={t('readinessExporter.matrix.title')}>
          <EmptyState>{t('readinessExporter.matrix.empty')}</EmptyState>
        </Card>
      ) : (
        <>
          <Card id="readiness-summary" title={t('readinessExporter.matrix.chartTitle')}>
            <SummaryChart summary={summary} total={rows.length} />
          </Card>
          <Card id="readiness-matrix" title={t('readinessExporter.nav')}>
            <p className="mb-2 text-xs text-slate-500 sm:hidden">{t('readinessExporter.matrix.scrollHint')}</p>
            <div role="region" aria-labelledby={cardTitleId('readiness-matrix')} tabIndex={0} className="relative overflow-x-auto">
              <table
                className="min-w-full border-separate border-spacing-0 text-left text-sm"
                aria-labelledby={cardTitleId('readiness-matrix')}
                data-testid="readiness-matrix"
              >
                <thead className="text-xs text-slate-500">
                  <tr>
                    <th scope="col" className="sticky left-0 z-10 bg-white py-1 pr-3 font-medium">
                      {t('readinessExporter.matrix.product')}
                    </th>
                    {markets.map((market) => (
                      <th key={market} scope="col" className="whitespace-nowrap px-2 py-1 font-medium">
                        <abbr title={marketName(t, market, locale)} className="no-underline">
                          {market}
                        </abbr>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.id}>
                      <th scope="row" className="sticky left-0 z-10 max-w-40 border-t border-slate-100 bg-white py-2 pr-3 text-left font-normal">
                        <span className="block truncate font-medium" title={row.name}>
                          {row.name}
                        </span>
                        <span className="block text-xs text-slate-500">HS {row.hsCode}</span>
                      </th>
                      {row.cells.map((cell) => (
                        <td key={cell.market} className="border-t border-slate-100 px-2 py-2 align-top">
                          <Link to={readinessSectionPath(row.id, cell.market, ship)} className="inline-flex flex-col items-start gap-0.5 hover:underline">
                            {/* Which cell, for screen readers; the visible words follow, so the link's name contains them. */}
                            <span className="sr-only">
                              {t('readinessExporter.matrix.cell', { product: row.name, market: marketName(t, cell.market, locale), status: '' })}
                            </span>
                            <MarketStatusBadge status={cell.status} label={t(`readinessExporter.statusShort.${cell.status}`)} />
                            {cell.missingCodes.length > 0 ? (
                              <span className="text-xs text-red-800">{t('readinessExporter.missingCount', { count: cell.missingCodes.length })}</span>
                            ) : cell.expiringCodes.length > 0 ? (
                              <span className="text-xs text-amber-800">{t('readinessExporter.expiringCount', { count: cell.expiringCodes.length })}</span>
                            ) : null}
                          </Link>
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Card>
        </>
      )}
      <p className="text-xs text-slate-500">{t('readiness.disclaimer')}</p>
    </div>
  )
}
