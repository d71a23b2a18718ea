import { parseWithZod } from '@conform-to/zod/v4'
import { data } from 'react-router'
import { updateAccountProfile } from '~/domain/accounts/accounts.server'
import { ACCOUNT_ERRORS, changePassword } from '~/domain/accounts/credentials.server'
import { ChangePasswordSchema, ProfileSchema, RevokeOtherSessionsSchema, RevokeSessionSchema } from '~/domain/accounts/schemas'
import { createUserSession, listUserSessions, readSessionId, requireUser, revokeOtherSessions, revokeUserSession } from '~/domain/accounts/session.server'
import { describeUserAgent } from '~/lib/user-agent'
import { validateCsrf } from '~/utils/csrf.server'
import { getEnv } from '~/utils/env.server'
import { localeCookie, resolveTimeZone } from '~/utils/preferences.server'
import { consumeLoginAttempt } from '~/utils/rate-limit.server'
import { getClientIp } from '~/utils/request.server'
import { formErrorFromDomain } from '~/utils/route-errors.server'
import { redirectWithToast } from '~/utils/toast.server'

export async function loadSettings(request: Request) {
  const user = await requireUser(request)
  const currentId = await readSessionId(request.headers.get('Cookie'))
  const sessions = await listUserSessions(user.id, currentId)
  return {
    // No zone chosen yet: the select starts on the one the pages use (the browser's); saving makes it a choice.
    profile: { name: user.name, locale: user.locale, timeZone: user.timeZone ?? resolveTimeZone(request, user).timeZone },
    idleHours: Math.round(getEnv().SESSION_IDLE_TIMEOUT_MINUTES / 60),
    sessions: sessions.map((session) => ({
      handle: session.handle,
      current: session.current,
      ...describeUserAgent(session.userAgent),
      ipAddress: session.ipAddress,
      createdAt: session.createdAt.toISOString(),
      lastSeenAt: session.lastSeenAt.toISOString(),
    })),
  }
}

export async function handleSettings(request: Request) {
  const user = await requireUser(request)
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const intent = formData.get('intent')

  if (intent === 'change-password') {
    const submission = parseWithZod(formData, { schema: ChangePasswordSchema })
    const hideFields = ['currentPassword', 'newPassword', 'confirmPassword']
    if (submission.status !== 'success') return data({ intent, result: submission.reply({ hideFields }) }, { status: 400 })
    // The current password is a secret a stolen session could guess at: same budget as sign-in.
    const ip = getClientIp(request)
    const verdict = await consumeLoginAttempt(ip, user.email)
    if (!verdict.allowed) {
      return data(
        { intent, result: submission.reply({ formErrors: [`errors.tooManyAttempts|${Math.ceil(verdict.retryAfterSeconds / 60)}`], hideFields }) },
        { status: 429, headers: { 'Retry-After': String(verdict.retryAfterSeconds) } },
      )
    }
    try {
      await changePassword({ userId: user.id, currentPassword: submission.value.currentPassword, newPassword: submission.value.newPassword })
    } catch (error) {
      return formErrorFromDomain(submission, error, { only: ACCOUNT_ERRORS, hideFields, extra: { intent } })
    }
    // Every session ended with the old password; this device gets a new one (a new id: rotation).
    const cookie = await createUserSession(user.id, { userAgent: request.headers.get('User-Agent'), ipAddress: ip })
    return redirectWithToast('/settings', 'account.password.changed', { headers: { 'Set-Cookie': cookie } })
  }

  if (intent === 'revoke-session') {
    const submission = parseWithZod(formData, { schema: RevokeSessionSchema })
    if (submission.status !== 'success') return data({ intent, result: submission.reply() }, { status: 400 })
    // Only the user's own sessions match; another's handle ends nothing.
    if (!(await revokeUserSession(user.id, submission.value.session))) throw data({ reason: 'not-found' }, { status: 404 })
    return redirectWithToast('/settings', 'account.sessions.revoked')
  }

  if (intent === 'revoke-other-sessions') {
    const submission = parseWithZod(formData, { schema: RevokeOtherSessionsSchema })
    if (submission.status !== 'success') return data({ intent, result: submission.reply() }, { status: 400 })
    const currentId = await readSessionId(request.headers.get('Cookie'))
    if (currentId) await revokeOtherSessions(user.id, currentId)
    return redirectWithToast('/settings', 'account.sessions.othersRevoked')
  }

  const submission = parseWithZod(formData, { schema: ProfileSchema })
  if (submission.status !== 'success') return data({ intent: 'profile', result: submission.reply() }, { status: 400 })
  const { intent: _intent, ...profile } = submission.value
  await updateAccountProfile(user, profile)
  return redirectWithToast('/settings', 'settings.saved', { headers: { 'Set-Cookie': await localeCookie.serialize(profile.locale) } })
}
