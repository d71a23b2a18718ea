import '../../../tests/app-handler'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { appGet, appPost, freshSession, startAppHandler, type AppHandler } from '../../../tests/app-handler'
import { createBuyer, createExporter, createProduct, createUser } from '../../../tests/fixtures'
import { exponentialBackoffMs, retryDelayMs } from '~/domain/jobs/jobs.server'
import { createScratchDatabase, dropScratchDatabase } from '../../../tests/postgres'
import { seededRandom } from '../../../tests/seeded-random'
import { FOLLOW_UP_DAYS, listSessionLeads } from './leads.server'
import { recordProductOpen } from './product-opens.server'
import { scoreLead } from './score'
import { deliverLeadWebhookJob, startLeadSweep, sweepLeadWebhookJob } from './webhook-jobs.server'
import {
  deliverLeadWebhook,
  IDEMPOTENCY_HEADER,
  MAX_DELIVERY_ATTEMPTS,
  deliveryRetryDelayMs,
  getWebhook,
  saveWebhook,
  SIGNATURE_HEADER,
  sweepCompanyLeads,
  verifyWebhookSignature,
} from './webhooks.server'

// The exporter's lead list (issue 21) on a showcase seeded with pseudo-random activity, checked against
// figures this test computes on its own from the raw rows; the buyer's opt-out; who may read it; product
// opens; and the CRM webhook against a real HTTP server on this machine.

const T0 = new Date('2026-11-20T10:00:00.000Z')
const MIN = 60_000
const DAY = 24 * 60 * MIN
const at = (minutes: number) => new Date(T0.getTime() + minutes * MIN)

// The last test seeds the demo data: on PostgreSQL, where the test files share one database, that would
// leave it for files that seed it themselves at another instant (prisma/seed.test.ts, the readiness matrix).
// So this file works in a database of its own there (PGlite files each have their own already).
const adminUrl = process.env.TEST_POSTGRES_URL
const onPostgres = Boolean(adminUrl && process.env.DATABASE_URL)
const scratchName = `tradecast_leads_${process.pid}_${Date.now()}`

let app: AppHandler
beforeAll(async () => {
  if (onPostgres) process.env.DATABASE_URL = await createScratchDatabase(adminUrl!, scratchName)
  app = await startAppHandler()
}, 120_000)
afterAll(async () => {
  await (app as AppHandler | undefined)?.close()
  if (onPostgres) {
    await disconnectPrisma()
    await dropScratchDatabase(adminUrl!, scratchName)
  }
})

/** A showcase that aired 10:00–11:00, with its replay, three featured products and seeded viewer activity. */
async function seedShowcase(seed: number) {
  const prisma = await getPrisma()
  const random = seededRandom(seed)
  const pick = (n: number) => Math.floor(random() * n)
  const exporter = await createExporter({ companyName: `Leads Foods ${seed}` })
  const products = [
    await createProduct(exporter.company.id, { name: 'Kelp noodles' }),
    await createProduct(exporter.company.id, { name: 'Pine nut oil' }),
    await createProduct(exporter.company.id, { name: 'Buckwheat tea' }),
  ]
  const session = await prisma.liveSession.create({
    data: {
      title: `Lead show ${seed}`,
      status: 'ENDED',
      isPublic: true,
      startedAt: at(0),
      endedAt: at(60),
      scheduledStartAt: at(0),
      scheduledEndAt: at(60),
      hostId: exporter.user.id,
      companyId: exporter.company.id,
      featuredProducts: { create: products.map((product, position) => ({ productId: product.id, position, pinnedAt: at(position * 10) })) },
    },
  })
  const recording = await prisma.recording.create({
    data: { sessionId: session.id, status: 'READY', startedAt: at(0), finalizedAt: at(60), durationMs: 3_600_000 },
  })
  const buyers = await Promise.all(
    Array.from({ length: 6 }, (_, index) => createBuyer({ companyName: `Lead buyer ${seed}-${index}`, country: ['US', 'DE', 'JP'][index % 3] })),
  )
  const optedOut = buyers[5]!
  await prisma.buyerProfile.update({ where: { id: optedOut.profile.id }, data: { leadListOptOut: true } })
  const notBuyer = await createUser('ORGANIZER')
  // Non-overlapping spans per viewer, inside the show (the lead list merges overlaps; the test keeps them apart).
  for (const viewer of [...buyers.map((buyer) => buyer.user), notBuyer.user, exporter.user]) {
    let cursor = pick(10)
    for (let span = 0, count = 1 + pick(3); span < count && cursor < 55; span += 1) {
      const length = 1 + pick(15)
      const leftAt = Math.min(60, cursor + length)
      await prisma.liveSessionView.create({ data: { sessionId: session.id, userId: viewer.id, joinedAt: at(cursor), leftAt: at(leftAt) } })
      cursor = leftAt + 1 + pick(5)
    }
  }
  for (let guest = 0; guest < 4; guest += 1) {
    await prisma.liveSessionView.create({ data: { sessionId: session.id, guestKey: `guest-${seed}-${guest}`, joinedAt: at(guest), leftAt: at(guest + 20) } })
  }
  await prisma.replayView.create({
    data: { recordingId: recording.id, guestKey: `guest-${seed}-replay`, startedAt: at(24 * 60), lastSeenAt: at(24 * 60 + 5), watchedSeconds: 300 },
  })
  for (const buyer of buyers.slice(0, 4)) {
    if (random() < 0.7) {
      const start = 24 * 60 + pick(600)
      await prisma.replayView.create({
        data: { recordingId: recording.id, userId: buyer.user.id, startedAt: at(start), lastSeenAt: at(start + 20), watchedSeconds: 60 + pick(1200) },
      })
    }
  }
  for (const buyer of buyers) {
    for (const product of products) {
      if (random() < 0.5)
        await recordProductOpen(session.id, buyer.user.id, { productId: product.id, source: random() < 0.5 ? 'live' : 'replay', how: 'name' }, at(5 + pick(50)))
    }
    for (let message = 0, count = pick(3); message < count; message += 1) {
      await prisma.chatMessage.create({
        data: { sessionId: session.id, authorId: buyer.user.id, body: `Question ${message} about MOQ?`, createdAt: at(2 + pick(55)) },
      })
    }
  }
  // A removed message does not count; a guest's message counts the guest.
  await prisma.chatMessage.create({ data: { sessionId: session.id, authorId: buyers[0]!.user.id, body: 'spam', createdAt: at(30), removedAt: at(31) } })
  await prisma.chatMessage.create({ data: { sessionId: session.id, guestKey: `guest-${seed}-0`, guestName: 'Guest', body: 'Hello', createdAt: at(3) } })
  // RFQs: from the stream, days later, long after (outside the window), and to another company (never counted).
  const other = await createExporter()
  const rfq = (buyer: (typeof buyers)[number], createdAt: Date, extra: { companyId?: string; liveSessionId?: string } = {}) =>
    prisma.inquiry.create({
      data: {
        buyerId: buyer.profile.id,
        companyId: extra.companyId ?? exporter.company.id,
        liveSessionId: extra.liveSessionId ?? null,
        quantity: 100,
        destinationCountry: 'US',
        message: 'Quote please',
        createdAt,
      },
    })
  await rfq(buyers[0]!, at(40), { liveSessionId: session.id })
  await rfq(buyers[1]!, new Date(T0.getTime() + 3 * DAY))
  await rfq(buyers[2]!, new Date(T0.getTime() + 90 * DAY))
  await rfq(buyers[3]!, at(45), { companyId: other.company.id })
  const meeting = (buyer: (typeof buyers)[number], createdAt: Date) =>
    prisma.meeting.create({
      data: {
        buyerId: buyer.profile.id,
        companyId: exporter.company.id,
        startsAt: new Date(createdAt.getTime() + DAY),
        endsAt: new Date(createdAt.getTime() + DAY + 30 * MIN),
        requestedById: buyer.user.id,
        createdAt,
      },
    })
  await meeting(buyers[1]!, new Date(T0.getTime() + 5 * DAY))
  await meeting(buyers[3]!, new Date(T0.getTime() + 120 * DAY))
  return { exporter, other, session, recording, products, buyers, optedOut, notBuyer }
}

