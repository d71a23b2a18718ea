import { roleHasPermission, type RoleName } from '~/domain/accounts/permissions'
import { getPrisma } from '~/domain/db.server'
import { DomainError } from '~/domain/errors'
import { Prisma } from '~/generated/prisma/client'
import type { BuyerVerificationAction, BuyerVerificationMethodName, VerifiedBuyerBadge } from './verification-schema'

// Verified buyers (docs/verified-buyers.md): an organizer verifies buyer companies registered to their
// own fairs, an admin any buyer. Every verification and revocation is a BuyerVerification row (the
// history); BuyerProfile.currentVerificationId points at the one in force, so every badge is one join.

export type Verifier = { id: string; role: RoleName; name: string }

/** Select on BuyerProfile for the badge; `toVerifiedBadge` shapes it. */
export const VERIFIED_BADGE_SELECT = {
  currentVerification: { select: { createdAt: true, verifierName: true, method: true } },
} as const

type BadgeRow = { currentVerification: { createdAt: Date; verifierName: string; method: BuyerVerificationMethodName | null } | null }

export function toVerifiedBadge(row: BadgeRow | null | undefined): VerifiedBuyerBadge {
  const current = row?.currentVerification
  if (!current) return null
  return { verifiedAt: current.createdAt.toISOString(), verifierName: current.verifierName, method: current.method ?? 'OTHER' }
}

export async function isBuyerVerified(buyerId: string): Promise<boolean> {
  const prisma = await getPrisma()
  const row = await prisma.buyerProfile.findUnique({ where: { id: buyerId }, select: { currentVerificationId: true } })
  return Boolean(row?.currentVerificationId)
}

/** The badge columns of a buyer by their user id (null for a user without a buyer profile): the live chat's lookup. */
export async function verifiedBadgeRowOfUser(userId: string) {
  const prisma = await getPrisma()
  return prisma.buyerProfile.findUnique({ where: { userId }, select: VERIFIED_BADGE_SELECT })
}

/**
 * Who may verify this buyer. Verification is global (the badge shows everywhere and unlocks free
 * samples from every exporter), so an organizer's reach is narrow: only a buyer with an APPROVED BUYER
 * registration to a fair they organize, named by `fairId`. An admin may verify any buyer. Other roles
 * get a 403 from the permission table; a fair or buyer the organizer has nothing to do with (or a
 * pending or rejected registration) is a 404, revealing nothing.
 * Returns the fair to record with the entry: the organizer's fair; null for an admin, whose
 * verifications belong to no fair (docs/verified-buyers.md).
 */
export async function assertMayVerifyBuyer(user: Pick<Verifier, 'id' | 'role'>, buyerId: string, fairId: string | null): Promise<{ fairId: string | null }> {
  if (!roleHasPermission(user.role, 'verify:buyer:own-fair')) throw new DomainError('forbidden', { status: 403 })
  const prisma = await getPrisma()
  const buyer = await prisma.buyerProfile.findUnique({ where: { id: buyerId }, select: { userId: true } })
  if (!buyer) throw new DomainError('not-found', { status: 404 })
  if (roleHasPermission(user.role, 'verify:buyer:any')) return { fairId: null }
  if (!fairId) throw new DomainError('not-found', { status: 404 })
  const registration = await prisma.fairRegistration.findUnique({
    where: { fairId_userId: { fairId, userId: buyer.userId } },
    select: { kind: true, status: true, fair: { select: { organizerId: true } } },
  })
  const approved = registration !== null && registration.kind === 'BUYER' && registration.status === 'APPROVED'
  if (!approved || registration.fair.organizerId !== user.id) throw new DomainError('not-found', { status: 404 })
  return { fairId }
}

/**
 * Verifies (or re-verifies, with a new method or note) a buyer company, or revokes its verification.
 * Revoking an unverified buyer is refused (409 `not-verified`), as is a revocation racing another. An
 * organizer may change (re-verify or revoke) only a verification made under their own fair: one made
 * by an admin or through another fair is a 403 `not-your-verification`.
 */
