import { getPrisma } from '~/domain/db.server'
import { formatTime } from '~/lib/time'
import { isSupportedLocale } from '~/lib/i18n'
import { nameIn } from '~/domain/notifications/localized-values'

/** Buyers are reminded this long before an approved fair showcase starts. */
export const REMINDER_LEAD_MINUTES = 15
const MINUTE = 60_000

/**
 * In-app reminders to a fair's approved buyers for approved showcases starting within the lead time.
 * Idempotent: a buyer who already has a `session.starting` notification for a session gets no other,
 * however often this runs (the interval timer, a restart, two processes: an advisory lock serialises them).
 * Returns how many notifications were written.
 */
export async function sendSessionReminders(now: Date): Promise<number> {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(7250611)`
    const sessions = await tx.liveSession.findMany({
      where: {
        kind: 'SHOWCASE',
        status: 'SCHEDULED',
        approvedAt: { not: null },
        fairId: { not: null },
        fair: { status: { in: ['OPEN', 'LIVE'] } },
        scheduledStartAt: { gt: now, lte: new Date(now.getTime() + REMINDER_LEAD_MINUTES * MINUTE) },
      },
      select: {
        id: true,
        title: true,
        titleI18n: true,
        scheduledStartAt: true,
        fairId: true,
        company: { select: { name: true, nameI18n: true } },
        fair: { select: { slug: true, timeZone: true } },
      },
    })
    if (sessions.length === 0) return 0
    const fairIds = [...new Set(sessions.flatMap((s) => (s.fairId ? [s.fairId] : [])))]
    const buyers = await tx.fairRegistration.findMany({
      where: { fairId: { in: fairIds }, kind: 'BUYER', status: 'APPROVED' },
      select: { fairId: true, userId: true, user: { select: { timeZone: true, locale: true } } },
    })
    const already = await tx.$queryRaw<Array<{ userId: string; sessionId: string }>>`
      SELECT "userId", "data"->>'sessionId' AS "sessionId" FROM "Notification"
      WHERE "kind" = 'session.starting' AND "data"->>'sessionId' = ANY(${sessions.map((s) => s.id)}::text[])`
    const sent = new Set(already.map((row) => `${row.userId}:${row.sessionId}`))
    const rows = sessions.flatMap((session) =>
      buyers
        .filter((buyer) => buyer.fairId === session.fairId && !sent.has(`${buyer.userId}:${session.id}`))
        .map((buyer) => {
          const locale = isSupportedLocale(buyer.user.locale) ? buyer.user.locale : 'en'
          return {
            userId: buyer.userId,
            kind: 'session.starting',
            data: {
              sessionId: session.id,
              // Written in the buyer's language: the show's and the company's names as they read them, and the time.
              title: nameIn(session.title, session.titleI18n)(locale),
              company: nameIn(session.company.name, session.company.nameI18n)(locale),
              // A buyer who chose no zone reads the fair's own.
              when: formatTime(session.scheduledStartAt, { locale, timeZone: buyer.user.timeZone ?? session.fair?.timeZone ?? 'UTC' }),
            },
            link: `/fairs/${session.fair?.slug ?? ''}#session-${session.id}`, // fair sessions only: fair is set
          }
        }),
    )
    if (rows.length > 0) await tx.notification.createMany({ data: rows })
    return rows.length
  })
}

/** Runs sendSessionReminders every `everyMs`; returns a stop function (for graceful shutdown). */
export function startSessionReminderTimer({ everyMs = MINUTE, onError }: { everyMs?: number; onError?: (error: unknown) => void } = {}) {
  let running = false
  const tick = async () => {
    if (running) return
    running = true
    try {
      await sendSessionReminders(new Date())
    } catch (error) {
      onError?.(error)
    } finally {
      running = false
    }
  }
  const timer = setInterval(() => void tick(), everyMs)
  timer.unref()
  return () => clearInterval(timer)
}
