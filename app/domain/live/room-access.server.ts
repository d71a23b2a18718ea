import { getPrisma } from '~/domain/db.server'
import { DomainError } from '~/domain/errors'
import { type CompanyPermission, companyRoleHasPermission } from '~/domain/accounts/permissions'
import { type AgencyActing, activeAgencyGrant } from '~/domain/agencies/actor.server'
import type { RoomIdentity } from './room-identity'
import { type ConsultationParticipants, consultationSeatRole } from '~/domain/consultations/room-access.server'

export type RoomContext = {
  sessionId: string
  companyId: string
  status: 'SCHEDULED' | 'LIVE' | 'ENDED' | 'CANCELLED'
  isPublic: boolean
  /** A member of the exporter company hosting the session, or of an agency running its showcases: pins products, moderates. */
  isHost: boolean
  canModerate: boolean
  blockedWords: string[]
  slowModeSeconds: number
}

export type RoomAccessErrorCode = 'not-found' | 'forbidden' | 'unauthenticated'
const ROOM_ACCESS_STATUS = { 'not-found': 404, forbidden: 403, unauthenticated: 401 } as const

function roomAccessError(code: RoomAccessErrorCode) {
  return new DomainError<RoomAccessErrorCode>(code, { status: ROOM_ACCESS_STATUS[code] })
}

/** What a session's room rules depend on, whoever asks (cacheable for a moment per process). */
export type SessionFacts = {
  id: string
  kind: 'SHOWCASE' | 'MEETING'
  title: string
  status: RoomContext['status']
  isPublic: boolean
  companyId: string
  slowModeSeconds: number
  blockedWords: string[]
  organizerId: string | null
  moderatorIds: string[]
  meetingParticipantIds: string[]
  /**
   * Members of the export agencies whose active grant from the company holds SHOWCASES: they run the
   * company's showcases for it (ADR 026), so in a showcase's room they are hosts like its members.
   */
  agencyHostIds: string[]
  /** Set when the session is a trade-officer consultation's private room: only its two participants. */
  consultation?: ConsultationParticipants | null
}

export async function loadSessionFacts(sessionId: string): Promise<SessionFacts> {
  const prisma = await getPrisma()
  const session = await prisma.liveSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      kind: true,
      title: true,
      status: true,
      isPublic: true,
      companyId: true,
      slowModeSeconds: true,
      company: {
        select: {
          blockedWords: true,
          // Scopes are filtered below, not in SQL (the PGlite adapter mishandles enum array filters, see actor.server.ts).
          agencyGrants: { where: { revokedAt: null }, select: { scopes: true, agency: { select: { members: { select: { userId: true } } } } } },
        },
      },
      fair: { select: { organizerId: true } },
      moderators: { select: { userId: true } },
      meeting: { select: { participants: { select: { userId: true } } } },
      consultation: { select: { requesterId: true, officer: { select: { userId: true, user: { select: { role: true } } } } } },
    },
  })
  if (!session) throw roomAccessError('not-found')
  return {
    id: session.id,
    kind: session.kind,
    title: session.title,
    status: session.status,
    isPublic: session.isPublic,
    companyId: session.companyId,
    slowModeSeconds: session.slowModeSeconds,
    blockedWords: session.company.blockedWords,
    organizerId: session.fair?.organizerId ?? null,
    moderatorIds: session.moderators.map((m) => m.userId),
    meetingParticipantIds: session.meeting?.participants.map((p) => p.userId) ?? [],
    agencyHostIds: session.company.agencyGrants
      .filter((grant) => grant.scopes.includes('SHOWCASES'))
      .flatMap((grant) => grant.agency.members.map((m) => m.userId)),
    consultation: session.consultation
      ? {
          officerUserId: session.consultation.officer.userId,
          officerRole: session.consultation.officer.user.role,
          requesterId: session.consultation.requesterId,
        }
      : null,
  }
}

/**
 * The host rule: members of the exporter company hosting the session, and in a showcase the members of an
 * agency the company granted SHOWCASES (they pin, moderate, broadcast, and cannot be sanctioned there).
 */
export function isSessionHost(session: Pick<SessionFacts, 'companyId' | 'kind' | 'agencyHostIds'>, identity: RoomIdentity): boolean {
  if (identity.kind !== 'user') return false
  if (identity.companyId === session.companyId) return true
  return session.kind === 'SHOWCASE' && session.agencyHostIds.includes(identity.userId)
}

