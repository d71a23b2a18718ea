// Trade-officer consultations (docs/consultations.md): officers publish weekly hours in their own zone,
// exporters (overseas Korean entrepreneurs included: they are exporter accounts) book a free slot about a
// market, the officer confirms, both meet in a private video room (the meetings' room machinery, a
// MEETING live session admitted by ./room-access.server.ts), and the officer leaves notes and tasks.
import type { Prisma } from '~/generated/prisma/client'
import type { SessionUser } from '~/domain/accounts/session.server'
import { getPrisma } from '~/domain/db.server'
import { DomainError, type DomainErrorStatus } from '~/domain/errors'
import { flushNotificationEmails, notify } from '~/domain/notifications/notify.server'
import { countryIn } from '~/domain/notifications/localized-values'
import type { TimeInterval } from '~/domain/matchmaking/slot-finder'
import { cancelConsultationJobs, scheduleConsultationAttendance, scheduleConsultationReminder } from './jobs.server'
import type { BookConsultationInput, OfficerProfileInput } from './schemas'
import { weeklyHoursOf } from './schemas'
import { BOOKING_WINDOW_DAYS, isFreeSlot, officerFreeSlots, type OfficerAvailability } from './slots'
import { SLOT_HOLDING_STATUSES } from './topics'

type Tx = Prisma.TransactionClient
const DAY_MS = 86_400_000

export type ConsultationErrorCode =
  'not-found' | 'forbidden' | 'no-company' | 'no-profile' | 'slot-unavailable' | 'market-not-advised' | 'invalid-transition' | 'too-early' | 'unknown-product'

function fail(status: DomainErrorStatus, code: ConsultationErrorCode): never {
  throw new DomainError<ConsultationErrorCode>(code, { status, messageKey: `consultations.errors.${code}` })
}

// ───────────────────────────── officers ─────────────────────────────

const officerCard = {
  id: true,
  officeName: true,
  markets: true,
  languages: true,
  timeZone: true,
  slotMinutes: true,
  bio: true,
  user: { select: { id: true, name: true } },
  hours: { select: { weekday: true, start: true, end: true }, orderBy: { weekday: 'asc' } },
} satisfies Prisma.TradeOfficerProfileSelect

export type OfficerCard = Prisma.TradeOfficerProfileGetPayload<{ select: typeof officerCard }>

/** The signed-in officer's profile (null before they save it the first time). */
export async function getOwnOfficerProfile(userId: string): Promise<OfficerCard | null> {
  const prisma = await getPrisma()
  return prisma.tradeOfficerProfile.findUnique({ where: { userId }, select: officerCard })
}

/** Creates or replaces the officer's profile and weekly hours (one transaction). */
export async function saveOfficerProfile(userId: string, input: OfficerProfileInput): Promise<void> {
  const prisma = await getPrisma()
  const profile = {
    officeName: input.officeName,
    markets: input.markets,
    languages: input.languages,
    timeZone: input.timeZone,
    slotMinutes: input.slotMinutes,
    bio: input.bio,
  }
  await prisma.$transaction(async (tx) => {
    const saved = await tx.tradeOfficerProfile.upsert({ where: { userId }, create: { userId, ...profile }, update: profile, select: { id: true } })
    await tx.consultationHours.deleteMany({ where: { officerId: saved.id } })
    await tx.consultationHours.createMany({ data: weeklyHoursOf(input).map((day) => ({ officerId: saved.id, ...day })) })
  })
}

/** Officers by market (ISO alpha-2) and language, those with published hours first. */
export async function searchOfficers(filter: { market?: string | undefined; language?: string | undefined }): Promise<OfficerCard[]> {
  const prisma = await getPrisma()
  const officers = await prisma.tradeOfficerProfile.findMany({
    where: {
      ...(filter.market ? { markets: { has: filter.market } } : {}),
      ...(filter.language ? { languages: { has: filter.language } } : {}),
      user: { role: 'TRADE_OFFICER' },
    },
    orderBy: [{ officeName: 'asc' }, { id: 'asc' }],
    take: 100,
    select: officerCard,
  })
  return officers.sort((a, b) => Number(b.hours.length > 0) - Number(a.hours.length > 0))
}

export async function getOfficer(officerId: string): Promise<OfficerCard> {
  const prisma = await getPrisma()
  const officer = await prisma.tradeOfficerProfile.findFirst({ where: { id: officerId, user: { role: 'TRADE_OFFICER' } }, select: officerCard })
  if (!officer) fail(404, 'not-found')
  return officer
}

