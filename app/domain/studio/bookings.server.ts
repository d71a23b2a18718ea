import { z } from 'zod'
import { getPrisma } from '~/domain/db.server'
import { DomainError, isDomainError } from '~/domain/errors'
import type { CompanyAudit } from '~/domain/agencies/actor.server'
import { companyRecipients } from '~/domain/agencies/recipients.server'
import { assertShowcaseManagement } from '~/domain/live/room-access.server'
import { cancelJob, defineJob, scheduleJob } from '~/domain/jobs/jobs.server'
import { flushNotificationEmails, notify } from '~/domain/notifications/notify.server'
import { pickLocalized } from '~/domain/catalog/translations'
import { Prisma } from '~/generated/prisma/client'
import { languageName } from '~/lib/languages'
import { wallClockToInstant } from '~/lib/time'
import { getLogger } from '~/utils/logger.server'
import { addDays, isLateCancellation, openMillisecondsBetween, slotRefusal, studioDay } from './opening-hours'
import type { BookingRequestInput, CrewRole } from './schemas'
import { loadStudio, requireStudioOperator } from './studio.server'

// Studio bookings (ADR 024). A booking HOLDS its resources while REQUESTED or APPROVED: the set from the
// request on, crew and equipment from the operator's approval on. Whatever takes a resource locks the
// resource rows (SELECT … FOR UPDATE, in id order so two bookings never wait on each other crosswise),
// then checks the copied intervals in StudioBookingResource for an overlap, then writes, all in one
// transaction: two requests for the same set at the same time cannot both pass, on PGlite or PostgreSQL.

type Db = Prisma.TransactionClient

export const HOLDING_STATUSES = ['REQUESTED', 'APPROVED'] as const
/** After a slot's end, how long before the no-show check runs (a show running over is not a no-show). */
export const NO_SHOW_GRACE_MINUTES = 15

const SLOT_MESSAGES: Record<string, string> = {
  'slot-order': 'errors.hoursOrder',
  'slot-past': 'studioBooking.errors.slotPast',
  'slot-outside-hours': 'studioBooking.errors.outsideHours',
  'slot-blackout': 'studioBooking.errors.blackout',
}

function slotError(code: string): DomainError {
  return new DomainError(code, { status: 400, messageKey: SLOT_MESSAGES[code] ?? 'errors.invalid' })
}

/**
 * Locks the resources and refuses when any is held by another REQUESTED/APPROVED booking overlapping
 * [startsAt, endsAt). Must run inside the transaction that then writes the holds.
 */
