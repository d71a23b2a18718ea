import type { Prisma } from '~/generated/prisma/client'
import { getPrisma } from '~/domain/db.server'
import { DomainError } from '~/domain/errors'
import type { ViewerRef } from '~/domain/live/viewers.server'
import { recordingForVisitor, type ReplayVisitor } from './recordings.server'

// Replay figures, kept apart from the live ones: a ReplayView row per playback of a finished recording,
// opened when the visitor presses play and credited with watched seconds by the player's heartbeats.
//
// Anti-inflation rule: a viewer's credited time on a recording never runs ahead of the wall clock by more
// than HEARTBEAT_TOLERANCE_SECONDS. Each view's lastSeenAt is the instant its credit reaches ("credited up
// to"); a heartbeat may add at most the time from the viewer's latest lastSeenAt (over all their views of
// this recording) to now, plus the tolerance. The tolerance absorbs network jitter between the player's
// clock and ours; it does not add up over heartbeats (the clock moves by what was credited), and a second
// tab or a fresh view shares the same budget instead of doubling it.

/** How often the player reports watched time (app/media/use-replay-view.ts). */
export const REPLAY_HEARTBEAT_SECONDS = 15
/** How far a viewer's credited time may run ahead of the wall clock (network jitter). */
export const HEARTBEAT_TOLERANCE_SECONDS = 3

const notFound = () => new DomainError('not-found', { status: 404 })

/** Who owns a view: the signed-in visitor, else the guest browser's signed key. */
function viewerOf(visitor: ReplayVisitor, guestKey: string | null): ViewerRef | null {
  if (visitor) return { userId: visitor.id }
  return guestKey ? { guestKey } : null
}

function viewerWhere(viewer: ViewerRef): Prisma.ReplayViewWhereInput {
  return 'userId' in viewer ? { userId: viewer.userId } : { userId: null, guestKey: viewer.guestKey }
}

/**
 * Opens a view of a finished recording the visitor may watch (recordingForVisitor: 404 for an unpublished,
 * removed, unfinished or absent replay and for a private showcase to a guest). A guest needs its browser
 * key (the route mints one first, as the socket gateway does).
 */
export async function startReplayView(sessionId: string, visitor: ReplayVisitor, guestKey: string | null, now: Date): Promise<{ viewId: string }> {
  const viewer = viewerOf(visitor, guestKey)
  if (!viewer) throw new DomainError('guest-key-required', { status: 400 })
  const { recording } = await recordingForVisitor(sessionId, visitor, 'replay')
  const prisma = await getPrisma()
  const view = await prisma.replayView.create({
    data: {
      recordingId: recording.id,
      userId: 'userId' in viewer ? viewer.userId : null,
      guestKey: 'guestKey' in viewer ? viewer.guestKey : null,
      startedAt: now,
      lastSeenAt: now,
    },
    select: { id: true },
  })
  return { viewId: view.id }
}

/** What a heartbeat may credit: the claim, capped by the wall time since the viewer's credit clock (+ tolerance). */
export function creditableSeconds(claimedSeconds: number, creditClock: Date, now: Date): number {
  const budget = Math.floor((now.getTime() - creditClock.getTime()) / 1000) + HEARTBEAT_TOLERANCE_SECONDS
  return Math.max(0, Math.min(Math.floor(claimedSeconds), budget))
}

// The figures are kept exact by increments made under the recording's row lock; a full recount from the
// rows runs at most once per heartbeat window per recording (per process) and repairs any drift.
const lastRecount = new Map<string, number>()

function recountDue(recordingId: string, now: Date): boolean {
  const last = lastRecount.get(recordingId)
  if (last !== undefined && now.getTime() - last < REPLAY_HEARTBEAT_SECONDS * 1000 && now.getTime() >= last) return false
  if (lastRecount.size > 5000) {
    for (const [id, at] of lastRecount) if (now.getTime() - at >= REPLAY_HEARTBEAT_SECONDS * 1000) lastRecount.delete(id)
  }
  lastRecount.set(recordingId, now.getTime())
  return true
}

