import { DomainError } from '~/domain/errors'
import type { SessionUser } from '~/domain/accounts/session.server'
import { pickLocalized } from '~/domain/catalog/translations'
import { getPrisma, isUniqueViolation } from '~/domain/db.server'
import { flushNotificationEmails, notify } from '~/domain/notifications/notify.server'
import { Prisma } from '~/generated/prisma/client'
import type { FairInput, ProposeSessionInput } from './schemas'
import { instantToWallClock, wallClockToInstant } from '~/lib/time'
import { assertShowcaseTiming } from '~/domain/live/schedule'
import { nameIn } from '~/domain/notifications/localized-values'
import { scheduleShowReminders } from '~/domain/engagement/reminders.server'

const MINUTE = 60_000

function localizedJson(ko: string): Record<string, string> {
  return ko ? { ko } : {}
}

/** The organizer's fairs (admins: all) with registration and programme counts. */
export async function listManagedFairs(user: Pick<SessionUser, 'id' | 'role'>, locale: string) {
  const prisma = await getPrisma()
  const fairs = await prisma.tradeFair.findMany({
    where: user.role === 'ADMIN' ? {} : { organizerId: user.id },
    orderBy: { startsAt: 'desc' },
    select: {
      id: true,
      slug: true,
      name: true,
      nameI18n: true,
      status: true,
      startsAt: true,
      endsAt: true,
      timeZone: true,
      _count: { select: { booths: true, liveSessions: true } },
      registrations: { where: { status: 'PENDING' }, select: { id: true } },
    },
  })
  return fairs.map((fair) => ({
    id: fair.id,
    slug: fair.slug,
    name: pickLocalized(fair.name, fair.nameI18n, locale),
    status: fair.status,
    startsAt: fair.startsAt.toISOString(),
    endsAt: fair.endsAt.toISOString(),
    timeZone: fair.timeZone,
    booths: fair._count.booths,
    sessions: fair._count.liveSessions,
    pending: fair.registrations.length,
  }))
}

function fairData(input: FairInput) {
  return {
    name: input.name,
    nameI18n: localizedJson(input.nameKo),
    description: input.description,
    descriptionI18n: localizedJson(input.descriptionKo),
    startsAt: wallClockToInstant(input.startsAt, input.timeZone),
    endsAt: wallClockToInstant(input.endsAt, input.timeZone),
    timeZone: input.timeZone,
    languages: input.languages,
    status: input.status,
    replayPolicy: input.replayPolicy,
    replayRetentionDays: input.replayRetentionDays ?? null,
  }
}

/** Another fair has the slug: shown on the slug field. */
const slugTaken = () => new DomainError('slug-taken', { field: 'slug', messageKey: 'fairs.errors.slugTaken' })

export async function createFair(organizerId: string, input: FairInput): Promise<string> {
  const prisma = await getPrisma()
  try {
    const fair = await prisma.tradeFair.create({ data: { ...fairData(input), slug: input.slug, organizerId }, select: { id: true } })
    return fair.id
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken()
    throw error
  }
}

export async function updateFair(fairId: string, input: FairInput): Promise<void> {
  const prisma = await getPrisma()
  try {
    await prisma.tradeFair.update({ where: { id: fairId }, data: { ...fairData(input), slug: input.slug } })
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken()
    throw error
  }
}

