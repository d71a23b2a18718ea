import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBuyer, createExporter, createProduct, createUser } from '../../../tests/fixtures'
import { caught, formRequest, getRequest, mintCsrf } from '../../../tests/http'
import { eventually, startPaymentsHarness, type PaymentsHarness } from '../../../tests/payments'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { action as productAction, loader as productLoader } from '~/routes/catalog/product'
import { action as boothsAction } from '~/routes/exporter/booths'
import { action as exporterOrdersAction, loader as exporterOrdersLoader } from '~/routes/exporter/orders'
import { action as feesAction } from '~/routes/organizer/fairs/fees'
import { action as orderAction, loader as orderLoader } from '~/routes/orders/detail'
import { loader as myOrdersLoader } from '~/routes/orders/index'

let h: PaymentsHarness

beforeAll(async () => {
  await getPrisma()
  h = await startPaymentsHarness()
})
afterAll(async () => {
  await h.close()
  await disconnectPrisma()
})

async function setup({ priceMinor = 3500, max = 2 }: { priceMinor?: number; max?: number } = {}) {
  const prisma = await getPrisma()
  const exporter = await createExporter()
  const product = await createProduct(exporter.company.id, { name: 'Makguksu meal kit', priceMinor: 4200 })
  await prisma.product.update({
    where: { id: product.id },
    data: { sampleAvailable: true, samplePriceMinor: priceMinor, sampleCurrency: 'USD', sampleMaxQuantity: max },
  })
  const buyer = await createBuyer({ country: 'DE' })
  return { exporter, product, buyer }
}
type Parties = Awaited<ReturnType<typeof setup>>

async function post(
  path: string,
  cookie: string,
  fields: Record<string, string>,
  handler: (args: never) => Promise<unknown>,
  params: Record<string, string> = {},
) {
  const csrf = await mintCsrf()
  const request = formRequest(path, { csrf: csrf.token, ...fields }, { cookies: [csrf.cookie, cookie] })
  return handler({ request, params } as never)
}

function buy(p: Parties, fields: Record<string, string> = {}) {
  return post(
    `/catalog/${p.product.id}`,
    p.buyer.cookie,
    { intent: 'buy-sample', productId: p.product.id, quantity: '2', shippingCountry: 'DE', ...fields },
    productAction,
    { productId: p.product.id },
  )
}

async function orderOf(p: Parties) {
  const prisma = await getPrisma()
  return prisma.order.findFirstOrThrow({ where: { productId: p.product.id }, orderBy: { createdAt: 'desc' } })
}

const loadOrder = (orderId: string, cookie: string, query = '') =>
  orderLoader({ request: getRequest(`/orders/${orderId}${query}`, [cookie]), params: { orderId } } as never) as Promise<{
    side: string
    order: { status: string; trackingNumber: string | null; refundPending: boolean }
  }>

