import { DomainError, isDomainError } from '~/domain/errors'
import type { SessionUser } from '~/domain/accounts/session.server'
import { getPrisma } from '~/domain/db.server'
import { flushNotificationEmails } from '~/domain/notifications/notify.server'
import { countryName } from '~/lib/countries'
import { createI18n, isSupportedLocale } from '~/lib/i18n'
import { getLogger } from '~/utils/logger.server'
import { createCheckoutSession, createRefund, expireCheckoutSession, retrieveCheckoutSession } from './checkout.server'
import { orderError } from './errors'
import { canTransition } from './order-status'
import type { SampleOrderInput } from './schemas'
import { isPaymentsEnabled } from './stripe.server'
import { requireCompanyRoleNow } from '~/domain/exporters/company-access.server'
import { moveOrder, notifyOrderMoved, ORDER_HEAD_SELECT, type OrderHead, orderReference, productNameOf } from './transitions.server'

export type CheckoutUrls = { origin: string }

function checkoutUrls(origin: string, orderId: string) {
  return {
    successUrl: `${origin}/orders/${orderId}?checkout=success`,
    cancelUrl: `${origin}/orders/${orderId}?checkout=cancelled`,
  }
}

/**
 * The sample price of a product, from the database only. Throws an order error (./errors) when the product offers no
 * samples or the quantity is above its sample policy.
 */
export async function priceSampleOrder(productId: string, quantity: number, locale: string) {
  const prisma = await getPrisma()
  const product = await prisma.product.findFirst({
    where: { id: productId, status: 'PUBLISHED' },
    select: {
      id: true,
      companyId: true,
      sampleAvailable: true,
      samplePriceMinor: true,
      sampleCurrency: true,
      sampleMaxQuantity: true,
      freeSamplesVerifiedOnly: true,
      translations: { select: { locale: true, name: true } },
    },
  })
  if (!product) throw new DomainError('not-found', { status: 404 })
  if (!product.sampleAvailable) throw orderError('no-samples')
  const maxQuantity = product.sampleMaxQuantity ?? 1
  if (!Number.isSafeInteger(quantity) || quantity < 1 || quantity > maxQuantity) throw orderError('over-max')
  const unitAmountMinor = product.samplePriceMinor ?? 0
  const currency = (product.sampleCurrency ?? 'USD').toUpperCase()
  return {
    productId: product.id,
    companyId: product.companyId,
    name: productNameOf(product.translations, locale),
    quantity,
    unitAmountMinor,
    totalAmountMinor: unitAmountMinor * quantity,
    currency,
    freeSamplesVerifiedOnly: product.freeSamplesVerifiedOnly,
  }
}

/**
 * A buyer orders samples. Free samples are confirmed at once (PAID, nothing to charge); priced ones get
 * a PENDING order and a Stripe Checkout Session whose amount comes from `priceSampleOrder`. Only the
 * webhook marks them paid. Returns where to send the buyer next.
 */
export type FreeOrderBudget = () => Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }>

