// Explicit meeting wishes for a fair's scheduler: a buyer approved for the fair marks an exhibiting
// exporter, an exporter member marks an approved buyer, each as MUST_MEET or WOULD_LIKE (or clears it).
// One row per (fair, buyer, company, side); the side is always the caller's own, taken from the session.
import { DomainError, type DomainErrorStatus } from '~/domain/errors'
import type { PreferenceLevel } from '~/generated/prisma/client'
import type { SessionUser } from '~/domain/accounts/session.server'
import { pickLocalized } from '~/domain/catalog/translations'
import { getPrisma } from '~/domain/db.server'
import { type MeetingSide, partySide, ROLE_OF_SIDE } from './sides'

function fail(status: DomainErrorStatus, reason: string): never {
  throw new DomainError(reason, { status })
}

/** Buyer profiles approved as BUYER registrations of the fair (registration is per user). */
async function isApprovedBuyer(fairId: string, buyerId: string): Promise<boolean> {
  const prisma = await getPrisma()
  const profile = await prisma.buyerProfile.findUnique({ where: { id: buyerId }, select: { userId: true } })
  if (!profile) return false
  const registration = await prisma.fairRegistration.findFirst({
    where: { fairId, userId: profile.userId, kind: 'BUYER', status: 'APPROVED' },
    select: { id: true },
  })
  return registration !== null
}

/** Same rule as the schedule (loadScheduleInputs): an approved EXHIBITOR registration or an approved booth. */
async function isExhibiting(fairId: string, companyId: string): Promise<boolean> {
  const prisma = await getPrisma()
  const [registration, booth] = await Promise.all([
    prisma.fairRegistration.findFirst({ where: { fairId, companyId, kind: 'EXHIBITOR', status: 'APPROVED' }, select: { id: true } }),
    prisma.booth.findFirst({ where: { fairId, companyId, approvedAt: { not: null } }, select: { id: true } }),
  ])
  return registration !== null || booth !== null
}

/**
 * Sets (level) or clears (null) the caller's preference. `side` is what the form claims; it must be
 * the caller's own side, and the counterpart must be on the other one. Both parties must be approved
 * in the fair. Throws a DomainError: 403 (wrong side / not approved) or 404.
 */
export async function setMeetingPreference(
  user: Pick<SessionUser, 'id' | 'role' | 'buyerProfile' | 'exporterMember'>,
  input: { fairId: string; side: MeetingSide; buyerId?: string; companyId?: string; level: PreferenceLevel | null },
): Promise<void> {
  const own = partySide(user)
  if (!own || own !== input.side) fail(403, 'wrong-side')
  const buyerId = own === 'buyer' ? user.buyerProfile?.id : input.buyerId
  const companyId = own === 'exporter' ? user.exporterMember?.company.id : input.companyId
  if (!buyerId || !companyId) fail(400, 'missing-party')
  if (own === 'buyer' && input.buyerId && input.buyerId !== buyerId) fail(403, 'wrong-side')
  if (own === 'exporter' && input.companyId && input.companyId !== companyId) fail(403, 'wrong-side')
  const prisma = await getPrisma()
  const fair = await prisma.tradeFair.findUnique({ where: { id: input.fairId }, select: { id: true } })
  if (!fair) fail(404, 'not-found')
  const [buyerOk, exporterOk] = await Promise.all([isApprovedBuyer(fair.id, buyerId), isExhibiting(fair.id, companyId)])
  if (!buyerOk || !exporterOk) fail(403, 'not-approved')
  const key = { fairId: fair.id, buyerId, companyId, side: ROLE_OF_SIDE[own] }
  if (input.level === null) {
    await prisma.meetingPreference.deleteMany({ where: key })
    return
  }
  await prisma.meetingPreference.upsert({
    where: { fairId_buyerId_companyId_side: key },
    create: { ...key, level: input.level, createdById: user.id },
    update: { level: input.level, createdById: user.id },
  })
}

