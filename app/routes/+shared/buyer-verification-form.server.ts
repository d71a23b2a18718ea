import { parseWithZod } from '@conform-to/zod/v4'
import { data } from 'react-router'
import type { SessionUser } from '~/domain/accounts/session.server'
import { applyBuyerVerification } from '~/domain/buyers/verification.server'
import { BuyerVerificationActionSchema, VERIFY_BUYER_INTENTS } from '~/domain/buyers/verification-schema'
import { requestNow } from '~/utils/clock.server'
import { domainFormReply } from '~/utils/route-errors.server'
import { redirectWithToast } from '~/utils/toast.server'

// Verified buyers' forms (docs/verified-buyers.md), answered the same way on the admin's buyers list
// (routes/admin/buyers.server.ts) and on a fair's registrations (routes/organizer/fairs/fair.server.ts,
// which passes the fair). Shared by two areas, so it lives here rather than in either route.

export function isBuyerVerificationIntent(intent: FormDataEntryValue | null): boolean {
  return typeof intent === 'string' && (VERIFY_BUYER_INTENTS as readonly string[]).includes(intent)
}

/**
 * Verify or revoke a buyer from a posted form (CSRF already checked). A form error comes back as
 * `{ result, buyerId }` with every message at form level (the page shows them next to that buyer);
 * success redirects to `redirectTo` with a toast.
 */
export async function handleBuyerVerificationForm(
  request: Request,
  user: Pick<SessionUser, 'id' | 'role' | 'name'>,
  formData: FormData,
  { fairId, redirectTo }: { fairId: string | null; redirectTo: string },
) {
  const submission = parseWithZod(formData, { schema: BuyerVerificationActionSchema })
  const rawBuyerId = formData.get('buyerId')
  const buyerId = typeof rawBuyerId === 'string' ? rawBuyerId : null
  if (submission.status !== 'success') {
    const messages = [...new Set(Object.values(submission.error ?? {}).flatMap((errors) => errors ?? []))]
    return data({ result: submission.reply({ formErrors: messages }), buyerId }, { status: 400 })
  }
  try {
    await applyBuyerVerification(user, submission.value, { fairId, now: requestNow(request) })
  } catch (error) {
    const { reply, init } = domainFormReply(submission, error, { only: ['not-verified', 'conflict', 'not-your-verification'] })
    return data({ result: reply, buyerId }, init)
  }
  return redirectWithToast(redirectTo, submission.value.intent === 'verify-buyer' ? 'buyerVerification.toast.verified' : 'buyerVerification.toast.revoked')
}
