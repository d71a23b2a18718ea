import { describe, expect, it } from 'vitest'
import { useTestHooksAndDatabase } from '../../../tests/test-hooks'
import { createBuyer, createExporter, createProduct, createUser, sessionUserOf } from '../../../tests/fixtures'
import { caught, formRequest, getRequest, postAction } from '../../../tests/http'
import { getPrisma } from '~/domain/db.server'
import { action as boothAction, loader as boothLoader } from '~/routes/fairs/booth'
import { action as exporterRecsAction } from '~/routes/exporter/recommendations'
import { loadScheduleInputs, publishFairSchedule, runFairSchedule } from './fair-schedule.server'
import { setMeetingPreference } from './preferences.server'

const NOW = new Date('2026-03-09T00:00:00Z')

async function buyer(interests: string[]) {
  const created = await createBuyer({ country: 'DE' })
  const prisma = await getPrisma()
  await prisma.buyerProfile.update({ where: { id: created.profile.id }, data: { timeZone: 'Europe/Berlin', interests, languages: ['en'] } })
  return { ...created, session: await sessionUserOf(created.cookie) }
}

async function exporter() {
  const created = await createExporter()
  await createProduct(created.company.id, { categorySlug: 'processed-food', hsCode: '190230' })
  return { ...created, session: await sessionUserOf(created.cookie) }
}

async function fairWithSlots(slotCount: number) {
  const prisma = await getPrisma()
  const organizer = await createUser('ORGANIZER')
  const fair = await prisma.tradeFair.create({
    data: {
      slug: `fair-${crypto.randomUUID().slice(0, 8)}`,
      name: 'Preference Expo',
      startsAt: new Date('2026-04-06T00:00:00Z'),
      endsAt: new Date('2026-04-07T00:00:00Z'),
      timeZone: 'Asia/Seoul',
      status: 'OPEN',
      organizerId: organizer.user.id,
    },
  })
  const slots = []
  for (let i = 0; i < slotCount; i++) {
    const start = new Date(Date.UTC(2026, 3, 6, 1, 30 * i))
    slots.push(await prisma.meetingSlot.create({ data: { fairId: fair.id, startsAt: start, endsAt: new Date(start.getTime() + 30 * 60_000) } }))
  }
  return { organizer, fair, slots }
}

async function register(fairId: string, party: { user: { id: string }; company?: { id: string } }, status: 'APPROVED' | 'PENDING' = 'APPROVED') {
  const prisma = await getPrisma()
  await prisma.fairRegistration.create({
    data: { fairId, userId: party.user.id, kind: party.company ? 'EXHIBITOR' : 'BUYER', status, companyId: party.company?.id ?? null },
  })
}

const post = postAction

useTestHooksAndDatabase()

