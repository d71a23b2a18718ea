import { randomBytes } from 'node:crypto'
import type { Server } from 'node:http'
import express from 'express'
import Stripe from 'stripe'
import { resetEnvCache } from '~/utils/env.server'
import { mountStripeWebhook } from '../server/stripe-webhook'
import { startStripeMock, type StripeMock } from './mocks/stripe-server'

// Payments test harness: the real Express webhook route on a local port, the Stripe fake pointed at
// it, and the STRIPE_* environment pointing the app's SDK at the fake.

export type PaymentsHarness = {
  mock: StripeMock
  webhookUrl: string
  secret: string
  /** POST a body to /webhooks/stripe as Stripe would; returns status and JSON body */
  post: (
    payload: string,
    signature: string | null,
    contentType?: string,
  ) => Promise<{ status: number; body: { received: boolean; outcome?: string; error?: string } }>
  /** Sign like Stripe; defaults to the configured secret and now */
  sign: (payload: string, options?: { secret?: string; timestamp?: number }) => string
  disablePayments: () => () => void
  close: () => Promise<void>
}

const signer = new Stripe('sk_test_signer')

export async function startPaymentsHarness(): Promise<PaymentsHarness> {
  const secret = `whsec_test_${randomBytes(12).toString('hex')}`
  const app = express()
  mountStripeWebhook(app)
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s))
  })
  const address = server.address()
  const webhookUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/webhooks/stripe`
  const mock = await startStripeMock({ webhookUrl, webhookSecret: secret })
  const env = { STRIPE_SECRET_KEY: 'sk_test_vitest', STRIPE_WEBHOOK_SECRET: secret, STRIPE_API_BASE: mock.url }
  Object.assign(process.env, env)
  resetEnvCache()
  return {
    mock,
    webhookUrl,
    secret,
    async post(payload, signature, contentType = 'application/json') {
      const response = await fetch(webhookUrl, {
        method: 'POST',
        headers: { 'Content-Type': contentType, ...(signature ? { 'Stripe-Signature': signature } : {}) },
        body: payload,
      })
      return { status: response.status, body: (await response.json()) as { received: boolean; outcome?: string } }
    },
    sign: (payload, options = {}) =>
      signer.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? secret, ...(options.timestamp ? { timestamp: options.timestamp } : {}) }),
    disablePayments() {
      delete process.env.STRIPE_SECRET_KEY
      delete process.env.STRIPE_WEBHOOK_SECRET
      resetEnvCache()
      return () => {
        Object.assign(process.env, env)
        resetEnvCache()
      }
    },
    async close() {
      await mock.close()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      for (const key of Object.keys(env)) Reflect.deleteProperty(process.env, key)
      resetEnvCache()
    },
  }
}

/** Waits until `check` returns a truthy value (webhooks from the fake arrive asynchronously). */
export async function eventually<T>(check: () => Promise<T | null | undefined | false>, timeoutMs = 3000): Promise<T> {
  const started = Date.now()
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}
