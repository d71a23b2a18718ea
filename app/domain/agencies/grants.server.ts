import { DomainError } from '~/domain/errors'
import { Prisma } from '~/generated/prisma/client'
import { getPrisma, isUniqueViolation } from '~/domain/db.server'
import type { SessionUser } from '~/domain/accounts/session.server'
import { emitIdentityEvent } from '~/domain/accounts/identity-events.server'
import { requireCompanyRoleNow } from '~/domain/exporters/company-access.server'
import { pickLocalized } from '~/domain/catalog/translations'
import { agencySeatedMeetingIds, handBackAgencySeats, lockAgencySeatedMeetings } from '~/domain/meetings/agency-seats.server'
import { flushNotificationEmails } from '~/domain/notifications/notify.server'
import { ACTION_LOG_FIELDS, actionLogEntry } from './action-log.server'
import { afterShowcaseCutOff, cutOffAgencyShowcases, type ShowcaseCutOff } from './showcase-revoke.server'
import type { AgencyScopeName } from './scopes'

// A company's grants to export agencies (docs/export-agencies.md): only the company's OWNER, read from the
// database inside the transaction, may grant, change or revoke. One active grant per company and agency
// (a partial unique index); a revoke takes effect on the agency's very next request (ADR 026).

const sortedScopes = (scopes: readonly AgencyScopeName[]) => [...new Set(scopes)].sort()

type Tx = Prisma.TransactionClient
type GrantChange = { scopes: readonly AgencyScopeName[] } | { revoke: true }
type ChangeResult = { emails: string[]; formerHolders: string[]; showcases?: ShowcaseCutOff }
const UNCHANGED: ChangeResult = { emails: [], formerHolders: [] }

/**
 * Writes a change to the company's active grant (404 when there is none). A change that takes MEETINGS away (a
 * revoke, or scopes without it) hands the agency's exporter seats in the company's meetings still to be held
 * back to the owner making it, in this transaction (handBackAgencySeats): the owner's act, not the agency's,
 * so nothing goes to the agency's action log; the grant's history stays as it is. One taking SHOWCASES away
 * cuts off what the agency holds of the company's showcases (cutOffAgencyShowcases).
 */
async function changeActiveGrant(
  tx: Tx,
  owner: Pick<SessionUser, 'id'>,
  companyId: string,
  grantId: string,
  change: GrantChange,
  now: Date,
): Promise<ChangeResult> {
  const grant = await tx.agencyGrant.findFirst({ where: { id: grantId, companyId, revokedAt: null }, select: { agencyId: true, scopes: true } })
  if (!grant) throw new DomainError('not-found', { status: 404 })
  const takesMeetings = grant.scopes.includes('MEETINGS') && ('revoke' in change || !change.scopes.includes('MEETINGS'))
  const takesShowcases = grant.scopes.includes('SHOWCASES') && ('revoke' in change || !change.scopes.includes('SHOWCASES'))
  const handover = { companyId, agencyId: grant.agencyId, now }
  // The grant's write waits for agency mutations holding it FOR SHARE; an accept among them commits a seat in a
  // meeting the lock below did not see. Moving that seat would lock its meeting while holding the grant, the
  // reverse of an agency mutation's order (meeting, then grant): a deadlock with one that holds the meeting and
  // waits for the grant. So the write runs in a savepoint and, when such seats appeared, is rolled back to it
  // (which releases the grant's row) and retried with their meetings locked first. After three tries the seats
  // are moved anyway (PostgreSQL's deadlock check then refuses one side rather than hanging).
  for (let attempt = 1; ; attempt++) {
    const locked = takesMeetings ? await lockAgencySeatedMeetings(tx, handover) : new Set<string>()
    await tx.$executeRaw`SAVEPOINT grant_change`
    const updated = await tx.agencyGrant.updateMany({
      where: { id: grantId, companyId, revokedAt: null },
      data: 'revoke' in change ? { revokedAt: now, revokedById: owner.id } : { scopes: sortedScopes(change.scopes), updatedAt: now },
    })
    if (updated.count !== 1) throw new DomainError('not-found', { status: 404 })
    if (!takesMeetings || attempt === 3) break
    const late = (await agencySeatedMeetingIds(tx, handover)).filter((meetingId) => !locked.has(meetingId))
    if (late.length === 0) break
    await tx.$executeRaw`ROLLBACK TO SAVEPOINT grant_change`
  }
  const meetings = takesMeetings ? await handBackAgencySeats(tx, { ...handover, hostUserId: owner.id }) : UNCHANGED
  if (!takesShowcases) return meetings
  return { ...meetings, showcases: await cutOffAgencyShowcases(tx, { companyId, agencyId: grant.agencyId }) }
}

/** After the commit: the handed-back seats' mails go out, and their former holders' open connections drop. */
async function afterChange(companyId: string, { emails, formerHolders, showcases }: ChangeResult): Promise<void> {
  await flushNotificationEmails(emails)
  if (showcases) afterShowcaseCutOff(showcases)
  // A socket already in a meeting's room reconnects and joins again as who it is now: without a seat.
  for (const userId of formerHolders) emitIdentityEvent({ kind: 'membership-changed', userId, companyId })
}