export async function lockAndCheckResources(
  tx: Db,
  resourceIds: readonly string[],
  slot: { startsAt: Date; endsAt: Date },
  exceptBookingId?: string,
): Promise<void> {
  const ids = [...new Set(resourceIds)].sort()
  if (ids.length === 0) return
  const locked = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "StudioResource" WHERE "id" IN (${Prisma.join(ids)}) ORDER BY "id" FOR UPDATE`
  // Read before the lock and deleted by the operator meanwhile (deleteResource locks the row too).
  if (locked.length !== ids.length) throw new DomainError('resource-gone', { status: 409, messageKey: 'studioBooking.errors.resourceGone' })
  const clash = await tx.studioBookingResource.findFirst({
    where: {
      resourceId: { in: ids },
      startsAt: { lt: slot.endsAt },
      endsAt: { gt: slot.startsAt },
      booking: { status: { in: [...HOLDING_STATUSES] }, ...(exceptBookingId ? { id: { not: exceptBookingId } } : {}) },
    },
    select: { resource: { select: { name: true } } },
  })
  if (clash) {
    throw new DomainError('resource-taken', {
      status: 409,
      messageKey: 'studioBooking.errors.resourceTaken',
      detail: `${clash.resource.name} is already booked at that time`,
    })
  }
}

// ───────────────────────────── exporter side ─────────────────────────────

/**
 * Whose showcases a booking request or cancellation is for: the company the page acts for (a showcase of
 * another company is refused even when the actor manages it too), and an agency's audit hook.
 */
export type BookingActing = { companyId: string; audit?: CompanyAudit }

function assertActingCompany(acting: BookingActing | undefined, companyId: string) {
  if (acting && acting.companyId !== companyId) throw new DomainError('forbidden', { status: 403 })
}

/** An exporter's request for a slot for one of their showcases; holds the chosen set at once. */
export async function requestBooking(actorId: string, input: BookingRequestInput, now: Date, acting?: BookingActing): Promise<{ bookingId: string }> {
  // The company role's manage:showcase:own, the showcase's host, or an agency granted SHOWCASES (room-access rule).
  await assertShowcaseManagement(input.sessionId, actorId, 'manage:showcase:own')
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const studio = await loadStudio(tx, input.studioId)
    // The showcase row is locked before "one open booking per showcase" is checked: a second request for the
    // same showcase (another set, another time) waits here until the first commits, then sees its booking.
    await tx.$queryRaw`SELECT "id" FROM "LiveSession" WHERE "id" = ${input.sessionId} FOR UPDATE`
    const session = await tx.liveSession.findUnique({
      where: { id: input.sessionId },
      select: { id: true, kind: true, status: true, companyId: true, title: true },
    })
    if (!session) throw new DomainError('not-found', { status: 404 })
    assertActingCompany(acting, session.companyId)
    if (session.kind !== 'SHOWCASE' || session.status !== 'SCHEDULED') {
      throw new DomainError('showcase-not-scheduled', { status: 409, messageKey: 'studioBooking.errors.showcaseNotScheduled', field: 'sessionId' })
    }
    const set = await tx.studioResource.findFirst({ where: { id: input.setId, studioId: studio.id, kind: 'SET', active: true }, select: { id: true } })
    if (!set) throw new DomainError('set-unknown', { status: 400, messageKey: 'studioBooking.errors.setUnknown', field: 'setId' })
    const slot = {
      startsAt: wallClockToInstant(`${input.day}T${input.start}`, studio.timeZone),
      endsAt: wallClockToInstant(`${input.day}T${input.end}`, studio.timeZone),
    }
    const refusal = slotRefusal(slot, { timeZone: studio.timeZone, openingHours: studio.openingHours, blackoutDays: studio.blackouts.map((b) => b.day) }, now)
    if (refusal) throw slotError(refusal)
    const open = await tx.studioBooking.findFirst({ where: { sessionId: session.id, status: { in: [...HOLDING_STATUSES] } }, select: { id: true } })
    if (open) throw new DomainError('showcase-already-booked', { status: 409, messageKey: 'studioBooking.errors.showcaseAlreadyBooked', field: 'sessionId' })
    await lockAndCheckResources(tx, [set.id], slot)
    const booking = await tx.studioBooking.create({
      data: {
        studioId: studio.id,
        companyId: session.companyId,
        sessionId: session.id,
        requesterId: actorId,
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        showing: input.showing,
        languages: [...new Set(input.languages)],
        crewNeeded: [...new Set(input.crewNeeded)],
        resources: { create: { resourceId: set.id, startsAt: slot.startsAt, endsAt: slot.endsAt } },
      },
      select: { id: true },
    })
    await acting?.audit?.(tx, booking)
    const operators = await tx.user.findMany({ where: { role: 'STUDIO_OPERATOR' }, select: { id: true } })
    await notify(tx, {
      userIds: operators.map((operator) => operator.id),
      kind: 'studio.requested',
      data: { showcase: session.title },
      times: { startsAt: { at: slot.startsAt, fallbackTimeZone: studio.timeZone } },
      link: '/hub/studio',
      email: false,
    })
    return { bookingId: booking.id }
  })
}

/** The exporter cancels (free until the studio's freeCancelHours before the slot, later = a late cancellation, counted). */
export async function cancelBookingByExporter(
  actorId: string,
  bookingId: string,
  reason: string | undefined,
  now: Date,
  acting?: BookingActing,
): Promise<{ late: boolean }> {
  const prisma = await getPrisma()
  const booking = await prisma.studioBooking.findUnique({ where: { id: bookingId }, select: { sessionId: true, companyId: true } })
  if (!booking) throw new DomainError('not-found', { status: 404 })
  await assertShowcaseManagement(booking.sessionId, actorId, 'manage:showcase:own')
  assertActingCompany(acting, booking.companyId)
  const late = await prisma.$transaction(async (tx) => {
    const row = await lockBooking(tx, bookingId)
    if (row.status !== 'REQUESTED' && row.status !== 'APPROVED')
      throw new DomainError('booking-closed', { status: 409, messageKey: 'studioBooking.errors.bookingClosed' })
    if (row.startsAt.getTime() <= now.getTime()) throw new DomainError('booking-started', { status: 409, messageKey: 'studioBooking.errors.bookingStarted' })
    const studio = await tx.studio.findUniqueOrThrow({ where: { id: row.studioId }, select: { freeCancelHours: true } })
    const isLate = row.status === 'APPROVED' && isLateCancellation(row.startsAt, studio.freeCancelHours, now)
    await tx.studioBooking.update({
      where: { id: bookingId },
      data: { status: 'CANCELLED', cancelledAt: now, cancelledBy: 'EXPORTER', cancelReason: reason ?? null, lateCancellation: isLate },
    })
    await acting?.audit?.(tx, row)
    return isLate
  })
  await quietly('cancel the no-show check', bookingId, () => cancelJob(studioAttendanceJob, bookingId))
  return { late }
}

async function lockBooking(tx: Db, bookingId: string) {
  await tx.$queryRaw`SELECT "id" FROM "StudioBooking" WHERE "id" = ${bookingId} FOR UPDATE`
  const row = await tx.studioBooking.findUnique({
    where: { id: bookingId },
    select: {
      id: true,
      status: true,
      studioId: true,
      startsAt: true,
      endsAt: true,
      languages: true,
      crewNeeded: true,
      requesterId: true,
      sessionId: true,
      session: { select: { title: true, companyId: true } },
    },
  })
  if (!row) throw new DomainError('not-found', { status: 404 })
  return row
}

// ───────────────────────────── operator side ─────────────────────────────

/**
 * Approves a request (or re-assigns the crew of an approved booking): the crew and equipment named are
 * checked (active, of this studio, an interpreter speaking one of the booking's languages, every crew
 * role the exporter asked for covered) and held with the set, under the lock.
 */
export async function approveBooking(actorId: string, bookingId: string, crewIds: readonly string[], now: Date): Promise<void> {
  const prisma = await getPrisma()
  const { emails, endsAt } = await prisma.$transaction(async (tx) => {
    await requireStudioOperator(tx, actorId)
    const booking = await lockBooking(tx, bookingId)
    if (booking.status !== 'REQUESTED' && booking.status !== 'APPROVED')
      throw new DomainError('booking-closed', { status: 409, messageKey: 'studioBooking.errors.bookingClosed' })
    const studio = await loadStudio(tx, booking.studioId)
    const refusal = slotRefusal(
      booking,
      { timeZone: studio.timeZone, openingHours: studio.openingHours, blackoutDays: studio.blackouts.map((b) => b.day) },
      now,
    )
    if (refusal) throw slotError(refusal)
    const ids = [...new Set(crewIds)]
    const crew = await tx.studioResource.findMany({
      where: { id: { in: ids }, studioId: booking.studioId, active: true, kind: { in: ['CREW', 'EQUIPMENT'] } },
      select: { id: true, crewRole: true, languages: true },
    })
    if (crew.length !== ids.length) throw new DomainError('crew-unknown', { status: 400, messageKey: 'studioBooking.errors.crewUnknown', field: 'crewIds' })
    for (const member of crew) {
      if (member.crewRole === 'INTERPRETER' && !member.languages.some((language) => booking.languages.includes(language))) {
        throw new DomainError('interpreter-language', { status: 400, messageKey: 'studioBooking.errors.interpreterLanguage', field: 'crewIds' })
      }
    }
    const covered = new Set(crew.map((member) => member.crewRole))
    if (booking.crewNeeded.some((role) => !covered.has(role)))
      throw new DomainError('crew-missing', { status: 400, messageKey: 'studioBooking.errors.crewMissing', field: 'crewIds' })
    const held = await tx.studioBookingResource.findMany({ where: { bookingId }, select: { resourceId: true, resource: { select: { kind: true } } } })
    const setIds = held.filter((row) => row.resource.kind === 'SET').map((row) => row.resourceId)
    await lockAndCheckResources(tx, [...setIds, ...ids], booking, bookingId)
    await tx.studioBookingResource.deleteMany({ where: { bookingId, resourceId: { notIn: setIds } } })
    if (ids.length > 0)
      await tx.studioBookingResource.createMany({
        data: ids.map((resourceId) => ({ bookingId, resourceId, startsAt: booking.startsAt, endsAt: booking.endsAt })),
      })
    await tx.studioBooking.update({ where: { id: bookingId }, data: { status: 'APPROVED', decidedById: actorId, decidedAt: now } })
    const interpreterLanguages = crew
      .filter((member) => member.crewRole === 'INTERPRETER')
      .flatMap((member) => member.languages.filter((l) => booking.languages.includes(l)))
    const emails =
      booking.status === 'REQUESTED'
        ? await notify(tx, {
            userIds: await companyRecipients(tx, booking.session.companyId, 'SHOWCASES'),
            kind: 'studio.approved',
            data: { showcase: booking.session.title, studio: studio.name },
            times: { startsAt: { at: booking.startsAt, fallbackTimeZone: studio.timeZone } },
            localized: { interpreter: (locale) => (interpreterLanguages.length ? interpreterLanguages.map((l) => languageName(l, locale)).join(', ') : '—') },
            link: '/exporter/studio',
          })
        : []
    return { emails, endsAt: booking.endsAt }
  })
  await flushNotificationEmails(emails)
  await quietly('schedule the no-show check', bookingId, () =>
    scheduleJob(studioAttendanceJob, { key: bookingId, runAt: attendanceRunAt(endsAt), data: { bookingId } }),
  )
}

export async function declineBooking(actorId: string, bookingId: string, reason: string, now: Date): Promise<void> {
  const prisma = await getPrisma()
  const emails = await prisma.$transaction(async (tx) => {
    await requireStudioOperator(tx, actorId)
    const booking = await lockBooking(tx, bookingId)
    if (booking.status !== 'REQUESTED') throw new DomainError('booking-closed', { status: 409, messageKey: 'studioBooking.errors.bookingClosed' })
    await tx.studioBooking.update({ where: { id: bookingId }, data: { status: 'DECLINED', decidedById: actorId, decidedAt: now, declineReason: reason } })
    const studio = await tx.studio.findUniqueOrThrow({ where: { id: booking.studioId }, select: { name: true, timeZone: true } })
    return notify(tx, {
      userIds: await companyRecipients(tx, booking.session.companyId, 'SHOWCASES'),
      kind: 'studio.declined',
      data: { showcase: booking.session.title, studio: studio.name, reason },
      times: { startsAt: { at: booking.startsAt, fallbackTimeZone: studio.timeZone } },
      link: '/exporter/studio',
    })
  })
  await flushNotificationEmails(emails)
}

/** The operator calls off an approved booking (equipment failure, a blackout): the exporter is told; never counted against them. */
export async function cancelBookingByOperator(actorId: string, bookingId: string, reason: string, now: Date): Promise<void> {
  const prisma = await getPrisma()
  const emails = await prisma.$transaction(async (tx) => {
    await requireStudioOperator(tx, actorId)
    const booking = await lockBooking(tx, bookingId)
    if (booking.status !== 'APPROVED') throw new DomainError('booking-closed', { status: 409, messageKey: 'studioBooking.errors.bookingClosed' })
    if (booking.endsAt.getTime() <= now.getTime()) throw new DomainError('booking-started', { status: 409, messageKey: 'studioBooking.errors.bookingStarted' })
    await tx.studioBooking.update({ where: { id: bookingId }, data: { status: 'CANCELLED', cancelledAt: now, cancelledBy: 'OPERATOR', cancelReason: reason } })
    const studio = await tx.studio.findUniqueOrThrow({ where: { id: booking.studioId }, select: { name: true, timeZone: true } })
    return notify(tx, {
      userIds: await companyRecipients(tx, booking.session.companyId, 'SHOWCASES'),
      kind: 'studio.cancelled',
      data: { showcase: booking.session.title, studio: studio.name, reason },
      times: { startsAt: { at: booking.startsAt, fallbackTimeZone: studio.timeZone } },
      link: '/exporter/studio',
    })
  })
  await flushNotificationEmails(emails)
  await quietly('cancel the no-show check', bookingId, () => cancelJob(studioAttendanceJob, bookingId))
}

// ───────────────────────────── no-show (job) ─────────────────────────────

export function attendanceRunAt(endsAt: Date): Date {
  return new Date(endsAt.getTime() + NO_SHOW_GRACE_MINUTES * 60_000)
}

/**
 * After an approved slot: COMPLETED when the showcase went live during the slot (lead-in included),
 * NO_SHOW when nobody did. Idempotent: only an APPROVED booking whose slot has ended changes.
 */
export async function markStudioAttendance(bookingId: string, now: Date): Promise<'COMPLETED' | 'NO_SHOW' | null> {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "StudioBooking" WHERE "id" = ${bookingId} FOR UPDATE`
    const booking = await tx.studioBooking.findUnique({
      where: { id: bookingId },
      select: { status: true, startsAt: true, endsAt: true, session: { select: { startedAt: true, endedAt: true } } },
    })
    if (booking?.status !== 'APPROVED' || booking.endsAt.getTime() > now.getTime()) return null
    const { startedAt, endedAt } = booking.session
    const leadIn = booking.startsAt.getTime() - 15 * 60_000
    const wentLive = startedAt !== null && startedAt.getTime() < booking.endsAt.getTime() && (endedAt === null || endedAt.getTime() > leadIn)
    const status = wentLive ? 'COMPLETED' : 'NO_SHOW'
    await tx.studioBooking.update({ where: { id: bookingId }, data: { status } })
    return status
  })
}

