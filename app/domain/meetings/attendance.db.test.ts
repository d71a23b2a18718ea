import { describe, expect, it } from 'vitest'
import { useTestHooksAndDatabase } from '../../../tests/test-hooks'
import { createBuyer, createExporter, createUser, sessionUserOf } from '../../../tests/fixtures'
import { caught, getRequest, postAction } from '../../../tests/http'
import { HOSTILE } from '../../../tests/hostile'
import { getPrisma } from '~/domain/db.server'
import { isDomainError } from '~/domain/errors'
import { DatabaseJobRunner } from '~/domain/jobs/database-queue.server'
import type { JobDefinition } from '~/domain/jobs/jobs.server'
import { attendanceTable, buildAttendanceCsv, fairAttendance } from '~/domain/fairs/attendance-kpis.server'
import { answerAttendance, answerAttendanceByLink, answerAttendanceAsUser, rescheduleMeeting } from './attendance.server'
import {
  confirmMeetingJob,
  expireMeetingJob,
  expireMeetingRequest,
  markMeetingAttendance,
  meetingAttendanceJob,
  sendConfirmationRequests,
} from './attendance-jobs.server'
import { attendanceToken, readAttendanceToken } from './attendance-token.server'
import { acceptMeeting, proposeNewTime, recordOutcome, requestMeeting } from './meetings.server'
import { admitToMeetingRoom, recordMeetingRoomJoin } from './room-access.server'
import { action as meetingAction } from '~/routes/meetings/meeting'
import { action as attendAction, loader as attendLoader } from '~/routes/meetings/attend'
import { TEST_CLOCK_COOKIE } from '~/utils/clock.server'

// Berlin buyers (09:00–18:00 CET, UTC+1 until 29 March 2026, then CEST, UTC+2) and Seoul exporters
// (09:00–18:00 KST, UTC+9): the common hour is 08:00–09:00 UTC, and 07:00–09:00 UTC once Berlin is on
// summer time. Monday 2026-03-09 00:00 UTC is the pinned "now"; the default expiry is 72 h, the grace 15 min.
const NOW = new Date('2026-03-09T00:00:00Z')
const FRIDAY = '2026-03-13T08:00:00.000Z'
const HOUR = 3_600_000
const MINUTE = 60_000
const at = (iso: string, plusMs = 0) => new Date(new Date(iso).getTime() + plusMs)
const clock = (instant: Date) => `${TEST_CLOCK_COOKIE}=${encodeURIComponent(instant.toISOString())}`

async function pair() {
  const prisma = await getPrisma()
  const buyer = await createBuyer({ country: 'DE' })
  await prisma.buyerProfile.update({ where: { id: buyer.profile.id }, data: { timeZone: 'Europe/Berlin' } })
  const exporter = await createExporter()
  return {
    buyer: { ...buyer, session: await sessionUserOf(buyer.cookie) },
    exporter: { ...exporter, session: await sessionUserOf(exporter.cookie) },
  }
}

async function acceptedMeeting(slotStart = FRIDAY, acceptAt = NOW) {
  const parties = await pair()
  const meetingId = await requestMeeting(
    parties.buyer.session,
    { companyId: parties.exporter.company.id },
    { intent: 'request', slotStart, agenda: 'Soba' },
    NOW,
  )
  await acceptMeeting(parties.exporter.session, meetingId, acceptAt)
  return { ...parties, meetingId }
}

async function jobOf(name: string, key: string) {
  const prisma = await getPrisma()
  return prisma.scheduledJob.findUnique({ where: { name_key: { name, key } }, select: { runAt: true, doneAt: true } })
}

async function expectDomainError(run: () => Promise<unknown>, code: string, status?: number) {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  )
  expect(isDomainError(error), `expected DomainError ${code}, got ${String(error)}`).toBe(true)
  expect((error as { code: string }).code).toBe(code)
  if (status !== undefined) expect((error as { status: number }).status).toBe(status)
}

/** A runner of just this job kind (other files' jobs in a shared database stay untouched). */
function runnerFor(job: JobDefinition<{ meetingId: string }>) {
  return new DatabaseJobRunner({ definitions: [job] as unknown as Array<JobDefinition<unknown>>, onError: () => undefined })
}

useTestHooksAndDatabase()

