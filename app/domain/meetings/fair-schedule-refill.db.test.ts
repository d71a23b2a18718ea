import { describe, expect, it } from 'vitest'
import { useTestHooksAndDatabase } from '../../../tests/test-hooks'
import { createBuyer, createExporter, createProduct, createUser } from '../../../tests/fixtures'
import { getRequest, postAction } from '../../../tests/http'
import { getPrisma } from '~/domain/db.server'
import { TEST_CLOCK_COOKIE } from '~/utils/clock.server'
import { getEnv } from '~/utils/env.server'
import { action as scheduleAction, loader as scheduleLoader } from '~/routes/organizer/fairs/schedule'
import { freedSlots, loadScheduleInputs, publishFairSchedule, runFairSchedule } from './fair-schedule.server'

// Freed fair slots offered again (ADR 022). Two exhibitors, four buyers, two slots, two meetings per
// exhibitor, published by hand so the expectation can be worked out:
//   s0: b0–e0, b2–e1      s1: b1–e0, b3–e1
// b0 calls off b0–e0. Freed places: b0@s0 and e0@s0. Refill with everyone else kept:
//   e0@s0 — buyers free in s0: b0 (called-off pair, never proposed again), b1 (met e0 already), b3 (free):
//           so b3–e0 in s0.
//   b0@s0 — e1 is busy in s0 and full; e0 is the called-off pair: stays empty.
// Expected: 1 new meeting (b3–e0 in s0), 1 of 2 freed places refilled, no kept meeting moved.
const NOW = new Date('2026-03-09T00:00:00Z')
const clock = (at: Date) => `${TEST_CLOCK_COOKIE}=${encodeURIComponent(at.toISOString())}`