/** Everything the organizer's fair page shows: details as form values, halls, registrations, booths, programme. */
export async function getFairForManagement(fairId: string, locale: string) {
  const prisma = await getPrisma()
  const fair = await prisma.tradeFair.findUniqueOrThrow({
    where: { id: fairId },
    include: {
      halls: { orderBy: { position: 'asc' } },
      registrations: {
        orderBy: [{ status: 'asc' }, { createdAt: 'asc' }],
        select: {
          id: true,
          kind: true,
          status: true,
          createdAt: true,
          decidedAt: true,
          user: { select: { name: true, email: true, buyerProfile: { select: { id: true, companyName: true, country: true } } } },
          company: { select: { name: true, nameI18n: true } },
        },
      },
      booths: {
        orderBy: { code: 'asc' },
        select: { id: true, code: true, hallId: true, headline: true, company: { select: { name: true, nameI18n: true } } },
      },
      liveSessions: {
        where: { kind: 'SHOWCASE' },
        orderBy: [{ approvedAt: { sort: 'asc', nulls: 'first' } }, { scheduledStartAt: 'asc' }],
        select: {
          id: true,
          title: true,
          titleI18n: true,
          status: true,
          approvedAt: true,
          scheduledStartAt: true,
          scheduledEndAt: true,
          company: { select: { name: true, nameI18n: true } },
          recording: { select: { id: true, status: true, published: true } },
        },
      },
    },
  })
  const i18n = (value: unknown) => (value && typeof value === 'object' ? (value as Record<string, string>) : {})
  return {
    id: fair.id,
    slug: fair.slug,
    status: fair.status,
    timeZone: fair.timeZone,
    name: pickLocalized(fair.name, fair.nameI18n, locale),
    form: {
      name: fair.name,
      nameKo: i18n(fair.nameI18n).ko ?? '',
      slug: fair.slug,
      startsAt: instantToWallClock(fair.startsAt, fair.timeZone),
      endsAt: instantToWallClock(fair.endsAt, fair.timeZone),
      timeZone: fair.timeZone,
      description: fair.description,
      descriptionKo: i18n(fair.descriptionI18n).ko ?? '',
      languages: fair.languages,
      status: fair.status,
      replayPolicy: fair.replayPolicy,
      replayRetentionDays: fair.replayRetentionDays === null ? '' : String(fair.replayRetentionDays),
    },
    halls: fair.halls.map((hall) => ({ id: hall.id, name: pickLocalized(hall.name, hall.nameI18n, locale) })),
    registrations: fair.registrations.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
      name: r.kind === 'EXHIBITOR' && r.company ? pickLocalized(r.company.name, r.company.nameI18n, locale) : (r.user.buyerProfile?.companyName ?? r.user.name),
      contact: `${r.user.name} <${r.user.email}>`,
      country: r.kind === 'BUYER' ? (r.user.buyerProfile?.country ?? null) : 'KR',
      /** The buyer company a BUYER registration can be verified as (docs/verified-buyers.md). */
      buyerId: r.kind === 'BUYER' ? (r.user.buyerProfile?.id ?? null) : null,
    })),
    booths: fair.booths.map((booth) => ({ ...booth, company: pickLocalized(booth.company.name, booth.company.nameI18n, locale) })),
    sessions: fair.liveSessions.map((s) => ({
      id: s.id,
      title: pickLocalized(s.title, s.titleI18n, locale),
      status: s.status,
      approved: s.approvedAt !== null,
      startsAt: s.scheduledStartAt.toISOString(),
      endsAt: s.scheduledEndAt.toISOString(),
      wallClockStart: instantToWallClock(s.scheduledStartAt, fair.timeZone),
      durationMinutes: Math.round((s.scheduledEndAt.getTime() - s.scheduledStartAt.getTime()) / MINUTE),
      company: pickLocalized(s.company.name, s.company.nameI18n, locale),
      /** Its replay, while one exists to show or take offline. */
      replay: s.recording && s.recording.status !== 'REMOVED' ? s.recording : null,
    })),
  }
}

export async function addHall(fairId: string, input: { name: string; nameKo: string }) {
  const prisma = await getPrisma()
  const position = await prisma.fairHall.count({ where: { fairId } })
  await prisma.fairHall.create({ data: { fairId, name: input.name, nameI18n: localizedJson(input.nameKo), position } })
}

/** Next free booth code "B-001", "B-002", … in this fair. */
async function nextBoothCode(tx: Prisma.TransactionClient, fairId: string): Promise<string> {
  const codes = await tx.booth.findMany({ where: { fairId }, select: { code: true } })
  const taken = new Set(codes.map((c) => c.code))
  for (let n = codes.length + 1; ; n++) {
    const code = `B-${String(n).padStart(3, '0')}`
    if (!taken.has(code)) return code
  }
}

/**
 * Approves or rejects a PENDING registration and notifies the registrant. Approving an exhibitor gives
 * the company a booth (one per company and fair). A decided registration cannot be decided again (409).
 */