/** Seconds covered by one viewer's spans inside [start, end]: clamped, sorted, overlaps counted once. */
function mergedSeconds(spans: ReadonlyArray<{ joinedAt: Date; leftAt: Date | null }>, start: Date, end: Date): number {
  const intervals = spans
    .map((span) => [Math.max(span.joinedAt.getTime(), start.getTime()), Math.min((span.leftAt ?? end).getTime(), end.getTime())] as const)
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0])
  let total = 0
  let reach = -Infinity
  for (const [from, to] of intervals) {
    if (to <= reach) continue
    total += to - Math.max(from, reach)
    reach = to
  }
  return Math.floor(total / 1000)
}

/** The expected figures per listed buyer, from the raw rows, without the lead-list code. */
async function expectedFromRows(sessionId: string, recordingId: string, companyId: string) {
  const prisma = await getPrisma()
  const session = await prisma.liveSession.findUniqueOrThrow({ where: { id: sessionId } })
  const [spans, replays, opens, messages, team] = await Promise.all([
    prisma.liveSessionView.findMany({ where: { sessionId } }),
    prisma.replayView.findMany({ where: { recordingId } }),
    prisma.leadProductOpen.findMany({ where: { sessionId } }),
    prisma.chatMessage.findMany({ where: { sessionId, removedAt: null } }),
    prisma.exporterMember.findMany({ where: { companyId } }),
  ])
  const people = new Set<string>()
  for (const row of [...spans, ...replays, ...opens]) if (row.userId) people.add(row.userId)
  for (const row of messages) if (row.authorId) people.add(row.authorId)
  for (const member of team) people.delete(member.userId)
  const profiles = await prisma.buyerProfile.findMany({ where: { userId: { in: [...people] } } })
  const listed = profiles.filter((profile) => !profile.leadListOptOut)
  const guests = new Set(
    [...spans, ...replays, ...messages].flatMap((row) =>
      row.guestKey && !('authorId' in row && row.authorId) && !('userId' in row && row.userId) ? [row.guestKey] : [],
    ),
  )
  const result = new Map<string, { liveSeconds: number; replaySeconds: number; productsOpened: number; chatMessages: number; rfqs: number; meetings: number }>()
  for (const profile of listed) {
    const mySpans = spans.filter((span) => span.userId === profile.userId)
    const myReplays = replays.filter((view) => view.userId === profile.userId)
    const myOpens = opens.filter((open) => open.userId === profile.userId)
    const myMessages = messages.filter((message) => message.authorId === profile.userId)
    const instants = [
      ...mySpans.flatMap((span) => [span.joinedAt, span.leftAt ?? session.endedAt!]),
      ...myReplays.flatMap((view) => [view.startedAt, view.lastSeenAt]),
      ...myOpens.flatMap((open) => [open.firstOpenedAt, open.lastOpenedAt]),
      ...myMessages.map((message) => message.createdAt),
    ].map((instant) => instant.getTime())
    const from = Math.min(...instants)
    const until = Math.max(...instants) + FOLLOW_UP_DAYS * DAY
    const inquiries = await prisma.inquiry.findMany({ where: { buyerId: profile.id, companyId } })
    const meetings = await prisma.meeting.findMany({ where: { buyerId: profile.id, companyId } })
    result.set(profile.userId, {
      liveSeconds: mergedSeconds(mySpans, session.startedAt!, session.endedAt!),
      replaySeconds: myReplays.reduce((sum, view) => sum + view.watchedSeconds, 0),
      productsOpened: new Set(myOpens.map((open) => open.productId)).size,
      chatMessages: myMessages.length,
      rfqs: inquiries.filter((row) => row.liveSessionId === sessionId || (row.createdAt.getTime() >= from && row.createdAt.getTime() <= until)).length,
      meetings: meetings.filter((row) => row.createdAt.getTime() >= from && row.createdAt.getTime() <= until).length,
    })
  }
  return { result, guests: guests.size, optedOut: profiles.length - listed.length, otherSignedIn: people.size - profiles.length }
}

