import { DomainError } from '~/domain/errors'
import type { Prisma } from '~/generated/prisma/client'
import { type CompanyPermission, type CompanyRoleName, companyRoleHasPermission } from '~/domain/accounts/permissions'
import { getPrisma } from '~/domain/db.server'

/**
 * The user's role in the company as stored right now (in the caller's transaction when given), 403
 * unless that role allows `permission`. Sensitive actions call this instead of trusting a role read
 * earlier (a session, a socket's handshake), so a demoted or removed member is refused at once.
 */
export async function requireCompanyRoleNow(
  userId: string,
  companyId: string,
  permission: CompanyPermission,
  db?: Prisma.TransactionClient,
): Promise<CompanyRoleName> {
  const client = db ?? (await getPrisma())
  const member = await client.exporterMember.findUnique({ where: { userId }, select: { companyId: true, role: true } })
  if (member?.companyId !== companyId || !companyRoleHasPermission(member.role, permission)) {
    throw new DomainError('forbidden', { status: 403 })
  }
  return member.role
}
