// 1:1 meeting requests between a buyer and an exporter company: request → accept / decline / propose
// another time → (accepted) room, .ics, outcome. Every change runs in one transaction with its
// notifications; acceptance locks both parties' rows and re-checks for overlaps, so two acceptances
// racing for the same time cannot both win (see acceptMeeting).
import { DomainError, type DomainErrorStatus } from '~/domain/errors'
import type { Prisma } from '~/generated/prisma/client'
import type { SessionUser } from '~/domain/accounts/session.server'
import { type AgencyActing, recordAgencyAction } from '~/domain/agencies/actor.server'
import { companyRecipients } from '~/domain/agencies/recipients.server'
import { getPrisma } from '~/domain/db.server'
import { isApprovedFairPair } from '~/domain/fairs/participation.server'
import { freeMeetingTable, seatLateAcceptedMeeting } from '~/domain/on-site/tables.server'
import { findCommonSlots, type SchedulingParty, type TimeInterval } from '~/domain/matchmaking/slot-finder'
import { flushNotificationEmails, notify } from '~/domain/notifications/notify.server'
import { getEnv } from '~/utils/env.server'
import { respondByFor } from './attendance'
import { cancelMeetingJobs, scheduleAcceptedMeeting, scheduleExpiry } from './attendance-jobs.server'
import type { OutcomeInput, RequestMeetingInput } from './schemas'
import { type MeetingSide, partySide, proposerSide, sideOf } from './sides'

type Tx = Prisma.TransactionClient

export const MEETING_MINUTES = 30
/** How far ahead the slot picker looks. */
export const SEARCH_DAYS = 14
/** No meeting can be requested to start sooner than this. */
export const MIN_NOTICE_MINUTES = 60
/** ExporterCompany has no business-hours fields yet: office hours in the company's own zone. */

const MINUTE_MS = 60_000
/** Commitments that block a slot for good. */
const BOOKED = ['ACCEPTED'] as const
/** Open proposals: hidden from the slot picker so people are not offered times already asked about. */
const PENDING = ['REQUESTED', 'RESCHEDULE_PROPOSED'] as const

// Refusals the people in a meeting can act on (the time was taken, the meeting changed meanwhile…): their
// messages; any other refusal (not found, forbidden) is an error page.
const MESSAGE_KEYS: Record<string, string> = {
  'double-booked': 'meetings.errors.doubleBooked',
  'slot-unavailable': 'meetings.errors.slotTaken',
  expired: 'meetings.errors.expired',
  started: 'meetings.errors.started',
  'not-started': 'meetings.errors.notStarted',
  'invalid-transition': 'meetings.errors.changed',
  conflict: 'meetings.errors.changed',
  'own-proposal': 'meetings.errors.changed',
  'interpreter-unknown': 'meetings.errors.interpreterUnknown',
  'interpreter-is-party': 'meetings.errors.interpreterIsParty',
  'no-interpreter-needed': 'meetings.errors.changed',
  'no-common-slot': 'attendance.errors.noCommonSlot',
  'not-reschedulable': 'meetings.errors.changed',
}
/** The codes of refusals shown on the meeting's forms. */
export const MEETING_FORM_ERRORS = Object.keys(MESSAGE_KEYS)

function fail(status: DomainErrorStatus, reason: string): never {
  const messageKey = MESSAGE_KEYS[reason]
  throw new DomainError(reason, messageKey ? { status, messageKey } : { status })
}

// ───────────────────────────── availability ─────────────────────────────

async function loadParties(db: Tx, buyerId: string, companyId: string) {
  const [buyer, company] = await Promise.all([
    db.buyerProfile.findUnique({
      where: { id: buyerId },
      select: { id: true, userId: true, companyName: true, timeZone: true, businessHoursStart: true, businessHoursEnd: true },
    }),
    db.exporterCompany.findUnique({
      where: { id: companyId },
      select: { id: true, name: true, slug: true, timeZone: true, businessHoursStart: true, businessHoursEnd: true },
    }),
  ])
  if (!buyer || !company) fail(404, 'not-found')
  return { buyer, company }
}

