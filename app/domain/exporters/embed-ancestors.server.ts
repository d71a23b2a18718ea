import { getPrisma } from '~/domain/db.server'
import { frameAncestorSources } from './embed-origins'

// Kept apart from the embed page's loader: the HTTP edge (server/security.ts) asks it before every embed
// page, and needs nothing else of the live domain.

/**
 * The sites the showcase's company lets frame its player, as CSP sources (server/security.ts puts them
 * after 'self' in frame-ancestors). An unknown id, or anything but a showcase, gets none.
 */
export async function embedFrameAncestors(sessionId: string): Promise<string[]> {
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(sessionId)) return []
  const prisma = await getPrisma()
  const session = await prisma.liveSession.findUnique({
    where: { id: sessionId },
    select: { kind: true, company: { select: { embedOrigins: true } } },
  })
  if (session?.kind !== 'SHOWCASE') return []
  return frameAncestorSources(session.company.embedOrigins)
}
