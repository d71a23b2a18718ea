import { describe, expect, it } from 'vitest'
import { useTestHooksAndDatabase } from '../../../tests/test-hooks'
import { createBuyer, createExporter, createUser, sessionUserOf } from '../../../tests/fixtures'
import { caught, getRequest, postAction } from '../../../tests/http'
import { getPrisma } from '~/domain/db.server'
import { action as meetingAction, loader as meetingLoader } from '~/routes/meetings/meeting'
import { loader as meetingsIndexLoader } from '~/routes/meetings/index'
import { loader as roomLoader } from '~/routes/meetings/room'
import { TEST_CLOCK_COOKIE } from '~/utils/clock.server'
import { acceptMeeting, requestMeeting, seatInterpreter } from './meetings.server'
import { admitToMeetingRoom } from './room-access.server'

// Same clock as meetings.db.test.ts: the only common business hour is 08:00–09:00 UTC.
const NOW = new Date('2026-03-09T00:00:00Z')
const SLOT_1 = '2026-03-09T08:00:00.000Z'
const clock = (at: Date | string) => `${TEST_CLOCK_COOKIE}=${encodeURIComponent(new Date(at).toISOString())}`

function post(path: string, cookies: string[], fields: Record<string, string>, params: Record<string, string>) {
  return postAction(meetingAction, path, cookies, fields, params)
}

useTestHooksAndDatabase()

