import { parseWithZod } from '@conform-to/zod/v4'
import { data } from 'react-router'
import { ACCOUNT_ERRORS, findPasswordResetUser, requestPasswordReset, resetPassword } from '~/domain/accounts/credentials.server'
import { ForgotPasswordSchema, ResetPasswordSchema } from '~/domain/accounts/schemas'
import { clearSessionCookie } from '~/domain/accounts/session.server'
import { validateCsrf } from '~/utils/csrf.server'
import { getLogger } from '~/utils/logger.server'
import { consumeRateLimit } from '~/utils/rate-limit.server'
import { getClientIp } from '~/utils/request.server'
import { formErrorFromDomain } from '~/utils/route-errors.server'
import { redirectWithToast } from '~/utils/toast.server'

/** "Forgot password": one answer whether or not the email has an account. */
export async function handleForgotPassword(request: Request) {
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: ForgotPasswordSchema })
  if (submission.status !== 'success') return data({ sent: false, result: submission.reply() }, { status: 400 })
  const ip = getClientIp(request)
  const byIp = await consumeRateLimit('passwordResetByIp', ip)
  if (!byIp.allowed) {
    return data(
      { sent: false, result: submission.reply({ formErrors: [`account.errors.tooManyResetRequests|${Math.ceil(byIp.retryAfterSeconds / 60)}`] }) },
      { status: 429, headers: { 'Retry-After': String(byIp.retryAfterSeconds) } },
    )
  }
  // Past its budget an inbox gets no more mail, but the answer stays the same: it must not tell
  // whether the address has an account.
  const byEmail = await consumeRateLimit('passwordResetByEmail', submission.value.email)
  if (byEmail.allowed) await requestPasswordReset({ email: submission.value.email })
  else getLogger().warn({ ip }, 'password reset mail suppressed: too many for this email')
  return data({ sent: true, result: submission.reply({ resetForm: true }) })
}

export async function loadPasswordReset(request: Request, token: string) {
  const owner = await findPasswordResetUser(token)
  return { valid: owner !== null, email: owner?.email ?? null }
}

/** Sets the new password; every session of the account ends, this browser's too: sign in afresh. */
export async function handlePasswordReset(request: Request, token: string) {
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: ResetPasswordSchema })
  const hideFields = ['password', 'confirmPassword']
  if (submission.status !== 'success') return data({ result: submission.reply({ hideFields }) }, { status: 400 })
  try {
    await resetPassword({ token, password: submission.value.password })
  } catch (error) {
    return formErrorFromDomain(submission, error, { only: ACCOUNT_ERRORS, hideFields })
  }
  const headers = new Headers()
  headers.append('Set-Cookie', await clearSessionCookie())
  return redirectWithToast('/login', 'account.reset.done', { headers })
}
