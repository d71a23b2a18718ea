import { describe, expect, it } from 'vitest'
import { useTestHooksAndDatabase } from '../../../tests/test-hooks'
import { createBuyer, createExporter, createProduct, createUser, sessionUserOf } from '../../../tests/fixtures'
import { caught, getRequest, postAction } from '../../../tests/http'
import { getPrisma } from '~/domain/db.server'
import { createI18n } from '~/lib/i18n'
import { recommendBuyersForExporter, recommendExportersForBuyer } from '~/domain/matchmaking/recommendations.server'
import { loadScheduleInputs, publishFairSchedule, runFairSchedule } from './fair-schedule.server'
import { DomainError } from '~/domain/errors'
import { acceptMeeting, findMeetingSlots, proposeNewTime, recordOutcome, requestMeeting } from './meetings.server'
import { action as meetingAction } from '~/routes/meetings/meeting'
import { action as newMeetingAction } from '~/routes/meetings/new'
import { loader as roomLoader } from '~/routes/meetings/room'
import { loader as icsLoader } from '~/routes/meetings/invite-ics'
import { TEST_CLOCK_COOKIE } from '~/utils/clock.server'
import { action as scheduleAction, loader as scheduleLoader } from '~/routes/organizer/fairs/schedule'

// Monday 2026-03-09 00:00 UTC = 09:00 in Seoul. Buyers work 09:00–18:00 in Berlin (CET, UTC+1) and the
// exporters 09:00–18:00 in Seoul (UTC+9): the only common hour is 08:00–09:00 UTC (17:00–18:00 KST).
const NOW = new Date('2026-03-09T00:00:00Z')
const SLOT_1 = '2026-03-09T08:00:00.000Z'
const SLOT_2 = '2026-03-09T08:30:00.000Z'
const clock = (at: Date | string) => `${TEST_CLOCK_COOKIE}=${encodeURIComponent(new Date(at).toISOString())}`

async function berlinBuyer(overrides: { country?: string; interests?: string[]; hsChapters?: string[] } = {}) {
  const buyer = await createBuyer({ country: overrides.country ?? 'DE' })
  const prisma = await getPrisma()
  await prisma.buyerProfile.update({
    where: { id: buyer.profile.id },
    data: { timeZone: 'Europe/Berlin', interests: overrides.interests ?? ['processed-food'], hsChapters: overrides.hsChapters ?? [], languages: ['en'] },
  })
  return { ...buyer, session: await sessionUserOf(buyer.cookie) }
}

async function seoulExporter() {
  const exporter = await createExporter()
  await createProduct(exporter.company.id, { categorySlug: 'processed-food', hsCode: '190230' })
  return { ...exporter, session: await sessionUserOf(exporter.cookie) }
}

const post = postAction

useTestHooksAndDatabase()

