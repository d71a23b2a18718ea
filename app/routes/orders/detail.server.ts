import { requireUser } from '~/domain/accounts/session.server'
import { requireOrderAccess, sellerMayRefund } from '~/domain/payments/access.server'
import { getOrderView } from '~/domain/payments/queries.server'
import { isPaymentsEnabled } from '~/domain/payments/stripe.server'
import { resolveLocale } from '~/utils/preferences.server'

/**
 * Never marks anything paid: after Checkout the payer lands here (?checkout=success) and sees
 * "payment processing" until the signed webhook has moved the order.
 */
export async function loadOrderDetail(request: Request, orderId: string) {
  const user = await requireUser(request)
  const { side, kind } = await requireOrderAccess(user, orderId)
  const locale = await resolveLocale(request, user)
  const checkout = new URL(request.url).searchParams.get('checkout')
  return {
    side,
    canRefund: side === 'seller' && sellerMayRefund(user, kind),
    order: await getOrderView(orderId, locale),
    checkout: checkout === 'success' || checkout === 'cancelled' ? checkout : null,
    paymentsEnabled: isPaymentsEnabled(),
  }
}
