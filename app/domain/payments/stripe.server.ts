import Stripe from 'stripe'
import { getEnv } from '~/utils/env.server'
import { getLogger } from '~/utils/logger.server'

// The one place that knows how to reach Stripe. STRIPE_API_BASE points the SDK at a local fake
// (tests/mocks/stripe-server.ts) in tests and in `npm run dev:mocks`; production leaves it unset.

type StripeSettings = { secretKey: string; webhookSecret: string; apiBase: URL | null }

function readSettings(): StripeSettings | null {
  const env = getEnv()
  if (!env.STRIPE_SECRET_KEY || !env.STRIPE_WEBHOOK_SECRET) return null
  return { secretKey: env.STRIPE_SECRET_KEY, webhookSecret: env.STRIPE_WEBHOOK_SECRET, apiBase: env.STRIPE_API_BASE ? new URL(env.STRIPE_API_BASE) : null }
}

/** Payments need both the API key and the webhook secret: without the webhook nothing is ever marked paid. */
export function isPaymentsEnabled(): boolean {
  return readSettings() !== null
}

const cache: { key: string; client: Stripe } | { key: null; client: null } = { key: null, client: null }

export function getStripeClient(): Stripe {
  const settings = readSettings()
  if (!settings) throw new Error('Stripe is not configured (STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET)')
  const key = `${settings.secretKey}|${settings.apiBase?.href ?? ''}`
  if (cache.key === key) return cache.client
  const base = settings.apiBase
  const client = new Stripe(settings.secretKey, {
    maxNetworkRetries: 1,
    timeout: 20_000,
    appInfo: { name: 'Tradecast' },
    ...(base
      ? {
          host: base.hostname,
          port: Number(base.port || (base.protocol === 'https:' ? 443 : 80)),
          protocol: base.protocol === 'https:' ? ('https' as const) : ('http' as const),
        }
      : {}),
  })
  Object.assign(cache, { key, client })
  return client
}

export function getWebhookSecret(): string {
  const settings = readSettings()
  if (!settings) throw new Error('Stripe is not configured')
  return settings.webhookSecret
}

/** A boot-time line for the operator; called once by the HTTP server. */
export function logPaymentsStatus(): void {
  const settings = readSettings()
  const logger = getLogger()
  if (!settings) {
    logger.warn('payments disabled: set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET to enable sample orders and booth fees')
    return
  }
  logger.info({ stripeApi: settings.apiBase?.origin ?? 'api.stripe.com', testMode: settings.secretKey.startsWith('sk_test_') }, 'payments enabled (Stripe)')
}