describe('meeting requests', () => {
  it('writes the requested time in each recipient’s language and zone, in the notification and the mail', async () => {
    const prisma = await getPrisma()
    const buyer = await berlinBuyer()
    const exporter = await seoulExporter()
    // A Korean-speaking exporter who chose no zone of their own reads the company's (Seoul).
    await prisma.user.update({ where: { id: exporter.user.id }, data: { locale: 'ko' } })
    const toExporter = await requestMeeting(buyer.session, { companyId: exporter.company.id }, { intent: 'request', slotStart: SLOT_1, agenda: '' }, NOW)
    const note = await prisma.notification.findFirstOrThrow({ where: { userId: exporter.user.id, kind: 'meeting.requested', link: `/meetings/${toExporter}` } })
    expect(note.data).toMatchObject({ when: '2026년 3월 9일 오후 5:00 GMT+9' })
    const mail = await prisma.emailOutbox.findFirstOrThrow({ where: { to: exporter.user.email }, orderBy: { createdAt: 'desc' } })
    expect(mail.text).toContain('2026년 3월 9일 오후 5:00 GMT+9 상담을 제안했습니다.')

    // The other way round: an English-speaking buyer reads Berlin time (their profile's zone).
    const otherExporter = await seoulExporter()
    const toBuyer = await requestMeeting(otherExporter.session, { buyerId: buyer.profile.id }, { intent: 'request', slotStart: SLOT_2, agenda: '' }, NOW)
    const buyerNote = await prisma.notification.findFirstOrThrow({ where: { userId: buyer.user.id, kind: 'meeting.requested', link: `/meetings/${toBuyer}` } })
    expect(buyerNote.data).toMatchObject({ when: 'Mar 9, 2026, 9:30 AM GMT+1' })
  })

  it('offers only common business hours, and request → accept seats both sides with a private MEETING session', async () => {
    const prisma = await getPrisma()
    const buyer = await berlinBuyer()
    const exporter = await seoulExporter()
    const { slots } = await findMeetingSlots({ buyerId: buyer.profile.id, companyId: exporter.company.id }, { now: NOW, days: 1 })
    expect(slots.map((slot) => slot.start.toISOString())).toEqual([SLOT_1, SLOT_2])

    // The exporter widens its hours to 07:00–20:00 Seoul time: the common window grows to 08:00–11:00 UTC.
    await prisma.exporterCompany.update({ where: { id: exporter.company.id }, data: { businessHoursStart: '07:00', businessHoursEnd: '20:00' } })
    const wider = await findMeetingSlots({ buyerId: buyer.profile.id, companyId: exporter.company.id }, { now: NOW, days: 1 })
    expect(wider.slots.map((slot) => slot.start.toISOString())).toEqual(
      ['08:00', '08:30', '09:00', '09:30', '10:00', '10:30'].map((hm) => `2026-03-09T${hm}:00.000Z`),
    )
    await prisma.exporterCompany.update({ where: { id: exporter.company.id }, data: { businessHoursStart: '09:00', businessHoursEnd: '18:00' } })

    const created = (await post(newMeetingAction, `/meetings/new?company=${exporter.company.slug}`, [buyer.cookie, clock(NOW)], {
      intent: 'request',
      slotStart: SLOT_1,
      interpreterLanguage: 'ko',
      agenda: 'Private label noodles',
    })) as Response
    expect(created.status).toBe(302)
    const meetingId = created.headers.get('Location')!.split('/').pop()!
    expect(await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).toMatchObject({
      status: 'REQUESTED',
      requestedById: buyer.user.id,
      startsAt: new Date(SLOT_1),
      endsAt: new Date('2026-03-09T08:30:00Z'),
      interpreterLanguage: 'ko',
    })
    expect(await prisma.notification.count({ where: { userId: exporter.user.id, kind: 'meeting.requested' } })).toBe(1)

    // A time outside the exporter's hours is refused as a form error.
    const outside = (await post(newMeetingAction, `/meetings/new?company=${exporter.company.slug}`, [buyer.cookie, clock(NOW)], {
      intent: 'request',
      slotStart: '2026-03-09T12:00:00.000Z',
    })) as { init: { status: number } }
    expect(outside.init.status).toBe(400)

    // The requester cannot accept their own request.
    const own = (await post(meetingAction, `/meetings/${meetingId}`, [buyer.cookie, clock(NOW)], { intent: 'accept' }, { meetingId })) as {
      init: { status: number }
      data: { result: { error: Record<string, string[]> } }
    }
    expect(own.init.status).toBe(403)

    const accepted = (await post(meetingAction, `/meetings/${meetingId}`, [exporter.cookie, clock(NOW)], { intent: 'accept' }, { meetingId })) as Response
    expect(accepted.status).toBe(302)
    const meeting = await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId }, include: { participants: true, liveSession: true } })
    expect(meeting.status).toBe('ACCEPTED')
    expect(meeting.participants.map((p) => [p.role, p.userId]).sort()).toEqual(
      [
        ['BUYER', buyer.user.id],
        ['EXPORTER', exporter.user.id],
      ].sort(),
    )
    expect(meeting.liveSession).toMatchObject({
      kind: 'MEETING',
      isPublic: false,
      hostId: exporter.user.id,
      companyId: exporter.company.id,
      scheduledStartAt: new Date(SLOT_1),
      scheduledEndAt: new Date('2026-03-09T08:30:00Z'),
      language: 'ko',
    })
    expect(await prisma.notification.count({ where: { userId: buyer.user.id, kind: 'meeting.updated' } })).toBe(1)
  })

  it('refuses a double booking: two requests for one exporter slot, the second acceptance fails', async () => {
    const prisma = await getPrisma()
    const exporter = await seoulExporter()
    const first = await berlinBuyer()
    const second = await berlinBuyer()
    const a = await requestMeeting(first.session, { companyId: exporter.company.id }, { intent: 'request', slotStart: SLOT_1, agenda: '' }, NOW)
    const b = await requestMeeting(second.session, { companyId: exporter.company.id }, { intent: 'request', slotStart: SLOT_1, agenda: '' }, NOW)
    await acceptMeeting(exporter.session, a, NOW)
    const refused = await caught(() => acceptMeeting(exporter.session, b, NOW))
    expect(refused).toMatchObject({ status: 409, data: { reason: 'double-booked' } })
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id: b } })).status).toBe('REQUESTED')
    expect(await prisma.meetingParticipant.count({ where: { meetingId: b } })).toBe(0)
    // Concurrent acceptances of overlapping requests: exactly one wins.
    const third = await berlinBuyer()
    const fourth = await berlinBuyer()
    const c = await requestMeeting(third.session, { companyId: exporter.company.id }, { intent: 'request', slotStart: SLOT_2, agenda: '' }, NOW)
    const d = await requestMeeting(fourth.session, { companyId: exporter.company.id }, { intent: 'request', slotStart: SLOT_2, agenda: '' }, NOW)
    const results = await Promise.allSettled([acceptMeeting(exporter.session, c, NOW), acceptMeeting(exporter.session, d, NOW)])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    expect(await prisma.meeting.count({ where: { id: { in: [c, d] }, status: 'ACCEPTED' } })).toBe(1)
    // And the picker no longer offers the taken slots to anyone.
    const { slots } = await findMeetingSlots({ buyerId: (await berlinBuyer()).profile.id, companyId: exporter.company.id }, { now: NOW, days: 1 })
    expect(slots).toEqual([])
  })

  it('reschedules: the exporter proposes another time, the buyer accepts it', async () => {
    const prisma = await getPrisma()
    const buyer = await berlinBuyer()
    const exporter = await seoulExporter()
    const id = await requestMeeting(buyer.session, { companyId: exporter.company.id }, { intent: 'request', slotStart: SLOT_1, agenda: '' }, NOW)
    await proposeNewTime(exporter.session, id, SLOT_2, NOW)
    expect(await prisma.meeting.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'RESCHEDULE_PROPOSED',
      startsAt: new Date(SLOT_2),
      requestedById: exporter.user.id,
    })
    expect(await prisma.notification.count({ where: { userId: buyer.user.id, kind: 'meeting.updated' } })).toBe(1)
    // The proposer waits; the buyer answers.
    expect(await caught(() => acceptMeeting(exporter.session, id, NOW))).toMatchObject({ status: 403 })
    await acceptMeeting(buyer.session, id, NOW)
    const meeting = await prisma.meeting.findUniqueOrThrow({ where: { id }, include: { participants: true, liveSession: true } })
    expect(meeting.status).toBe('ACCEPTED')
    expect(meeting.participants.find((p) => p.role === 'EXPORTER')?.userId).toBe(exporter.user.id)
    expect(meeting.liveSession?.scheduledStartAt).toEqual(new Date(SLOT_2))
    expect(await prisma.notification.count({ where: { userId: exporter.user.id, kind: 'meeting.updated' } })).toBe(1)
  })

  it('attaches a meeting to a fair (?fair=) only when both parties are approved participants of it', async () => {
    const prisma = await getPrisma()
    const organizer = await createUser('ORGANIZER')
    const fair = await prisma.tradeFair.create({
      data: {
        slug: `fair-${Date.now()}`,
        name: 'KPI Expo',
        startsAt: NOW,
        endsAt: new Date(NOW.getTime() + 86_400_000),
        timeZone: 'Asia/Seoul',
        status: 'LIVE',
        organizerId: organizer.user.id,
      },
    })
    const request = async (buyer: Awaited<ReturnType<typeof berlinBuyer>>, exporter: Awaited<ReturnType<typeof seoulExporter>>) => {
      const response = (await post(newMeetingAction, `/meetings/new?company=${exporter.company.slug}&fair=${fair.slug}`, [buyer.cookie, clock(NOW)], {
        intent: 'request',
        slotStart: SLOT_1,
        agenda: '',
      })) as Response
      expect(response.status).toBe(302)
      return prisma.meeting.findUniqueOrThrow({ where: { id: response.headers.get('Location')!.split('/').pop()! } })
    }
    // Strangers to the fair: the meeting is made, but not the fair's.
    const stranger = await berlinBuyer()
    const outsider = await seoulExporter()
    expect((await request(stranger, outsider)).fairId).toBeNull()

    // Only one side approved (the other pending): still not the fair's.
    const buyer = await berlinBuyer()
    const exporter = await seoulExporter()
    await prisma.fairRegistration.create({ data: { fairId: fair.id, userId: buyer.user.id, kind: 'BUYER', status: 'APPROVED' } })
    await prisma.fairRegistration.create({
      data: { fairId: fair.id, userId: exporter.user.id, kind: 'EXHIBITOR', status: 'PENDING', companyId: exporter.company.id },
    })
    expect((await request(buyer, exporter)).fairId).toBeNull()

    // Both approved: the meeting belongs to the fair.
    await prisma.fairRegistration.updateMany({ where: { fairId: fair.id, companyId: exporter.company.id }, data: { status: 'APPROVED' } })
    const other = await berlinBuyer()
    await prisma.fairRegistration.create({ data: { fairId: fair.id, userId: other.user.id, kind: 'BUYER', status: 'APPROVED' } })
    expect((await request(other, exporter)).fairId).toBe(fair.id)
  })

  it('records the outcome after the start, in USD cents', async () => {
    const prisma = await getPrisma()
    const buyer = await berlinBuyer()
    const exporter = await seoulExporter()
    const id = await requestMeeting(buyer.session, { companyId: exporter.company.id }, { intent: 'request', slotStart: SLOT_1, agenda: '' }, NOW)
    await acceptMeeting(exporter.session, id, NOW)
    const outcome = {
      intent: 'outcome' as const,
      status: 'HELD' as const,
      consultationValueUsd: 12_500.5,
      expectedContractValueUsd: 80_000,
      nextStep: 'Send samples',
      outcomeNotes: 'Good fit',
    }
    expect(await caught(() => recordOutcome(exporter.session, id, outcome, NOW))).toMatchObject({ status: 409, data: { reason: 'not-started' } })
    const after = (await post(
      meetingAction,
      `/meetings/${id}`,
      [exporter.cookie, clock('2026-03-09T08:40:00Z')],
      {
        intent: 'outcome',
        status: 'HELD',
        consultationValueUsd: '12500.50',
        expectedContractValueUsd: '80000',
        nextStep: 'Send samples',
        outcomeNotes: 'Good fit',
      },
      { meetingId: id },
    )) as Response
    expect(after.status).toBe(302)
    const meeting = await prisma.meeting.findUniqueOrThrow({ where: { id }, include: { liveSession: true } })
    expect(meeting).toMatchObject({
      status: 'HELD',
      consultationValueUsdCents: 1_250_050n,
      expectedContractValueUsdCents: 8_000_000n,
      nextStep: 'Send samples',
      outcomeNotes: 'Good fit',
    })
    expect(meeting.liveSession?.status).toBe('ENDED')
    // The buyer may correct it to a no-show.
    await recordOutcome(buyer.session, id, { intent: 'outcome', status: 'NO_SHOW' }, new Date('2026-03-10T00:00:00Z'))
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id } })).status).toBe('NO_SHOW')
  })

  it('lets only participants into the room and the .ics (others get 404), inside the time window', async () => {
    const prisma = await getPrisma()
    const buyer = await berlinBuyer()
    const exporter = await seoulExporter()
    const stranger = await berlinBuyer()
    const colleague = await createUser('EXPORTER')
    await prisma.exporterMember.create({ data: { userId: colleague.user.id, companyId: exporter.company.id } })
    const id = await requestMeeting(buyer.session, { companyId: exporter.company.id }, { intent: 'request', slotStart: SLOT_1, agenda: '' }, NOW)
    const room = (cookies: string[]) => roomLoader({ request: getRequest(`/meetings/${id}/room`, cookies), params: { meetingId: id } } as never)
    const ics = (cookies: string[]) => icsLoader({ request: getRequest(`/meetings/${id}/invite.ics`, cookies), params: { meetingId: id } } as never)
    // Not accepted yet: no room for anyone.
    expect(await caught(() => room([buyer.cookie]))).toMatchObject({ status: 404 })
    await acceptMeeting(exporter.session, id, NOW)

    const atStart = clock(SLOT_1)
    expect((await room([buyer.cookie, atStart])).room).toBe('open')
    expect((await room([exporter.cookie, atStart])).room).toBe('open')
    expect((await room([buyer.cookie, clock('2026-03-09T07:49:00Z')])).room).toBe('early')
    expect((await room([buyer.cookie, clock('2026-03-09T07:50:00Z')])).room).toBe('open')
    expect((await room([buyer.cookie, clock('2026-03-09T09:00:00Z')])).room).toBe('closed')
    for (const outsider of [stranger.cookie, colleague.cookie]) {
      expect(await caught(() => room([outsider, atStart]))).toMatchObject({ status: 404 })
      expect(await caught(() => ics([outsider]))).toMatchObject({ status: 404 })
    }
    const file = await ics([buyer.cookie, clock(NOW)])
    expect(file.status).toBe(200)
    expect(file.headers.get('Content-Type')).toContain('text/calendar')
    const text = await file.text()
    expect(text).toContain('BEGIN:VEVENT')
    expect(text).toContain('DTSTART:20260309T080000Z')
    expect(text).toContain(`/meetings/${id}/room`)

    // The exporter reads Korean: the same file, its description in Korean with both local times.
    await prisma.user.update({ where: { id: exporter.user.id }, data: { locale: 'ko' } })
    const koText = (await (await ics([exporter.cookie, clock(NOW)])).text())
      .replace(/\r\n[ \t]/g, '')
      .replace(/\\n/g, '\n')
      .replace(/\\,/g, ',')
      .replace(/\s/gu, ' ')
    expect(koText).toContain('현지 시간:')
    expect(koText).toContain('3월 9일 (월) 오후 5:00~5:30 GMT+9 (Asia/Seoul)')
    expect(koText).toContain(`미팅룸: http://localhost/meetings/${id}/room`)
  })
})