async function busyIntervals(
  db: Tx,
  {
    buyerId,
    companyId,
    statuses,
    excludeMeetingId,
    from,
    to,
  }: { buyerId: string; companyId: string; statuses: readonly string[]; excludeMeetingId?: string; from: Date; to: Date },
) {
  const rows = await db.meeting.findMany({
    where: {
      OR: [{ buyerId }, { companyId }],
      status: { in: [...statuses] as never },
      startsAt: { lt: to },
      endsAt: { gt: from },
      ...(excludeMeetingId ? { id: { not: excludeMeetingId } } : {}),
    },
    select: { buyerId: true, companyId: true, startsAt: true, endsAt: true },
  })
  return {
    buyer: rows.filter((row) => row.buyerId === buyerId).map((row) => ({ start: row.startsAt, end: row.endsAt })),
    company: rows.filter((row) => row.companyId === companyId).map((row) => ({ start: row.startsAt, end: row.endsAt })),
  }
}

function schedulingParties(parties: Awaited<ReturnType<typeof loadParties>>, busy: { buyer: TimeInterval[]; company: TimeInterval[] }): SchedulingParty[] {
  return [
    {
      id: parties.buyer.id,
      timeZone: parties.buyer.timeZone,
      businessHours: { start: parties.buyer.businessHoursStart, end: parties.buyer.businessHoursEnd },
      busy: busy.buyer,
    },
    {
      id: parties.company.id,
      timeZone: parties.company.timeZone,
      businessHours: { start: parties.company.businessHoursStart, end: parties.company.businessHoursEnd },
      busy: busy.company,
    },
  ]
}

/**
 * Slots the picker offers: inside both parties' business hours (each in their own zone), clear of
 * their accepted meetings and of open proposals.
 */
export async function findMeetingSlots(
  { buyerId, companyId, excludeMeetingId }: { buyerId: string; companyId: string; excludeMeetingId?: string },
  { now, days = SEARCH_DAYS, limit = 40 }: { now: Date; days?: number; limit?: number },
) {
  const prisma = await getPrisma()
  const from = now
  const to = new Date(now.getTime() + days * 86_400_000)
  const parties = await loadParties(prisma, buyerId, companyId)
  const busy = await busyIntervals(prisma, { buyerId, companyId, statuses: [...BOOKED, ...PENDING], excludeMeetingId, from, to })
  const slots = findCommonSlots({
    parties: schedulingParties(parties, busy),
    from,
    to,
    now,
    slotMinutes: MEETING_MINUTES,
    minNoticeMinutes: MIN_NOTICE_MINUTES,
    limit,
  })
  return { slots, buyer: parties.buyer, company: parties.company }
}

/** Server truth for a chosen start: a whole slot in both parties' hours, clear of ACCEPTED meetings. */
async function assertSlotBookable(
  db: Tx,
  { buyerId, companyId, excludeMeetingId }: { buyerId: string; companyId: string; excludeMeetingId?: string },
  start: Date,
  now: Date,
): Promise<TimeInterval> {
  const end = new Date(start.getTime() + MEETING_MINUTES * MINUTE_MS)
  const parties = await loadParties(db, buyerId, companyId)
  const busy = await busyIntervals(db, { buyerId, companyId, statuses: BOOKED, excludeMeetingId, from: start, to: end })
  const [slot] = findCommonSlots({
    parties: schedulingParties(parties, busy),
    from: start,
    to: end,
    now,
    slotMinutes: MEETING_MINUTES,
    minNoticeMinutes: MIN_NOTICE_MINUTES,
    limit: 1,
  })
  if (slot?.start.getTime() !== start.getTime()) fail(400, 'slot-unavailable')
  return slot
}

// ───────────────────────────── helpers ─────────────────────────────

