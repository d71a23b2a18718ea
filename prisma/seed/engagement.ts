// Follows and RSVPs in the demo (docs/engagement.md), from the rows the plan inserted, deterministically:
// the demo buyer follows the demo exporter's company and the demo fair, and has RSVPed to the next two
// listed showcases still to come (their reminders are scheduled by the jobs' reconcile at boot).
import type { Prisma } from '../../app/generated/prisma/client.ts'
import { DEMO_ACCOUNTS } from './buyers.ts'
import { FAIR_SLUG } from './fair.ts'

export async function seedEngagement(tx: Prisma.TransactionClient, { now }: { now: Date }): Promise<{ follows: number; rsvps: number }> {
  const [buyer, exporter, fair] = await Promise.all([
    tx.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.buyer }, select: { id: true } }),
    tx.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.exporter }, select: { exporterMember: { select: { companyId: true } } } }),
    tx.tradeFair.findUniqueOrThrow({ where: { slug: FAIR_SLUG }, select: { id: true } }),
  ])
  let follows = 0
  if (exporter.exporterMember) {
    await tx.exporterFollow.create({ data: { userId: buyer.id, companyId: exporter.exporterMember.companyId, createdAt: now } })
    follows += 1
  }
  await tx.fairFollow.create({ data: { userId: buyer.id, fairId: fair.id, createdAt: now } })
  follows += 1
  const next = await tx.liveSession.findMany({
    where: {
      kind: 'SHOWCASE',
      status: 'SCHEDULED',
      isPublic: true,
      scheduledStartAt: { gt: now },
      OR: [{ fairId: null }, { approvedAt: { not: null }, fair: { status: { not: 'DRAFT' } } }],
    },
    orderBy: [{ scheduledStartAt: 'asc' }, { id: 'asc' }],
    take: 2,
    select: { id: true },
  })
  await tx.showcaseRsvp.createMany({ data: next.map((session) => ({ sessionId: session.id, userId: buyer.id, confirmedAt: now, createdAt: now })) })
  return { follows, rsvps: next.length }
}