/** Every agency (to find one), the company's grants (active and revoked) and what agencies did for it. */
export async function loadCompanyAgencies(companyId: string, locale: string, query?: string) {
  const prisma = await getPrisma()
  const [agencies, grants, actions] = await Promise.all([
    prisma.exportAgency.findMany({
      where: query ? { OR: [{ name: { contains: query, mode: 'insensitive' } }, { region: { contains: query, mode: 'insensitive' } }] } : {},
      orderBy: { name: 'asc' },
      take: 50,
      select: { id: true, name: true, nameI18n: true, region: true, _count: { select: { members: true } } },
    }),
    prisma.agencyGrant.findMany({
      where: { companyId },
      orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }],
      take: 100,
      select: {
        id: true,
        scopes: true,
        createdAt: true,
        updatedAt: true,
        revokedAt: true,
        agency: { select: { id: true, name: true, nameI18n: true, region: true } },
        grantedBy: { select: { name: true } },
        revokedBy: { select: { name: true } },
      },
    }),
    prisma.agencyAction.findMany({
      where: { companyId },
      orderBy: { createdAt: 'desc' },
      take: 100,
      select: { ...ACTION_LOG_FIELDS, agency: { select: { name: true, nameI18n: true } } },
    }),
  ])
  const activeAgencyIds = new Set(grants.filter((g) => g.revokedAt === null).map((g) => g.agency.id))
  return {
    agencies: agencies.map((a) => ({
      id: a.id,
      name: pickLocalized(a.name, a.nameI18n, locale),
      region: a.region,
      members: a._count.members,
      granted: activeAgencyIds.has(a.id),
    })),
    grants: grants.map((g) => ({
      id: g.id,
      scopes: g.scopes,
      createdAt: g.createdAt.toISOString(),
      updatedAt: g.updatedAt.toISOString(),
      revokedAt: g.revokedAt?.toISOString() ?? null,
      agency: { id: g.agency.id, name: pickLocalized(g.agency.name, g.agency.nameI18n, locale), region: g.agency.region },
      grantedBy: g.grantedBy?.name ?? null,
      revokedBy: g.revokedBy?.name ?? null,
    })),
    actions: actions.map((a) => ({ ...actionLogEntry(a), agency: pickLocalized(a.agency.name, a.agency.nameI18n, locale) })),
  }
}

/** The owner grants an agency these scopes (an active grant of the same agency gets the scopes instead). */
export async function grantAgency(owner: Pick<SessionUser, 'id'>, companyId: string, agencyId: string, scopes: readonly AgencyScopeName[], now = new Date()) {
  const prisma = await getPrisma()
  try {
    const { grantId, change } = await prisma.$transaction(async (tx) => {
      await requireCompanyRoleNow(owner.id, companyId, 'grant:agency:own', tx)
      const agency = await tx.exportAgency.findUnique({ where: { id: agencyId }, select: { id: true } })
      if (!agency) throw new DomainError('not-found', { status: 404 })
      const active = await tx.agencyGrant.findFirst({ where: { companyId, agencyId, revokedAt: null }, select: { id: true } })
      if (active) return { grantId: active.id, change: await changeActiveGrant(tx, owner, companyId, active.id, { scopes }, now) }
      const created = await tx.agencyGrant.create({
        data: { companyId, agencyId, scopes: sortedScopes(scopes), grantedById: owner.id, createdAt: now, updatedAt: now },
        select: { id: true },
      })
      return { grantId: created.id, change: UNCHANGED }
    })
    await afterChange(companyId, change)
    return grantId
  } catch (error) {
    // Two grants racing: the partial unique index lets one through; the other is told to reload.
    if (isUniqueViolation(error)) {
      throw new DomainError('conflict', { status: 409, messageKey: 'agency.errors.conflict' })
    }
    throw error
  }
}

/** The owner changes an active grant's scopes (takes effect on the agency's next request; see changeActiveGrant). */
export async function updateGrantScopes(
  owner: Pick<SessionUser, 'id'>,
  companyId: string,
  grantId: string,
  scopes: readonly AgencyScopeName[],
  now = new Date(),
) {
  const prisma = await getPrisma()
  const change = await prisma.$transaction(async (tx) => {
    await requireCompanyRoleNow(owner.id, companyId, 'grant:agency:own', tx)
    return changeActiveGrant(tx, owner, companyId, grantId, { scopes }, now)
  })
  await afterChange(companyId, change)
}

/**
 * The owner revokes a grant at once: kept with who and when; the agency's next request is refused. The UPDATE
 * locks the row, so it waits for an agency mutation holding the grant FOR SHARE (recordAgencyAction). A grant
 * with MEETINGS hands its agency's meeting seats back to this owner (changeActiveGrant).
 */
export async function revokeGrant(owner: Pick<SessionUser, 'id'>, companyId: string, grantId: string, now = new Date()) {
  const prisma = await getPrisma()
  const change = await prisma.$transaction(async (tx) => {
    await requireCompanyRoleNow(owner.id, companyId, 'grant:agency:own', tx)
    return changeActiveGrant(tx, owner, companyId, grantId, { revoke: true }, now)
  })
  await afterChange(companyId, change)
}
