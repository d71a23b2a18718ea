import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect } from 'react-router'
import { createUserSession, getOptionalUser } from '~/domain/accounts/session.server'
import { acceptBlocker, acceptInvitation, findOpenInvitation, signUpWithInvitation, TEAM_ERRORS } from '~/domain/exporters/team.server'
import { InvitationActionSchema } from '~/domain/exporters/schemas'
import { validateCsrf } from '~/utils/csrf.server'
import { getLogger } from '~/utils/logger.server'
import { guestLocaleChoice, languageSwitchCookies, resolveLocale } from '~/utils/preferences.server'
import { getClientIp } from '~/utils/request.server'
import { formErrorFromDomain } from '~/utils/route-errors.server'
import { redirectWithToast } from '~/utils/toast.server'

export async function loadInvitation(request: Request, token: string, now = new Date()) {
  const invitation = await findOpenInvitation(token, now)
  if (!invitation) throw data({ reason: 'invitation-invalid' }, { status: 404 })
  const user = await getOptionalUser(request)
  return {
    invitation: {
      email: invitation.email,
      role: invitation.role,
      companyName: invitation.companyName,
      inviterName: invitation.inviterName,
      expiresAt: invitation.expiresAt,
    },
    viewer: user ? { email: user.email, blocker: acceptBlocker(user, invitation) } : null,
  }
}

export async function handleInvitationAction(request: Request, token: string, now = new Date()) {
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const invitation = await findOpenInvitation(token, now)
  if (!invitation) throw data({ reason: 'invitation-invalid' }, { status: 404 })
  const submission = parseWithZod(formData, { schema: InvitationActionSchema })
  if (submission.status !== 'success') return data({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 })
  const user = await getOptionalUser(request)
  const headers = new Headers()
  try {
    if (submission.value.intent === 'accept') {
      if (!user) throw redirect(`/login?${new URLSearchParams({ redirectTo: `/invitations/${token}` })}`)
      const blocker = acceptBlocker(user, invitation)
      if (blocker) return data({ result: submission.reply({ formErrors: [blocker] }) }, { status: 400 })
      await acceptInvitation(user.id, invitation, now)
      getLogger().info({ userId: user.id, companyId: invitation.companyId }, 'invitation accepted')
    } else {
      if (user) return data({ result: submission.reply({ formErrors: ['exporter.invitation.errors.signedIn'], hideFields: ['password'] }) }, { status: 400 })
      // As at sign-up: the account starts in the language the visitor chose, else the one they are reading.
      const locale = (await guestLocaleChoice(request)) ?? (await resolveLocale(request, null))
      const created = await signUpWithInvitation(invitation, submission.value, { locale, now })
      getLogger().info({ userId: created.id, companyId: invitation.companyId }, 'account created from invitation')
      headers.append('Set-Cookie', await createUserSession(created.id, { userAgent: request.headers.get('User-Agent'), ipAddress: getClientIp(request) }))
      for (const cookie of await languageSwitchCookies(locale, { signedIn: true })) headers.append('Set-Cookie', cookie)
    }
  } catch (error) {
    return formErrorFromDomain(submission, error, { only: TEAM_ERRORS, hideFields: ['password'] })
  }
  return redirectWithToast('/exporter', 'exporter.invitation.joined', { headers })
}