export async function decideRegistration(fairId: string, registrationId: string, decision: 'APPROVED' | 'REJECTED', now = new Date()) {
  const prisma = await getPrisma()
  const emails = await prisma.$transaction(async (tx) => {
    const registration = await tx.fairRegistration.findFirst({
      where: { id: registrationId, fairId },
      select: { id: true, userId: true, kind: true, status: true, companyId: true, fair: { select: { name: true, nameI18n: true, slug: true } } },
    })
    if (!registration) throw new DomainError('not-found', { status: 404 })
    const updated = await tx.fairRegistration.updateMany({
      where: { id: registrationId, status: 'PENDING' },
      data: { status: decision, decidedAt: now },
    })
    if (updated.count !== 1) throw new DomainError('already-decided', { status: 409, messageKey: 'fairs.errors.already-decided' })
    if (decision === 'APPROVED' && registration.kind === 'EXHIBITOR' && registration.companyId) {
      // One booth giver per fair at a time: two approvals at once would pick the same next code, or both create
      // the booth of a company two colleagues registered. NO KEY: rows that only reference the fair don't wait.
      await tx.$queryRaw`SELECT "id" FROM "TradeFair" WHERE "id" = ${fairId} FOR NO KEY UPDATE`
      const existing = await tx.booth.findUnique({ where: { fairId_companyId: { fairId, companyId: registration.companyId } } })
      if (existing) await tx.booth.update({ where: { id: existing.id }, data: { approvedAt: now } })
      else await tx.booth.create({ data: { fairId, companyId: registration.companyId, code: await nextBoothCode(tx, fairId), approvedAt: now } })
    }
    return notify(tx, {
      userIds: [registration.userId],
      kind: 'registration.decided',
      // The message words the status with $t(status.…): the enum value, as every other notification passes it.
      data: { status: decision },
      localized: { fair: nameIn(registration.fair.name, registration.fair.nameI18n) },
      link: `/fairs/${registration.fair.slug}`,
    })
  })
  await flushNotificationEmails(emails)
}

export async function updateBooth(fairId: string, input: { boothId: string; code: string; hallId?: string | undefined; headline: string }) {
  const prisma = await getPrisma()
  if (input.hallId) {
    const hall = await prisma.fairHall.findFirst({ where: { id: input.hallId, fairId }, select: { id: true } })
    if (!hall) throw new DomainError('invalid-hall', { status: 400, messageKey: 'fairs.errors.invalid-hall' })
  }
  try {
    const updated = await prisma.booth.updateMany({
      where: { id: input.boothId, fairId },
      data: { code: input.code.toUpperCase(), hallId: input.hallId || null, headline: input.headline },
    })
    if (updated.count !== 1) throw new DomainError('not-found', { status: 404 })
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('booth-code-taken', { status: 409, messageKey: 'fairs.errors.booth-code-taken' })
    throw error
  }
}

/** The organizer approves a proposed showcase and places it in the programme (wall-clock time in the fair's zone). */
export async function placeSession(fairId: string, input: { sessionId: string; startsAt: string; durationMinutes: number }, now = new Date()) {
  const prisma = await getPrisma()
  const fair = await prisma.tradeFair.findUniqueOrThrow({ where: { id: fairId }, select: { timeZone: true } })
  const start = wallClockToInstant(input.startsAt, fair.timeZone)
  const updated = await prisma.liveSession.updateMany({
    where: { id: input.sessionId, fairId, status: 'SCHEDULED' },
    data: { scheduledStartAt: start, scheduledEndAt: new Date(start.getTime() + input.durationMinutes * MINUTE), approvedAt: now },
  })
  if (updated.count !== 1) throw new DomainError('not-found', { status: 404 })
  // Its reminders follow the (new) start: the fair's buyers and RSVPs are reminded at the time placed.
  await scheduleShowReminders(input.sessionId, now)
}

export async function unplaceSession(fairId: string, sessionId: string) {
  const prisma = await getPrisma()
  const updated = await prisma.liveSession.updateMany({ where: { id: sessionId, fairId, status: 'SCHEDULED' }, data: { approvedAt: null } })
  if (updated.count !== 1) throw new DomainError('not-found', { status: 404 })
}

// ───────────────────────────── Registrant side ─────────────────────────────

export async function getOpenFairBySlug(slug: string) {
  const prisma = await getPrisma()
  return prisma.tradeFair.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, nameI18n: true, status: true, timeZone: true, startsAt: true, endsAt: true },
  })
}

