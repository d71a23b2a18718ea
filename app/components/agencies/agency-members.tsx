import { useTranslation } from 'react-i18next'
import { Form } from 'react-router'
import { CsrfInput } from '~/components/csrf-input'
import { Button } from '~/components/ui/button'
import { Field, SelectField } from '~/components/ui/field'
import { FormErrors } from '~/components/ui/form-errors'
import { RowActionForm } from '~/components/ui/row-action-form'

export type AgencyMemberRow = { id: string; name: string; email: string; role: 'LEAD' | 'AGENT'; removable: boolean; invited?: boolean }
type FieldErrors = Record<string, string[] | null> | undefined

/**
 * An agency's members with "remove", and the form adding one (an existing agency account by address, or a
 * new one by name and address): the admin's /admin/agencies and the agency lead's /agency/team.
 */
export function AgencyMembers({
  members,
  agencyId,
  idSuffix,
  addLabel,
  errors,
  canManage,
}: {
  members: AgencyMemberRow[]
  /** Posted with the form when the page manages several agencies (the admin's). */
  agencyId?: string
  idSuffix: string
  addLabel: string
  errors: FieldErrors
  canManage: boolean
}) {
  const { t } = useTranslation()
  return (
    <>
      <ul className="mt-2 space-y-1 text-sm">
        {members.map((member) => (
          <li key={member.id} className="flex flex-wrap items-center gap-2">
            <span>
              {member.name} · {member.email} · {t(`agency.memberRoles.${member.role}`)}
              {member.invited ? ` · ${t('agency.team.invited')}` : ''}
            </span>
            {canManage && member.removable ? (
              <RowActionForm intent="remove-member" fields={{ memberId: member.id }} text={t('agency.admin.removeMember', { name: member.name })} />
            ) : null}
          </li>
        ))}
      </ul>
      {canManage ? (
        <Form method="post" className="mt-3 grid gap-3 sm:grid-cols-3">
          <CsrfInput />
          {agencyId ? <input type="hidden" name="agencyId" value={agencyId} /> : null}
          <Field
            label={t('agency.admin.memberEmail')}
            errors={errors?.email ?? undefined}
            inputProps={{ id: `member-email-${idSuffix}`, name: 'email', type: 'email', required: true, maxLength: 254 }}
          />
          <Field
            label={t('agency.admin.memberName')}
            hint={t('agency.admin.memberNameHint')}
            errors={errors?.name ?? undefined}
            inputProps={{ id: `member-name-${idSuffix}`, name: 'name', autoComplete: 'off', maxLength: 100 }}
          />
          <SelectField
            label={t('agency.admin.memberRole')}
            options={[
              { value: 'AGENT', label: t('agency.memberRoles.AGENT') },
              { value: 'LEAD', label: t('agency.memberRoles.LEAD') },
            ]}
            selectProps={{ id: `member-role-${idSuffix}`, name: 'role', defaultValue: 'AGENT' }}
          />
          <FormErrors id={`member-errors-${idSuffix}`} errors={errors?.[''] ?? undefined} />
          <div className="sm:col-span-3">
            <Button type="submit" name="intent" value="add-member" variant="secondary">
              {addLabel}
            </Button>
          </div>
        </Form>
      ) : null}
    </>
  )
}
