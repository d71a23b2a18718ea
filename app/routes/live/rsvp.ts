import { parseWithZod } from '@conform-to/zod/v4'
import { data } from 'react-router'
import type { Route } from './+types/rsvp'
import { getOptionalUser } from '~/domain/accounts/session.server'
import { isReminderMailOff, requestGuestRsvp, resubscribeReminderMail, setAccountRsvp } from '~/domain/engagement/rsvps.server'
import { AccountRsvpSchema, GuestRsvpSchema } from '~/domain/engagement/schemas'
import { requestNow } from '~/utils/clock.server'
import { validateCsrf } from '~/utils/csrf.server'
import { consumeRateLimit } from '~/utils/rate-limit.server'
import { appOrigin, getClientIp, safeRedirectPath } from '~/utils/request.server'
import { formErrorFromDomain } from '~/utils/route-errors.server'
import { redirectWithToast } from '~/utils/toast.server'

/** Only POST is served here (a GET without a loader would be logged as a server error). */
export function loader() {
  return new Response(null, { status: 405, headers: { Allow: 'POST' } })
}

/**
 * RSVP to a showcase: an account in one click (intent "rsvp", going true/false), back to the page with a
 * toast; a guest with an e-mail address (intent "rsvp-guest"), answered in place with "check your inbox".
 * An account whose address chose "stop all reminder mail" is told so in the toast, and turns mail back on
 * with intent "resubscribe".
 */
export async function action({ request, params }: Route.ActionArgs) {
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const now = requestNow(request)
  const user = await getOptionalUser(request)
  if (user && formData.get('intent') === 'resubscribe') {
    // "Turn reminder mail back on" for the account's own address (shown where its RSVP says mail is off).
    await resubscribeReminderMail(user.email)
    return redirectWithToast(safeRedirectPath(formData.get('returnTo'), `/live/${params.sessionId}`), 'engagement.toast.resubscribed')
  }
  if (user) {
    const submission = parseWithZod(formData, { schema: AccountRsvpSchema })
    if (submission.status !== 'success') return data({ result: submission.reply(), sent: false }, { status: 400 })
    try {
      const going = await setAccountRsvp(user, params.sessionId, submission.value.going, now)
      return await redirectWithToast(
        safeRedirectPath(formData.get('returnTo'), `/live/${params.sessionId}`),
        going ? ((await isReminderMailOff(user.email)) ? 'engagement.toast.rsvpedMailOff' : 'engagement.toast.rsvped') : 'engagement.toast.rsvpWithdrawn',
      )
    } catch (error) {
      return formErrorFromDomain(submission, error, { only: ['rsvp-closed'], extra: { sent: false } })
    }
  }
  const submission = parseWithZod(formData, { schema: GuestRsvpSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), sent: false }, { status: 400 })
  // Each request may mail an address: bounded per client like other unauthenticated mail (password reset).
  const verdict = await consumeRateLimit('guestRsvpByIp', getClientIp(request))
  if (!verdict.allowed) {
    return data(
      { result: submission.reply({ formErrors: ['engagement.rsvp.errors.tooMany'] }), sent: false },
      { status: 429, headers: { 'Retry-After': String(verdict.retryAfterSeconds) } },
    )
  }
  try {
    await requestGuestRsvp(params.sessionId, submission.value, { now, appUrl: appOrigin(request) })
  } catch (error) {
    return formErrorFromDomain(submission, error, { only: ['rsvp-closed'], extra: { sent: false } })
  }
  return data({ result: submission.reply({ resetForm: true }), sent: true })
}