export const studioAttendanceJob = defineJob({
  name: 'studio.attendance',
  data: z.object({ bookingId: z.string().min(1) }),
  run: async ({ bookingId }, { now }) => {
    await markStudioAttendance(bookingId, now)
  },
  reconcile: async () => {
    const prisma = await getPrisma()
    const rows = await prisma.studioBooking.findMany({ where: { status: 'APPROVED' }, select: { id: true, endsAt: true } })
    return rows.map((row) => ({ key: row.id, runAt: attendanceRunAt(row.endsAt), data: { bookingId: row.id } }))
  },
})

async function quietly(what: string, bookingId: string, run: () => Promise<void>): Promise<void> {
  try {
    await run()
  } catch (err) {
    if (isDomainError(err)) throw err
    getLogger().error({ err, bookingId }, `studio booking: could not ${what}`)
  }
}

// ───────────────────────────── reading ─────────────────────────────

export type BookingRow = {
  id: string
  status: 'REQUESTED' | 'APPROVED' | 'DECLINED' | 'CANCELLED' | 'NO_SHOW' | 'COMPLETED'
  startsAt: string
  endsAt: string
  showing: string
  languages: string[]
  crewNeeded: CrewRole[]
  companyName: string
  sessionId: string
  sessionTitle: string
  declineReason: string | null
  cancelReason: string | null
  cancelledBy: 'EXPORTER' | 'OPERATOR' | null
  lateCancellation: boolean
  resources: Array<{ id: string; name: string; kind: 'SET' | 'CREW' | 'EQUIPMENT'; crewRole: CrewRole | null; languages: string[] }>
}

