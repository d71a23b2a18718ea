import type { MeetingRole } from '~/generated/prisma/client'
import { activeAgencyGrant } from '~/domain/agencies/actor.server'
import { getPrisma } from '~/domain/db.server'
import { DomainError } from '~/domain/errors'
import { roomState } from './room-window'

// Who may enter a meeting's video room, and when: the seated participants of an accepted meeting,
// inside its room window. Used by the `/media` gateway for every join (identity from the session
// cookie, `now` from the request clock); never trusts anything the browser says about itself.

/** `session`: what the media room shows of its live session, read with the seat (one read per join). */
export type MeetingRoomSeat = { meetingId: string; userId: string; name: string; role: MeetingRole; session: { title: string; status: 'SCHEDULED' | 'LIVE' } }

export type MeetingRoomErrorCode = 'not-found' | 'forbidden' | 'early' | 'closed'
const MEETING_ROOM_STATUS = { 'not-found': 404, forbidden: 403, early: 409, closed: 410 } as const

function meetingRoomError(code: MeetingRoomErrorCode, detail: string) {
  return new DomainError<MeetingRoomErrorCode>(code, { status: MEETING_ROOM_STATUS[code], detail })
}

/** True when the live session is a private meeting (its media room admits seats only). */
export async function isMeetingSession(sessionId: string): Promise<boolean> {
  const prisma = await getPrisma()
  const session = await prisma.liveSession.findUnique({ where: { id: sessionId }, select: { kind: true } })
  return session?.kind === 'MEETING'
}

/** The caller's seat in the meeting of this MEETING live session, or a DomainError saying why not. */
export async function admitToMeetingRoom(sessionId: string, userId: string, now: Date): Promise<MeetingRoomSeat> {
  const prisma = await getPrisma()
  const session = await prisma.liveSession.findUnique({
    where: { id: sessionId },
    select: {
      kind: true,
      title: true,
      status: true,
      meeting: {
        select: {
          id: true,
          status: true,
          startsAt: true,
          endsAt: true,
          companyId: true,
          participants: { where: { userId }, select: { role: true, user: { select: { name: true, role: true } } } },
        },
      },
    },
  })
  const meeting = session?.kind === 'MEETING' ? session.meeting : null
  if (!session || !meeting) throw meetingRoomError('not-found', 'No such meeting room.')
  const seat = meeting.participants[0]
  if (!seat) throw meetingRoomError('forbidden', 'Only the participants of this meeting can join its room.')
  // An agency member seated for the company (docs/export-agencies.md) joins only while its MEETINGS grant holds.
  if (seat.user.role === 'AGENCY' && seat.role === 'EXPORTER' && !(await activeAgencyGrant(prisma, userId, meeting.companyId, 'MEETINGS'))) {
    throw meetingRoomError('forbidden', 'Only the participants of this meeting can join its room.')
  }
  if (meeting.status !== 'ACCEPTED' || session.status === 'ENDED' || session.status === 'CANCELLED') {
    throw meetingRoomError('closed', 'This meeting room is closed.')
  }
  const window = roomState(meeting, now)
  if (window.state === 'early') throw meetingRoomError('early', `The room opens at ${window.opensAt.toISOString()}.`)
  if (window.state === 'closed') throw meetingRoomError('closed', 'This meeting is over and its room has closed.')
  return { meetingId: meeting.id, userId, name: seat.user.name, role: seat.role, session: { title: session.title, status: session.status } }
}

/**
 * The first time a seat enters the room (the `/media` join, request clock): what the attendance job reads
 * to tell HELD from NO_SHOW after the meeting (attendance-jobs.server.ts). Later joins keep the first.
 */
export async function recordMeetingRoomJoin(seat: Pick<MeetingRoomSeat, 'meetingId' | 'userId'>, now: Date): Promise<void> {
  const prisma = await getPrisma()
  await prisma.meetingParticipant.updateMany({ where: { meetingId: seat.meetingId, userId: seat.userId, joinedAt: null }, data: { joinedAt: now } })
}
