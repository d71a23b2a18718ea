import { DomainError, isDomainError } from '~/domain/errors'
import { pickLocalized, pickTranslation } from '~/domain/catalog/translations'
import { getPrisma } from '~/domain/db.server'
import { type CompanyRoleName, companyRoleHasPermission, roleHasPermission } from '~/domain/accounts/permissions'
import type { SessionUser } from '~/domain/accounts/session.server'
import type { CompanyAudit } from '~/domain/agencies/actor.server'
import { proposeFairShowcase } from '~/domain/fairs/fairs.server'
import { wallClockToInstant } from '~/lib/time'
import { assertShowcaseTiming, defaultShowcaseLanguage, type ScheduleShowcaseInput } from './schedule'
import { assertShowcaseManagement, loadSessionFacts, roomContextFor } from './room-access.server'
import type { RoomIdentity } from './room-identity'

/**
 * The company's showcases; `manageable` says whether this viewer may open the studio (same rule as
 * assertShowcaseManagement: the company role's 'manage:showcase:own', an agency granted SHOWCASES, or
 * hosting it; the studio re-checks).
 */
export async function listCompanySessions(companyId: string, locale: string, viewer: { userId: string; companyRole: CompanyRoleName | null }) {
  const prisma = await getPrisma()
  // No company role: an agency's member, whose grant holds SHOWCASES (requireCompanyActor checked it).
  const managesAll = viewer.companyRole === null || companyRoleHasPermission(viewer.companyRole, 'manage:showcase:own')
  const sessions = await prisma.liveSession.findMany({
    where: { companyId, kind: 'SHOWCASE' },
    orderBy: [{ scheduledStartAt: 'desc' }],
    take: 50,
    select: {
      id: true,
      title: true,
      titleI18n: true,
      status: true,
      isPublic: true,
      scheduledStartAt: true,
      scheduledEndAt: true,
      uniqueViewers: true,
      peakViewers: true,
      watchSeconds: true,
      hostId: true,
      approvedAt: true,
      fair: { select: { name: true, nameI18n: true, slug: true } },
    },
  })
  return sessions.map((session) => ({
    id: session.id,
    title: pickLocalized(session.title, session.titleI18n, locale),
    status: session.status,
    isPublic: session.isPublic,
    scheduledStartAt: session.scheduledStartAt.toISOString(),
    scheduledEndAt: session.scheduledEndAt.toISOString(),
    uniqueViewers: session.uniqueViewers,
    peakViewers: session.peakViewers,
    watchSeconds: Number(session.watchSeconds),
    manageable: managesAll || session.hostId === viewer.userId,
    /** The fair whose programme it is in, or waits for (approved: placed by the organizer). */
    fair: session.fair
      ? { name: pickLocalized(session.fair.name, session.fair.nameI18n, locale), slug: session.fair.slug, approved: session.approvedAt !== null }
      : null,
  }))
}

/** The schedule form's preselected language: the company's first spoken one a showcase may use. */
export async function companyShowcaseLanguage(companyId: string) {
  const prisma = await getPrisma()
  const company = await prisma.exporterCompany.findUnique({ where: { id: companyId }, select: { languages: true } })
  return defaultShowcaseLanguage(company?.languages ?? [])
}

/** Published products of the company, for the "featured products" picker. */
export async function listCompanyProductsForShowcase(companyId: string, locale: string) {
  const prisma = await getPrisma()
  const products = await prisma.product.findMany({
    where: { companyId, status: 'PUBLISHED' },
    orderBy: { createdAt: 'asc' },
    take: 100,
    select: { id: true, translations: { select: { locale: true, name: true } } },
  })
  return products.map((product) => {
    return { id: product.id, name: pickTranslation(product.translations, locale)?.name ?? product.id }
  })
}

/**
 * Schedules a showcase of the company, hosted by whoever schedules it (an agency's member runs the ones they
 * schedule). `audit` records an agency's action in the same transaction; an agency proposes nothing to a
 * fair (booths are the company's own business with the organizer).
 */
