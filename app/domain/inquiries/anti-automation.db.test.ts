import { describe, expect, it } from 'vitest'
import { useTestHooksAndDatabase } from '../../../tests/test-hooks'
import { createBuyer, createExporter, createProduct } from '../../../tests/fixtures'
import { formRequest, mintCsrf } from '../../../tests/http'
import { getPrisma } from '~/domain/db.server'
import { action as productAction } from '~/routes/catalog/product'
import { action as newMeetingAction } from '~/routes/meetings/new'
import { TEST_CLOCK_COOKIE } from '~/utils/clock.server'
import { TRADE_LIMITS } from '~/utils/rate-limit.server'

// Anti-automation budgets (issue 13 item 10): RFQs, free sample orders and meeting requests are counted
// per account and per address; over budget, the form comes back (429) with its input and a clear error.

useTestHooksAndDatabase()

type FormReply = { data: { result?: FormResult; sampleResult?: FormResult }; init: { status: number; headers?: Record<string, string> } }
type FormResult = { error: Record<string, string[]>; initialValue: Record<string, unknown> }

let nextIp = 1
/** Each test posts from its own address, so budgets of one test never leak into another. */
const freshIp = () => `198.51.100.${nextIp++}`

async function post(
  handler: (args: never) => Promise<unknown>,
  path: string,
  cookies: string[],
  fields: Record<string, string>,
  ip: string,
  params: Record<string, string>,
) {
  const csrf = await mintCsrf()
  const request = formRequest(path, { csrf: csrf.token, ...fields }, { cookies: [csrf.cookie, ...cookies], headers: { 'x-tradecast-client-ip': ip } })
  return handler({ request, params } as never)
}

const status = (result: unknown) => (result instanceof Response ? result.status : (result as FormReply).init.status)

describe('anti-automation budgets', () => {
  it(`RFQs: ${TRADE_LIMITS.rfqByAccount.points} an hour per account, ${TRADE_LIMITS.rfqByIp.points} per address; the refused form keeps its input`, async () => {
    const prisma = await getPrisma()
    const exporter = await createExporter()
    const product = await createProduct(exporter.company.id)
    const ip = freshIp()
    const rfq = (cookie: string, message = 'Please quote FOB Busan.') =>
      post(
        productAction,
        `/catalog/${product.id}`,
        [cookie],
        { intent: 'rfq', productId: product.id, quantity: '1000', destinationCountry: 'DE', message },
        ip,
        { productId: product.id },
      )

    const buyer = await createBuyer()
    for (let i = 0; i < TRADE_LIMITS.rfqByAccount.points; i++) expect(status(await rfq(buyer.cookie))).toBe(302)
    const refused = (await rfq(buyer.cookie, 'One more, please')) as FormReply
    expect(refused.init.status).toBe(429)
    expect(Number(refused.init.headers?.['Retry-After'])).toBeGreaterThan(0)
    expect(refused.data.result?.error['']?.[0]).toMatch(/^inquiries\.errors\.tooMany\|\d+$/)
    expect(refused.data.result?.initialValue).toMatchObject({ message: 'One more, please', quantity: '1000' })
    expect(await prisma.inquiry.count({ where: { buyer: { userId: buyer.user.id } } })).toBe(TRADE_LIMITS.rfqByAccount.points)

    // Other accounts from the same address go on, up to the address's budget.
    const perAddress = TRADE_LIMITS.rfqByIp.points - TRADE_LIMITS.rfqByAccount.points - 1 // the refused one counted too
    const others = await Promise.all(Array.from({ length: Math.ceil(perAddress / TRADE_LIMITS.rfqByAccount.points) + 1 }, () => createBuyer()))
    let sent = 0
    for (const other of others) {
      for (let i = 0; i < TRADE_LIMITS.rfqByAccount.points && sent < perAddress; i++, sent++) expect(status(await rfq(other.cookie))).toBe(302)
    }
    expect(status(await rfq(others.at(-1)!.cookie))).toBe(429)
  })

  it(`free sample orders: ${TRADE_LIMITS.freeSampleByAccount.points} a day per account`, async () => {
    const prisma = await getPrisma()
    const exporter = await createExporter()
    const product = await createProduct(exporter.company.id)
    await prisma.product.update({
      where: { id: product.id },
      data: { sampleAvailable: true, samplePriceMinor: 0, sampleCurrency: 'USD', sampleMaxQuantity: 3 },
    })
    const buyer = await createBuyer()
    const ip = freshIp()
    const order = () =>
      post(productAction, `/catalog/${product.id}`, [buyer.cookie], { intent: 'buy-sample', productId: product.id, quantity: '3', shippingCountry: 'DE' }, ip, {
        productId: product.id,
      })
    for (let i = 0; i < TRADE_LIMITS.freeSampleByAccount.points; i++) expect(status(await order())).toBe(302)
    const refused = (await order()) as FormReply
    expect(refused.init.status).toBe(429)
    expect(refused.data.sampleResult?.error['']?.[0]).toMatch(/^payments\.errors\.too-many-free\|\d+$/)
    expect(refused.data.sampleResult?.initialValue).toMatchObject({ quantity: '3', shippingCountry: 'DE' })
    expect(await prisma.order.count({ where: { userId: buyer.user.id } })).toBe(TRADE_LIMITS.freeSampleByAccount.points)
  })

  it(`meeting requests: ${TRADE_LIMITS.meetingRequestByAccount.points} a day per account`, async () => {
    const prisma = await getPrisma()
    const exporter = await createExporter()
    const buyer = await createBuyer()
    // Berlin buyer, Seoul exporter: 08:00 UTC on Monday 9 March 2026 is inside both parties' hours.
    await prisma.buyerProfile.update({ where: { id: buyer.profile.id }, data: { timeZone: 'Europe/Berlin' } })
    await prisma.exporterCompany.update({
      where: { id: exporter.company.id },
      data: { timeZone: 'Asia/Seoul', businessHoursStart: '09:00', businessHoursEnd: '18:00' },
    })
    const clock = `${TEST_CLOCK_COOKIE}=${encodeURIComponent('2026-03-09T00:00:00.000Z')}`
    const ip = freshIp()
    const request = () =>
      post(
        newMeetingAction,
        `/meetings/new?company=${exporter.company.slug}`,
        [buyer.cookie, clock],
        { intent: 'request', slotStart: '2026-03-09T08:00:00.000Z', agenda: 'Noodles' },
        ip,
        {},
      )
    for (let i = 0; i < TRADE_LIMITS.meetingRequestByAccount.points; i++) expect(status(await request())).toBe(302)
    const refused = (await request()) as FormReply
    expect(refused.init.status).toBe(429)
    expect(refused.data.result?.error['']?.[0]).toMatch(/^meetings\.errors\.tooMany\|\d+$/)
    expect(refused.data.result?.initialValue).toMatchObject({ agenda: 'Noodles', slotStart: '2026-03-09T08:00:00.000Z' })
    expect(await prisma.meeting.count({ where: { buyerId: buyer.profile.id } })).toBe(TRADE_LIMITS.meetingRequestByAccount.points)
  })
})