export async function createSampleOrder(
  user: SessionUser,
  input: SampleOrderInput,
  { origin, freeOrderBudget }: CheckoutUrls & { freeOrderBudget?: FreeOrderBudget },
  now = new Date(),
): Promise<{ orderId: string; redirectTo: string }> {
  const buyer = user.buyerProfile
  if (user.role !== 'BUYER' || !buyer) throw new DomainError('forbidden', { status: 403 })
  const locale = isSupportedLocale(user.locale) ? user.locale : 'en'
  const price = await priceSampleOrder(input.productId, input.quantity, locale)
  const prisma = await getPrisma()
  let liveSession: { id: string; fairId: string | null } | null = null
  if (input.liveSessionId) {
    liveSession = await prisma.liveSession.findFirst({ where: { id: input.liveSessionId, companyId: price.companyId }, select: { id: true, fairId: true } })
    if (!liveSession) throw new DomainError('invalid-session', { status: 400 })
  }
  const free = price.totalAmountMinor === 0
  // The exporter keeps free samples for verified buyers (docs/verified-buyers.md): read from the database, now.
  if (free && price.freeSamplesVerifiedOnly) {
    const profile = await prisma.buyerProfile.findUnique({ where: { id: buyer.id }, select: { currentVerificationId: true } })
    if (!profile?.currentVerificationId) throw orderError('verified-buyers-only', 403)
  }
  if (!free && !isPaymentsEnabled()) throw orderError('payments-disabled')
  // Free samples cost the exporter goods and postage with nothing charged: a script could drain them,
  // so each one takes a point of the caller's budget (priced ones are limited by the payment itself).
  if (free && freeOrderBudget) {
    const budget = await freeOrderBudget()
    if (!budget.allowed) throw orderError('too-many-free', 429, budget.retryAfterSeconds)
  }

  const emails: string[] = []
  const order = await prisma.$transaction(async (tx) => {
    const created = await tx.order.create({
      data: {
        kind: 'SAMPLE',
        status: free ? 'PAID' : 'PENDING',
        paidAt: free ? now : null,
        userId: user.id,
        buyerId: buyer.id,
        companyId: price.companyId,
        productId: price.productId,
        liveSessionId: liveSession?.id ?? null,
        fairId: liveSession?.fairId ?? null,
        quantity: price.quantity,
        unitAmountMinor: price.unitAmountMinor,
        totalAmountMinor: price.totalAmountMinor,
        currency: price.currency,
        shippingCountry: input.shippingCountry,
        createdAt: now,
      },
      select: ORDER_HEAD_SELECT,
    })
    if (free) emails.push(...(await notifyOrderMoved(tx, created, 'PAID')))
    return created
  })
  await flushNotificationEmails(emails)
  if (free) return { orderId: order.id, redirectTo: `/orders/${order.id}` }

  const { t } = createI18n(locale)
  try {
    const session = await createCheckoutSession(
      {
        orderId: order.id,
        kind: 'SAMPLE',
        // Stripe's page shows these to the buyer: in their language, the country by its name.
        name: t('payments.checkout.sampleLine', { product: price.name }),
        description: t('payments.checkout.sampleDescription', { reference: orderReference(order.id), country: countryName(input.shippingCountry, locale) }),
        locale,
        quantity: price.quantity,
        unitAmountMinor: price.unitAmountMinor,
        currency: price.currency,
        customerEmail: user.email,
        ...checkoutUrls(origin, order.id),
      },
      now,
    )
    await prisma.order.update({ where: { id: order.id }, data: { stripeCheckoutSessionId: session.id } })
    getLogger().info(
      { orderId: order.id, checkoutSessionId: session.id, amount: price.totalAmountMinor, currency: price.currency },
      'sample order checkout created',
    )
    return { orderId: order.id, redirectTo: session.url }
  } catch (error) {
    getLogger().error({ err: error, orderId: order.id }, 'could not create a Stripe Checkout Session; order cancelled')
    await prisma.order.updateMany({ where: { id: order.id, status: 'PENDING' }, data: { status: 'CANCELLED', cancelledAt: now } })
    throw orderError('checkout-failed', 502)
  }
}

async function loadOrder(orderId: string) {
  const prisma = await getPrisma()
  const order = await prisma.order.findUnique({ where: { id: orderId }, select: ORDER_HEAD_SELECT })
  if (!order) throw new DomainError('not-found', { status: 404 })
  return order
}

/** Seller-side moves that need no money: SHIPPED (with tracking) and DELIVERED. Callers check access. */
export async function fulfilOrder(orderId: string, to: 'SHIPPED' | 'DELIVERED', { trackingNumber }: { trackingNumber?: string } = {}, now = new Date()) {
  const prisma = await getPrisma()
  const emails = await prisma.$transaction(async (tx) => {
    const order = await tx.order.findUnique({ where: { id: orderId }, select: ORDER_HEAD_SELECT })
    if (!order) throw new DomainError('not-found', { status: 404 })
    if (!canTransition(order.kind, order.status, to)) throw orderError('invalid-transition', 409)
    const moved = await moveOrder(tx, order, to, now, to === 'SHIPPED' ? { trackingNumber: trackingNumber ?? null } : {})
    if (!moved) throw orderError('conflict', 409)
    return notifyOrderMoved(tx, order, to)
  })
  await flushNotificationEmails(emails)
}

/**
 * Money leaves the seller, so seeing the order is not enough: a sample is refunded by a member of the
 * exporter whose company role has 'refund:order:own' (read now, not from the session), a booth fee by
 * the fair's organizer.
 */
