import { getPrisma } from '~/domain/db.server'
import { DomainError } from '~/domain/errors'
import type { SessionUser } from '~/domain/accounts/session.server'
import { recordAgencyAction } from '~/domain/agencies/actor.server'
import { assertShowcaseManagement, loadSessionFacts, roomContextFor, type SessionFacts } from '~/domain/live/room-access.server'
import { visitorIdentity } from '~/domain/live/sessions.server'
import { composeVodPlaylist, parseMediaPlaylist, partDurationMs, partPlaylistName, type PartPlaylist } from './playlist'
import type { RecordingStorage } from './storage.server'
import type { RECORDING_STOP_REASONS } from '~/protocol/media'

/** Why a recording stopped before its showcase ended (shown to the host, kept on the row). */
export type RecordingStopReason = (typeof RECORDING_STOP_REASONS)[number]

/** The local VOD playlist (relative segment names) that ffprobe, clip cutting and backups read. */
export const LOCAL_INDEX = 'index.m3u8'
export const POSTER_FILE = 'poster.jpg'
/** A still of the latest segment, refreshed while the show is live (the directory's preview). */
export const LIVE_PREVIEW_FILE = 'preview.jpg'

/**
 * A showcase that goes live gets its recording row, unless its host turned recording off or its fair's
 * replay policy is OFF. The replay is published at once unless the fair reviews replays first. Going live
 * again (a resume) keeps the same recording: its next part continues it.
 */
export async function openRecording(sessionId: string, now: Date): Promise<{ recordingId: string } | null> {
  const prisma = await getPrisma()
  const session = await prisma.liveSession.findUnique({
    where: { id: sessionId },
    select: { kind: true, recordingEnabled: true, fair: { select: { replayPolicy: true } }, recording: { select: { id: true, status: true } } },
  })
  if (session?.kind !== 'SHOWCASE') return null
  if (session.recording) return session.recording.status === 'REMOVED' ? null : { recordingId: session.recording.id }
  if (!session.recordingEnabled || session.fair?.replayPolicy === 'OFF') return null
  const recording = await prisma.recording.upsert({
    where: { sessionId },
    update: {},
    create: { sessionId, startedAt: now, published: session.fair?.replayPolicy !== 'REVIEW' },
    select: { id: true },
  })
  return { recordingId: recording.id }
}

/** The next part of a recording (numbered from 0), starting at `startedAt`. */
export async function openPart(recordingId: string, startedAt: Date): Promise<number> {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const last = await tx.recordingPart.findFirst({ where: { recordingId }, orderBy: { index: 'desc' }, select: { index: true } })
    const index = (last?.index ?? -1) + 1
    await tx.recordingPart.create({ data: { recordingId, index, startedAt } })
    await tx.recording.update({ where: { id: recordingId }, data: { status: 'RECORDING', stoppedReason: null } })
    return index
  })
}

/** The part's media started flowing (its consumers resumed): the instant playback offsets count from. */
export async function markPartStarted(recordingId: string, index: number, startedAt: Date): Promise<void> {
  const prisma = await getPrisma()
  await prisma.recordingPart.update({ where: { recordingId_index: { recordingId, index } }, data: { startedAt } })
}

/** The parts as written on disk (complete segments only), with their start instants from the database. */
export async function loadPartPlaylists(recordingId: string, storage: RecordingStorage): Promise<PartPlaylist[]> {
  const prisma = await getPrisma()
  const parts = await prisma.recordingPart.findMany({ where: { recordingId }, orderBy: { index: 'asc' }, select: { index: true, startedAt: true } })
  return Promise.all(
    parts.map(async (part) => {
      const text = await storage.readText(recordingId, partPlaylistName(part.index))
      const parsed = text ? parseMediaPlaylist(text, part.index) : { segments: [], ended: false }
      return { index: part.index, startedAt: part.startedAt, ...parsed }
    }),
  )
}

/**
 * Writes what is on disk into the database and the local index: each part's length, the total, and,
 * when `final`, the status (READY with media, FAILED without). Safe to run at any time and again: after
 * a part ends, when the show ends, and at start-up for recordings a crash left unfinished.
 */
export async function syncRecording(
  recordingId: string,
  storage: RecordingStorage,
  options: { final: boolean; now: Date; stoppedReason?: RecordingStopReason },
): Promise<{ durationMs: number; parts: PartPlaylist[] }> {
  const prisma = await getPrisma()
  const parts = await loadPartPlaylists(recordingId, storage)
  const durationMs = parts.reduce((sum, part) => sum + partDurationMs(part), 0)
  await storage.writeText(recordingId, LOCAL_INDEX, composeVodPlaylist(parts, { ended: options.final, urlOf: (file) => file }))
  const hasPoster = (await storage.readText(recordingId, POSTER_FILE).catch(() => null)) !== null
  await prisma.$transaction([
    ...parts.map((part) =>
      prisma.recordingPart.update({
        where: { recordingId_index: { recordingId, index: part.index } },
        data: { durationMs: partDurationMs(part), ...(options.final || part.ended ? { endedAt: options.now } : {}) },
      }),
    ),
    prisma.recording.updateMany({
      where: { id: recordingId, status: { not: 'REMOVED' } },
      data: {
        durationMs,
        hasPoster,
        ...(options.stoppedReason ? { stoppedReason: options.stoppedReason } : {}),
        ...(options.final ? { status: durationMs > 0 ? 'READY' : 'FAILED', finalizedAt: options.now } : {}),
      },
    }),
  ])
  return { durationMs, parts }
}

