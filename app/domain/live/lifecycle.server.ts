import { getPrisma } from '~/domain/db.server'
import { DomainError } from '~/domain/errors'
import { scheduleNowLive } from '~/domain/engagement/reminders.server'
import { agencyAudit, type CompanyAudit } from '~/domain/agencies/actor.server'
import { assertShowcaseManagement } from './room-access.server'

export type LifecycleErrorCode = 'not-found' | 'ended' | 'cancelled'

function lifecycleError(code: LifecycleErrorCode, detail: string) {
  return new DomainError<LifecycleErrorCode>(code, { status: code === 'not-found' ? 404 : 409, detail })
}

/**
 * SCHEDULED → LIVE (startedAt = now). Going live again while LIVE is a resume (after a restart or
 * a crash) and keeps the first startedAt. Ended or cancelled sessions cannot go live. `audit` records an
 * agency's go-live in the transaction that writes it (a resume writes nothing and records nothing).
 */
export async function goLive(sessionId: string, hostUserId: string, now: Date, audit?: CompanyAudit): Promise<{ status: 'LIVE'; startedAt: Date }> {
  const prisma = await getPrisma()
  const { started, startedAt } = await prisma.$transaction(async (tx) => {
    const started = await tx.liveSession.updateMany({
      where: { id: sessionId, status: 'SCHEDULED' },
      data: { status: 'LIVE', startedAt: now, hostId: hostUserId },
    })
    const session = await tx.liveSession.findUnique({ where: { id: sessionId }, select: { status: true, startedAt: true } })
    if (!session) throw lifecycleError('not-found', 'No such session.')
    if (session.status === 'ENDED') throw lifecycleError('ended', 'This showcase has ended.')
    if (session.status === 'CANCELLED') throw lifecycleError('cancelled', 'This showcase was cancelled.')
    // LIVE without a start (never through goLive): the start is written now, like a first go-live.
    if (!session.startedAt) await tx.liveSession.update({ where: { id: sessionId }, data: { startedAt: now } })
    if (started.count === 1 || !session.startedAt) await audit?.(tx, { id: sessionId })
    return { started: started.count === 1, startedAt: session.startedAt ?? now }
  })
  // The first go-live tells RSVPs and followers (a job: once per recipient, whatever calls this twice).
  if (started) await scheduleNowLive(sessionId, now)
  return { status: 'LIVE', startedAt }
}

/** LIVE (or SCHEDULED) → ENDED with endedAt = now; ending twice is a no-op. `audit` as for goLive. */
export async function endLive(sessionId: string, now: Date, audit?: CompanyAudit): Promise<{ status: 'ENDED'; endedAt: Date }> {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const ended = await tx.liveSession.updateMany({
      where: { id: sessionId, status: { in: ['LIVE', 'SCHEDULED'] } },
      data: { status: 'ENDED', endedAt: now },
    })
    const session = await tx.liveSession.findUnique({ where: { id: sessionId }, select: { status: true, endedAt: true } })
    if (!session) throw lifecycleError('not-found', 'No such session.')
    if (session.status === 'CANCELLED') throw lifecycleError('cancelled', 'This showcase was cancelled.')
    if (ended.count === 1) await audit?.(tx, { id: sessionId })
    return { status: 'ENDED' as const, endedAt: session.endedAt ?? now }
  })
}

/**
 * Going live from the studio (media:go-live): whoever may manage the showcase, read now; it becomes theirs to
 * host. An agency's member is recorded as "agency X for company Y" (showcase.live) with the write.
 */
export async function goLiveAsManager(sessionId: string, userId: string, now: Date): Promise<{ status: 'LIVE'; startedAt: Date }> {
  const acting = await assertShowcaseManagement(sessionId, userId, 'manage:showcase:own')
  return goLive(sessionId, userId, now, agencyAudit(acting, 'showcase.live', 'showcase', 'SHOWCASES', now))
}

/** Ending from the studio (media:end): as goLiveAsManager, recorded for an agency as showcase.end. */
export async function endLiveAsManager(sessionId: string, userId: string, now: Date): Promise<{ status: 'ENDED'; endedAt: Date }> {
  const acting = await assertShowcaseManagement(sessionId, userId, 'manage:showcase:own')
  return endLive(sessionId, now, agencyAudit(acting, 'showcase.end', 'showcase', 'SHOWCASES', now))
}
