import { DomainError } from '~/domain/errors'
import { getPrisma } from '~/domain/db.server'
import type { SessionUser } from '~/domain/accounts/session.server'
import { agencyActingFor, type AgencyActing } from '~/domain/agencies/actor.server'

export type InquirySide = 'buyer' | 'exporter' | 'organizer'

/**
 * Who may read an inquiry: its buyer, the exporter's members, an export agency's member whose agency holds the
 * company's active RFQs & quotes grant (read now, ADR 026: `agency` says for whom they act), and organizers of
 * the fair it came through. Everyone else gets a 404, so ids of other people's inquiries reveal nothing.
 */
export async function requireInquiryAccess(
  user: SessionUser,
  inquiryId: string,
): Promise<{ side: InquirySide; companyId: string; buyerUserId: string; agency: AgencyActing | null }> {
  const prisma = await getPrisma()
  const inquiry = await prisma.inquiry.findUnique({
    where: { id: inquiryId },
    select: { companyId: true, buyer: { select: { userId: true } }, fair: { select: { organizerId: true } } },
  })
  if (inquiry) {
    const base = { companyId: inquiry.companyId, buyerUserId: inquiry.buyer.userId, agency: null }
    if (inquiry.buyer.userId === user.id) return { side: 'buyer', ...base }
    if (user.exporterMember?.company.id === inquiry.companyId) return { side: 'exporter', ...base }
    if (user.role === 'AGENCY') {
      const agency = await agencyActingFor(user, inquiry.companyId, 'RFQS_QUOTES')
      if (agency) return { side: 'exporter', ...base, agency }
    }
    if (user.role === 'ORGANIZER' && inquiry.fair?.organizerId === user.id) return { side: 'organizer', ...base }
    if (user.role === 'ADMIN') return { side: 'organizer', ...base }
  }
  throw new DomainError('not-found', { status: 404 })
}

export function requireSide(actual: InquirySide, ...allowed: InquirySide[]): void {
  if (!allowed.includes(actual)) throw new DomainError('forbidden', { status: 403 })
}
