import { getPrisma } from '~/domain/db.server'
import type { RoomIdentity } from './room-identity'

export type RoomContext = {
  sessionId: string
  companyId: string
  status: 'SCHEDULED' | 'LIVE' | 'ENDED' | 'CANCELLED'
  isPublic: boolean
  /** A member of the exporter company hosting the session: pins products, moderates. */
  isHost: boolean
  canModerate: boolean
  blockedWords: string[]
  slowModeSeconds: number
}

export class RoomAccessError extends Error {
  constructor(readonly code: 'not-found' | 'forbidden' | 'unauthenticated') {
    super(code)
  }
}

/**
 * What this identity may do in this session's room. Public showcases admit guests; other sessions
 * need a signed-in account (private meetings are for their participants only).
 */
export async function loadRoomContext(sessionId: string, identity: RoomIdentity): Promise<RoomContext> {
  const prisma = await getPrisma()
  const session = await prisma.liveSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      kind: true,
      status: true,
      isPublic: true,
      companyId: true,
      slowModeSeconds: true,
      company: { select: { blockedWords: true } },
      fair: { select: { organizerId: true } },
      moderators: { select: { userId: true } },
      meeting: { select: { participants: { select: { userId: true } } } },
    },
  })
  if (!session) throw new RoomAccessError('not-found')
  const userId = identity.kind === 'user' ? identity.userId : null
  const isHost = identity.kind === 'user' && identity.companyId === session.companyId
  if (session.kind === 'MEETING') {
    const participant = session.meeting?.participants.some((p) => p.userId === userId) ?? false
    if (!participant && !isHost) throw new RoomAccessError(identity.kind === 'guest' ? 'unauthenticated' : 'forbidden')
  } else if (!session.isPublic && identity.kind === 'guest') {
    throw new RoomAccessError('unauthenticated')
  }
  const canModerate =
    isHost ||
    (userId !== null && session.moderators.some((m) => m.userId === userId)) ||
    (identity.kind === 'user' && identity.role === 'ORGANIZER' && session.fair?.organizerId === userId) ||
    (identity.kind === 'user' && identity.role === 'ADMIN')
  return {
    sessionId: session.id,
    companyId: session.companyId,
    status: session.status,
    isPublic: session.isPublic,
    isHost,
    canModerate,
    blockedWords: session.company.blockedWords,
    slowModeSeconds: session.slowModeSeconds,
  }
}
