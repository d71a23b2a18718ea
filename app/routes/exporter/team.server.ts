import { parseWithZod } from '@conform-to/zod/v4'
import { data } from 'react-router'
import { requireCompanyPermission, requireExporterMember } from '~/domain/accounts/permissions.server'
import { companyRoleHasPermission } from '~/domain/accounts/permissions'
import { inviteMember, listTeam, removeMember, revokeInvitation, TEAM_ERRORS } from '~/domain/exporters/team.server'
import { TeamActionSchema } from '~/domain/exporters/schemas'
import { validateCsrf } from '~/utils/csrf.server'
import { resolveLocale } from '~/utils/preferences.server'
import { formErrorFromDomain } from '~/utils/route-errors.server'
import { redirectWithToast } from '~/utils/toast.server'

export async function loadTeam(request: Request, now = new Date()) {
  const { user, membership } = await requireExporterMember(request)
  return {
    ...(await listTeam(membership.company.id, now)),
    viewer: {
      userId: user.id,
      canInvite: companyRoleHasPermission(membership.role, 'invite:member:own'),
      canRemove: companyRoleHasPermission(membership.role, 'remove:member:own'),
    },
  }
}

export async function handleTeamAction(request: Request) {
  const { user, membership } = await requireExporterMember(request)
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: TeamActionSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const input = submission.value
  const companyId = membership.company.id
  try {
    switch (input.intent) {
      case 'invite': {
        await requireCompanyPermission(request, 'invite:member:own')
        await inviteMember({
          companyId,
          inviter: { id: user.id, name: user.name },
          email: input.email,
          role: input.role,
          locale: input.locale ?? (await resolveLocale(request, user)),
        })
        return await redirectWithToast('/exporter/team', 'exporter.team.invited')
      }
      case 'revoke-invitation': {
        await requireCompanyPermission(request, 'invite:member:own')
        await revokeInvitation(companyId, input.invitationId)
        return await redirectWithToast('/exporter/team', 'exporter.team.revoked')
      }
      case 'remove-member': {
        await requireCompanyPermission(request, 'remove:member:own')
        await removeMember(companyId, user.id, input.memberId)
        return await redirectWithToast('/exporter/team', 'exporter.team.removed')
      }
    }
  } catch (error) {
    return formErrorFromDomain(submission, error, { only: TEAM_ERRORS })
  }
}
