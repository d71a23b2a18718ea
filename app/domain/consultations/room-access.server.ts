import { getPrisma } from '~/domain/db.server'
import { DomainError } from '~/domain/errors'
import { roomState } from '~/domain/meetings/room-window'

// Who may enter a consultation's video room: exactly its two participants (the officer and the exporter
// who booked), while the consultation is confirmed and inside the room window of meetings
// (app/domain/meetings/room-window.ts). The room is a private MEETING live session, joined through the
// same `/media` gateway as meetings (server/realtime/media-handlers/join.ts); identity comes from the
// session cookie, `now` from the request clock.

export type ConsultationSeatRole = 'ADVISOR' | 'EXPORTER'
export type ConsultationRoomSeat = {
  consultationId: string
  userId: string
  name: string
  role: ConsultationSeatRole
  session: { title: string; status: 'SCHEDULED' | 'LIVE' }
}

export type ConsultationRoomErrorCode = 'not-found' | 'forbidden' | 'early' | 'closed'
const STATUS = { 'not-found': 404, forbidden: 403, early: 409, closed: 410 } as const

function roomError(code: ConsultationRoomErrorCode, detail: string) {
  return new DomainError<ConsultationRoomErrorCode>(code, { status: STATUS[code], detail })
}

/** Who a consultation's room is for, as its participants' ids (the officer still a trade officer). */
export type ConsultationParticipants = { officerUserId: string; officerRole: string; requesterId: string }

/**
 * The one rule of who may be in a consultation's room, for the `/media` gateway (admitToConsultationRoom)
 * and the `/live` namespace (app/domain/live/room-access.server.ts): exactly the officer and the exporter
 * who booked; nobody else, not the exporter's colleagues, not an admin.
 */
export function consultationSeatRole(participants: ConsultationParticipants, userId: string | null): ConsultationSeatRole | null {
  if (userId === null) return null
  if (userId === participants.officerUserId && participants.officerRole === 'TRADE_OFFICER') return 'ADVISOR'
  if (userId === participants.requesterId) return 'EXPORTER'
  return null
}

/**
 * The caller's seat in the consultation whose room is this live session; null when the live session is
 * not a consultation's (the caller then tries the meetings' admission). Throws when it is one and the
 * caller may not enter now.
 */
export async function admitToConsultationRoom(sessionId: string, userId: string, now: Date): Promise<ConsultationRoomSeat | null> {
  const prisma = await getPrisma()
  const consultation = await prisma.consultation.findUnique({
    where: { liveSessionId: sessionId },
    select: {
      id: true,
      status: true,
      startsAt: true,
      endsAt: true,
      requesterId: true,
      requester: { select: { name: true } },
      officer: { select: { userId: true, user: { select: { name: true, role: true } } } },
      liveSession: { select: { title: true, status: true } },
    },
  })
  if (!consultation) return null
  const session = consultation.liveSession
  if (!session) throw roomError('not-found', 'No such consultation room.')
  const role = consultationSeatRole(
    { officerUserId: consultation.officer.userId, officerRole: consultation.officer.user.role, requesterId: consultation.requesterId },
    userId,
  )
  const seat = role === 'ADVISOR' ? { name: consultation.officer.user.name, role } : role === 'EXPORTER' ? { name: consultation.requester.name, role } : null
  if (!seat) throw roomError('forbidden', 'Only the two participants of this consultation can join its room.')
  if (consultation.status !== 'CONFIRMED' || session.status === 'ENDED' || session.status === 'CANCELLED') {
    throw roomError('closed', 'This consultation room is closed.')
  }
  const window = roomState(consultation, now)
  if (window.state === 'early') throw roomError('early', `The room opens at ${window.opensAt.toISOString()}.`)
  if (window.state === 'closed') throw roomError('closed', 'This consultation is over and its room has closed.')
  return { consultationId: consultation.id, userId, ...seat, session: { title: session.title, status: session.status } }
}

/** The first time each side enters the room (later joins keep the first). */
export async function recordConsultationRoomJoin(seat: Pick<ConsultationRoomSeat, 'consultationId' | 'role'>, now: Date): Promise<void> {
  const prisma = await getPrisma()
  if (seat.role === 'ADVISOR') {
    await prisma.consultation.updateMany({ where: { id: seat.consultationId, officerJoinedAt: null }, data: { officerJoinedAt: now } })
  } else {
    await prisma.consultation.updateMany({ where: { id: seat.consultationId, requesterJoinedAt: null }, data: { requesterJoinedAt: now } })
  }
}
