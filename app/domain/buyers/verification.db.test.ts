import type { RoleName } from '~/domain/accounts/permissions'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBuyer, createExporter, createLiveShowcase, createProduct, createUser } from '../../../tests/fixtures'
import { caught, formRequest, getRequest, mintCsrf } from '../../../tests/http'
import { applyBuyerVerification, assertMayVerifyBuyer, listBuyersForVerification } from './verification.server'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { listInquiries, getInquiryThread } from '~/domain/inquiries/queries.server'
import { listRecentMessages, postChatMessage } from '~/domain/live/chat.server'
import type { RoomContext } from '~/domain/live/room-access.server'
import { getMeetingView, listMeetings } from '~/domain/meetings/queries.server'
import { action as adminBuyersAction, loader as adminBuyersLoader } from '~/routes/admin/buyers'
import { action as productAction, loader as productLoader } from '~/routes/catalog/product'
import { action as manageAction, loader as manageLoader } from '~/routes/organizer/fairs/fair'

// Verified buyers (docs/verified-buyers.md): who may verify whom, the history, and the badge reaching
// RFQs, meetings and the live chat; free samples kept for verified buyers.

const NOW = new Date('2026-12-05T09:00:00Z')

beforeAll(async () => {
  await getPrisma()
})
afterAll(async () => {
  await disconnectPrisma()
})

async function post(
  path: string,
  cookie: string,
  fields: Record<string, string>,
  handler: (args: never) => Promise<unknown>,
  params: Record<string, string> = {},
) {
  const csrf = await mintCsrf()
  return handler({ request: formRequest(path, { csrf: csrf.token, ...fields }, { cookies: [csrf.cookie, cookie] }), params } as never)
}

async function fairWithBuyer(status: 'PENDING' | 'APPROVED' | 'REJECTED' = 'APPROVED') {
  const prisma = await getPrisma()
  const organizer = await createUser('ORGANIZER', { name: 'Soo-jin Organizer' })
  const fair = await prisma.tradeFair.create({
    data: {
      slug: `vb-${Math.random().toString(36).slice(2, 10)}`,
      name: 'Verified Expo',
      startsAt: new Date('2026-12-10T00:00:00Z'),
      endsAt: new Date('2026-12-12T09:00:00Z'),
      timeZone: 'Asia/Seoul',
      status: 'OPEN',
      organizerId: organizer.user.id,
    },
  })
  const buyer = await createBuyer({ companyName: 'Hudson Verified Imports' })
  await prisma.fairRegistration.create({ data: { fairId: fair.id, userId: buyer.user.id, kind: 'BUYER', status } })
  return { organizer, fair, buyer }
}

const verifyInput = (buyerId: string) => ({
  intent: 'verify-buyer' as const,
  buyerId,
  method: 'DOCUMENTS' as const,
  note: 'Business registration and import licence seen',
})
const asVerifier = (user: { id: string; role: RoleName; name: string }) => ({
  id: user.id,
  role: user.role,
  name: user.name,
})