describe('lead list of a seeded showcase', () => {
  it('equals the figures computed from the raw rows, with the score and reasons of the one rule', async () => {
    const world = await seedShowcase(2112)
    const now = new Date(T0.getTime() + 200 * DAY)
    const { leads, anonymous } = await listSessionLeads({ sessionId: world.session.id, companyId: world.exporter.company.id }, { now })
    const expected = await expectedFromRows(world.session.id, world.recording.id, world.exporter.company.id)

    expect(anonymous).toEqual({ guests: expected.guests, optedOut: expected.optedOut, otherSignedIn: expected.otherSignedIn })
    expect(anonymous.guests).toBe(5)
    expect(anonymous.optedOut).toBe(1)
    expect(new Set(leads.map((lead) => lead.userId))).toEqual(new Set(expected.result.keys()))
    expect(leads.length).toBeGreaterThanOrEqual(3)
    for (const lead of leads) {
      const figures = expected.result.get(lead.userId)!
      expect({
        liveSeconds: lead.liveSeconds,
        replaySeconds: lead.replaySeconds,
        productsOpened: lead.productsOpened,
        chatMessages: lead.chatMessages,
        rfqs: lead.rfqs,
        meetings: lead.meetings,
      }).toEqual(figures)
      expect({ score: lead.score, reasons: lead.reasons }).toEqual(scoreLead({ ...figures, verified: lead.verified }))
    }
    // The opted-out buyer, the host and the organizer are never listed by name.
    const names = leads.map((lead) => lead.userId)
    expect(names).not.toContain(world.optedOut.user.id)
    expect(names).not.toContain(world.exporter.user.id)
    expect(names).not.toContain(world.notBuyer.user.id)
    // Sorted by score, highest first.
    expect(leads.map((lead) => lead.score)).toEqual([...leads.map((lead) => lead.score)].sort((a, b) => b - a))
  })

  it('lists an opted-out buyer again once they opt back in', async () => {
    const world = await seedShowcase(77)
    const prisma = await getPrisma()
    const now = new Date(T0.getTime() + 200 * DAY)
    const read = () => listSessionLeads({ sessionId: world.session.id, companyId: world.exporter.company.id }, { now })
    const hadActivity = (await prisma.liveSessionView.count({ where: { sessionId: world.session.id, userId: world.optedOut.user.id } })) > 0
    expect(hadActivity).toBe(true)
    expect((await read()).leads.some((lead) => lead.userId === world.optedOut.user.id)).toBe(false)
    await prisma.buyerProfile.update({ where: { id: world.optedOut.profile.id }, data: { leadListOptOut: false } })
    const after = await read()
    expect(after.leads.some((lead) => lead.userId === world.optedOut.user.id)).toBe(true)
    expect(after.anonymous.optedOut).toBe(0)
  })
})

describe('lead list of the demo seed', () => {
  it('equals the figures computed from the raw rows for the ended showcase with the most signed-in viewers', async () => {
    const prisma = await getPrisma()
    const { seedDemoData } = await import('../../../prisma/seed')
    await seedDemoData(prisma, { now: T0 })
    const ended = await prisma.liveSession.findMany({
      where: { kind: 'SHOWCASE', status: 'ENDED', startedAt: { not: null }, endedAt: { not: null }, company: { slug: { not: { startsWith: 'co-' } } } },
      select: { id: true, companyId: true, recording: { select: { id: true } }, _count: { select: { views: { where: { userId: { not: null } } } } } },
    })
    const showcase = ended.sort((a, b) => b._count.views - a._count.views || a.id.localeCompare(b.id))[0]!
    expect(showcase._count.views).toBeGreaterThan(0)
    const now = new Date(T0.getTime() + 400 * DAY)
    const { leads, anonymous } = await listSessionLeads({ sessionId: showcase.id, companyId: showcase.companyId }, { now })
    const expected = await expectedFromRows(showcase.id, showcase.recording?.id ?? 'none', showcase.companyId)
    expect(anonymous).toEqual({ guests: expected.guests, optedOut: expected.optedOut, otherSignedIn: expected.otherSignedIn })
    expect(leads.length).toBeGreaterThan(0)
    expect(new Set(leads.map((lead) => lead.userId))).toEqual(new Set(expected.result.keys()))
    for (const lead of leads) {
      expect({
        liveSeconds: lead.liveSeconds,
        replaySeconds: lead.replaySeconds,
        productsOpened: lead.productsOpened,
        chatMessages: lead.chatMessages,
        rfqs: lead.rfqs,
        meetings: lead.meetings,
      }).toEqual(expected.result.get(lead.userId))
    }
    // The demo shows products opened (prisma/seed/leads.ts).
    expect(leads.some((lead) => lead.productsOpened > 0)).toBe(true)
  }, 120_000)
})

