import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Route } from './+types/dashboard'
import { handleAgencyAction, loadAgencyPage } from './dashboard.server'
import { ConsultationKpiPeriod, ConsultationKpis } from '~/components/consultations/consultation-kpis'
import { LocalTime } from '~/components/local-time'
import { StatusBadge } from '~/components/status-badge'
import { Card, cardTitleId, EmptyState, StatCard } from '~/components/ui/card'
import { FormErrors } from '~/components/ui/form-errors'
import { Cell, Table } from '~/components/ui/table'
import { RowActionForm } from '~/components/ui/row-action-form'
import { agencyActionKey } from '~/domain/agencies/scopes'
import { countryName } from '~/lib/countries'
import { pageTitle } from '~/lib/meta'
import { useRootData } from '~/lib/use-root-data'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('agency.dashboard.title')])

export async function loader({ request }: Route.LoaderArgs) {
  return loadAgencyPage(request)
}

export async function action({ request }: Route.ActionArgs) {
  return handleAgencyAction(request)
}

export default function AgencyDashboardRoute({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const { agency, companies, inbox, actions, kpis, filter, actingCompanyId, consultations } = loaderData
  const failed = actionData as { result?: { error?: Record<string, string[] | null> } } | undefined
  const acting = companies.find((company) => company.id === actingCompanyId)
  const chip = 'rounded-full px-3 py-1 text-sm ring-1 ring-slate-300'
  const link = (next: { company?: string | undefined; kind?: string | undefined }) => {
    const params = new URLSearchParams()
    if (next.company) params.set('company', next.company)
    if (next.kind) params.set('kind', next.kind)
    const query = params.toString()
    return query ? `/agency?${query}` : '/agency'
  }
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{t('agency.dashboard.heading', { agency: agency.name })}</h1>
        <p className="mt-1 text-sm text-slate-600" data-testid="acting-for">
          {acting ? t('agency.dashboard.actingFor', { agency: agency.name, company: acting.name }) : t('agency.dashboard.notActing')}
        </p>
      </div>

      <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <StatCard label={t('agency.kpi.companies')} value={kpis.companies} />
        <StatCard label={t('agency.kpi.rfqsAnswered')} value={kpis.rfqsAnswered} />
        <StatCard label={t('agency.kpi.quotes')} value={kpis.quotes} />
        <StatCard label={t('agency.kpi.meetingActions')} value={kpis.meetingActions} />
        <StatCard label={t('agency.kpi.meetingsAccepted')} value={kpis.meetingsAccepted} />
      </dl>

      <Card id="companies" title={t('agency.dashboard.companies')}>
        <FormErrors id="act-for-errors" errors={failed?.result?.error?.[''] ?? undefined} />
        {companies.length === 0 ? (
          <EmptyState>{t('agency.dashboard.noCompanies')}</EmptyState>
        ) : (
          <Table
            labelledBy={cardTitleId('companies')}
            columns={[{ label: t('agency.dashboard.company') }, { label: t('agency.dashboard.scopes') }, { label: t('agency.dashboard.act') }]}
          >
            {companies.map((company) => (
              <tr key={company.id} data-testid={`company-${company.slug}`}>
                <Cell>
                  <Link to={`/exporters/${company.slug}`} className="font-medium text-brand-700 underline">
                    {company.name}
                  </Link>
                </Cell>
                <Cell>{company.scopes.map((scope) => t(`agency.scopes.${scope}`)).join(', ')}</Cell>
                <Cell>
                  {company.id === actingCompanyId ? (
                    <span className="text-sm font-semibold text-emerald-800">{t('agency.dashboard.current')}</span>
                  ) : (
                    <RowActionForm
                      intent="act-for"
                      fields={{ companyId: company.id }}
                      text={t('agency.dashboard.actFor', { company: company.name })}
                      variant="secondary"
                    />
                  )}
                </Cell>
              </tr>
            ))}
          </Table>
        )}
      </Card>

      <Card id="inbox" title={t('agency.dashboard.inbox', { count: inbox.length })}>
        <nav aria-label={t('agency.dashboard.filter')} className="mb-3 flex flex-wrap gap-2">
          {[undefined, 'rfq', 'meeting'].map((kind) => (
            <Link
              key={kind ?? 'all'}
              to={link({ company: filter.company, kind })}
              className={`${chip} ${filter.kind === kind ? 'bg-slate-900 text-white ring-slate-900' : ''}`}
              aria-current={filter.kind === kind ? 'page' : undefined}
            >
              {t(`agency.dashboard.kinds.${kind ?? 'all'}`)}
            </Link>
          ))}
          <span aria-hidden="true" className="px-1 text-slate-400">
            |
          </span>
          {[undefined, ...companies.map((company) => company.id)].map((companyId) => (
            <Link
              key={companyId ?? 'all-companies'}
              to={link({ company: companyId, kind: filter.kind })}
              className={`${chip} ${filter.company === companyId ? 'bg-slate-900 text-white ring-slate-900' : ''}`}
              aria-current={filter.company === companyId ? 'page' : undefined}
            >
              {companyId ? companies.find((company) => company.id === companyId)?.name : t('agency.dashboard.allCompanies')}
            </Link>
          ))}
        </nav>
        {inbox.length === 0 ? (
          <EmptyState>{t('agency.dashboard.inboxEmpty')}</EmptyState>
        ) : (
          <Table
            labelledBy={cardTitleId('inbox')}
            columns={[
              { label: t('agency.dashboard.company') },
              { label: t('agency.dashboard.item') },
              { label: t('agency.dashboard.buyer') },
              { label: t('agency.dashboard.when') },
            ]}
          >
            {inbox.map((item) => (
              <tr key={`${item.kind}-${item.id}`} data-testid={`inbox-${item.id}`}>
                <Cell>{item.companyName}</Cell>
                <Cell>
                  <Link to={item.href} className="font-medium text-brand-700 underline">
                    {item.kind === 'rfq' ? t('agency.dashboard.rfqItem', { product: item.title || '—' }) : t('agency.dashboard.meetingItem')}
                  </Link>{' '}
                  <StatusBadge status={item.status} />
                </Cell>
                <Cell>
                  {item.buyer} ({countryName(item.country, locale)})
                </Cell>
                <Cell>
                  <LocalTime value={item.at} />
                </Cell>
              </tr>
            ))}
          </Table>
        )}
      </Card>

      <section aria-labelledby="consultations-heading" className="space-y-4">
        <div>
          <h2 id="consultations-heading" className="text-lg font-semibold">
            {t('consultations.kpi.agencyTitle')}
          </h2>
          <p className="text-sm text-slate-600">{t('consultations.kpi.agencyIntro')}</p>
        </div>
        <ConsultationKpiPeriod
          from={consultations.from}
          to={consultations.to}
          error={consultations.error}
          keep={{ company: filter.company, kind: filter.kind }}
        />
        <ConsultationKpis kpis={consultations.kpis} idPrefix="consultations-" />
      </section>

      <Card id="log" title={t('agency.dashboard.log')}>
        {actions.length === 0 ? (
          <EmptyState>{t('agency.company.noActions')}</EmptyState>
        ) : (
          <Table
            labelledBy={cardTitleId('log')}
            columns={[
              { label: t('agency.log.when') },
              { label: t('agency.log.who') },
              { label: t('agency.dashboard.company') },
              { label: t('agency.log.what') },
            ]}
          >
            {actions.map((entry) => (
              <tr key={entry.id}>
                <Cell>
                  <LocalTime value={entry.createdAt} />
                </Cell>
                <Cell>{entry.actorName}</Cell>
                <Cell>{entry.company}</Cell>
                <Cell>{t(`agency.actions.${agencyActionKey(entry.action)}`, { defaultValue: entry.action })}</Cell>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </div>
  )
}