describe('verifying a buyer', () => {
  it("the fair's organizer verifies an approved buyer on the fair page; the entry records method, note, verifier, fair and date", async () => {
    const { organizer, fair, buyer } = await fairWithBuyer('APPROVED')
    const response = (await post(`/organizer/fairs/${fair.id}`, organizer.cookie, { ...verifyInput(buyer.profile.id) }, manageAction, {
      fairId: fair.id,
    })) as Response
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe(`/organizer/fairs/${fair.id}`)
    const prisma = await getPrisma()
    const profile = await prisma.buyerProfile.findUniqueOrThrow({
      where: { id: buyer.profile.id },
      include: { currentVerification: true, verifications: true },
    })
    expect(profile.verifications).toHaveLength(1)
    expect(profile.currentVerification).toMatchObject({
      action: 'VERIFIED',
      method: 'DOCUMENTS',
      note: 'Business registration and import licence seen',
      verifierId: organizer.user.id,
      verifierName: 'Soo-jin Organizer',
      fairId: fair.id,
    })
    // The fair page shows the badge and history for that registration.
    const page = (await manageLoader({ request: getRequest(`/organizer/fairs/${fair.id}`, [organizer.cookie]), params: { fairId: fair.id } } as never)) as {
      buyerVerifications: Record<string, { badge: { verifierName: string } | null; history: unknown[] }>
    }
    expect(page.buyerVerifications[buyer.profile.id]?.badge?.verifierName).toBe('Soo-jin Organizer')
    expect(page.buyerVerifications[buyer.profile.id]?.history).toHaveLength(1)
  })

  it('revoking keeps the history: VERIFIED then REVOKED, no badge; revoking again is a 409', async () => {
    const { organizer, fair, buyer } = await fairWithBuyer()
    const verifier = asVerifier(organizer.user)
    await applyBuyerVerification(verifier, verifyInput(buyer.profile.id), { fairId: fair.id, now: NOW })
    await applyBuyerVerification(
      verifier,
      { intent: 'revoke-buyer', buyerId: buyer.profile.id, note: 'Import licence expired' },
      { fairId: fair.id, now: new Date(NOW.getTime() + 60_000) },
    )
    const prisma = await getPrisma()
    const history = await prisma.buyerVerification.findMany({ where: { buyerId: buyer.profile.id }, orderBy: { createdAt: 'asc' } })
    expect(history.map((entry) => [entry.action, entry.createdAt.toISOString()])).toEqual([
      ['VERIFIED', '2026-12-05T09:00:00.000Z'],
      ['REVOKED', '2026-12-05T09:01:00.000Z'],
    ])
    expect((await prisma.buyerProfile.findUniqueOrThrow({ where: { id: buyer.profile.id } })).currentVerificationId).toBeNull()
    const again = await post(
      `/organizer/fairs/${fair.id}`,
      organizer.cookie,
      { intent: 'revoke-buyer', buyerId: buyer.profile.id, note: 'Twice' },
      manageAction,
      { fairId: fair.id },
    )
    const { status, data } = await caught(() => {
      throw again
    })
    expect(status).toBe(409)
    expect(JSON.stringify(data)).toContain('buyerVerification.errors.notVerified')
  })

  it('an admin verifies any buyer from the buyers list, which filters verified and unverified', async () => {
    const admin = await createUser('ADMIN', { name: 'Ada Admin' })
    const lonely = await createBuyer({ companyName: `Unregistered Buyer ${Date.now()}` })
    const response = (await post(
      '/admin/buyers',
      admin.cookie,
      { intent: 'verify-buyer', buyerId: lonely.profile.id, method: 'TRADE_REFERENCE', note: 'KOTRA office reference' },
      adminBuyersAction,
    )) as Response
    expect(response.status).toBe(302)
    const verified = await listBuyersForVerification({ verified: 'verified', query: lonely.profile.companyName })
    expect(verified.buyers.map((b) => [b.id, b.badge?.verifierName, b.badge?.method])).toEqual([[lonely.profile.id, 'Ada Admin', 'TRADE_REFERENCE']])
    expect((await listBuyersForVerification({ verified: 'unverified', query: lonely.profile.companyName })).buyers).toEqual([])
    const page = (await adminBuyersLoader({ request: getRequest('/admin/buyers?verified=verified&q=Unregistered', [admin.cookie]), params: {} } as never)) as {
      buyers: Array<{ id: string }>
    }
    expect(page.buyers.map((b) => b.id)).toContain(lonely.profile.id)
  })
})