describe('verified buyers', () => {
  it('adds the verified-buyer reason once an organizer or admin has verified the buyer’s company', async () => {
    const world = await seedShowcase(61)
    const prisma = await getPrisma()
    const now = new Date(T0.getTime() + 200 * DAY)
    const read = async () => (await listSessionLeads({ sessionId: world.session.id, companyId: world.exporter.company.id }, { now })).leads
    const before = (await read())[0]!
    expect(before.reasons.some((reason) => reason.code === 'verified-buyer')).toBe(false)
    const profile = await prisma.buyerProfile.findUniqueOrThrow({ where: { userId: before.userId } })
    const verification = await prisma.buyerVerification.create({
      data: { buyerId: profile.id, action: 'VERIFIED', method: 'DOCUMENTS', note: 'Import licence seen', verifierName: 'Test admin' },
    })
    await prisma.buyerProfile.update({ where: { id: profile.id }, data: { currentVerificationId: verification.id } })
    const after = (await read()).find((lead) => lead.userId === before.userId)!
    expect(after.verified).toBe(true)
    expect(after.reasons).toContainEqual({ code: 'verified-buyer', points: 3 })
    expect(after.score).toBe(before.score + 3)
  })
})

describe('lead list pages', () => {
  it('shows the company its leads and CSV; another company’s exporter gets 404; a buyer is refused', async () => {
    const world = await seedShowcase(5)
    const prisma = await getPrisma()
    const page = await app.handle(appGet(`/exporter/sessions/${world.session.id}/leads`, [await freshSession(world.exporter.user.id)]))
    expect(page.status).toBe(200)
    const html = await page.text()
    const listed = (await listSessionLeads({ sessionId: world.session.id, companyId: world.exporter.company.id }, { now: new Date() })).leads
    for (const lead of listed) expect(html).toContain(lead.companyName)
    expect(html).not.toContain(world.optedOut.profile.companyName)

    const csv = await app.handle(appGet(`/exporter/sessions/${world.session.id}/leads.csv`, [await freshSession(world.exporter.user.id)]))
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-type')).toContain('text/csv')
    const lines = (await csv.text()).trim().split(/\r?\n/)
    expect(lines).toHaveLength(listed.length + 1)
    // A formula typed in a profile is neutralised in the CSV.
    await prisma.user.update({ where: { id: listed[0]!.userId }, data: { name: '=HYPERLINK("http://evil")' } })
    const again = await (await app.handle(appGet(`/exporter/sessions/${world.session.id}/leads.csv`, [await freshSession(world.exporter.user.id)]))).text()
    expect(again).not.toMatch(/(^|,)=HYPERLINK/m)

    for (const path of [`/exporter/sessions/${world.session.id}/leads`, `/exporter/sessions/${world.session.id}/leads.csv`]) {
      const foreign = await app.handle(appGet(path, [await freshSession(world.other.user.id)]))
      expect(foreign.status).toBe(404)
      const buyer = await app.handle(appGet(path, [await freshSession(world.buyers[0]!.user.id)]))
      expect(buyer.status).toBe(403)
      const anonymous = await app.handle(appGet(path))
      expect([302, 401]).toContain(anonymous.status)
    }
  })

  it('lets every company member read and export leads; only owners and admins see or reach the webhook settings', async () => {
    const world = await seedShowcase(7)
    const prisma = await getPrisma()
    const member = await createUser('EXPORTER')
    await prisma.exporterMember.create({ data: { userId: member.user.id, companyId: world.exporter.company.id, role: 'MEMBER' } })
    const admin = await createUser('EXPORTER')
    await prisma.exporterMember.create({ data: { userId: admin.user.id, companyId: world.exporter.company.id, role: 'ADMIN' } })
    const listPath = `/exporter/sessions/${world.session.id}/leads`
    for (const reader of [member.user.id, admin.user.id, world.exporter.user.id]) {
      expect((await app.handle(appGet(listPath, [await freshSession(reader)]))).status).toBe(200)
      expect((await app.handle(appGet(`${listPath}.csv`, [await freshSession(reader)]))).status).toBe(200)
    }
    const memberPage = await (await app.handle(appGet(listPath, [await freshSession(member.user.id)]))).text()
    expect(memberPage).not.toContain('href="/exporter/leads/webhook"')
    const adminPage = await (await app.handle(appGet(listPath, [await freshSession(admin.user.id)]))).text()
    expect(adminPage).toContain('href="/exporter/leads/webhook"')
    expect((await app.handle(appGet('/exporter/leads/webhook', [await freshSession(member.user.id)]))).status).toBe(403)
    const save = await app.handle(
      await appPost('/exporter/leads/webhook', { intent: 'save', url: 'https://crm.example.com/hook' }, [await freshSession(member.user.id)]),
    )
    expect(save.status).toBe(403)
    expect(await prisma.leadWebhook.count({ where: { companyId: world.exporter.company.id } })).toBe(0)
    expect((await app.handle(appGet('/exporter/leads/webhook', [await freshSession(admin.user.id)]))).status).toBe(200)
  })
})

