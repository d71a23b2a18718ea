import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Route } from './+types/dashboard'
import { BarChartFigure, DataTable } from '~/components/charts'
import { OutcomeFunnelCard } from '~/components/outcome-funnel'
import { buttonClass } from '~/components/ui/button'
import { Card, StatCard } from '~/components/ui/card'
import { pickLocalized } from '~/domain/catalog/translations'
import { hsChapterTitle } from '~/domain/catalog/hs-chapters'
import { requireFairManager } from '~/domain/fairs/access.server'
import { getFairKpis } from '~/domain/fairs/kpis.server'
import { fairReadinessGaps } from '~/domain/readiness/fair-gaps.server'
import { ReadinessGapsCard } from './+shared/readiness-gaps'
import { AttendanceKpisCard } from './+shared/attendance-kpis'
import { fairAttendance } from '~/domain/fairs/attendance-kpis.server'
import { onSiteKpis } from '~/domain/on-site/kpis.server'
import { OnSiteKpisCard } from './+shared/on-site-kpis'
import { requestNow } from '~/utils/clock.server'
import { RestreamUptimeTable } from '~/components/live-media/restream-uptime'
import { fairRestreamUptime } from '~/domain/restream/destinations.server'
import { countryName } from '~/lib/countries'
import { formatMoney, formatMoneyCompact } from '~/lib/money'
import { useRootData } from '~/lib/use-root-data'
import { resolveLocale } from '~/utils/preferences.server'
import { pageTitle } from '~/lib/meta'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [args.loaderData.fair.name, t('pageTitle.fairKpis')])

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, fair } = await requireFairManager(request, params.fairId)
  const locale = await resolveLocale(request, user)
  const [kpis, restreamUptime, readinessGaps, attendance, onSite] = await Promise.all([
    getFairKpis(fair.id, { locale }),
    fairRestreamUptime(fair.id),
    fairReadinessGaps(fair.id),
    fairAttendance(fair.id, { now: requestNow(request), locale }),
    onSiteKpis(fair.id),
  ])
  return {
    fair: { id: fair.id, slug: fair.slug, timeZone: fair.timeZone, name: pickLocalized(fair.name, fair.nameI18n, locale) },
    kpis,
    readinessGaps,
    attendance,
    onSite,
    restreamUptime: restreamUptime.map(({ sessionTitle, platform, label, runs, secondsSent, bytesSent, drops }) => ({
      sessionTitle,
      platform,
      label,
      runs,
      secondsSent,
      bytesSent,
      drops,
    })),
  }
}

/** A chart label cut to `max` characters as people count them (a Hangul syllable or an emoji is one), never inside one. */
function shortLabel(text: string, max: number): string {
  const characters = Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text), (part) => part.segment)
  return characters.length > max ? `${characters.slice(0, max - 1).join('')}…` : text
}

const BLUE = '#2563eb'
const GREEN = '#059669'
const AMBER = '#d97706'
const TOP = 12

