import { getPrisma } from '~/domain/db.server'
import { DomainError } from '~/domain/errors'
import { roleHasPermission } from '~/domain/accounts/permissions'
import type { Prisma } from '~/generated/prisma/client'
import { hashIngestToken, IngestTokenSchema, newIngestToken, sameToken } from '~/domain/live/ingest-token.server'
import { maskSecret, openSecret, sealSecret } from '~/utils/sealed-secrets.server'
import { parseOpeningHours, studioDay, type OpeningHours } from './opening-hours'
import type { HoursInput, ResourceInput } from './schemas'

// The hub's studio as its operator runs it: the studio itself (zone, weekly hours, free-cancellation
// period), its resources (sets, crew, equipment), blackout days and the encoder's one studio ingest key.
// Every mutation re-reads the actor's role (a role lowered since the session began counts at once).

type Db = Prisma.TransactionClient

export const DEFAULT_OPENING_HOURS: OpeningHours = {
  '1': { open: '09:00', close: '18:00' },
  '2': { open: '09:00', close: '18:00' },
  '3': { open: '09:00', close: '18:00' },
  '4': { open: '09:00', close: '18:00' },
  '5': { open: '09:00', close: '18:00' },
}

/** The actor as stored now, refused unless they may run the studio. */
export async function requireStudioOperator(db: Db, actorId: string) {
  const actor = await db.user.findUnique({ where: { id: actorId }, select: { id: true, role: true, name: true } })
  if (!actor || !roleHasPermission(actor.role, 'manage:studio')) throw new DomainError('forbidden', { status: 403 })
  return actor
}

export type StudioFacts = {
  id: string
  name: string
  timeZone: string
  openingHours: OpeningHours
  freeCancelHours: number
  blackouts: Array<{ id: string; day: string; reason: string }>
}

function studioFacts(row: {
  id: string
  name: string
  timeZone: string
  openingHours: unknown
  freeCancelHours: number
  blackouts: Array<{ id: string; day: string; reason: string }>
}): StudioFacts {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.timeZone,
    openingHours: parseOpeningHours(row.openingHours),
    freeCancelHours: row.freeCancelHours,
    blackouts: row.blackouts,
  }
}

const STUDIO_SELECT = {
  id: true,
  name: true,
  timeZone: true,
  openingHours: true,
  freeCancelHours: true,
  blackouts: { select: { id: true, day: true, reason: true }, orderBy: { day: 'asc' } },
} as const

/** Every studio (usually the hub's one), oldest first. */
export async function listStudios(db?: Db): Promise<StudioFacts[]> {
  const prisma = db ?? (await getPrisma())
  const rows = await prisma.studio.findMany({ select: STUDIO_SELECT, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })
  return rows.map(studioFacts)
}

export async function loadStudio(db: Db, studioId: string): Promise<StudioFacts> {
  const row = await db.studio.findUnique({ where: { id: studioId }, select: STUDIO_SELECT })
  if (!row) throw new DomainError('not-found', { status: 404 })
  return studioFacts(row)
}

/** Advisory lock key of making the hub's first studio (any constant no other code uses; 23 = issue 23). */
const HUB_STUDIO_LOCK = 23_0001

/** The studio the operator pages show: the first one, made with default hours when the hub has none yet. */
export async function operatorStudio(actorId: string): Promise<StudioFacts> {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    await requireStudioOperator(tx, actorId)
    const firstStudio = () => tx.studio.findFirst({ select: STUDIO_SELECT, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })
    const first = await firstStudio()
    if (first) return studioFacts(first)
    // Two operator pages opening at once on a hub without a studio would each make one: the second waits and finds it.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${HUB_STUDIO_LOCK})`
    const madeMeanwhile = await firstStudio()
    if (madeMeanwhile) return studioFacts(madeMeanwhile)
    const created = await tx.studio.create({ data: { name: 'Hub studio', timeZone: 'Asia/Seoul', openingHours: DEFAULT_OPENING_HOURS }, select: STUDIO_SELECT })
    return studioFacts(created)
  })
}

export type StudioResourceRow = {
  id: string
  kind: 'SET' | 'CREW' | 'EQUIPMENT'
  name: string
  crewRole: 'CAMERA' | 'HOST' | 'INTERPRETER' | null
  languages: string[]
  active: boolean
}

