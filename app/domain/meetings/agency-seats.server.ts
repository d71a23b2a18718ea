// When a company takes MEETINGS back from an export agency (a revoke, or new scopes without it), the exporter
// seats the agency's members took by accepting for the company (seatAcceptedMeeting) go back to the company in
// the same transaction: a seat the grant no longer opens would leave the buyer alone in the room
// (docs/export-agencies.md, Meetings). It is the company's act: nothing is recorded for the agency.
import type { Prisma } from '~/generated/prisma/client'
import { nameIn } from '~/domain/notifications/localized-values'
import { notify } from '~/domain/notifications/notify.server'
import { ROOM_CLOSES_AFTER_MS } from './room-window'

type Tx = Prisma.TransactionClient

type Handover = { companyId: string; agencyId: string; now: Date }

/**
 * The agency's exporter seats in the company's meetings that still have a room: ACCEPTED, room not closed
 * (admitToMeetingRoom). A meeting held or marked (HELD, NO_SHOW), or ACCEPTED with its room closed and its
 * attendance not yet marked, keeps its seat: that seat's join is the exporter side's attendance record.
 */
function liveAgencySeats({ companyId, agencyId, now }: Handover): Prisma.MeetingParticipantWhereInput {
  return {
    role: 'EXPORTER',
    user: { agencyMembership: { agencyId } },
    meeting: { companyId, status: 'ACCEPTED', endsAt: { gt: new Date(now.getTime() - ROOM_CLOSES_AFTER_MS) } },
  }
}

/**
 * Locks the meetings whose seats will move, before the caller writes the grant: an agency's meeting mutation
 * locks its meeting and then reads the grant FOR SHARE (recordAgencyAction), so taking the meetings first keeps
 * one lock order and no deadlock.
 */
export async function lockAgencySeatedMeetings(tx: Tx, handover: Handover): Promise<void> {
  const seats = await tx.meetingParticipant.findMany({ where: liveAgencySeats(handover), select: { meetingId: true } })
  for (const meetingId of [...new Set(seats.map((seat) => seat.meetingId))].sort()) {
    await tx.$queryRaw`SELECT "id" FROM "Meeting" WHERE "id" = ${meetingId} FOR UPDATE`
  }
}

/**
 * Moves the agency's live exporter seats (liveAgencySeats) to `hostUserId`, the company's OWNER making the
 * change, as removing a team member hands theirs to the owner who removes them (removeMember); the company's
 * next hosts (its other owners, then members, oldest first, as the fair schedule seats) only when that owner
 * already sits in the meeting as its interpreter. Only the agency's seats move: the buyer's, the interpreter's
 * and a colleague's exporter seat stay. The seat keeps its first join (a meeting under way: the exporter side
 * did show up), the meeting's private session gets the new host, and its time and buyer stay. The new holder is
 * told in-app and by mail. Call after the grant's write, in its transaction; returns the queued mails and whose
 * seats moved.
 */
export async function handBackAgencySeats(tx: Tx, handover: Handover & { hostUserId: string }): Promise<{ emails: string[]; formerHolders: string[] }> {
  const seats = await tx.meetingParticipant.findMany({
    where: liveAgencySeats(handover),
    orderBy: { meeting: { startsAt: 'asc' } },
    select: {
      userId: true,
      joinedAt: true,
      meeting: {
        select: {
          id: true,
          startsAt: true,
          liveSessionId: true,
          buyer: { select: { companyName: true } },
          company: { select: { timeZone: true } },
          participants: { select: { userId: true, role: true, joinedAt: true } },
        },
      },
    },
  })
  if (seats.length === 0) return { emails: [], formerHolders: [] }
  const [members, agency] = await Promise.all([
    tx.exporterMember.findMany({ where: { companyId: handover.companyId }, orderBy: { createdAt: 'asc' }, select: { userId: true, role: true } }),
    tx.exportAgency.findUniqueOrThrow({ where: { id: handover.agencyId }, select: { name: true, nameI18n: true } }),
  ])
  const hosts = [
    ...new Set([handover.hostUserId, ...members.filter((member) => member.role === 'OWNER').map((member) => member.userId), ...members.map((m) => m.userId)]),
  ]
  const byMeeting = new Map<string, { meeting: (typeof seats)[number]['meeting']; holders: string[]; joinedAt: Date | null }>()
  for (const seat of seats) {
    const entry = byMeeting.get(seat.meeting.id) ?? { meeting: seat.meeting, holders: [], joinedAt: null }
    entry.holders.push(seat.userId)
    if (seat.joinedAt && (!entry.joinedAt || seat.joinedAt < entry.joinedAt)) entry.joinedAt = seat.joinedAt
    byMeeting.set(seat.meeting.id, entry)
  }
  const emails: string[] = []
  const formerHolders = new Set<string>()
  for (const { meeting, holders, joinedAt } of byMeeting.values()) {
    const others = meeting.participants.filter((seat) => !holders.includes(seat.userId))
    // One seat per person and meeting: a host already seated otherwise (the interpreter) cannot take it.
    const host = hosts.find((userId) => others.every((seat) => seat.userId !== userId || seat.role === 'EXPORTER'))
    if (!host) continue
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
    // A newer calendar sequence (meetingIcs), so a downloaded .ics replaces the one naming the agency's member.
    await tx.meeting.update({ where: { id: meeting.id }, data: { updatedAt: handover.now } })
    for (const holder of holders) formerHolders.add(holder)
    // Someone already in the exporter seat gains nothing to hear about.
    if (held) continue
    emails.push(
      ...(await notify(tx, {
        userIds: [host],
        kind: 'meeting.seatHandedBack',
        data: { with: meeting.buyer.companyName },
        localized: { agency: nameIn(agency.name, agency.nameI18n) },
        times: { when: { at: meeting.startsAt, fallbackTimeZone: meeting.company.timeZone } },
        link: `/meetings/${meeting.id}`,
      })),
    )
  }
  return { emails, formerHolders: [...formerHolders] }
}
