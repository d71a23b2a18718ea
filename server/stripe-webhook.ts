import express, { type Express } from 'express'
import { handleStripeWebhook } from '../app/domain/payments/webhooks.server.ts'
import { logPaymentsStatus } from '../app/domain/payments/stripe.server.ts'

/**
 * POST /webhooks/stripe. Mounted before any body parsing and before React Router: Stripe signs the
 * exact bytes it sends, so the body must reach the verifier raw. All decisions live in
 * app/domain/payments/webhooks.server.ts.
 */
export function mountStripeWebhook(app: Express): void {
  logPaymentsStatus()
  app.post('/webhooks/stripe', express.raw({ type: 'application/json', limit: '1mb' }), async (req, res) => {
    const body: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)
    const result = await handleStripeWebhook(body, req.get('stripe-signature'))
    res.status(result.status).json(result.body)
  })
}
