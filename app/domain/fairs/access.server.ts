import { DomainError } from '~/domain/errors'
import { requirePermission } from '~/domain/accounts/permissions.server'
import type { SessionUser } from '~/domain/accounts/session.server'
import { getPrisma } from '~/domain/db.server'

/**
 * Only the fair's organizer (or an ADMIN) manages a fair and sees its KPIs. Other roles get a 403
 * (from the permission table); other organizers get a 404, so fair ids of others reveal nothing.
 */
export async function assertFairManager(user: Pick<SessionUser, 'id' | 'role'>, fairId: string) {
  const prisma = await getPrisma()
  // The name too: every management page titles itself with it.
  const fair = await prisma.tradeFair.findUnique({
    where: { id: fairId },
    select: { id: true, organizerId: true, timeZone: true, slug: true, name: true, nameI18n: true },
  })
  if (!fair || (user.role !== 'ADMIN' && fair.organizerId !== user.id)) throw new DomainError('not-found', { status: 404 })
  return fair
}

export async function requireFairManager(request: Request, fairId: string) {
  const user = await requirePermission(request, 'manage:fair')
  const fair = await assertFairManager(user, fairId)
  return { user, fair }
}
