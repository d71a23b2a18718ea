import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createExporter, createUser, sessionUserOf } from '../../../tests/fixtures'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { DatabaseJobRunner } from '~/domain/jobs/database-queue.server'
import type { JobDefinition } from '~/domain/jobs/jobs.server'
import { getEnv } from '~/utils/env.server'
import {
  bookConsultation,
  cancelConsultation,
  confirmConsultation,
  listOfficerConsultations,
  listRequesterConsultations,
  recordConsultationOutcome,
  saveOfficerProfile,
} from './consultations.server'
import { consultationAttendanceJob, markConsultationAttendance } from './jobs.server'
import { consultationKpis } from './kpis.server'
import { recordConsultationRoomJoin } from './room-access.server'
import { OfficerProfileSchema } from './schemas'

// The automatic attendance of a consultation (docs/consultations.md), on a pinned clock: an officer in
// Ulaanbaatar with Monday 10:00–11:00; the 30-minute slot of Monday 2 March 2026 10:00 UB is 02:00–02:30 UTC,
// so the job is due at 02:30 + the meetings' grace.
const NOW = new Date('2026-03-01T00:00:00Z')
const SLOT = '2026-03-02T02:00:00.000Z'
const SLOT_END = new Date('2026-03-02T02:30:00Z')
const MINUTE = 60_000
const GRACE = getEnv().MEETING_NO_SHOW_GRACE_MINUTES
const DUE = new Date(SLOT_END.getTime() + GRACE * MINUTE)
const after = (ms: number) => new Date(DUE.getTime() + ms)

async function booked(options: { confirm?: boolean } = {}) {
  const officer = await createUser('TRADE_OFFICER', { timeZone: 'Asia/Ulaanbaatar' })
  const form = OfficerProfileSchema.parse({
    intent: 'profile',
    officeName: 'KOTRA Ulaanbaatar',
    markets: 'MN',
    languages: 'mn, ko, en',
    timeZone: 'Asia/Ulaanbaatar',
    slotMinutes: '30',
    bio: '',
    start1: '10:00',
    end1: '11:00',
  })
  await saveOfficerProfile(officer.user.id, form)
  const prisma = await getPrisma()
  const profile = await prisma.tradeOfficerProfile.findUniqueOrThrow({ where: { userId: officer.user.id } })
  const exporter = await createExporter()
  const requester = await sessionUserOf(exporter.cookie)
  const officerUser = await sessionUserOf(officer.cookie)
  const id = await bookConsultation(
    requester,
    profile.id,
    { intent: 'book', slotStart: SLOT, market: 'MN', topic: 'LOGISTICS', question: 'Rail or road to Ulaanbaatar?', productIds: [] },
    NOW,
  )
  if (options.confirm !== false) await confirmConsultation(officerUser, id, NOW)
  return { id, officer, exporter, requester, officerUser }
}

async function statusOf(id: string) {
  const prisma = await getPrisma()
  return (await prisma.consultation.findUniqueOrThrow({ where: { id }, select: { status: true } })).status
}

async function attendanceJob(id: string) {
  const prisma = await getPrisma()
  return prisma.scheduledJob.findUnique({ where: { name_key: { name: 'consultations.attendance', key: id } }, select: { runAt: true, doneAt: true } })
}

const sideOf = (id: string, role: 'ADVISOR' | 'EXPORTER') => ({ consultationId: id, role })

beforeAll(async () => {
  await getPrisma()
})
afterAll(async () => {
  await disconnectPrisma()
})