const BOOKING_SELECT = {
  id: true,
  status: true,
  startsAt: true,
  endsAt: true,
  showing: true,
  languages: true,
  crewNeeded: true,
  declineReason: true,
  cancelReason: true,
  cancelledBy: true,
  lateCancellation: true,
  sessionId: true,
  company: { select: { name: true, nameI18n: true } },
  session: { select: { title: true, titleI18n: true } },
  resources: { select: { resource: { select: { id: true, name: true, kind: true, crewRole: true, languages: true } } } },
} as const

type BookingRecord = Prisma.StudioBookingGetPayload<{ select: typeof BOOKING_SELECT }>

function bookingRow(row: BookingRecord, locale: string): BookingRow {
  return {
    id: row.id,
    status: row.status,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    showing: row.showing,
    languages: row.languages,
    crewNeeded: row.crewNeeded,
    companyName: pickLocalized(row.company.name, row.company.nameI18n, locale),
    sessionId: row.sessionId,
    sessionTitle: pickLocalized(row.session.title, row.session.titleI18n, locale),
    declineReason: row.declineReason,
    cancelReason: row.cancelReason,
    cancelledBy: row.cancelledBy,
    lateCancellation: row.lateCancellation,
    resources: row.resources.map((held) => held.resource).sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name)),
  }
}

