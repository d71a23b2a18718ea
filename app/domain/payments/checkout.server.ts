import type Stripe from 'stripe'
import type { Locale } from '~/lib/i18n'
import { getStripeClient } from './stripe.server'

// Outgoing Stripe calls. Every creating call carries an Idempotency-Key derived from our order id, so a
// retried request (network blip, double click) never makes a second Checkout Session or refund.

/** Checkout Sessions may live 30 minutes to 24 hours; an hour is plenty for a sample or a booth fee. */
export const CHECKOUT_TTL_SECONDS = 60 * 60

export type CheckoutLine = {
  orderId: string
  kind: 'SAMPLE' | 'BOOTH_FEE'
  name: string
  description?: string
  quantity: number
  /** From the database, in minor units of `currency` (Stripe's unit_amount is in the same units) */
  unitAmountMinor: number
  currency: string
  customerEmail?: string
  /** The payer's language: Stripe's page speaks it where Stripe can (Mongolian: the browser's choice). */
  locale: Locale
  successUrl: string
  cancelUrl: string
}

/** Stripe Checkout's name for a UI locale; `auto` (the browser's language) where Stripe has none. */
export const STRIPE_CHECKOUT_LOCALE: Record<Locale, Stripe.Checkout.SessionCreateParams.Locale> = {
  en: 'en',
  ko: 'ko',
  'zh-Hans': 'zh',
  ja: 'ja',
  ru: 'ru',
  mn: 'auto',
}

export async function createCheckoutSession(line: CheckoutLine, now = new Date()): Promise<{ id: string; url: string }> {
  const metadata = { orderId: line.orderId, kind: line.kind }
  const session = await getStripeClient().checkout.sessions.create(
    {
      mode: 'payment',
      locale: STRIPE_CHECKOUT_LOCALE[line.locale],
      client_reference_id: line.orderId,
      metadata,
      payment_intent_data: { metadata },
      line_items: [
        {
          quantity: line.quantity,
          price_data: {
            currency: line.currency.toLowerCase(),
            unit_amount: line.unitAmountMinor,
            product_data: { name: line.name.slice(0, 250), ...(line.description ? { description: line.description.slice(0, 500) } : {}) },
          },
        },
      ],
      ...(line.customerEmail ? { customer_email: line.customerEmail } : {}),
      success_url: line.successUrl,
      cancel_url: line.cancelUrl,
      expires_at: Math.floor(now.getTime() / 1000) + CHECKOUT_TTL_SECONDS,
    },
    { idempotencyKey: `tradecast-checkout-${line.orderId}` },
  )
  if (!session.url) throw new Error(`Checkout Session ${session.id} has no url`)
  return { id: session.id, url: session.url }
}

export async function retrieveCheckoutSession(sessionId: string): Promise<Stripe.Checkout.Session> {
  return getStripeClient().checkout.sessions.retrieve(sessionId)
}

/** Ends an open session so it can no longer be paid; Stripe refuses this for a completed session. */
export async function expireCheckoutSession(sessionId: string): Promise<Stripe.Checkout.Session> {
  return getStripeClient().checkout.sessions.expire(sessionId, {}, { idempotencyKey: `tradecast-expire-${sessionId}` })
}

export async function createRefund(orderId: string, paymentIntentId: string): Promise<Stripe.Refund> {
  return getStripeClient().refunds.create(
    { payment_intent: paymentIntentId, reason: 'requested_by_customer', metadata: { orderId } },
    { idempotencyKey: `tradecast-refund-${orderId}` },
  )
}
