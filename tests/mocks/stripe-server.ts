// A test-only stand-in for the few Stripe endpoints Tradecast calls, with Stripe's response shapes.
// Used by vitest (startStripeMock), by Playwright (a second webServer) and by `npm run dev:mocks`.
// It never reaches the internet. Its hosted "Checkout" page at session.url has a Pay button that
// sends a correctly signed `checkout.session.completed` to the app's webhook, then redirects to
// success_url — the same order of events as real Stripe.
//
//   POST /v1/checkout/sessions            create (form-encoded, Idempotency-Key honoured)
//   GET  /v1/checkout/sessions/:id        retrieve
//   POST /v1/checkout/sessions/:id/expire expire an open session (→ checkout.session.expired)
//   POST /v1/refunds                      refund a paid session's payment intent (→ charge.refunded)
//   GET  /checkout/:id                    the hosted page; POST /checkout/:id/pay | /decline
//
// Run standalone: STRIPE_MOCK_PORT=12111 STRIPE_WEBHOOK_URL=http://localhost:3000/webhooks/stripe \
//   STRIPE_WEBHOOK_SECRET=whsec_… tsx tests/mocks/stripe-server.ts
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { pathToFileURL } from 'node:url'
import Stripe from 'stripe'

export type MockSession = {
  id: string
  object: 'checkout.session'
  amount_subtotal: number
  amount_total: number
  cancel_url: string
  client_reference_id: string | null
  created: number
  currency: string
  customer: null
  customer_email: string | null
  expires_at: number
  livemode: false
  metadata: Record<string, string>
  mode: 'payment'
  payment_intent: string | null
  payment_status: 'unpaid' | 'paid'
  status: 'open' | 'complete' | 'expired'
  success_url: string
  url: string | null
  line_items_for_test: Array<{ name: string; quantity: number; unit_amount: number; currency: string }>
  payment_intent_metadata: Record<string, string>
}

export type StripeMockOptions = {
  port?: number
  host?: string
  /** Where to POST signed events; without it events are only recorded (see `events`). */
  webhookUrl?: string
  webhookSecret: string
  /** Used by tests to deliver events in-process instead of over HTTP. */
  deliver?: (payload: string, signature: string) => Promise<void>
}

export type StripeMock = {
  url: string
  port: number
  sessions: Map<string, MockSession>
  /** Every call received, for assertions: method, path, parsed form body and the Idempotency-Key */
  requests: Array<{ method: string; path: string; body: Record<string, unknown>; idempotencyKey: string | null; authorization: string | null }>
  events: Array<{ id: string; type: string; payload: string }>
  /** Event types built and recorded but not sent (e.g. to keep a refund unconfirmed) */
  suppress: Set<string>
  /** Build (and by default send) a signed event, as Stripe would. */
  emit: (type: string, object: unknown, options?: { send?: boolean; timestamp?: number; id?: string }) => Promise<{ payload: string; signature: string }>
  pay: (sessionId: string) => Promise<MockSession>
  close: () => Promise<void>
}

const rand = (n = 14) => randomBytes(n).toString('base64url').replace(/[-_]/g, 'x')

/** Stripe's form encoding: a[b][0][c]=1 → { a: { b: [ { c: '1' } ] } } */
export function parseStripeForm(body: string): Record<string, unknown> {
  const root: Record<string, unknown> = {}
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const parts = rawKey.replace(/\]/g, '').split('[')
    let node: Record<string, unknown> | unknown[] = root
    parts.forEach((part, index) => {
      const last = index === parts.length - 1
      const key: string | number = Array.isArray(node) ? Number(part) : part
      const container = node as Record<string | number, unknown>
      if (last) {
        container[key] = value
        return
      }
      if (container[key] === undefined) container[key] = /^\d+$/.test(parts[index + 1] ?? '') ? [] : {}
      node = container[key] as Record<string, unknown> | unknown[]
    })
  }
  return root
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Request-Id': `req_${rand(10)}` })
  res.end(JSON.stringify(body))
}

