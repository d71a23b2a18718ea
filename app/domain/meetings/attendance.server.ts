// What the people of a meeting do about attendance (docs/meeting-attendance.md): answer the 24 h
// confirmation (signed in, or through the signed link of the mail) and reschedule a meeting that did not
// happen into the next common slot. The jobs that expire, ask and mark are in attendance-jobs.server.ts.
import { DomainError, type DomainErrorStatus } from '~/domain/errors'
import type { SessionUser } from '~/domain/accounts/session.server'
import type { AgencyActing } from '~/domain/agencies/actor.server'
import { companyRecipients } from '~/domain/agencies/recipients.server'
import { getPrisma } from '~/domain/db.server'
import { flushNotificationEmails, notify } from '~/domain/notifications/notify.server'
import { CANT_MAKE_IT, RESCHEDULABLE } from './attendance'
import { cancelMeetingJobs } from './attendance-jobs.server'
import { readAttendanceToken } from './attendance-token.server'
import { actingSide, auditMeeting, findMeetingSlots, requestMeeting } from './meetings.server'
import { ROLE_OF_SIDE, type MeetingSide, partySide } from './sides'

export type AttendanceAnswer = 'confirm' | 'decline'

const MESSAGE_KEYS: Record<string, string> = {
  started: 'meetings.errors.started',
  'invalid-transition': 'meetings.errors.changed',
  conflict: 'meetings.errors.changed',
  'no-common-slot': 'attendance.errors.noCommonSlot',
  'not-reschedulable': 'meetings.errors.changed',
}
/** Refusals shown on the forms (the others are error pages). */
export const ATTENDANCE_FORM_ERRORS = Object.keys(MESSAGE_KEYS)

function fail(status: DomainErrorStatus, reason: string): never {
  const messageKey = MESSAGE_KEYS[reason]
  throw new DomainError(reason, messageKey ? { status, messageKey } : { status })
}

export type AnswerResult = { status: 'ACCEPTED' | 'CANCELLED'; changed: boolean }

/**
 * One side answers the confirmation of an accepted meeting before its start: "confirm" records its
 * confirmation (once; again is a no-op), "decline" (can't make it) cancels the meeting with that reason,
 * cancels its live session and tells the other side, who can reschedule in one click. Answering again
 * with the answer already recorded changes nothing (a double click, a mail link opened twice).
 */
export async function answerAttendance(
  { meetingId, side }: { meetingId: string; side: MeetingSide },
  answer: AttendanceAnswer,
  now: Date,
  acting?: AgencyActing | null,
): Promise<AnswerResult> {
  const prisma = await getPrisma()
  const role = ROLE_OF_SIDE[side]
  const { result, emails } = await prisma.$transaction(async (tx) => {
    const meeting = await tx.meeting.findUnique({
      where: { id: meetingId },
      select: {
        id: true,
        status: true,
        startsAt: true,
        liveSessionId: true,
        cancelReason: true,
        cancelledBySide: true,
        buyerConfirmedAt: true,
        exporterConfirmedAt: true,
        buyer: { select: { userId: true, companyName: true, timeZone: true } },
        companyId: true,
        company: { select: { name: true, timeZone: true } },
      },
    })
    if (!meeting) fail(404, 'not-found')
    const confirmedAt = side === 'buyer' ? meeting.buyerConfirmedAt : meeting.exporterConfirmedAt
    // Repeats of the answer already on file.
    if (answer === 'confirm' && meeting.status === 'ACCEPTED' && confirmedAt) return { result: { status: 'ACCEPTED' as const, changed: false }, emails: [] }
    if (answer === 'decline' && meeting.status === 'CANCELLED' && meeting.cancelReason === CANT_MAKE_IT && meeting.cancelledBySide === role) {
      return { result: { status: 'CANCELLED' as const, changed: false }, emails: [] }
    }
    if (meeting.status !== 'ACCEPTED') fail(409, 'invalid-transition')
    if (meeting.startsAt.getTime() <= now.getTime()) fail(409, 'started')
    if (answer === 'confirm') {
      const updated = await tx.meeting.updateMany({
        where: { id: meeting.id, status: 'ACCEPTED', ...(side === 'buyer' ? { buyerConfirmedAt: null } : { exporterConfirmedAt: null }) },
        data: side === 'buyer' ? { buyerConfirmedAt: now } : { exporterConfirmedAt: now },
      })
      if (updated.count !== 1) fail(409, 'conflict')
      await auditMeeting(tx, acting, 'meeting.confirm', meeting.id, now)
      return { result: { status: 'ACCEPTED' as const, changed: true }, emails: [] }
    }
    const updated = await tx.meeting.updateMany({
      where: { id: meeting.id, status: 'ACCEPTED' },
      data: { status: 'CANCELLED', cancelReason: CANT_MAKE_IT, cancelledBySide: role },
    })
    if (updated.count !== 1) fail(409, 'conflict')
    if (meeting.liveSessionId) await tx.liveSession.updateMany({ where: { id: meeting.liveSessionId, status: 'SCHEDULED' }, data: { status: 'CANCELLED' } })
    await auditMeeting(tx, acting, 'meeting.cant-make-it', meeting.id, now)
    const other =
      side === 'buyer'
        ? { userIds: await companyRecipients(tx, meeting.companyId, 'MEETINGS'), timeZone: meeting.company.timeZone, name: meeting.buyer.companyName }
        : { userIds: [meeting.buyer.userId], timeZone: meeting.buyer.timeZone, name: meeting.company.name }
    const queued = await notify(tx, {
      userIds: other.userIds,
      kind: 'meeting.cantMakeIt',
      data: { with: other.name },
      times: { when: { at: meeting.startsAt, fallbackTimeZone: other.timeZone } },
      link: `/meetings/${meeting.id}`,
    })
    return { result: { status: 'CANCELLED' as const, changed: true }, emails: queued }
  })
  await flushNotificationEmails(emails)
  if (result.status === 'CANCELLED' && result.changed) await cancelMeetingJobs(meetingId)
  return result
}