describe('automatic consultation attendance', () => {
  it('is scheduled on booking at the end plus the meetings’ grace, and a confirmed one only one side joined becomes NO_SHOW once, through the job', async () => {
    const prisma = await getPrisma()
    const c = await booked()
    expect(await attendanceJob(c.id)).toEqual({ runAt: DUE, doneAt: null })
    await recordConsultationRoomJoin(sideOf(c.id, 'EXPORTER'), new Date(SLOT))

    expect(await markConsultationAttendance(c.id, after(-1))).toBe(false)
    expect(await statusOf(c.id)).toBe('CONFIRMED')
    // Through the job runner, twice (a redelivery, a second process): one change, one message per side.
    const runner = new DatabaseJobRunner({ definitions: [consultationAttendanceJob] as unknown as Array<JobDefinition<unknown>>, onError: () => undefined })
    await runner.runDue(DUE)
    await runner.runDue(after(60 * MINUTE))
    expect(await markConsultationAttendance(c.id, after(2 * 60 * MINUTE))).toBe(false)
    expect(await statusOf(c.id)).toBe('NO_SHOW')
    expect((await attendanceJob(c.id))?.doneAt).not.toBeNull()
    const room = await prisma.consultation.findUniqueOrThrow({ where: { id: c.id }, select: { liveSession: { select: { status: true } } } })
    expect(room.liveSession?.status).toBe('ENDED')
    const told = await prisma.notification.findMany({
      where: { kind: 'consultation.updated', link: `/consultations/${c.id}`, data: { path: ['status'], equals: 'NO_SHOW' } },
      select: { userId: true },
    })
    expect(told.map((note) => note.userId).sort()).toEqual([c.officer.user.id, c.exporter.user.id].sort())

    // It shows in the officer's and the exporter's lists and in the KPIs' outcomes.
    const officerList = await listOfficerConsultations(c.officer.user.id, after(3 * 60 * MINUTE))
    expect(officerList.upcoming).toEqual([])
    expect(officerList.past.map((row) => [row.id, row.status])).toEqual([[c.id, 'NO_SHOW']])
    expect((await listRequesterConsultations(c.exporter.user.id)).map((row) => [row.id, row.status])).toEqual([[c.id, 'NO_SHOW']])
    const kpis = await consultationKpis({ from: new Date('2026-03-02T00:00:00Z'), to: new Date('2026-03-03T00:00:00Z'), companyIds: [c.exporter.company.id] })
    expect(kpis.byStatus).toMatchObject({ NO_SHOW: 1, HELD: 0, CONFIRMED: 0 })

    // The officer can still correct it.
    await recordConsultationOutcome(c.officerUser, c.id, 'HELD', after(4 * 60 * MINUTE))
    expect(await statusOf(c.id)).toBe('HELD')
    expect(await markConsultationAttendance(c.id, after(5 * 60 * MINUTE))).toBe(false)
    expect(await statusOf(c.id)).toBe('HELD')
  })

  it('marks HELD when both sides joined, NO_SHOW when nobody did, and lets a booking the officer never confirmed lapse as cancelled', async () => {
    const both = await booked()
    await recordConsultationRoomJoin(sideOf(both.id, 'ADVISOR'), new Date(SLOT))
    await recordConsultationRoomJoin(sideOf(both.id, 'EXPORTER'), new Date(SLOT))
    const nobody = await booked()
    const unconfirmed = await booked({ confirm: false })
    for (const id of [both.id, nobody.id, unconfirmed.id]) expect(await markConsultationAttendance(id, DUE)).toBe(true)
    expect(await statusOf(both.id)).toBe('HELD')
    expect(await statusOf(nobody.id)).toBe('NO_SHOW')
    expect(await statusOf(unconfirmed.id)).toBe('CANCELLED')
  })

  it('leaves an outcome the officer recorded, and a cancelled consultation (whose job is cancelled too), alone', async () => {
    const recorded = await booked()
    await recordConsultationOutcome(recorded.officerUser, recorded.id, 'HELD', new Date(SLOT))
    expect(await markConsultationAttendance(recorded.id, DUE)).toBe(false)
    expect(await statusOf(recorded.id)).toBe('HELD')

    const cancelled = await booked()
    await cancelConsultation(cancelled.requester, cancelled.id, NOW)
    expect(await attendanceJob(cancelled.id)).toBeNull()
    expect(await markConsultationAttendance(cancelled.id, DUE)).toBe(false)
    expect(await statusOf(cancelled.id)).toBe('CANCELLED')
  })

  it('is reconciled at boot for every booked or confirmed consultation, not for settled ones', async () => {
    const open = await booked({ confirm: false })
    const settled = await booked()
    await markConsultationAttendance(settled.id, DUE)
    const specs = await consultationAttendanceJob.reconcile!(NOW)
    expect(specs.find((spec) => spec.key === open.id)).toEqual({ key: open.id, runAt: DUE, data: { consultationId: open.id } })
    expect(specs.find((spec) => spec.key === settled.id)).toBeUndefined()
  })
})