export async function applyBuyerVerification(user: Verifier, input: BuyerVerificationAction, context: { fairId: string | null; now: Date }) {
  const { fairId } = await assertMayVerifyBuyer(user, input.buyerId, context.fairId)
  const admin = roleHasPermission(user.role, 'verify:buyer:any')
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const buyer = await tx.buyerProfile.findUniqueOrThrow({
      where: { id: input.buyerId },
      select: { currentVerificationId: true, currentVerification: { select: { fairId: true } } },
    })
    if (input.intent === 'revoke-buyer' && !buyer.currentVerificationId) {
      throw new DomainError('not-verified', { status: 409, messageKey: 'buyerVerification.errors.notVerified' })
    }
    if (!admin && buyer.currentVerification && buyer.currentVerification.fairId !== fairId) {
      throw new DomainError('not-your-verification', { status: 403, messageKey: 'buyerVerification.errors.notYourVerification' })
    }
    const entry = await tx.buyerVerification.create({
      data: {
        buyerId: input.buyerId,
        action: input.intent === 'verify-buyer' ? 'VERIFIED' : 'REVOKED',
        method: input.intent === 'verify-buyer' ? input.method : null,
        note: input.note,
        verifierId: user.id,
        verifierName: user.name,
        fairId,
        createdAt: context.now,
      },
      select: { id: true, action: true },
    })
    // Conditional on the state read above, so two people acting at once cannot both win silently.
    const moved = await tx.buyerProfile.updateMany({
      where: { id: input.buyerId, currentVerificationId: buyer.currentVerificationId },
      data: { currentVerificationId: entry.action === 'VERIFIED' ? entry.id : null },
    })
    if (moved.count !== 1) throw new DomainError('conflict', { status: 409, messageKey: 'buyerVerification.errors.conflict' })
    return entry
  })
}

const HISTORY_SELECT = {
  orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  take: 5,
  select: { id: true, action: true, method: true, note: true, verifierName: true, createdAt: true, fair: { select: { name: true } } },
} satisfies Prisma.BuyerProfile$verificationsArgs

type HistoryRow = {
  id: string
  action: 'VERIFIED' | 'REVOKED'
  method: BuyerVerificationMethodName | null
  note: string
  verifierName: string
  createdAt: Date
  fair: { name: string } | null
}

export type VerificationHistoryEntry = ReturnType<typeof toHistoryEntry>

function toHistoryEntry(row: HistoryRow) {
  return {
    id: row.id,
    action: row.action,
    method: row.method,
    note: row.note,
    verifierName: row.verifierName,
    fairName: row.fair?.name ?? null,
    at: row.createdAt.toISOString(),
  }
}

export const BUYER_LIST_FILTERS = ['all', 'verified', 'unverified'] as const
export type BuyerListFilter = (typeof BUYER_LIST_FILTERS)[number]

/** The admin's buyers list: every buyer company, filtered by verification, with its recent history. */
export async function listBuyersForVerification(filter: { verified: BuyerListFilter; query?: string | undefined }, limit = 200) {
  const prisma = await getPrisma()
  const where: Prisma.BuyerProfileWhereInput = {
    ...(filter.verified === 'verified' ? { currentVerificationId: { not: null } } : {}),
    ...(filter.verified === 'unverified' ? { currentVerificationId: null } : {}),
    ...(filter.query
      ? { OR: [{ companyName: { contains: filter.query, mode: 'insensitive' } }, { user: { email: { contains: filter.query, mode: 'insensitive' } } }] }
      : {}),
  }
  const [rows, counts] = await Promise.all([
    prisma.buyerProfile.findMany({
      where,
      orderBy: [{ companyName: 'asc' }, { id: 'asc' }],
      take: limit,
      select: {
        id: true,
        companyName: true,
        country: true,
        user: { select: { name: true, email: true } },
        ...VERIFIED_BADGE_SELECT,
        verifications: HISTORY_SELECT,
      },
    }),
    Promise.all([prisma.buyerProfile.count(), prisma.buyerProfile.count({ where: { currentVerificationId: { not: null } } })]),
  ])
  return {
    buyers: rows.map((row) => ({
      id: row.id,
      companyName: row.companyName,
      country: row.country,
      contactName: row.user.name,
      contactEmail: row.user.email,
      badge: toVerifiedBadge(row),
      history: row.verifications.map(toHistoryEntry),
    })),
    counts: { all: counts[0], verified: counts[1], unverified: counts[0] - counts[1] },
  }
}

/**
 * For a fair's registrations table: the badge of each buyer, whether the fair's organizer may change
 * it (unverified, or verified under this fair), and the recent history made under this fair only (an
 * admin sees every entry on /admin/buyers), by buyer id.
 */
export async function buyerVerificationsOf(buyerIds: readonly string[], fairId: string) {
  const prisma = await getPrisma()
  const rows =
    buyerIds.length === 0
      ? []
      : await prisma.buyerProfile.findMany({
          where: { id: { in: [...buyerIds] } },
          select: {
            id: true,
            currentVerification: { select: { ...VERIFIED_BADGE_SELECT.currentVerification.select, fairId: true } },
            verifications: { ...HISTORY_SELECT, where: { fairId } },
          },
        })
  return Object.fromEntries(
    rows.map((row) => [
      row.id,
      {
        badge: toVerifiedBadge(row),
        underThisFair: !row.currentVerification || row.currentVerification.fairId === fairId,
        history: row.verifications.map(toHistoryEntry),
      },
    ]),
  ) as Record<string, { badge: VerifiedBuyerBadge; underThisFair: boolean; history: VerificationHistoryEntry[] }>
}
