import { DomainError } from '~/domain/errors'
import { companyRoleHasPermission } from '~/domain/accounts/permissions'
import type { SessionUser } from '~/domain/accounts/session.server'
import { getPrisma } from '~/domain/db.server'

/**
 * Who may see an order. "payer": the buyer of a sample, or any member of the exhibiting company for a
 * booth fee. "seller": the exporter's members for a sample, the fair's organizer for a booth fee.
 * Everyone else gets a 404, so order ids reveal nothing.
 */
export type OrderSide = 'payer' | 'seller'

export async function requireOrderAccess(user: SessionUser, orderId: string): Promise<{ side: OrderSide; kind: 'SAMPLE' | 'BOOTH_FEE' }> {
  const prisma = await getPrisma()
  const order = await prisma.order.findUnique({
    where: { id: orderId },
    select: { kind: true, userId: true, companyId: true, fair: { select: { organizerId: true } } },
  })
  if (order) {
    const memberOfCompany = user.exporterMember?.company.id === order.companyId
    if (order.kind === 'SAMPLE') {
      if (order.userId === user.id) return { side: 'payer', kind: order.kind }
      if (memberOfCompany) return { side: 'seller', kind: order.kind }
    } else {
      if (memberOfCompany) return { side: 'payer', kind: order.kind }
      if (user.role === 'ORGANIZER' && order.fair?.organizerId === user.id) return { side: 'seller', kind: order.kind }
    }
  }
  throw new DomainError('not-found', { status: 404 })
}

export function requireOrderSide(actual: OrderSide, allowed: OrderSide): void {
  if (actual !== allowed) throw new DomainError('forbidden', { status: 403 })
}

/**
 * Whether to offer the refund control to a seller (the same rule as assertMayRefund in orders.server.ts,
 * which the action re-checks): a booth fee's seller is the fair's organizer; a sample needs the
 * company permission 'refund:order:own'.
 */
export function sellerMayRefund(user: Pick<SessionUser, 'exporterMember'>, kind: 'SAMPLE' | 'BOOTH_FEE'): boolean {
  if (kind === 'BOOTH_FEE') return true
  return user.exporterMember ? companyRoleHasPermission(user.exporterMember.role, 'refund:order:own') : false
}