describe('recommendations', () => {
  it('explains matches with reason codes the UI turns into sentences', async () => {
    const prisma = await getPrisma()
    const exporter = await createExporter({ companyName: 'Jeju Halal Cosmetics' })
    await createProduct(exporter.company.id, {
      categorySlug: 'cosmetics-skincare',
      hsCode: '330499',
      certification: { type: 'HALAL', market: 'MY', validUntil: new Date('2027-01-01T00:00:00Z') },
    })
    const buyer = await berlinBuyer({ country: 'MY', interests: ['cosmetics-skincare'], hsChapters: ['33'] })
    await prisma.inquiry.create({
      data: { buyerId: buyer.profile.id, companyId: exporter.company.id, quantity: 100, destinationCountry: 'MY', message: 'Price list please' },
    })

    const forBuyer = await recommendExportersForBuyer(buyer.profile.id, { now: NOW, locale: 'en' })
    const top = forBuyer.find((r) => r.companyId === exporter.company.id)!
    expect(top).toBeDefined()
    expect(forBuyer[0]!.companyId).toBe(exporter.company.id)
    expect(top.reasons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'certified-for-market', params: expect.objectContaining({ type: 'HALAL', market: 'MY' }) }),
        expect.objectContaining({ code: 'hs-chapter-match', params: { chapter: '33', heading: '3304' } }),
        expect.objectContaining({ code: 'category-match', params: { category: 'cosmetics-skincare' } }),
        expect.objectContaining({ code: 'past-interest', params: { views: 0, inquiries: 1 } }),
      ]),
    )
    const { t } = createI18n('en')
    expect(t('meetings.reasons.buyer.hs-chapter-match', { heading: '3304' })).toBe('HS 3304 matches your interests')
    expect(t('meetings.reasons.buyer.certified-for-market', { type: t('exporter.certifications.types.HALAL'), market: 'Malaysia' })).toBe(
      'Halal certified for Malaysia',
    )
    expect(createI18n('ko').t('meetings.reasons.buyer.hs-chapter-match', { heading: '3304' })).toContain('3304')

    const forExporter = await recommendBuyersForExporter(exporter.company.id, { now: NOW })
    expect(forExporter[0]).toMatchObject({ buyerId: buyer.profile.id, country: 'MY' })
    expect(forExporter[0]!.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['certified-for-market', 'hs-chapter-match', 'past-interest']))
  })
})