async function availabilityOf(
  db: Tx,
  officer: Pick<OfficerCard, 'id' | 'timeZone' | 'slotMinutes' | 'hours'>,
  window: TimeInterval,
): Promise<OfficerAvailability> {
  const booked = await db.consultation.findMany({
    where: { officerId: officer.id, status: { in: [...SLOT_HOLDING_STATUSES] }, startsAt: { lt: window.end }, endsAt: { gt: window.start } },
    select: { startsAt: true, endsAt: true },
  })
  return {
    id: officer.id,
    timeZone: officer.timeZone,
    slotMinutes: officer.slotMinutes,
    hours: officer.hours,
    busy: booked.map((row) => ({ start: row.startsAt, end: row.endsAt })),
  }
}

/** The officer's free slots from `now` over the booking window. */
export async function freeSlotsOf(officer: OfficerCard, now: Date, limit = 60): Promise<TimeInterval[]> {
  const prisma = await getPrisma()
  const window = { start: now, end: new Date(now.getTime() + BOOKING_WINDOW_DAYS * DAY_MS) }
  const availability = await availabilityOf(prisma, officer, window)
  return officerFreeSlots(availability, { from: window.start, to: window.end, now, limit })
}

// ───────────────────────────── booking ─────────────────────────────

function requireCompanyId(user: SessionUser): string {
  const companyId = user.exporterMember?.company.id
  if (user.role !== 'EXPORTER' || !companyId) fail(403, 'no-company')
  return companyId
}

/**
 * An exporter books one of the officer's free slots. The officer's profile row is locked for the check
 * and the insert, so two bookings of the same slot (or overlapping ones) cannot both succeed.
 */