/** The signed-in side of a meeting (or an agency acting for its company) answers its confirmation (the meeting page's buttons). */
export async function answerAttendanceAsUser(
  user: SessionUser,
  meetingId: string,
  answer: AttendanceAnswer,
  now: Date,
  acting?: AgencyActing | null,
): Promise<AnswerResult> {
  const prisma = await getPrisma()
  const meeting = await prisma.meeting.findUnique({ where: { id: meetingId }, select: { buyerId: true, companyId: true } })
  const side = meeting ? actingSide(user, meeting, acting) : null
  if (!side) fail(404, 'not-found')
  return answerAttendance({ meetingId, side }, answer, now, acting)
}

/**
 * One click from a meeting that did not happen (declined, expired, missed, called off): a new request from
 * the clicking side at the next slot both parties have free (each one's business hours in their own zone,
 * clear of accepted meetings and open proposals), same fair, interpreter and agenda. The other side
 * accepts as usual. One reschedule per meeting: clicking again opens the request already made.
 */
export async function rescheduleMeeting(user: SessionUser, meetingId: string, now: Date, acting?: AgencyActing | null): Promise<string> {
  const prisma = await getPrisma()
  const meeting = await prisma.meeting.findUnique({
    where: { id: meetingId },
    select: {
      id: true,
      status: true,
      buyerId: true,
      companyId: true,
      fairId: true,
      interpreterLanguage: true,
      agenda: true,
      rescheduledAs: { select: { id: true } },
    },
  })
  const side = meeting ? actingSide(user, meeting, acting) : null
  // The side's own party (an agency acts for the company's side only through `acting`).
  if (!meeting || !side || (!acting && partySide(user) !== side)) fail(404, 'not-found')
  if (meeting.rescheduledAs) return meeting.rescheduledAs.id
  if (!(RESCHEDULABLE as readonly string[]).includes(meeting.status)) fail(409, 'not-reschedulable')
  const { slots } = await findMeetingSlots({ buyerId: meeting.buyerId, companyId: meeting.companyId }, { now, limit: 1 })
  const [slot] = slots
  if (!slot) fail(409, 'no-common-slot')
  const target = side === 'buyer' ? { companyId: meeting.companyId } : { buyerId: meeting.buyerId }
  try {
    return await requestMeeting(
      user,
      target,
      {
        intent: 'request',
        slotStart: slot.start.toISOString(),
        interpreterLanguage: meeting.interpreterLanguage ?? undefined,
        agenda: meeting.agenda,
        fairId: meeting.fairId,
        rescheduledFromId: meeting.id,
      },
      now,
      acting,
    )
  } catch (error) {
    // Two clicks at once: the other one made the request (rescheduledFromId is unique).
    const made = await prisma.meeting.findUnique({ where: { rescheduledFromId: meeting.id }, select: { id: true } })
    if (made) return made.id
    throw error
  }
}

/** What the page of a confirmation link shows: the meeting as that side knows it, and its answer so far. */
export async function attendanceLinkView(token: unknown, now: Date) {
  const { meetingId, side } = readAttendanceToken(token, now)
  const prisma = await getPrisma()
  const meeting = await prisma.meeting.findUnique({
    where: { id: meetingId },
    select: {
      id: true,
      status: true,
      startsAt: true,
      endsAt: true,
      buyerConfirmedAt: true,
      exporterConfirmedAt: true,
      cancelReason: true,
      cancelledBySide: true,
      buyer: { select: { companyName: true, timeZone: true } },
      company: { select: { name: true, timeZone: true } },
    },
  })
  if (!meeting) throw new DomainError('not-found', { status: 404 })
  const confirmed = (side === 'buyer' ? meeting.buyerConfirmedAt : meeting.exporterConfirmedAt) !== null
  const declined = meeting.status === 'CANCELLED' && meeting.cancelReason === CANT_MAKE_IT && meeting.cancelledBySide === ROLE_OF_SIDE[side]
  return {
    meetingId: meeting.id,
    side,
    status: meeting.status,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    otherName: side === 'buyer' ? meeting.company.name : meeting.buyer.companyName,
    ownTimeZone: side === 'buyer' ? meeting.buyer.timeZone : meeting.company.timeZone,
    answer: declined ? ('declined' as const) : meeting.status === 'ACCEPTED' && confirmed ? ('confirmed' as const) : null,
  }
}

/** A confirmation link's answer (the page's button): the token names the meeting and the side. */
export async function answerAttendanceByLink(token: unknown, answer: AttendanceAnswer, now: Date): Promise<AnswerResult> {
  return answerAttendance(readAttendanceToken(token, now), answer, now)
}