export async function getRegistration(fairId: string, userId: string) {
  const prisma = await getPrisma()
  return prisma.fairRegistration.findUnique({ where: { fairId_userId: { fairId, userId } }, select: { id: true, kind: true, status: true } })
}

/** An exporter (for their company) or a buyer registers for an OPEN or LIVE fair; PENDING until decided. */
export async function registerForFair(user: SessionUser, fairId: string, now = new Date()) {
  const prisma = await getPrisma()
  const fair = await prisma.tradeFair.findUnique({ where: { id: fairId }, select: { status: true } })
  if (!fair || (fair.status !== 'OPEN' && fair.status !== 'LIVE')) throw new DomainError('closed', { status: 409, messageKey: 'fairs.errors.register-closed' })
  const kind = user.role === 'EXPORTER' ? 'EXHIBITOR' : user.role === 'BUYER' ? 'BUYER' : null
  if (!kind) throw new DomainError('forbidden', { status: 403, messageKey: 'fairs.errors.register-forbidden' })
  if (kind === 'EXHIBITOR' && !user.exporterMember) throw new DomainError('no-company', { status: 403, messageKey: 'fairs.errors.register-no-company' })
  const companyId = kind === 'EXHIBITOR' ? (user.exporterMember?.company.id ?? null) : null
  const register = () =>
    prisma.$transaction(async (tx) => {
      if (companyId) {
        // One exhibitor registration per company: a colleague's registration counts, including one being made
        // right now (the company is locked until it commits). NO KEY: rows that only reference it don't wait.
        await tx.$queryRaw`SELECT "id" FROM "ExporterCompany" WHERE "id" = ${companyId} FOR NO KEY UPDATE`
        const colleague = await tx.fairRegistration.findFirst({ where: { fairId, companyId, status: { in: ['PENDING', 'APPROVED'] } } })
        if (colleague) return colleague.id
      }
      const registration = await tx.fairRegistration.upsert({
        where: { fairId_userId: { fairId, userId: user.id } },
        update: {},
        create: { fairId, userId: user.id, kind, companyId, createdAt: now },
        select: { id: true },
      })
      return registration.id
    })
  try {
    return await register()
  } catch (error) {
    // The same person's second submit committed first: the upsert finds it now.
    if (isUniqueViolation(error)) return await register()
    throw error
  }
}

/** A showcase proposed for a fair's programme; instants, whichever zone the form was filled in. */
export type FairShowcaseProposal = {
  title: string
  description: string
  language?: string
  start: Date
  end: Date
  isPublic?: boolean
  /** Already checked to be the company's own products. */
  productIds?: readonly string[]
}

/**
 * THE fairs a company may propose showcases to: an approved booth there, the fair neither a draft, closed
 * nor ended. The proposal rule below and the schedule form's list of fairs both read this predicate.
 */
export function fairOpenForProposalsWhere(companyId: string, now: Date): Prisma.TradeFairWhereInput {
  return { status: { in: ['OPEN', 'LIVE'] }, endsAt: { gt: now }, booths: { some: { companyId, approvedAt: { not: null } } } }
}

/** The fair is unknown, a draft, or the company has no approved booth at it: one answer for all three. */
const notExhibitor = () => new DomainError('not-exhibitor', { status: 403, field: 'fairId', messageKey: 'fairs.errors.not-exhibitor' })

/**
 * THE rule for a showcase in a fair's programme, used by the fair's proposal form and by the exporter's
 * schedule form: the fair is open for the company's proposals (fairOpenForProposalsWhere), the show meets
 * the timing rule of every showcase (assertShowcaseTiming: not in the past, 10 minutes to 8 hours), takes
 * place within the fair's dates and is public (the programme is). The showcase then waits for the
 * organizer (approvedAt null), who places it (placeSession).
 */
