// When a company takes MEETINGS back from an export agency (a revoke, or new scopes without it), the exporter
// seats the agency's members took by accepting for the company (seatAcceptedMeeting) go back to the company in
// the same transaction: a seat the grant no longer opens would leave the buyer alone in the room
// (docs/export-agencies.md, Meetings). It is the company's act: nothing is recorded for the agency.
// Removing an agency member passes their seats on the same way (passOnMemberSeats): to the lead removing them
// while the company's grant still holds MEETINGS, otherwise back to the company.
import type { Prisma } from '~/generated/prisma/client'
import { nameIn } from '~/domain/notifications/localized-values'
import { notify, type NotificationInput } from '~/domain/notifications/notify.server'
import { ROOM_CLOSES_AFTER_MS } from './room-window'

type Tx = Prisma.TransactionClient

/** Whose seats move: the agency's in one company's meetings (a grant change), or one member's (a removal). */
type Handover = { agencyId: string; now: Date } & ({ companyId: string } | { userId: string; departed?: boolean })

/**
 * The agency's exporter seats (in the company's meetings, or the member's) that still have a room: ACCEPTED,
 * room not closed (admitToMeetingRoom). A meeting held or marked (HELD, NO_SHOW), or ACCEPTED with its room
 * closed and its attendance not yet marked, keeps its seat: that seat's join is the exporter side's attendance
 * record.
 */
function liveAgencySeats(handover: Handover): Prisma.MeetingParticipantWhereInput {
  const live = { status: 'ACCEPTED' as const, endsAt: { gt: new Date(handover.now.getTime() - ROOM_CLOSES_AFTER_MS) } }
  return {
    role: 'EXPORTER',
    // A member whose row this transaction deleted (departed) is found by account alone: an AGENCY account's
    // exporter seats are all seats taken for an agency.
    ...(!('departed' in handover && handover.departed) && { user: { agencyMembership: { agencyId: handover.agencyId } } }),
    ...('userId' in handover ? { userId: handover.userId, meeting: live } : { meeting: { ...live, companyId: handover.companyId } }),
  }
}

/**
 * Locks the meetings whose seats will move, before the caller writes the grant or deletes the membership: an
 * agency's meeting mutation locks its meeting and then reads the grant FOR SHARE (recordAgencyAction), so taking
 * the meetings first keeps one lock order and no deadlock.
 */
export async function lockAgencySeatedMeetings(tx: Tx, handover: Handover): Promise<Set<string>> {
  const meetingIds = await agencySeatedMeetingIds(tx, handover)
  for (const meetingId of meetingIds) {
    await tx.$queryRaw`SELECT "id" FROM "Meeting" WHERE "id" = ${meetingId} FOR UPDATE`
  }
  return new Set(meetingIds)
}

/** The meetings of the live seats (liveAgencySeats), in lock order. */
export async function agencySeatedMeetingIds(tx: Tx, handover: Handover): Promise<string[]> {
  const seats = await tx.meetingParticipant.findMany({ where: liveAgencySeats(handover), select: { meetingId: true } })
  return [...new Set(seats.map((seat) => seat.meetingId))].sort()
}

/** The live seats, one entry per meeting (a meeting may seat two of the agency's members). */
async function liveSeatsByMeeting(tx: Tx, handover: Handover) {
  const seats = await tx.meetingParticipant.findMany({
    where: liveAgencySeats(handover),
    orderBy: { meeting: { startsAt: 'asc' } },
    select: {
      userId: true,
      joinedAt: true,
      meeting: {
        select: {
          id: true,
          companyId: true,
          startsAt: true,
          liveSessionId: true,
          buyer: { select: { companyName: true, timeZone: true } },
          company: { select: { timeZone: true, name: true, nameI18n: true } },
          participants: { select: { userId: true, role: true, joinedAt: true } },
        },
      },
    },
  })
  const byMeeting = new Map<string, SeatMove>()
  for (const seat of seats) {
    const entry = byMeeting.get(seat.meeting.id) ?? { meeting: seat.meeting, holders: [], joinedAt: null }
    entry.holders.push(seat.userId)
    if (seat.joinedAt && (!entry.joinedAt || seat.joinedAt < entry.joinedAt)) entry.joinedAt = seat.joinedAt
    byMeeting.set(seat.meeting.id, entry)
  }
  return [...byMeeting.values()]
}

