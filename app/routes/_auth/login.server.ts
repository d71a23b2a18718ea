import { parseWithZod } from '@conform-to/zod/v4'
import { data } from 'react-router'
import { authenticate } from '~/domain/accounts/accounts.server'
import { DASHBOARD_PATH } from '~/domain/accounts/permissions'
import { LoginSchema } from '~/domain/accounts/schemas'
import { createUserSession } from '~/domain/accounts/session.server'
import { validateCsrf } from '~/utils/csrf.server'
import { getLogger } from '~/utils/logger.server'
import { settleLocaleAtSignIn } from '~/utils/preferences.server'
import { consumeLoginAttempt, resetLoginAttempts } from '~/utils/rate-limit.server'
import { getClientIp, safeRedirectPath } from '~/utils/request.server'
import { redirectWithToast } from '~/utils/toast.server'

export async function handleLogin(request: Request) {
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: LoginSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 })
  }
  const { email, password, redirectTo } = submission.value
  const ip = getClientIp(request)
  const verdict = await consumeLoginAttempt(ip, email)
  if (!verdict.allowed) {
    getLogger().warn({ ip, email }, 'login rate limited')
    return data(
      {
        result: submission.reply({
          formErrors: [`errors.tooManyAttempts|${Math.ceil(verdict.retryAfterSeconds / 60)}`],
          hideFields: ['password'],
        }),
      },
      { status: 429, headers: { 'Retry-After': String(verdict.retryAfterSeconds) } },
    )
  }
  const user = await authenticate(email, password)
  if (!user) {
    return data({ result: submission.reply({ formErrors: ['errors.invalidCredentials'], hideFields: ['password'] }) }, { status: 400 })
  }
  await resetLoginAttempts(ip, email)
  const headers = new Headers()
  headers.append('Set-Cookie', await createUserSession(user.id, { userAgent: request.headers.get('User-Agent'), ipAddress: ip }))
  for (const cookie of (await settleLocaleAtSignIn(request, user)).cookies) headers.append('Set-Cookie', cookie)
  return redirectWithToast(safeRedirectPath(redirectTo, DASHBOARD_PATH[user.role]), 'auth.welcomeBack', { headers })
}