describe('fair schedule', () => {
  it('publishes a schedule that respects availability, limits and confirmed meetings, and refuses violations', async () => {
    const prisma = await getPrisma()
    const organizer = await createUser('ORGANIZER')
    const fair = await prisma.tradeFair.create({
      data: {
        slug: `fair-${Date.now()}`,
        name: 'Test Expo',
        startsAt: new Date('2026-04-06T00:00:00Z'),
        endsAt: new Date('2026-04-07T00:00:00Z'),
        timeZone: 'Asia/Seoul',
        status: 'OPEN',
        organizerId: organizer.user.id,
      },
    })
    const slotTimes = ['01:00', '01:30', '02:00'].map((hm) => new Date(`2026-04-06T${hm}:00Z`))
    const slots = await Promise.all(
      slotTimes.map((start) => prisma.meetingSlot.create({ data: { fairId: fair.id, startsAt: start, endsAt: new Date(start.getTime() + 30 * 60_000) } })),
    )
    const buyers = await Promise.all([berlinBuyer(), berlinBuyer(), berlinBuyer()])
    const exporters = await Promise.all([seoulExporter(), seoulExporter()])
    const outsider = await berlinBuyer()
    for (const b of buyers) await prisma.fairRegistration.create({ data: { fairId: fair.id, userId: b.user.id, kind: 'BUYER', status: 'APPROVED' } })
    await prisma.fairRegistration.create({ data: { fairId: fair.id, userId: outsider.user.id, kind: 'BUYER', status: 'PENDING' } })
    for (const e of exporters) {
      await prisma.fairRegistration.create({ data: { fairId: fair.id, userId: e.user.id, kind: 'EXHIBITOR', status: 'APPROVED', companyId: e.company.id } })
    }
    // Buyer 0 already has an accepted meeting elsewhere during slot 0.
    const elsewhere = await seoulExporter()
    await prisma.meeting.create({
      data: {
        buyerId: buyers[0].profile.id,
        companyId: elsewhere.company.id,
        status: 'ACCEPTED',
        startsAt: slotTimes[0]!,
        endsAt: slots[0]!.endsAt,
        requestedById: buyers[0].user.id,
      },
    })
    // Buyer 2 asked exporter 1 for a meeting in the fair: a "would like".
    const wish = await prisma.meeting.create({
      data: {
        buyerId: buyers[2].profile.id,
        companyId: exporters[1].company.id,
        fairId: fair.id,
        status: 'REQUESTED',
        startsAt: slotTimes[2]!,
        endsAt: slots[2]!.endsAt,
        requestedById: buyers[2].user.id,
      },
    })

    const inputs = await loadScheduleInputs(fair.id, { locale: 'en' })
    expect(inputs.buyers.map((b) => b.id).sort()).toEqual(buyers.map((b) => b.profile.id).sort())
    expect(inputs.exporters).toHaveLength(2)
    expect(inputs.preferences).toEqual([{ buyerId: buyers[2].profile.id, exporterId: exporters[1].company.id, by: 'buyer', level: 'would-like' }])

    const limit = 2
    const run = await runFairSchedule(inputs, { maxPerExporter: limit, keep: [], now: NOW, timeLimitSeconds: 3 })
    expect(run.meetings.length).toBe(4)
    expect(run.objective).toBeLessThanOrEqual(run.upperBound + 1e-6)
    const seen = new Set<string>()
    for (const m of run.meetings) {
      for (const key of [`b${m.buyerId}@${m.slotId}`, `e${m.exporterId}@${m.slotId}`, `p${m.buyerId}|${m.exporterId}`]) {
        expect(seen.has(key), key).toBe(false)
        seen.add(key)
      }
      expect(m.buyerId === buyers[0].profile.id && m.slotId === slots[0]!.id).toBe(false)
    }
    expect(run.meetings.some((m) => m.buyerId === buyers[2].profile.id && m.exporterId === exporters[1].company.id)).toBe(true)

    // Over the limit: nothing is written.
    const tooMany = exporters[0].company.id
    const overLimit = buyers.map((b, i) => ({ buyerId: b.profile.id, exporterId: tooMany, slotId: slots[(i + 1) % 3]!.id, locked: false }))
    await expect(publishFairSchedule(organizer.user, fair.id, overLimit, { maxPerExporter: limit, now: NOW, locale: 'en' })).rejects.toBeInstanceOf(DomainError)
    // Double-booking buyer 0 against their accepted meeting: refused, nothing written.
    const clash = [{ buyerId: buyers[0].profile.id, exporterId: tooMany, slotId: slots[0]!.id, locked: false }]
    await expect(publishFairSchedule(organizer.user, fair.id, clash, { maxPerExporter: limit, now: NOW, locale: 'en' })).rejects.toMatchObject({
      code: 'double-booked',
    })
    expect(await prisma.meeting.count({ where: { fairId: fair.id, status: 'ACCEPTED' } })).toBe(0)

    const draft = run.meetings.map((m, i) => ({ ...m, locked: i === 0 }))
    const published = await publishFairSchedule(organizer.user, fair.id, draft, { maxPerExporter: limit, now: NOW, locale: 'en' })
    expect(published).toEqual({ created: 3, updated: 1 })
    const rows = await prisma.meeting.findMany({ where: { fairId: fair.id, status: 'ACCEPTED' }, include: { participants: true, liveSession: true } })
    expect(rows).toHaveLength(4)
    for (const row of rows) {
      expect(row.publishedAt).toEqual(NOW)
      expect(row.slotId).not.toBeNull()
      expect(row.participants.map((p) => p.role).sort()).toEqual(['BUYER', 'EXPORTER'])
      expect(row.liveSession).toMatchObject({ kind: 'MEETING', isPublic: false })
    }
    expect(rows.filter((row) => row.locked)).toHaveLength(1)
    expect(rows.find((row) => row.id === wish.id)?.status).toBe('ACCEPTED')
    expect(await prisma.notification.count({ where: { userId: { in: buyers.map((b) => b.user.id) }, kind: 'meeting.updated' } })).toBe(4)

    // Re-running keeps the published meetings as they are.
    const again = await runFairSchedule(await loadScheduleInputs(fair.id, { locale: 'en' }), { maxPerExporter: limit, keep: [], now: NOW, timeLimitSeconds: 3 })
    expect(again.meetings.filter((m) => m.confirmed)).toHaveLength(4)

    // Through the route: the fair's organizer runs it (others get 404).
    const page = await scheduleLoader({ request: getRequest(`/organizer/fairs/${fair.id}/schedule`, [organizer.cookie]), params: { fairId: fair.id } } as never)
    expect(page.counts).toMatchObject({ buyers: 3, exporters: 2, slots: 3, confirmed: 4 })
    const ran = (await post(
      scheduleAction,
      `/organizer/fairs/${fair.id}/schedule`,
      [organizer.cookie],
      { intent: 'run', maxPerExporter: '2', draft: '[]' },
      { fairId: fair.id },
    )) as { data: { run: { meetings: unknown[]; ratio: number } } }
    expect(ran.data.run.meetings).toHaveLength(4)
    expect(ran.data.run.ratio).toBeGreaterThan(0)
    const other = await createUser('ORGANIZER')
    expect(
      await caught(() => scheduleLoader({ request: getRequest(`/organizer/fairs/${fair.id}/schedule`, [other.cookie]), params: { fairId: fair.id } } as never)),
    ).toMatchObject({ status: 404 })
  })
})