describe('request expiry', () => {
  it('expires an unanswered request at respondBy (72 h, never after the start), tells both sides once', async () => {
    const prisma = await getPrisma()
    const { buyer, exporter } = await pair()
    const meetingId = await requestMeeting(buyer.session, { companyId: exporter.company.id }, { intent: 'request', slotStart: FRIDAY, agenda: '' }, NOW)
    const respondBy = at('2026-03-12T00:00:00Z')
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).respondBy).toEqual(respondBy)
    expect(await jobOf('meetings.expire', meetingId)).toMatchObject({ runAt: respondBy, doneAt: null })

    // A request for a slot sooner than 72 h away expires at its start.
    const soon = await requestMeeting(
      buyer.session,
      { companyId: exporter.company.id },
      { intent: 'request', slotStart: '2026-03-09T08:30:00.000Z', agenda: '' },
      NOW,
    )
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id: soon } })).respondBy).toEqual(at('2026-03-09T08:30:00Z'))

    expect(await expireMeetingRequest(meetingId, at(respondBy.toISOString(), -1))).toBe(false)
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).status).toBe('REQUESTED')
    expect(await expireMeetingRequest(meetingId, respondBy)).toBe(true)
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).status).toBe('EXPIRED')
    const told = () => prisma.notification.count({ where: { kind: 'meeting.expired', link: `/meetings/${meetingId}` } })
    expect(await told()).toBe(2)
    const mail = await prisma.emailOutbox.findFirstOrThrow({ where: { to: buyer.user.email, subject: { contains: 'expired' } } })
    expect(mail.text).toContain('Mar 13, 2026, 9:00 AM GMT+1')

    // Idempotent: a second run (retry, second process) changes and sends nothing.
    expect(await expireMeetingRequest(meetingId, at(respondBy.toISOString(), HOUR))).toBe(false)
    expect(await told()).toBe(2)
    // An expired request can no longer be accepted.
    await expectDomainError(() => acceptMeeting(exporter.session, meetingId, at(respondBy.toISOString(), HOUR)), 'invalid-transition', 409)
  })

  it('refuses an acceptance after respondBy even before the job ran, and a new time restarts the clock', async () => {
    const prisma = await getPrisma()
    const { buyer, exporter } = await pair()
    const late = await requestMeeting(buyer.session, { companyId: exporter.company.id }, { intent: 'request', slotStart: FRIDAY, agenda: '' }, NOW)
    await expectDomainError(() => acceptMeeting(exporter.session, late, at('2026-03-12T00:00:00Z')), 'expired', 409)

    const moved = await requestMeeting(
      buyer.session,
      { companyId: exporter.company.id },
      { intent: 'request', slotStart: '2026-03-10T08:00:00.000Z', agenda: '' },
      NOW,
    )
    const proposedAt = at('2026-03-09T06:00:00Z')
    await proposeNewTime(exporter.session, moved, '2026-03-16T08:00:00.000Z', proposedAt)
    const row = await prisma.meeting.findUniqueOrThrow({ where: { id: moved } })
    expect(row).toMatchObject({ status: 'RESCHEDULE_PROPOSED', respondBy: at('2026-03-12T06:00:00Z') })
    expect(await jobOf('meetings.expire', moved)).toMatchObject({ runAt: at('2026-03-12T06:00:00Z') })
    // The first request's answer time has passed, but the new time's has not: nothing expires.
    expect(await expireMeetingRequest(moved, at('2026-03-10T08:00:00Z'))).toBe(false)
    expect(await expireMeetingRequest(moved, at('2026-03-12T06:00:00Z'))).toBe(true)
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id: moved } })).status).toBe('EXPIRED')
  })

  it('runs through the job queue twice and expires once (the database runner, pinned clock)', async () => {
    const prisma = await getPrisma()
    const { buyer, exporter } = await pair()
    const meetingId = await requestMeeting(buyer.session, { companyId: exporter.company.id }, { intent: 'request', slotStart: FRIDAY, agenda: '' }, NOW)
    const runner = runnerFor(expireMeetingJob)
    await runner.runDue(at('2026-03-11T23:59:00Z'))
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).status).toBe('REQUESTED')
    await runner.runDue(at('2026-03-12T00:00:00Z'))
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).status).toBe('EXPIRED')
    expect(await jobOf('meetings.expire', meetingId)).toMatchObject({ doneAt: at('2026-03-12T00:00:00Z') })
    // The same job delivered again (a Redis redelivery, a reconcile after a crash): no second message.
    await expireMeetingJob.run({ meetingId }, { now: at('2026-03-12T00:01:00Z'), key: meetingId, attempt: 2 })
    expect(await prisma.notification.count({ where: { kind: 'meeting.expired', link: `/meetings/${meetingId}` } })).toBe(2)
    // Reconcile derives only open proposals' jobs.
    const specs = await expireMeetingJob.reconcile!(NOW)
    expect(specs.some((spec) => spec.key === meetingId)).toBe(false)
  })

  it('expires a long-overdue proposal silently (a catch-up after downtime or the migration backfill)', async () => {
    const prisma = await getPrisma()
    const { buyer, exporter } = await pair()
    const told = (id: string) => prisma.notification.count({ where: { kind: 'meeting.expired', link: `/meetings/${id}` } })
    const mails = () => prisma.emailOutbox.count({ where: { to: { in: [buyer.user.email, exporter.user.email] }, subject: { contains: 'expired' } } })
    const respondBy = at('2026-03-12T00:00:00Z')

    // An hour late is still the expiry itself: both sides told.
    const onTime = await requestMeeting(buyer.session, { companyId: exporter.company.id }, { intent: 'request', slotStart: FRIDAY, agenda: '' }, NOW)
    expect(await expireMeetingRequest(onTime, at(respondBy.toISOString(), HOUR))).toBe(true)
    expect(await told(onTime)).toBe(2)
    const mailsBefore = await mails()
    expect(mailsBefore).toBeGreaterThan(0)

    // More than an hour late: EXPIRED all the same, nobody told.
    const late = await requestMeeting(
      buyer.session,
      { companyId: exporter.company.id },
      { intent: 'request', slotStart: '2026-03-16T08:00:00.000Z', agenda: '' },
      NOW,
    )
    expect(await expireMeetingRequest(late, at(respondBy.toISOString(), HOUR + MINUTE))).toBe(true)
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id: late } })).status).toBe('EXPIRED')
    expect(await told(late)).toBe(0)

    // The migration's backfill: an old proposal whose start had passed got respondBy = startsAt, due at once
    // at the first boot (the job as the queue runs it, pinned clock): expired without a word.
    const old = await requestMeeting(
      buyer.session,
      { companyId: exporter.company.id },
      { intent: 'request', slotStart: '2026-03-17T08:00:00.000Z', agenda: '' },
      NOW,
    )
    const oldStart = at('2026-03-02T08:00:00Z')
    await prisma.meeting.update({ where: { id: old }, data: { startsAt: oldStart, endsAt: at(oldStart.toISOString(), 30 * MINUTE), respondBy: oldStart } })
    await expireMeetingJob.run({ meetingId: old }, { now: NOW, key: old, attempt: 1 })
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id: old } })).status).toBe('EXPIRED')
    expect(await told(old)).toBe(0)
    expect(await mails()).toBe(mailsBefore)
  })
})

