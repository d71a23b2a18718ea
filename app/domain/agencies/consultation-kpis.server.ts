import { getPrisma } from '~/domain/db.server'
import { type ConsultationKpis, consultationKpis } from '~/domain/consultations/kpis.server'
import { requireAgencyMembership } from './dashboard.server'

// The trade-officer consultation KPIs on the agency's dashboard (/agency): the organizer's figures
// (app/domain/consultations/kpis.server.ts) over the companies that granted this agency access (a grant
// not revoked, whatever its scopes), in the period [from, to). An agency with no grant sees zeros.

export async function agencyConsultationKpis(userId: string, range: { from: Date; to: Date }): Promise<ConsultationKpis> {
  const prisma = await getPrisma()
  const member = await requireAgencyMembership(userId)
  const grants = await prisma.agencyGrant.findMany({ where: { agencyId: member.agency.id, revokedAt: null }, select: { companyId: true } })
  return consultationKpis({ ...range, companyIds: grants.map((grant) => grant.companyId) })
}
