import { redirect } from 'react-router'
import { DomainError } from '~/domain/errors'
import type { Prisma } from '~/generated/prisma/client'
import { getPrisma } from '~/domain/db.server'
import { type CompanyPermission, type CompanyRoleName, companyRoleHasPermission, roleHasPermission } from '~/domain/accounts/permissions'
import { getOptionalUser, readSessionId, requireUser, type SessionUser } from '~/domain/accounts/session.server'
import { agencyScopeFor, type AgencyScopeName } from './scopes'

// The one actor abstraction for company work (ADR 026): a company member, or an export agency's member
// acting for a company that granted the agency a scope. Every check reads the grant from the database at
// request time, and again inside the mutation's transaction (recordAgencyAction), so a revoke holds on the
// very next request.

type CompanyRef = { id: string; slug: string; name: string }

export type AgencyActing = {
  user: { id: string; name: string }
  agency: { id: string; name: string }
  company: CompanyRef
  scopes: AgencyScopeName[]
}

export type CompanyActor =
  | { kind: 'member'; user: SessionUser; company: CompanyRef; companyRole: CompanyRoleName }
  | ({ kind: 'agency'; user: SessionUser } & Omit<AgencyActing, 'user'>)

type Client = Prisma.TransactionClient

/** The user's agency's active grant from this company, with this scope when one is named; null otherwise. */
export async function activeAgencyGrant(client: Client, userId: string, companyId: string, scope?: AgencyScopeName) {
  const member = await client.agencyMember.findUnique({ where: { userId }, select: { agencyId: true, agency: { select: { id: true, name: true } } } })
  if (!member) return null
  // At most one active grant per company and agency (partial unique index). Scopes are compared here, not with
  // `has` in SQL: the PGlite adapter sends an enum array filter as a malformed literal.
  const grant = await client.agencyGrant.findFirst({
    where: { agencyId: member.agencyId, companyId, revokedAt: null },
    select: { id: true, scopes: true, company: { select: { id: true, slug: true, name: true } } },
  })
  if (!grant || (scope && !grant.scopes.includes(scope))) return null
  return { grantId: grant.id, agency: member.agency, company: grant.company, scopes: grant.scopes as AgencyScopeName[] }
}

/** The companies whose active grant to the user's agency holds this scope (any scope when none is named). */
export async function actingCompanies(userId: string, scope?: AgencyScopeName) {
  const prisma = await getPrisma()
  const member = await prisma.agencyMember.findUnique({ where: { userId }, select: { agencyId: true } })
  if (!member) return []
  const grants = await prisma.agencyGrant.findMany({
    where: { agencyId: member.agencyId, revokedAt: null },
    select: { scopes: true, company: { select: { id: true, slug: true, name: true } } },
    orderBy: { company: { name: 'asc' } },
  })
  return grants.filter((grant) => !scope || grant.scopes.includes(scope)).map((grant) => ({ company: grant.company, scopes: grant.scopes }))
}

/** The company this signed-in session chose to act for (a choice only: the grant is checked separately). */
export async function actingCompanyChoice(request: Request): Promise<string | null> {
  const sessionId = await readSessionId(request.headers.get('Cookie'))
  if (!sessionId) return null
  const prisma = await getPrisma()
  const choice = await prisma.agencyActingChoice.findUnique({ where: { sessionId }, select: { companyId: true } })
  return choice?.companyId ?? null
}

/** Chooses the company this session acts for; 403 unless the user's agency holds an active grant from it. */
export async function chooseActingCompany(request: Request, user: SessionUser, companyId: string): Promise<void> {
  if (!roleHasPermission(user.role, 'act:agency')) throw new DomainError('forbidden', { status: 403 })
  const prisma = await getPrisma()
  if (!(await activeAgencyGrant(prisma, user.id, companyId))) throw new DomainError('agency-no-grant', { status: 403, messageKey: 'agency.errors.noGrant' })
  const sessionId = await readSessionId(request.headers.get('Cookie'))
  if (!sessionId) throw new DomainError('forbidden', { status: 403 })
  await prisma.agencyActingChoice.upsert({ where: { sessionId }, create: { sessionId, companyId }, update: { companyId, createdAt: new Date() } })
}

/**
 * The company an agency member acts for on a page whose URL names no company: the session's choice when its
 * grant holds the scope; else, when the chosen company still grants the agency something (a choice made for
 * another page's scope) or nothing was chosen, the only company granting the scope when there is one. A chosen
 * company that revoked the grant stays chosen, so the member is told it was revoked (403) instead of finding
 * another company's pages in its place. Null when there is neither (the member must choose).
 */
async function resolveActingCompanyId(request: Request, user: SessionUser, scope: AgencyScopeName): Promise<string | null> {
  const [chosen, granting] = await Promise.all([actingCompanyChoice(request), actingCompanies(user.id)])
  const withScope = granting.filter((grant) => grant.scopes.includes(scope))
  const namesChosen = (list: typeof granting) => list.some((grant) => grant.company.id === chosen)
  if (chosen && (namesChosen(withScope) || !namesChosen(granting))) return chosen
  const [only] = withScope
  return withScope.length === 1 && only ? only.company.id : chosen
}

/**
 * A company member whose company role allows `permission`, or an agency member acting (this session's
 * choice) for a company whose active grant to the agency holds the scope that permission needs. Throws 403
 * otherwise (an agency member who has not chosen a company goes to /agency to choose). With `everyMember`,
 * any member of a company passes (the page checks per resource what the role allows: a MEMBER manages the
 * showcases they host); an agency member still needs the scope.
 */