/**
 * The side someone acts on: their own (sideOf), or the exporter side when an export agency acts for the
 * meeting's company (ADR 026; the caller read the MEETINGS grant now, and the mutation re-reads it in its
 * transaction through recordAgencyAction).
 */
export function actingSide(user: SessionUser, meeting: { buyerId: string; companyId: string }, acting: AgencyActing | null | undefined): MeetingSide | null {
  if (acting) return acting.user.id === user.id && acting.company.id === meeting.companyId ? 'exporter' : null
  return sideOf(user, meeting)
}

/** "Agency X for company Y" did this to the meeting, in the mutation's transaction; nothing for the parties themselves. */
export async function auditMeeting(tx: Tx, acting: AgencyActing | null | undefined, action: string, meetingId: string, now: Date): Promise<void> {
  if (acting) await recordAgencyAction(tx, acting, { action, targetType: 'meeting', targetId: meetingId, scope: 'MEETINGS' }, now)
}

const meetingHead = {
  id: true,
  status: true,
  buyerId: true,
  companyId: true,
  fairId: true,
  startsAt: true,
  endsAt: true,
  requestedById: true,
  interpreterLanguage: true,
  liveSessionId: true,
  respondBy: true,
  buyer: { select: { userId: true, companyName: true, timeZone: true } },
  company: { select: { name: true, timeZone: true } },
} satisfies Prisma.MeetingSelect

async function loadHead(db: Tx, meetingId: string) {
  const meeting = await db.meeting.findUnique({ where: { id: meetingId }, select: meetingHead })
  if (!meeting) fail(404, 'not-found')
  return meeting
}

/**
 * Recipients on the other side of `side`, and the name they know the sender by. The exporter side is the
 * company's members and the members of agencies it granted MEETINGS (they answer for it).
 */
async function otherSide(db: Tx, meeting: Awaited<ReturnType<typeof loadHead>>, side: MeetingSide) {
  return side === 'buyer'
    ? { userIds: await companyRecipients(db, meeting.companyId, 'MEETINGS'), timeZone: meeting.company.timeZone, senderName: meeting.buyer.companyName }
    : { userIds: [meeting.buyer.userId], timeZone: meeting.buyer.timeZone, senderName: meeting.company.name }
}

/** The side answering an open proposal (accept, decline, propose another time): never its own proposal. */
function requireResponder(user: SessionUser, meeting: Awaited<ReturnType<typeof loadHead>>, acting?: AgencyActing | null): MeetingSide {
  const side = actingSide(user, meeting, acting)
  if (!side) fail(404, 'not-found')
  if (meeting.status !== 'REQUESTED' && meeting.status !== 'RESCHEDULE_PROPOSED') fail(409, 'invalid-transition')
  if (proposerSide(meeting) === side) fail(403, 'own-proposal')
  return side
}

/** Tells the other side of the meeting its new status (in the caller's transaction). */
async function notifyOtherSide(db: Tx, meeting: Awaited<ReturnType<typeof loadHead>>, side: MeetingSide, status: string) {
  const other = await otherSide(db, meeting, side)
  return notify(db, {
    userIds: other.userIds,
    kind: 'meeting.updated',
    data: { with: other.senderName, status },
    link: `/meetings/${meeting.id}`,
  })
}

/**
 * Row locks on both parties, always company first, so concurrent acceptances touching the same buyer or
 * company run one after the other and each sees the other's result.
 */
export async function lockParties(db: Tx, companyIds: readonly string[], buyerIds: readonly string[]): Promise<void> {
  for (const id of [...new Set(companyIds)].sort()) {
    await db.$queryRaw`SELECT "id" FROM "ExporterCompany" WHERE "id" = ${id} FOR UPDATE`
  }
  for (const id of [...new Set(buyerIds)].sort()) {
    await db.$queryRaw`SELECT "id" FROM "BuyerProfile" WHERE "id" = ${id} FOR UPDATE`
  }
}

