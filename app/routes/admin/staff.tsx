import { useTranslation } from 'react-i18next'
import { Form, useNavigation } from 'react-router'
import type { Route } from './+types/staff'
import { handleStaffAction, loadStaffAccounts } from './staff.server'
import { CsrfInput } from '~/components/csrf-input'
import { Button } from '~/components/ui/button'
import { Card, EmptyState } from '~/components/ui/card'
import { Field, SelectField } from '~/components/ui/field'
import { FormErrors } from '~/components/ui/form-errors'
import { Cell, Table } from '~/components/ui/table'
import { RowActionForm } from '~/components/ui/row-action-form'
import { STAFF_ROLES } from '~/domain/accounts/staff-schema'
import { LOCALE_NAMES, SUPPORTED_LOCALES } from '~/lib/i18n'
import { pageTitle } from '~/lib/meta'
import { formatDate } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('staff.title')])

export async function loader({ request }: Route.LoaderArgs) {
  return loadStaffAccounts(request)
}

export async function action({ request }: Route.ActionArgs) {
  return handleStaffAction(request)
}

type Failed = { result?: { error?: Record<string, string[] | null> }; target?: unknown } | undefined

const STATE_CLASS = {
  active: 'bg-emerald-100 text-emerald-900',
  invited: 'bg-amber-100 text-amber-900',
  'invitation-expired': 'bg-slate-200 text-slate-900',
} as const

export default function AdminStaffRoute({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale, timeZone } = useRootData()
  const navigation = useNavigation()
  const failed = actionData as Failed
  const createErrors = failed?.target === 'create-staff' ? failed.result?.error : undefined
  const creating = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'create-staff'
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{t('staff.title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('staff.intro')}</p>
      </div>
      <Card id="new-staff" title={t('staff.create')}>
        <Form method="post" className="grid gap-3 sm:grid-cols-2">
          <CsrfInput />
          <Field
            label={t('staff.name')}
            errors={createErrors?.name ?? undefined}
            inputProps={{ id: 'staff-name', name: 'name', required: true, maxLength: 100, autoComplete: 'off' }}
          />
          <Field
            label={t('staff.email')}
            errors={createErrors?.email ?? undefined}
            inputProps={{ id: 'staff-email', name: 'email', type: 'email', required: true, maxLength: 254, autoComplete: 'off' }}
          />
          <SelectField
            label={t('staff.role')}
            errors={createErrors?.role ?? undefined}
            options={STAFF_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            selectProps={{ id: 'staff-role', name: 'role', defaultValue: 'STUDIO_OPERATOR' }}
          />
          <SelectField
            label={t('staff.locale')}
            errors={createErrors?.locale ?? undefined}
            options={SUPPORTED_LOCALES.map((locale) => ({ value: locale, label: LOCALE_NAMES[locale], lang: locale }))}
            selectProps={{ id: 'staff-locale', name: 'locale', defaultValue: locale }}
          />
          <FormErrors id="create-staff-errors" errors={createErrors?.[''] ?? undefined} />
          <div className="sm:col-span-2">
            <Button type="submit" name="intent" value="create-staff" disabled={creating}>
              {creating ? t('staff.creating') : t('staff.createButton')}
            </Button>
          </div>
        </Form>
      </Card>
      <Card id="staff-accounts" title={t('staff.listTitle')}>
        {loaderData.accounts.length === 0 ? (
          <EmptyState>{t('staff.none')}</EmptyState>
        ) : (
          <Table
            caption={t('staff.listTitle')}
            columns={[
              { label: t('staff.name') },
              { label: t('staff.role') },
              { label: t('staff.state') },
              { label: t('staff.created') },
              { label: t('staff.actions'), hideLabel: true },
            ]}
          >
            {loaderData.accounts.map((account) => {
              const errors = failed?.target === account.id ? failed.result?.error : undefined
              return (
                <tr key={account.id} className="align-top">
                  <Cell>
                    <span className="font-medium">{account.name}</span>
                    <span className="block text-slate-600">{account.email}</span>
                  </Cell>
                  <Cell>{t(`roles.${account.role}`)}</Cell>
                  <Cell>
                    <span className={`rounded px-2 py-0.5 text-xs font-medium ${STATE_CLASS[account.state]}`}>{t(`staff.states.${account.state}`)}</span>
                  </Cell>
                  <Cell>{formatDate(account.createdAt, { locale, timeZone })}</Cell>
                  <Cell>
                    {account.state === 'active' ? null : (
                      <>
                        <RowActionForm
                          intent="resend-invite"
                          fields={{ userId: account.id }}
                          text={t('staff.resend', { name: account.name })}
                          variant="secondary"
                        />
                        <FormErrors id={`staff-errors-${account.id}`} errors={errors?.[''] ?? undefined} />
                      </>
                    )}
                  </Cell>
                </tr>
              )
            })}
          </Table>
        )}
      </Card>
    </div>
  )
}
