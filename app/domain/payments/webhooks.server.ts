import type Stripe from 'stripe'
import type { Prisma } from '~/generated/prisma/client'
import { getPrisma } from '~/domain/db.server'
import { flushNotificationEmails } from '~/domain/notifications/notify.server'
import { getLogger } from '~/utils/logger.server'
import { canTransition, type OrderStatusName } from './order-status'
import { getStripeClient, getWebhookSecret, isPaymentsEnabled } from './stripe.server'
import { moveOrder, notifyOrderMoved, ORDER_HEAD_SELECT, type OrderHead } from './transitions.server'

// Stripe → Tradecast. The HTTP layer (server/stripe-webhook.ts) hands over the raw body and the
// Stripe-Signature header; everything else happens here:
//  - the signature is checked on the exact bytes received (tampered body, wrong secret, or a timestamp
//    older than 5 minutes → 400, nothing changes);
//  - each event id is recorded in PaymentEvent in the same transaction as its effect, so a duplicate
//    or replayed event changes nothing;
//  - effects go through the order state machine, so an event arriving late never moves an order back
//    (`expired` after `completed` leaves PAID; `completed` after `refunded` leaves REFUNDED);
//  - an event that cannot be matched yet (a refund for a payment we have not seen) answers 500 without
//    being recorded, so Stripe delivers it again later and nothing is lost.

type Tx = Prisma.TransactionClient
export type WebhookResult = { status: number; body: { received: boolean; outcome?: string; error?: string } }

class RetryLater extends Error {}

const HANDLED = new Set([
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'checkout.session.expired',
  'payment_intent.payment_failed',
  'charge.refunded',
])

export async function handleStripeWebhook(rawBody: Buffer | string, signature: string | null | undefined, now = new Date()): Promise<WebhookResult> {
  const logger = getLogger()
  if (!isPaymentsEnabled()) {
    logger.error('stripe webhook refused: payments are not configured (STRIPE_SECRET_KEY / STRIPE_WEBHOOK_SECRET)')
    return { status: 503, body: { received: false, error: 'payments-disabled' } }
  }
  if (!signature) {
    logger.warn({ bytes: rawBody.length }, 'stripe webhook refused: no Stripe-Signature header')
    return { status: 400, body: { received: false, error: 'missing-signature' } }
  }
  let event: Stripe.Event
  try {
    event = getStripeClient().webhooks.constructEvent(rawBody, signature, getWebhookSecret())
  } catch (error) {
    // Wrong secret, tampered payload and a too-old timestamp all land here.
    logger.warn({ reason: (error as Error).message, bytes: rawBody.length }, 'stripe webhook refused: signature verification failed')
    return { status: 400, body: { received: false, error: 'bad-signature' } }
  }
  const log = logger.child({ stripeEventId: event.id, stripeEventType: event.type })
  if (!HANDLED.has(event.type)) {
    log.info('stripe webhook: event type not handled; acknowledged')
    return { status: 200, body: { received: true, outcome: 'ignored' } }
  }
  const prisma = await getPrisma()
  let emails: string[] = []
  let outcome: string
  try {
    outcome = await prisma.$transaction(async (tx) => {
      const claimed = await tx.paymentEvent.createMany({ data: [{ id: event.id, type: event.type, processedAt: now }], skipDuplicates: true })
      if (claimed.count === 0) return 'duplicate'
      const result = await applyEvent(tx, event, now)
      emails = result.emails
      return result.outcome
    })
  } catch (error) {
    if (error instanceof RetryLater) {
      log.warn({ reason: error.message }, 'stripe webhook: cannot apply yet; answered 500 so Stripe retries')
      return { status: 500, body: { received: false, error: 'retry-later' } }
    }
    throw error
  }
  await flushNotificationEmails(emails)
  const level = outcome === 'duplicate' || outcome.startsWith('ignored') ? 'info' : outcome.startsWith('refused') ? 'error' : 'info'
  log[level]({ outcome }, `stripe webhook: ${outcome}`)
  return { status: 200, body: { received: true, outcome } }
}

type Applied = { outcome: string; emails: string[] }

async function applyEvent(tx: Tx, event: Stripe.Event, now: Date): Promise<Applied> {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded':
      return onSessionPaid(tx, event.data.object, now)
    case 'checkout.session.expired':
      return onSessionExpired(tx, event.data.object, now)
    case 'checkout.session.async_payment_failed':
      return { outcome: `payment failed for order ${orderIdOfSession(event.data.object) ?? '?'}; order stays pending`, emails: [] }
    case 'payment_intent.payment_failed': {
      const intent = event.data.object
      return {
        outcome: `payment failed for order ${(intent.metadata as Stripe.Metadata | null)?.orderId ?? '?'} (${intent.last_payment_error?.code ?? 'unknown'}); order stays pending`,
        emails: [],
      }
    }
    case 'charge.refunded':
      return onChargeRefunded(tx, event.data.object, now)
    default:
      return { outcome: 'ignored', emails: [] }
  }
}

function orderIdOfSession(session: Stripe.Checkout.Session): string | null {
  return session.metadata?.orderId ?? session.client_reference_id ?? null
}

async function findOrderForSession(tx: Tx, session: Stripe.Checkout.Session): Promise<OrderHead | null> {
  const bySession = await tx.order.findUnique({ where: { stripeCheckoutSessionId: session.id }, select: ORDER_HEAD_SELECT })
  if (bySession) return bySession
  // The session id is stored right after creation; a very fast payment may beat that write.
  const orderId = orderIdOfSession(session)
  if (!orderId) return null
  const order = await tx.order.findUnique({ where: { id: orderId }, select: ORDER_HEAD_SELECT })
  return order && (order.stripeCheckoutSessionId === null || order.stripeCheckoutSessionId === session.id) ? order : null
}