export async function listResources(studioId: string, options: { activeOnly?: boolean } = {}): Promise<StudioResourceRow[]> {
  const prisma = await getPrisma()
  return prisma.studioResource.findMany({
    where: { studioId, ...(options.activeOnly ? { active: true } : {}) },
    select: { id: true, kind: true, name: true, crewRole: true, languages: true, active: true },
    orderBy: [{ kind: 'asc' }, { crewRole: 'asc' }, { name: 'asc' }, { id: 'asc' }],
  })
}

/** Creates a resource, or updates one of this studio (kind and crew role are fixed once made). */
export async function saveResource(actorId: string, studioId: string, input: ResourceInput): Promise<void> {
  const prisma = await getPrisma()
  await prisma.$transaction(async (tx) => {
    await requireStudioOperator(tx, actorId)
    const languages = [...new Set(input.languages)]
    const crewRole = input.kind === 'CREW' ? (input.crewRole ?? null) : null
    if (input.resourceId) {
      const existing = await tx.studioResource.findFirst({ where: { id: input.resourceId, studioId }, select: { id: true } })
      if (!existing) throw new DomainError('not-found', { status: 404 })
      await tx.studioResource.update({ where: { id: existing.id }, data: { name: input.name, languages, active: input.active } })
    } else {
      await tx.studioResource.create({ data: { studioId, kind: input.kind, name: input.name, crewRole, languages, active: true } })
    }
  })
}

/**
 * Deletes a resource no booking holds or ever held (a past booking's holds are its record: otherwise the
 * operator deactivates it). The resource row is locked before the holds are counted, the lock every new
 * hold takes first (lockAndCheckResources), so a request cannot slip a hold in between.
 */
export async function deleteResource(actorId: string, studioId: string, resourceId: string): Promise<void> {
  const prisma = await getPrisma()
  await prisma.$transaction(async (tx) => {
    await requireStudioOperator(tx, actorId)
    const locked = await tx.$queryRaw<
      Array<{ id: string }>
    >`SELECT "id" FROM "StudioResource" WHERE "id" = ${resourceId} AND "studioId" = ${studioId} FOR UPDATE`
    const resource = locked[0]
    if (!resource) throw new DomainError('not-found', { status: 404 })
    const held = await tx.studioBookingResource.count({ where: { resourceId: resource.id } })
    if (held > 0) throw new DomainError('resource-in-use', { status: 409, messageKey: 'studioBooking.errors.resourceInUse' })
    await tx.studioResource.delete({ where: { id: resource.id } })
  })
}

export async function saveHours(actorId: string, studioId: string, input: HoursInput): Promise<void> {
  const prisma = await getPrisma()
  const openingHours: Record<string, { open: string; close: string } | null> = {}
  for (const day of [0, 1, 2, 3, 4, 5, 6] as const) {
    const open = input[`open${day}`]
    const close = input[`close${day}`]
    openingHours[String(day)] = open && close ? { open, close } : null
  }
  await prisma.$transaction(async (tx) => {
    await requireStudioOperator(tx, actorId)
    await tx.studio.update({
      where: { id: studioId },
      data: { name: input.name, timeZone: input.timeZone, freeCancelHours: input.freeCancelHours, openingHours },
    })
  })
}

/** Closes a day; refused while an approved booking stands on it (cancel it first, with a reason). */
export async function addBlackout(actorId: string, studioId: string, input: { day: string; reason: string }): Promise<void> {
  const prisma = await getPrisma()
  await prisma.$transaction(async (tx) => {
    await requireStudioOperator(tx, actorId)
    const studio = await loadStudio(tx, studioId)
    const candidates = await tx.studioBooking.findMany({
      where: {
        studioId,
        status: { in: ['REQUESTED', 'APPROVED'] },
        startsAt: { gte: new Date(Date.parse(`${input.day}T00:00:00Z`) - 86_400_000), lt: new Date(Date.parse(`${input.day}T00:00:00Z`) + 2 * 86_400_000) },
      },
      select: { startsAt: true },
    })
    if (candidates.some((booking) => studioDay(booking.startsAt, studio.timeZone) === input.day)) {
      throw new DomainError('blackout-has-bookings', { status: 409, messageKey: 'studioBooking.errors.blackoutHasBookings', field: 'day' })
    }
    await tx.studioBlackout.upsert({
      where: { studioId_day: { studioId, day: input.day } },
      create: { studioId, day: input.day, reason: input.reason },
      update: { reason: input.reason },
    })
  })
}

export async function deleteBlackout(actorId: string, studioId: string, blackoutId: string): Promise<void> {
  const prisma = await getPrisma()
  await prisma.$transaction(async (tx) => {
    await requireStudioOperator(tx, actorId)
    await tx.studioBlackout.deleteMany({ where: { id: blackoutId, studioId } })
  })
}