/** The operator's queue: requests waiting, soonest first. */
export async function listRequests(studioId: string, locale: string): Promise<BookingRow[]> {
  const prisma = await getPrisma()
  const rows = await prisma.studioBooking.findMany({
    where: { studioId, status: 'REQUESTED' },
    select: BOOKING_SELECT,
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
  })
  return rows.map((row) => bookingRow(row, locale))
}

/** Bookings overlapping [from, to) in the given statuses (the calendar, the upcoming list). */
export async function listBookingsBetween(
  studioId: string,
  from: Date,
  to: Date,
  locale: string,
  statuses: ReadonlyArray<BookingRow['status']> = ['REQUESTED', 'APPROVED', 'COMPLETED', 'NO_SHOW'],
): Promise<BookingRow[]> {
  const prisma = await getPrisma()
  const rows = await prisma.studioBooking.findMany({
    where: { studioId, status: { in: [...statuses] }, startsAt: { lt: to }, endsAt: { gt: from } },
    select: BOOKING_SELECT,
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
  })
  return rows.map((row) => bookingRow(row, locale))
}

/** A company's bookings, newest slot first. */
export async function listCompanyBookings(companyId: string, locale: string): Promise<BookingRow[]> {
  const prisma = await getPrisma()
  const rows = await prisma.studioBooking.findMany({ where: { companyId }, select: BOOKING_SELECT, orderBy: [{ startsAt: 'desc' }, { id: 'desc' }], take: 50 })
  return rows.map((row) => bookingRow(row, locale))
}

