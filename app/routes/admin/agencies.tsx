import { useTranslation } from 'react-i18next'
import { Form } from 'react-router'
import type { Route } from './+types/agencies'
import { handleAdminAgenciesAction, loadAdminAgencies } from './agencies.server'
import { AgencyMembers } from '~/components/agencies/agency-members'
import { CsrfInput } from '~/components/csrf-input'
import { Button } from '~/components/ui/button'
import { Card, EmptyState } from '~/components/ui/card'
import { Field } from '~/components/ui/field'
import { FormErrors } from '~/components/ui/form-errors'
import { pageTitle } from '~/lib/meta'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('agency.admin.title')])

export async function loader({ request }: Route.LoaderArgs) {
  return loadAdminAgencies(request)
}

export async function action({ request }: Route.ActionArgs) {
  return handleAdminAgenciesAction(request)
}

type Failed = { result?: { error?: Record<string, string[] | null> }; target?: unknown } | undefined

export default function AdminAgenciesRoute({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const failed = actionData as Failed
  const errorsFor = (target: string) => (failed?.target === target ? failed.result?.error : undefined)
  const createErrors = errorsFor('create-agency')
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{t('agency.admin.title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('agency.admin.intro')}</p>
      </div>
      <Card id="new-agency" title={t('agency.admin.create')}>
        <Form method="post" className="grid gap-3 sm:grid-cols-3">
          <CsrfInput />
          <Field
            label={t('agency.admin.name')}
            errors={createErrors?.name ?? undefined}
            inputProps={{ id: 'agency-name', name: 'name', required: true, maxLength: 120 }}
          />
          <Field
            label={t('agency.admin.nameKo')}
            errors={createErrors?.nameKo ?? undefined}
            inputProps={{ id: 'agency-name-ko', name: 'nameKo', maxLength: 120 }}
          />
          <Field
            label={t('agency.admin.region')}
            errors={createErrors?.region ?? undefined}
            inputProps={{ id: 'agency-region', name: 'region', required: true, maxLength: 80 }}
          />
          <FormErrors id="create-agency-errors" errors={createErrors?.[''] ?? undefined} />
          <div className="sm:col-span-3">
            <Button type="submit" name="intent" value="create-agency">
              {t('agency.admin.createButton')}
            </Button>
          </div>
        </Form>
      </Card>
      {loaderData.agencies.length === 0 ? <EmptyState>{t('agency.admin.none')}</EmptyState> : null}
      {loaderData.agencies.map((agency) => {
        const errors = errorsFor(agency.id)
        return (
          <Card key={agency.id} id={`agency-${agency.id}`} title={`${agency.name} · ${agency.region}`}>
            <p className="text-sm text-slate-600">{t('agency.admin.activeGrants', { count: agency.activeGrants })}</p>
            <AgencyMembers
              members={agency.members.map((member) => ({ ...member, removable: true }))}
              agencyId={agency.id}
              idSuffix={agency.id}
              addLabel={t('agency.admin.addMember', { agency: agency.name })}
              errors={errors}
              canManage
            />
          </Card>
        )
      })}
    </div>
  )
}
