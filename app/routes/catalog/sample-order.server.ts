import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect } from 'react-router'
import { requirePermission } from '~/domain/accounts/permissions.server'
import { isDomainError } from '~/domain/errors'
import { ORDER_ERRORS } from '~/domain/payments/errors'
import { createSampleOrder } from '~/domain/payments/orders.server'
import { SampleOrderSchema } from '~/domain/payments/schemas'
import { validateCsrf } from '~/utils/csrf.server'
import { consumeTradeBudget } from '~/utils/rate-limit.server'
import { appOrigin, getClientIp } from '~/utils/request.server'
import { domainFormReply } from '~/utils/route-errors.server'
import { redirectWithToast } from '~/utils/toast.server'

/** "Buy samples" on a product (also posted from the live room): to Stripe Checkout, or to the order. */
export async function handleSampleOrder(request: Request, formData: FormData, productId: string) {
  const user = await requirePermission(request, 'buy:sample')
  await validateCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: SampleOrderSchema })
  if (submission.status !== 'success') return data({ sampleResult: submission.reply() }, { status: 400 })
  // The URL names the product; a different id in the body is refused rather than trusted.
  if (submission.value.productId !== productId) throw data({ reason: 'invalid' }, { status: 400 })
  try {
    const { redirectTo } = await createSampleOrder(user, submission.value, {
      origin: appOrigin(request),
      freeOrderBudget: () => consumeTradeBudget('freeSample', { userId: user.id, ip: getClientIp(request) }),
    })
    if (redirectTo.startsWith('/')) {
      return await redirectWithToast(redirectTo, 'payments.toast.freeOrdered')
    }
    return redirect(redirectTo)
  } catch (error) {
    const wait = isDomainError(error) ? error.retryAfterSeconds : undefined
    // A budget refusal names the minutes to wait (`key|minutes`, read by the form's error list).
    const message = isDomainError(error) && wait !== undefined ? `${error.messageKey}|${Math.ceil(wait / 60)}` : undefined
    const { reply, init } = domainFormReply(submission, error, { only: ORDER_ERRORS, ...(message ? { message } : {}) })
    return data({ sampleResult: reply }, init)
  }
}