export default function FairDashboardRoute({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const { fair, kpis } = loaderData
  const n = new Intl.NumberFormat(locale)
  const usd = (cents: number) => formatMoney(cents, 'USD', locale)
  const usdCompact = (cents: number) => formatMoneyCompact(cents, 'USD', locale)
  const hours = (seconds: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(seconds / 3600)
  const c = kpis.consultations
  const valueHeaders = [t('kpis.consultations'), t('kpis.consultationValue'), t('kpis.contractValue')]
  const valueRows = (rows: typeof c.byExporter, label: (key: string, fallback: string) => string) =>
    rows.map((r) => [label(r.key, r.label), n.format(r.consultations), usd(r.consultationUsdCents), usd(r.contractUsdCents)])
  const valueChart = (rows: typeof c.byExporter, label: (key: string, fallback: string) => string) =>
    rows.slice(0, TOP).map((r) => ({ name: label(r.key, r.label), consultation: r.consultationUsdCents, contract: r.contractUsdCents }))
  const valueSeries = [
    { key: 'consultation', label: t('kpis.consultationValue'), color: BLUE },
    { key: 'contract', label: t('kpis.contractValue'), color: GREEN },
  ]
  const country = (code: string) => (code && code !== '—' ? countryName(code, locale) : '—')
  const chapter = (code: string) => (code ? `${code} ${hsChapterTitle(code, locale) ?? ''}`.trim() : t('kpis.noProduct'))
  const funnelLabel = (stage: string) => t(`kpis.funnel.${stage}`)
  // A chart's spoken summary: "label: value" items joined as the reader's language lists them.
  const point = (label: string, value: string) => t('kpis.chartPoint', { label, value })
  const summaryOf = (items: readonly string[]) => new Intl.ListFormat(locale, { style: 'narrow', type: 'conjunction' }).format(items)
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <p className="text-sm text-slate-600">
            <Link to={`/organizer/fairs/${fair.id}`} className="hover:underline">
              {fair.name}
            </Link>
          </p>
          <h1 className="text-2xl font-bold tracking-tight">{t('kpis.title', { fair: fair.name })}</h1>
        </div>
        <div className="flex gap-2">
          <a href={`/organizer/fairs/${fair.id}/export.csv`} className={buttonClass('secondary')} download>
            {t('kpis.exportCsv')}
          </a>
          <a href={`/organizer/fairs/${fair.id}/export.xlsx`} className={buttonClass('secondary')} download>
            {t('kpis.exportXlsx')}
          </a>
        </div>
      </header>

      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <StatCard label={t('kpis.buyersRegistered')} value={<span data-testid="kpi-buyers">{n.format(kpis.registrations.buyersApproved)}</span>} />
        <StatCard label={t('kpis.exportersRegistered')} value={<span data-testid="kpi-exporters">{n.format(kpis.registrations.exportersApproved)}</span>} />
        <StatCard label={t('kpis.consultations')} value={<span data-testid="kpi-consultations">{n.format(c.totals.consultations)}</span>} />
        <StatCard label={t('kpis.inquiries')} value={<span data-testid="kpi-inquiries">{n.format(kpis.pipeline.inquiries)}</span>} />
        <StatCard label={t('kpis.meetingsRequested')} value={<span data-testid="kpi-meetings-requested">{n.format(kpis.pipeline.meetingsRequested)}</span>} />
        <StatCard label={t('kpis.meetingsHeld')} value={<span data-testid="kpi-meetings-held">{n.format(kpis.pipeline.meetingsHeld)}</span>} />
        <StatCard label={t('kpis.consultationValue')} value={<span data-testid="kpi-consultation-value">{usd(c.totals.consultationUsdCents)}</span>} />
        <StatCard label={t('kpis.contractValue')} value={<span data-testid="kpi-contract-value">{usd(c.totals.contractUsdCents)}</span>} />
      </dl>
      {c.totals.unconverted > 0 ? (
        <p role="status" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
          {t('kpis.unconverted', { count: c.totals.unconverted })}{' '}
          <Link to="/organizer/rates" className="underline">
            {t('fairs.ratesTitle')}
          </Link>
        </p>
      ) : null}

      <Card id="funnel" title={t('kpis.funnelTitle')}>
        <BarChartFigure
          title={t('kpis.funnelTitle')}
          summary={summaryOf(kpis.funnel.map((f) => point(funnelLabel(f.stage), n.format(f.count))))}
          data={kpis.funnel.map((f) => ({ stage: funnelLabel(f.stage), count: f.count }))}
          categoryKey="stage"
          series={[{ key: 'count', label: t('kpis.count'), color: BLUE }]}
          format={(v) => n.format(v)}
          table={
            <DataTable
              testId="funnel-table"
              caption={t('kpis.funnelTitle')}
              headers={[t('kpis.stage'), t('kpis.count')]}
              rows={kpis.funnel.map((f) => [
                funnelLabel(f.stage),
                <span key={f.stage} data-testid={`funnel-${f.stage}`}>
                  {n.format(f.count)}
                </span>,
              ])}
            />
          }
        />
      </Card>

      <OutcomeFunnelCard funnel={kpis.outcomes} locale={locale} />

      <div className="grid gap-6 lg:grid-cols-2">
        <Card id="registrations" title={t('kpis.registrationsTitle')}>
          <BarChartFigure
            title={t('kpis.buyersByCountry')}
            summary={summaryOf(kpis.registrations.buyers.map((r) => point(country(r.country), n.format(r.approved))))}
            data={kpis.registrations.buyers.slice(0, TOP).map((r) => ({ country: country(r.country), approved: r.approved, pending: r.pending }))}
            categoryKey="country"
            layout="vertical"
            series={[
              { key: 'approved', label: t('status.APPROVED'), color: BLUE },
              { key: 'pending', label: t('status.PENDING'), color: AMBER },
            ]}
            format={(v) => n.format(v)}
            table={
              <DataTable
                caption={t('kpis.registrationsTitle')}
                headers={[t('fairs.country'), t('kpis.buyersRegistered'), t('status.PENDING')]}
                rows={[
                  ...kpis.registrations.buyers.map((r) => [country(r.country), n.format(r.approved), n.format(r.pending)]),
                  ...kpis.registrations.exporters.map((r) => [
                    t('kpis.exportersIn', { country: country(r.country) }),
                    n.format(r.approved),
                    n.format(r.pending),
                  ]),
                ]}
              />
            }
          />
        </Card>
        <Card id="pipeline" title={t('kpis.pipelineTitle')}>
          <BarChartFigure
            title={t('kpis.inquiriesByStatus')}
            summary={summaryOf(kpis.pipeline.inquiriesByStatus.map((r) => point(t(`status.${r.status}`), n.format(r.count))))}
            data={kpis.pipeline.inquiriesByStatus.map((r) => ({ status: t(`status.${r.status}`), count: r.count }))}
            categoryKey="status"
            series={[{ key: 'count', label: t('kpis.inquiries'), color: BLUE }]}
            format={(v) => n.format(v)}
            height={200}
            table={
              <DataTable
                caption={t('kpis.inquiriesByStatus')}
                headers={[t('dashboard.status'), t('kpis.count')]}
                rows={kpis.pipeline.inquiriesByStatus.map((r) => [
                  t(`status.${r.status}`),
                  <span key={r.status} data-testid={`inquiries-${r.status}`}>
                    {n.format(r.count)}
                  </span>,
                ])}
              />
            }
          />
          <BarChartFigure
            title={t('kpis.meetingsByStatus')}
            summary={summaryOf(kpis.pipeline.meetingsByStatus.map((r) => point(t(`status.${r.status}`), n.format(r.count))))}
            data={kpis.pipeline.meetingsByStatus.map((r) => ({ status: t(`status.${r.status}`), count: r.count }))}
            categoryKey="status"
            series={[{ key: 'count', label: t('kpis.meetingsRequested'), color: AMBER }]}
            format={(v) => n.format(v)}
            height={200}
            table={
              <DataTable
                caption={t('kpis.meetingsByStatus')}
                headers={[t('dashboard.status'), t('kpis.count')]}
                rows={kpis.pipeline.meetingsByStatus.map((r) => [t(`status.${r.status}`), n.format(r.count)])}
              />
            }
          />
        </Card>
      </div>

      <AttendanceKpisCard fairId={fair.id} attendance={loaderData.attendance} />
      <OnSiteKpisCard fairId={fair.id} kpis={loaderData.onSite} />

      <Card id="sessions" title={t('kpis.sessionsTitle')}>
        <dl className="mb-4 grid grid-cols-2 gap-4 lg:grid-cols-5">
          <StatCard label={t('kpis.sessions')} value={<span data-testid="kpi-sessions">{n.format(kpis.sessions.totals.sessions)}</span>} />
          <StatCard label={t('kpis.uniqueViewers')} value={<span data-testid="kpi-unique-viewers">{n.format(kpis.sessions.totals.uniqueViewers)}</span>} />
          <StatCard label={t('kpis.peakViewers')} value={<span data-testid="kpi-peak-viewers">{n.format(kpis.sessions.totals.peakViewers)}</span>} />
          <StatCard label={t('kpis.watchHours')} value={<span data-testid="kpi-watch-hours">{hours(kpis.sessions.totals.watchSeconds)}</span>} />
          <StatCard label={t('kpis.chatMessages')} value={<span data-testid="kpi-chat-messages">{n.format(kpis.sessions.totals.chatMessages)}</span>} />
        </dl>
        <h3 className="mb-2 text-sm font-semibold text-slate-700">{t('kpis.replaysTitle')}</h3>
        <dl className="mb-4 grid grid-cols-2 gap-4 lg:grid-cols-5" aria-label={t('kpis.replaysTitle')}>
          <StatCard label={t('kpis.replays')} value={<span data-testid="kpi-replays">{n.format(kpis.sessions.totals.replays)}</span>} />
          <StatCard
            label={t('kpis.replayUniqueViewers')}
            value={<span data-testid="kpi-replay-unique-viewers">{n.format(kpis.sessions.totals.replayUniqueViewers)}</span>}
          />
          <StatCard
            label={t('kpis.replayWatchHours')}
            value={<span data-testid="kpi-replay-watch-hours">{hours(kpis.sessions.totals.replayWatchSeconds)}</span>}
          />
        </dl>
        <p className="mb-4 text-xs text-slate-500">{t('kpis.replayDefinition')}</p>
        <BarChartFigure
          title={t('kpis.topSessions', { count: kpis.sessions.top.length })}
          summary={summaryOf(
            kpis.sessions.top.map((s) =>
              point(
                s.title,
                summaryOf([
                  point(t('kpis.uniqueViewers'), n.format(s.uniqueViewers)),
                  point(t('kpis.peakViewers'), n.format(s.peakViewers)),
                  point(t('kpis.chatMessages'), n.format(s.chatMessages)),
                ]),
              ),
            ),
          )}
          data={kpis.sessions.top.map((s) => ({
            title: shortLabel(s.title, 24),
            uniqueViewers: s.uniqueViewers,
            peakViewers: s.peakViewers,
            chatMessages: s.chatMessages,
          }))}
          categoryKey="title"
          layout="vertical"
          height={Math.max(200, kpis.sessions.top.length * 34)}
          series={[
            { key: 'uniqueViewers', label: t('kpis.uniqueViewers'), color: BLUE },
            { key: 'peakViewers', label: t('kpis.peakViewers'), color: AMBER },
            { key: 'chatMessages', label: t('kpis.chatMessages'), color: GREEN },
          ]}
          format={(v) => n.format(v)}
          table={
            <DataTable
              caption={t('kpis.sessionsTitle')}
              headers={[
                t('kpis.session'),
                t('kpis.uniqueViewers'),
                t('kpis.peakViewers'),
                t('kpis.watchHours'),
                t('kpis.replayUniqueViewers'),
                t('kpis.replayWatchHours'),
                t('kpis.chatMessages'),
              ]}
              rows={kpis.sessions.top.map((s) => [
                `${s.title} · ${s.company}`,
                n.format(s.uniqueViewers),
                n.format(s.peakViewers),
                hours(s.watchSeconds),
                n.format(s.replayUniqueViewers),
                hours(s.replayWatchSeconds),
                n.format(s.chatMessages),
              ])}
            />
          }
        />
      </Card>

      <ReadinessGapsCard fairId={fair.id} gaps={loaderData.readinessGaps} />

      <Card id="values" title={t('kpis.valuesTitle')}>
        <div className="grid gap-8 lg:grid-cols-2">
          <BarChartFigure
            title={t('kpis.byExporter')}
            summary={summaryOf(c.byExporter.slice(0, TOP).map((r) => point(r.label, usdCompact(r.contractUsdCents))))}
            data={valueChart(c.byExporter, (_, label) => label)}
            categoryKey="name"
            layout="vertical"
            series={valueSeries}
            format={usdCompact}
            height={Math.max(200, Math.min(TOP, c.byExporter.length) * 34)}
            table={
              <DataTable
                testId="by-exporter"
                caption={t('kpis.byExporter')}
                headers={[t('roles.EXPORTER'), ...valueHeaders]}
                rows={valueRows(c.byExporter, (_, label) => label)}
              />
            }
          />
          <BarChartFigure
            title={t('kpis.byBuyerCountry')}
            summary={summaryOf(c.byBuyerCountry.slice(0, TOP).map((r) => point(country(r.key), usdCompact(r.contractUsdCents))))}
            data={valueChart(c.byBuyerCountry, (key) => country(key))}
            categoryKey="name"
            layout="vertical"
            series={valueSeries}
            format={usdCompact}
            height={Math.max(200, Math.min(TOP, c.byBuyerCountry.length) * 34)}
            table={
              <DataTable
                testId="by-country"
                caption={t('kpis.byBuyerCountry')}
                headers={[t('fairs.country'), ...valueHeaders]}
                rows={valueRows(c.byBuyerCountry, (key) => country(key))}
              />
            }
          />
          <BarChartFigure
            title={t('kpis.byHsChapter')}
            summary={summaryOf(c.byHsChapter.slice(0, TOP).map((r) => point(chapter(r.key), usdCompact(r.contractUsdCents))))}
            data={valueChart(c.byHsChapter, (key) => chapter(key))}
            categoryKey="name"
            layout="vertical"
            series={valueSeries}
            format={usdCompact}
            height={Math.max(200, Math.min(TOP, c.byHsChapter.length) * 34)}
            table={
              <DataTable
                testId="by-hs"
                caption={t('kpis.byHsChapter')}
                headers={[t('kpis.hsChapter'), ...valueHeaders]}
                rows={valueRows(c.byHsChapter, (key) => chapter(key))}
              />
            }
          />
          <RestreamUptimeTable rows={loaderData.restreamUptime} locale={locale} />
          <div className="text-sm text-slate-600">
            <h3 className="font-semibold text-slate-800">{t('kpis.definitionsTitle')}</h3>
            <p className="mt-1">{t('kpis.definitions')}</p>
          </div>
        </div>
      </Card>
    </div>
  )
}
