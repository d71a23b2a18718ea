import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBuyer, createExporter, createProduct, createUser, sessionUserOf } from '../../../tests/fixtures'
import { caught, formRequest, getRequest, mintCsrf } from '../../../tests/http'
import { action as productAction } from '~/routes/catalog/product'
import { action as threadAction, loader as threadLoader } from '~/routes/inquiries/thread'
import { loader as inboxLoader } from '~/routes/inquiries/index'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { addQuote } from './inquiries.server'
import type { QuoteInput } from './schemas'
import { gate, waitForBlockedOn } from '../../../tests/lock-waits'

type Parties = Awaited<ReturnType<typeof setup>>

async function setup() {
  const exporter = await createExporter()
  const product = await createProduct(exporter.company.id, { name: 'Buckwheat noodles', moq: 500 })
  const buyer = await createBuyer({ country: 'DE' })
  return { exporter, product, buyer }
}

async function post(path: string, cookie: string, fields: Record<string, string>, handler: (args: never) => Promise<unknown>, params: Record<string, string>) {
  const csrf = await mintCsrf()
  const request = formRequest(path, { csrf: csrf.token, ...fields }, { cookies: [csrf.cookie, cookie] })
  return handler({ request, params } as never)
}

async function sendRfq(p: Parties, fields: Record<string, string> = {}) {
  return post(
    `/catalog/${p.product.id}`,
    p.buyer.cookie,
    { intent: 'rfq', productId: p.product.id, quantity: '1000', destinationCountry: 'DE', message: 'Please quote FOB Busan.', ...fields },
    productAction,
    { productId: p.product.id },
  )
}

beforeAll(async () => {
  await getPrisma()
})
afterAll(async () => {
  await disconnectPrisma()
})