export async function bookConsultation(user: SessionUser, officerId: string, input: BookConsultationInput, now: Date): Promise<string> {
  const companyId = requireCompanyId(user)
  const prisma = await getPrisma()
  const start = new Date(input.slotStart)
  const { id, emails, endsAt } = await prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "TradeOfficerProfile" WHERE "id" = ${officerId} FOR UPDATE`
    const officer = await tx.tradeOfficerProfile.findFirst({
      where: { id: officerId, user: { role: 'TRADE_OFFICER' } },
      select: { ...officerCard, userId: true },
    })
    if (!officer) fail(404, 'not-found')
    if (!officer.markets.includes(input.market)) fail(400, 'market-not-advised')
    const end = new Date(start.getTime() + officer.slotMinutes * 60_000)
    const availability = await availabilityOf(tx, officer, { start, end })
    if (!isFreeSlot(availability, start, now)) fail(409, 'slot-unavailable')
    const productIds = [...new Set(input.productIds)]
    if (productIds.length > 0) {
      const owned = await tx.product.count({ where: { id: { in: productIds }, companyId } })
      if (owned !== productIds.length) fail(400, 'unknown-product')
    }
    const created = await tx.consultation.create({
      data: {
        officerId,
        requesterId: user.id,
        companyId,
        market: input.market,
        topic: input.topic,
        question: input.question,
        startsAt: start,
        endsAt: end,
        products: { create: productIds.map((productId) => ({ productId })) },
      },
      select: { id: true, company: { select: { name: true } } },
    })
    const emails = await notify(tx, {
      userIds: [officer.userId],
      kind: 'consultation.requested',
      data: { from: created.company.name },
      times: { when: { at: start, fallbackTimeZone: officer.timeZone } },
      localized: { market: countryIn(input.market) },
      link: `/consultations/${created.id}`,
    })
    return { id: created.id, emails, endsAt: end }
  })
  await flushNotificationEmails(emails)
  await scheduleConsultationAttendance({ id, endsAt })
  return id
}

// ───────────────────────────── one consultation ─────────────────────────────

const consultationView = {
  id: true,
  status: true,
  market: true,
  topic: true,
  question: true,
  startsAt: true,
  endsAt: true,
  advisorNotes: true,
  liveSessionId: true,
  requesterJoinedAt: true,
  officerJoinedAt: true,
  confirmedAt: true,
  cancelledAt: true,
  requesterId: true,
  requester: { select: { name: true, timeZone: true } },
  company: { select: { id: true, name: true, timeZone: true, overseasKorean: true, residenceCountry: true } },
  officer: { select: { id: true, userId: true, officeName: true, timeZone: true, user: { select: { name: true } } } },
  products: { select: { product: { select: { id: true, translations: { select: { locale: true, name: true } } } } } },
  tasks: { select: { id: true, title: true, dueOn: true, doneAt: true }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
} satisfies Prisma.ConsultationSelect

export type ConsultationView = Prisma.ConsultationGetPayload<{ select: typeof consultationView }>
export type ConsultationSide = 'officer' | 'requester'

/** The consultation as one of its two participants sees it; anyone else gets a 404. */
export async function getConsultationFor(
  user: Pick<SessionUser, 'id' | 'role'>,
  consultationId: string,
): Promise<{ consultation: ConsultationView; side: ConsultationSide }> {
  const prisma = await getPrisma()
  const consultation = await prisma.consultation.findUnique({ where: { id: consultationId }, select: consultationView })
  if (!consultation) fail(404, 'not-found')
  if (consultation.officer.userId === user.id && user.role === 'TRADE_OFFICER') return { consultation, side: 'officer' }
  if (consultation.requesterId === user.id) return { consultation, side: 'requester' }
  fail(404, 'not-found')
}

async function loadForChange(tx: Tx, user: Pick<SessionUser, 'id' | 'role'>, consultationId: string, sides: readonly ConsultationSide[]) {
  await tx.$queryRaw`SELECT "id" FROM "Consultation" WHERE "id" = ${consultationId} FOR UPDATE`
  const consultation = await tx.consultation.findUnique({ where: { id: consultationId }, select: consultationView })
  if (!consultation) fail(404, 'not-found')
  const side: ConsultationSide | null =
    consultation.officer.userId === user.id && user.role === 'TRADE_OFFICER' ? 'officer' : consultation.requesterId === user.id ? 'requester' : null
  if (!side) fail(404, 'not-found')
  if (!sides.includes(side)) fail(403, 'forbidden')
  return { consultation, side }
}

async function change<T>(run: (tx: Tx) => Promise<{ result: T; emails: string[] }>): Promise<T> {
  const prisma = await getPrisma()
  const { result, emails } = await prisma.$transaction(run)
  await flushNotificationEmails(emails)
  return result
}

function tellOtherSide(tx: Tx, consultation: ConsultationView, side: ConsultationSide, status: string) {
  const toOfficer = side === 'requester'
  return notify(tx, {
    userIds: [toOfficer ? consultation.officer.userId : consultation.requesterId],
    kind: 'consultation.updated',
    data: { with: toOfficer ? consultation.company.name : consultation.officer.officeName, status },
    times: { when: { at: consultation.startsAt, fallbackTimeZone: toOfficer ? consultation.officer.timeZone : consultation.company.timeZone } },
    link: `/consultations/${consultation.id}`,
  })
}

/** The officer confirms a requested consultation: its private video room is made, the reminder scheduled. */
export async function confirmConsultation(user: SessionUser, consultationId: string, now: Date): Promise<void> {
  const confirmed = await change(async (tx) => {
    const { consultation, side } = await loadForChange(tx, user, consultationId, ['officer'])
    if (consultation.status !== 'REQUESTED' || consultation.endsAt <= now) fail(409, 'invalid-transition')
    const session = await tx.liveSession.create({
      data: {
        kind: 'MEETING',
        isPublic: false,
        title: `${consultation.officer.officeName} × ${consultation.company.name}`,
        scheduledStartAt: consultation.startsAt,
        scheduledEndAt: consultation.endsAt,
        hostId: consultation.officer.userId,
        companyId: consultation.company.id,
      },
      select: { id: true },
    })
    await tx.consultation.update({ where: { id: consultationId }, data: { status: 'CONFIRMED', confirmedAt: now, liveSessionId: session.id } })
    const emails = await tellOtherSide(tx, consultation, side, 'CONFIRMED')
    return { result: consultation, emails }
  })
  await scheduleConsultationReminder(confirmed, now)
}

/** Either side calls it off before its end. */
export async function cancelConsultation(user: SessionUser, consultationId: string, now: Date): Promise<void> {
  await change(async (tx) => {
    const { consultation, side } = await loadForChange(tx, user, consultationId, ['officer', 'requester'])
    if ((consultation.status !== 'REQUESTED' && consultation.status !== 'CONFIRMED') || consultation.endsAt <= now) fail(409, 'invalid-transition')
    await tx.consultation.update({ where: { id: consultationId }, data: { status: 'CANCELLED', cancelledAt: now, cancelledById: user.id } })
    if (consultation.liveSessionId)
      await tx.liveSession.updateMany({ where: { id: consultation.liveSessionId, status: { in: ['SCHEDULED', 'LIVE'] } }, data: { status: 'CANCELLED' } })
    return { result: null, emails: await tellOtherSide(tx, consultation, side, 'CANCELLED') }
  })
  await cancelConsultationJobs(consultationId)
}

/** The officer's notes, written during or after the consultation (shown to the requester). */
export async function saveAdvisorNotes(user: SessionUser, consultationId: string, advisorNotes: string): Promise<void> {
  await change(async (tx) => {
    const { consultation } = await loadForChange(tx, user, consultationId, ['officer'])
    if (consultation.status === 'CANCELLED' || consultation.status === 'REQUESTED') fail(409, 'invalid-transition')
    await tx.consultation.update({ where: { id: consultationId }, data: { advisorNotes } })
    return { result: null, emails: [] }
  })
}

/** The officer marks the consultation held or a no-show, from its start on. */
export async function recordConsultationOutcome(user: SessionUser, consultationId: string, status: 'HELD' | 'NO_SHOW', now: Date): Promise<void> {
  await change(async (tx) => {
    const { consultation, side } = await loadForChange(tx, user, consultationId, ['officer'])
    if (consultation.status !== 'CONFIRMED' && consultation.status !== 'HELD' && consultation.status !== 'NO_SHOW') fail(409, 'invalid-transition')
    if (now < consultation.startsAt) fail(409, 'too-early')
    await tx.consultation.update({ where: { id: consultationId }, data: { status } })
    if (consultation.liveSessionId)
      await tx.liveSession.updateMany({
        where: { id: consultation.liveSessionId, status: { in: ['SCHEDULED', 'LIVE'] } },
        data: { status: 'ENDED', endedAt: now },
      })
    return { result: null, emails: consultation.status === status ? [] : await tellOtherSide(tx, consultation, side, status) }
  })
}

/** A follow-up task set by the officer. */
export async function addConsultationTask(user: SessionUser, consultationId: string, task: { title: string; dueOn?: string | undefined }): Promise<void> {
  await change(async (tx) => {
    const { consultation } = await loadForChange(tx, user, consultationId, ['officer'])
    if (consultation.status === 'CANCELLED' || consultation.status === 'REQUESTED') fail(409, 'invalid-transition')
    await tx.consultationTask.create({ data: { consultationId, title: task.title, dueOn: task.dueOn ? new Date(`${task.dueOn}T00:00:00Z`) : null } })
    return { result: null, emails: [] }
  })
}

/** Either participant ticks a task done (or not done again). */
export async function setConsultationTaskDone(user: SessionUser, consultationId: string, taskId: string, done: boolean, now: Date): Promise<void> {
  await change(async (tx) => {
    await loadForChange(tx, user, consultationId, ['officer', 'requester'])
    const updated = await tx.consultationTask.updateMany({ where: { id: taskId, consultationId }, data: { doneAt: done ? now : null } })
    if (updated.count === 0) fail(404, 'not-found')
    return { result: null, emails: [] }
  })
}

// ───────────────────────────── lists ─────────────────────────────

const consultationRow = {
  id: true,
  status: true,
  market: true,
  topic: true,
  startsAt: true,
  endsAt: true,
  company: { select: { name: true, overseasKorean: true } },
  officer: { select: { officeName: true, timeZone: true } },
  tasks: { select: { doneAt: true } },
} satisfies Prisma.ConsultationSelect

export type ConsultationRow = Prisma.ConsultationGetPayload<{ select: typeof consultationRow }>

/** The officer's consultations: upcoming (requested/confirmed) first by start, then the latest others. */
export async function listOfficerConsultations(userId: string, now: Date): Promise<{ upcoming: ConsultationRow[]; past: ConsultationRow[] }> {
  const prisma = await getPrisma()
  const [upcoming, past] = await Promise.all([
    prisma.consultation.findMany({
      where: { officer: { userId }, status: { in: ['REQUESTED', 'CONFIRMED'] }, endsAt: { gt: now } },
      orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
      take: 100,
      select: consultationRow,
    }),
    prisma.consultation.findMany({
      where: { officer: { userId }, OR: [{ status: { in: ['CANCELLED', 'HELD', 'NO_SHOW'] } }, { endsAt: { lte: now } }] },
      orderBy: [{ startsAt: 'desc' }, { id: 'asc' }],
      take: 50,
      select: consultationRow,
    }),
  ])
  return { upcoming, past }
}

/** The exporter's own consultations, latest first. */
export async function listRequesterConsultations(userId: string): Promise<ConsultationRow[]> {
  const prisma = await getPrisma()
  return prisma.consultation.findMany({ where: { requesterId: userId }, orderBy: [{ startsAt: 'desc' }, { id: 'asc' }], take: 100, select: consultationRow })
}