describe('who may not verify (hostile)', () => {
  it('exporters and buyers are refused (403), even naming a fair', async () => {
    const { fair, buyer } = await fairWithBuyer()
    const exporter = await createExporter()
    const other = await createBuyer()
    for (const user of [exporter.user, other.user, buyer.user]) {
      await expect(applyBuyerVerification(asVerifier(user), verifyInput(buyer.profile.id), { fairId: fair.id, now: NOW })).rejects.toMatchObject({
        code: 'forbidden',
        status: 403,
      })
    }
    // Through the fair page: the permission guard answers first.
    const got = await caught(() => post(`/organizer/fairs/${fair.id}`, exporter.cookie, verifyInput(buyer.profile.id), manageAction, { fairId: fair.id }))
    expect(got.status).toBe(403)
    const prisma = await getPrisma()
    expect(await prisma.buyerVerification.count({ where: { buyerId: buyer.profile.id } })).toBe(0)
  })

  it("an organizer of another fair cannot verify this fair's buyer: not through their own fair, not through this one, not without a fair (404)", async () => {
    const { fair, buyer } = await fairWithBuyer()
    const elsewhere = await fairWithBuyer()
    const intruder = asVerifier(elsewhere.organizer.user)
    await expect(assertMayVerifyBuyer(intruder, buyer.profile.id, elsewhere.fair.id)).rejects.toMatchObject({ status: 404 })
    await expect(assertMayVerifyBuyer(intruder, buyer.profile.id, fair.id)).rejects.toMatchObject({ status: 404 })
    await expect(assertMayVerifyBuyer(intruder, buyer.profile.id, null)).rejects.toMatchObject({ status: 404 })
    // Their own fair's page, naming a buyer who is not registered there.
    const got = await caught(() =>
      post(`/organizer/fairs/${elsewhere.fair.id}`, elsewhere.organizer.cookie, verifyInput(buyer.profile.id), manageAction, { fairId: elsewhere.fair.id }),
    )
    expect(got.status).toBe(404)
    // This fair's page: not theirs.
    const other = await caught(() =>
      post(`/organizer/fairs/${fair.id}`, elsewhere.organizer.cookie, verifyInput(buyer.profile.id), manageAction, { fairId: fair.id }),
    )
    expect(other.status).toBe(404)
    const prisma = await getPrisma()
    expect(await prisma.buyerVerification.count({ where: { buyerId: buyer.profile.id } })).toBe(0)
  })

  it('a rejected registration, an unknown buyer id: 404', async () => {
    const { organizer, fair, buyer } = await fairWithBuyer('REJECTED')
    const verifier = asVerifier(organizer.user)
    await expect(assertMayVerifyBuyer(verifier, buyer.profile.id, fair.id)).rejects.toMatchObject({ status: 404 })
    await expect(assertMayVerifyBuyer(verifier, 'no-such-buyer', fair.id)).rejects.toMatchObject({ status: 404 })
  })

  it('a pending registration is not enough: 404 on the fair page, nothing written, and the page offers no controls for it', async () => {
    const { organizer, fair, buyer } = await fairWithBuyer('PENDING')
    await expect(assertMayVerifyBuyer(asVerifier(organizer.user), buyer.profile.id, fair.id)).rejects.toMatchObject({ status: 404 })
    const got = await caught(() => post(`/organizer/fairs/${fair.id}`, organizer.cookie, verifyInput(buyer.profile.id), manageAction, { fairId: fair.id }))
    expect(got.status).toBe(404)
    const prisma = await getPrisma()
    expect(await prisma.buyerVerification.count({ where: { buyerId: buyer.profile.id } })).toBe(0)
    const page = (await manageLoader({ request: getRequest(`/organizer/fairs/${fair.id}`, [organizer.cookie]), params: { fairId: fair.id } } as never)) as {
      buyerVerifications: Record<string, unknown>
    }
    expect(page.buyerVerifications).not.toHaveProperty(buyer.profile.id)
  })

  it("an organizer cannot revoke or re-verify an admin's verification, nor one made through another fair (403 with the message); the fair page's history shows only its own fair's entries", async () => {
    const prisma = await getPrisma()
    const { organizer, fair, buyer } = await fairWithBuyer()
    const admin = await createUser('ADMIN', { name: 'Ada Admin' })
    // An admin verifies through this fair's page: the entry belongs to no fair.
    const byAdmin = (await post(`/organizer/fairs/${fair.id}`, admin.cookie, verifyInput(buyer.profile.id), manageAction, { fairId: fair.id })) as Response
    expect(byAdmin.status).toBe(302)
    const adminEntry = await prisma.buyerProfile.findUniqueOrThrow({ where: { id: buyer.profile.id }, select: { currentVerification: true } })
    expect(adminEntry.currentVerification).toMatchObject({ verifierId: admin.user.id, fairId: null })
    // The page wrote it at the real time: the later entries are placed after that, whatever the pinned NOW.
    const adminAt = (await prisma.buyerVerification.findFirstOrThrow({ where: { buyerId: buyer.profile.id }, select: { createdAt: true } })).createdAt

    for (const fields of [
      { intent: 'revoke-buyer', buyerId: buyer.profile.id, note: 'I think not' },
      { ...verifyInput(buyer.profile.id), method: 'OTHER', note: 'Taking it over' },
    ]) {
      const refused = await caught(async () => {
        throw await post(`/organizer/fairs/${fair.id}`, organizer.cookie, fields, manageAction, { fairId: fair.id })
      })
      expect(refused.status, fields.intent).toBe(403)
      expect(JSON.stringify(refused.data)).toContain('buyerVerification.errors.notYourVerification')
    }
    expect(await prisma.buyerVerification.count({ where: { buyerId: buyer.profile.id } })).toBe(1)

    // The organizer's page: the badge (global), no forms to change it, and no history entry (not made under this fair).
    const page = (await manageLoader({ request: getRequest(`/organizer/fairs/${fair.id}`, [organizer.cookie]), params: { fairId: fair.id } } as never)) as {
      buyerVerifications: Record<string, { badge: { verifierName: string } | null; underThisFair: boolean; history: unknown[] }>
      mayChangeAnyVerification: boolean
    }
    expect(page.buyerVerifications[buyer.profile.id]).toMatchObject({ badge: { verifierName: 'Ada Admin' }, underThisFair: false, history: [] })
    expect(page.mayChangeAnyVerification).toBe(false)

    // Another fair where the same buyer is approved: its organizer cannot revoke this one either.
    const other = await fairWithBuyer()
    await prisma.fairRegistration.create({ data: { fairId: other.fair.id, userId: buyer.user.id, kind: 'BUYER', status: 'APPROVED' } })
    await expect(
      applyBuyerVerification(
        asVerifier(other.organizer.user),
        { intent: 'revoke-buyer', buyerId: buyer.profile.id, note: 'Not on my watch' },
        { fairId: other.fair.id, now: NOW },
      ),
    ).rejects.toMatchObject({ code: 'not-your-verification', status: 403 })

    // The admin revokes; now this fair's organizer verifies, and the other fair's organizer cannot revoke that.
    await applyBuyerVerification(
      asVerifier(admin.user),
      { intent: 'revoke-buyer', buyerId: buyer.profile.id, note: 'Rechecking' },
      { fairId: null, now: new Date(adminAt.getTime() + 60_000) },
    )
    await applyBuyerVerification(asVerifier(organizer.user), verifyInput(buyer.profile.id), { fairId: fair.id, now: new Date(adminAt.getTime() + 120_000) })
    await expect(
      applyBuyerVerification(
        asVerifier(other.organizer.user),
        { intent: 'revoke-buyer', buyerId: buyer.profile.id, note: 'Not on my watch' },
        { fairId: other.fair.id, now: NOW },
      ),
    ).rejects.toMatchObject({ code: 'not-your-verification', status: 403 })
    // The other fair's page shows the badge but none of this fair's or the admin's entries.
    const otherPage = (await manageLoader({
      request: getRequest(`/organizer/fairs/${other.fair.id}`, [other.organizer.cookie]),
      params: { fairId: other.fair.id },
    } as never)) as { buyerVerifications: Record<string, { badge: unknown; underThisFair: boolean; history: unknown[] }> }
    expect(otherPage.buyerVerifications[buyer.profile.id]).toMatchObject({ underThisFair: false, history: [] })
    // This fair's page: only its own entry; the admin's list has all three.
    const ownPage = (await manageLoader({ request: getRequest(`/organizer/fairs/${fair.id}`, [organizer.cookie]), params: { fairId: fair.id } } as never)) as {
      buyerVerifications: Record<string, { underThisFair: boolean; history: Array<{ verifierName: string; action: string }> }>
    }
    expect(ownPage.buyerVerifications[buyer.profile.id]?.underThisFair).toBe(true)
    expect(ownPage.buyerVerifications[buyer.profile.id]?.history.map((h) => [h.action, h.verifierName])).toEqual([['VERIFIED', 'Soo-jin Organizer']])
    const adminList = await listBuyersForVerification({ verified: 'all', query: buyer.user.email })
    expect(adminList.buyers.find((b) => b.id === buyer.profile.id)?.history.map((h) => [h.action, h.verifierName])).toEqual([
      ['VERIFIED', 'Soo-jin Organizer'],
      ['REVOKED', 'Ada Admin'],
      ['VERIFIED', 'Ada Admin'],
    ])
    // The organizer now revokes their own verification.
    await applyBuyerVerification(
      asVerifier(organizer.user),
      { intent: 'revoke-buyer', buyerId: buyer.profile.id, note: 'Licence expired' },
      { fairId: fair.id, now: new Date(adminAt.getTime() + 180_000) },
    )
    expect((await prisma.buyerProfile.findUniqueOrThrow({ where: { id: buyer.profile.id } })).currentVerificationId).toBeNull()
  })

  it('bad input is a 400 with the message, and nothing is written', async () => {
    const { organizer, fair, buyer } = await fairWithBuyer()
    const cases: Array<[Record<string, string>, string]> = [
      [{ intent: 'verify-buyer', buyerId: buyer.profile.id, method: 'DOCUMENTS', note: ' ' }, 'buyerVerification.errors.note'],
      [{ intent: 'verify-buyer', buyerId: buyer.profile.id, method: 'BRIBE', note: 'Seen it all' }, 'buyerVerification.errors.method'],
      [{ intent: 'verify-buyer', buyerId: buyer.profile.id, method: 'DOCUMENTS', note: 'x'.repeat(501) }, 'errors.tooLong'],
      [{ intent: 'verify-buyer', buyerId: buyer.profile.id, method: 'DOCUMENTS', note: 'Seen\u202Eevil' }, 'errors.controlCharacters'],
      [{ intent: 'verify-buyer', method: 'DOCUMENTS', note: 'Seen it all' }, 'errors.required'],
    ]
    for (const [fields, message] of cases) {
      const got = await caught(async () => {
        throw await post(`/organizer/fairs/${fair.id}`, organizer.cookie, fields, manageAction, { fairId: fair.id })
      })
      expect(got.status, JSON.stringify(fields)).toBe(400)
      expect(JSON.stringify(got.data)).toContain(message)
    }
    const prisma = await getPrisma()
    expect(await prisma.buyerVerification.count({ where: { buyerId: buyer.profile.id } })).toBe(0)
  })
})