describe('meeting preferences', () => {
  it('sets, changes and clears a preference on either side; refuses unapproved parties and the wrong side', async () => {
    const prisma = await getPrisma()
    const { fair } = await fairWithSlots(1)
    const b = await buyer(['processed-food'])
    const e = await exporter()
    const pendingBuyer = await buyer(['processed-food'])
    const outsiderExporter = await exporter()
    await register(fair.id, b)
    await register(fair.id, e)
    await register(fair.id, pendingBuyer, 'PENDING')

    await setMeetingPreference(b.session, { fairId: fair.id, side: 'buyer', companyId: e.company.id, level: 'WOULD_LIKE' })
    await setMeetingPreference(b.session, { fairId: fair.id, side: 'buyer', companyId: e.company.id, level: 'MUST_MEET' })
    await setMeetingPreference(e.session, { fairId: fair.id, side: 'exporter', buyerId: b.profile.id, level: 'WOULD_LIKE' })
    const rows = await prisma.meetingPreference.findMany({ where: { fairId: fair.id }, orderBy: { side: 'asc' } })
    expect(rows.map((r) => [r.side, r.level, r.buyerId, r.companyId, r.createdById])).toEqual([
      ['BUYER', 'MUST_MEET', b.profile.id, e.company.id, b.user.id],
      ['EXPORTER', 'WOULD_LIKE', b.profile.id, e.company.id, e.user.id],
    ])

    // Wrong side: a buyer cannot speak for the exporter side, nor an exporter for another company.
    expect(
      await caught(() =>
        setMeetingPreference(b.session, { fairId: fair.id, side: 'exporter', buyerId: b.profile.id, companyId: e.company.id, level: 'MUST_MEET' }),
      ),
    ).toMatchObject({ status: 403, data: { reason: 'wrong-side' } })
    expect(
      await caught(() =>
        setMeetingPreference(e.session, {
          fairId: fair.id,
          side: 'exporter',
          buyerId: b.profile.id,
          companyId: outsiderExporter.company.id,
          level: 'MUST_MEET',
        }),
      ),
    ).toMatchObject({ status: 403, data: { reason: 'wrong-side' } })
    // Unapproved parties: a pending buyer, an exporter not exhibiting at the fair.
    expect(
      await caught(() => setMeetingPreference(pendingBuyer.session, { fairId: fair.id, side: 'buyer', companyId: e.company.id, level: 'MUST_MEET' })),
    ).toMatchObject({ status: 403, data: { reason: 'not-approved' } })
    expect(
      await caught(() => setMeetingPreference(b.session, { fairId: fair.id, side: 'buyer', companyId: outsiderExporter.company.id, level: 'MUST_MEET' })),
    ).toMatchObject({ status: 403, data: { reason: 'not-approved' } })
    expect(
      await caught(() => setMeetingPreference(e.session, { fairId: fair.id, side: 'exporter', buyerId: pendingBuyer.profile.id, level: 'WOULD_LIKE' })),
    ).toMatchObject({ status: 403, data: { reason: 'not-approved' } })
    expect(await prisma.meetingPreference.count({ where: { fairId: fair.id } })).toBe(2)

    // The exporter's form on /exporter/recommendations clears its wish.
    const cleared = (await post(exporterRecsAction, '/exporter/recommendations', [e.cookie], {
      intent: 'preference',
      level: 'NONE',
      fairId: fair.id,
      buyerId: b.profile.id,
    })) as Response
    expect(cleared.status).toBe(302)
    expect(await prisma.meetingPreference.findMany({ where: { fairId: fair.id }, select: { side: true } })).toEqual([{ side: 'BUYER' }])
    // Without the CSRF token the form is refused.
    const forged = await caught(() =>
      exporterRecsAction({
        request: formRequest(
          '/exporter/recommendations',
          { intent: 'preference', level: 'MUST_MEET', fairId: fair.id, buyerId: b.profile.id },
          { cookies: [e.cookie] },
        ),
        params: {},
      } as never),
    )
    expect(forged.status).toBe(403)
  })

  it('shows the controls on the booth page to an approved buyer only, and saves through the booth form', async () => {
    const prisma = await getPrisma()
    const { fair } = await fairWithSlots(1)
    const b = await buyer(['processed-food'])
    const stranger = await buyer(['processed-food'])
    const e = await exporter()
    await register(fair.id, b)
    await prisma.booth.create({ data: { fairId: fair.id, companyId: e.company.id, code: 'A1', approvedAt: NOW } })
    const path = `/fairs/${fair.slug}/booths/a1`
    const params = { slug: fair.slug, code: 'a1' }
    const page = (cookies: string[]) => boothLoader({ request: getRequest(path, cookies), params } as never)
    expect((await page([b.cookie])).preference).toEqual({ level: null })
    expect((await page([stranger.cookie])).preference).toBeNull()
    expect((await page([])).preference).toBeNull()

    const saved = (await post(boothAction, path, [b.cookie], { intent: 'preference', level: 'MUST_MEET' }, params)) as Response
    expect(saved.status).toBe(302)
    expect((await page([b.cookie])).preference).toEqual({ level: 'MUST_MEET' })
    expect(await caught(() => post(boothAction as never, path, [stranger.cookie], { intent: 'preference', level: 'MUST_MEET' }, params))).toMatchObject({
      status: 403,
    })
    const invalid = (await post(boothAction, path, [b.cookie], { intent: 'preference', level: 'MAYBE' }, params)) as { init: { status: number } }
    expect(invalid.init.status).toBe(400)
    await post(boothAction, path, [b.cookie], { intent: 'preference', level: 'NONE' }, params)
    expect((await page([b.cookie])).preference).toEqual({ level: null })
  })

  it('the schedule uses stored preferences (open requests only where none is stored) and publishes a MUST_MEET pair', async () => {
    const prisma = await getPrisma()
    const { organizer, fair, slots } = await fairWithSlots(1)
    // One slot, one exhibitor, limit 1: only one buyer can meet it. The good match would win without wishes.
    const good = await buyer(['processed-food'])
    const poor = await buyer(['cosmetics-skincare'])
    const e = await exporter()
    for (const party of [good, poor, e]) await register(fair.id, party)

    const baseline = await runFairSchedule(await loadScheduleInputs(fair.id, { locale: 'en' }), { maxPerExporter: 1, keep: [], now: NOW, timeLimitSeconds: 2 })
    expect(baseline.meetings.map((m) => m.buyerId)).toEqual([good.profile.id])

    // The poor match asked for a meeting (an open request = "would like"), then marks the exhibitor MUST_MEET.
    await prisma.meeting.create({
      data: {
        buyerId: poor.profile.id,
        companyId: e.company.id,
        fairId: fair.id,
        status: 'REQUESTED',
        startsAt: slots[0]!.startsAt,
        endsAt: slots[0]!.endsAt,
        requestedById: poor.user.id,
      },
    })
    await prisma.meeting.create({
      data: {
        buyerId: good.profile.id,
        companyId: e.company.id,
        fairId: fair.id,
        status: 'REQUESTED',
        startsAt: slots[0]!.startsAt,
        endsAt: slots[0]!.endsAt,
        requestedById: e.user.id,
      },
    })
    await setMeetingPreference(poor.session, { fairId: fair.id, side: 'buyer', companyId: e.company.id, level: 'MUST_MEET' })
    const inputs = await loadScheduleInputs(fair.id, { locale: 'en' })
    expect(inputs.preferences).toEqual([
      { buyerId: poor.profile.id, exporterId: e.company.id, by: 'buyer', level: 'must-meet' },
      { buyerId: good.profile.id, exporterId: e.company.id, by: 'exporter', level: 'would-like' },
    ])
    expect(inputs.preferenceSources).toEqual({ stored: 1, fromRequests: 1 })

    const run = await runFairSchedule(inputs, { maxPerExporter: 1, keep: [], now: NOW, timeLimitSeconds: 2 })
    expect(run.meetings.map((m) => [m.buyerId, m.exporterId])).toEqual([[poor.profile.id, e.company.id]])
    expect(await publishFairSchedule(organizer.user, fair.id, run.meetings, { maxPerExporter: 1, now: NOW, locale: 'en' })).toEqual({ created: 0, updated: 1 })
    const accepted = await prisma.meeting.findMany({ where: { fairId: fair.id, status: 'ACCEPTED' }, select: { buyerId: true, slotId: true } })
    expect(accepted).toEqual([{ buyerId: poor.profile.id, slotId: slots[0]!.id }])
  })
})
