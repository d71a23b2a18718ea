import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBuyer, createExporter, createProduct, createUser, sessionUserOf } from '../../../tests/fixtures'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { DomainError } from '~/domain/errors'
import { loadSessionFacts, roomContextFor } from '~/domain/live/room-access.server'
import {
  addConsultationTask,
  bookConsultation,
  cancelConsultation,
  confirmConsultation,
  freeSlotsOf,
  getConsultationFor,
  getOfficer,
  recordConsultationOutcome,
  saveAdvisorNotes,
  saveOfficerProfile,
  searchOfficers,
  setConsultationTaskDone,
} from './consultations.server'
import { sendConsultationReminder } from './jobs.server'
import { consultationKpis } from './kpis.server'
import { admitToConsultationRoom, recordConsultationRoomJoin } from './room-access.server'
import { BookConsultationSchema, OfficerProfileSchema, type BookConsultationInput } from './schemas'

// Consultations end to end in the domain, on a pinned clock: an officer in Ulaanbaatar (UTC+8) with Monday
// 10:00–11:00 and Wednesday 14:00–15:00; Monday 2 March 2026 10:00 UB is 02:00 UTC.
const NOW = new Date('2026-03-01T00:00:00Z')
const MONDAY_10 = '2026-03-02T02:00:00.000Z'
const MONDAY_1030 = '2026-03-02T02:30:00.000Z'

async function caught(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run()
  } catch (error) {
    return error
  }
  throw new Error('expected a refusal')
}

async function createOfficer(markets = 'MN') {
  const officer = await createUser('TRADE_OFFICER', { timeZone: 'Asia/Ulaanbaatar' })
  const form = OfficerProfileSchema.parse({
    intent: 'profile',
    officeName: 'KOTRA Ulaanbaatar',
    markets,
    languages: 'mn, ko, en',
    timeZone: 'Asia/Ulaanbaatar',
    slotMinutes: '30',
    bio: '',
    start1: '10:00',
    end1: '11:00',
    start3: '14:00',
    end3: '15:00',
  })
  await saveOfficerProfile(officer.user.id, form)
  const prisma = await getPrisma()
  const profile = await prisma.tradeOfficerProfile.findUniqueOrThrow({ where: { userId: officer.user.id } })
  return { ...officer, profileId: profile.id }
}

const booking = (slotStart: string, extra: Partial<BookConsultationInput> = {}): BookConsultationInput => ({
  intent: 'book',
  slotStart,
  market: 'MN',
  topic: 'MARKET_ENTRY',
  question: 'Which certificates does a buckwheat noodle importer in Mongolia ask for?',
  productIds: [],
  ...extra,
})

beforeAll(async () => {
  await getPrisma()
})
afterAll(async () => {
  await disconnectPrisma()
})

