import { getPrisma } from '~/domain/db.server'
import { DomainError } from '~/domain/errors'
import { scheduleNowLive } from '~/domain/engagement/reminders.server'

export type LifecycleErrorCode = 'not-found' | 'ended' | 'cancelled'

function lifecycleError(code: LifecycleErrorCode, detail: string) {
  return new DomainError<LifecycleErrorCode>(code, { status: code === 'not-found' ? 404 : 409, detail })
}

/**
 * SCHEDULED → LIVE (startedAt = now). Going live again while LIVE is a resume (after a restart or
 * a crash) and keeps the first startedAt. Ended or cancelled sessions cannot go live.
 */
export async function goLive(sessionId: string, hostUserId: string, now: Date): Promise<{ status: 'LIVE'; startedAt: Date }> {
  const prisma = await getPrisma()
  const started = await prisma.liveSession.updateMany({
    where: { id: sessionId, status: 'SCHEDULED' },
    data: { status: 'LIVE', startedAt: now, hostId: hostUserId },
  })
  const session = await prisma.liveSession.findUnique({ where: { id: sessionId }, select: { status: true, startedAt: true } })
  if (!session) throw lifecycleError('not-found', 'No such session.')
  if (session.status === 'ENDED') throw lifecycleError('ended', 'This showcase has ended.')
  if (session.status === 'CANCELLED') throw lifecycleError('cancelled', 'This showcase was cancelled.')
  // The first go-live tells RSVPs and followers (a job: once per recipient, whatever calls this twice).
  if (started.count === 1) await scheduleNowLive(sessionId, now)
  if (started.count === 0 && !session.startedAt) {
    await prisma.liveSession.update({ where: { id: sessionId }, data: { startedAt: now } })
    return { status: 'LIVE', startedAt: now }
  }
  return { status: 'LIVE', startedAt: session.startedAt ?? now }
}

/** LIVE (or SCHEDULED) → ENDED with endedAt = now; ending twice is a no-op. */
export async function endLive(sessionId: string, now: Date): Promise<{ status: 'ENDED'; endedAt: Date }> {
  const prisma = await getPrisma()
  await prisma.liveSession.updateMany({
    where: { id: sessionId, status: { in: ['LIVE', 'SCHEDULED'] } },
    data: { status: 'ENDED', endedAt: now },
  })
  const session = await prisma.liveSession.findUnique({ where: { id: sessionId }, select: { status: true, endedAt: true } })
  if (!session) throw lifecycleError('not-found', 'No such session.')
  if (session.status === 'CANCELLED') throw lifecycleError('cancelled', 'This showcase was cancelled.')
  return { status: 'ENDED', endedAt: session.endedAt ?? now }
}