describe('confirmations 24 h before', () => {
  it('asks both sides at startsAt − 24 h, once, by in-app and mail with signed one-click links', async () => {
    const prisma = await getPrisma()
    const { buyer, exporter, meetingId } = await acceptedMeeting()
    const askAt = at('2026-03-12T08:00:00Z')
    expect(await jobOf('meetings.confirm', meetingId)).toMatchObject({ runAt: askAt })
    expect(await jobOf('meetings.attendance', meetingId)).toMatchObject({ runAt: at('2026-03-13T08:45:00Z') })
    expect(await jobOf('meetings.expire', meetingId)).toBeNull()

    // Through the runner: nothing before the instant, both sides asked at it, nothing more on a rerun.
    const runner = runnerFor(confirmMeetingJob)
    await runner.runDue(at('2026-03-12T07:59:59Z'))
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).confirmationSentAt).toBeNull()
    await runner.runDue(askAt)
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).confirmationSentAt).toEqual(askAt)
    expect(await sendConfirmationRequests(meetingId, at('2026-03-12T08:05:00Z'))).toBe(false)
    const asked = await prisma.notification.findMany({ where: { kind: 'meeting.confirm', link: `/meetings/${meetingId}` }, select: { userId: true } })
    expect(asked.map((n) => n.userId).sort()).toEqual([buyer.user.id, exporter.user.id].sort())

    const mail = await prisma.emailOutbox.findFirstOrThrow({ where: { to: buyer.user.email, subject: { startsWith: 'Please confirm' } } })
    expect(mail.text).toContain('Mar 13, 2026, 9:00 AM GMT+1')
    const confirmUrl = /\/meetings\/attend\/(\S+)\?answer=confirm/.exec(mail.text)
    expect(confirmUrl).not.toBeNull()
    const token = confirmUrl![1]!
    expect(mail.text).toContain(`/meetings/attend/${token}?answer=decline`)
    expect(readAttendanceToken(token, askAt)).toEqual({ meetingId, side: 'buyer' })

    // The buyer confirms from the mail's page (no session): recorded once.
    const page = await attendLoader({ request: getRequest(`/meetings/attend/${token}?answer=confirm`, [clock(askAt)]), params: { token } } as never)
    expect(page).toMatchObject({ meetingId, status: 'ACCEPTED', answer: null, chosen: 'confirm' })
    const posted = (await postAction(attendAction, `/meetings/attend/${token}`, [clock(askAt)], { answer: 'confirm' }, { token })) as Response
    expect(posted.status).toBe(302)
    const confirmedAt = (await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).buyerConfirmedAt
    expect(confirmedAt).toEqual(askAt)
    expect(await answerAttendanceByLink(token, 'confirm', at('2026-03-12T09:00:00Z'))).toEqual({ status: 'ACCEPTED', changed: false })
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).buyerConfirmedAt).toEqual(confirmedAt)
  })

  it("'can't make it' cancels with the reason, tells the other side, and offers the one-click reschedule", async () => {
    const prisma = await getPrisma()
    const { buyer, exporter, meetingId } = await acceptedMeeting()
    const askAt = at('2026-03-12T08:00:00Z')
    await sendConfirmationRequests(meetingId, askAt)
    const token = attendanceToken(meetingId, 'exporter', at(FRIDAY))
    const session = (await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).liveSessionId!
    expect(await answerAttendanceByLink(token, 'decline', askAt)).toEqual({ status: 'CANCELLED', changed: true })
    expect(await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).toMatchObject({
      status: 'CANCELLED',
      cancelReason: 'cant-make-it',
      cancelledBySide: 'EXPORTER',
    })
    expect((await prisma.liveSession.findUniqueOrThrow({ where: { id: session } })).status).toBe('CANCELLED')
    expect(await prisma.notification.count({ where: { userId: buyer.user.id, kind: 'meeting.cantMakeIt', link: `/meetings/${meetingId}` } })).toBe(1)
    expect(await jobOf('meetings.attendance', meetingId)).toBeNull()
    // Again: nothing new; confirming now is refused.
    expect(await answerAttendanceByLink(token, 'decline', askAt)).toEqual({ status: 'CANCELLED', changed: false })
    expect(await prisma.notification.count({ where: { userId: buyer.user.id, kind: 'meeting.cantMakeIt' } })).toBe(1)
    await expectDomainError(() => answerAttendance({ meetingId, side: 'buyer' }, 'confirm', askAt), 'invalid-transition', 409)

    // The buyer reschedules from the meeting page: the next common slot after now (Thursday 08:00 UTC).
    const rescheduled = (await postAction(
      meetingAction,
      `/meetings/${meetingId}`,
      [buyer.cookie, clock(askAt)],
      { intent: 'reschedule' },
      { meetingId },
    )) as Response
    expect(rescheduled.status).toBe(302)
    const newId = rescheduled.headers.get('Location')!.split('/').pop()!
    expect(await prisma.meeting.findUniqueOrThrow({ where: { id: newId } })).toMatchObject({
      status: 'REQUESTED',
      startsAt: at('2026-03-13T08:00:00Z'),
      requestedById: buyer.user.id,
      rescheduledFromId: meetingId,
      agenda: 'Soba',
    })
    expect(await prisma.notification.count({ where: { userId: exporter.user.id, kind: 'meeting.requested', link: `/meetings/${newId}` } })).toBe(1)
  })

  it('answers from the meeting page too, and asks at once when accepted inside the last 24 h', async () => {
    const prisma = await getPrisma()
    const late = await acceptedMeeting('2026-03-09T08:30:00.000Z', at('2026-03-09T02:00:00Z'))
    expect(await jobOf('meetings.confirm', late.meetingId)).toMatchObject({ runAt: at('2026-03-09T02:00:00Z') })
    const confirmed = (await postAction(
      meetingAction,
      `/meetings/${late.meetingId}`,
      [late.exporter.cookie, clock(at('2026-03-09T03:00:00Z'))],
      { intent: 'confirm-attendance' },
      { meetingId: late.meetingId },
    )) as Response
    expect(confirmed.status).toBe(302)
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id: late.meetingId } })).exporterConfirmedAt).toEqual(at('2026-03-09T03:00:00Z'))
    // After the start nobody answers any more.
    await expectDomainError(() => answerAttendanceAsUser(late.buyer.session, late.meetingId, 'decline', at('2026-03-09T08:30:00Z')), 'started', 409)
  })
})