describe('interpreter seat', () => {
  it('only the fair organizer or an admin seats an interpreter, who then sees the meeting and enters the room in its window', async () => {
    const prisma = await getPrisma()
    const organizer = await createUser('ORGANIZER')
    const otherOrganizer = await createUser('ORGANIZER')
    const admin = await createUser('ADMIN')
    const interpreter = await createUser('BUYER', { name: 'Kim Interpreter' })
    const second = await createUser('EXPORTER', { name: 'Lee Interpreter' })
    const fair = await prisma.tradeFair.create({
      data: {
        slug: `fair-${crypto.randomUUID().slice(0, 8)}`,
        name: 'Interp Expo',
        startsAt: NOW,
        endsAt: new Date('2026-03-10T00:00:00Z'),
        timeZone: 'Asia/Seoul',
        status: 'OPEN',
        organizerId: organizer.user.id,
      },
    })
    const buyer = await createBuyer({ country: 'DE' })
    await prisma.buyerProfile.update({ where: { id: buyer.profile.id }, data: { timeZone: 'Europe/Berlin' } })
    const exporter = await createExporter()
    const buyerSession = await sessionUserOf(buyer.cookie)
    // A fair meeting needs both parties approved at the fair (issue 13: strangers cannot attach to its KPIs).
    await prisma.fairRegistration.createMany({
      data: [
        { fairId: fair.id, userId: buyer.user.id, kind: 'BUYER', status: 'APPROVED' },
        { fairId: fair.id, userId: exporter.user.id, kind: 'EXHIBITOR', status: 'APPROVED', companyId: exporter.company.id },
      ],
    })
    const id = await requestMeeting(
      buyerSession,
      { companyId: exporter.company.id },
      { intent: 'request', slotStart: SLOT_1, agenda: '', interpreterLanguage: 'ko', fairId: fair.id },
      NOW,
    )
    const path = `/meetings/${id}`
    const params = { meetingId: id }

    // Not accepted yet: nobody can seat an interpreter.
    expect(await caught(() => seatInterpreter(organizer.user, id, interpreter.user.email))).toMatchObject({ status: 409 })
    await acceptMeeting(await sessionUserOf(exporter.cookie), id, NOW)

    // The parties and other organizers cannot.
    expect(await caught(() => post(path, [exporter.cookie, clock(NOW)], { intent: 'seat-interpreter', email: interpreter.user.email }, params))).toMatchObject({
      status: 403,
    })
    expect(await caught(() => seatInterpreter(otherOrganizer.user, id, interpreter.user.email))).toMatchObject({ status: 403 })
    expect(await caught(() => seatInterpreter(buyerSession, id, interpreter.user.email))).toMatchObject({ status: 403 })
    // Unknown email, or a party: form errors.
    const unknown = (await post(path, [organizer.cookie, clock(NOW)], { intent: 'seat-interpreter', email: 'nobody@example.test' }, params)) as {
      init: { status: number }
    }
    expect(unknown.init.status).toBe(400)
    expect(await caught(() => seatInterpreter(organizer.user, id, buyer.user.email))).toMatchObject({ status: 409, data: { reason: 'interpreter-is-party' } })

    // The organizer sees the form, seats by email (case-insensitive), the interpreter is notified.
    expect((await meetingLoader({ request: getRequest(path, [organizer.cookie, clock(NOW)]), params } as never)).canSeatInterpreter).toBe(true)
    const seated = (await post(
      path,
      [organizer.cookie, clock(NOW)],
      { intent: 'seat-interpreter', email: interpreter.user.email.toUpperCase() },
      params,
    )) as Response
    expect(seated.status).toBe(302)
    expect(await prisma.meetingParticipant.findMany({ where: { meetingId: id, role: 'INTERPRETER' }, select: { userId: true } })).toEqual([
      { userId: interpreter.user.id },
    ])
    expect(await prisma.notification.count({ where: { userId: interpreter.user.id, kind: 'meeting.updated', link: path } })).toBe(1)

    // The interpreter sees it in /meetings and on its page (read-only), and enters the room in its window.
    const index = await meetingsIndexLoader({ request: getRequest('/meetings', [interpreter.cookie, clock(NOW)]), params: {} } as never)
    expect(index.upcoming.map((m) => m.id)).toContain(id)
    const view = await meetingLoader({ request: getRequest(path, [interpreter.cookie, clock(NOW)]), params } as never)
    expect(view).toMatchObject({ side: 'interpreter', canRespond: false, canSeatInterpreter: false })
    const room = (cookies: string[]) => roomLoader({ request: getRequest(`${path}/room`, cookies), params } as never)
    expect(await room([interpreter.cookie, clock(SLOT_1)])).toMatchObject({ room: 'open', role: 'INTERPRETER' })
    expect((await room([interpreter.cookie, clock('2026-03-09T07:00:00Z')])).room).toBe('early')
    const liveSessionId = (await prisma.meeting.findUniqueOrThrow({ where: { id } })).liveSessionId!
    expect(await admitToMeetingRoom(liveSessionId, interpreter.user.id, new Date(SLOT_1))).toMatchObject({ role: 'INTERPRETER', name: 'Kim Interpreter' })
    // Interpreters cannot act for the parties.
    expect(await caught(() => post(path, [interpreter.cookie, clock(NOW)], { intent: 'cancel' }, params))).toMatchObject({ status: 403 })

    // An admin replaces the interpreter: one seat, the previous one loses access.
    await seatInterpreter(admin.user, id, second.user.email)
    expect(await prisma.meetingParticipant.findMany({ where: { meetingId: id, role: 'INTERPRETER' }, select: { userId: true } })).toEqual([
      { userId: second.user.id },
    ])
    expect(await caught(() => room([interpreter.cookie, clock(SLOT_1)]))).toMatchObject({ status: 404 })
    await expect(admitToMeetingRoom(liveSessionId, interpreter.user.id, new Date(SLOT_1))).rejects.toMatchObject({ code: 'forbidden' })

    // Two seatings at once (the organizer and an admin): still one interpreter seat, the one committed last.
    const third = await createUser('BUYER', { name: 'Park Interpreter' })
    await Promise.all([seatInterpreter(organizer.user, id, interpreter.user.email), seatInterpreter(admin.user, id, third.user.email)])
    const seats = await prisma.meetingParticipant.findMany({ where: { meetingId: id, role: 'INTERPRETER' }, select: { userId: true } })
    expect(seats).toHaveLength(1)
    expect([interpreter.user.id, third.user.id]).toContain(seats[0]?.userId)
  })
})