type SeatMove = {
  meeting: {
    id: string
    companyId: string
    startsAt: Date
    liveSessionId: string | null
    buyer: { companyName: string; timeZone: string }
    company: { timeZone: string; name: string; nameI18n: Prisma.JsonValue }
    participants: Array<{ userId: string; role: string; joinedAt: Date | null }>
  }
  holders: string[]
  /** The holders' first join: a meeting under way keeps it (the exporter side did show up). */
  joinedAt: Date | null
}

/** The company's hosts, as the fair schedule seats: its owners, then its members, oldest first. */
async function companyHosts(tx: Tx, companyId: string): Promise<string[]> {
  const members = await tx.exporterMember.findMany({ where: { companyId }, orderBy: { createdAt: 'asc' }, select: { userId: true, role: true } })
  return [...members.filter((member) => member.role === 'OWNER'), ...members.filter((member) => member.role !== 'OWNER')].map((member) => member.userId)
}

type Notice = Pick<NotificationInput, 'kind' | 'data' | 'localized'>

/**
 * Moves one meeting's seat from its holders to the first of `hosts` not seated otherwise (one seat per person
 * and meeting: the interpreter cannot take it). The seat keeps its first join, the meeting's private session
 * gets the new host, the .ics sequence moves on, and the new holder and the buyer are told in-app and by mail
 * (when someone already in the exporter seat keeps it, nobody has anything to hear about). Null when no host can take it: the seat stays.
 */
async function moveSeat(tx: Tx, { meeting, holders, joinedAt }: SeatMove, hosts: readonly string[], notice: Notice, now: Date) {
  const others = meeting.participants.filter((seat) => !holders.includes(seat.userId))
  const host = hosts.find((userId) => others.every((seat) => seat.userId !== userId || seat.role === 'EXPORTER'))
  if (!host) return null
  await tx.meetingParticipant.deleteMany({ where: { meetingId: meeting.id, userId: { in: holders } } })
  const held = others.find((seat) => seat.userId === host)
  if (!held) {
    await tx.meetingParticipant.create({ data: { meetingId: meeting.id, userId: host, role: 'EXPORTER', joinedAt } })
  } else if (joinedAt && (!held.joinedAt || joinedAt < held.joinedAt)) {
    await tx.meetingParticipant.update({ where: { meetingId_userId: { meetingId: meeting.id, userId: host } }, data: { joinedAt } })
  }
  if (meeting.liveSessionId) {
    await tx.liveSession.updateMany({
      where: { id: meeting.liveSessionId, hostId: { in: holders }, status: { in: ['SCHEDULED', 'LIVE'] } },
      data: { hostId: host },
    })
  }
  // A newer calendar sequence (meetingIcs), so a downloaded .ics replaces the one naming the former holder.
  await tx.meeting.update({ where: { id: meeting.id }, data: { updatedAt: now } })
  if (held) return { host, emails: [] }
  const link = `/meetings/${meeting.id}`
  const emails = await notify(tx, {
    userIds: [host],
    kind: notice.kind,
    data: { ...notice.data, with: meeting.buyer.companyName },
    localized: notice.localized,
    times: { when: { at: meeting.startsAt, fallbackTimeZone: meeting.company.timeZone } },
    link,
  })
  // The buyer meets someone else now: they hear who, and that a calendar file downloaded again names them.
  const buyers = meeting.participants.filter((seat) => seat.role === 'BUYER').map((seat) => seat.userId)
  if (buyers.length > 0) {
    const hostUser = await tx.user.findUniqueOrThrow({ where: { id: host }, select: { name: true } })
    emails.push(
      ...(await notify(tx, {
        userIds: buyers,
        kind: 'meeting.hostChanged',
        data: { host: hostUser.name },
        localized: { company: nameIn(meeting.company.name, meeting.company.nameI18n) },
        times: { when: { at: meeting.startsAt, fallbackTimeZone: meeting.buyer.timeZone } },
        link,
      })),
    )
  }
  return { host, emails }
}

type Moved = { emails: string[]; formerHolders: Array<{ userId: string; companyId: string }> }

async function agencyName(tx: Tx, agencyId: string) {
  const agency = await tx.exportAgency.findUniqueOrThrow({ where: { id: agencyId }, select: { name: true, nameI18n: true } })
  return nameIn(agency.name, agency.nameI18n)
}