function stripeError(res: ServerResponse, status: number, message: string, param?: string) {
  json(res, status, { error: { type: 'invalid_request_error', message, ...(param ? { param } : {}) } })
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

function formatAmount(amount: number, currency: string) {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  return new Intl.NumberFormat('en', { style: 'currency', currency }).format(amount / 10 ** digits)
}

function checkoutPage(session: MockSession): string {
  const lines = session.line_items_for_test
    .map((line) => `<li>${escapeHtml(line.name)} × ${line.quantity} — ${formatAmount(line.unit_amount, line.currency)}</li>`)
    .join('')
  const body =
    session.status === 'open'
      ? `<form method="post" action="/checkout/${session.id}/pay"><button type="submit">Pay ${formatAmount(session.amount_total, session.currency)}</button></form>
         <form method="post" action="/checkout/${session.id}/decline"><button type="submit">Decline card</button></form>
         <p><a href="${escapeHtml(session.cancel_url)}">Cancel and return</a></p>`
      : `<p>This checkout session is ${session.status}.</p>`
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Checkout (test mode)</title></head>
  <body><main><h1>Test checkout</h1><p>Stripe test mode (local fake)</p><ul>${lines}</ul><p>Total: <strong>${formatAmount(session.amount_total, session.currency)}</strong></p>${body}</main></body></html>`
}

/** A webhook event as Stripe's API version of this project writes it. */
export function stripeEvent(type: string, object: unknown, id: string) {
  return {
    id,
    object: 'event',
    api_version: '2026-01-28.clover',
    created: Math.floor(Date.now() / 1000),
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  }
}

export async function startStripeMock(options: StripeMockOptions): Promise<StripeMock> {
  const host = options.host ?? '127.0.0.1'
  const sessions = new Map<string, MockSession>()
  const idempotent = new Map<string, { status: number; body: unknown }>()
  const requests: StripeMock['requests'] = []
  const events: StripeMock['events'] = []
  const refundsByIntent = new Map<string, string>()
  const suppress = new Set<string>()
  const stripe = new Stripe('sk_test_mock_signer')
  let baseUrl = ''

  async function emit(type: string, object: unknown, { send = true, timestamp, id }: { send?: boolean; timestamp?: number; id?: string } = {}) {
    const event = stripeEvent(type, object, id ?? `evt_${rand()}`)
    const payload = JSON.stringify(event, null, 2)
    const signature = stripe.webhooks.generateTestHeaderString({ payload, secret: options.webhookSecret, ...(timestamp ? { timestamp } : {}) })
    events.push({ id: event.id, type, payload })
    if (send && !suppress.has(type)) {
      if (options.deliver) await options.deliver(payload, signature)
      else if (options.webhookUrl) {
        const response = await fetch(options.webhookUrl, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature },
          body: payload,
        })
        if (!response.ok) console.warn(`[stripe-mock] webhook ${type} answered ${response.status}`)
      }
    }
    return { payload, signature }
  }

  function publicSession(session: MockSession) {
    const { line_items_for_test: _lines, payment_intent_metadata: _meta, ...rest } = session
    return rest
  }

  function chargeFor(session: MockSession, refunded: boolean) {
    return {
      id: `ch_${rand()}`,
      object: 'charge',
      amount: session.amount_total,
      amount_captured: session.amount_total,
      amount_refunded: refunded ? session.amount_total : 0,
      captured: true,
      currency: session.currency,
      livemode: false,
      metadata: session.payment_intent_metadata,
      paid: true,
      payment_intent: session.payment_intent,
      refunded,
      status: 'succeeded',
    }
  }

  async function pay(sessionId: string): Promise<MockSession> {
    const session = sessions.get(sessionId)
    if (!session) throw new Error(`no session ${sessionId}`)
    if (session.status !== 'open') return session
    session.status = 'complete'
    session.payment_status = 'paid'
    session.payment_intent = `pi_${rand()}`
    session.url = null
    await emit('checkout.session.completed', publicSession(session))
    return session
  }

  // Node ignores the handler's promise; the try/catch below answers every failure.
  const server: Server = createServer((req, res) => void handle(req, res))
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
    try {
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? host}`)
      const raw = await readBody(req)
      const method = req.method ?? 'GET'
      const path = url.pathname
      if (path === '/healthz') {
        json(res, 200, { status: 'ok' })
        return
      }

      if (path.startsWith('/v1/')) {
        const body = method === 'GET' ? Object.fromEntries(url.searchParams) : parseStripeForm(raw)
        const idempotencyKey = (req.headers['idempotency-key'] as string | undefined) ?? null
        const authorization = req.headers.authorization ?? null
        requests.push({ method, path, body, idempotencyKey, authorization })
        if (!authorization?.startsWith('Bearer sk_')) {
          json(res, 401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } })
          return
        }
        const replayKey = idempotencyKey ? `${method} ${path} ${idempotencyKey}` : null
        if (replayKey && idempotent.has(replayKey)) {
          const saved = idempotent.get(replayKey)!
          res.setHeader('Idempotent-Replayed', 'true')
          json(res, saved.status, saved.body)
          return
        }
        const reply = (status: number, payload: unknown) => {
          if (replayKey && status < 500) idempotent.set(replayKey, { status, body: payload })
          json(res, status, payload)
        }

        if (method === 'POST' && path === '/v1/checkout/sessions') {
          const lineItems =
            (body.line_items as
              Array<{ quantity: string; price_data: { currency: string; unit_amount: string; product_data: { name: string } } }> | undefined) ?? []
          if (body.mode !== 'payment') {
            stripeError(res, 400, 'Only mode=payment is supported by the mock', 'mode')
            return
          }
          if (lineItems.length === 0) {
            stripeError(res, 400, 'line_items is required', 'line_items')
            return
          }
          const currency = lineItems[0]!.price_data.currency
          const lines = lineItems.map((item) => ({
            name: item.price_data.product_data.name,
            quantity: Number(item.quantity),
            unit_amount: Number(item.price_data.unit_amount),
            currency: item.price_data.currency,
          }))
          if (lines.some((line) => !Number.isInteger(line.unit_amount) || line.unit_amount < 0 || !Number.isInteger(line.quantity) || line.quantity < 1)) {
            stripeError(res, 400, 'Invalid line item amount', 'line_items')
            return
          }
          const total = lines.reduce((sum, line) => sum + line.unit_amount * line.quantity, 0)
          const now = Math.floor(Date.now() / 1000)
          const expiresAt = body.expires_at ? Number(body.expires_at) : now + 24 * 3600
          if (expiresAt < now + 30 * 60 - 5 || expiresAt > now + 24 * 3600 + 5) {
            stripeError(res, 400, 'expires_at must be 30 minutes to 24 hours from now', 'expires_at')
            return
          }
          const id = `cs_test_${rand(24)}`
          const session: MockSession = {
            id,
            object: 'checkout.session',
            amount_subtotal: total,
            amount_total: total,
            cancel_url: typeof body.cancel_url === 'string' ? body.cancel_url : '',
            client_reference_id: (body.client_reference_id as string | undefined) ?? null,
            created: now,
            currency,
            customer: null,
            customer_email: (body.customer_email as string | undefined) ?? null,
            expires_at: expiresAt,
            livemode: false,
            metadata: (body.metadata as Record<string, string> | undefined) ?? {},
            mode: 'payment',
            payment_intent: null,
            payment_status: 'unpaid',
            status: 'open',
            success_url: typeof body.success_url === 'string' ? body.success_url : '',
            url: `${baseUrl}/checkout/${id}`,
            line_items_for_test: lines,
            payment_intent_metadata: (body.payment_intent_data as { metadata?: Record<string, string> } | undefined)?.metadata ?? {},
          }
          sessions.set(id, session)
          reply(200, publicSession(session))
          return
        }

        const sessionMatch = /^\/v1\/checkout\/sessions\/([^/]+)(\/expire)?$/.exec(path)
        if (sessionMatch) {
          const session = sessions.get(sessionMatch[1]!)
          if (!session) {
            stripeError(res, 404, `No such checkout.session: '${sessionMatch[1]}'`, 'session')
            return
          }
          if (method === 'GET' && !sessionMatch[2]) {
            json(res, 200, publicSession(session))
            return
          }
          if (method === 'POST' && sessionMatch[2]) {
            if (session.status !== 'open') {
              reply(400, {
                error: {
                  type: 'invalid_request_error',
                  message: `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`,
                },
              })
              return
            }
            session.status = 'expired'
            session.url = null
            reply(200, publicSession(session))
            setTimeout(
              () =>
                void emit('checkout.session.expired', publicSession(session)).catch((error: unknown) =>
                  console.warn('[stripe-mock] event delivery failed', error),
                ),
              20,
            )
            return
          }
        }

        if (method === 'POST' && path === '/v1/refunds') {
          const paymentIntent = typeof body.payment_intent === 'string' ? body.payment_intent : ''
          const session = [...sessions.values()].find((s) => s.payment_intent === paymentIntent && s.payment_status === 'paid')
          if (!session) {
            stripeError(res, 404, `No such payment_intent: '${paymentIntent}'`, 'payment_intent')
            return
          }
          if (refundsByIntent.has(paymentIntent)) {
            reply(400, {
              error: { type: 'invalid_request_error', code: 'charge_already_refunded', message: `Charge for ${paymentIntent} has already been refunded.` },
            })
            return
          }
          const refund = {
            id: `re_${rand()}`,
            object: 'refund',
            amount: session.amount_total,
            currency: session.currency,
            metadata: (body.metadata as Record<string, string> | undefined) ?? {},
            payment_intent: paymentIntent,
            reason: (body.reason as string | undefined) ?? null,
            status: 'succeeded',
            created: Math.floor(Date.now() / 1000),
          }
          refundsByIntent.set(paymentIntent, refund.id)
          reply(200, refund)
          // Real Stripe confirms asynchronously; so does the mock.
          setTimeout(
            () => void emit('charge.refunded', chargeFor(session, true)).catch((error: unknown) => console.warn('[stripe-mock] event delivery failed', error)),
            20,
          )
          return
        }
        stripeError(res, 404, `Unrecognized request URL (${method}: ${path}). The Stripe mock does not implement it.`)
        return
      }

      const pageMatch = /^\/checkout\/([^/]+)(\/pay|\/decline)?$/.exec(path)
      if (pageMatch) {
        const session = sessions.get(pageMatch[1]!)
        if (!session) {
          res.writeHead(404, { 'Content-Type': 'text/plain' })
          return res.end('No such checkout session')
        }
        if (method === 'GET' && !pageMatch[2]) {
          res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
          return res.end(checkoutPage(session))
        }
        if (method === 'POST' && pageMatch[2] === '/pay') {
          if (session.status === 'open') await pay(session.id)
          res.writeHead(303, { Location: session.success_url.replace('{CHECKOUT_SESSION_ID}', session.id) })
          return res.end()
        }
        if (method === 'POST' && pageMatch[2] === '/decline') {
          await emit('payment_intent.payment_failed', {
            id: `pi_${rand()}`,
            object: 'payment_intent',
            amount: session.amount_total,
            currency: session.currency,
            metadata: session.payment_intent_metadata,
            status: 'requires_payment_method',
            last_payment_error: { code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.', type: 'card_error' },
          })
          res.writeHead(303, { Location: `/checkout/${session.id}` })
          return res.end()
        }
      }
      res.writeHead(404, { 'Content-Type': 'text/plain' })
      res.end('Not found')
    } catch (error) {
      console.error('[stripe-mock]', error)
      if (!res.headersSent) json(res, 500, { error: { type: 'api_error', message: 'mock failure' } })
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, resolve)
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  baseUrl = `http://${host}:${port}`
  return {
    url: baseUrl,
    port,
    sessions,
    requests,
    events,
    suppress,
    emit,
    pay,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

// Standalone: `tsx tests/mocks/stripe-server.ts` (Playwright's second web server, npm run dev:mocks).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const secret = process.env.STRIPE_WEBHOOK_SECRET
  if (!secret) throw new Error('STRIPE_WEBHOOK_SECRET is required')
  const mock = await startStripeMock({
    port: Number(process.env.STRIPE_MOCK_PORT ?? 12111),
    webhookUrl: process.env.STRIPE_WEBHOOK_URL ?? 'http://localhost:3000/webhooks/stripe',
    webhookSecret: secret,
  })
  console.log(`[stripe-mock] listening on ${mock.url}, webhooks to ${process.env.STRIPE_WEBHOOK_URL ?? 'http://localhost:3000/webhooks/stripe'}`)
  const stop = () => void mock.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