describe('confirmation tokens', () => {
  it('refuses malformed, forged, swapped and expired tokens with clear errors', async () => {
    const { meetingId } = await acceptedMeeting()
    const now = at('2026-03-12T08:00:00Z')
    const good = attendanceToken(meetingId, 'buyer', at(FRIDAY))
    const [id, , exp, sig] = good.split('.')
    const hostile: unknown[] = [
      ...Object.values(HOSTILE),
      '',
      'x'.repeat(5000),
      null,
      42,
      { meetingId },
      `${id}.e.${exp}.${sig}`, // the buyer's signature on the exporter's side
      `${id}.b.${Number(exp) + 3600}.${sig}`, // a longer life
      `${id}.b.${exp}.${sig!.slice(0, -1)}${sig!.endsWith('A') ? 'B' : 'A'}`, // one character off
      `other${id}.b.${exp}.${sig}`,
      `${id}.b.${exp}.${sig}.extra`,
      `${id}';DROP TABLE "Meeting";--.b.${exp}.${sig}`,
    ]
    for (const token of hostile) {
      await expectDomainError(() => answerAttendanceByLink(token, 'decline', now), 'bad-token', 400)
    }
    await expectDomainError(() => answerAttendanceByLink(good, 'confirm', at(FRIDAY)), 'token-expired', 410)
    // The page of a bad link answers 400, not a 500.
    expect((await caught(() => attendLoader({ request: getRequest('/meetings/attend/nope', []), params: { token: 'nope' } } as never))).status).toBe(400)
    // A wrong answer value is a form error.
    const wrong = (await postAction(attendAction, `/meetings/attend/${good}`, [clock(now)], { answer: 'maybe' }, { token: good })) as {
      init: { status: number }
    }
    expect(wrong.init.status).toBe(400)
    const prisma = await getPrisma()
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).status).toBe('ACCEPTED')
  })
})