describe('officer profiles', () => {
  it('saves the weekly hours and finds officers by market and language', async () => {
    const officer = await createOfficer('MN, kz')
    const card = await getOfficer(officer.profileId)
    expect(card.markets).toEqual(['MN', 'KZ'])
    expect(card.hours).toEqual([
      { weekday: 1, start: '10:00', end: '11:00' },
      { weekday: 3, start: '14:00', end: '15:00' },
    ])
    expect((await searchOfficers({ market: 'KZ', language: 'mn' })).map((o) => o.id)).toContain(officer.profileId)
    expect((await searchOfficers({ market: 'KZ', language: 'ja' })).map((o) => o.id)).not.toContain(officer.profileId)
    const slots = await freeSlotsOf(card, NOW, 2)
    expect(slots.map((slot) => slot.start.toISOString())).toEqual([MONDAY_10, MONDAY_1030])
  })

  it('refuses hostile profile input at the edge', () => {
    const base = { intent: 'profile', officeName: 'X', markets: 'MN', languages: 'mn', timeZone: 'Asia/Ulaanbaatar', slotMinutes: '30' }
    expect(OfficerProfileSchema.safeParse({ ...base, markets: 'MN, XX' }).success).toBe(false)
    expect(OfficerProfileSchema.safeParse({ ...base, timeZone: 'Mars/Olympus' }).success).toBe(false)
    expect(OfficerProfileSchema.safeParse({ ...base, slotMinutes: '7' }).success).toBe(false)
    expect(OfficerProfileSchema.safeParse({ ...base, start1: '11:00', end1: '10:00' }).success).toBe(false)
    expect(OfficerProfileSchema.safeParse({ ...base, start1: '10:00' }).success).toBe(false)
    expect(OfficerProfileSchema.safeParse({ ...base, start1: '25:00', end1: '26:00' }).success).toBe(false)
    expect(OfficerProfileSchema.safeParse({ ...base, officeName: 'KOTRA\u0000' }).success).toBe(false)
    expect(OfficerProfileSchema.safeParse({ ...base, bio: 'invoice\u202Egnp.exe' }).success).toBe(false)
    // Markup is text like any other (React escapes it), not an error.
    expect(OfficerProfileSchema.safeParse({ ...base, officeName: '<b>KOTRA</b>' }).success).toBe(true)
  })

  it('refuses hostile booking input at the edge', () => {
    const base = { intent: 'book', slotStart: MONDAY_10, market: 'mn', topic: 'PRICING', question: 'Prices?' }
    expect(BookConsultationSchema.parse(base)).toMatchObject({ market: 'MN', productIds: [] })
    expect(BookConsultationSchema.safeParse({ ...base, slotStart: 'tomorrow' }).success).toBe(false)
    expect(BookConsultationSchema.safeParse({ ...base, market: 'XX' }).success).toBe(false)
    expect(BookConsultationSchema.safeParse({ ...base, topic: 'BRIBERY' }).success).toBe(false)
    expect(BookConsultationSchema.safeParse({ ...base, question: '' }).success).toBe(false)
    expect(BookConsultationSchema.safeParse({ ...base, question: 'x'.repeat(4001) }).success).toBe(false)
    expect(BookConsultationSchema.safeParse({ ...base, productIds: ['abc\u0000'] }).success).toBe(false)
    expect(BookConsultationSchema.safeParse({ ...base, productIds: Array.from({ length: 11 }, (_, i) => `p${i}`) }).success).toBe(false)
  })
})

describe('booking', () => {
  it('books a free slot, refuses the same slot twice even when both bookings race', async () => {
    const officer = await createOfficer()
    const [first, second, third] = await Promise.all([createExporter(), createExporter(), createExporter()])
    const [a, b] = await Promise.all([sessionUserOf(first.cookie), sessionUserOf(second.cookie)])
    // Two exporters book the same slot at the same moment: exactly one wins.
    const results = await Promise.allSettled([
      bookConsultation(a, officer.profileId, booking(MONDAY_10), NOW),
      bookConsultation(b, officer.profileId, booking(MONDAY_10), NOW),
    ])
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1)
    const refused = results.find((result) => result.status === 'rejected')
    expect(refused?.reason).toBeInstanceOf(DomainError)
    expect(refused?.reason).toMatchObject({ code: 'slot-unavailable', status: 409 })
    const prisma = await getPrisma()
    expect(await prisma.consultation.count({ where: { officerId: officer.profileId, startsAt: new Date(MONDAY_10) } })).toBe(1)
    // The slot is no longer offered; the next one is.
    const offered = await freeSlotsOf(await getOfficer(officer.profileId), NOW, 1)
    expect(offered[0]?.start.toISOString()).toBe(MONDAY_1030)
    // A third exporter later gets the other slot; the officer was notified of each booking.
    await bookConsultation(await sessionUserOf(third.cookie), officer.profileId, booking(MONDAY_1030), NOW)
    expect(await prisma.notification.count({ where: { userId: officer.user.id, kind: 'consultation.requested' } })).toBe(2)
  })

  it('refuses slots outside the hours, markets the officer does not advise, products of another company, and non-exporters', async () => {
    const officer = await createOfficer()
    const exporter = await createExporter()
    const other = await createExporter()
    const foreignProduct = await createProduct(other.company.id)
    const user = await sessionUserOf(exporter.cookie)
    expect(await caught(() => bookConsultation(user, officer.profileId, booking('2026-03-02T03:00:00.000Z'), NOW))).toMatchObject({ code: 'slot-unavailable' })
    expect(await caught(() => bookConsultation(user, officer.profileId, booking(MONDAY_10), new Date('2026-03-02T01:30:00Z')))).toMatchObject({
      code: 'slot-unavailable',
    })
    expect(await caught(() => bookConsultation(user, officer.profileId, booking(MONDAY_10, { market: 'JP' }), NOW))).toMatchObject({
      code: 'market-not-advised',
    })
    expect(await caught(() => bookConsultation(user, officer.profileId, booking(MONDAY_10, { productIds: [foreignProduct.id] }), NOW))).toMatchObject({
      code: 'unknown-product',
    })
    expect(await caught(() => bookConsultation(user, 'no-such-officer', booking(MONDAY_10), NOW))).toMatchObject({ code: 'not-found' })
    const buyer = await createBuyer()
    const buyerUser = await sessionUserOf(buyer.cookie)
    expect(await caught(() => bookConsultation(buyerUser, officer.profileId, booking(MONDAY_10), NOW))).toMatchObject({ code: 'no-company' })
  })
})

