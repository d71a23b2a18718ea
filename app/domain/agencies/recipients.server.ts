import type { Prisma } from '~/generated/prisma/client'
import type { AgencyScopeName } from './scopes'

type Client = Prisma.TransactionClient

/**
 * Who hears of a company's work in one scope (ADR 026): the company's members, and the members of every
 * export agency whose active grant from the company holds that scope. Read with the caller's client (the
 * notifying transaction), so a grant revoked before it commits is not heard of. The one place this rule
 * lives: RFQ notifications use RFQS_QUOTES, meeting requests MEETINGS.
 */
export async function companyRecipients(tx: Client, companyId: string, scope: AgencyScopeName): Promise<string[]> {
  // One after the other: a transaction is one connection, and pg refuses overlapping queries on it.
  const members = await tx.exporterMember.findMany({ where: { companyId }, select: { userId: true } })
  const grants = await tx.agencyGrant.findMany({ where: { companyId, revokedAt: null }, select: { agencyId: true, scopes: true } })
  // Scopes compared here, not with `has` in SQL: the PGlite adapter sends an enum array filter as a malformed literal.
  const agencyIds = grants.filter((grant) => grant.scopes.includes(scope)).map((grant) => grant.agencyId)
  const agents =
    agencyIds.length === 0 ? [] : await tx.agencyMember.findMany({ where: { agencyId: { in: agencyIds }, user: { role: 'AGENCY' } }, select: { userId: true } })
  return [...new Set([...members.map((member) => member.userId), ...agents.map((agent) => agent.userId)])]
}