export async function proposeFairShowcase(user: SessionUser, fairId: string, proposal: FairShowcaseProposal, now: Date): Promise<string> {
  const company = user.exporterMember?.company
  if (!company) throw new DomainError('forbidden', { status: 403 })
  const prisma = await getPrisma()
  const fair = await prisma.tradeFair.findFirst({
    where: { id: fairId, ...fairOpenForProposalsWhere(company.id, now) },
    select: { startsAt: true, endsAt: true },
  })
  if (!fair) {
    // Not open to this company: only an exhibitor learns that the fair has ended; anyone else, one answer.
    const [known, booth] = await Promise.all([
      prisma.tradeFair.findUnique({ where: { id: fairId }, select: { status: true } }),
      prisma.booth.findUnique({ where: { fairId_companyId: { fairId, companyId: company.id } }, select: { approvedAt: true } }),
    ])
    if (!known || known.status === 'DRAFT' || !booth?.approvedAt) throw notExhibitor()
    throw new DomainError('fair-ended', { status: 409, field: 'fairId', messageKey: 'fairs.errors.fair-ended' })
  }
  assertShowcaseTiming(proposal, now)
  if (proposal.start < fair.startsAt || proposal.end > fair.endsAt)
    throw new DomainError('outside-fair', { status: 400, field: 'startsAt', messageKey: 'fairs.errors.outside-fair' })
  if (proposal.isPublic === false)
    throw new DomainError('private-fair-showcase', { status: 400, field: 'isPublic', messageKey: 'fairs.errors.private-fair-showcase' })
  const productIds = [...new Set(proposal.productIds ?? [])]
  const session = await prisma.liveSession.create({
    data: {
      kind: 'SHOWCASE',
      title: proposal.title,
      description: proposal.description,
      ...(proposal.language ? { language: proposal.language } : {}),
      isPublic: true,
      scheduledStartAt: proposal.start,
      scheduledEndAt: proposal.end,
      hostId: user.id,
      companyId: company.id,
      fairId,
      approvedAt: null,
      featuredProducts: { create: productIds.map((productId, position) => ({ productId, position })) },
    },
    select: { id: true },
  })
  return session.id
}

/** The fair's own proposal form: a wall-clock start in the fair's zone and a duration. */
export async function proposeSession(user: SessionUser, fairId: string, input: ProposeSessionInput, now = new Date()): Promise<string> {
  const prisma = await getPrisma()
  const fair = await prisma.tradeFair.findUnique({ where: { id: fairId }, select: { timeZone: true } })
  if (!fair) throw notExhibitor()
  const start = wallClockToInstant(input.preferredStart, fair.timeZone)
  const end = new Date(start.getTime() + input.durationMinutes * MINUTE)
  return proposeFairShowcase(user, fairId, { title: input.title, description: input.description, language: input.language, start, end }, now)
}

/** Fairs the company may propose showcases to from the schedule form (fairOpenForProposalsWhere), soonest first. */
export async function listFairsOpenForProposals(companyId: string, now: Date, locale: string) {
  const prisma = await getPrisma()
  const fairs = await prisma.tradeFair.findMany({
    where: fairOpenForProposalsWhere(companyId, now),
    orderBy: { startsAt: 'asc' },
    select: { id: true, name: true, nameI18n: true, startsAt: true, endsAt: true, timeZone: true },
  })
  return fairs.map((fair) => ({
    id: fair.id,
    name: pickLocalized(fair.name, fair.nameI18n, locale),
    startsAt: fair.startsAt.toISOString(),
    endsAt: fair.endsAt.toISOString(),
    timeZone: fair.timeZone,
  }))
}

export async function listOwnProposals(companyId: string, fairId: string, locale: string) {
  const prisma = await getPrisma()
  const sessions = await prisma.liveSession.findMany({
    where: { companyId, fairId },
    orderBy: { scheduledStartAt: 'asc' },
    select: { id: true, title: true, titleI18n: true, approvedAt: true, scheduledStartAt: true, status: true },
  })
  return sessions.map((s) => ({
    id: s.id,
    title: pickLocalized(s.title, s.titleI18n, locale),
    approved: s.approvedAt !== null,
    startsAt: s.scheduledStartAt.toISOString(),
    status: s.status,
  }))
}

/** Replaces the fair's banner image; returns the previous path so the caller can delete the file. */
export async function setFairBanner(fairId: string, bannerPath: string): Promise<string | null> {
  const prisma = await getPrisma()
  const previous = await prisma.tradeFair.findUniqueOrThrow({ where: { id: fairId }, select: { bannerPath: true } })
  await prisma.tradeFair.update({ where: { id: fairId }, data: { bannerPath } })
  return previous.bannerPath
}
