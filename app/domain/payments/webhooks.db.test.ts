import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createBuyer, createExporter, createProduct } from '../../../tests/fixtures'
import { stripeEvent } from '../../../tests/mocks/stripe-server'
import { startPaymentsHarness, type PaymentsHarness } from '../../../tests/payments'
import { findActiveSessionUser } from '~/domain/accounts/session.server'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { getLogger } from '~/utils/logger.server'
import { createSampleOrder } from './orders.server'
import { gate, waitForBlockedOn } from '../../../tests/lock-waits'

// The webhook endpoint, through the real Express route on a local port with raw bodies and
// Stripe-Signature headers made exactly as Stripe makes them.

let h: PaymentsHarness

beforeAll(async () => {
  await getPrisma()
  h = await startPaymentsHarness()
})
afterAll(async () => {
  await h.close()
  await disconnectPrisma()
})
afterEach(() => {
  vi.restoreAllMocks()
})

/** A PENDING sample order of 2 × $35.00 with an open Checkout Session at the fake. */
async function pendingOrder() {
  const prisma = await getPrisma()
  const exporter = await createExporter()
  const product = await createProduct(exporter.company.id)
  await prisma.product.update({
    where: { id: product.id },
    data: { sampleAvailable: true, samplePriceMinor: 3500, sampleCurrency: 'USD', sampleMaxQuantity: 3 },
  })
  const buyer = await createBuyer()
  const user = (await findActiveSessionUser((await prisma.session.findFirstOrThrow({ where: { userId: buyer.user.id } })).id))!
  const { orderId } = await createSampleOrder(
    user,
    { intent: 'buy-sample', productId: product.id, quantity: 2, shippingCountry: 'US' },
    { origin: 'http://localhost' },
  )
  const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId } })
  const session = h.mock.sessions.get(order.stripeCheckoutSessionId!)!
  return { order, session, exporter, buyer }
}

let counter = 0
function event(type: string, object: unknown, id = `evt_test_${Date.now()}_${counter++}`) {
  return JSON.stringify(stripeEvent(type, object, id))
}

/** The session as Stripe sends it once paid. */
function completed(
  session: { id: string; amount_total: number; currency: string; metadata: Record<string, string>; client_reference_id: string | null },
  overrides: Record<string, unknown> = {},
) {
  return {
    ...session,
    object: 'checkout.session',
    status: 'complete',
    payment_status: 'paid',
    payment_intent: `pi_test_${session.id.slice(-8)}`,
    url: null,
    ...overrides,
  }
}

function refundedCharge(paymentIntent: string, amount: number, metadata: Record<string, string> = {}) {
  return {
    id: `ch_${paymentIntent}`,
    object: 'charge',
    amount,
    amount_refunded: amount,
    refunded: true,
    currency: 'usd',
    payment_intent: paymentIntent,
    metadata,
  }
}

async function deliver(payload: string) {
  return h.post(payload, h.sign(payload))
}

async function statusOf(orderId: string) {
  const prisma = await getPrisma()
  return prisma.order.findUniqueOrThrow({ where: { id: orderId } })
}

describe('signature checks', () => {
  it('refuses a wrong secret, a tampered body, an old timestamp and a missing header — 400, a log line, nothing changed', async () => {
    const { order, session } = await pendingOrder()
    const prisma = await getPrisma()
    const warn = vi.spyOn(getLogger(), 'warn')
    const payload = event('checkout.session.completed', completed(session))

    const wrongSecret = await h.post(payload, h.sign(payload, { secret: 'whsec_not_ours' }))
    const tampered = await h.post(
      payload.replace('"amount_total": 7000', '"amount_total": 1').replace('"amount_total":7000', '"amount_total":1'),
      h.sign(payload),
    )
    const old = await h.post(payload, h.sign(payload, { timestamp: Math.floor(Date.now() / 1000) - 10 * 60 }))
    const missing = await h.post(payload, null)
    const notJson = await h.post(payload, h.sign(payload), 'text/plain')

    for (const response of [wrongSecret, tampered, old, missing, notJson]) {
      expect(response.status).toBe(400)
      expect(response.body.received).toBe(false)
    }
    expect(warn.mock.calls.filter(([, message]) => String(message).includes('signature verification failed'))).toHaveLength(4)
    expect(warn.mock.calls.some(([, message]) => String(message).includes('no Stripe-Signature header'))).toBe(true)
    expect((await statusOf(order.id)).status).toBe('PENDING')
    expect(await prisma.paymentEvent.count({ where: { id: (JSON.parse(payload) as { id: string }).id } })).toBe(0)
  })
})