/** Recordings still marked RECORDING whose showcase is over: a crash or restart left them for start-up. */
export async function recordingsToFinalize(): Promise<string[]> {
  const prisma = await getPrisma()
  const rows = await prisma.recording.findMany({
    where: { status: 'RECORDING', session: { status: { in: ['ENDED', 'CANCELLED'] } } },
    select: { id: true },
  })
  return rows.map((row) => row.id)
}

export type ReplayVisitor = SessionUser | null

const notFound = () => new DomainError('not-found', { status: 404 })

/** The room facts of a showcase; a meeting or an unknown id is `not-found` (404), like a hidden replay. */
export async function showcaseFactsOr404(sessionId: string): Promise<SessionFacts> {
  let facts: SessionFacts
  try {
    facts = await loadSessionFacts(sessionId)
  } catch {
    throw notFound()
  }
  if (facts.kind !== 'SHOWCASE') throw notFound()
  return facts
}

/** Members of the hosting company, the fair's organizer and admins see unpublished replays and manage them. */
export function canManageReplay(facts: Pick<SessionFacts, 'companyId' | 'organizerId'>, visitor: ReplayVisitor): boolean {
  if (!visitor) return false
  if (visitor.role === 'ADMIN') return true
  if (visitor.role === 'ORGANIZER' && facts.organizerId === visitor.id) return true
  return visitor.exporterMember?.company.id === facts.companyId
}

/**
 * The recording of a showcase as this visitor may see it. Everyone else gets `not-found` (404) for a
 * recording that is unpublished, removed, failed or absent, and for a showcase they could not watch
 * live (a private showcase needs a signed-in account). `phase: 'live'` is the recording still being
 * written (the live HLS fallback); `'replay'` is a finished one.
 */
export async function recordingForVisitor(sessionId: string, visitor: ReplayVisitor, phase: 'live' | 'replay') {
  const prisma = await getPrisma()
  const facts = await showcaseFactsOr404(sessionId)
  const recording = await prisma.recording.findUnique({ where: { sessionId } })
  if (!recording || recording.status === 'REMOVED') throw notFound()
  const canManage = canManageReplay(facts, visitor)
  if (phase === 'replay' && recording.status !== 'READY') throw notFound()
  if (phase === 'live' && (facts.status !== 'LIVE' || recording.status !== 'RECORDING')) throw notFound()
  if (!canManage) {
    if (phase === 'replay' && !recording.published) throw notFound()
    try {
      roomContextFor(facts, visitorIdentity(visitor, visitor?.locale ?? 'en'))
    } catch {
      throw notFound()
    }
  }
  return { recording, facts, canManage }
}

/** What the studio shows about recording before the show: the host's switch and the fair's rule over it. */
export async function studioRecordingSettings(sessionId: string) {
  const prisma = await getPrisma()
  const session = await prisma.liveSession.findUniqueOrThrow({
    where: { id: sessionId },
    select: { recordingEnabled: true, status: true, fair: { select: { replayPolicy: true } } },
  })
  return { enabled: session.recordingEnabled, fairPolicy: session.fair?.replayPolicy ?? null, changeable: session.status === 'SCHEDULED' }
}

/**
 * The host turns recording on or off before going live (a show already live keeps what it started with:
 * switching mid-show would leave a replay with holes nobody chose). Managing the showcase is required; an
 * agency's switch is recorded (recording.on / recording.off) in the transaction that writes it.
 */
export async function setShowcaseRecording(sessionId: string, userId: string, enabled: boolean, now: Date): Promise<void> {
  const acting = await assertShowcaseManagement(sessionId, userId, 'manage:showcase:own')
  const prisma = await getPrisma()
  await prisma.$transaction(async (tx) => {
    const updated = await tx.liveSession.updateMany({ where: { id: sessionId, status: 'SCHEDULED' }, data: { recordingEnabled: enabled } })
    if (updated.count === 0) throw new DomainError('already-live', { status: 409, messageKey: 'liveMedia.recording.errors.alreadyLive' })
    const action = enabled ? 'recording.on' : 'recording.off'
    if (acting) await recordAgencyAction(tx, acting, { action, targetType: 'showcase', targetId: sessionId, scope: 'SHOWCASES' }, now)
  })
}