describe('a consultation from booking to follow-up', () => {
  it('is confirmed by the officer, admits exactly its two participants to the room, and carries notes and tasks', async () => {
    const prisma = await getPrisma()
    const officer = await createOfficer()
    const exporter = await createExporter()
    const product = await createProduct(exporter.company.id)
    const colleague = await createUser('EXPORTER')
    await prisma.exporterMember.create({ data: { userId: colleague.user.id, companyId: exporter.company.id } })
    const otherOfficer = await createOfficer()
    const requester = await sessionUserOf(exporter.cookie)
    const officerUser = await sessionUserOf(officer.cookie)

    const id = await bookConsultation(requester, officer.profileId, booking(MONDAY_10, { topic: 'CERTIFICATION', productIds: [product.id] }), NOW)
    expect((await getConsultationFor(requester, id)).side).toBe('requester')
    expect((await getConsultationFor(officerUser, id)).side).toBe('officer')
    // Nobody else sees it, the colleague included.
    for (const outsider of [colleague.cookie, otherOfficer.cookie]) {
      expect(await caught(async () => getConsultationFor(await sessionUserOf(outsider), id))).toMatchObject({ code: 'not-found' })
    }
    // Only the officer confirms.
    expect(await caught(() => confirmConsultation(requester, id, NOW))).toMatchObject({ code: 'forbidden' })
    await confirmConsultation(officerUser, id, NOW)
    expect(await caught(() => confirmConsultation(officerUser, id, NOW))).toMatchObject({ code: 'invalid-transition' })
    const confirmed = await prisma.consultation.findUniqueOrThrow({ where: { id }, include: { liveSession: true } })
    expect(confirmed.status).toBe('CONFIRMED')
    expect(confirmed.liveSession).toMatchObject({ kind: 'MEETING', isPublic: false, companyId: exporter.company.id })
    const sessionId = confirmed.liveSessionId!
    expect(await prisma.notification.count({ where: { userId: exporter.user.id, kind: 'consultation.updated' } })).toBe(1)

    // The room: both participants inside the window; the colleague, another officer and a stranger are refused.
    const atStart = new Date(MONDAY_10)
    const officerSeat = await admitToConsultationRoom(sessionId, officer.user.id, atStart)
    expect(officerSeat).toMatchObject({ consultationId: id, role: 'ADVISOR' })
    expect(await admitToConsultationRoom(sessionId, exporter.user.id, new Date('2026-03-02T01:50:00Z'))).toMatchObject({ role: 'EXPORTER' })
    const stranger = await createBuyer()
    for (const outsider of [colleague.user.id, otherOfficer.user.id, stranger.user.id]) {
      expect(await caught(() => admitToConsultationRoom(sessionId, outsider, atStart))).toMatchObject({ code: 'forbidden' })
    }
    expect(await caught(() => admitToConsultationRoom(sessionId, exporter.user.id, new Date('2026-03-02T01:49:59Z')))).toMatchObject({ code: 'early' })
    expect(await caught(() => admitToConsultationRoom(sessionId, exporter.user.id, new Date('2026-03-02T03:00:00Z')))).toMatchObject({ code: 'closed' })
    // The /live namespace (chat, presence) follows the same rule: the two participants, not the colleague
    // (a member of the exporter company with host rights anywhere else), not another officer.
    const facts = await loadSessionFacts(sessionId)
    const identityOf = (userId: string, role: 'EXPORTER' | 'TRADE_OFFICER', companyId: string | null) =>
      ({ kind: 'user', userId, name: userId, role, companyId, locale: 'en' }) as const
    expect(roomContextFor(facts, identityOf(officer.user.id, 'TRADE_OFFICER', null))).toMatchObject({ isHost: false, canModerate: false })
    expect(roomContextFor(facts, identityOf(exporter.user.id, 'EXPORTER', exporter.company.id))).toMatchObject({ isHost: false, canModerate: false })
    for (const identity of [identityOf(colleague.user.id, 'EXPORTER', exporter.company.id), identityOf(otherOfficer.user.id, 'TRADE_OFFICER', null)]) {
      expect(await caught(async () => roomContextFor(facts, identity))).toMatchObject({ code: 'forbidden' })
    }
    // Any other live session is not a consultation's: the meetings' admission decides.
    expect(await admitToConsultationRoom('no-such-session', exporter.user.id, atStart)).toBeNull()
    await recordConsultationRoomJoin(officerSeat!, atStart)
    await recordConsultationRoomJoin(officerSeat!, new Date('2026-03-02T02:05:00Z'))
    expect((await prisma.consultation.findUniqueOrThrow({ where: { id } })).officerJoinedAt?.toISOString()).toBe(MONDAY_10)

    // Notes and tasks: the officer writes, the requester reads and ticks.
    await saveAdvisorNotes(officerUser, id, 'Register with the Mongolian Agency for Standardization first.')
    expect(await caught(() => saveAdvisorNotes(requester, id, 'mine now'))).toMatchObject({ code: 'forbidden' })
    await addConsultationTask(officerUser, id, { title: 'Send the MASM application', dueOn: '2026-03-16' })
    const [task] = await prisma.consultationTask.findMany({ where: { consultationId: id } })
    expect(task?.dueOn?.toISOString()).toBe('2026-03-16T00:00:00.000Z')
    await setConsultationTaskDone(requester, id, task!.id, true, new Date('2026-03-03T00:00:00Z'))
    expect((await prisma.consultationTask.findUniqueOrThrow({ where: { id: task!.id } })).doneAt?.toISOString()).toBe('2026-03-03T00:00:00.000Z')
    // A task of another consultation cannot be ticked through this one.
    expect(await caught(() => setConsultationTaskDone(requester, id, 'no-such-task', true, NOW))).toMatchObject({ code: 'not-found' })

    // Held: only from the start on.
    expect(await caught(() => recordConsultationOutcome(officerUser, id, 'HELD', NOW))).toMatchObject({ code: 'too-early' })
    await recordConsultationOutcome(officerUser, id, 'HELD', new Date('2026-03-02T02:31:00Z'))
    expect((await prisma.consultation.findUniqueOrThrow({ where: { id } })).status).toBe('HELD')
    expect(await caught(() => admitToConsultationRoom(sessionId, exporter.user.id, atStart))).toMatchObject({ code: 'closed' })
    // The consultation and its attached product as the requester sees it afterwards.
    const { consultation } = await getConsultationFor(requester, id)
    expect(consultation.advisorNotes).toContain('Mongolian Agency')
    expect(consultation.products.map(({ product: p }) => p.id)).toEqual([product.id])
  })

  it('frees the slot when cancelled, and sends the reminder once', async () => {
    const prisma = await getPrisma()
    const officer = await createOfficer()
    const exporter = await createExporter()
    const requester = await sessionUserOf(exporter.cookie)
    const id = await bookConsultation(requester, officer.profileId, booking(MONDAY_10), NOW)
    await confirmConsultation(await sessionUserOf(officer.cookie), id, NOW)
    const oneHourBefore = new Date('2026-03-02T01:00:00Z')
    expect(await sendConsultationReminder(id, oneHourBefore)).toBe(true)
    expect(await sendConsultationReminder(id, oneHourBefore)).toBe(false)
    expect(await prisma.notification.count({ where: { kind: 'consultation.reminder', userId: { in: [officer.user.id, exporter.user.id] } } })).toBe(2)

    await cancelConsultation(requester, id, NOW)
    expect(await caught(() => cancelConsultation(requester, id, NOW))).toMatchObject({ code: 'invalid-transition' })
    const other = await createExporter()
    await expect(bookConsultation(await sessionUserOf(other.cookie), officer.profileId, booking(MONDAY_10), NOW)).resolves.toEqual(expect.any(String))
  })
})