type Tx = Prisma.TransactionClient

/** Recording.uniqueViewers (distinct users and guest keys that watched at least a second) and watchSeconds, from the rows. */
async function recount(tx: Tx, recordingId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE "Recording" r SET "uniqueViewers" = s."uniqueViewers", "watchSeconds" = s."watchSeconds"
    FROM (
      SELECT count(DISTINCT COALESCE('u:' || v."userId", 'g:' || v."guestKey", 'v:' || v."id")) FILTER (WHERE v."watchedSeconds" > 0)::int AS "uniqueViewers",
        COALESCE(sum(v."watchedSeconds"), 0)::bigint AS "watchSeconds"
      FROM "ReplayView" v WHERE v."recordingId" = ${recordingId}
    ) s
    WHERE r."id" = ${recordingId}`
}

async function lockRecording(tx: Tx, recordingId: string): Promise<void> {
  // Serialises the heartbeats of one recording: the budget and the figures are read and written under it.
  await tx.$queryRaw`SELECT 1 FROM "Recording" WHERE "id" = ${recordingId} FOR UPDATE`
}

/** Recomputes a recording's replay figures from its ReplayView rows (e.g. after rows were removed). */
export async function refreshReplayStats(recordingId: string): Promise<{ uniqueViewers: number; watchSeconds: number } | null> {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    await lockRecording(tx, recordingId)
    await recount(tx, recordingId)
    const row = await tx.recording.findUnique({ where: { id: recordingId }, select: { uniqueViewers: true, watchSeconds: true } })
    return row ? { uniqueViewers: row.uniqueViewers, watchSeconds: Number(row.watchSeconds) } : null
  })
}

/**
 * A heartbeat of a view: adds the watched seconds the player claims, capped as described above. Only the
 * view's owner may beat it (anyone else, or a view of another showcase, gets 404). A recording removed
 * since the view began takes no more time. Returns the seconds credited.
 */
export async function recordReplayHeartbeat(
  sessionId: string,
  beat: { viewId: string; watchedSeconds: number },
  visitor: ReplayVisitor,
  guestKey: string | null,
  now: Date,
): Promise<{ creditedSeconds: number }> {
  const viewer = viewerOf(visitor, guestKey)
  if (!viewer) throw notFound()
  const prisma = await getPrisma()
  const view = await prisma.replayView.findUnique({
    where: { id: beat.viewId },
    select: { recordingId: true, userId: true, guestKey: true, recording: { select: { sessionId: true, status: true } } },
  })
  const owned = view && ('userId' in viewer ? view.userId === viewer.userId : view.userId === null && view.guestKey === viewer.guestKey)
  if (!view || !owned || view.recording.sessionId !== sessionId || view.recording.status !== 'READY') throw notFound()
  const { recordingId } = view
  return prisma.$transaction(async (tx) => {
    await lockRecording(tx, recordingId)
    const mine = await tx.replayView.findMany({ where: { recordingId, ...viewerWhere(viewer) }, select: { id: true, lastSeenAt: true, watchedSeconds: true } })
    const clock = new Date(Math.max(...mine.map((row) => row.lastSeenAt.getTime())))
    const credited = creditableSeconds(beat.watchedSeconds, clock, now)
    if (credited > 0) {
      const watchedBefore = mine.reduce((sum, row) => sum + row.watchedSeconds, 0)
      await tx.replayView.update({
        where: { id: beat.viewId },
        data: { watchedSeconds: { increment: credited }, lastSeenAt: new Date(clock.getTime() + credited * 1000) },
      })
      await tx.recording.update({
        where: { id: recordingId },
        data: { watchSeconds: { increment: credited }, ...(watchedBefore === 0 ? { uniqueViewers: { increment: 1 } } : {}) },
      })
    }
    if (recountDue(recordingId, now)) await recount(tx, recordingId)
    return { creditedSeconds: credited }
  })
}
