import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect } from 'react-router'
import { requirePermission } from '~/domain/accounts/permissions.server'
import { OrderError } from '~/domain/payments/errors'
import { createSampleOrder } from '~/domain/payments/orders.server'
import { SampleOrderSchema } from '~/domain/payments/schemas'
import { validateCsrf } from '~/utils/csrf.server'
import { consumeTradeBudget } from '~/utils/rate-limit.server'
import { appOrigin, getClientIp } from '~/utils/request.server'
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
      return redirectWithToast(redirectTo, 'payments.toast.freeOrdered')
    }
    return redirect(redirectTo)
  } catch (error) {
    if (error instanceof OrderError) {
      const wait = error.retryAfterSeconds
      const message = wait === undefined ? `payments.errors.${error.code}` : `payments.errors.${error.code}|${Math.ceil(wait / 60)}`
      return data({ sampleResult: submission.reply({ formErrors: [message] }) }, { status: error.status, headers: wait === undefined ? undefined : { 'Retry-After': String(wait) } })
    }
    throw error
  }
}