describe('the badge reaches RFQs, meetings and the live chat', () => {
  it('inquiry list (badge, verified-only filter, verified first) and thread; meeting list and page; chat payloads', async () => {
    const prisma = await getPrisma()
    const { organizer, fair, buyer } = await fairWithBuyer()
    const plain = await createBuyer({ companyName: 'Plain Unverified Trading' })
    const exporter = await createExporter()
    const product = await createProduct(exporter.company.id)
    // The verified buyer's RFQ is the older one: "verified first" must lift it above the newer.
    const verifiedInquiry = await prisma.inquiry.create({
      data: {
        buyerId: buyer.profile.id,
        companyId: exporter.company.id,
        productId: product.id,
        quantity: 100,
        destinationCountry: 'US',
        message: 'Hi',
        createdAt: new Date(NOW.getTime() - 3_600_000),
      },
    })
    const plainInquiry = await prisma.inquiry.create({
      data: {
        buyerId: plain.profile.id,
        companyId: exporter.company.id,
        productId: product.id,
        quantity: 100,
        destinationCountry: 'US',
        message: 'Hi',
        createdAt: NOW,
      },
    })
    await applyBuyerVerification(asVerifier(organizer.user), verifyInput(buyer.profile.id), { fairId: fair.id, now: NOW })
    const owner = { kind: 'exporter' as const, companyId: exporter.company.id }

    const all = await listInquiries(owner, {}, 'en')
    expect(all.items.map((i) => i.id)).toEqual([plainInquiry.id, verifiedInquiry.id])
    expect(all.items.map((i) => i.buyerVerified?.verifierName ?? null)).toEqual([null, 'Soo-jin Organizer'])
    expect((await listInquiries(owner, { verifiedFirst: true }, 'en')).items.map((i) => i.id)).toEqual([verifiedInquiry.id, plainInquiry.id])
    expect((await listInquiries(owner, { verifiedOnly: true }, 'en')).items.map((i) => i.id)).toEqual([verifiedInquiry.id])
    const thread = await getInquiryThread(verifiedInquiry.id, 'en')
    expect(thread.buyerVerified).toEqual({ verifiedAt: NOW.toISOString(), verifierName: 'Soo-jin Organizer', method: 'DOCUMENTS' })
    expect((await getInquiryThread(plainInquiry.id, 'en')).buyerVerified).toBeNull()

    const meeting = await prisma.meeting.create({
      data: {
        buyerId: buyer.profile.id,
        companyId: exporter.company.id,
        requestedById: buyer.user.id,
        startsAt: new Date('2026-12-11T01:00:00Z'),
        endsAt: new Date('2026-12-11T01:30:00Z'),
        participants: { create: [{ userId: buyer.user.id, role: 'BUYER' }] },
      },
    })
    const exporterSession = await prisma.user.findUniqueOrThrow({
      where: { id: exporter.user.id },
      select: {
        id: true,
        email: true,
        name: true,
        role: true,
        locale: true,
        timeZone: true,
        exporterMember: { select: { role: true, company: { select: { id: true, slug: true, name: true } } } },
        buyerProfile: { select: { id: true, companyName: true, country: true } },
      },
    })
    const rows = await listMeetings(exporterSession, { locale: 'en' })
    expect(rows.find((row) => row.id === meeting.id)?.buyerVerified?.verifiedAt).toBe(NOW.toISOString())
    const view = await getMeetingView(meeting.id, { locale: 'en', viewer: exporterSession })
    expect(view.buyerVerified?.method).toBe('DOCUMENTS')

    // Chat: the payload of a verified buyer's message carries the badge from the database; others' do not.
    const { session } = await createLiveShowcase('Verified chat')
    const room: RoomContext = {
      sessionId: session.id,
      companyId: session.companyId,
      status: 'LIVE',
      isPublic: true,
      isHost: false,
      canModerate: false,
      blockedWords: [],
      slowModeSeconds: 0,
    }
    const identity = (user: { id: string; name: string }, role: 'BUYER') => ({
      kind: 'user' as const,
      userId: user.id,
      name: user.name,
      role,
      companyId: null,
      locale: 'en',
    })
    const sent = await postChatMessage(room, identity(buyer.user, 'BUYER'), { body: 'Do you ship to New York?' }, { now: NOW })
    const plainSent = await postChatMessage(room, identity(plain.user, 'BUYER'), { body: 'And to Boston?' }, { now: new Date(NOW.getTime() + 1000) })
    if (!sent.ok || !plainSent.ok) throw new Error('chat refused')
    // Only the badge: no verifier's name in a payload every viewer (guests too) receives.
    expect(sent.message.author).toMatchObject({ kind: 'user' })
    expect(sent.message.author.kind === 'user' ? sent.message.author.verifiedBuyer : null).toEqual({
      verified: true,
      method: 'DOCUMENTS',
      verifiedAt: NOW.toISOString(),
    })
    expect(JSON.stringify(sent.message)).not.toContain('Soo-jin')
    expect(plainSent.message.author).not.toHaveProperty('verifiedBuyer')
    const history = await listRecentMessages(session.id)
    expect(history.map((m) => (m.author.kind === 'user' ? (m.author.verifiedBuyer ?? null) : 'guest'))).toEqual([
      { verified: true, method: 'DOCUMENTS', verifiedAt: NOW.toISOString() },
      null,
    ])
    expect(JSON.stringify(history)).not.toContain('Soo-jin')
  })
})

