import { getPrisma } from '~/domain/db.server'

/**
 * Per-session figures organizers report: viewers (maintained from viewer spans by the media layer),
 * chat messages (removed ones excluded), product pins, and inquiries created from the session.
 *
 * Who counts as a viewer: a signed-in user, or a guest browser with a stable guest key. A network
 * gets 20 new guest keys an hour (server/realtime/handshake-guard.ts); connections beyond that watch
 * with a throw-away identity that writes no view span, so scripted or cookie-dropping churn never
 * reaches uniqueViewers, peakViewers or watchSeconds (nor the live viewer count). Several tabs or
 * reconnects of one viewer count once (view-stats.ts).
 */
export async function getSessionStatistics(sessionId: string) {
  const prisma = await getPrisma()
  const [session, chatMessages, pins, inquiries] = await Promise.all([
    prisma.liveSession.findUniqueOrThrow({ where: { id: sessionId }, select: { uniqueViewers: true, peakViewers: true, watchSeconds: true } }),
    prisma.chatMessage.count({ where: { sessionId, removedAt: null } }),
    prisma.liveSessionEvent.count({ where: { sessionId, kind: 'PRODUCT_PINNED' } }),
    prisma.inquiry.count({ where: { liveSessionId: sessionId } }),
  ])
  return {
    uniqueViewers: session.uniqueViewers,
    peakViewers: session.peakViewers,
    watchSeconds: Number(session.watchSeconds),
    chatMessages,
    pins,
    inquiries,
  }
}