/** True when either party already has an accepted meeting overlapping [start, end). */
export async function hasBookedOverlap(
  db: Tx,
  { buyerId, companyId, start, end, excludeMeetingId }: { buyerId: string; companyId: string; start: Date; end: Date; excludeMeetingId?: string },
): Promise<boolean> {
  const clash = await db.meeting.findFirst({
    where: {
      OR: [{ buyerId }, { companyId }],
      status: { in: [...BOOKED] },
      startsAt: { lt: end },
      endsAt: { gt: start },
      ...(excludeMeetingId ? { id: { not: excludeMeetingId } } : {}),
    },
    select: { id: true },
  })
  return clash !== null
}

/** Seats (buyer, exporter member) and the private MEETING live session the video room will use. */
export async function seatAcceptedMeeting(
  db: Tx,
  meeting: { id: string; buyerId: string; companyId: string; fairId: string | null; startsAt: Date; endsAt: Date; interpreterLanguage: string | null },
  { buyerUserId, exporterUserId, title }: { buyerUserId: string; exporterUserId: string; title: string },
) {
  await db.meetingParticipant.createMany({
    data: [
      { meetingId: meeting.id, userId: buyerUserId, role: 'BUYER' },
      { meetingId: meeting.id, userId: exporterUserId, role: 'EXPORTER' },
    ],
    skipDuplicates: true,
  })
  const session = await db.liveSession.create({
    data: {
      kind: 'MEETING',
      isPublic: false,
      title,
      scheduledStartAt: meeting.startsAt,
      scheduledEndAt: meeting.endsAt,
      hostId: exporterUserId,
      companyId: meeting.companyId,
      fairId: meeting.fairId,
      language: meeting.interpreterLanguage ?? 'en',
    },
    select: { id: true },
  })
  await db.meeting.update({ where: { id: meeting.id }, data: { liveSessionId: session.id } })
  return session.id
}

async function inTransaction<T>(run: (tx: Tx) => Promise<{ result: T; emails: string[] }>): Promise<T> {
  const prisma = await getPrisma()
  const { result, emails } = await prisma.$transaction(run)
  await flushNotificationEmails(emails)
  return result
}

// ───────────────────────────── commands ─────────────────────────────

export type MeetingTarget = { companyId: string } | { buyerId: string }

/**
 * Either side proposes a meeting at a slot that findMeetingSlots offered (the exporter side: a company member,
 * or an agency member acting for the company, which only reschedules through here).
 */
export async function requestMeeting(
  user: SessionUser,
  target: MeetingTarget,
  input: RequestMeetingInput & { fairId?: string | null; rescheduledFromId?: string | null },
  now: Date,
  acting?: AgencyActing | null,
): Promise<string> {
  let buyerId: string
  let companyId: string
  const side = acting ? 'exporter' : partySide(user)
  const ownCompanyId = acting ? acting.company.id : user.exporterMember?.company.id
  if (side === 'buyer' && user.buyerProfile && 'companyId' in target) {
    buyerId = user.buyerProfile.id
    companyId = target.companyId
  } else if (side === 'exporter' && ownCompanyId && 'buyerId' in target) {
    buyerId = target.buyerId
    companyId = ownCompanyId
  } else {
    fail(403, 'forbidden')
  }
  const created = await inTransaction(async (tx) => {
    const slot = await assertSlotBookable(tx, { buyerId, companyId }, new Date(input.slotStart), now)
    // A meeting counts for a fair only between approved participants of it; otherwise it is still a
    // meeting between the two, just not the fair's (no refusal: the parties did nothing wrong).
    const fairId = input.fairId && (await isApprovedFairPair(tx, input.fairId, { buyerId, companyId })) ? input.fairId : null
    const respondBy = respondByFor(now, slot.start, getEnv().MEETING_REQUEST_EXPIRY_HOURS)
    const created = await tx.meeting.create({
      data: {
        buyerId,
        companyId,
        fairId,
        status: 'REQUESTED',
        startsAt: slot.start,
        endsAt: slot.end,
        requestedById: user.id,
        interpreterLanguage: input.interpreterLanguage ?? null,
        agenda: input.agenda,
        respondBy,
        rescheduledFromId: input.rescheduledFromId ?? null,
      },
      select: { id: true },
    })
    const meeting = await loadHead(tx, created.id)
    await auditMeeting(tx, acting, input.rescheduledFromId ? 'meeting.reschedule' : 'meeting.request', meeting.id, now)
    const other = await otherSide(tx, meeting, side)
    const emails = await notify(tx, {
      userIds: other.userIds,
      kind: 'meeting.requested',
      data: { from: other.senderName },
      times: { when: { at: slot.start, fallbackTimeZone: other.timeZone } },
      link: `/meetings/${created.id}`,
    })
    return { result: { id: created.id, respondBy }, emails }
  })
  await scheduleExpiry(created)
  return created.id
}