describe('buying samples', () => {
  it('opens Stripe’s page in the buyer’s language, the product and country named in it', async () => {
    const p = await setup()
    const prisma = await getPrisma()
    await prisma.user.update({ where: { id: p.buyer.user.id }, data: { locale: 'ko' } })
    await prisma.productTranslation.create({ data: { productId: p.product.id, locale: 'ko', name: '막국수 밀키트', description: '' } })
    const before = h.mock.requests.length
    expect(((await buy(p)) as Response).status).toBe(302)
    const created = h.mock.requests.slice(before).find((r) => r.path === '/v1/checkout/sessions')!
    expect(created.body).toMatchObject({ locale: 'ko', line_items: [{ price_data: { product_data: { name: '막국수 밀키트 — 샘플' } } }] })
    expect(JSON.stringify(created.body)).toContain('배송지 독일')
  })

  it('charges the database price × quantity, whatever else the form says', async () => {
    const p = await setup()
    const before = h.mock.requests.length
    const response = (await buy(p, { price: '0.01', unitAmountMinor: '1', totalAmountMinor: '1', amount: '1', currency: 'KRW' })) as Response
    expect(response.status).toBe(302)
    const order = await orderOf(p)
    expect(order).toMatchObject({
      kind: 'SAMPLE',
      status: 'PENDING',
      quantity: 2,
      unitAmountMinor: 3500,
      totalAmountMinor: 7000,
      currency: 'USD',
      shippingCountry: 'DE',
      buyerId: p.buyer.profile.id,
    })
    const session = h.mock.sessions.get(order.stripeCheckoutSessionId!)!
    expect(response.headers.get('Location')).toBe(session.url)
    expect(session).toMatchObject({
      amount_total: 7000,
      currency: 'usd',
      client_reference_id: order.id,
      metadata: { orderId: order.id, kind: 'SAMPLE' },
      status: 'open',
    })
    expect(session.success_url).toBe(`http://localhost/orders/${order.id}?checkout=success`)
    const created = h.mock.requests.slice(before).find((r) => r.path === '/v1/checkout/sessions')!
    expect(created.idempotencyKey).toBe(`tradecast-checkout-${order.id}`)
    expect(created.body).toMatchObject({ mode: 'payment', line_items: [{ quantity: '2', price_data: { currency: 'usd', unit_amount: '3500' } }] })
    // Stripe's page speaks the buyer's language: its own words (locale) and our line item.
    expect(created.body).toMatchObject({
      locale: 'en',
      line_items: [
        { price_data: { product_data: { name: 'Makguksu meal kit — sample', description: `TC-${order.id.slice(-6).toUpperCase()} · ship to Germany` } } },
      ],
    })
    const expiresIn = Number(created.body.expires_at) - Date.now() / 1000
    expect(expiresIn).toBeGreaterThan(30 * 60)
    expect(expiresIn).toBeLessThanOrEqual(24 * 3600)
  })

  it('refuses more samples than the policy allows, and products without samples', async () => {
    const p = await setup({ max: 2 })
    const before = h.mock.requests.length
    const refused = (await buy(p, { quantity: '3' })) as { init: { status: number }; data: { sampleResult: { error: Record<string, string[]> } } }
    expect(refused.init.status).toBe(400)
    expect(refused.data.sampleResult.error['']).toEqual(['payments.errors.over-max'])
    const prisma = await getPrisma()
    expect(await prisma.order.count({ where: { productId: p.product.id } })).toBe(0)
    expect(h.mock.requests.length).toBe(before)
    await prisma.product.update({ where: { id: p.product.id }, data: { sampleAvailable: false } })
    const none = (await buy(p, { quantity: '1' })) as { init: { status: number }; data: { sampleResult: { error: Record<string, string[]> } } }
    expect(none.data.sampleResult.error['']).toEqual(['payments.errors.no-samples'])
    // An exporter cannot buy samples at all.
    expect(
      await caught(() =>
        post(
          `/catalog/${p.product.id}`,
          p.exporter.cookie,
          { intent: 'buy-sample', productId: p.product.id, quantity: '1', shippingCountry: 'DE' },
          productAction as never,
          { productId: p.product.id },
        ),
      ),
    ).toMatchObject({ status: 403 })
  })

  it('is marked paid by the signed webhook only, then shipped and delivered by the exporter', async () => {
    const p = await setup()
    await buy(p)
    const order = await orderOf(p)
    // Back from Checkout before the webhook: the page says "processing", nothing is paid.
    expect((await loadOrder(order.id, p.buyer.cookie, '?checkout=success')).order.status).toBe('PENDING')

    await h.mock.pay(order.stripeCheckoutSessionId!)
    const prisma = await getPrisma()
    const paid = await prisma.order.findUniqueOrThrow({ where: { id: order.id } })
    expect(paid.status).toBe('PAID')
    expect(paid.paidAt).toBeInstanceOf(Date)
    expect(paid.stripePaymentIntentId).toMatch(/^pi_/)
    expect(await prisma.notification.count({ where: { userId: p.exporter.user.id, kind: 'order.updated' } })).toBe(1)

    // Only the exporter side fulfils.
    expect(
      await caught(() =>
        post('/exporter/orders', p.buyer.cookie, { intent: 'ship', orderId: order.id, trackingNumber: 'EE123456789KR' }, exporterOrdersAction as never),
      ),
    ).toMatchObject({ status: 403 })
    const stranger = await createExporter()
    expect(
      await caught(() =>
        post('/exporter/orders', stranger.cookie, { intent: 'ship', orderId: order.id, trackingNumber: 'EE123456789KR' }, exporterOrdersAction as never),
      ),
    ).toMatchObject({ status: 404 })
    const badTracking = (await post(
      '/exporter/orders',
      p.exporter.cookie,
      { intent: 'ship', orderId: order.id, trackingNumber: '<script>' },
      exporterOrdersAction,
    )) as { init: { status: number } }
    expect(badTracking.init.status).toBe(400)

    const shipped = (await post(
      '/exporter/orders',
      p.exporter.cookie,
      { intent: 'ship', orderId: order.id, trackingNumber: 'EE123456789KR' },
      exporterOrdersAction,
    )) as Response
    expect(shipped.status).toBe(302)
    const view = await loadOrder(order.id, p.buyer.cookie)
    expect(view.order).toMatchObject({ status: 'SHIPPED', trackingNumber: 'EE123456789KR' })
    const list = (await myOrdersLoader({ request: getRequest('/orders', [p.buyer.cookie]) } as never)) as { orders: Array<{ id: string; status: string }> }
    expect(list.orders.find((o) => o.id === order.id)?.status).toBe('SHIPPED')
    // Shipping twice is refused; delivering works once.
    const again = (await post(
      '/exporter/orders',
      p.exporter.cookie,
      { intent: 'ship', orderId: order.id, trackingNumber: 'EE000000000KR' },
      exporterOrdersAction,
    )) as { init: { status: number } }
    expect(again.init.status).toBe(409)
    await post(`/orders/${order.id}`, p.exporter.cookie, { intent: 'deliver', orderId: order.id }, orderAction, { orderId: order.id })
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('DELIVERED')
    expect(await prisma.notification.count({ where: { userId: p.buyer.user.id, kind: 'order.updated' } })).toBe(3)
  })

  it('refunds through Stripe and changes the order only when charge.refunded confirms', async () => {
    const p = await setup()
    await buy(p)
    const order = await orderOf(p)
    await h.mock.pay(order.stripeCheckoutSessionId!)
    const before = h.mock.requests.length
    const response = (await post('/exporter/orders', p.exporter.cookie, { intent: 'refund', orderId: order.id }, exporterOrdersAction)) as Response
    expect(response.status).toBe(302)
    const call = h.mock.requests.slice(before).find((r) => r.path === '/v1/refunds')!
    expect(call.idempotencyKey).toBe(`tradecast-refund-${order.id}`)
    expect(call.body).toMatchObject({ payment_intent: (await orderOf(p)).stripePaymentIntentId, metadata: { orderId: order.id } })
    const prisma = await getPrisma()
    const refunded = await eventually(async () => {
      const row = await prisma.order.findUniqueOrThrow({ where: { id: order.id } })
      return row.status === 'REFUNDED' ? row : null
    })
    expect(refunded.refundedAt).toBeInstanceOf(Date)
    expect((await loadOrder(order.id, p.exporter.cookie)).order.refundPending).toBe(false)
  })

  it('lets only members whose company role may refund do so (a MEMBER gets 403, no Stripe call, no refund button)', async () => {
    const p = await setup()
    await buy(p)
    const order = await orderOf(p)
    await h.mock.pay(order.stripeCheckoutSessionId!)
    const prisma = await getPrisma()
    const member = await createUser('EXPORTER')
    await prisma.exporterMember.create({ data: { userId: member.user.id, companyId: p.exporter.company.id, role: 'MEMBER' } })
    const before = h.mock.requests.length
    expect(await caught(() => post('/exporter/orders', member.cookie, { intent: 'refund', orderId: order.id }, exporterOrdersAction as never))).toMatchObject({
      status: 403,
    })
    expect(
      await caught(() => post(`/orders/${order.id}`, member.cookie, { intent: 'refund', orderId: order.id }, orderAction as never, { orderId: order.id })),
    ).toMatchObject({ status: 403 })
    expect(h.mock.requests.slice(before).some((r) => r.path === '/v1/refunds')).toBe(false)
    expect(await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: 'PAID', refundRequestedAt: null })
    // The member still sees and fulfils the order, without the refund control; the owner has it.
    expect(await loadOrder(order.id, member.cookie)).toMatchObject({ side: 'seller', canRefund: false })
    expect(await loadOrder(order.id, p.exporter.cookie)).toMatchObject({ side: 'seller', canRefund: true })
    const list = (await exporterOrdersLoader({ request: getRequest('/exporter/orders', [member.cookie]) } as never)) as { canRefund: boolean }
    expect(list.canRefund).toBe(false)
    // An owner demoted after signing in is refused too: the role is read at the action.
    await prisma.exporterMember.update({ where: { userId: p.exporter.user.id }, data: { role: 'MEMBER' } })
    expect(
      await caught(() => post('/exporter/orders', p.exporter.cookie, { intent: 'refund', orderId: order.id }, exporterOrdersAction as never)),
    ).toMatchObject({ status: 403 })
  })

  it('shows a pending refund until Stripe confirms it', async () => {
    const p = await setup()
    await buy(p)
    const order = await orderOf(p)
    await h.mock.pay(order.stripeCheckoutSessionId!)
    // Stop the fake from confirming: the refund stays requested, the order stays PAID.
    h.mock.suppress.add('charge.refunded')
    try {
      await post('/exporter/orders', p.exporter.cookie, { intent: 'refund', orderId: order.id }, exporterOrdersAction)
      await new Promise((resolve) => setTimeout(resolve, 100))
      const view = await loadOrder(order.id, p.buyer.cookie)
      expect(view.order).toMatchObject({ status: 'PAID', refundPending: true })
    } finally {
      h.mock.suppress.delete('charge.refunded')
    }
  })

  it('confirms free samples at once, without Stripe', async () => {
    const p = await setup({ priceMinor: 0, max: 5 })
    const before = h.mock.requests.length
    const response = (await buy(p, { quantity: '5' })) as Response
    const order = await orderOf(p)
    expect(response.headers.get('Location')).toBe(`/orders/${order.id}`)
    expect(order).toMatchObject({ status: 'PAID', totalAmountMinor: 0, stripeCheckoutSessionId: null })
    expect(h.mock.requests.length).toBe(before)
  })

  it('lets the buyer cancel an unpaid order: the session is expired first', async () => {
    const p = await setup()
    await buy(p)
    const order = await orderOf(p)
    const response = (await post(`/orders/${order.id}`, p.buyer.cookie, { intent: 'cancel' }, orderAction, { orderId: order.id })) as Response
    expect(response.status).toBe(302)
    expect(h.mock.sessions.get(order.stripeCheckoutSessionId!)!.status).toBe('expired')
    const prisma = await getPrisma()
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('CANCELLED')
    // The fake's checkout.session.expired arrives afterwards and changes nothing.
    await eventually(async () => (await prisma.paymentEvent.count({ where: { type: 'checkout.session.expired' } })) > 0)
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('CANCELLED')
  })

  it('shows an order to its buyer and the exporter, and 404 to everyone else', async () => {
    const p = await setup()
    await buy(p)
    const order = await orderOf(p)
    expect((await loadOrder(order.id, p.buyer.cookie)).side).toBe('payer')
    expect((await loadOrder(order.id, p.exporter.cookie)).side).toBe('seller')
    for (const other of [await createBuyer(), await createExporter(), await createUser('ORGANIZER')]) {
      expect(await caught(() => loadOrder(order.id, other.cookie))).toMatchObject({ status: 404 })
    }
  })

  it('hides priced samples when payments are not configured; free samples still work', async () => {
    const restore = h.disablePayments()
    try {
      const p = await setup()
      const page = (await productLoader({
        request: getRequest(`/catalog/${p.product.id}`, [p.buyer.cookie]),
        params: { productId: p.product.id },
      } as never)) as { paymentsEnabled: boolean }
      expect(page.paymentsEnabled).toBe(false)
      const refused = (await buy(p)) as { init: { status: number }; data: { sampleResult: { error: Record<string, string[]> } } }
      expect(refused.data.sampleResult.error['']).toEqual(['payments.errors.payments-disabled'])
      const free = await setup({ priceMinor: 0 })
      expect(((await buy(free)) as Response).status).toBe(302)
    } finally {
      restore()
    }
  })
})

