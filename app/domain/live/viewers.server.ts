import { Prisma } from '~/generated/prisma/client'
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
 * How many people watch each showcase now, for pages outside the room (the directory, the landing page).
 * The room's own figure (app/domain/live/audience.ts: each person once, the hosting company's team and
 * watch-only guests over budget left out) lives in the socket processes; this reads the same people from
 * the view spans the media servers write for counted viewers, so any process can answer. A span moved
 * forward within the last two heartbeats is open; a viewer who just left still counts for up to that long.
 */
export async function countWatchingNow(sessionIds: readonly string[], now: Date): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  if (sessionIds.length === 0) return counts
  const prisma = await getPrisma()
  const since = new Date(now.getTime() - 2 * VIEW_SPAN_HEARTBEAT_MS)
  const rows = await prisma.$queryRaw<Array<{ sessionId: string; count: number | bigint }>>`
    SELECT v."sessionId", COUNT(DISTINCT COALESCE('u:' || v."userId", 'g:' || v."guestKey", v."id"))::int AS "count"
    FROM "LiveSessionView" v
    JOIN "LiveSession" s ON s."id" = v."sessionId"
    WHERE v."sessionId" IN (${Prisma.join([...sessionIds])})
      AND v."leftAt" >= ${since}
      AND NOT EXISTS (SELECT 1 FROM "ExporterMember" m WHERE m."userId" = v."userId" AND m."companyId" = s."companyId")
    GROUP BY v."sessionId"`
  for (const row of rows) counts.set(row.sessionId, Number(row.count))
  return counts
}