describe('one-click reschedule', () => {
  it('picks the next common slot across zones and DST, clear of accepted meetings; once per meeting', async () => {
    const prisma = await getPrisma()
    const { buyer, exporter } = await pair()
    const expired = await requestMeeting(buyer.session, { companyId: exporter.company.id }, { intent: 'request', slotStart: FRIDAY, agenda: 'Tea' }, NOW)
    await expireMeetingRequest(expired, at('2026-03-12T00:00:00Z'))
    // Thursday 12 March: 08:00 UTC (09:00 Berlin, 17:00 Seoul) is the first common slot; an accepted
    // meeting of the exporter's at 08:00 with someone else pushes it to 08:30.
    const other = await createBuyer({ country: 'FR' })
    await prisma.buyerProfile.update({ where: { id: other.profile.id }, data: { timeZone: 'Europe/Paris' } })
    const blocking = await requestMeeting(
      await sessionUserOf(other.cookie),
      { companyId: exporter.company.id },
      { intent: 'request', slotStart: '2026-03-12T08:00:00.000Z', agenda: '' },
      NOW,
    )
    await acceptMeeting(exporter.session, blocking, NOW)
    const first = await rescheduleMeeting(exporter.session, expired, at('2026-03-12T00:00:00Z'))
    expect(await prisma.meeting.findUniqueOrThrow({ where: { id: first } })).toMatchObject({
      status: 'REQUESTED',
      startsAt: at('2026-03-12T08:30:00Z'),
      requestedById: exporter.user.id,
      rescheduledFromId: expired,
      agenda: 'Tea',
    })
    // Clicking again opens the same request.
    expect(await rescheduleMeeting(buyer.session, expired, at('2026-03-12T00:00:00Z'))).toBe(first)

    // After Berlin moves to summer time (29 March) the common window starts at 07:00 UTC.
    await expireMeetingRequest(first, at('2026-03-12T08:30:00Z'))
    const summer = await rescheduleMeeting(buyer.session, first, at('2026-03-30T00:00:00Z'))
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id: summer } })).startsAt).toEqual(at('2026-03-30T07:00:00Z'))

    // Only meetings that did not happen; not someone else's.
    await expectDomainError(() => rescheduleMeeting(exporter.session, blocking, NOW), 'not-reschedulable', 409)
    const stranger = await createBuyer()
    await expectDomainError(() => rescheduleMeeting(stranger.user as never, expired, NOW), 'not-found', 404)
  })
})

