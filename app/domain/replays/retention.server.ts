import type { Prisma } from '~/generated/prisma/client'
import { getPrisma } from '~/domain/db.server'
import { DomainError } from '~/domain/errors'
import type { RoleName } from '~/domain/accounts/permissions'
import { assertShowcaseManagement, type SessionFacts } from '~/domain/live/room-access.server'
import { pickLocalized } from '~/domain/catalog/translations'
import { getLogger } from '~/utils/logger.server'
import { showcaseFactsOr404 } from './recordings.server'
import { getRecordingStorage, type RecordingStorage } from './storage.server'

// Who may publish, unpublish and delete a showcase's replay and its clips, the deletion itself (files gone,
// rows kept as REMOVED for the figures), the fair's retention sweep, and the exporter's list of replays.
// Every change is written to the showcase's audit trail (LiveSessionEvent), next to pins and moderation.

export type ReplayActor = { id: string; role: RoleName }

/** actorId of audit rows written by the retention sweep (no person acted). */
export const RETENTION_ACTOR = 'retention'

const DAY_MS = 24 * 60 * 60 * 1000
const HOUR_MS = 60 * 60 * 1000

const notFound = () => new DomainError('not-found', { status: 404 })

/**
 * What the actor may do with a showcase's replay:
 * - `manage` (publish, delete): members of the hosting company whose role has manage:showcase:own (or the
 *   member who hosted it), and admins;
 * - `unpublish`: those, and the organizer of the showcase's fair;
 * - `clips` (mark, publish, delete clips): the same as `unpublish`.
 * Anyone else gets 404 (a replay's existence is not revealed); a company member without the right gets 403.
 */
export async function assertReplayAuthority(sessionId: string, actor: ReplayActor, what: 'manage' | 'unpublish' | 'clips'): Promise<SessionFacts> {
  const facts = await showcaseFactsOr404(sessionId)
  if (actor.role === 'ADMIN') return facts
  if (actor.role === 'ORGANIZER' && facts.organizerId === actor.id) {
    if (what === 'manage') throw new DomainError('forbidden', { status: 403 })
    return facts
  }
  if (actor.role === 'EXPORTER') {
    const prisma = await getPrisma()
    const member = await prisma.exporterMember.findUnique({ where: { userId: actor.id }, select: { companyId: true } })
    if (member?.companyId === facts.companyId) {
      await assertShowcaseManagement(sessionId, actor.id, 'manage:showcase:own')
      return facts
    }
  }
  throw notFound()
}

type AuditKind = 'REPLAY_PUBLISHED' | 'REPLAY_UNPUBLISHED' | 'REPLAY_REMOVED' | 'CLIP_CREATED' | 'CLIP_PUBLISHED' | 'CLIP_UNPUBLISHED' | 'CLIP_REMOVED'

/** One row of the showcase's audit trail. */
export function auditReplayEvent(
  tx: Prisma.TransactionClient,
  sessionId: string,
  kind: AuditKind,
  actorId: string,
  data: Prisma.InputJsonObject,
  now: Date,
): Promise<unknown> {
  return tx.liveSessionEvent.create({ data: { sessionId, kind, actorId, data, createdAt: now } })
}

async function loadRecording(recordingId: string) {
  const prisma = await getPrisma()
  const recording = await prisma.recording.findUnique({ where: { id: recordingId }, select: { id: true, sessionId: true, status: true, published: true } })
  if (!recording) throw notFound()
  return recording
}

/**
 * Publishes or unpublishes a replay (its clips follow it: an unpublished replay shows no clips to the
 * public). Publishing needs `manage`; unpublishing also lets the fair's organizer act. Idempotent.
 */
export async function setReplayPublished(actor: ReplayActor, recordingId: string, published: boolean, now: Date): Promise<void> {
  const recording = await loadRecording(recordingId)
  await assertReplayAuthority(recording.sessionId, actor, published ? 'manage' : 'unpublish')
  if (recording.status === 'REMOVED') throw notFound()
  const prisma = await getPrisma()
  await prisma.$transaction(async (tx) => {
    const changed = await tx.recording.updateMany({ where: { id: recordingId, published: !published, status: { not: 'REMOVED' } }, data: { published } })
    if (changed.count > 0)
      await auditReplayEvent(tx, recording.sessionId, published ? 'REPLAY_PUBLISHED' : 'REPLAY_UNPUBLISHED', actor.id, { recordingId }, now)
  })
}

/**
 * Deletes a replay's files (segments, playlists, poster, clips) and keeps its row as REMOVED with who and
 * when, for the figures. A recording still being written cannot be deleted (end the showcase first).
 */
export async function deleteReplay(actor: ReplayActor, recordingId: string, now: Date, storage: RecordingStorage = getRecordingStorage()): Promise<void> {
  const recording = await loadRecording(recordingId)
  await assertReplayAuthority(recording.sessionId, actor, 'manage')
  if (recording.status === 'RECORDING') throw new DomainError('replay-recording', { status: 409, messageKey: 'replayAdmin.errors.stillRecording' })
  await removeRecording(recordingId, { actorId: actor.id, reason: 'deleted' }, now, storage)
}

/**
 * The removal itself: the row (and its clips) become REMOVED first, so no playlist or page hands out
 * links to files about to go; then the files go. Idempotent: a second call only removes leftover files.
 */
