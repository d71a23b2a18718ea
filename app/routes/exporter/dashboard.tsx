import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Route } from './+types/dashboard'
import { marketName } from '~/components/certification-labels'
import { LocalTime } from '~/components/local-time'
import { ShowcaseList } from '~/components/showcase-list'
import { StatusBadge } from '~/components/status-badge'
import { Card, cardTitleId, EmptyState, StatCard } from '~/components/ui/card'
import { Cell, Table } from '~/components/ui/table'
import { requireExporterMember } from '~/domain/accounts/permissions.server'
import { getExporterDashboard } from '~/domain/exporters/dashboard.server'
import { dashboardReadiness } from '~/domain/exporters/readiness.server'
import { countryName } from '~/lib/countries'
import { contentLanguageOf } from '~/lib/languages'
import { formatDate } from '~/lib/time'
import { formatMoney } from '~/lib/money'
import { useRootData } from '~/lib/use-root-data'
import { resolveLocale } from '~/utils/preferences.server'
import { pageTitle } from '~/lib/meta'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('pageTitle.exporterDashboard')])

export async function loader({ request }: Route.LoaderArgs) {
  const { user, membership } = await requireExporterMember(request)
  const locale = await resolveLocale(request, user)
  const now = new Date()
  const [dashboard, readiness] = await Promise.all([
    getExporterDashboard(membership.company.id, { now, locale }),
    dashboardReadiness(membership.company.id, { now, locale }),
  ])
  return { ...dashboard, readiness }
}

/** Per major market how many products are ready, and what is missing for the most products. */
function ReadinessCard({ readiness }: { readiness: Route.ComponentProps['loaderData']['readiness'] }) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const covered = readiness.markets.filter((market) => market.covered)
  return (
    <Card
      id="readiness"
      title={t('readinessExporter.dashboard.title')}
      action={
        <Link to="/exporter/readiness" className="text-sm font-medium text-brand-700 underline">
          {t('readinessExporter.dashboard.openMatrix')}
        </Link>
      }
    >
      {readiness.productCount === 0 ? (
        <EmptyState>{t('readinessExporter.matrix.empty')}</EmptyState>
      ) : (
        <div className="space-y-4">
          <div>
            <h3 className="text-sm font-medium text-slate-700">{t('readinessExporter.dashboard.perMarket')}</h3>
            <ul className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-3">
              {covered.map((market) => (
                <li key={market.market} className="flex justify-between gap-2">
                  <span className="truncate">{marketName(t, market.market, locale)}</span>
                  <span className="tabular-nums text-slate-700">
                    {t('readinessExporter.dashboard.readyCount', { ready: market.ready, total: readiness.productCount })}
                  </span>
                </li>
              ))}
            </ul>
          </div>
          <div>
            <h3 className="text-sm font-medium text-slate-700">{t('readinessExporter.dashboard.topMissing')}</h3>
            {readiness.topMissing.length === 0 ? (
              <EmptyState>{t('readinessExporter.dashboard.nothingMissing')}</EmptyState>
            ) : (
              <ol className="mt-2 space-y-1 text-sm">
                {readiness.topMissing.map((entry) => (
                  <li key={entry.code} className="flex justify-between gap-2">
                    <Link to="/exporter/readiness" className="underline" lang={entry.name.lang === contentLanguageOf(locale) ? undefined : entry.name.lang}>
                      {entry.name.text}
                    </Link>
                    <span className="whitespace-nowrap text-red-800">{t('readinessExporter.dashboard.products', { count: entry.products })}</span>
                  </li>
                ))}
              </ol>
            )}
          </div>
          <p className="text-xs text-slate-500">{t('readiness.disclaimer')}</p>
        </div>
      )}
    </Card>
  )
}

export default function ExporterDashboard({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale, timeZone } = useRootData()
  const { company, certifications } = loaderData
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold tracking-tight">{t('dashboard.exporterTitle', { company: company.name })}</h1>
        <p className="text-sm text-slate-600">
          {[company.city, company.region].filter(Boolean).join(', ')} · {company.industry}
        </p>
      </header>
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <StatCard label={t('dashboard.products')} value={loaderData.productCount} />
        <StatCard label={t('dashboard.openInquiries')} value={loaderData.openInquiries} />
        <StatCard label={t('dashboard.wonValue')} value={formatMoney(loaderData.wonContractUsdCents, 'USD', locale)} />
        <StatCard
          label={`${t('dashboard.certifications')} · ${t('dashboard.certificationsExpired')}`}
          value={`${certifications.total} · ${certifications.expired}`}
          tone={certifications.expired > 0 ? 'bad' : 'default'}
        />
      </dl>
      <ReadinessCard readiness={loaderData.readiness} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card id="sessions" title={t('dashboard.upcomingSessions')}>
          <ShowcaseList showcases={loaderData.upcomingSessions} />
        </Card>
        <Card id="expiring" title={t('dashboard.certificationsExpiring')}>
          {certifications.expiringSoon.length === 0 ? (
            <EmptyState>{t('common.none')}</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {certifications.expiringSoon.map((cert) => (
                <li key={cert.id} className="flex justify-between py-2">
                  <span>
                    {cert.type} · {cert.market} · {cert.number}
                  </span>
                  <span className="font-medium text-amber-700">{cert.validUntil ? formatDate(cert.validUntil, { locale, timeZone }) : ''}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card id="inquiries" title={t('dashboard.recentInquiries')}>
          {loaderData.recentInquiries.length === 0 ? (
            <EmptyState>{t('common.none')}</EmptyState>
          ) : (
            <Table
              labelledBy={cardTitleId('inquiries')}
              columns={[{ label: t('dashboard.buyer') }, { label: t('dashboard.product') }, { label: t('dashboard.status') }]}
            >
              {loaderData.recentInquiries.map((inquiry) => (
                <tr key={inquiry.id}>
                  <Cell>
                    {inquiry.buyerCompany}
                    <span className="block text-xs text-slate-500">{countryName(inquiry.buyerCountry, locale)}</span>
                  </Cell>
                  <Cell>
                    {inquiry.productName ?? '—'}
                    <span className="block text-xs text-slate-500">
                      {inquiry.quantity.toLocaleString(locale)} {inquiry.unit}
                    </span>
                  </Cell>
                  <Cell>
                    <StatusBadge status={inquiry.status} />
                  </Cell>
                </tr>
              ))}
            </Table>
          )}
        </Card>
        <Card id="meetings" title={t('dashboard.upcomingMeetings')}>
          {loaderData.upcomingMeetings.length === 0 ? (
            <EmptyState>{t('common.none')}</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {loaderData.upcomingMeetings.map((meeting) => (
                <li key={meeting.id} className="py-2">
                  <div className="flex justify-between gap-2">
                    <span className="font-medium">
                      {meeting.counterpart} · {countryName(meeting.counterpartCountry, locale)}
                    </span>
                    <StatusBadge status={meeting.status} />
                  </div>
                  <LocalTime value={meeting.startsAt} otherZone={meeting.counterpartTimeZone} />
                  {meeting.interpreterLanguage ? (
                    <span className="block text-xs text-slate-500">{t('dashboard.interpreter', { language: meeting.interpreterLanguage })}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  )
}