function idOf(value: string | { id: string } | null | undefined): string | null {
  return typeof value === 'string' ? value : (value?.id ?? null)
}

async function onSessionPaid(tx: Tx, session: Stripe.Checkout.Session, now: Date): Promise<Applied> {
  const order = await findOrderForSession(tx, session)
  if (!order) return { outcome: `refused: no order for checkout session ${session.id}`, emails: [] }
  if (session.payment_status !== 'paid')
    return { outcome: `ignored: session ${session.id} is ${session.payment_status}; order ${order.id} stays ${order.status}`, emails: [] }
  // The charge must be exactly what our database says the order costs.
  const amountMatches = session.amount_total === order.totalAmountMinor && (session.currency ?? '').toUpperCase() === order.currency.toUpperCase()
  if (!amountMatches) {
    return {
      outcome: `refused: amount mismatch for order ${order.id} (paid ${session.amount_total} ${session.currency}, expected ${order.totalAmountMinor} ${order.currency}); not marked paid`,
      emails: [],
    }
  }
  const paymentIntentId = idOf(session.payment_intent)
  const links = { stripeCheckoutSessionId: session.id, ...(paymentIntentId ? { stripePaymentIntentId: paymentIntentId } : {}) }
  if (!canTransition(order.kind, order.status, 'PAID')) {
    // Late or replayed: never move back, but keep the payment link for refunds.
    if (!order.stripePaymentIntentId && paymentIntentId) await tx.order.update({ where: { id: order.id }, data: { stripePaymentIntentId: paymentIntentId } })
    return { outcome: `ignored: order ${order.id} is already ${order.status}`, emails: [] }
  }
  if (order.status === 'CANCELLED') getLogger().warn({ orderId: order.id }, 'payment confirmed for a cancelled order; marking it paid')
  const moved = await moveOrder(tx, order, 'PAID', now, links)
  if (!moved) throw new Error(`order ${order.id} changed during the webhook`)
  if (order.kind === 'BOOTH_FEE' && order.boothId) {
    // Paying the fee is what the booth was waiting for.
    await tx.booth.updateMany({ where: { id: order.boothId, approvedAt: null }, data: { approvedAt: now } })
  }
  return { outcome: `order ${order.id} paid`, emails: await notifyOrderMoved(tx, order, 'PAID') }
}

async function onSessionExpired(tx: Tx, session: Stripe.Checkout.Session, now: Date): Promise<Applied> {
  const order = await findOrderForSession(tx, session)
  if (!order) return { outcome: `ignored: no order for checkout session ${session.id}`, emails: [] }
  if (order.status !== 'PENDING') return { outcome: `ignored: order ${order.id} is already ${order.status}`, emails: [] }
  await moveOrder(tx, order, 'CANCELLED', now)
  return { outcome: `order ${order.id} cancelled (checkout expired)`, emails: [] }
}

async function onChargeRefunded(tx: Tx, charge: Stripe.Charge, now: Date): Promise<Applied> {
  const paymentIntentId = idOf(charge.payment_intent)
  let order = paymentIntentId ? await tx.order.findUnique({ where: { stripePaymentIntentId: paymentIntentId }, select: ORDER_HEAD_SELECT }) : null
  if (!order && (charge.metadata as Stripe.Metadata | null)?.orderId) {
    const candidate = await tx.order.findUnique({ where: { id: charge.metadata.orderId }, select: ORDER_HEAD_SELECT })
    if (candidate && (!candidate.stripePaymentIntentId || candidate.stripePaymentIntentId === paymentIntentId)) order = candidate
  }
  // A refund for a payment we have not recorded yet: let Stripe retry after checkout.session.completed.
  if (!order) throw new RetryLater(`no order for payment intent ${paymentIntentId ?? '?'}`)
  if (!charge.refunded || charge.amount_refunded < charge.amount) {
    return {
      outcome: `ignored: partial refund (${charge.amount_refunded} of ${charge.amount}) on order ${order.id}; partial refunds are not modelled`,
      emails: [],
    }
  }
  // The status as it is now, locked: a seller marking the order shipped or delivered at this moment either waits for
  // the refund or has committed, and the refund moves the order from there (REFUNDED is reachable from each).
  const [current] = await tx.$queryRaw<Array<{ status: OrderStatusName }>>`SELECT "status"::text AS "status" FROM "Order" WHERE "id" = ${order.id} FOR UPDATE`
  if (current) order = { ...order, status: current.status }
  if (!canTransition(order.kind, order.status, 'REFUNDED')) return { outcome: `ignored: order ${order.id} is already ${order.status}`, emails: [] }
  const moved = await moveOrder(tx, order, 'REFUNDED', now, paymentIntentId && !order.stripePaymentIntentId ? { stripePaymentIntentId: paymentIntentId } : {})
  // Never recorded as processed without the move: rolled back, Stripe delivers the refund again.
  if (!moved) throw new Error(`order ${order.id} changed during the webhook`)
  // A refunded booth fee withdraws the booth's approval that the payment gave.
  if (order.kind === 'BOOTH_FEE' && order.boothId) await tx.booth.updateMany({ where: { id: order.boothId }, data: { approvedAt: null } })
  return { outcome: `order ${order.id} refunded`, emails: await notifyOrderMoved(tx, order, 'REFUNDED') }
}