describe('booth fees', () => {
  it('organizer sets a fee; the exhibitor pays through Checkout; the webhook approves the booth', async () => {
    const prisma = await getPrisma()
    const organizer = await createUser('ORGANIZER')
    const exporter = await createExporter()
    const fair = await prisma.tradeFair.create({
      data: {
        slug: `fair-${exporter.company.id}`,
        name: 'Fee Fair',
        startsAt: new Date(),
        endsAt: new Date(Date.now() + 86_400_000),
        timeZone: 'Asia/Seoul',
        organizerId: organizer.user.id,
      },
    })
    const booth = await prisma.booth.create({ data: { fairId: fair.id, companyId: exporter.company.id, code: 'A-01' } })

    // Only this fair's organizer may set the fee.
    const otherOrganizer = await createUser('ORGANIZER')
    expect(
      await caught(() =>
        post(`/organizer/fairs/${fair.id}/fees`, otherOrganizer.cookie, { intent: 'set-fee', fee: '1', currency: 'USD' }, feesAction as never, {
          fairId: fair.id,
        }),
      ),
    ).toMatchObject({ status: 404 })
    await post(`/organizer/fairs/${fair.id}/fees`, organizer.cookie, { intent: 'set-fee', fee: '150.00', currency: 'USD' }, feesAction, { fairId: fair.id })
    expect(await prisma.tradeFair.findUniqueOrThrow({ where: { id: fair.id } })).toMatchObject({ boothFeeMinor: 15000, boothFeeCurrency: 'USD' })

    const response = (await post('/exporter/booths', exporter.cookie, { intent: 'pay-booth-fee', boothId: booth.id }, boothsAction)) as Response
    expect(response.status).toBe(302)
    const order = await prisma.order.findFirstOrThrow({ where: { boothId: booth.id } })
    expect(order).toMatchObject({ kind: 'BOOTH_FEE', status: 'PENDING', totalAmountMinor: 15000, currency: 'USD', fairId: fair.id })
    expect(response.headers.get('Location')).toBe(h.mock.sessions.get(order.stripeCheckoutSessionId!)!.url)

    // A second click expires the first attempt, so the fee cannot be paid twice.
    await post('/exporter/booths', exporter.cookie, { intent: 'pay-booth-fee', boothId: booth.id }, boothsAction)
    expect(h.mock.sessions.get(order.stripeCheckoutSessionId!)!.status).toBe('expired')
    const latest = await prisma.order.findFirstOrThrow({ where: { boothId: booth.id, status: 'PENDING' } })

    await h.mock.pay(latest.stripeCheckoutSessionId!)
    expect((await prisma.order.findUniqueOrThrow({ where: { id: latest.id } })).status).toBe('PAID')
    expect((await prisma.booth.findUniqueOrThrow({ where: { id: booth.id } })).approvedAt).toBeInstanceOf(Date)
    expect((await loadOrder(latest.id, organizer.cookie)).side).toBe('seller')
    expect(await caught(() => loadOrder(latest.id, otherOrganizer.cookie))).toMatchObject({ status: 404 })
    const paidAgain = (await post('/exporter/booths', exporter.cookie, { intent: 'pay-booth-fee', boothId: booth.id }, boothsAction)) as {
      init: { status: number }
    }
    expect(paidAgain.init.status).toBe(409)
  })

  it('two tabs paying one booth at once open one checkout: the other is told one is being opened', async () => {
    const prisma = await getPrisma()
    const organizer = await createUser('ORGANIZER')
    const exporter = await createExporter()
    const fair = await prisma.tradeFair.create({
      data: {
        slug: `fair-race-${exporter.company.id}`,
        name: 'Race Fair',
        startsAt: new Date(),
        endsAt: new Date(Date.now() + 86_400_000),
        timeZone: 'Asia/Seoul',
        organizerId: organizer.user.id,
        boothFeeMinor: 9000,
        boothFeeCurrency: 'USD',
      },
    })
    const booth = await prisma.booth.create({ data: { fairId: fair.id, companyId: exporter.company.id, code: 'R-01' } })
    const payFee = () => post('/exporter/booths', exporter.cookie, { intent: 'pay-booth-fee', boothId: booth.id }, boothsAction)

    type FormError = { init: { status: number }; data: { result: { error: Record<string, string[]> } } }
    const answers = (await Promise.all([payFee(), payFee()])) as Array<Response | FormError>
    const redirected = answers.filter((answer): answer is Response => answer instanceof Response)
    const refused = answers.filter((answer): answer is FormError => !(answer instanceof Response))
    // Usually the second tab reads the booth while the first is still opening its checkout: 409. Should the
    // first have stored its session by then, the second supersedes it, as a second click always has.
    const refusedSecond = refused.length === 1
    expect(redirected.map((answer) => answer.status)).toEqual(refusedSecond ? [302] : [302, 302])
    expect(refused.map((answer) => [answer.init.status, answer.data.result.error['']])).toEqual(
      refusedSecond ? [[409, ['payments.errors.checkout-opening']]] : [],
    )

    // Either way: one PENDING order, and its checkout the only one still open at Stripe.
    const orders = await prisma.order.findMany({ where: { boothId: booth.id } })
    const pending = orders.filter((order) => order.status === 'PENDING')
    expect(pending).toHaveLength(1)
    expect(orders.filter((order) => order.status !== 'PENDING').map((order) => order.status)).toEqual(refusedSecond ? [] : ['CANCELLED'])
    const openSessions = orders.flatMap((order) => {
      const session = order.stripeCheckoutSessionId ? h.mock.sessions.get(order.stripeCheckoutSessionId) : undefined
      return session?.status === 'open' ? [session.id] : []
    })
    expect(openSessions).toEqual([pending[0]!.stripeCheckoutSessionId])
    expect(redirected.map((answer) => answer.headers.get('Location'))).toContain(h.mock.sessions.get(openSessions[0]!)!.url)
    const created = h.mock.requests.filter(
      (request) => request.path === '/v1/checkout/sessions' && orders.some((order) => order.id === request.body.client_reference_id),
    )
    expect(created).toHaveLength(refusedSecond ? 1 : 2)

    // An attempt whose process stopped before storing its session id does not block the booth for good.
    await prisma.order.update({ where: { id: pending[0]!.id }, data: { stripeCheckoutSessionId: null, createdAt: new Date(Date.now() - 3 * 60_000) } })
    expect(((await payFee()) as Response).status).toBe(302)
    expect((await prisma.order.findUniqueOrThrow({ where: { id: pending[0]!.id } })).status).toBe('CANCELLED')
    expect(await prisma.order.count({ where: { boothId: booth.id, status: 'PENDING' } })).toBe(1)
  })
})