describe('no-shows recorded by the room', () => {
  async function joinRoom(meetingId: string, userId: string, when: Date) {
    const prisma = await getPrisma()
    const { liveSessionId } = await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { liveSessionId: true } })
    const seat = await admitToMeetingRoom(liveSessionId!, userId, when)
    await recordMeetingRoomJoin(seat, when)
  }
  const END = at('2026-03-13T08:30:00Z')
  const DUE = at('2026-03-13T08:45:00Z')

  it('marks HELD when both sides joined, NO_SHOW with the absent side otherwise; once', async () => {
    const prisma = await getPrisma()
    const both = await acceptedMeeting()
    await joinRoom(both.meetingId, both.buyer.user.id, at(FRIDAY, -5 * MINUTE))
    await joinRoom(both.meetingId, both.exporter.user.id, at(FRIDAY, 2 * MINUTE))
    // A rejoin keeps the first instant.
    await joinRoom(both.meetingId, both.buyer.user.id, at(FRIDAY, 10 * MINUTE))
    expect(
      (await prisma.meetingParticipant.findUniqueOrThrow({ where: { meetingId_userId: { meetingId: both.meetingId, userId: both.buyer.user.id } } })).joinedAt,
    ).toEqual(at(FRIDAY, -5 * MINUTE))
    expect(await markMeetingAttendance(both.meetingId, at(DUE.toISOString(), -1), 15)).toBe(false)
    expect(await markMeetingAttendance(both.meetingId, DUE, 15)).toBe(true)
    expect(await prisma.meeting.findUniqueOrThrow({ where: { id: both.meetingId } })).toMatchObject({
      status: 'HELD',
      buyerAbsent: false,
      exporterAbsent: false,
      attendanceMarkedAt: DUE,
    })

    const buyerOnly = await acceptedMeeting()
    await joinRoom(buyerOnly.meetingId, buyerOnly.buyer.user.id, at(FRIDAY))
    const none = await acceptedMeeting()
    // Through the job runner, twice.
    const runner = runnerFor(meetingAttendanceJob)
    await runner.runDue(DUE)
    await runner.runDue(at(DUE.toISOString(), HOUR))
    expect(await markMeetingAttendance(buyerOnly.meetingId, at(DUE.toISOString(), 2 * HOUR), 15)).toBe(false)
    expect(await prisma.meeting.findUniqueOrThrow({ where: { id: buyerOnly.meetingId } })).toMatchObject({
      status: 'NO_SHOW',
      buyerAbsent: false,
      exporterAbsent: true,
    })
    expect(await prisma.meeting.findUniqueOrThrow({ where: { id: none.meetingId } })).toMatchObject({
      status: 'NO_SHOW',
      buyerAbsent: true,
      exporterAbsent: true,
    })
    const live = await prisma.meeting.findUniqueOrThrow({ where: { id: none.meetingId }, select: { liveSession: { select: { status: true } } } })
    expect(live.liveSession?.status).toBe('ENDED')
    expect(
      await prisma.notification.count({
        where: { kind: 'meeting.updated', link: `/meetings/${buyerOnly.meetingId}`, data: { path: ['status'], equals: 'NO_SHOW' } },
      }),
    ).toBe(2)

    // People can still correct the outcome afterwards.
    await recordOutcome(
      buyerOnly.exporter.session,
      buyerOnly.meetingId,
      { intent: 'outcome', status: 'HELD', nextStep: 'Call back' },
      at(DUE.toISOString(), 3 * HOUR),
    )
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id: buyerOnly.meetingId } })).status).toBe('HELD')
    // And an outcome recorded before the job wins: the job leaves it alone.
    const recorded = await acceptedMeeting()
    await recordOutcome(recorded.buyer.session, recorded.meetingId, { intent: 'outcome', status: 'HELD' }, END)
    expect(await markMeetingAttendance(recorded.meetingId, DUE, 15)).toBe(false)
    expect(await prisma.meeting.findUniqueOrThrow({ where: { id: recorded.meetingId } })).toMatchObject({ status: 'HELD', attendanceMarkedAt: null })
    // The room closes to a meeting the job closed.
    await expect(joinRoom(none.meetingId, none.buyer.user.id, END)).rejects.toMatchObject({ code: 'closed' })
    expect(END < DUE).toBe(true)
  })
})