describe('idempotency and ordering', () => {
  it('acknowledges unknown event types with 200 and records nothing', async () => {
    const prisma = await getPrisma()
    const payload = event('customer.created', { id: 'cus_123', object: 'customer' })
    const response = await deliver(payload)
    expect(response).toMatchObject({ status: 200, body: { received: true, outcome: 'ignored' } })
    expect(await prisma.paymentEvent.count({ where: { id: (JSON.parse(payload) as { id: string }).id } })).toBe(0)
  })

  it('applies the same event once, however often (and however concurrently) it arrives', async () => {
    const { order, session, exporter } = await pendingOrder()
    const prisma = await getPrisma()
    const payload = event('checkout.session.completed', completed(session))
    const [first, second] = await Promise.all([deliver(payload), deliver(payload)])
    expect([first.body.outcome, second.body.outcome].sort()).toEqual(['duplicate', `order ${order.id} paid`].sort())
    const paid = await statusOf(order.id)
    expect(paid.status).toBe('PAID')
    const replay = await deliver(payload)
    expect(replay).toMatchObject({ status: 200, body: { outcome: 'duplicate' } })
    expect((await statusOf(order.id)).paidAt).toEqual(paid.paidAt)
    expect(await prisma.notification.count({ where: { userId: exporter.user.id, kind: 'order.updated' } })).toBe(1)
    expect(await prisma.paymentEvent.count({ where: { id: (JSON.parse(payload) as { id: string }).id } })).toBe(1)
  })

  it('never moves an order back: expired after completed stays PAID; completed after refunded stays REFUNDED', async () => {
    const { order, session } = await pendingOrder()
    const paidSession = completed(session)
    await deliver(event('checkout.session.completed', paidSession))
    const expired = await deliver(event('checkout.session.expired', { ...session, status: 'expired' }))
    expect(expired.body.outcome).toBe(`ignored: order ${order.id} is already PAID`)
    expect((await statusOf(order.id)).status).toBe('PAID')

    await deliver(event('charge.refunded', refundedCharge(paidSession.payment_intent, 7000)))
    expect((await statusOf(order.id)).status).toBe('REFUNDED')
    // Stripe retries an older "completed" under a new delivery: still refunded, nothing paid twice.
    const late = await deliver(event('checkout.session.completed', paidSession))
    expect(late.body.outcome).toBe(`ignored: order ${order.id} is already REFUNDED`)
    const final = await statusOf(order.id)
    expect(final.status).toBe('REFUNDED')
    expect(final.refundedAt).toBeInstanceOf(Date)
  })

  it('answers 500 (not recorded) for a refund of a payment it has not seen yet, so Stripe retries and nothing is lost', async () => {
    const { order, session } = await pendingOrder()
    const prisma = await getPrisma()
    const paidSession = completed(session)
    const refund = event('charge.refunded', refundedCharge(paidSession.payment_intent, 7000))
    const early = await deliver(refund)
    expect(early.status).toBe(500)
    expect(await prisma.paymentEvent.count({ where: { id: (JSON.parse(refund) as { id: string }).id } })).toBe(0)
    await deliver(event('checkout.session.completed', paidSession))
    expect((await statusOf(order.id)).status).toBe('PAID')
    const retried = await deliver(refund)
    expect(retried).toMatchObject({ status: 200, body: { outcome: `order ${order.id} refunded` } })
    expect((await statusOf(order.id)).status).toBe('REFUNDED')
  })

  it('cancels an unpaid order when its session expires', async () => {
    const { order, session } = await pendingOrder()
    await deliver(event('checkout.session.expired', { ...session, status: 'expired', url: null }))
    const cancelled = await statusOf(order.id)
    expect(cancelled.status).toBe('CANCELLED')
    expect(cancelled.cancelledAt).toBeInstanceOf(Date)
  })

  it('keeps the order pending after a failed payment, and records the event', async () => {
    const { order } = await pendingOrder()
    const prisma = await getPrisma()
    const payload = event('payment_intent.payment_failed', {
      id: 'pi_failed',
      object: 'payment_intent',
      metadata: { orderId: order.id },
      last_payment_error: { code: 'card_declined' },
    })
    const response = await deliver(payload)
    expect(response.status).toBe(200)
    expect(response.body.outcome).toContain('card_declined')
    expect((await statusOf(order.id)).status).toBe('PENDING')
    expect(await prisma.paymentEvent.count({ where: { id: (JSON.parse(payload) as { id: string }).id } })).toBe(1)
  })
})