describe('consultationKpis', () => {
  it('counts consultations by market and topic in the period, for all companies or some', async () => {
    const officer = await createOfficer('MN, KZ')
    const [one, two] = await Promise.all([createExporter(), createExporter()])
    const prisma = await getPrisma()
    await prisma.exporterCompany.update({ where: { id: two.company.id }, data: { overseasKorean: true, residenceCountry: 'KZ' } })
    const officerUser = await sessionUserOf(officer.cookie)
    const a = await bookConsultation(await sessionUserOf(one.cookie), officer.profileId, booking(MONDAY_10, { topic: 'CERTIFICATION' }), NOW)
    await bookConsultation(await sessionUserOf(two.cookie), officer.profileId, booking(MONDAY_1030, { market: 'KZ', topic: 'LOGISTICS' }), NOW)
    await bookConsultation(await sessionUserOf(one.cookie), officer.profileId, booking('2026-03-04T06:00:00.000Z', { topic: 'CERTIFICATION' }), NOW)
    await confirmConsultation(officerUser, a, NOW)
    await recordConsultationOutcome(officerUser, a, 'HELD', new Date(MONDAY_1030))

    const period = { from: new Date('2026-03-02T00:00:00Z'), to: new Date('2026-03-05T00:00:00Z') }
    const mine = await consultationKpis({ ...period, companyIds: [one.company.id, two.company.id] })
    expect(mine.total).toBe(3)
    expect(mine.byStatus).toMatchObject({ HELD: 1, REQUESTED: 2 })
    expect(mine.byTopic).toMatchObject({ CERTIFICATION: 2, LOGISTICS: 1, MARKET_ENTRY: 0 })
    expect(mine.byMarket.map((m) => [m.market, m.total, m.held, m.byTopic.CERTIFICATION])).toEqual([
      ['MN', 2, 1, 2],
      ['KZ', 1, 0, 0],
    ])
    expect(mine.overseasKorean).toBe(1)
    expect((await consultationKpis({ ...period, companyIds: [two.company.id] })).total).toBe(1)
    expect((await consultationKpis({ ...period, companyIds: [] })).total).toBe(0)
    // Outside the period: nothing of these.
    expect((await consultationKpis({ from: new Date('2026-03-05T00:00:00Z'), to: new Date('2026-03-06T00:00:00Z'), companyIds: [one.company.id] })).total).toBe(
      0,
    )
  })
})