export type StudioProduction = { studioName: string; interpreterLanguages: string[]; startsAt: string; status: 'REQUESTED' | 'APPROVED' | 'COMPLETED' }

/**
 * "Produced at <studio> studio, interpreter <languages>" of showcases, from each one's approved (or
 * completed) booking; with `includeRequested`, a request still waiting too (the exporter's own list).
 */
export async function studioProductionsOf(
  sessionIds: readonly string[],
  options: { includeRequested?: boolean } = {},
): Promise<Record<string, StudioProduction>> {
  if (sessionIds.length === 0) return {}
  const prisma = await getPrisma()
  const statuses = options.includeRequested ? (['REQUESTED', 'APPROVED', 'COMPLETED'] as const) : (['APPROVED', 'COMPLETED'] as const)
  const bookings = await prisma.studioBooking.findMany({
    where: { sessionId: { in: [...sessionIds] }, status: { in: [...statuses] } },
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    select: {
      sessionId: true,
      status: true,
      startsAt: true,
      languages: true,
      studio: { select: { name: true } },
      resources: { select: { resource: { select: { crewRole: true, languages: true } } } },
    },
  })
  const result: Record<string, StudioProduction> = {}
  for (const booking of bookings) {
    const interpreterLanguages = booking.resources
      .filter((held) => held.resource.crewRole === 'INTERPRETER')
      .flatMap((held) => held.resource.languages.filter((language) => booking.languages.includes(language)))
    // The latest slot wins (a later booking of the same showcase after a cancelled one).
    result[booking.sessionId] = {
      studioName: booking.studio.name,
      interpreterLanguages: [...new Set(interpreterLanguages)],
      startsAt: booking.startsAt.toISOString(),
      status: booking.status as StudioProduction['status'],
    }
  }
  return result
}

export async function studioProductionOf(sessionId: string): Promise<StudioProduction | null> {
  return (await studioProductionsOf([sessionId]))[sessionId] ?? null
}

export type Utilisation = {
  from: string
  to: string
  openHours: number
  bookedHours: number
  /** bookedHours / openHours, 0–1 (0 when the studio was never open) */
  ratio: number
  showsProduced: number
  noShows: number
  lateCancellations: number
  viewers: number
  rfqs: number
  weeks: Array<{ week: string; openHours: number; bookedHours: number }>
}

const HOUR_MS = 3_600_000

/**
 * Utilisation over the `weeks` local weeks ending with the one containing `now` (Monday-based, studio
 * zone): hours booked (approved, completed and no-show slots: the studio was kept for them) against open
 * hours, shows produced, no-shows, late cancellations, and the unique viewers and RFQs of the showcases
 * produced (the showcase's own figures and inquiries: docs/studio-booking.md).
 */
