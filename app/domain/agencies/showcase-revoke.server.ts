import type { Prisma } from '~/generated/prisma/client'
import { emitIdentityEvent } from '~/domain/accounts/identity-events.server'
import { announceIngestRevoked } from '~/domain/live/ingest-status.server'

// When an agency loses SHOWCASES for a company (a revoke, a scope change without it, a member's removal), what
// it already holds stops with it (ADR 026): the ingest keys its members could copy, the restream destinations
// it added, and its members' open connections (a broadcast re-checks management on its next produce).

type Tx = Prisma.TransactionClient

/** What to do after the commit: ingest cut at these showcases, these users' connections dropped. */
export type ShowcaseCutOff = { ingestSessionIds: string[]; dropped: Array<{ userId: string; companyId: string }> }

export const NO_SHOWCASE_CUT_OFF: ShowcaseCutOff = { ingestSessionIds: [], dropped: [] }

/** Deletes the ingest keys of the company's showcases still to come or on air; a new one is made by rotating. */
async function deleteCompanyIngest(tx: Tx, companyId: string): Promise<string[]> {
  const rows = await tx.showcaseIngest.findMany({
    where: { session: { companyId, kind: 'SHOWCASE', status: { in: ['SCHEDULED', 'LIVE'] } } },
    select: { sessionId: true },
  })
  const sessionIds = rows.map((row) => row.sessionId)
  if (sessionIds.length > 0) await tx.showcaseIngest.deleteMany({ where: { sessionId: { in: sessionIds } } })
  return sessionIds
}

/**
 * The agency no longer holds SHOWCASES for the company (in the revoking transaction): the company's ingest keys
 * go, the restream destinations the agency added (its `restream.add` actions) are turned off — a running
 * restream drops them at its next reload — and every member of the agency is to be disconnected.
 */
export async function cutOffAgencyShowcases(tx: Tx, { companyId, agencyId }: { companyId: string; agencyId: string }): Promise<ShowcaseCutOff> {
  const ingestSessionIds = await deleteCompanyIngest(tx, companyId)
  const added = await tx.agencyAction.findMany({
    where: { agencyId, companyId, action: 'restream.add', targetType: 'restream-destination' },
    select: { targetId: true },
  })
  if (added.length > 0) {
    await tx.restreamDestination.updateMany({
      where: { id: { in: added.map((action) => action.targetId) }, session: { companyId } },
      data: { enabled: false },
    })
  }
  const members = await tx.agencyMember.findMany({ where: { agencyId }, select: { userId: true } })
  return { ingestSessionIds, dropped: members.map((member) => ({ userId: member.userId, companyId })) }
}

/**
 * A member leaves the agency (in the removing transaction): the ingest keys they could have seen — those of
 * every company whose active grant gives the agency SHOWCASES — go, and their own connections drop. The
 * agency keeps its grants, so the destinations it added stay for its remaining members.
 */
export async function cutOffMemberShowcases(tx: Tx, { agencyId, userId }: { agencyId: string; userId: string }): Promise<ShowcaseCutOff> {
  const grants = await tx.agencyGrant.findMany({ where: { agencyId, revokedAt: null }, select: { companyId: true, scopes: true } })
  // Scopes compared here, not with `has` in SQL: the PGlite adapter sends an enum array filter as a malformed literal.
  const companyIds = grants.filter((grant) => grant.scopes.includes('SHOWCASES')).map((grant) => grant.companyId)
  const ingestSessionIds: string[] = []
  for (const companyId of companyIds) ingestSessionIds.push(...(await deleteCompanyIngest(tx, companyId)))
  return { ingestSessionIds, dropped: companyIds.map((companyId) => ({ userId, companyId })) }
}

/** After the commit: live encoder ingest of those showcases stops; the connections reconnect as who they are now. */
export function afterShowcaseCutOff({ ingestSessionIds, dropped }: ShowcaseCutOff): void {
  for (const sessionId of ingestSessionIds) announceIngestRevoked(sessionId)
  for (const { userId, companyId } of dropped) emitIdentityEvent({ kind: 'membership-changed', userId, companyId })
}
