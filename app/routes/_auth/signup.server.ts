import { parseWithZod } from '@conform-to/zod/v4'
import { data } from 'react-router'
import { signUp } from '~/domain/accounts/accounts.server'
import { isDomainError } from '~/domain/errors'
import { DASHBOARD_PATH } from '~/domain/accounts/permissions'
import { SIGNUP_HONEYPOT_FIELD, SignupSchema } from '~/domain/accounts/schemas'
import { createUserSession } from '~/domain/accounts/session.server'
import { validateCsrf } from '~/utils/csrf.server'
import { getLogger } from '~/utils/logger.server'
import { guestLocaleChoice, languageSwitchCookies, resolveLocale } from '~/utils/preferences.server'
import { consumeRateLimit, refundRateLimit } from '~/utils/rate-limit.server'
import { getClientIp, safeRedirectPath } from '~/utils/request.server'
import { formErrorFromDomain } from '~/utils/route-errors.server'
import { redirectWithToast } from '~/utils/toast.server'

export async function handleSignup(request: Request) {
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: SignupSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 })
  }
  const ip = getClientIp(request)
  // A field people never see nor reach: only form-filling robots put something in it.
  const honeypot = formData.get(SIGNUP_HONEYPOT_FIELD)
  if (typeof honeypot === 'string' && honeypot !== '') {
    getLogger().warn({ ip }, 'sign-up refused: honeypot filled')
    return data(
      { result: submission.reply({ formErrors: ['account.errors.signupRefused'], hideFields: ['password', SIGNUP_HONEYPOT_FIELD] }) },
      { status: 400 },
    )
  }
  const budget = await consumeRateLimit('signupByIp', ip)
  if (!budget.allowed) {
    getLogger().warn({ ip }, 'sign-up rate limited')
    return data(
      { result: submission.reply({ formErrors: [`account.errors.tooManySignups|${Math.ceil(budget.retryAfterSeconds / 60)}`], hideFields: ['password'] }) },
      { status: 429, headers: { 'Retry-After': String(budget.retryAfterSeconds) } },
    )
  }
  // The account starts in the language the visitor chose (or, without a choice, the one they are reading).
  const locale = (await guestLocaleChoice(request)) ?? (await resolveLocale(request, null))
  let user: { id: string; role: keyof typeof DASHBOARD_PATH }
  try {
    user = await signUp(submission.value, locale)
  } catch (error) {
    // A taken e-mail keeps its point: otherwise finding out which e-mails have accounts would cost nothing.
    if (isDomainError(error) && error.code === 'email-taken') return formErrorFromDomain(submission, error, { hideFields: ['password'] })
    // The server failed, not the visitor: the point goes back.
    await refundRateLimit('signupByIp', ip)
    throw error
  }
  getLogger().info({ userId: user.id, role: user.role }, 'account created')
  const headers = new Headers()
  headers.append('Set-Cookie', await createUserSession(user.id, { userAgent: request.headers.get('User-Agent'), ipAddress: ip }))
  for (const cookie of await languageSwitchCookies(locale, { signedIn: true })) headers.append('Set-Cookie', cookie)
  // Back to where the visitor was going (an invitation, a product's RFQ), else the role's dashboard.
  return redirectWithToast(safeRedirectPath(formData.get('redirectTo'), DASHBOARD_PATH[user.role]), 'auth.welcome', { headers })
}