/**
 * The side that did not make the current proposal accepts it; the time is re-checked under row locks. The
 * exporter side's seat goes to whoever accepts for it: a company member, or the agency member acting for the
 * company (`acting`), who then attends as the company's export window (docs/export-agencies.md).
 */
export async function acceptMeeting(user: SessionUser, meetingId: string, now: Date, acting?: AgencyActing | null): Promise<void> {
  await inTransaction(async (tx) => {
    const head = await loadHead(tx, meetingId)
    await lockParties(tx, [head.companyId], [head.buyerId])
    const meeting = await loadHead(tx, meetingId)
    const side = requireResponder(user, meeting, acting)
    if (meeting.startsAt.getTime() <= now.getTime()) fail(409, 'expired')
    // Past its answer time (the expiry job may not have run yet): expired all the same.
    if (meeting.respondBy && meeting.respondBy.getTime() <= now.getTime()) fail(409, 'expired')
    if (
      await hasBookedOverlap(tx, {
        buyerId: meeting.buyerId,
        companyId: meeting.companyId,
        start: meeting.startsAt,
        end: meeting.endsAt,
        excludeMeetingId: meeting.id,
      })
    ) {
      fail(409, 'double-booked')
    }
    // Guarded update: only the proposal we checked can be accepted (a concurrent change makes this 0).
    const updated = await tx.meeting.updateMany({
      where: { id: meeting.id, status: meeting.status, requestedById: meeting.requestedById, startsAt: meeting.startsAt },
      data: { status: 'ACCEPTED' },
    })
    if (updated.count !== 1) fail(409, 'conflict')
    await seatAcceptedMeeting(tx, meeting, {
      buyerUserId: meeting.buyer.userId,
      exporterUserId: side === 'exporter' ? user.id : meeting.requestedById,
      title: `${meeting.buyer.companyName} × ${meeting.company.name}`,
    })
    // On site: a free venue table of its slot, if the fair's schedule is out (docs/fair-on-site.md).
    await seatLateAcceptedMeeting(tx, meeting, { now })
    await auditMeeting(tx, acting, 'meeting.accept', meeting.id, now)
    const emails = await notifyOtherSide(tx, meeting, side, 'ACCEPTED')
    return { result: meeting, emails }
  }).then((meeting) => scheduleAcceptedMeeting(meeting, now))
}

export async function declineMeeting(user: SessionUser, meetingId: string, acting?: AgencyActing | null, now = new Date()): Promise<void> {
  await inTransaction(async (tx) => {
    const meeting = await loadHead(tx, meetingId)
    const side = requireResponder(user, meeting, acting)
    const updated = await tx.meeting.updateMany({ where: { id: meeting.id, status: meeting.status }, data: { status: 'DECLINED' } })
    if (updated.count !== 1) fail(409, 'conflict')
    await freeMeetingTable(tx, meeting.id)
    await auditMeeting(tx, acting, 'meeting.decline', meeting.id, now)
    const emails = await notifyOtherSide(tx, meeting, side, 'DECLINED')
    return { result: undefined, emails }
  })
  await cancelMeetingJobs(meetingId)
}

