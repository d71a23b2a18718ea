import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBuyer, createProduct } from '../../../tests/fixtures'
import { agencyGrantingWorld } from '../../../tests/agency-fixtures'
import { formRequest, getRequest, mintCsrf } from '../../../tests/http'
import { action as productAction } from '~/routes/catalog/product'
import { action as threadAction, loader as threadLoader } from '~/routes/inquiries/thread'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { revokeGrant } from './grants.server'
import type { AgencyScopeName } from './scopes'

// RFQ notifications reach the agencies a company let handle its RFQs (ADR 026, companyRecipients): a new RFQ
// and a buyer's reply notify the agency's members while the grant holds RFQS_QUOTES, and nobody else's.

async function world(scopes: AgencyScopeName[]) {
  const { granting: exporter, agency, member: agent, grantId } = await agencyGrantingWorld(scopes)
  const product = await createProduct(exporter.company.id, { name: 'Buckwheat noodles' })
  const buyer = await createBuyer()
  return { exporter, product, agency, agent, grantId, buyer }
}

type World = Awaited<ReturnType<typeof world>>

async function post(path: string, cookie: string, fields: Record<string, string>, handler: (args: never) => Promise<unknown>, params: Record<string, string>) {
  const csrf = await mintCsrf()
  return handler({ request: formRequest(path, { csrf: csrf.token, ...fields }, { cookies: [csrf.cookie, cookie] }), params } as never)
}

async function sendRfq(w: World): Promise<string> {
  const fields = { intent: 'rfq', productId: w.product.id, quantity: '500', destinationCountry: 'DE', message: 'Please quote FOB Busan.' }
  const response = (await post(`/catalog/${w.product.id}`, w.buyer.cookie, fields, productAction, { productId: w.product.id })) as Response
  expect(response.status).toBe(302)
  return response.headers.get('Location')!.split('/').pop()!
}

async function notesOf(userId: string, kind: string) {
  const prisma = await getPrisma()
  return prisma.notification.findMany({ where: { userId, kind }, select: { link: true, data: true } })
}

beforeAll(async () => {
  await getPrisma()
})
afterAll(async () => {
  await disconnectPrisma()
})

describe('RFQ notifications for agencies', () => {
  it('a new RFQ and the buyer’s reply notify the agency member, with a link to a thread they can open', async () => {
    const w = await world(['RFQS_QUOTES'])
    const inquiryId = await sendRfq(w)
    const created = await notesOf(w.agent.user.id, 'inquiry.created')
    expect(created).toEqual([expect.objectContaining({ link: `/inquiries/${inquiryId}` })])
    expect(created[0]?.data).toMatchObject({ buyer: w.buyer.profile.companyName, product: 'Buckwheat noodles' })
    // The company's own member still hears of it, once.
    expect(await notesOf(w.exporter.user.id, 'inquiry.created')).toHaveLength(1)

    // The link opens the thread for the agency member, acting for the company.
    const thread = (await threadLoader({ request: getRequest(`/inquiries/${inquiryId}`, [w.agent.cookie]), params: { inquiryId } } as never)) as {
      actingAgency: { agency: string; company: string } | null
    }
    expect(thread.actingAgency).toEqual({ agency: w.agency.name, company: w.exporter.company.name })

    const reply = (await post(`/inquiries/${inquiryId}`, w.buyer.cookie, { intent: 'message', body: 'Any news?' }, threadAction, { inquiryId })) as Response
    expect(reply.status).toBe(302)
    expect(await notesOf(w.agent.user.id, 'inquiry.message')).toEqual([expect.objectContaining({ link: `/inquiries/${inquiryId}` })])
    expect(await notesOf(w.exporter.user.id, 'inquiry.message')).toHaveLength(1)
  })

  it('stops once the grant is revoked', async () => {
    const w = await world(['RFQS_QUOTES', 'CATALOGUE'])
    const before = await sendRfq(w)
    await revokeGrant(w.exporter.user, w.exporter.company.id, w.grantId)
    await post(`/inquiries/${before}`, w.buyer.cookie, { intent: 'message', body: 'Any news?' }, threadAction, { inquiryId: before })
    await sendRfq(w)
    expect(await notesOf(w.agent.user.id, 'inquiry.created')).toHaveLength(1)
    expect(await notesOf(w.agent.user.id, 'inquiry.message')).toHaveLength(0)
    expect(await notesOf(w.exporter.user.id, 'inquiry.created')).toHaveLength(2)
    expect(await notesOf(w.exporter.user.id, 'inquiry.message')).toHaveLength(1)
  })

  it('reaches no agency whose grant lacks RFQS_QUOTES', async () => {
    const w = await world(['CATALOGUE', 'MEETINGS'])
    const inquiryId = await sendRfq(w)
    await post(`/inquiries/${inquiryId}`, w.buyer.cookie, { intent: 'message', body: 'Any news?' }, threadAction, { inquiryId })
    expect(await notesOf(w.agent.user.id, 'inquiry.created')).toHaveLength(0)
    expect(await notesOf(w.agent.user.id, 'inquiry.message')).toHaveLength(0)
    expect(await notesOf(w.exporter.user.id, 'inquiry.created')).toHaveLength(1)
  })
})
