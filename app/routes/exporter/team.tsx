import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { Form, useNavigation } from 'react-router'
import type { Route } from './+types/team'
import { handleTeamAction, loadTeam } from './team.server'
import { CsrfInput } from '~/components/csrf-input'
import { Button } from '~/components/ui/button'
import { Card, cardTitleId, EmptyState } from '~/components/ui/card'
import { Field, SelectField } from '~/components/ui/field'
import { FormErrors } from '~/components/ui/form-errors'
import { Cell, Table } from '~/components/ui/table'
import { INVITABLE_ROLES, InviteSchema } from '~/domain/exporters/schemas'
import { LOCALE_NAMES, SUPPORTED_LOCALES } from '~/lib/i18n'
import { formatDate } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'
import { pageTitle } from '~/lib/meta'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('pageTitle.team')])

export async function loader({ request }: Route.LoaderArgs) {
  return loadTeam(request)
}

export async function action({ request }: Route.ActionArgs) {
  return handleTeamAction(request)
}

export default function TeamRoute({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale, timeZone } = useRootData()
  const navigation = useNavigation()
  const { members, invitations, viewer } = loaderData
  const result = actionData?.result
  const fromInvite = result?.initialValue?.intent === 'invite'
  const [form, fields] = useForm({
    id: 'invite',
    lastResult: fromInvite ? result : undefined,
    defaultValue: { intent: 'invite', role: 'MEMBER', locale },
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InviteSchema }),
  })
  // The small remove/revoke forms post to the same action; their errors come back as form-level errors.
  const otherErrors = !fromInvite ? (result?.error?.[''] ?? undefined) : undefined

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">{t('exporter.team.title')}</h1>
      <FormErrors id="team-errors" errors={otherErrors} />
      <Card id="members" title={t('exporter.team.members')}>
        <Table
          labelledBy={cardTitleId('members')}
          columns={[
            { label: t('exporter.team.name') },
            { label: t('exporter.team.email') },
            { label: t('exporter.team.role') },
            { label: t('exporter.team.joined') },
            viewer.canRemove && { label: t('exporter.common.actions'), hideLabel: true },
          ]}
        >
          {members.map((member) => (
            <tr key={member.id}>
              <Cell className="font-medium">{member.name}</Cell>
              <Cell>{member.email}</Cell>
              <Cell>{t(`exporter.team.roles.${member.role}`)}</Cell>
              <Cell>{formatDate(member.joinedAt, { locale, timeZone })}</Cell>
              {viewer.canRemove ? (
                <Cell align="end">
                  {member.userId !== viewer.userId ? (
                    <Form method="post">
                      <CsrfInput />
                      <input type="hidden" name="intent" value="remove-member" />
                      <input type="hidden" name="memberId" value={member.id} />
                      <Button type="submit" variant="secondary" aria-label={t('exporter.team.removeNamed', { name: member.name })}>
                        {t('exporter.team.remove')}
                      </Button>
                    </Form>
                  ) : null}
                </Cell>
              ) : null}
            </tr>
          ))}
        </Table>
      </Card>
      {viewer.canInvite ? (
        <>
          <Card id="invite" title={t('exporter.team.invite')}>
            <Form method="post" className="grid gap-4 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end" {...getFormProps(form)}>
              <CsrfInput />
              <div className="sm:col-span-4">
                <FormErrors id={form.errorId} errors={form.errors} />
              </div>
              <input type="hidden" name="intent" value="invite" />
              <Field
                label={t('exporter.team.email')}
                errors={fields.email.errors}
                inputProps={{ ...getInputProps(fields.email, { type: 'email' }), autoComplete: 'off' }}
              />
              <SelectField
                label={t('exporter.team.role')}
                errors={fields.role.errors}
                options={INVITABLE_ROLES.map((role) => ({ value: role, label: t(`exporter.team.roles.${role}`) }))}
                selectProps={getSelectProps(fields.role)}
              />
              <SelectField
                label={t('exporter.team.inviteLanguage')}
                errors={fields.locale.errors}
                options={SUPPORTED_LOCALES.map((code) => ({ value: code, label: LOCALE_NAMES[code], lang: code }))}
                selectProps={getSelectProps(fields.locale)}
              />
              <Button type="submit" disabled={navigation.state !== 'idle'}>
                {t('exporter.team.sendInvite')}
              </Button>
            </Form>
            <p className="mt-2 text-xs text-slate-500">{t('exporter.team.inviteHint')}</p>
          </Card>
          <Card id="pending" title={t('exporter.team.pending')}>
            {invitations.length === 0 ? (
              <EmptyState>{t('exporter.team.noPending')}</EmptyState>
            ) : (
              <ul className="divide-y divide-slate-100 text-sm">
                {invitations.map((invitation) => (
                  <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <span>
                      <span className="font-medium">{invitation.email}</span> · {t(`exporter.team.roles.${invitation.role}`)}
                      <span className="block text-xs text-slate-500">
                        {t('exporter.team.expires', { date: formatDate(invitation.expiresAt, { locale, timeZone }), name: invitation.invitedBy })}
                      </span>
                    </span>
                    <Form method="post">
                      <CsrfInput />
                      <input type="hidden" name="intent" value="revoke-invitation" />
                      <input type="hidden" name="invitationId" value={invitation.id} />
                      <Button type="submit" variant="ghost" aria-label={t('exporter.team.revokeNamed', { email: invitation.email })}>
                        {t('exporter.team.revoke')}
                      </Button>
                    </Form>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </>
      ) : null}
    </div>
  )
}