/**
 * Moves the agency's live exporter seats (liveAgencySeats) to `hostUserId`, the company's OWNER making the
 * change, as removing a team member hands theirs to the owner who removes them (removeMember); the company's
 * next hosts (companyHosts) only when that owner already sits in the meeting as its interpreter. Only the
 * agency's seats move: the buyer's, the interpreter's and a colleague's exporter seat stay; the meeting's time
 * and buyer stay (moveSeat). Call after the grant's write, in its transaction; returns the queued mails and
 * whose seats moved.
 */
export async function handBackAgencySeats(
  tx: Tx,
  handover: { companyId: string; agencyId: string; now: Date; hostUserId: string },
): Promise<{ emails: string[]; formerHolders: string[] }> {
  const moves = await liveSeatsByMeeting(tx, handover)
  if (moves.length === 0) return { emails: [], formerHolders: [] }
  const hosts = [...new Set([handover.hostUserId, ...(await companyHosts(tx, handover.companyId))])]
  const notice: Notice = { kind: 'meeting.seatHandedBack', data: {}, localized: { agency: await agencyName(tx, handover.agencyId) } }
  const emails: string[] = []
  const formerHolders = new Set<string>()
  for (const move of moves) {
    const moved = await moveSeat(tx, move, hosts, notice, handover.now)
    if (!moved) continue
    emails.push(...moved.emails)
    for (const holder of move.holders) formerHolders.add(holder)
  }
  return { emails, formerHolders: [...formerHolders] }
}

/**
 * Passes a removed agency member's live exporter seats on (docs/export-agencies.md, Meetings): to `lead`, the
 * agency's LEAD removing them on the team page, while the meeting's company still grants the agency MEETINGS
 * (read FOR SHARE, as recordAgencyAction does: a revoke waits, or is waited for and seen), so the seat stays the
 * agency's and `onLeadSeat` records it in the agency's log; otherwise (an admin's removal, or a grant without
 * MEETINGS) back to the company's hosts (companyHosts), as a revoke does. Call after lockAgencySeatedMeetings and
 * before the membership's delete (the seats are found through it), in its transaction; and once more after the
 * delete with `departed` (found by account), for seats an accept committed while the delete waited for it.
 */
export async function passOnMemberSeats(
  tx: Tx,
  removal: {
    agencyId: string
    userId: string
    now: Date
    departed?: boolean
    lead?: { userId: string; onLeadSeat: (meetingId: string, companyId: string) => Promise<void> }
  },
): Promise<Moved> {
  const moves = await liveSeatsByMeeting(tx, removal)
  if (moves.length === 0) return { emails: [], formerHolders: [] }
  const member = await tx.user.findUniqueOrThrow({ where: { id: removal.userId }, select: { name: true } })
  const notice: Notice = { kind: 'meeting.seatPassedOn', data: { member: member.name }, localized: { agency: await agencyName(tx, removal.agencyId) } }
  const emails: string[] = []
  const formerHolders: Moved['formerHolders'] = []
  for (const move of moves) {
    const { companyId } = move.meeting
    const lead = removal.lead && (await grantHoldsMeetings(tx, companyId, removal.agencyId)) ? removal.lead : null
    const hosts = [...new Set([...(lead ? [lead.userId] : []), ...(await companyHosts(tx, companyId))])]
    const moved = await moveSeat(tx, move, hosts, notice, removal.now)
    if (!moved) continue
    if (moved.host === lead?.userId) await lead.onLeadSeat(move.meeting.id, companyId)
    emails.push(...moved.emails)
    if (!formerHolders.some((former) => former.companyId === companyId)) formerHolders.push({ userId: removal.userId, companyId })
  }
  return { emails, formerHolders }
}

async function grantHoldsMeetings(tx: Tx, companyId: string, agencyId: string): Promise<boolean> {
  // Scopes read as text: the PGlite adapter mishandles enum arrays (see activeAgencyGrant).
  const [grant] = await tx.$queryRaw<Array<{ scopes: string[] }>>`
    SELECT "scopes"::text[] AS "scopes" FROM "AgencyGrant"
    WHERE "companyId" = ${companyId} AND "agencyId" = ${agencyId} AND "revokedAt" IS NULL FOR SHARE`
  return grant?.scopes.includes('MEETINGS') ?? false
}