// ───────────────────────────── the studio's ingest key ─────────────────────────────

export type StudioIngestCredential = { token: string; masked: string; rotatedAt: Date } | null

export async function studioIngestCredential(actorId: string, studioId: string): Promise<StudioIngestCredential> {
  const prisma = await getPrisma()
  await requireStudioOperator(prisma, actorId)
  const row = await prisma.studio.findUnique({ where: { id: studioId }, select: { ingestTokenSealed: true, ingestRotatedAt: true } })
  if (!row?.ingestTokenSealed || !row.ingestRotatedAt) return null
  const token = openSecret(row.ingestTokenSealed)
  return { token, masked: maskSecret(token), rotatedAt: row.ingestRotatedAt }
}

/** A new studio ingest key (the old one stops working now). */
export async function rotateStudioIngestKey(actorId: string, studioId: string, now: Date): Promise<string> {
  const prisma = await getPrisma()
  const token = newIngestToken()
  await prisma.$transaction(async (tx) => {
    await requireStudioOperator(tx, actorId)
    await tx.studio.update({
      where: { id: studioId },
      data: { ingestTokenSealed: sealSecret(token), ingestTokenHash: hashIngestToken(token), ingestRotatedAt: now },
    })
  })
  return token
}

/** Minutes before an approved slot during which the studio key already opens the booking's showcase (encoder warm-up). */
export const STUDIO_INGEST_LEAD_IN_MINUTES = 15

export type StudioIngestResolution =
  | { kind: 'not-studio' }
  | { kind: 'no-slot'; studioName: string }
  /** The URL names a showcase that no approved booking on air now is for. */
  | { kind: 'other-showcase' }
  /** No showcase named (RTMP, `/whip/studio`) while several approved bookings are on air: not guessed. */
  | { kind: 'ambiguous'; studioName: string; titles: string[] }
  | { kind: 'slot'; sessionId: string; hostId: string; status: 'SCHEDULED' | 'LIVE' | 'ENDED' | 'CANCELLED'; title: string; bookingId: string }

/**
 * The showcase a studio ingest key opens at `now`: that of the APPROVED booking whose slot (with the
 * lead-in) is on now; `no-slot` outside every slot; `not-studio` when the token is no studio's key.
 * One key, several sets: when bookings on different sets overlap, the WHIP URL's showcase id
 * (`sessionId`) picks the booking (`other-showcase` when none on air is for it); without one (RTMP,
 * `/whip/studio`) and more than one on air the answer is `ambiguous`, never the earliest.
 */
export async function resolveStudioIngest(token: string, now: Date, sessionId?: string): Promise<StudioIngestResolution> {
  if (!IngestTokenSchema.safeParse(token).success) return { kind: 'not-studio' }
  const prisma = await getPrisma()
  const studio = await prisma.studio.findUnique({
    where: { ingestTokenHash: hashIngestToken(token) },
    select: { id: true, name: true, ingestTokenSealed: true },
  })
  if (!studio?.ingestTokenSealed) return { kind: 'not-studio' }
  let stored: string
  try {
    stored = openSecret(studio.ingestTokenSealed)
  } catch {
    return { kind: 'not-studio' }
  }
  if (!sameToken(token, stored)) return { kind: 'not-studio' }
  const leadIn = new Date(now.getTime() + STUDIO_INGEST_LEAD_IN_MINUTES * 60_000)
  const onAir = await prisma.studioBooking.findMany({
    where: { studioId: studio.id, status: 'APPROVED', startsAt: { lte: leadIn }, endsAt: { gt: now }, session: { kind: 'SHOWCASE' } },
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    select: { id: true, session: { select: { id: true, hostId: true, status: true, title: true } } },
  })
  if (onAir.length === 0) return { kind: 'no-slot', studioName: studio.name }
  let booking: (typeof onAir)[number] | undefined
  if (sessionId !== undefined) {
    booking = onAir.find((candidate) => candidate.session.id === sessionId)
    if (!booking) return { kind: 'other-showcase' }
  } else {
    if (onAir.length > 1) return { kind: 'ambiguous', studioName: studio.name, titles: onAir.map((candidate) => candidate.session.title) }
    booking = onAir[0]
  }
  if (!booking) return { kind: 'no-slot', studioName: studio.name }
  return {
    kind: 'slot',
    sessionId: booking.session.id,
    hostId: booking.session.hostId,
    status: booking.session.status,
    title: booking.session.title,
    bookingId: booking.id,
  }
}