describe('one backoff formula', () => {
  it('webhook deliveries and jobs share exponentialBackoffMs, each with its own base and cap', () => {
    expect([1, 2, 3, 4].map(deliveryRetryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000])
    expect(deliveryRetryDelayMs(30)).toBe(6 * 60 * MIN)
    expect([1, 2, 3].map(retryDelayMs)).toEqual([10_000, 20_000, 40_000])
    expect(retryDelayMs(30)).toBe(60 * MIN)
    expect(exponentialBackoffMs(0, { baseMs: 5, capMs: 100 })).toBe(5)
    expect(exponentialBackoffMs(6, { baseMs: 5, capMs: 100 })).toBe(100)
  })
})

describe('buyer opt-out setting', () => {
  it('is set on /buyer/profile and respected by the lead list at once; unticking lists the buyer again', async () => {
    const world = await seedShowcase(13)
    const prisma = await getPrisma()
    const buyer = world.buyers[0]!
    const read = async () =>
      (await listSessionLeads({ sessionId: world.session.id, companyId: world.exporter.company.id }, { now: new Date() })).leads.map((lead) => lead.userId)
    expect(await read()).toContain(buyer.user.id)
    const page = await app.handle(appGet('/buyer/profile', [await freshSession(buyer.user.id)]))
    expect(await page.text()).toContain('Do not list me on exporters’ lead lists')
    const off = await app.handle(await appPost('/buyer/profile', { intent: 'lead-list', leadListOptOut: 'on' }, [await freshSession(buyer.user.id)]))
    expect(off.status).toBe(302)
    expect((await prisma.buyerProfile.findUniqueOrThrow({ where: { id: buyer.profile.id } })).leadListOptOut).toBe(true)
    expect(await read()).not.toContain(buyer.user.id)
    // Hostile values are refused, the setting unchanged.
    expect(
      (await app.handle(await appPost('/buyer/profile', { intent: 'lead-list', leadListOptOut: 'yes please' }, [await freshSession(buyer.user.id)]))).status,
    ).toBe(400)
    expect((await prisma.buyerProfile.findUniqueOrThrow({ where: { id: buyer.profile.id } })).leadListOptOut).toBe(true)
    const on = await app.handle(await appPost('/buyer/profile', { intent: 'lead-list' }, [await freshSession(buyer.user.id)]))
    expect(on.status).toBe(302)
    expect(await read()).toContain(buyer.user.id)
  })
})

describe('opened a pinned product', () => {
  it('records signed-in viewers once a minute per product, refuses products the showcase does not feature, ignores guests and the host', async () => {
    const world = await seedShowcase(9)
    const prisma = await getPrisma()
    const buyer = await createBuyer()
    const cookie = await freshSession(buyer.user.id)
    const post = async (body: Record<string, string>, cookies = [cookie]) => app.handle(await appPost(`/live/${world.session.id}/product-opens`, body, cookies))
    const productId = world.products[0]!.id
    const first = await post({ productId, source: 'live', how: 'quote' })
    expect(first.status).toBe(200)
    expect(await first.json()).toEqual({ recorded: true })
    // A second click within the minute is the same open.
    expect(await (await post({ productId, source: 'live', how: 'name' })).json()).toEqual({ recorded: false })
    const row = await prisma.leadProductOpen.findUniqueOrThrow({
      where: { sessionId_userId_productId_source: { sessionId: world.session.id, userId: buyer.user.id, productId, source: 'LIVE' } },
    })
    expect(row.opens).toBe(1)
    // Identity comes from the session only: a userId in the form is ignored (the schema has no such field).
    await post({ productId: world.products[1]!.id, source: 'replay', userId: world.buyers[0]!.user.id })
    expect(await prisma.leadProductOpen.count({ where: { sessionId: world.session.id, userId: buyer.user.id } })).toBe(2)
    // Another company's product, garbage ids and unknown sources.
    const foreign = await createProduct(world.other.company.id, { name: 'Not featured' })
    expect((await post({ productId: foreign.id, source: 'live' })).status).toBe(404)
    expect((await post({ productId: "x'; DROP TABLE", source: 'live' })).status).toBe(400)
    expect((await post({ productId, source: 'tv' })).status).toBe(400)
    // A guest: answered, recorded nowhere.
    const before = await prisma.leadProductOpen.count()
    expect((await post({ productId, source: 'live' }, [])).status).toBe(204)
    expect(await prisma.leadProductOpen.count()).toBe(before)
    // The host's own team is not a lead.
    expect(await recordProductOpen(world.session.id, world.exporter.user.id, { productId, source: 'live', how: 'name' }, at(10))).toEqual({ recorded: false })
    // After the dedupe minute, it counts again.
    expect(await recordProductOpen(world.session.id, buyer.user.id, { productId, source: 'live', how: 'name' }, new Date(Date.now() + 61_000))).toEqual({
      recorded: true,
    })
    expect((await prisma.leadProductOpen.findUniqueOrThrow({ where: { id: row.id } })).opens).toBe(2)
  })
})