/** The fair and exhibitor behind a public booth URL (approved booths only), or a 404. */
export async function findBoothParties(slug: string, code: string): Promise<{ fairId: string; companyId: string }> {
  const prisma = await getPrisma()
  const booth = await prisma.booth.findFirst({
    where: { fair: { slug }, code: code.toUpperCase(), approvedAt: { not: null } },
    select: { fairId: true, companyId: true },
  })
  if (!booth) fail(404, 'not-found')
  return booth
}

/**
 * The booth page's controls: shown only to a buyer approved for the fair; null for everyone else.
 * The exhibitor is exhibiting by construction (approved booth).
 */
export async function buyerPreferenceAtBooth(
  user: Pick<SessionUser, 'role' | 'buyerProfile' | 'exporterMember'> | null,
  booth: { fairId: string; companyId: string },
): Promise<{ level: PreferenceLevel | null } | null> {
  if (!user || partySide(user) !== 'buyer') return null
  const buyerId = user.buyerProfile?.id
  if (!buyerId || !(await isApprovedBuyer(booth.fairId, buyerId))) return null
  const prisma = await getPrisma()
  const row = await prisma.meetingPreference.findUnique({
    where: { fairId_buyerId_companyId_side: { fairId: booth.fairId, buyerId, companyId: booth.companyId, side: 'BUYER' } },
    select: { level: true },
  })
  return { level: row?.level ?? null }
}

/**
 * For the exporter's recommendations: per buyer, the fairs this company exhibits at where the buyer is
 * approved, with the company's current level for each. Buyers without a common fair are absent.
 */
export async function exporterPreferenceOptions(
  companyId: string,
  buyerIds: readonly string[],
  { locale }: { locale: string },
): Promise<Record<string, Array<{ fairId: string; fairName: string; level: PreferenceLevel | null }>>> {
  if (buyerIds.length === 0) return {}
  const prisma = await getPrisma()
  const [registrations, booths] = await Promise.all([
    prisma.fairRegistration.findMany({ where: { companyId, kind: 'EXHIBITOR', status: 'APPROVED' }, select: { fairId: true } }),
    prisma.booth.findMany({ where: { companyId, approvedAt: { not: null } }, select: { fairId: true } }),
  ])
  const fairIds = [...new Set([...registrations, ...booths].map((r) => r.fairId))]
  if (fairIds.length === 0) return {}
  const profiles = await prisma.buyerProfile.findMany({ where: { id: { in: [...buyerIds] } }, select: { id: true, userId: true } })
  const [buyerRegistrations, fairs, preferences] = await Promise.all([
    prisma.fairRegistration.findMany({
      where: { fairId: { in: fairIds }, kind: 'BUYER', status: 'APPROVED', userId: { in: profiles.map((p) => p.userId) } },
      select: { fairId: true, userId: true },
    }),
    prisma.tradeFair.findMany({ where: { id: { in: fairIds } }, orderBy: { startsAt: 'asc' }, select: { id: true, name: true, nameI18n: true } }),
    prisma.meetingPreference.findMany({
      where: { companyId, side: 'EXPORTER', fairId: { in: fairIds }, buyerId: { in: [...buyerIds] } },
      select: { fairId: true, buyerId: true, level: true },
    }),
  ])
  const result: Record<string, Array<{ fairId: string; fairName: string; level: PreferenceLevel | null }>> = {}
  for (const profile of profiles) {
    const approvedIn = new Set(buyerRegistrations.filter((r) => r.userId === profile.userId).map((r) => r.fairId))
    const options = fairs
      .filter((fair) => approvedIn.has(fair.id))
      .map((fair) => ({
        fairId: fair.id,
        fairName: pickLocalized(fair.name, fair.nameI18n, locale),
        level: preferences.find((p) => p.fairId === fair.id && p.buyerId === profile.id)?.level ?? null,
      }))
    if (options.length > 0) result[profile.id] = options
  }
  return result
}

/** Stored preferences of a fair, for the scheduler. */
export async function listFairPreferences(fairId: string) {
  const prisma = await getPrisma()
  return prisma.meetingPreference.findMany({ where: { fairId }, select: { buyerId: true, companyId: true, side: true, level: true } })
}