describe('RFQ to contract', () => {
  it('flows CONSULTATION → QUOTE → SAMPLE → LOI → CONTRACT_SIGNED → SHIPPED with dates, USD values and notifications', async () => {
    const p = await setup()
    const prisma = await getPrisma()
    const created = (await sendRfq(p, { targetPrice: '2.10', targetCurrency: 'EUR', incoterm: 'FOB' })) as Response
    expect(created.status).toBe(302)
    const inquiryId = created.headers.get('Location')!.split('/').pop()!
    const inquiry = await prisma.inquiry.findUniqueOrThrow({ where: { id: inquiryId } })
    expect(inquiry).toMatchObject({
      status: 'CONSULTATION',
      quantity: 1000,
      targetPriceMinor: 210,
      targetCurrency: 'EUR',
      incoterm: 'FOB',
      companyId: p.exporter.company.id,
    })
    expect(await prisma.notification.count({ where: { userId: p.exporter.user.id, kind: 'inquiry.created' } })).toBe(1)
    expect(await prisma.emailOutbox.count({ where: { to: p.exporter.user.email } })).toBe(1)
    // Written for the (English-reading) exporter: the buyer's country by its name, the quantity in their notation.
    const note = await prisma.notification.findFirstOrThrow({ where: { userId: p.exporter.user.id, kind: 'inquiry.created' } })
    expect(note.data).toMatchObject({ country: 'Germany', product: 'Buckwheat noodles', quantity: '1,000 pcs' })

    const act = (fields: Record<string, string>, cookie = p.exporter.cookie) => post(`/inquiries/${inquiryId}`, cookie, fields, threadAction, { inquiryId })

    const future = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10)
    expect(
      ((await act({ intent: 'quote', unitPrice: '1.95', currency: 'USD', quantity: '1000', incoterm: 'FOB', validUntil: future })) as Response).status,
    ).toBe(302)
    expect((await prisma.inquiry.findUniqueOrThrow({ where: { id: inquiryId } })).status).toBe('QUOTE')
    expect(await prisma.quote.findFirstOrThrow({ where: { inquiryId } })).toMatchObject({ unitPriceMinor: 195, currency: 'USD' })

    expect((await prisma.inquiry.findUniqueOrThrow({ where: { id: inquiryId } })).quoteValueUsdCents).toBe(195_000n) // 1.95 × 1000 USD

    // The rule's refusals come back as form errors on their field (pipeline.ts).
    const errorsOf = (result: unknown) => (result as { data: { result: { error: Record<string, string[]> } } }).data.result.error
    const noValue = await act({ intent: 'status', status: 'LOI' })
    expect(errorsOf(noValue).value).toEqual(['outcomes.errors.valueRequired'])
    const skipToShip = await act({ intent: 'status', status: 'SHIPPED', value: '1000' })
    expect(errorsOf(skipToShip).status).toEqual(['outcomes.errors.invalidTransition'])
    const tooLate = await act({ intent: 'status', status: 'SAMPLE', date: '2999-01-01' })
    expect(errorsOf(tooLate).date).toEqual(['outcomes.errors.dateInFuture'])
    const hostile = await act({ intent: 'status', status: 'LOI', value: '-5', currency: 'XXX' })
    expect(errorsOf(hostile)).toMatchObject({ value: ['inquiries.errors.amount'], currency: ['errors.invalidChoice'] })

    await act({ intent: 'status', status: 'SAMPLE', consultationValueUsd: '25000' })
    await act({ intent: 'message', body: 'Sample shipped by EMS.' })
    await act({ intent: 'message', body: 'Received, thank you!' }, p.buyer.cookie)
    // A letter of intent in VND: stored in USD with the rate valid today (read here independently).
    await prisma.exchangeRate.upsert({
      where: { currency_validFrom: { currency: 'VND', validFrom: new Date('2001-01-01T00:00:00Z') } },
      update: {},
      create: { currency: 'VND', validFrom: new Date('2001-01-01T00:00:00Z'), usdPerUnit: '0.00004' },
    })
    const vnd = await prisma.exchangeRate.findFirstOrThrow({ where: { currency: 'VND', validFrom: { lte: new Date() } }, orderBy: { validFrom: 'desc' } })
    await act({ intent: 'status', status: 'LOI', value: '1000000000', currency: 'VND' })
    await act({ intent: 'status', status: 'CONTRACT_SIGNED', value: '48000.50' })
    await act({ intent: 'status', status: 'SHIPPED', value: '47000' })

    const won = await prisma.inquiry.findUniqueOrThrow({
      where: { id: inquiryId },
      include: { statusEvents: { orderBy: { createdAt: 'asc' } }, messages: true },
    })
    expect(won.status).toBe('SHIPPED')
    expect(won.quotedAt && won.sampleSentAt && won.loiAt && won.contractSignedAt && won.shippedAt).toBeTruthy()
    expect(won.consultationValueUsdCents).toBe(2_500_000n)
    expect(won.loiValueUsdCents).toBe(BigInt(Math.round(1_000_000_000 * Number(vnd.usdPerUnit) * 100)))
    expect(won.contractValueUsdCents).toBe(4_800_050n)
    expect(won.shippedValueUsdCents).toBe(4_700_000n)
    expect(won.statusEvents.map((e) => e.status)).toEqual(['CONSULTATION', 'QUOTE', 'SAMPLE', 'LOI', 'CONTRACT_SIGNED', 'SHIPPED'])
    expect(won.messages).toHaveLength(3)
    expect(await prisma.notification.count({ where: { userId: p.buyer.user.id } })).toBe(6) // the quote, four stages, one message

    // Shipped is final: no going back, no losing it.
    const reopen = (await act({ intent: 'status', status: 'LOST' })) as { init: { status: number } }
    expect(reopen.init.status).toBe(409)
  })

  it('shows unread counts in the inbox until the exporter opens the thread (the page POSTs the read; a GET changes nothing)', async () => {
    const p = await setup()
    const prisma = await getPrisma()
    const created = (await sendRfq(p)) as Response
    const inquiryId = created.headers.get('Location')!.split('/').pop()!
    const inbox = (await inboxLoader({ request: getRequest('/inquiries', [p.exporter.cookie]) } as never)) as { items: Array<{ id: string; unread: number }> }
    expect(inbox.items.find((i) => i.id === inquiryId)?.unread).toBe(2) // first message + CONSULTATION event
    const view = (await threadLoader({ request: getRequest(`/inquiries/${inquiryId}`, [p.exporter.cookie]), params: { inquiryId } } as never)) as {
      needsRead: boolean
    }
    expect(view.needsRead).toBe(true)
    // The GET itself left the thread unread.
    expect((await prisma.inquiry.findUniqueOrThrow({ where: { id: inquiryId } })).exporterLastReadAt).toBeNull()
    const still = (await inboxLoader({ request: getRequest('/inquiries?unread=1', [p.exporter.cookie]) } as never)) as { items: Array<{ id: string }> }
    expect(still.items.some((i) => i.id === inquiryId)).toBe(true)

    // A read without a CSRF token is refused; the page's POST (with one) marks it read.
    const forged = new Request(`http://localhost/inquiries/${inquiryId}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: p.exporter.cookie, Origin: 'http://localhost' },
      body: new URLSearchParams({ intent: 'read' }),
    })
    expect((await caught(() => threadAction({ request: forged, params: { inquiryId } } as never))).status).toBe(403)
    expect((await prisma.inquiry.findUniqueOrThrow({ where: { id: inquiryId } })).exporterLastReadAt).toBeNull()
    const read = (await post(`/inquiries/${inquiryId}`, p.exporter.cookie, { intent: 'read' }, threadAction, { inquiryId })) as { data: unknown }
    expect(read.data).toEqual({ read: true })
    const after = (await inboxLoader({ request: getRequest('/inquiries?unread=1', [p.exporter.cookie]) } as never)) as { items: Array<{ id: string }> }
    expect(after.items.find((i) => i.id === inquiryId)).toBeUndefined()
    expect(
      ((await threadLoader({ request: getRequest(`/inquiries/${inquiryId}`, [p.exporter.cookie]), params: { inquiryId } } as never)) as { needsRead: boolean })
        .needsRead,
    ).toBe(false)
    // The buyer's side is its own: nothing unread there (the buyer wrote everything so far).
    expect(
      ((await threadLoader({ request: getRequest(`/inquiries/${inquiryId}`, [p.buyer.cookie]), params: { inquiryId } } as never)) as { needsRead: boolean })
        .needsRead,
    ).toBe(false)
  })
})

describe('who may read an inquiry', () => {
  it('refuses every other role and company with 404, and buyers cannot act as exporters', async () => {
    const p = await setup()
    const created = (await sendRfq(p)) as Response
    const inquiryId = created.headers.get('Location')!.split('/').pop()!
    const strangerExporter = await createExporter()
    const strangerBuyer = await createBuyer()
    const organizer = await createUser('ORGANIZER')
    for (const cookie of [strangerExporter.cookie, strangerBuyer.cookie, organizer.cookie]) {
      expect(await caught(() => threadLoader({ request: getRequest(`/inquiries/${inquiryId}`, [cookie]), params: { inquiryId } } as never))).toMatchObject({
        status: 404,
      })
      expect(
        await caught(() => post(`/inquiries/${inquiryId}`, cookie, { intent: 'message', body: 'hi' }, threadAction as never, { inquiryId })),
      ).toMatchObject({ status: 404 })
    }
    // The buyer may read and write, but not quote or move the pipeline.
    expect(
      await caught(() =>
        post(`/inquiries/${inquiryId}`, p.buyer.cookie, { intent: 'status', status: 'CONTRACT_SIGNED' }, threadAction as never, { inquiryId }),
      ),
    ).toMatchObject({ status: 403 })
    // A guest is sent to sign in.
    expect(await caught(() => threadLoader({ request: getRequest(`/inquiries/${inquiryId}`), params: { inquiryId } } as never))).toMatchObject({ status: 302 })
    // An organizer of the fair it came through may read.
    const prisma = await getPrisma()
    const fair = await prisma.tradeFair.create({
      data: {
        slug: `fair-${inquiryId}`,
        name: 'Fair',
        startsAt: new Date(),
        endsAt: new Date(Date.now() + 86_400_000),
        timeZone: 'Asia/Seoul',
        organizerId: organizer.user.id,
      },
    })
    await prisma.inquiry.update({ where: { id: inquiryId }, data: { fairId: fair.id } })
    const view = (await threadLoader({ request: getRequest(`/inquiries/${inquiryId}`, [organizer.cookie]), params: { inquiryId } } as never)) as {
      side: string
    }
    expect(view.side).toBe('organizer')
  })

  it('an exporter cannot send an RFQ', async () => {
    const p = await setup()
    expect(
      await caught(() =>
        post(
          `/catalog/${p.product.id}`,
          p.exporter.cookie,
          { intent: 'rfq', productId: p.product.id, quantity: '10', destinationCountry: 'US', message: 'x' },
          productAction as never,
          { productId: p.product.id },
        ),
      ),
    ).toMatchObject({ status: 403 })
  })
})

describe('hostile RFQ input', () => {
  it.each([
    ['negative quantity', { quantity: '-5' }, 'quantity'],
    ['fractional quantity', { quantity: '2.5' }, 'quantity'],
    ['absurd quantity', { quantity: '1e12' }, 'quantity'],
    ['negative price', { targetPrice: '-1' }, 'targetPrice'],
    ['absurd price', { targetPrice: '99999999999' }, 'targetPrice'],
    ['unknown country', { destinationCountry: 'XX' }, 'destinationCountry'],
    ['oversize message', { message: 'x'.repeat(5001) }, 'message'],
    ['unknown incoterm', { incoterm: 'FREE' }, 'incoterm'],
  ])('rejects %s and stores nothing', async (_label, fields, field) => {
    const p = await setup()
    const prisma = await getPrisma()
    const response = (await sendRfq(p, fields)) as { init: { status: number }; data: { result: { error: Record<string, string[]> } } }
    expect(response.init.status).toBe(400)
    expect(response.data.result.error[field]).toBeDefined()
    expect(await prisma.inquiry.count({ where: { buyerId: p.buyer.profile.id } })).toBe(0)
  })

  it('stores script tags as plain text', async () => {
    const p = await setup()
    const prisma = await getPrisma()
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>'
    await sendRfq(p, { message: hostile })
    const stored = await prisma.inquiryMessage.findFirstOrThrow({ where: { inquiry: { buyerId: p.buyer.profile.id } } })
    expect(stored.body).toBe(hostile)
  })

  it('refuses a product id in the body that differs from the URL, and an unpublished product', async () => {
    const p = await setup()
    const other = await createProduct(p.exporter.company.id)
    expect(await caught(() => sendRfq(p, { productId: other.id }))).toMatchObject({ status: 400 })
    const draft = await createProduct(p.exporter.company.id, { status: 'DRAFT' })
    expect(
      await caught(() =>
        post(
          `/catalog/${draft.id}`,
          p.buyer.cookie,
          { intent: 'rfq', productId: draft.id, quantity: '10', destinationCountry: 'US', message: 'x' },
          productAction as never,
          { productId: draft.id },
        ),
      ),
    ).toMatchObject({ status: 404 })
  })
})

describe('RFQs from a fair showcase', () => {
  it('count for the fair only when the showcase is on its approved programme', async () => {
    const p = await setup()
    const prisma = await getPrisma()
    const organizer = await createUser('ORGANIZER')
    const fair = await prisma.tradeFair.create({
      data: {
        slug: `rfq-fair-${crypto.randomUUID().slice(0, 8)}`,
        name: 'RFQ Expo',
        startsAt: new Date(),
        endsAt: new Date(Date.now() + 86_400_000),
        timeZone: 'Asia/Seoul',
        status: 'OPEN',
        organizerId: organizer.user.id,
      },
    })
    const showcase = (approvedAt: Date | null) =>
      prisma.liveSession.create({
        data: {
          title: 'Noodles live',
          hostId: p.exporter.user.id,
          companyId: p.exporter.company.id,
          fairId: fair.id,
          approvedAt,
          scheduledStartAt: new Date(),
          scheduledEndAt: new Date(Date.now() + 3_600_000),
        },
      })
    const proposal = await showcase(null)
    const approved = await showcase(new Date())
    const fairOf = async (liveSessionId: string) => {
      const created = (await sendRfq(p, { liveSessionId })) as Response
      const id = created.headers.get('Location')!.split('/').pop()!
      return await prisma.inquiry.findUniqueOrThrow({ where: { id }, select: { fairId: true, liveSessionId: true } })
    }
    expect(await fairOf(proposal.id)).toEqual({ fairId: null, liveSessionId: proposal.id })
    expect(await fairOf(approved.id)).toEqual({ fairId: fair.id, liveSessionId: approved.id })
  })
})

describe('notifications in the recipient’s language', () => {
  it('an exporter who reads Korean gets the inquiry and its mail in Korean, with the product’s Korean name', async () => {
    const exporter = await createExporter()
    const prisma = await getPrisma()
    await prisma.user.update({ where: { id: exporter.user.id }, data: { locale: 'ko' } })
    const product = await createProduct(exporter.company.id, { name: 'Buckwheat noodles', koName: '메밀국수', moq: 500 })
    const buyer = await createBuyer({ country: 'JP' })
    expect(((await sendRfq({ exporter, product, buyer }, { quantity: '1200' })) as Response).status).toBe(302)
    const note = await prisma.notification.findFirstOrThrow({ where: { userId: exporter.user.id, kind: 'inquiry.created' } })
    expect(note.data).toMatchObject({ country: '일본', product: '메밀국수', quantity: '1,200 pcs' })
    const mail = await prisma.emailOutbox.findFirstOrThrow({ where: { to: exporter.user.email } })
    expect(mail.text).toContain('(일본)')
    expect(mail.text).toContain('메밀국수')
    expect(mail.text).not.toMatch(/\bJP\b|Japan/)
  })
})

// Two connections at once: PostgreSQL only (PGlite has one connection).
const onPostgres = Boolean(process.env.TEST_POSTGRES_URL && process.env.DATABASE_URL)

describe.runIf(onPostgres)('a quote racing a stage move (PostgreSQL)', () => {
  const quote: QuoteInput = {
    intent: 'quote',
    unitPrice: 1.95,
    currency: 'USD',
    quantity: 1000,
    validUntil: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
    terms: '',
  }

  async function consultation() {
    const p = await setup()
    const created = (await sendRfq(p)) as Response
    const inquiryId = created.headers.get('Location')!.split('/').pop()!
    return { p, inquiryId, exporter: await sessionUserOf(p.exporter.cookie) }
  }

  it('a deal closed as LOST while the quote is being written refuses the quote as closed; LOST stays', async () => {
    const { inquiryId, exporter } = await consultation()
    const prisma = await getPrisma()
    const moved = gate()
    const commit = gate()
    // The stage move to LOST, holding the inquiry's row until the quote has started.
    const losing = prisma.$transaction(
      async (tx) => {
        await tx.inquiry.update({ where: { id: inquiryId }, data: { status: 'LOST', lostAt: new Date() } })
        moved.open()
        await commit.opened
      },
      { timeout: 20_000 },
    )
    await moved.opened
    const quoting = addQuote(exporter, inquiryId, quote).then(
      () => null,
      (error: unknown) => error,
    )
    await waitForBlockedOn('Inquiry')
    commit.open()
    await losing
    expect(await quoting).toMatchObject({ code: 'closed', status: 409 })
    expect(await prisma.inquiry.findUniqueOrThrow({ where: { id: inquiryId }, select: { status: true } })).toEqual({ status: 'LOST' })
    expect(await prisma.quote.count({ where: { inquiryId } })).toBe(0)
    expect(await prisma.inquiryStatusEvent.count({ where: { inquiryId, status: 'QUOTE' } })).toBe(0)
  })

  it('two quotes at once on a consultation: both are kept, the deal reaches QUOTE once', async () => {
    const { inquiryId, exporter } = await consultation()
    const prisma = await getPrisma()
    await Promise.all([addQuote(exporter, inquiryId, quote), addQuote(exporter, inquiryId, { ...quote, unitPrice: 1.9 })])
    expect(await prisma.quote.count({ where: { inquiryId } })).toBe(2)
    expect(await prisma.inquiry.findUniqueOrThrow({ where: { id: inquiryId }, select: { status: true } })).toEqual({ status: 'QUOTE' })
    expect(await prisma.inquiryStatusEvent.count({ where: { inquiryId, status: 'QUOTE' } })).toBe(1)
  })
})