describe('CRM webhook', () => {
  it('refuses hostile URLs (and plain http anywhere but loopback)', async () => {
    const { company, user } = await createExporter()
    const production = { production: true }
    for (const url of [
      'http://127.0.0.1:9/hook',
      'https://169.254.169.254/latest/meta-data/',
      'https://localhost/hook',
      'https://10.0.0.8/hook',
      'https://[::1]/hook',
      'https://0x7f000001/',
      'https://metadata.google.internal/',
      'javascript:alert(1)',
      'https://user:pw@crm.example.com/',
    ]) {
      await expect(saveWebhook(company.id, user.id, url, production), url).rejects.toMatchObject({ code: 'webhook-url' })
    }
    await expect(saveWebhook(company.id, user.id, 'http://crm.example.com/hook', { production: false })).rejects.toMatchObject({ code: 'webhook-url' })
    const prisma = await getPrisma()
    expect(await prisma.leadWebhook.count({ where: { companyId: company.id } })).toBe(0)
    // Through the page: a 400 with the message on the field, nothing stored.
    const response = await app.handle(await appPost('/exporter/leads/webhook', { intent: 'save', url: 'http://10.1.1.1/hook' }, [await freshSession(user.id)]))
    expect(response.status).toBe(400)
    expect(await prisma.leadWebhook.count({ where: { companyId: company.id } })).toBe(0)
  })

  it('takes a double-submitted first save as one webhook: one secret shown, the other request keeps it', async () => {
    const { company, user } = await createExporter()
    const policy = { production: false }
    const saves = await Promise.all([
      saveWebhook(company.id, user.id, 'http://127.0.0.1:9/crm', policy),
      saveWebhook(company.id, user.id, 'http://127.0.0.1:9/crm', policy),
    ])
    expect(saves.filter((save) => save.secret !== null)).toHaveLength(1)
    const prisma = await getPrisma()
    expect(await prisma.leadWebhook.count({ where: { companyId: company.id } })).toBe(1)
  })

  it('posts new and re-scored leads signed, retries with backoff until the receiver accepts, and records every attempt', async () => {
    const world = await seedShowcase(31)
    const prisma = await getPrisma()
    // A real receiver on this machine: refuses the first two requests, then accepts.
    const received: Array<{ headers: IncomingMessage['headers']; body: string; status: number }> = []
    let failuresLeft = 2
    const server: Server = createServer((request, response) => {
      let body = ''
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
      request.on('end', () => {
        const status = failuresLeft > 0 ? 503 : 200
        if (failuresLeft > 0) failuresLeft -= 1
        received.push({ headers: request.headers, body, status })
        response.writeHead(status).end()
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = server.address() as AddressInfo
      const { secret } = await saveWebhook(world.exporter.company.id, world.exporter.user.id, `http://127.0.0.1:${port}/crm`, { production: false })
      expect(secret).toMatch(/^whsec_/)
      const now = new Date(T0.getTime() + 2 * DAY)
      const created = await sweepCompanyLeads(world.exporter.company.id, now)
      const { leads } = await listSessionLeads({ sessionId: world.session.id, companyId: world.exporter.company.id }, { now })
      expect(created).toHaveLength(leads.length)
      // A second sweep with nothing changed adds nothing (idempotent).
      expect(await sweepCompanyLeads(world.exporter.company.id, now)).toEqual([])
      // The deliveries list names the showcase each lead came from.
      const view = await getWebhook(world.exporter.company.id, 'en')
      expect(view?.deliveries).toHaveLength(created.length)
      for (const delivery of view?.deliveries ?? []) expect(delivery.source).toEqual({ kind: 'showcase', name: world.session.title })

      const deliveryId = created[0]!
      const policy = { production: false }
      let clock = now
      const first = await deliverLeadWebhook(deliveryId, { now: clock, policy })
      expect(first).toEqual({ state: 'retry', nextAttemptAt: new Date(clock.getTime() + 30_000), nextAttempt: 2 })
      // Not due yet: nothing is sent.
      expect((await deliverLeadWebhook(deliveryId, { now: new Date(clock.getTime() + 1000), policy })).state).toBe('skipped')
      clock = first.nextAttemptAt!
      const second = await deliverLeadWebhook(deliveryId, { now: clock, policy })
      expect(second.state).toBe('retry')
      expect(second.nextAttemptAt!.getTime() - clock.getTime()).toBe(60_000)
      clock = second.nextAttemptAt!
      expect(await deliverLeadWebhook(deliveryId, { now: clock, policy })).toEqual({ state: 'delivered' })
      // Delivered is final.
      expect((await deliverLeadWebhook(deliveryId, { now: new Date(clock.getTime() + DAY), policy })).state).toBe('skipped')

      const row = await prisma.leadWebhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } })
      expect(row).toMatchObject({ status: 'DELIVERED', attempts: 3, lastStatusCode: 200, lastError: null, deliveredAt: clock })
      expect(received.map((request) => request.status)).toEqual([503, 503, 200])
      const accepted = received[2]!
      const signature = String(accepted.headers[SIGNATURE_HEADER.toLowerCase()])
      expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/)
      expect(verifyWebhookSignature(secret!, signature, accepted.body, Math.floor(clock.getTime() / 1000))).toBe(true)
      expect(verifyWebhookSignature(secret!, signature, accepted.body.replace('"score"', '"scorf"'), Math.floor(clock.getTime() / 1000))).toBe(false)
      expect(verifyWebhookSignature('whsec_wrong', signature, accepted.body, Math.floor(clock.getTime() / 1000))).toBe(false)
      // The same idempotency key on every attempt of one delivery.
      expect(new Set(received.map((request) => request.headers[IDEMPOTENCY_HEADER.toLowerCase()]))).toEqual(new Set([row.idempotencyKey]))
      const payload = JSON.parse(accepted.body) as {
        id: string
        type: string
        showcase: { id: string }
        lead: { id: string; score: number; reasons: unknown[] }
      }
      expect(payload).toMatchObject({ id: deliveryId, type: 'lead.created', showcase: { id: world.session.id } })
      const lead = leads.find((candidate) => candidate.userId === payload.lead.id)!
      expect(payload.lead.score).toBe(lead.score)
      expect(payload.lead.reasons).toEqual(lead.reasons)

      // A lead's score changes (their first RFQ, from the stream): the next sweep sends that lead again, as an update.
      const fresh = leads.find((candidate) => candidate.rfqs === 0)!
      const buyer = await prisma.buyerProfile.findUniqueOrThrow({ where: { userId: fresh.userId } })
      await prisma.inquiry.create({
        data: {
          buyerId: buyer.id,
          companyId: world.exporter.company.id,
          liveSessionId: world.session.id,
          quantity: 5,
          destinationCountry: 'DE',
          message: 'Another',
          createdAt: now,
        },
      })
      const later = await sweepCompanyLeads(world.exporter.company.id, new Date(now.getTime() + 10 * MIN))
      expect(later).toHaveLength(1)
      const update = await prisma.leadWebhookDelivery.findUniqueOrThrow({ where: { id: later[0]! } })
      expect(update).toMatchObject({ leadUserId: fresh.userId, score: fresh.score + 10, status: 'PENDING', attempts: 0 })
      expect(update.payload).toMatchObject({ type: 'lead.updated' })
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  })

  it('re-reads the buyer before every attempt: an opt-out (or joining the company) since the sweep cancels the delivery, sends nothing and clears the personal fields', async () => {
    const world = await seedShowcase(71)
    const prisma = await getPrisma()
    const received: string[] = []
    const server: Server = createServer((request, response) => {
      let body = ''
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
      request.on('end', () => {
        received.push(body)
        response.writeHead(503).end()
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = server.address() as AddressInfo
      await saveWebhook(world.exporter.company.id, world.exporter.user.id, `http://127.0.0.1:${port}/crm`, { production: false })
      const now = new Date(T0.getTime() + 2 * DAY)
      const created = await sweepCompanyLeads(world.exporter.company.id, now)
      expect(created.length).toBeGreaterThanOrEqual(2)
      const policy = { production: false }
      const [optingOut, joining] = await Promise.all(created.slice(0, 2).map((id) => prisma.leadWebhookDelivery.findUniqueOrThrow({ where: { id } })))
      // The first attempt goes out (and fails): the delivery waits for its retry.
      const first = await deliverLeadWebhook(optingOut!.id, { now, policy })
      expect(first.state).toBe('retry')
      expect(received).toHaveLength(1)
      // Meanwhile the buyer opts out (written directly: the attempt itself must notice), the other joins the exporter.
      await prisma.buyerProfile.update({ where: { userId: optingOut!.leadUserId }, data: { leadListOptOut: true } })
      await prisma.exporterMember.create({ data: { userId: joining!.leadUserId, companyId: world.exporter.company.id, role: 'MEMBER' } })
      expect(await deliverLeadWebhook(optingOut!.id, { now: first.nextAttemptAt!, policy })).toEqual({ state: 'cancelled' })
      expect(await deliverLeadWebhook(joining!.id, { now, policy })).toEqual({ state: 'cancelled' })
      expect(received).toHaveLength(1)
      const cancelled = await prisma.leadWebhookDelivery.findUniqueOrThrow({ where: { id: optingOut!.id } })
      expect(cancelled).toMatchObject({ status: 'CANCELLED', lastError: 'opted-out', attempts: 1, nextAttemptAt: null })
      expect(cancelled.payload).toEqual({
        type: 'lead.created',
        showcase: { id: world.session.id, title: world.session.title },
        lead: { id: optingOut!.leadUserId },
      })
      const user = await prisma.user.findUniqueOrThrow({ where: { id: optingOut!.leadUserId }, include: { buyerProfile: true } })
      for (const personal of [user.name, user.email, user.buyerProfile!.companyName]) expect(JSON.stringify(cancelled.payload)).not.toContain(personal)
      expect(await prisma.leadWebhookDelivery.findUniqueOrThrow({ where: { id: joining!.id } })).toMatchObject({
        status: 'CANCELLED',
        lastError: 'not-a-lead',
        attempts: 0,
      })
      // Cancelled is final: a later run (a retry job already queued) sends nothing.
      expect((await deliverLeadWebhook(optingOut!.id, { now: new Date(now.getTime() + DAY), policy })).state).toBe('skipped')
      expect(received).toHaveLength(1)
      // The exporter's delivery table says so, in words.
      const page = await (await app.handle(appGet('/exporter/leads/webhook', [await freshSession(world.exporter.user.id)]))).text()
      expect(page).toContain('Cancelled')
      expect(page).toContain('The buyer opted out of lead lists')
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  })

  it('cancels a buyer’s pending deliveries the moment they opt out on /buyer/profile; opting back in sends them again', async () => {
    const world = await seedShowcase(73)
    const prisma = await getPrisma()
    await saveWebhook(world.exporter.company.id, world.exporter.user.id, 'http://127.0.0.1:9/crm', { production: false })
    const now = new Date(T0.getTime() + 2 * DAY)
    const created = await sweepCompanyLeads(world.exporter.company.id, now)
    const rows = await prisma.leadWebhookDelivery.findMany({ where: { id: { in: created } } })
    const buyerId = rows[0]!.leadUserId
    const off = await app.handle(await appPost('/buyer/profile', { intent: 'lead-list', leadListOptOut: 'on' }, [await freshSession(buyerId)]))
    expect(off.status).toBe(302)
    const after = await prisma.leadWebhookDelivery.findMany({ where: { id: { in: created } } })
    for (const row of after) {
      if (row.leadUserId === buyerId) {
        expect(row).toMatchObject({ status: 'CANCELLED', lastError: 'opted-out', nextAttemptAt: null })
        expect(row.payload).toMatchObject({ lead: { id: buyerId } })
        expect(Object.keys((row.payload as { lead: object }).lead)).toEqual(['id'])
      } else expect(row.status).toBe('PENDING')
    }
    // Still opted out: the sweep records nothing for them.
    expect(await sweepCompanyLeads(world.exporter.company.id, new Date(now.getTime() + 5 * MIN))).toEqual([])
    // Back in: the next sweep sends them again, once.
    const on = await app.handle(await appPost('/buyer/profile', { intent: 'lead-list' }, [await freshSession(buyerId)]))
    expect(on.status).toBe(302)
    const again = await sweepCompanyLeads(world.exporter.company.id, new Date(now.getTime() + 10 * MIN))
    expect(again).toHaveLength(1)
    expect(await prisma.leadWebhookDelivery.findUniqueOrThrow({ where: { id: again[0]! } })).toMatchObject({ leadUserId: buyerId, status: 'PENDING' })
    expect(await sweepCompanyLeads(world.exporter.company.id, new Date(now.getTime() + 15 * MIN))).toEqual([])
  })

  it('gives up after the last attempt and says why; refuses to send to a private address under the production policy', async () => {
    const world = await seedShowcase(41)
    const prisma = await getPrisma()
    const { secret } = await saveWebhook(world.exporter.company.id, world.exporter.user.id, 'http://127.0.0.1:9/closed', { production: false })
    expect(secret).toBeTruthy()
    const now = new Date(T0.getTime() + 2 * DAY)
    const [deliveryId] = await sweepCompanyLeads(world.exporter.company.id, now)
    let clock = now
    let outcome = await deliverLeadWebhook(deliveryId!, { now: clock, policy: { production: true } })
    for (let attempt = 2; outcome.state === 'retry'; attempt += 1) {
      clock = outcome.nextAttemptAt!
      outcome = await deliverLeadWebhook(deliveryId!, { now: clock, policy: { production: true } })
    }
    expect(outcome.state).toBe('failed')
    const row = await prisma.leadWebhookDelivery.findUniqueOrThrow({ where: { id: deliveryId! } })
    expect(row).toMatchObject({ status: 'FAILED', attempts: MAX_DELIVERY_ATTEMPTS, lastError: 'refused: scheme', nextAttemptAt: null })
  })

  it('runs through the jobs: a saved webhook schedules a sweep; the sweep schedules one delivery job per new lead and the next sweep; reconcile re-derives them', async () => {
    const world = await seedShowcase(53)
    const prisma = await getPrisma()
    await saveWebhook(world.exporter.company.id, world.exporter.user.id, 'http://127.0.0.1:9/crm', { production: false })
    const now = new Date(T0.getTime() + 2 * DAY)
    await startLeadSweep(world.exporter.company.id, now)
    const sweeps = await prisma.scheduledJob.findMany({ where: { name: sweepLeadWebhookJob.name, key: { startsWith: world.exporter.company.id } } })
    expect(sweeps.map((job) => job.runAt)).toEqual([now])
    await sweepLeadWebhookJob.run({ companyId: world.exporter.company.id }, { now, key: sweeps[0]!.key, attempt: 1 })
    const deliveries = await prisma.leadWebhookDelivery.findMany({ where: { companyId: world.exporter.company.id } })
    expect(deliveries.length).toBeGreaterThan(0)
    const deliverJobs = await prisma.scheduledJob.findMany({ where: { name: deliverLeadWebhookJob.name, key: { in: deliveries.map((row) => `${row.id}:1`) } } })
    expect(deliverJobs).toHaveLength(deliveries.length)
    const next = await prisma.scheduledJob.findMany({
      where: { name: sweepLeadWebhookJob.name, key: { startsWith: world.exporter.company.id }, runAt: { gt: now } },
    })
    expect(next).toHaveLength(1)
    expect(next[0]!.runAt.getTime() - now.getTime()).toBeLessThanOrEqual(5 * MIN)
    // One delivery attempt through the job: refused (http to port 9 answers nothing), recorded, the retry scheduled under the next key.
    const [first] = deliveries
    await deliverLeadWebhookJob.run({ deliveryId: first!.id }, { now, key: `${first!.id}:1`, attempt: 1 })
    const after = await prisma.leadWebhookDelivery.findUniqueOrThrow({ where: { id: first!.id } })
    expect(after).toMatchObject({ status: 'PENDING', attempts: 1 })
    expect(after.lastError).toBeTruthy()
    const retry = await prisma.scheduledJob.findMany({ where: { name: deliverLeadWebhookJob.name, key: `${first!.id}:2` } })
    expect(retry.map((job) => job.runAt)).toEqual([after.nextAttemptAt])
    // Reconcile (boot): every pending delivery of this company at its due time, and a sweep now.
    const reconciled = await deliverLeadWebhookJob.reconcile!(now)
    const mine = reconciled.filter((spec) => deliveries.some((row) => row.id === spec.data.deliveryId))
    expect(mine).toHaveLength(deliveries.length)
    expect(mine.find((spec) => spec.data.deliveryId === first!.id)).toMatchObject({ key: `${first!.id}:2`, runAt: after.nextAttemptAt })
    expect((await sweepLeadWebhookJob.reconcile!(now)).some((spec) => spec.data.companyId === world.exporter.company.id)).toBe(true)
  })
})
