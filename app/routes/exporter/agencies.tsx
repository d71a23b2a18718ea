import { useTranslation } from 'react-i18next'
import { Form } from 'react-router'
import type { Route } from './+types/agencies'
import { handleCompanyAgenciesAction, loadCompanyAgenciesPage } from './agencies.server'
import { CsrfInput } from '~/components/csrf-input'
import { LocalTime } from '~/components/local-time'
import { Button } from '~/components/ui/button'
import { Card, cardTitleId, EmptyState } from '~/components/ui/card'
import { CheckboxGroup } from '~/components/ui/checkbox-group'
import { FormErrors } from '~/components/ui/form-errors'
import { Cell, Table } from '~/components/ui/table'
import { AGENCY_SCOPES, agencyActionKey } from '~/domain/agencies/scopes'
import { pageTitle } from '~/lib/meta'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('agency.company.title')])

export async function loader({ request }: Route.LoaderArgs) {
  return loadCompanyAgenciesPage(request)
}

export async function action({ request }: Route.ActionArgs) {
  return handleCompanyAgenciesAction(request)
}

type Failed = { result?: { error?: Record<string, string[] | null> }; target?: unknown } | undefined

export default function CompanyAgenciesRoute({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { agencies, grants, actions, q } = loaderData
  const failed = actionData as Failed
  const errorsFor = (target: string) => (failed?.target === target ? failed.result?.error : undefined)
  const scopeOptions = AGENCY_SCOPES.map((scope) => ({ value: scope, label: t(`agency.scopes.${scope}`) }))
  const active = grants.filter((grant) => grant.revokedAt === null)
  const revoked = grants.filter((grant) => grant.revokedAt !== null)
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{t('agency.company.title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('agency.company.intro', { company: loaderData.company })}</p>
      </div>

      <Card id="granted" title={t('agency.company.granted')}>
        {active.length === 0 ? (
          <EmptyState>{t('agency.company.noGrants')}</EmptyState>
        ) : (
          <ul className="space-y-4">
            {active.map((grant) => {
              const errors = errorsFor(grant.id)
              return (
                <li key={grant.id} className="rounded-lg p-4 ring-1 ring-slate-200" data-testid={`grant-${grant.agency.id}`}>
                  <h3 className="font-semibold">
                    {grant.agency.name} <span className="text-sm font-normal text-slate-600">· {grant.agency.region}</span>
                  </h3>
                  <p className="text-xs text-slate-600">
                    {t('agency.company.grantedBy', { name: grant.grantedBy ?? '—' })} · <LocalTime value={grant.createdAt} />
                  </p>
                  <Form method="post" className="mt-3 space-y-2">
                    <CsrfInput />
                    <input type="hidden" name="grantId" value={grant.id} />
                    <CheckboxGroup
                      legend={t('agency.company.scopesFor', { agency: grant.agency.name })}
                      name="scopes"
                      options={scopeOptions}
                      defaultValue={grant.scopes}
                      errors={errors?.scopes ?? undefined}
                    />
                    <FormErrors id={`grant-${grant.id}-errors`} errors={errors?.[''] ?? undefined} />
                    <div className="flex flex-wrap gap-2">
                      <Button type="submit" name="intent" value="update-scopes" variant="secondary">
                        {t('agency.company.saveScopes')}
                      </Button>
                      <Button type="submit" name="intent" value="revoke" variant="danger" formNoValidate>
                        {t('agency.company.revoke', { agency: grant.agency.name })}
                      </Button>
                    </div>
                  </Form>
                </li>
              )
            })}
          </ul>
        )}
      </Card>

      <Card id="find" title={t('agency.company.find')}>
        <Form method="get" role="search" className="mb-4 flex items-end gap-2">
          <label className="text-sm">
            {t('agency.company.search')}
            <input type="search" name="q" defaultValue={q} maxLength={100} className="mt-1 block rounded-md border border-slate-300 px-2 py-1" />
          </label>
          <Button type="submit" variant="secondary" className="min-h-8 px-3 py-1">
            {t('agency.company.searchButton')}
          </Button>
        </Form>
        {agencies.length === 0 ? (
          <EmptyState>{t('agency.company.noAgencies')}</EmptyState>
        ) : (
          <ul className="space-y-4">
            {agencies
              .filter((agency) => !agency.granted)
              .map((agency) => {
                const errors = errorsFor(agency.id)
                return (
                  <li key={agency.id} className="rounded-lg p-4 ring-1 ring-slate-200" data-testid={`agency-${agency.id}`}>
                    <h3 className="font-semibold">
                      {agency.name} <span className="text-sm font-normal text-slate-600">· {agency.region}</span>
                    </h3>
                    <Form method="post" className="mt-2 space-y-2">
                      <CsrfInput />
                      <input type="hidden" name="agencyId" value={agency.id} />
                      <CheckboxGroup
                        legend={t('agency.company.scopesFor', { agency: agency.name })}
                        name="scopes"
                        options={scopeOptions}
                        errors={errors?.scopes ?? undefined}
                      />
                      <FormErrors id={`agency-${agency.id}-errors`} errors={errors?.[''] ?? undefined} />
                      <Button type="submit" name="intent" value="grant">
                        {t('agency.company.grant', { agency: agency.name })}
                      </Button>
                    </Form>
                  </li>
                )
              })}
          </ul>
        )}
      </Card>

      <Card id="agency-log" title={t('agency.company.log')}>
        {actions.length === 0 ? (
          <EmptyState>{t('agency.company.noActions')}</EmptyState>
        ) : (
          <Table
            labelledBy={cardTitleId('agency-log')}
            columns={[{ label: t('agency.log.when') }, { label: t('agency.log.who') }, { label: t('agency.log.what') }]}
          >
            {actions.map((entry) => (
              <tr key={entry.id}>
                <Cell>
                  <LocalTime value={entry.createdAt} />
                </Cell>
                <Cell>{t('agency.log.actor', { name: entry.actorName, agency: entry.agency })}</Cell>
                <Cell>{t(`agency.actions.${agencyActionKey(entry.action)}`, { defaultValue: entry.action })}</Cell>
              </tr>
            ))}
          </Table>
        )}
      </Card>

      {revoked.length > 0 ? (
        <Card id="revoked" title={t('agency.company.revoked')}>
          <ul className="space-y-1 text-sm">
            {revoked.map((grant) => (
              <li key={grant.id}>
                {t('agency.company.revokedLine', { agency: grant.agency.name, name: grant.revokedBy ?? '—' })} ·{' '}
                <LocalTime value={grant.revokedAt ?? grant.updatedAt} />
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  )
}
