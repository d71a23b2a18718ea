import { useTranslation } from 'react-i18next'
import { Form, Link } from 'react-router'
import type { Route } from './+types/results'
import { LocalTime } from '~/components/local-time'
import { OutcomeFunnelCard } from '~/components/outcome-funnel'
import { StatusBadge } from '~/components/status-badge'
import { Button } from '~/components/ui/button'
import { Card, cardTitleId, EmptyState, StatCard } from '~/components/ui/card'
import { Cell, RowHeader, Table } from '~/components/ui/table'
import { requireExporterMember } from '~/domain/accounts/permissions.server'
import { getExporterResults } from '~/domain/exporters/results.server'
import { formatMoney } from '~/lib/money'
import { useRootData } from '~/lib/use-root-data'
import { resolveLocale } from '~/utils/preferences.server'
import { pageTitle } from '~/lib/meta'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('pageTitle.results')])

export async function loader({ request }: Route.LoaderArgs) {
  const { user, membership } = await requireExporterMember(request)
  const locale = await resolveLocale(request, user)
  const fairId = new URL(request.url).searchParams.get('fair') || null
  return getExporterResults(membership.company.id, { fairId, locale })
}

export default function ExporterResultsRoute({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const { totals, fairs, fairId, sessions } = loaderData
  const n = new Intl.NumberFormat(locale)
  const hours = (seconds: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(seconds / 3600)
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <p className="text-sm text-slate-600">
            <Link to="/exporter" className="hover:underline">
              {t('exporter.nav.dashboard')}
            </Link>
          </p>
          <h1 className="text-2xl font-bold tracking-tight">{t('kpis.exporterResultsTitle')}</h1>
        </div>
        <Form method="get" className="flex items-end gap-2">
          <label className="text-sm">
            <span className="block font-medium text-slate-800">{t('kpis.fair')}</span>
            <select name="fair" defaultValue={fairId ?? ''} className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
              <option value="">{t('kpis.allFairs')}</option>
              {fairs.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
          </label>
          <Button type="submit" variant="secondary">
            {t('kpis.show')}
          </Button>
        </Form>
      </header>
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <StatCard label={t('kpis.sessions')} value={n.format(totals.sessions)} />
        <StatCard label={t('kpis.liveUniqueViewers')} value={n.format(totals.uniqueViewers)} />
        <StatCard label={t('kpis.livePeakViewers')} value={n.format(totals.peakViewers)} />
        <StatCard label={t('kpis.liveWatchHours')} value={hours(totals.watchSeconds)} />
      </dl>
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4" aria-label={t('kpis.replaysTitle')}>
        <StatCard label={t('kpis.replayUniqueViewers')} value={<span data-testid="results-replay-viewers">{n.format(totals.replayUniqueViewers)}</span>} />
        <StatCard label={t('kpis.replayWatchHours')} value={<span data-testid="results-replay-hours">{hours(totals.replayWatchSeconds)}</span>} />
        <StatCard label={t('kpis.totalWatchHours')} value={hours(totals.watchSeconds + totals.replayWatchSeconds)} />
      </dl>
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <StatCard label={t('kpis.inquiries')} value={t('kpis.inquiriesWithWon', { total: n.format(totals.inquiries), won: n.format(totals.wonInquiries) })} />
        <StatCard
          label={t('kpis.meetingsRequested')}
          value={t('kpis.meetingsWithHeld', { total: n.format(totals.meetings), held: n.format(totals.meetingsHeld) })}
        />
        <StatCard label={t('kpis.consultationValue')} value={formatMoney(totals.consultationUsdCents, 'USD', locale)} />
        <StatCard label={t('kpis.contractValue')} value={formatMoney(totals.contractUsdCents, 'USD', locale)} />
      </dl>
      <OutcomeFunnelCard funnel={loaderData.outcomes} locale={locale} />
      <Card id="sessions" title={t('kpis.sessionsTitle')}>
        {sessions.length === 0 ? (
          <EmptyState>{t('common.none')}</EmptyState>
        ) : (
          <>
            <Table
              labelledBy={cardTitleId('sessions')}
              columns={[
                { label: t('kpis.session') },
                { label: `${t('kpis.live')}: ${t('kpis.uniqueViewers')}`, align: 'end' },
                { label: `${t('kpis.live')}: ${t('kpis.peakViewers')}`, align: 'end' },
                { label: `${t('kpis.live')}: ${t('kpis.watchHours')}`, align: 'end' },
                { label: t('kpis.replayUniqueViewers'), align: 'end' },
                { label: t('kpis.replayWatchHours'), align: 'end' },
                { label: t('kpis.chatMessages'), align: 'end' },
              ]}
            >
              {sessions.map((s) => (
                <tr key={s.id}>
                  <RowHeader>
                    {s.title} <StatusBadge status={s.approved ? s.status : 'PENDING'} />
                    <span className="block text-xs text-slate-500">
                      <LocalTime value={s.startsAt} />
                    </span>
                  </RowHeader>
                  <Cell align="end" numeric>
                    {n.format(s.uniqueViewers)}
                  </Cell>
                  <Cell align="end" numeric>
                    {n.format(s.peakViewers)}
                  </Cell>
                  <Cell align="end" numeric>
                    {hours(s.watchSeconds)}
                  </Cell>
                  <Cell align="end" numeric>
                    {n.format(s.replayUniqueViewers)}
                  </Cell>
                  <Cell align="end" numeric>
                    {hours(s.replayWatchSeconds)}
                  </Cell>
                  <Cell align="end" numeric>
                    {n.format(s.chatMessages)}
                  </Cell>
                </tr>
              ))}
              <tr className="font-semibold" data-testid="results-total">
                <RowHeader className="font-semibold">{t('kpis.total')}</RowHeader>
                <Cell align="end" numeric>
                  {n.format(totals.uniqueViewers)}
                </Cell>
                <Cell align="end" numeric>
                  {n.format(totals.peakViewers)}
                </Cell>
                <Cell align="end" numeric>
                  {hours(totals.watchSeconds)}
                </Cell>
                <Cell align="end" numeric>
                  {n.format(totals.replayUniqueViewers)}
                </Cell>
                <Cell align="end" numeric>
                  {hours(totals.replayWatchSeconds)}
                </Cell>
                <Cell />
              </tr>
            </Table>
            <p className="mt-3 text-xs text-slate-500">{t('kpis.replayDefinition')}</p>
          </>
        )}
      </Card>
    </div>
  )
}