/**
 * The responding side proposes another slot (RESCHEDULE_PROPOSED). The proposer becomes
 * `requestedById`, so the other side answers next, with the same accept/decline/propose choices.
 */
export async function proposeNewTime(user: SessionUser, meetingId: string, slotStart: string, now: Date, acting?: AgencyActing | null): Promise<void> {
  const respondBy = await inTransaction(async (tx) => {
    const meeting = await loadHead(tx, meetingId)
    const side = requireResponder(user, meeting, acting)
    const slot = await assertSlotBookable(
      tx,
      { buyerId: meeting.buyerId, companyId: meeting.companyId, excludeMeetingId: meeting.id },
      new Date(slotStart),
      now,
    )
    const answerBy = respondByFor(now, slot.start, getEnv().MEETING_REQUEST_EXPIRY_HOURS)
    const updated = await tx.meeting.updateMany({
      where: { id: meeting.id, status: meeting.status, requestedById: meeting.requestedById },
      // The answer clock starts again with the new time.
      data: { status: 'RESCHEDULE_PROPOSED', startsAt: slot.start, endsAt: slot.end, requestedById: user.id, respondBy: answerBy },
    })
    if (updated.count !== 1) fail(409, 'conflict')
    await auditMeeting(tx, acting, 'meeting.propose', meeting.id, now)
    const emails = await notifyOtherSide(tx, meeting, side, 'RESCHEDULE_PROPOSED')
    return { result: answerBy, emails }
  })
  await scheduleExpiry({ id: meetingId, respondBy })
}

/** Either side calls off a meeting that has not started; its private live session is cancelled too. */
export async function cancelMeeting(user: SessionUser, meetingId: string, now: Date, acting?: AgencyActing | null): Promise<void> {
  await inTransaction(async (tx) => {
    const meeting = await loadHead(tx, meetingId)
    const side = actingSide(user, meeting, acting)
    if (!side) fail(404, 'not-found')
    if (!['REQUESTED', 'RESCHEDULE_PROPOSED', 'ACCEPTED'].includes(meeting.status)) fail(409, 'invalid-transition')
    if (meeting.startsAt.getTime() <= now.getTime()) fail(409, 'started')
    const updated = await tx.meeting.updateMany({ where: { id: meeting.id, status: meeting.status }, data: { status: 'CANCELLED' } })
    if (updated.count !== 1) fail(409, 'conflict')
    await freeMeetingTable(tx, meeting.id)
    if (meeting.liveSessionId) await tx.liveSession.update({ where: { id: meeting.liveSessionId }, data: { status: 'CANCELLED' } })
    await auditMeeting(tx, acting, 'meeting.cancel', meeting.id, now)
    const emails = await notifyOtherSide(tx, meeting, side, 'CANCELLED')
    return { result: undefined, emails }
  })
  await cancelMeetingJobs(meetingId)
}

function usdToCents(amount: number | undefined): bigint | null | undefined {
  return amount === undefined ? undefined : BigInt(Math.round(amount * 100))
}