async function fairWithPublishedSchedule() {
  const prisma = await getPrisma()
  const organizer = await createUser('ORGANIZER')
  const fair = await prisma.tradeFair.create({
    data: {
      slug: `refill-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
      name: 'Refill Expo',
      startsAt: new Date('2026-04-06T00:00:00Z'),
      endsAt: new Date('2026-04-07T00:00:00Z'),
      timeZone: 'Asia/Seoul',
      status: 'OPEN',
      organizerId: organizer.user.id,
    },
  })
  const starts = [new Date('2026-04-06T01:00:00Z'), new Date('2026-04-06T01:30:00Z')]
  const slots = []
  for (const start of starts) {
    slots.push(await prisma.meetingSlot.create({ data: { fairId: fair.id, startsAt: start, endsAt: new Date(start.getTime() + 30 * 60_000) } }))
  }
  const buyers = []
  for (let i = 0; i < 4; i++) {
    const buyer = await createBuyer({ country: 'DE' })
    await prisma.buyerProfile.update({ where: { id: buyer.profile.id }, data: { interests: ['processed-food'], languages: ['en'] } })
    await prisma.fairRegistration.create({ data: { fairId: fair.id, userId: buyer.user.id, kind: 'BUYER', status: 'APPROVED' } })
    buyers.push(buyer.profile.id)
  }
  const exporters = []
  for (let i = 0; i < 2; i++) {
    const exporter = await createExporter()
    await createProduct(exporter.company.id, { categorySlug: 'processed-food', hsCode: '190230' })
    await prisma.fairRegistration.create({
      data: { fairId: fair.id, userId: exporter.user.id, kind: 'EXHIBITOR', status: 'APPROVED', companyId: exporter.company.id },
    })
    exporters.push(exporter.company.id)
  }
  const [b0, b1, b2, b3] = buyers as [string, string, string, string]
  const [e0, e1] = exporters as [string, string]
  const [s0, s1] = slots.map((slot) => slot.id) as [string, string]
  const draft = [
    { buyerId: b0, exporterId: e0, slotId: s0, locked: false },
    { buyerId: b1, exporterId: e0, slotId: s1, locked: false },
    { buyerId: b2, exporterId: e1, slotId: s0, locked: false },
    { buyerId: b3, exporterId: e1, slotId: s1, locked: true },
  ]
  expect(await publishFairSchedule(organizer.user, fair.id, draft, { maxPerExporter: 2, now: NOW, locale: 'en' })).toEqual({ created: 4, updated: 0 })
  await expectAttendanceJobs(fair.id, 4)
  return { prisma, organizer, fair, slots, ids: { b0, b1, b2, b3, e0, e1, s0, s1 } }
}

/**
 * Every ACCEPTED meeting of the fair has its confirmation job (24 h before its start) and its attendance
 * job (its end plus the grace) in the database queue, as an accepted request does.
 */
async function expectAttendanceJobs(fairId: string, count: number) {
  const prisma = await getPrisma()
  const meetings = await prisma.meeting.findMany({ where: { fairId, status: 'ACCEPTED' }, select: { id: true, startsAt: true, endsAt: true } })
  expect(meetings).toHaveLength(count)
  const graceMs = getEnv().MEETING_NO_SHOW_GRACE_MINUTES * 60_000
  for (const meeting of meetings) {
    const jobs = await prisma.scheduledJob.findMany({
      where: { key: meeting.id, doneAt: null },
      orderBy: { name: 'asc' },
      select: { name: true, runAt: true, data: true },
    })
    expect(jobs).toEqual([
      { name: 'meetings.attendance', runAt: new Date(meeting.endsAt.getTime() + graceMs), data: { meetingId: meeting.id } },
      { name: 'meetings.confirm', runAt: new Date(meeting.startsAt.getTime() - 24 * 3_600_000), data: { meetingId: meeting.id } },
    ])
  }
}

useTestHooksAndDatabase()

describe('offering freed fair slots again', () => {
  it('fills a freed slot from the remaining candidates without moving any kept meeting, then publishes it', async () => {
    const { prisma, organizer, fair, ids } = await fairWithPublishedSchedule()
    const { b0, b3, e0, s0 } = ids
    // Before anything is called off there is nothing to refill.
    expect(freedSlots(await loadScheduleInputs(fair.id, { locale: 'en' }), NOW)).toEqual({ meetings: 0, places: [] })

    const called = await prisma.meeting.findFirstOrThrow({ where: { fairId: fair.id, buyerId: b0, companyId: e0 } })
    // Called off after publishing (cancelMeeting sets this status; declined or expired meetings count the same).
    await prisma.meeting.update({ where: { id: called.id }, data: { status: 'CANCELLED' } })
    const kept = await prisma.meeting.findMany({
      where: { fairId: fair.id, status: 'ACCEPTED' },
      orderBy: { id: 'asc' },
      select: { id: true, buyerId: true, companyId: true, slotId: true, startsAt: true, endsAt: true, status: true },
    })
    expect(kept).toHaveLength(3)

    const inputs = await loadScheduleInputs(fair.id, { locale: 'en' })
    const freed = freedSlots(inputs, NOW)
    expect(freed.meetings).toBe(1)
    expect(freed.places).toEqual(
      expect.arrayContaining([
        { side: 'buyer', partyId: b0, slotId: s0 },
        { side: 'exporter', partyId: e0, slotId: s0 },
      ]),
    )
    expect(freed.places).toHaveLength(2)

    const run = await runFairSchedule(inputs, { maxPerExporter: 2, keep: [], now: NOW, refill: true, timeLimitSeconds: 3 })
    // Every kept meeting is in the draft, confirmed, in its own slot.
    for (const meeting of kept) {
      expect(run.meetings).toContainEqual(
        expect.objectContaining({ buyerId: meeting.buyerId, exporterId: meeting.companyId, slotId: meeting.slotId, confirmed: true }),
      )
    }
    const fresh = run.meetings.filter((m) => !m.confirmed)
    expect(fresh.map(({ buyerId, exporterId, slotId }) => ({ buyerId, exporterId, slotId }))).toEqual([{ buyerId: b3, exporterId: e0, slotId: s0 }])
    expect(run.refill).toEqual({ releasedMeetings: 1, freedPlaces: 2, refilledPlaces: 1, newMeetings: 1 })
    expect(run.meetings.some((m) => m.buyerId === b0 && m.exporterId === e0)).toBe(false)
    expect(run.breaks.after.total).toBeLessThanOrEqual(run.breaks.before.total)

    // Only a refill run reports freed places.
    const plain = await runFairSchedule(inputs, { maxPerExporter: 2, keep: [], now: NOW, timeLimitSeconds: 3 })
    expect(plain.refill).toBeNull()

    const published = await publishFairSchedule(organizer.user, fair.id, run.meetings, { maxPerExporter: 2, now: NOW, locale: 'en' })
    expect(published).toEqual({ created: 1, updated: 0 })
    const after = await prisma.meeting.findMany({
      where: { id: { in: kept.map((m) => m.id) } },
      orderBy: { id: 'asc' },
      select: { id: true, buyerId: true, companyId: true, slotId: true, startsAt: true, endsAt: true, status: true },
    })
    expect(after).toEqual(kept)
    const added = await prisma.meeting.findFirstOrThrow({ where: { fairId: fair.id, buyerId: b3, companyId: e0 } })
    expect(added).toMatchObject({ status: 'ACCEPTED', slotId: s0, publishedAt: NOW })
    // The refilled meeting is confirmed the day before and its attendance marked, like the others.
    await expectAttendanceJobs(fair.id, 4)
    // e0's place in s0 is taken again; b0's stays free (their only remaining candidate is the called-off pair).
    expect(freedSlots(await loadScheduleInputs(fair.id, { locale: 'en' }), NOW)).toEqual({
      meetings: 1,
      places: [{ side: 'buyer', partyId: b0, slotId: s0 }],
    })
  })

  it('does not offer a slot that has started, and shows the counts on the organizer page', async () => {
    const { prisma, organizer, fair, ids, slots } = await fairWithPublishedSchedule()
    const { b0, e0, s0 } = ids
    await prisma.meeting.updateMany({ where: { fairId: fair.id, buyerId: b0, companyId: e0 }, data: { status: 'CANCELLED' } })

    // Once s0 has started its freed places are gone: nothing to refill, and the refill proposes nothing new.
    const during = new Date(slots[0]!.startsAt.getTime() + 5 * 60_000)
    const inputs = await loadScheduleInputs(fair.id, { locale: 'en' })
    expect(freedSlots(inputs, during)).toEqual({ meetings: 0, places: [] })
    const late = await runFairSchedule(inputs, { maxPerExporter: 2, keep: [], now: during, refill: true, timeLimitSeconds: 3 })
    expect(late.meetings.filter((m) => !m.confirmed)).toEqual([])
    expect(late.refill).toEqual({ releasedMeetings: 0, freedPlaces: 0, refilledPlaces: 0, newMeetings: 0 })

    // Before the fair, through the route.
    const url = `/organizer/fairs/${fair.id}/schedule`
    const page = await scheduleLoader({ request: getRequest(url, [organizer.cookie, clock(NOW)]), params: { fairId: fair.id } } as never)
    expect(page.freed).toEqual({ meetings: 1, places: 2 })
    const refilled = (await postAction(
      scheduleAction,
      url,
      [organizer.cookie, clock(NOW)],
      { intent: 'refill', maxPerExporter: '2', draft: '[]' },
      { fairId: fair.id },
    )) as { data: { run: { refill: unknown; meetings: Array<{ buyerId: string; exporterId: string; slotId: string; locked: boolean; confirmed: boolean }> } } }
    expect(refilled.data.run.refill).toEqual({ releasedMeetings: 1, freedPlaces: 2, refilledPlaces: 1, newMeetings: 1 })
    expect(refilled.data.run.meetings.filter((m) => !m.confirmed).map((m) => m.slotId)).toEqual([s0])

    // That draft left open on the page and published once s0 has started: refused, nothing written.
    const stale = JSON.stringify(refilled.data.run.meetings.map(({ buyerId, exporterId, slotId, locked }) => ({ buyerId, exporterId, slotId, locked })))
    const before = await prisma.meeting.count({ where: { fairId: fair.id } })
    const refused = (await postAction(
      scheduleAction,
      url,
      [organizer.cookie, clock(during)],
      { intent: 'publish', maxPerExporter: '2', draft: stale },
      { fairId: fair.id },
    )) as { data: { result: { error: Record<string, string[]> } }; init: { status: number } | null }
    expect(refused.init?.status).toBe(409)
    expect(refused.data.result.error['']).toEqual(['schedule.errors.slot-started'])
    expect(await prisma.meeting.count({ where: { fairId: fair.id } })).toBe(before)
    await expect(
      publishFairSchedule(organizer.user, fair.id, JSON.parse(stale) as never, { maxPerExporter: 2, now: during, locale: 'en' }),
    ).rejects.toMatchObject({ code: 'slot-started', status: 409 })

    // A hostile intent is refused as a form error.
    const hostile = (await postAction(
      scheduleAction,
      url,
      [organizer.cookie],
      { intent: 'refill-everything', maxPerExporter: '2', draft: '[]' },
      { fairId: fair.id },
    )) as {
      init: { status: number } | null
    }
    expect(hostile.init?.status).toBe(400)
  })
})