describe('attendance KPIs', () => {
  it('counts held / accepted and no-show rates by buyer country and exporter, as the dashboard and CSV show', async () => {
    const prisma = await getPrisma()
    const organizer = await createUser('ORGANIZER')
    const fair = await prisma.tradeFair.create({
      data: {
        slug: `attendance-${crypto.randomUUID().slice(0, 8)}`,
        name: 'Attendance Expo',
        startsAt: NOW,
        endsAt: at('2026-03-20T00:00:00Z'),
        timeZone: 'Asia/Seoul',
        status: 'LIVE',
        organizerId: organizer.user.id,
      },
    })
    // Four accepted meetings on Friday: both joined; buyer only; nobody; one the job has not marked yet.
    const meetings = [await acceptedMeeting(), await acceptedMeeting(), await acceptedMeeting(), await acceptedMeeting()]
    await prisma.buyerProfile.update({ where: { id: meetings[3]!.buyer.profile.id }, data: { country: 'US' } })
    const expired = await pair()
    const expiredId = await requestMeeting(
      expired.buyer.session,
      { companyId: expired.exporter.company.id },
      { intent: 'request', slotStart: FRIDAY, agenda: '' },
      NOW,
    )
    await expireMeetingRequest(expiredId, at('2026-03-12T00:00:00Z'))
    await prisma.meeting.updateMany({ where: { id: { in: [...meetings.map((m) => m.meetingId), expiredId] } }, data: { fairId: fair.id } })
    const [held, buyerOnly, none] = meetings as [(typeof meetings)[0], (typeof meetings)[0], (typeof meetings)[0]]
    await prisma.meetingParticipant.updateMany({ where: { meetingId: held.meetingId }, data: { joinedAt: at(FRIDAY) } })
    await prisma.meetingParticipant.updateMany({ where: { meetingId: buyerOnly.meetingId, role: 'BUYER' }, data: { joinedAt: at(FRIDAY) } })
    for (const m of [held, buyerOnly, none]) await markMeetingAttendance(m.meetingId, at('2026-03-13T08:45:00Z'), 15)

    const after = at('2026-03-13T09:00:00Z')
    const kpis = await fairAttendance(fair.id, { now: after, locale: 'en' })
    expect(kpis.total).toMatchObject({ accepted: 4, held: 1, noShow: 2, buyerMissed: 1, exporterMissed: 2, unrecorded: 1, expired: 1, cantMakeIt: 0 })
    expect(kpis.total.heldRatio).toBeCloseTo(1 / 4)
    expect(kpis.total.noShowRate).toBeCloseTo(2 / 4)
    expect(kpis.total.exporterMissedRate).toBeCloseTo(2 / 4)
    expect(kpis.byBuyerCountry.map((r) => [r.key, r.accepted, r.held, r.noShow])).toEqual([
      ['DE', 3, 1, 2],
      ['US', 1, 0, 0],
    ])
    // Five exporters: four with an accepted meeting each, and the one whose request expired.
    expect(kpis.byExporter.map((r) => [r.accepted, r.expired])).toEqual([
      [1, 0],
      [1, 0],
      [1, 0],
      [1, 0],
      [0, 1],
    ])
    // Before the meetings end nothing counts as accepted yet.
    expect((await fairAttendance(fair.id, { now: NOW, locale: 'en' })).total.accepted).toBe(0)

    const table = attendanceTable(kpis, 'en')
    expect(table.rows[0]).toEqual(['All meetings', '', 4, 1, 2, 1, 2, 1, 25, 50, 25, 50, 1, 0])
    const csv = await buildAttendanceCsv(fair.id, { locale: 'en', now: after })
    expect(csv.filename).toBe(`${fair.slug}-attendance.csv`)
    expect(csv.body).toContain('Germany')
    expect(csv.body).toContain('Held / accepted (%)')
  })
})