/** After the start, either side records what came of an accepted meeting (and may correct it later). */
export async function recordOutcome(user: SessionUser, meetingId: string, input: OutcomeInput, now: Date, acting?: AgencyActing | null): Promise<void> {
  await inTransaction(async (tx) => {
    const meeting = await loadHead(tx, meetingId)
    const side = actingSide(user, meeting, acting)
    if (!side) fail(404, 'not-found')
    if (!['ACCEPTED', 'HELD', 'NO_SHOW'].includes(meeting.status)) fail(409, 'invalid-transition')
    if (meeting.startsAt.getTime() > now.getTime()) fail(409, 'not-started')
    const updated = await tx.meeting.updateMany({
      where: { id: meeting.id, status: meeting.status },
      data: {
        status: input.status,
        ...(input.consultationValueUsd !== undefined ? { consultationValueUsdCents: usdToCents(input.consultationValueUsd) } : {}),
        ...(input.expectedContractValueUsd !== undefined ? { expectedContractValueUsdCents: usdToCents(input.expectedContractValueUsd) } : {}),
        ...(input.contractValueUsd !== undefined ? { contractValueUsdCents: usdToCents(input.contractValueUsd) } : {}),
        ...(input.nextStep !== undefined ? { nextStep: input.nextStep || null } : {}),
        ...(input.outcomeNotes !== undefined ? { outcomeNotes: input.outcomeNotes || null } : {}),
      },
    })
    if (updated.count !== 1) fail(409, 'conflict')
    if (meeting.liveSessionId && meeting.status === 'ACCEPTED') {
      await tx.liveSession.updateMany({ where: { id: meeting.liveSessionId, status: { in: ['SCHEDULED', 'LIVE'] } }, data: { status: 'ENDED', endedAt: now } })
    }
    await auditMeeting(tx, acting, 'meeting.outcome', meeting.id, now)
    const other = await otherSide(tx, meeting, side)
    const emails =
      meeting.status === input.status
        ? []
        : await notify(tx, {
            userIds: other.userIds,
            kind: 'meeting.updated',
            data: { with: other.senderName, status: input.status },
            link: `/meetings/${meeting.id}`,
            email: false,
          })
    return { result: undefined, emails }
  })
}

// ───────────────────────────── interpreter ─────────────────────────────

/**
 * The organizer of the meeting's fair (or an admin) seats an interpreter — any existing account, found by
 * email — on an accepted meeting that asked for one. One interpreter seat per meeting: seating someone
 * else replaces the previous interpreter. The seat admits them to `/meetings`, the page and the room.
 */
export async function seatInterpreter(user: Pick<SessionUser, 'id' | 'role'>, meetingId: string, email: string): Promise<{ userId: string }> {
  return inTransaction(async (tx) => {
    // Two seatings at once would each delete the interpreter seat the other had not committed yet, then both insert.
    await tx.$queryRaw`SELECT "id" FROM "Meeting" WHERE "id" = ${meetingId} FOR UPDATE`
    const meeting = await tx.meeting.findUnique({
      where: { id: meetingId },
      select: {
        id: true,
        status: true,
        interpreterLanguage: true,
        fair: { select: { organizerId: true } },
        buyer: { select: { companyName: true } },
        company: { select: { name: true } },
        participants: { select: { userId: true, role: true } },
      },
    })
    if (!meeting) fail(404, 'not-found')
    const manager = user.role === 'ADMIN' || (user.role === 'ORGANIZER' && meeting.fair?.organizerId === user.id)
    if (!manager) fail(403, 'forbidden')
    if (meeting.status !== 'ACCEPTED') fail(409, 'invalid-transition')
    if (!meeting.interpreterLanguage) fail(409, 'no-interpreter-needed')
    const interpreter = await tx.user.findFirst({ where: { email: { equals: email.trim(), mode: 'insensitive' } }, select: { id: true } })
    if (!interpreter) fail(400, 'interpreter-unknown')
    const existing = meeting.participants.find((seat) => seat.userId === interpreter.id)
    if (existing && existing.role !== 'INTERPRETER') fail(409, 'interpreter-is-party')
    if (existing) return { result: { userId: interpreter.id }, emails: [] }
    await tx.meetingParticipant.deleteMany({ where: { meetingId: meeting.id, role: 'INTERPRETER' } })
    await tx.meetingParticipant.create({ data: { meetingId: meeting.id, userId: interpreter.id, role: 'INTERPRETER' } })
    const emails = await notify(tx, {
      userIds: [interpreter.id],
      kind: 'meeting.updated',
      data: { with: `${meeting.buyer.companyName} × ${meeting.company.name}`, status: 'ACCEPTED' },
      link: `/meetings/${meeting.id}`,
    })
    return { result: { userId: interpreter.id }, emails }
  })
}
