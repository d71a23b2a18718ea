import { getPrisma } from '~/domain/db.server'
import { computeViewStats, type ViewStats } from './view-stats'

/** How often the media server moves the open view spans forward (server/realtime/media-handlers/viewer-spans.ts). */
export const VIEW_SPAN_HEARTBEAT_MS = 5000

/** Who is watching: a signed-in user or a guest browser (signed guest key). */
export type ViewerRef = { userId: string } | { guestKey: string }

/**
 * Opens a viewer span. The row is written with leftAt = joinedAt and moved forward by
 * touchViewSpans() while the viewer stays, so a crash loses at most one heartbeat of watch time
 * and never leaves an open span behind.
 */
export async function openViewSpan(sessionId: string, viewer: ViewerRef, now: Date): Promise<string> {
  const prisma = await getPrisma()
  const row = await prisma.liveSessionView.create({
    data: {
      sessionId,
      userId: 'userId' in viewer ? viewer.userId : null,
      guestKey: 'guestKey' in viewer ? viewer.guestKey : null,
      joinedAt: now,
      leftAt: now,
    },
    select: { id: true },
  })
  return row.id
}

/** Heartbeat: the spans are still open at `now`. */
export async function touchViewSpans(spanIds: readonly string[], now: Date): Promise<void> {
  if (spanIds.length === 0) return
  const prisma = await getPrisma()
  await prisma.liveSessionView.updateMany({ where: { id: { in: [...spanIds] } }, data: { leftAt: now } })
}

export async function closeViewSpan(spanId: string, now: Date): Promise<void> {
  const prisma = await getPrisma()
  await prisma.liveSessionView.updateMany({ where: { id: spanId }, data: { leftAt: now } })
}

/**
 * Recomputes uniqueViewers / peakViewers / watchSeconds from every span of the session, inside
 * its live window (startedAt → endedAt, or `now` while live), and stores them on the session.
 */
export async function refreshViewStats(sessionId: string, now: Date): Promise<ViewStats | null> {
  const prisma = await getPrisma()
  const session = await prisma.liveSession.findUnique({ where: { id: sessionId }, select: { startedAt: true, endedAt: true } })
  if (!session?.startedAt) return null
  const rows = await prisma.liveSessionView.findMany({
    where: { sessionId },
    select: { userId: true, guestKey: true, joinedAt: true, leftAt: true, id: true },
  })
  const stats = computeViewStats(
    rows.map((row) => ({
      viewerKey: row.userId ? `u:${row.userId}` : row.guestKey ? `g:${row.guestKey}` : `row:${row.id}`,
      joinedAt: row.joinedAt,
      leftAt: row.leftAt,
    })),
    { start: session.startedAt, end: session.endedAt ?? now },
  )
  await prisma.liveSession.update({
    where: { id: sessionId },
    data: { uniqueViewers: stats.uniqueViewers, peakViewers: stats.peakViewers, watchSeconds: BigInt(stats.watchSeconds) },
  })
  return stats
}

/**
 * Publishes the room's audience figure (app/domain/live/audience.ts, computed by the realtime server) so
 * pages outside the room — the /live directory — show the same number as the room header. Writes only
 * when the stored figure differs, so several processes publishing the same count write once.
 */
export async function publishAudience(sessionId: string, count: number): Promise<void> {
  const prisma = await getPrisma()
  await prisma.liveSession.updateMany({ where: { id: sessionId, audienceNow: { not: count } }, data: { audienceNow: count } })
}

/** The published audience figure a page outside the room shows: zero unless the show is live. */
export function audienceOf(session: { status: string; audienceNow: number }): number {
  return session.status === 'LIVE' ? session.audienceNow : 0
}