/**
 * What this identity may do in this session's room. Public showcases admit guests; other sessions
 * need a signed-in account (private meetings are for their participants only).
 */
export function roomContextFor(session: SessionFacts, identity: RoomIdentity): RoomContext {
  const userId = identity.kind === 'user' ? identity.userId : null
  if (session.consultation) {
    // A consultation's room follows the /media rule (consultationSeatRole): exactly the officer and the
    // exporter who booked. The exporter's colleagues are not hosts there, and nobody moderates.
    if (consultationSeatRole(session.consultation, userId) === null) throw roomAccessError(identity.kind === 'guest' ? 'unauthenticated' : 'forbidden')
    return {
      sessionId: session.id,
      companyId: session.companyId,
      status: session.status,
      isPublic: false,
      isHost: false,
      canModerate: false,
      blockedWords: session.blockedWords,
      slowModeSeconds: session.slowModeSeconds,
    }
  }
  const isHost = isSessionHost(session, identity)
  if (session.kind === 'MEETING') {
    const participant = userId !== null && session.meetingParticipantIds.includes(userId)
    if (!participant && !isHost) throw roomAccessError(identity.kind === 'guest' ? 'unauthenticated' : 'forbidden')
  } else if (!session.isPublic && identity.kind === 'guest') {
    throw roomAccessError('unauthenticated')
  }
  const canModerate =
    isHost ||
    (userId !== null && session.moderatorIds.includes(userId)) ||
    (identity.kind === 'user' && identity.role === 'ORGANIZER' && session.organizerId === userId) ||
    (identity.kind === 'user' && identity.role === 'ADMIN')
  return {
    sessionId: session.id,
    companyId: session.companyId,
    status: session.status,
    isPublic: session.isPublic,
    isHost,
    canModerate,
    blockedWords: session.blockedWords,
    slowModeSeconds: session.slowModeSeconds,
  }
}

/** What a showcase's company may do with it beyond chat moderation (see permissions.ts). */
export type ShowcaseManagement = Extract<CompanyPermission, 'manage:showcase:own' | 'manage:blocked-words:own'>

/**
 * Throws `forbidden` unless this user may, right now, do `permission` on the session: a member of
 * the hosting company whose company role grants it, or, for going live and ending, the member who
 * hosts this showcase (LiveSession.hostId); or, for 'manage:showcase:own' on a showcase only (never the
 * blocked words), a member of an agency whose active grant from the company holds SHOWCASES (ADR 026).
 * Read from the database at each call, so a role lowered, a membership removed or a grant revoked since
 * the socket connected counts at once. Chat moderation stays with every member (roomContextFor).
 *
 * Returns the acting agency when the user manages the showcase as an agency's member (null for the company's
 * own members): the mutation records it with recordAgencyAction in its transaction, which reads the grant again.
 */
export async function assertShowcaseManagement(sessionId: string, userId: string, permission: ShowcaseManagement): Promise<AgencyActing | null> {
  const prisma = await getPrisma()
  const [session, member] = await Promise.all([
    prisma.liveSession.findUnique({ where: { id: sessionId }, select: { companyId: true, hostId: true, kind: true } }),
    prisma.exporterMember.findUnique({ where: { userId }, select: { companyId: true, role: true } }),
  ])
  if (!session) throw roomAccessError('not-found')
  if (!member) {
    // An agency's member: never through hostId (a showcase they created stays theirs only while the grant holds).
    if (permission !== 'manage:showcase:own' || session.kind !== 'SHOWCASE') throw roomAccessError('forbidden')
    const [grant, user] = await Promise.all([
      activeAgencyGrant(prisma, userId, session.companyId, 'SHOWCASES'),
      prisma.user.findUnique({ where: { id: userId }, select: { id: true, name: true } }),
    ])
    if (!grant || !user) throw roomAccessError('forbidden')
    return { user, agency: grant.agency, company: grant.company, scopes: grant.scopes }
  }
  if (member.companyId !== session.companyId) throw roomAccessError('forbidden')
  if (companyRoleHasPermission(member.role, permission)) return null
  if (permission === 'manage:showcase:own' && session.hostId === userId) return null
  throw roomAccessError('forbidden')
}
