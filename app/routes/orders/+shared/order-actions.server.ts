import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect } from 'react-router'
import { requireUser } from '~/domain/accounts/session.server'
import { requireOrderAccess, requireOrderSide } from '~/domain/payments/access.server'
import { ORDER_ERRORS } from '~/domain/payments/errors'
import { cancelPendingOrder, fulfilOrder, requestRefund, resumeCheckout } from '~/domain/payments/orders.server'
import { BuyerOrderSchema, FulfilmentSchema } from '~/domain/payments/schemas'
import { validateCsrf } from '~/utils/csrf.server'
import { formErrorFromDomain } from '~/utils/route-errors.server'
import { redirectWithToast } from '~/utils/toast.server'

/**
 * Every order action, for /orders/:orderId (pass its id) and /exporter/orders (the id comes from the
 * form). Payer: pay (back to Checkout), cancel. Seller: ship, deliver, refund. Access is checked per
 * order, so a form naming someone else's order gets a 404.
 */
export async function handleOrderAction(request: Request, { orderId: urlOrderId, back }: { orderId?: string; back: (orderId: string) => string }) {
  const user = await requireUser(request)
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const intent = formData.get('intent')

  if (intent === 'pay' || intent === 'cancel') {
    const submission = parseWithZod(formData, { schema: BuyerOrderSchema })
    if (submission.status !== 'success' || !urlOrderId) throw data({ reason: 'invalid' }, { status: 400 })
    const { side } = await requireOrderAccess(user, urlOrderId)
    requireOrderSide(side, 'payer')
    try {
      if (submission.value.intent === 'pay') return redirect(await resumeCheckout(urlOrderId))
      await cancelPendingOrder(urlOrderId)
      return await redirectWithToast(back(urlOrderId), 'payments.toast.cancelled')
    } catch (error) {
      return formErrorFromDomain(submission, error, { only: ORDER_ERRORS, extra: { orderId: urlOrderId } })
    }
  }

  const submission = parseWithZod(formData, { schema: FulfilmentSchema })
  if (submission.status !== 'success') {
    const orderId = formData.get('orderId')
    return data({ result: submission.reply(), orderId: typeof orderId === 'string' ? orderId : '' }, { status: 400 })
  }
  const input = submission.value
  if (urlOrderId && input.orderId !== urlOrderId) throw data({ reason: 'invalid' }, { status: 400 })
  const { side } = await requireOrderAccess(user, input.orderId)
  requireOrderSide(side, 'seller')
  try {
    switch (input.intent) {
      case 'ship':
        await fulfilOrder(input.orderId, 'SHIPPED', { trackingNumber: input.trackingNumber })
        return await redirectWithToast(back(input.orderId), 'payments.toast.shipped')
      case 'deliver':
        await fulfilOrder(input.orderId, 'DELIVERED')
        return await redirectWithToast(back(input.orderId), 'payments.toast.delivered')
      case 'refund':
        await requestRefund(input.orderId, user.id)
        return await redirectWithToast(back(input.orderId), 'payments.toast.refundRequested')
    }
  } catch (error) {
    return formErrorFromDomain(submission, error, { only: ORDER_ERRORS, extra: { orderId: input.orderId } })
  }
}
