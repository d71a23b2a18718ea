import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data } from 'react-router'
import type { Route } from './+types/team'
import { AgencyMembers } from '~/components/agencies/agency-members'
import { Card } from '~/components/ui/card'
import { requirePermission } from '~/domain/accounts/permissions.server'
import { AgencyTeamActionSchema } from '~/domain/agencies/schemas'
import { addAgencyTeamMember, loadAgencyTeam, removeAgencyTeamMember, requireAgencyLead } from '~/domain/agencies/team.server'
import { pageTitle } from '~/lib/meta'
import { requestNow } from '~/utils/clock.server'
import { validateCsrf } from '~/utils/csrf.server'
import { resolveLocale } from '~/utils/preferences.server'
import { formErrorFromDomain } from '~/utils/route-errors.server'
import { redirectWithToast } from '~/utils/toast.server'

// /agency/team: who works for the agency; its leads add and remove members (docs/export-agencies.md).

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('agency.team.title')])

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, 'act:agency')
  return loadAgencyTeam(user.id, await resolveLocale(request, user))
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requirePermission(request, 'act:agency')
  await requireAgencyLead(user.id)
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: AgencyTeamActionSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const input = submission.value
  try {
    if (input.intent === 'add-member') {
      await addAgencyTeamMember(user, { ...input, locale: await resolveLocale(request, user) }, requestNow(request))
      return await redirectWithToast('/agency/team', 'agency.toast.memberAdded')
    }
    await removeAgencyTeamMember(user, input.memberId, requestNow(request))
    return await redirectWithToast('/agency/team', 'agency.toast.memberRemoved')
  } catch (error) {
    return formErrorFromDomain(submission, error, { only: ['conflict', 'cannot-add', 'name-required', 'remove-self', 'last-lead'] })
  }
}

export default function AgencyTeamRoute({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { agency, members, canManage } = loaderData
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{t('agency.team.title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t(canManage ? 'agency.team.introLead' : 'agency.team.introAgent', { agency: agency.name })}</p>
      </div>
      <Card id="team" title={agency.name}>
        <AgencyMembers
          members={members.map((member) => ({ ...member, removable: !member.self }))}
          idSuffix="team"
          addLabel={t('agency.team.add')}
          errors={actionData?.result.error}
          canManage={canManage}
        />
      </Card>
    </div>
  )
}
