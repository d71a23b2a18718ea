import { clsx } from 'clsx'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Route } from './+types/leads'
import { LocalTime } from '~/components/local-time'
import { buttonClass } from '~/components/ui/button'
import { EmptyState } from '~/components/ui/card'
import { companyRoleHasPermission } from '~/domain/accounts/permissions'
import { requireExporterMember } from '~/domain/accounts/permissions.server'
import { FOLLOW_UP_DAYS, LeadSortSchema, listSessionLeads, type LeadSort } from '~/domain/leads/leads.server'
import { reasonMessage, type LeadReason } from '~/domain/leads/score'
import { requestNow } from '~/utils/clock.server'
import { pageTitle } from '~/lib/meta'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('leads.pageTitle')])

/**
 * A showcase's lead list (issue 21, docs/leads.md): any member of the hosting company reads it; another
 * company's showcase is a 404 (listSessionLeads finds it only under the reader's company). Only owners and
 * admins configure where leads are sent (the CRM webhook, requireCompanyAdmin), so only they see its link.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { membership } = await requireExporterMember(request)
  const sort = LeadSortSchema.parse(new URL(request.url).searchParams.get('sort') ?? 'score')
  const { session, leads, anonymous } = await listSessionLeads(
    { sessionId: params.sessionId, companyId: membership.company.id },
    { now: requestNow(request), sort },
  )
  return {
    sort,
    canConfigureWebhook: companyRoleHasPermission(membership.role, 'update:company:own'),
    followUpDays: FOLLOW_UP_DAYS,
    session: { id: session.id, title: session.title, hasReplay: session.hasReplay },
    anonymous,
    leads: leads.map((lead) => ({
      userId: lead.userId,
      name: lead.name,
      companyName: lead.companyName,
      country: lead.country,
      score: lead.score,
      reasons: lead.reasons,
      liveSeconds: lead.liveSeconds,
      replaySeconds: lead.replaySeconds,
      productNames: lead.productNames,
      chatMessages: lead.chatMessages,
      chatSample: lead.chatSample.map((message) => ({ body: message.body, at: message.at.toISOString() })),
      rfqs: lead.rfqs,
      meetings: lead.meetings,
      lastSeenAt: lead.lastSeenAt.toISOString(),
    })),
  }
}

function ReasonList({ reasons }: { reasons: readonly LeadReason[] }) {
  const { t } = useTranslation()
  if (reasons.length === 0) return null
  return (
    <ul className="flex flex-wrap gap-1" data-testid="lead-reasons">
      {reasons.map((reason) => (
        <li key={reason.code} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800">
          {t(reasonMessage(reason).key, reasonMessage(reason).options)} <span className="text-slate-700">{t('leads.points', { points: reason.points })}</span>
        </li>
      ))}
    </ul>
  )
}

const SORTABLE: Partial<Record<string, LeadSort>> = { lead: 'name', score: 'score', live: 'watch', lastSeen: 'lastSeen' }

export default function ExporterLeadsRoute({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { session, leads, anonymous, sort } = loaderData
  const columns = ['lead', 'score', 'live', 'replay', 'products', 'chat', 'rfqs', 'meetings', 'lastSeen'] as const
  const minutes = (seconds: number) => t('leads.minutes', { count: Math.floor(seconds / 60) })
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm">
          <Link to="/exporter/sessions" className="text-brand-700 hover:underline">
            {t('leads.back')}
          </Link>
        </p>
        <h1 className="text-2xl font-bold tracking-tight">{t('leads.title', { title: session.title })}</h1>
        <p className="max-w-3xl text-sm text-slate-600">{t('leads.intro', { days: loaderData.followUpDays })}</p>
        <div className="flex flex-wrap gap-2">
          <a href={`/exporter/sessions/${session.id}/leads.csv?sort=${sort}`} className={buttonClass('secondary')} download>
            {t('leads.downloadCsv')}
          </a>
          {loaderData.canConfigureWebhook ? (
            <Link to="/exporter/leads/webhook" className={buttonClass('ghost')}>
              {t('leads.webhookLink')}
            </Link>
          ) : null}
        </div>
      </header>

      <section aria-labelledby="leads-summary" className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <h2 id="leads-summary" className="text-sm font-semibold">
          {t('leads.summaryLabel')}
        </h2>
        <ul className="mt-1 flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-700" data-testid="leads-summary">
          <li>{t('leads.summary.listed', { count: leads.length })}</li>
          <li>{t('leads.summary.guests', { count: anonymous.guests })}</li>
          <li>{t('leads.summary.optedOut', { count: anonymous.optedOut })}</li>
          {anonymous.otherSignedIn > 0 ? <li>{t('leads.summary.otherSignedIn', { count: anonymous.otherSignedIn })}</li> : null}
        </ul>
      </section>

      {leads.length === 0 ? (
        <EmptyState>{t('leads.empty')}</EmptyState>
      ) : (
        <div
          role="region"
          aria-labelledby="leads-caption"
          tabIndex={0}
          className="relative overflow-x-auto rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
        >
          <table className="w-full text-left text-sm" data-testid="leads-table">
            <caption id="leads-caption" className="sr-only">
              {t('leads.table.caption', { title: session.title, sort: t(`leads.sort.${sort}`) })}
            </caption>
            <thead className="text-xs text-slate-500">
              <tr>
                {columns.map((column) => {
                  const sortKey = SORTABLE[column]
                  const label = t(`leads.table.${column}`)
                  const active = sortKey === sort
                  return (
                    <th
                      key={column}
                      scope="col"
                      aria-sort={active ? (sortKey === 'name' ? 'ascending' : 'descending') : undefined}
                      className={clsx('py-1 pr-3 font-medium last:pr-0', column !== 'lead' && column !== 'products' && column !== 'chat' && 'text-right')}
                    >
                      {sortKey ? (
                        <Link
                          to={`?sort=${sortKey}`}
                          preventScrollReset
                          className={clsx('hover:underline', active && 'font-semibold text-slate-900')}
                          aria-label={t('leads.table.sortBy', { column: label })}
                        >
                          {label}
                          {active ? <span aria-hidden="true"> {sortKey === 'name' ? '▲' : '▼'}</span> : null}
                        </Link>
                      ) : (
                        label
                      )}
                    </th>
                  )
                })}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {leads.map((lead) => (
                <tr key={lead.userId} data-testid="lead-row" className="align-top">
                  <th scope="row" className="py-2 pr-3 text-left font-medium">
                    <span className="block">{lead.name}</span>
                    <span className="block text-xs font-normal text-slate-600">
                      {lead.companyName} · {lead.country}
                    </span>
                  </th>
                  <td className="py-2 pr-3 text-right">
                    <span className="text-lg font-semibold tabular-nums" data-testid="lead-score">
                      {lead.score}
                    </span>
                    <span className="sr-only"> {t('leads.table.reasons')}: </span>
                    <ReasonList reasons={lead.reasons} />
                  </td>
                  <td className="py-2 pr-3 text-right tabular-nums">{minutes(lead.liveSeconds)}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{minutes(lead.replaySeconds)}</td>
                  <td className="py-2 pr-3">
                    {lead.productNames.length ? (
                      <ul className="list-inside list-disc text-xs">
                        {lead.productNames.map((name) => (
                          <li key={name}>{name}</li>
                        ))}
                      </ul>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className="py-2 pr-3">
                    {lead.chatMessages ? (
                      <details>
                        <summary className="cursor-pointer text-xs text-brand-700">{t('leads.messages', { count: lead.chatMessages })}</summary>
                        <ul className="mt-1 max-w-xs space-y-1 text-xs text-slate-700">
                          {lead.chatSample.map((message) => (
                            <li key={message.at + message.body} className="whitespace-pre-line break-words">
                              {message.body}
                            </li>
                          ))}
                        </ul>
                      </details>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className="py-2 pr-3 text-right tabular-nums">{lead.rfqs}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{lead.meetings}</td>
                  <td className="py-2 text-right text-xs">
                    <LocalTime value={lead.lastSeenAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}
