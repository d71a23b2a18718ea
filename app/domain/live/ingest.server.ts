import { getPrisma } from '~/domain/db.server'
import { DomainError } from '~/domain/errors'
import { maskSecret, openSecret, sealSecret } from '~/utils/sealed-secrets.server'
import { announceIngestRevoked } from './ingest-status.server'
import { assertShowcaseManagement } from './room-access.server'
import { recordAgencyAction } from '~/domain/agencies/actor.server'
import { hashIngestToken, IngestTokenSchema, newIngestToken, sameToken } from './ingest-token.server'
import { resolveStudioIngest } from '~/domain/studio/studio.server'

// Encoder ingest (issue 17, docs/decisions/018): one secret per showcase, used as the WHIP bearer token and
// as the RTMP stream key. Stored sealed, found by its SHA-256 (no row is opened to find a token), compared
// in constant time, never logged. Rotating it revokes the old one at once.

export { hashIngestToken, IngestTokenSchema, newIngestToken, sameToken }

export type IngestCredential = {
  /** The token, for the showcase's managers only (copy button); never logged. */
  token: string
  masked: string
  rotatedAt: Date
} | null

/** The studio's view of the ingest secret (managers of the showcase only). */
export async function ingestCredentialFor(sessionId: string, userId: string): Promise<IngestCredential> {
  await assertShowcaseManagement(sessionId, userId, 'manage:showcase:own')
  const prisma = await getPrisma()
  const row = await prisma.showcaseIngest.findUnique({ where: { sessionId } })
  if (!row) return null
  const token = openSecret(row.tokenSealed)
  return { token, masked: maskSecret(token), rotatedAt: row.rotatedAt }
}

/**
 * A new ingest secret (the first one, or one in place of the old, which stops working now). An agency's
 * rotation is recorded (ingest.rotate) in the transaction that stores the secret.
 */
export async function rotateIngestToken(sessionId: string, userId: string, now: Date): Promise<string> {
  const acting = await assertShowcaseManagement(sessionId, userId, 'manage:showcase:own')
  const prisma = await getPrisma()
  const session = await prisma.liveSession.findUnique({ where: { id: sessionId }, select: { kind: true, status: true } })
  if (!session) throw new DomainError('not-found', { status: 404 })
  if (session.kind !== 'SHOWCASE') throw new DomainError('ingest-not-showcase', { status: 409, messageKey: 'ingest.errors.notShowcase' })
  const token = newIngestToken()
  const data = { tokenSealed: sealSecret(token), tokenHash: hashIngestToken(token), rotatedAt: now, rotatedById: userId }
  await prisma.$transaction(async (tx) => {
    await tx.showcaseIngest.upsert({ where: { sessionId }, create: { sessionId, ...data }, update: data })
    if (acting) await recordAgencyAction(tx, acting, { action: 'ingest.rotate', targetType: 'showcase', targetId: sessionId, scope: 'SHOWCASES' }, now)
  })
  announceIngestRevoked(sessionId)
  return token
}

/** Turns encoder ingest off for the showcase (the secret is gone; a new one is made by rotating); an agency's is recorded (ingest.revoke). */
export async function revokeIngestToken(sessionId: string, userId: string, now: Date): Promise<void> {
  const acting = await assertShowcaseManagement(sessionId, userId, 'manage:showcase:own')
  const prisma = await getPrisma()
  await prisma.$transaction(async (tx) => {
    const removed = await tx.showcaseIngest.deleteMany({ where: { sessionId } })
    if (acting && removed.count > 0)
      await recordAgencyAction(tx, acting, { action: 'ingest.revoke', targetType: 'showcase', targetId: sessionId, scope: 'SHOWCASES' }, now)
  })
  announceIngestRevoked(sessionId)
}

export type IngestTarget = { sessionId: string; hostId: string; status: 'SCHEDULED' | 'LIVE' | 'ENDED' | 'CANCELLED'; title: string }

/** The WHIP path segment in place of a showcase id for the studio's ingest key (`/whip/studio`): the slot decides the showcase. */
export const STUDIO_INGEST_SEGMENT = 'studio'

export type IngestResolution =
  | { target: IngestTarget; studioBookingId?: string }
  /**
   * unknown: malformed, wrong or revoked token; studio-no-slot: the studio's key outside every approved slot;
   * studio-slot-ambiguous: the studio's key with no showcase named while several approved bookings are on air.
   */
  | { target: null; reason: 'unknown' | 'studio-no-slot' | 'studio-slot-ambiguous'; message: string }

const UNKNOWN_TOKEN = { target: null, reason: 'unknown', message: 'The ingest token is wrong or was revoked.' } as const

/**
 * The one place an ingest token is resolved (WHIP and RTMP): a showcase's own token opens that showcase;
 * the studio's ingest key (docs/studio-booking.md) opens the showcase of the APPROVED studio booking whose
 * slot is on at `now` (with a short lead-in), and is refused outside every slot with a clear reason.
 * Tokens are looked up by their hash and compared in constant time. With `sessionId`, a token of another
 * showcase is refused (the studio key also answers at `/whip/studio`).
 */
export async function resolveIngest(token: string, sessionId: string | undefined, now: Date): Promise<IngestResolution> {
  if (!IngestTokenSchema.safeParse(token).success) return UNKNOWN_TOKEN
  const prisma = await getPrisma()
  const row = await prisma.showcaseIngest.findUnique({
    where: { tokenHash: hashIngestToken(token) },
    select: { sessionId: true, tokenSealed: true, session: { select: { hostId: true, status: true, kind: true, title: true } } },
  })
  if (!row) {
    const studio = await resolveStudioIngest(token, now, sessionId === STUDIO_INGEST_SEGMENT ? undefined : sessionId)
    if (studio.kind === 'not-studio' || studio.kind === 'other-showcase') return UNKNOWN_TOKEN
    if (studio.kind === 'no-slot') {
      return {
        target: null,
        reason: 'studio-no-slot',
        message: `No approved booking of ${studio.studioName} is on air now: the studio key opens a showcase only during its slot.`,
      }
    }
    if (studio.kind === 'ambiguous') {
      return {
        target: null,
        reason: 'studio-slot-ambiguous',
        message: `${studio.titles.length} approved bookings of ${studio.studioName} are on air now: use the WHIP URL /whip/<showcase id> of the showcase this encoder feeds (RTMP cannot name it).`,
      }
    }
    return { target: { sessionId: studio.sessionId, hostId: studio.hostId, status: studio.status, title: studio.title }, studioBookingId: studio.bookingId }
  }
  if (row.session.kind !== 'SHOWCASE') return UNKNOWN_TOKEN
  let stored: string
  try {
    stored = openSecret(row.tokenSealed)
  } catch {
    return UNKNOWN_TOKEN
  }
  if (!sameToken(token, stored)) return UNKNOWN_TOKEN
  if (sessionId !== undefined && row.sessionId !== sessionId) return UNKNOWN_TOKEN
  return { target: { sessionId: row.sessionId, hostId: row.session.hostId, status: row.session.status, title: row.session.title } }
}

/**
 * The showcase a presented token opens, or null (unknown, malformed or revoked token; a token of another
 * showcase when `sessionId` is given; the studio key outside its slots).
 */
export async function findIngestTarget(token: string, sessionId?: string, now: Date = new Date()): Promise<IngestTarget | null> {
  return (await resolveIngest(token, sessionId, now)).target
}