export async function createShowcase(
  user: SessionUser,
  companyId: string,
  input: ScheduleShowcaseInput,
  timeZone: string,
  now: Date,
  audit?: CompanyAudit,
): Promise<{ ok: true; id: string; proposedToFair: boolean } | { ok: false; field: 'productIds'; error: string }> {
  const start = wallClockToInstant(input.startsAt, timeZone)
  const end = wallClockToInstant(input.endsAt, timeZone)
  // The timing rule of every showcase (a fair's proposal passes through it too), thrown as a DomainError.
  assertShowcaseTiming({ start, end }, now)
  const prisma = await getPrisma()
  const productIds = [...new Set(input.productIds)]
  const owned = await prisma.product.count({ where: { id: { in: productIds }, companyId } })
  if (owned !== productIds.length) return { ok: false, field: 'productIds', error: 'liveMedia.schedule.errors.products' }
  if (input.fairId) {
    if (audit) throw new DomainError('forbidden', { status: 403 })
    // Into a fair's programme: the fair's rule (booth, dates, waits for the organizer), thrown as a DomainError.
    const { title, description, language, isPublic } = input
    const id = await proposeFairShowcase(user, input.fairId, { title, description, language, start, end, isPublic, productIds }, now)
    return { ok: true, id, proposedToFair: true }
  }
  const session = await prisma.$transaction(async (tx) => {
    const created = await tx.liveSession.create({
      data: {
        kind: 'SHOWCASE',
        title: input.title,
        description: input.description,
        language: input.language,
        isPublic: input.isPublic,
        scheduledStartAt: start,
        scheduledEndAt: end,
        hostId: user.id,
        companyId,
        featuredProducts: { create: productIds.map((productId, position) => ({ productId, position })) },
      },
      select: { id: true },
    })
    await audit?.(tx, created)
    return created
  })
  return { ok: true, id: session.id, proposedToFair: false }
}

/**
 * The studio (go live, end) is for those who may manage this showcase: the hosting company's OWNER and
 * ADMIN, the MEMBER who hosts it, or a member of an agency the company granted SHOWCASES (the rule lives
 * in assertShowcaseManagement, read fresh). Other members moderate chat from the viewer page. 403
 * otherwise, 404 if unknown.
 */
export async function requireStudioSession(sessionId: string, user: SessionUser) {
  // Who could manage any showcase at all (a company's member, an agency's), before the id is looked up: anyone
  // else gets 403 whatever the id, as before agencies, and learns nothing about which ids exist.
  const companyMember = roleHasPermission(user.role, 'view:exporter-dashboard') && Boolean(user.exporterMember)
  if (!companyMember && !roleHasPermission(user.role, 'act:agency')) throw new DomainError('forbidden', { status: 403 })
  const prisma = await getPrisma()
  const session = await prisma.liveSession.findUnique({
    where: { id: sessionId },
    select: { id: true, title: true, status: true, companyId: true, isPublic: true, scheduledStartAt: true, startedAt: true },
  })
  if (!session) throw new DomainError('not-found', { status: 404 })
  await assertShowcaseManagement(session.id, user.id, 'manage:showcase:own')
  return { ...session, scheduledStartAt: session.scheduledStartAt.toISOString(), startedAt: session.startedAt?.toISOString() ?? null }
}

/** The room identity of a page visitor (what the socket gateway would see for the same person). */
export function visitorIdentity(user: SessionUser | null, locale: string): RoomIdentity {
  if (!user) return { kind: 'guest', guestKey: '', name: '' }
  return { kind: 'user', userId: user.id, name: user.name, role: user.role, companyId: user.exporterMember?.company.id ?? null, locale }
}

/**
 * What the viewer page shows before media connects. Whether this visitor may watch is the room's access
 * rule (room-access.server.ts), the same the socket gateway applies; one who may not gets nothing but
 * the session id and why (no title, description, host or products of a non-public showcase).
 */
export async function loadWatchSession(sessionId: string, user: SessionUser | null, locale: string) {
  const prisma = await getPrisma()
  const session = await prisma.liveSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      kind: true,
      title: true,
      titleI18n: true,
      description: true,
      status: true,
      isPublic: true,
      scheduledStartAt: true,
      companyId: true,
      company: { select: { name: true, nameI18n: true, slug: true } },
    },
  })
  if (session?.kind !== 'SHOWCASE') throw new DomainError('not-found', { status: 404 })
  try {
    roomContextFor(await loadSessionFacts(session.id), visitorIdentity(user, locale))
  } catch (error) {
    // The room's refusal (a DomainError: 404, 403 or 401) decides what the page offers.
    if (!isDomainError(error) || error.code === 'not-found') throw error
    return { id: session.id, access: error.code === 'unauthenticated' ? ('sign-in' as const) : ('forbidden' as const) }
  }
  return {
    id: session.id,
    access: 'watch' as const,
    title: pickLocalized(session.title, session.titleI18n, locale),
    description: session.description,
    status: session.status,
    isPublic: session.isPublic,
    isHost: user?.exporterMember?.company.id === session.companyId,
    scheduledStartAt: session.scheduledStartAt.toISOString(),
    companyName: pickLocalized(session.company.name, session.company.nameI18n, locale),
    companySlug: session.company.slug,
  }
}
