import { LightSocketIoClient } from '../light-client.ts'

/**
 * A browser without JavaScript, as far as the server can tell: a cookie jar, the double-submit CSRF
 * token read from the page's form, url-encoded posts, redirects not followed (their target is the answer).
 * `forwardedFor` stands for the person's own network (the server trusts one proxy hop in the bench).
 */
export class FormClient {
  private readonly cookies = new Map<string, string>()

  constructor(
    private readonly baseUrl: string,
    private readonly forwardedFor: string,
  ) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }

  async request(path: string, init: { method?: string; body?: URLSearchParams } = {}): Promise<Response> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: {
        cookie: this.cookieHeader,
        'x-forwarded-for': this.forwardedFor,
        ...(init.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: init.body ?? null,
      signal: AbortSignal.timeout(30_000),
    })
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const eq = pair!.indexOf('=')
      const name = pair!.slice(0, eq)
      const value = pair!.slice(eq + 1)
      if (/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
    return response
  }

  /** Opens the page the form is on (which sets the CSRF cookie) and posts the form with its token. */
  async submit(path: string, fields: Record<string, string>): Promise<Response> {
    const page = await this.request(path)
    const html = await page.text()
    const token = /name="csrf" value="([^"]+)"/.exec(html)?.[1]
    if (!token) throw new Error(`${path}: no CSRF token in the page (${page.status})`)
    return this.request(path, { method: 'POST', body: new URLSearchParams({ ...fields, csrf: token }) })
  }

  async signIn(email: string, password: string): Promise<void> {
    const response = await this.submit('/login', { email, password, redirectTo: '' })
    if (response.status !== 302 && response.status !== 303) throw new Error(`sign-in of ${email} answered ${response.status}`)
  }
}

export type TradeReport = {
  pins: number
  pinErrors: Record<string, number>
  rfqs: number
  orders: number
  /** Answers other than success, by action and status (e.g. `rfq 503`). */
  errors: Record<string, number>
}

/**
 * What a live showcase's business side does during the load: the host pins and unpins the company's
 * products over `/live` (as the studio does), signed-in buyers send RFQs and order free samples
 * through the product page's forms (with the live session's id, as the live room posts them).
 */
export class TradeLoad {
  private readonly timers: NodeJS.Timeout[] = []
  private readonly errors = new Map<string, number>()
  private readonly pinErrors = new Map<string, number>()
  private host: LightSocketIoClient | null = null
  private pins = 0
  private rfqs = 0
  private orders = 0
  private pinned: string[] = []
  private nextPin = 0
  private nextBuyer = 0
  private readonly inFlight = new Set<Promise<void>>()

  constructor(
    private readonly options: {
      sessionId: string
      host: FormClient
      hostBaseUrl: string
      buyers: FormClient[]
      pinProducts: string[]
      rfqProducts: string[]
      /** Free-sample products; `live` ones are ordered from the live room (with the session's id). */
      sampleProducts: Array<{ id: string; live: boolean }>
      pinEveryS: number
      rfqEveryS: number
      orderEveryS: number
    },
  ) {}

  async start(): Promise<void> {
    const { options } = this
    this.host = new LightSocketIoClient(options.hostBaseUrl, '/live', { Cookie: options.host.cookieHeader })
    await this.host.connected
    const joined = (await this.host.emitWithAck('live:join', { sessionId: options.sessionId }, 30_000)) as { ok: boolean; state?: { you: { isHost: boolean } } }
    if (!joined.ok || !joined.state?.you.isHost) throw new Error('the host could not join its own showcase as host')
    this.timers.push(setInterval(() => this.track(this.pinStep()), options.pinEveryS * 1000))
    this.timers.push(setInterval(() => this.track(this.rfqStep()), options.rfqEveryS * 1000))
    this.timers.push(setInterval(() => this.track(this.orderStep()), options.orderEveryS * 1000))
    await this.pinStep()
  }

  private track(step: Promise<void>) {
    this.inFlight.add(step)
    void step.finally(() => this.inFlight.delete(step))
  }

  private count(map: Map<string, number>, key: string) {
    map.set(key, (map.get(key) ?? 0) + 1)
  }

  /** Pins the next product; with three pinned (the limit), the oldest is unpinned first. */
  private async pinStep() {
    const { pinProducts, sessionId } = this.options
    const pin = async (productId: string, pinned: boolean) => {
      const ack = (await this.host!.emitWithAck('products:pin', { sessionId, productId, pinned }, 10_000).catch(() => ({
        ok: false,
        error: { code: 'no-ack' },
      }))) as { ok: boolean; error?: { code: string } }
      if (ack.ok) this.pins += 1
      else this.count(this.pinErrors, ack.error?.code ?? 'unknown')
    }
    if (this.pinned.length >= 3) await pin(this.pinned.shift()!, false)
    const productId = pinProducts[this.nextPin++ % pinProducts.length]!
    if (this.pinned.includes(productId)) return
    await pin(productId, true)
    this.pinned.push(productId)
  }

  private buyer(): FormClient {
    return this.options.buyers[this.nextBuyer++ % this.options.buyers.length]!
  }

  private async rfqStep() {
    const { rfqProducts, sessionId } = this.options
    const productId = rfqProducts[this.rfqs % rfqProducts.length]!
    try {
      const response = await this.buyer().submit(`/catalog/${productId}`, {
        intent: 'rfq',
        productId,
        liveSessionId: sessionId,
        quantity: '500',
        destinationCountry: 'DE',
        message: 'Soak test: price for 500 units, delivery to Hamburg?',
        stay: '1',
      })
      if (response.status === 200) this.rfqs += 1
      else this.count(this.errors, `rfq ${response.status}`)
    } catch (error) {
      this.count(this.errors, `rfq ${(error as Error).name}`)
    }
  }

  private async orderStep() {
    const { sampleProducts, sessionId } = this.options
    if (sampleProducts.length === 0) return
    const product = sampleProducts[this.orders % sampleProducts.length]!
    const fields: Record<string, string> = { intent: 'buy-sample', productId: product.id, quantity: '1', shippingCountry: 'DE' }
    if (product.live) fields.liveSessionId = sessionId
    try {
      const response = await this.buyer().submit(`/catalog/${product.id}`, fields)
      // A free sample is ordered at once: a redirect to the order.
      if (response.status === 302 && (response.headers.get('location') ?? '').startsWith('/orders/')) this.orders += 1
      else this.count(this.errors, `order ${response.status}`)
    } catch (error) {
      this.count(this.errors, `order ${(error as Error).name}`)
    }
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer)
    await Promise.all([...this.inFlight])
    this.host?.close()
  }

  report(): TradeReport {
    return { pins: this.pins, pinErrors: Object.fromEntries(this.pinErrors), rfqs: this.rfqs, orders: this.orders, errors: Object.fromEntries(this.errors) }
  }
}
