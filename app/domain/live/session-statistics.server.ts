import { getPrisma } from '~/domain/db.server'

/**
 * Per-session figures organizers report: viewers (maintained from viewer spans by the media layer),
 * chat messages (removed ones excluded), product pins, and inquiries created from the session.
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