export async function requireCompanyActor(request: Request, permission: CompanyPermission, options: { everyMember?: boolean } = {}): Promise<CompanyActor> {
  const user = await requireUser(request)
  if (user.role === 'AGENCY') {
    const scope = agencyScopeFor(permission)
    if (!scope) throw new DomainError('forbidden', { status: 403 })
    const companyId = await resolveActingCompanyId(request, user, scope)
    if (!companyId) throw redirect('/agency')
    const grant = await activeAgencyGrant(await getPrisma(), user.id, companyId, scope)
    if (!grant) throw new DomainError('agency-no-grant', { status: 403, messageKey: 'agency.errors.noGrant' })
    return { kind: 'agency', user, agency: grant.agency, company: grant.company, scopes: grant.scopes }
  }
  if (!roleHasPermission(user.role, 'view:exporter-dashboard')) throw new DomainError('forbidden', { status: 403 })
  const membership = user.exporterMember
  if (!membership) throw new DomainError('no-company', { status: 403 })
  if (!options.everyMember && !companyRoleHasPermission(membership.role, permission)) throw new DomainError('forbidden', { status: 403 })
  return { kind: 'member', user, company: membership.company, companyRole: membership.role }
}

/** The agency member's acting company (this session's choice) for a scope, its grant read now; 403/redirect otherwise. */
export async function requireCompanyActorForScope(request: Request, user: SessionUser, scope: AgencyScopeName): Promise<AgencyActing> {
  if (user.role !== 'AGENCY') throw new DomainError('forbidden', { status: 403 })
  const companyId = await resolveActingCompanyId(request, user, scope)
  if (!companyId) throw redirect('/agency')
  const acting = await agencyActingFor(user, companyId, scope)
  if (!acting) throw new DomainError('agency-no-grant', { status: 403, messageKey: 'agency.errors.noGrant' })
  return acting
}

/** For a company named by the resource (an inquiry, a meeting): the agency acting for it with this scope, or null. */
export async function agencyActingFor(user: SessionUser, companyId: string, scope: AgencyScopeName): Promise<AgencyActing | null> {
  if (user.role !== 'AGENCY') return null
  const grant = await activeAgencyGrant(await getPrisma(), user.id, companyId, scope)
  if (!grant) return null
  return { user: { id: user.id, name: user.name }, agency: grant.agency, company: grant.company, scopes: grant.scopes }
}

/** The agency part of an actor (null for a company member), for the audit. */
export function actingOf(actor: CompanyActor): AgencyActing | null {
  if (actor.kind !== 'agency') return null
  return { user: { id: actor.user.id, name: actor.user.name }, agency: actor.agency, company: actor.company, scopes: actor.scopes }
}

/** Whether the signed-in user is an agency member, for pages that only say so. */
export async function isAgencyUser(request: Request): Promise<boolean> {
  return (await getOptionalUser(request))?.role === 'AGENCY'
}

/** Written in a mutation's transaction after its write: what the agency did, on which target. */
export type CompanyAudit = (tx: Client, target: { id: string }) => Promise<void>

/**
 * "Agency X for company Y": records the action in the caller's transaction, after re-reading the grant in that
 * transaction FOR SHARE (403, and the whole mutation rolls back, when the grant was revoked meanwhile). The
 * share lock holds until the mutation commits: a revoke (an UPDATE of the row) waits for it, and a revoke
 * not yet committed is waited for and then seen, so no write lands after a committed revoke.
 */
export async function recordAgencyAction(
  tx: Client,
  acting: AgencyActing,
  entry: { action: string; targetType: string; targetId: string; scope: AgencyScopeName },
  now = new Date(),
): Promise<void> {
  const grant = await activeAgencyGrant(tx, acting.user.id, acting.company.id, entry.scope)
  if (grant?.agency.id !== acting.agency.id) throw new DomainError('agency-no-grant', { status: 403, messageKey: 'agency.errors.noGrant' })
  // Scopes read as text: the PGlite adapter mishandles enum arrays (see activeAgencyGrant).
  const [locked] = await tx.$queryRaw<Array<{ scopes: string[] }>>`
    SELECT "scopes"::text[] AS "scopes" FROM "AgencyGrant" WHERE "id" = ${grant.grantId} AND "revokedAt" IS NULL FOR SHARE`
  if (!locked?.scopes.includes(entry.scope)) throw new DomainError('agency-no-grant', { status: 403, messageKey: 'agency.errors.noGrant' })
  // The membership too, after the grant (lock order meeting → grant → member): a removal (a DELETE of the row)
  // waits for this mutation and then passes on the seat it wrote (removeAgencyMember), and a removal not yet
  // committed is waited for and then seen, so no seat lands with an account that has left its agency.
  const [membership] = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT "id" FROM "AgencyMember" WHERE "userId" = ${acting.user.id} AND "agencyId" = ${acting.agency.id} FOR SHARE`
  if (!membership) throw new DomainError('agency-no-grant', { status: 403, messageKey: 'agency.errors.noGrant' })
  await tx.agencyAction.create({
    data: {
      agencyId: acting.agency.id,
      companyId: acting.company.id,
      actorId: acting.user.id,
      actorName: acting.user.name,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      createdAt: now,
    },
  })
}

/** The audit hook a domain mutation calls in its transaction; undefined for a company member. */
export function agencyAudit(
  acting: AgencyActing | null,
  action: string,
  targetType: string,
  scope: AgencyScopeName,
  now = new Date(),
): CompanyAudit | undefined {
  if (!acting) return undefined
  return (tx, target) => recordAgencyAction(tx, acting, { action, targetType, targetId: target.id, scope }, now)
}