export async function assertMayRefund(order: Pick<OrderHead, 'kind' | 'companyId' | 'fairId'>, actorId: string): Promise<void> {
  if (order.kind === 'SAMPLE') {
    await requireCompanyRoleNow(actorId, order.companyId, 'refund:order:own')
    return
  }
  const prisma = await getPrisma()
  const fair = order.fairId ? await prisma.tradeFair.findUnique({ where: { id: order.fairId }, select: { organizerId: true } }) : null
  if (fair?.organizerId !== actorId) throw new DomainError('forbidden', { status: 403 })
}

/**
 * Asks Stripe to refund the whole payment. The order stays as it is until Stripe confirms with
 * `charge.refunded` (webhooks.server.ts); meanwhile `refundRequestedAt` lets the UI say so and blocks
 * a second request.
 */
export async function requestRefund(orderId: string, actorId: string, now = new Date()): Promise<void> {
  const order = await loadOrder(orderId)
  await assertMayRefund(order, actorId)
  if (order.status === 'PENDING' || !canTransition(order.kind, order.status, 'REFUNDED')) throw orderError('invalid-transition', 409)
  if (order.totalAmountMinor === 0 || !order.stripePaymentIntentId) throw orderError('nothing-to-refund')
  if (!isPaymentsEnabled()) throw orderError('payments-disabled')
  const prisma = await getPrisma()
  // Claim the request first, so two clicks cannot ask Stripe twice.
  const claimed = await prisma.order.updateMany({ where: { id: order.id, refundRequestedAt: null }, data: { refundRequestedAt: now } })
  if (claimed.count === 0) throw orderError('invalid-transition', 409)
  try {
    const refund = await createRefund(order.id, order.stripePaymentIntentId)
    await prisma.order.update({ where: { id: order.id }, data: { stripeRefundId: refund.id } })
    getLogger().info({ orderId, refundId: refund.id, refundStatus: refund.status, actorId }, 'refund requested; waiting for charge.refunded')
  } catch (error) {
    getLogger().error({ err: error, orderId }, 'Stripe refused the refund')
    await prisma.order.update({ where: { id: order.id }, data: { refundRequestedAt: null } })
    throw orderError('refund-failed', 502)
  }
}

/** Orders (of these ids) with a refund requested and not yet confirmed by Stripe. */
export async function refundPendingIds(orderIds: readonly string[]): Promise<Set<string>> {
  if (orderIds.length === 0) return new Set()
  const prisma = await getPrisma()
  const rows = await prisma.order.findMany({
    where: { id: { in: [...orderIds] }, refundRequestedAt: { not: null }, status: { not: 'REFUNDED' } },
    select: { id: true },
  })
  return new Set(rows.map((row) => row.id))
}

/** The payer goes back to an unpaid order's Checkout page, while its session is still open. */
export async function resumeCheckout(orderId: string): Promise<string> {
  const order = await loadOrder(orderId)
  if (order.status !== 'PENDING' || !order.stripeCheckoutSessionId) throw orderError('session-closed', 409)
  const session = await retrieveCheckoutSession(order.stripeCheckoutSessionId)
  if (session.status !== 'open' || !session.url) throw orderError('session-closed', 409)
  return session.url
}

/**
 * The payer abandons an unpaid order: its session is expired at Stripe first, so it can no longer be
 * paid, then the order is CANCELLED. If Stripe says the session already completed, the order is left
 * for the webhook to mark paid.
 */
export async function cancelPendingOrder(orderId: string, now = new Date()): Promise<void> {
  const order = await loadOrder(orderId)
  if (order.status !== 'PENDING') throw orderError('invalid-transition', 409)
  if (order.stripeCheckoutSessionId) {
    try {
      const session = await expireCheckoutSession(order.stripeCheckoutSessionId)
      if (session.status !== 'expired') throw orderError('already-paid', 409)
    } catch (error) {
      if (isDomainError(error)) throw error
      // Stripe refuses to expire a completed session: the payment went through.
      getLogger().warn({ err: error, orderId }, 'could not expire the Checkout Session; leaving the order for the webhook')
      throw orderError('already-paid', 409)
    }
  }
  const prisma = await getPrisma()
  // The payer did this themselves: no notification. A lost race (the webhook got there first) is fine.
  await prisma.$transaction((tx) => moveOrder(tx, order, 'CANCELLED', now))
}
