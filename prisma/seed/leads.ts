// Leads in the demo (docs/leads.md), decided from the rows the plan inserted so it stays deterministic: every
// signed-in buyer who watched an ended showcase opened some of its featured products (which ones follows from
// a hash of the viewer and the product, not from a clock or Math.random), so the exporter's lead list shows
// products opened next to the seeded watch time, chat and RFQs.
import { createHash } from 'node:crypto'
import type { Prisma } from '../../app/generated/prisma/client.ts'

const MIN = 60_000

function bucket(...parts: string[]): number {
  return createHash('sha256').update(parts.join('|')).digest().readUInt8(0)
}

export async function seedLeadActivity(tx: Prisma.TransactionClient): Promise<{ opens: number }> {
  const sessions = await tx.liveSession.findMany({
    where: { kind: 'SHOWCASE', status: 'ENDED' },
    orderBy: { id: 'asc' },
    select: {
      id: true,
      companyId: true,
      featuredProducts: { orderBy: { position: 'asc' }, select: { productId: true, product: { select: { companyId: true } } } },
      views: {
        where: { userId: { not: null }, user: { buyerProfile: { isNot: null } } },
        orderBy: [{ joinedAt: 'asc' }, { id: 'asc' }],
        select: { userId: true, joinedAt: true },
      },
    },
  })
  const data: Prisma.LeadProductOpenCreateManyInput[] = []
  for (const session of sessions) {
    const products = session.featuredProducts.filter((link) => link.product.companyId === session.companyId)
    const firstJoin = new Map<string, Date>()
    for (const view of session.views) if (view.userId && !firstJoin.has(view.userId)) firstJoin.set(view.userId, view.joinedAt)
    for (const [userId, joinedAt] of firstJoin) {
      for (const [index, { productId }] of products.entries()) {
        // About half of the viewer × product pairs; a third of the viewers open nothing.
        if (bucket(userId, 'viewer') % 3 === 0 || bucket(userId, productId) % 2 === 0) continue
        const openedAt = new Date(joinedAt.getTime() + (index + 2) * MIN)
        data.push({
          sessionId: session.id,
          userId,
          productId,
          source: 'LIVE',
          opens: 1 + (bucket(productId, userId) % 3),
          firstOpenedAt: openedAt,
          lastOpenedAt: openedAt,
        })
      }
    }
  }
  const { count } = data.length ? await tx.leadProductOpen.createMany({ data, skipDuplicates: true }) : { count: 0 }
  return { opens: count }
}