export async function studioUtilisation(studioId: string, now: Date, weeks = 4): Promise<Utilisation> {
  const prisma = await getPrisma()
  const studio = await loadStudio(prisma, studioId)
  const today = studioDay(now, studio.timeZone)
  const weekday = new Date(`${today}T12:00:00Z`).getUTCDay()
  const monday = addDays(today, -((weekday + 6) % 7))
  const firstMonday = addDays(monday, -7 * (weeks - 1))
  const from = wallClockToInstant(`${firstMonday}T00:00`, studio.timeZone)
  const to = wallClockToInstant(`${addDays(monday, 7)}T00:00`, studio.timeZone)
  const calendar = { timeZone: studio.timeZone, openingHours: studio.openingHours, blackoutDays: studio.blackouts.map((b) => b.day) }
  const bookings = await prisma.studioBooking.findMany({
    where: { studioId, startsAt: { lt: to }, endsAt: { gt: from }, OR: [{ status: { in: ['APPROVED', 'COMPLETED', 'NO_SHOW'] } }, { lateCancellation: true }] },
    select: { status: true, startsAt: true, endsAt: true, lateCancellation: true, sessionId: true },
  })
  const kept = bookings.filter((b) => b.status !== 'CANCELLED')
  const bookedIn = (start: Date, end: Date) =>
    kept.reduce((sum, b) => sum + Math.max(0, Math.min(b.endsAt.getTime(), end.getTime()) - Math.max(b.startsAt.getTime(), start.getTime())), 0)
  const produced = kept.filter((b) => b.status === 'COMPLETED')
  const sessionIds = [...new Set(produced.map((b) => b.sessionId))]
  const [viewers, rfqs] = sessionIds.length
    ? await Promise.all([
        prisma.liveSession.aggregate({ where: { id: { in: sessionIds } }, _sum: { uniqueViewers: true } }),
        prisma.inquiry.count({ where: { liveSessionId: { in: sessionIds } } }),
      ])
    : [{ _sum: { uniqueViewers: 0 } }, 0]
  const weekRows: Utilisation['weeks'] = []
  for (let i = 0; i < weeks; i += 1) {
    const weekStartDay = addDays(firstMonday, 7 * i)
    const start = wallClockToInstant(`${weekStartDay}T00:00`, studio.timeZone)
    const end = wallClockToInstant(`${addDays(weekStartDay, 7)}T00:00`, studio.timeZone)
    weekRows.push({
      week: weekStartDay,
      openHours: round1(openMillisecondsBetween(start, end, calendar) / HOUR_MS),
      bookedHours: round1(bookedIn(start, end) / HOUR_MS),
    })
  }
  const openMs = openMillisecondsBetween(from, to, calendar)
  const bookedMs = bookedIn(from, to)
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    openHours: round1(openMs / HOUR_MS),
    bookedHours: round1(bookedMs / HOUR_MS),
    ratio: openMs > 0 ? Math.min(1, bookedMs / openMs) : 0,
    showsProduced: produced.length,
    noShows: kept.filter((b) => b.status === 'NO_SHOW').length,
    lateCancellations: bookings.filter((b) => b.lateCancellation).length,
    viewers: viewers._sum.uniqueViewers ?? 0,
    rfqs,
    weeks: weekRows,
  }
}

function round1(value: number): number {
  return Math.round(value * 10) / 10
}

/** The exporter's bookable showcases: scheduled, of their company, that they may manage. */
export async function bookableShowcases(companyId: string, userId: string, canManageAll: boolean, locale: string) {
  const prisma = await getPrisma()
  const rows = await prisma.liveSession.findMany({
    where: { companyId, kind: 'SHOWCASE', status: 'SCHEDULED', ...(canManageAll ? {} : { hostId: userId }) },
    select: { id: true, title: true, titleI18n: true, scheduledStartAt: true, scheduledEndAt: true, language: true },
    orderBy: [{ scheduledStartAt: 'asc' }, { id: 'asc' }],
    take: 100,
  })
  return rows.map((row) => ({
    id: row.id,
    title: pickLocalized(row.title, row.titleI18n, locale),
    scheduledStartAt: row.scheduledStartAt.toISOString(),
    scheduledEndAt: row.scheduledEndAt.toISOString(),
    language: row.language,
  }))
}