describe('free samples for verified buyers only', () => {
  async function restrictedProduct(priceMinor = 0) {
    const prisma = await getPrisma()
    const exporter = await createExporter()
    const product = await createProduct(exporter.company.id, { name: 'Free sample kit' })
    await prisma.product.update({
      where: { id: product.id },
      data: { sampleAvailable: true, samplePriceMinor: priceMinor, sampleCurrency: 'USD', sampleMaxQuantity: 2, freeSamplesVerifiedOnly: true },
    })
    return product
  }
  const buy = (productId: string, cookie: string) =>
    post(`/catalog/${productId}`, cookie, { intent: 'buy-sample', productId, quantity: '1', shippingCountry: 'US' }, productAction, { productId })

  it('an unverified buyer is refused with the message and no order; the product page says why; a verified buyer gets the free sample', async () => {
    const prisma = await getPrisma()
    const product = await restrictedProduct()
    const { organizer, fair, buyer } = await fairWithBuyer()

    const refused = await caught(async () => {
      throw await buy(product.id, buyer.cookie)
    })
    expect(refused.status).toBe(403)
    expect(JSON.stringify(refused.data)).toContain('buyerVerification.samples.refused')
    expect(await prisma.order.count({ where: { buyerId: buyer.profile.id } })).toBe(0)
    const page = (await productLoader({ request: getRequest(`/catalog/${product.id}`, [buyer.cookie]), params: { productId: product.id } } as never)) as {
      product: { sample: { verifiedBuyersOnly: boolean } | null }
      viewerVerified: boolean | null
    }
    expect(page.product.sample?.verifiedBuyersOnly).toBe(true)
    expect(page.viewerVerified).toBe(false)

    await applyBuyerVerification(asVerifier(organizer.user), verifyInput(buyer.profile.id), { fairId: fair.id, now: NOW })
    const accepted = (await buy(product.id, buyer.cookie)) as Response
    expect(accepted.status).toBe(302)
    expect(await prisma.order.findMany({ where: { buyerId: buyer.profile.id }, select: { status: true, totalAmountMinor: true } })).toEqual([
      { status: 'PAID', totalAmountMinor: 0 },
    ])

    // Revoked: refused again.
    await applyBuyerVerification(
      asVerifier(organizer.user),
      { intent: 'revoke-buyer', buyerId: buyer.profile.id, note: 'Documents withdrawn' },
      { fairId: fair.id, now: NOW },
    )
    expect(
      (
        await caught(async () => {
          throw await buy(product.id, buyer.cookie)
        })
      ).status,
    ).toBe(403)
  })

  it('a priced sample is not restricted by the setting (the refusal is not about verification)', async () => {
    const product = await restrictedProduct(1500)
    const buyer = await createBuyer()
    const got = await caught(async () => {
      throw await buy(product.id, buyer.cookie)
    })
    expect(JSON.stringify(got.data ?? null)).not.toContain('buyerVerification.samples.refused')
  })
})
