import type { Prisma } from '~/generated/prisma/client'

/**
 * A buyer and an exporter company are participants of a fair together only when the organizer approved
 * both: the buyer's BUYER registration and the company's EXHIBITOR registration. Only such pairs may
 * attach a meeting to the fair, so strangers cannot add values to its KPIs and export.
 */
export async function isApprovedFairPair(
  db: Prisma.TransactionClient,
  fairId: string,
  { buyerId, companyId }: { buyerId: string; companyId: string },
): Promise<boolean> {
  const [buyer, exhibitor] = await Promise.all([
    db.fairRegistration.count({ where: { fairId, kind: 'BUYER', status: 'APPROVED', user: { buyerProfile: { id: buyerId } } } }),
    db.fairRegistration.count({ where: { fairId, kind: 'EXHIBITOR', status: 'APPROVED', companyId } }),
  ])
  return buyer > 0 && exhibitor > 0
}
