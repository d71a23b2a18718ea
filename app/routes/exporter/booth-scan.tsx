import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useRevalidator } from 'react-router'
import type { Route } from './+types/booth-scan'
import { BadgeScanner } from '~/components/on-site/badge-scanner'
import { buttonClass } from '~/components/ui/button'
import { Card, EmptyState } from '~/components/ui/card'
import { Cell, Table } from '~/components/ui/table'
import { requireBoothScanner } from '~/domain/on-site/access.server'
import { listBoothLeads } from '~/domain/on-site/booth-leads.server'
import { countryName } from '~/lib/countries'
import { pageTitle } from '~/lib/meta'
import { formatDateTime } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'
import { resolveLocale } from '~/utils/preferences.server'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [args.loaderData.fair.name, t('onSite.pageTitle.boothScan')])

/** An exhibitor's booth scanner (docs/fair-on-site.md): scan a buyer's badge, note the talk, see the company's on-site leads. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { company, fair } = await requireBoothScanner(request, params.fairId, (user) => resolveLocale(request, user))
  const { leads, optedOut } = await listBoothLeads(company.id, fair.id)
  return {
    fair,
    optedOut,
    leads: leads.map((lead) => ({ ...lead, scannedAt: lead.scannedAt.toISOString() })),
  }
}

export default function BoothScanRoute({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale, timeZone } = useRootData()
  const { fair, leads, optedOut } = loaderData
  const revalidator = useRevalidator()
  const refresh = useCallback(() => void revalidator.revalidate(), [revalidator])
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <p className="text-sm text-slate-600">
          <Link to="/exporter/booths" className="hover:underline">
            {t('onSite.booth.fairsTitle')}
          </Link>
        </p>
        <h1 className="text-2xl font-bold tracking-tight">{t('onSite.booth.title', { fair: fair.name })}</h1>
        {fair.boothCode ? <p className="text-sm font-semibold">{t('onSite.booth.boothCode', { code: fair.boothCode })}</p> : null}
        <p className="text-sm text-slate-700">{t('onSite.booth.intro')}</p>
      </header>
      <BadgeScanner endpoint={`/exporter/fairs/${fair.id}/booth-scan/scans`} queueKey={`booth-${fair.id}`} withNote onSynced={refresh} />
      <Card
        id="on-site-leads"
        title={t('onSite.booth.leadsTitle')}
        action={
          <a href={`/exporter/fairs/${fair.id}/on-site-leads.csv`} className={buttonClass('secondary')}>
            {t('onSite.booth.downloadCsv')}
          </a>
        }
      >
        {optedOut > 0 ? <p className="mb-2 text-sm text-slate-600">{t('onSite.booth.optedOut', { count: optedOut })}</p> : null}
        {leads.length === 0 ? (
          <EmptyState>{t('onSite.booth.none')}</EmptyState>
        ) : (
          <Table
            caption={t('onSite.booth.leadsTitle')}
            testId="booth-leads"
            columns={[
              { label: t('onSite.booth.scannedAt') },
              { label: t('onSite.booth.name') },
              { label: t('onSite.booth.company') },
              { label: t('onSite.booth.country') },
              { label: t('onSite.booth.note') },
            ]}
          >
            {leads.map((lead) => (
              <tr key={lead.id} className="align-top">
                <Cell className="whitespace-nowrap">{formatDateTime(lead.scannedAt, { locale, timeZone })}</Cell>
                <Cell>
                  <span className="block font-medium">{lead.name}</span>
                  <span className="block text-xs text-slate-600">{lead.email}</span>
                </Cell>
                <Cell>{lead.companyName}</Cell>
                <Cell>{lead.country ? countryName(lead.country, locale) : '—'}</Cell>
                <Cell className="whitespace-pre-line">{lead.note}</Cell>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </div>
  )
}