export async function removeRecording(
  recordingId: string,
  by: { actorId: string; reason: 'deleted' | 'retention' },
  now: Date,
  storage: RecordingStorage = getRecordingStorage(),
): Promise<boolean> {
  const prisma = await getPrisma()
  const removed = await prisma.$transaction(async (tx) => {
    const recording = await tx.recording.findUnique({ where: { id: recordingId }, select: { sessionId: true } })
    if (!recording) return false
    const changed = await tx.recording.updateMany({
      where: { id: recordingId, status: { not: 'REMOVED' } },
      data: { status: 'REMOVED', removedAt: now, removedById: by.reason === 'retention' ? null : by.actorId },
    })
    if (changed.count === 0) return false
    await tx.recordingClip.updateMany({ where: { recordingId, status: { not: 'REMOVED' } }, data: { status: 'REMOVED', removedAt: now } })
    await auditReplayEvent(tx, recording.sessionId, 'REPLAY_REMOVED', by.actorId, { recordingId, reason: by.reason }, now)
    return true
  })
  await storage.remove(recordingId)
  return removed
}

/**
 * Retention: replays of a fair with replayRetentionDays, whose showcase ended at least that many days
 * ago, are removed like a deletion. Idempotent (a removed replay is not picked again); files a failed
 * removal left behind are retried for two days.
 */
export async function sweepExpiredReplays(now: Date, storage: RecordingStorage = getRecordingStorage()): Promise<{ removed: string[] }> {
  const prisma = await getPrisma()
  const candidates = await prisma.recording.findMany({
    where: {
      status: { in: ['READY', 'FAILED'] },
      // One day is the shortest retention: nothing younger can be due.
      session: { endedAt: { lte: new Date(now.getTime() - DAY_MS) }, fair: { replayRetentionDays: { not: null } } },
    },
    select: { id: true, session: { select: { endedAt: true, fair: { select: { replayRetentionDays: true } } } } },
  })
  const removed: string[] = []
  for (const candidate of candidates) {
    const days = candidate.session.fair?.replayRetentionDays
    const endedAt = candidate.session.endedAt
    if (!days || !endedAt || endedAt.getTime() + days * DAY_MS > now.getTime()) continue
    if (await removeRecording(candidate.id, { actorId: RETENTION_ACTOR, reason: 'retention' }, now, storage)) removed.push(candidate.id)
  }
  const leftovers = await prisma.recording.findMany({
    where: { status: 'REMOVED', removedAt: { gte: new Date(now.getTime() - 2 * DAY_MS) }, id: { notIn: removed } },
    select: { id: true },
  })
  for (const leftover of leftovers) await storage.remove(leftover.id)
  return { removed }
}

/**
 * The hourly retention sweep of this process, started by the server (the first run a minute after start,
 * so a server restarted often still sweeps). `onStart` runs once before the first sweep (clip cuts a
 * restart interrupted are queued again there). Returns the stop function.
 */
export function startReplayRetentionTimer({
  everyMs = HOUR_MS,
  firstAfterMs = 60_000,
  onStart,
  onError,
  now = () => new Date(),
}: { everyMs?: number; firstAfterMs?: number; onStart?: () => Promise<unknown>; onError?: (error: unknown) => void; now?: () => Date } = {}) {
  let running = false
  let stopped = false
  const tick = async () => {
    if (running || stopped) return
    running = true
    try {
      const { removed } = await sweepExpiredReplays(now())
      if (removed.length > 0) getLogger().info({ removed }, 'replay retention removed recordings')
    } catch (error) {
      onError?.(error)
    } finally {
      running = false
    }
  }
  let interval: NodeJS.Timeout | undefined
  const first = setTimeout(() => {
    void (async () => {
      try {
        await onStart?.()
      } catch (error) {
        onError?.(error)
      }
      await tick()
    })()
    interval = setInterval(() => void tick(), everyMs)
    interval.unref()
  }, firstAfterMs)
  first.unref()
  return () => {
    stopped = true
    clearTimeout(first)
    clearInterval(interval)
  }
}

export type CompanyReplay = {
  id: string
  sessionId: string
  title: string
  airedAt: string
  durationMs: number
  status: 'RECORDING' | 'READY' | 'FAILED' | 'REMOVED'
  published: boolean
  uniqueViewers: number
  watchSeconds: number
  removedAt: string | null
  /** This member may publish, unpublish and delete it (and its clips). */
  canManage: boolean
}

/** The exporter's replays page: every recording of the company's showcases, newest first. */
export async function listCompanyReplays(member: { userId: string; companyId: string; canManageAll: boolean }, locale: string): Promise<CompanyReplay[]> {
  const prisma = await getPrisma()
  const recordings = await prisma.recording.findMany({
    where: { session: { companyId: member.companyId, kind: 'SHOWCASE' } },
    orderBy: { startedAt: 'desc' },
    take: 200,
    select: {
      id: true,
      sessionId: true,
      status: true,
      published: true,
      startedAt: true,
      durationMs: true,
      uniqueViewers: true,
      watchSeconds: true,
      removedAt: true,
      session: { select: { title: true, titleI18n: true, startedAt: true, hostId: true } },
    },
  })
  return recordings.map((recording) => ({
    id: recording.id,
    sessionId: recording.sessionId,
    title: pickLocalized(recording.session.title, recording.session.titleI18n, locale),
    airedAt: (recording.session.startedAt ?? recording.startedAt).toISOString(),
    durationMs: recording.durationMs,
    status: recording.status,
    published: recording.published,
    uniqueViewers: recording.uniqueViewers,
    watchSeconds: Number(recording.watchSeconds),
    removedAt: recording.removedAt?.toISOString() ?? null,
    canManage: member.canManageAll || recording.session.hostId === member.userId,
  }))
}
