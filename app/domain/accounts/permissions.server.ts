import { DomainError } from '~/domain/errors'
import { type CompanyPermission, companyRoleHasPermission, type Permission, roleHasPermission } from './permissions'
import { requireUser, type SessionUser } from './session.server'

/** Throws a 403 response (rendered by the root error boundary) unless the user may do this. */
export async function requirePermission(request: Request, permission: Permission): Promise<SessionUser> {
  const user = await requireUser(request)
  if (!roleHasPermission(user.role, permission)) {
    throw new DomainError('forbidden', { status: 403 })
  }
  return user
}

/** An exporter who belongs to a company; the company comes with the user. */
export async function requireExporterMember(request: Request) {
  const user = await requirePermission(request, 'view:exporter-dashboard')
  const membership = user.exporterMember
  if (!membership) throw new DomainError('no-company', { status: 403 })
  return { user, membership }
}

/** A company member whose company role allows this (e.g. only OWNER/ADMIN may edit the company profile). */
export async function requireCompanyPermission(request: Request, permission: CompanyPermission) {
  const { user, membership } = await requireExporterMember(request)
  if (!companyRoleHasPermission(membership.role, permission)) {
    throw new DomainError('forbidden', { status: 403 })
  }
  return { user, membership }
}

/** OWNER or ADMIN of their company. */
export function requireCompanyAdmin(request: Request) {
  return requireCompanyPermission(request, 'update:company:own')
}