describe('amount checks', () => {
  it('does not mark paid when the paid amount or currency differs from the order, or the payment is not settled', async () => {
    const { order, session } = await pendingOrder()
    const cheaper = await deliver(event('checkout.session.completed', completed(session, { amount_total: 100 })))
    expect(cheaper.body.outcome).toMatch(/^refused: amount mismatch/)
    const otherCurrency = await deliver(event('checkout.session.completed', completed(session, { currency: 'krw' })))
    expect(otherCurrency.body.outcome).toMatch(/^refused: amount mismatch/)
    const unpaid = await deliver(event('checkout.session.completed', completed(session, { payment_status: 'unpaid' })))
    expect(unpaid.body.outcome).toMatch(/^ignored: session .* is unpaid/)
    const otherSession = await deliver(event('checkout.session.completed', completed(session, { id: 'cs_test_someone_else' })))
    expect(otherSession.body.outcome).toMatch(/^refused: no order/)
    expect((await statusOf(order.id)).status).toBe('PENDING')
    // The genuine event still goes through afterwards.
    await deliver(event('checkout.session.completed', completed(session)))
    expect((await statusOf(order.id)).status).toBe('PAID')
  })
})

// Two connections at once: PostgreSQL only (PGlite has one connection).
const onPostgres = Boolean(process.env.TEST_POSTGRES_URL && process.env.DATABASE_URL)

describe.runIf(onPostgres)('a refund racing the seller (PostgreSQL)', () => {
  it('a refund arriving while the seller marks the order shipped refunds it from SHIPPED', async () => {
    const { order, session } = await pendingOrder()
    const prisma = await getPrisma()
    const paidSession = completed(session)
    await deliver(event('checkout.session.completed', paidSession))
    const shipped = gate()
    const commit = gate()
    // The seller's "shipped", holding the order's row until the refund has read it as PAID.
    const shipping = prisma.$transaction(
      async (tx) => {
        await tx.order.update({ where: { id: order.id }, data: { status: 'SHIPPED', shippedAt: new Date() } })
        shipped.open()
        await commit.opened
      },
      { timeout: 20_000 },
    )
    await shipped.opened
    const refund = deliver(event('charge.refunded', refundedCharge(paidSession.payment_intent, 7000)))
    await waitForBlockedOn('"Order"')
    commit.open()
    await shipping
    expect(await refund).toMatchObject({ status: 200, body: { outcome: `order ${order.id} refunded` } })
    const refunded = await statusOf(order.id)
    expect(refunded.status).toBe('REFUNDED')
    expect(refunded.refundedAt).toBeInstanceOf(Date)
  })
})
