// `npm run dev:mocks`: the dev server with third parties faked at their network edge only, by the same
// fakes the tests use, so everything of ours (SDK calls, signatures, webhooks) runs as in production.
// Stripe → tests/mocks/stripe-server.ts on STRIPE_MOCK_PORT (12111); its checkout page posts signed
// webhooks back to this server. Real keys in the environment are ignored in this mode.
import { randomBytes } from 'node:crypto'
import { startStripeMock } from '../tests/mocks/stripe-server.ts'

const port = Number(process.env.PORT ?? 3000)
const secret = `whsec_dev_${randomBytes(16).toString('hex')}`
const mock = await startStripeMock({
  port: Number(process.env.STRIPE_MOCK_PORT ?? 12111),
  webhookUrl: `http://localhost:${port}/webhooks/stripe`,
  webhookSecret: secret,
})
Object.assign(process.env, { STRIPE_SECRET_KEY: 'sk_test_dev_mocks', STRIPE_WEBHOOK_SECRET: secret, STRIPE_API_BASE: mock.url })
console.log(`[dev:mocks] Stripe fake on ${mock.url}`)
await import('../server/index.ts')
