import { getEnv } from '~/utils/env.server'
import { maskSecret, openSecret, sealSecret } from '~/utils/sealed-secrets.server'
import { getPrisma } from '~/domain/db.server'
import { DomainError } from '~/domain/errors'
import { type AgencyActing, recordAgencyAction } from '~/domain/agencies/actor.server'
import { assertShowcaseManagement } from '~/domain/live/room-access.server'
import type { Prisma } from '~/generated/prisma/client'
import { type DestinationForm, destinationFormSchema, type DestinationView, MAX_DESTINATIONS, type RestreamPlatform } from './destinations'

export { type DestinationView, MAX_DESTINATIONS } from './destinations'

// Restream destinations of a showcase: who manages the showcase manages them. Stream keys are sealed at
// rest and leave this module only masked, except to the restreamer (openDestinationsForPublishing). An
// agency's change is recorded ("agency X for company Y") in the transaction that writes it.

type RestreamAction = 'restream.add' | 'restream.remove' | 'restream.enable' | 'restream.disable'

function recordRestream(tx: Prisma.TransactionClient, acting: AgencyActing | null, action: RestreamAction, destinationId: string, now: Date) {
  if (!acting) return Promise.resolve()
  return recordAgencyAction(tx, acting, { action, targetType: 'restream-destination', targetId: destinationId, scope: 'SHOWCASES' }, now)
}

/** RESTREAM_ALLOW_PRIVATE_HOSTS: destinations may be on this server's own network (tests, a studio's own relay). */
export function restreamAllowsPrivateHosts(): boolean {
  return getEnv().RESTREAM_ALLOW_PRIVATE_HOSTS === 'true'
}

/** The schema of the add form with this deployment's rule on private hosts. */
export function restreamFormSchema() {
  return destinationFormSchema({ allowPrivateHosts: restreamAllowsPrivateHosts() })
}

function masked(sealed: string): string {
  try {
    return maskSecret(openSecret(sealed))
  } catch {
    return maskSecret('')
  }
}

export async function listDestinations(sessionId: string, userId: string): Promise<DestinationView[]> {
  await assertShowcaseManagement(sessionId, userId, 'manage:showcase:own')
  const prisma = await getPrisma()
  const rows = await prisma.restreamDestination.findMany({ where: { sessionId }, orderBy: { createdAt: 'asc' } })
  return rows.map((row) => ({
    id: row.id,
    platform: row.platform,
    label: row.label,
    serverUrl: row.serverUrl,
    maskedKey: masked(row.streamKeySealed),
    enabled: row.enabled,
  }))
}

/** Adds a destination from a form already parsed by restreamFormSchema(); the key is sealed before it is stored. */
export async function addDestination(sessionId: string, userId: string, form: DestinationForm, now: Date): Promise<{ id: string }> {
  const acting = await assertShowcaseManagement(sessionId, userId, 'manage:showcase:own')
  const prisma = await getPrisma()
  // The schema is the truth; parsing again here keeps a caller that skipped it from storing junk.
  const checked = restreamFormSchema().parse(form)
  return prisma.$transaction(async (tx) => {
    // The showcase's row is locked: two adds at once cannot both pass the count below.
    const [session] = await tx.$queryRaw<Array<{ kind: string; status: string }>>`
      SELECT "kind"::text AS "kind", "status"::text AS "status" FROM "LiveSession" WHERE "id" = ${sessionId} FOR UPDATE`
    if (!session) throw new DomainError('not-found', { status: 404 })
    if (session.kind !== 'SHOWCASE') throw new DomainError('restream-not-showcase', { status: 409, messageKey: 'restream.errors.notShowcase' })
    if (session.status === 'ENDED' || session.status === 'CANCELLED')
      throw new DomainError('restream-session-over', { status: 409, messageKey: 'restream.errors.sessionOver' })
    const count = await tx.restreamDestination.count({ where: { sessionId } })
    if (count >= MAX_DESTINATIONS) throw new DomainError('restream-too-many', { status: 409, messageKey: 'restream.errors.tooMany' })
    const created = await tx.restreamDestination.create({
      data: {
        sessionId,
        platform: checked.platform,
        label: checked.label,
        serverUrl: checked.serverUrl,
        streamKeySealed: sealSecret(checked.streamKey),
      },
      select: { id: true },
    })
    await recordRestream(tx, acting, 'restream.add', created.id, now)
    return created
  })
}

async function ownDestination(sessionId: string, destinationId: string) {
  const prisma = await getPrisma()
  const row = await prisma.restreamDestination.findFirst({ where: { id: destinationId, sessionId }, select: { id: true } })
  if (!row) throw new DomainError('not-found', { status: 404 })
  return prisma
}

export async function removeDestination(sessionId: string, userId: string, destinationId: string, now: Date): Promise<void> {
  const acting = await assertShowcaseManagement(sessionId, userId, 'manage:showcase:own')
  const prisma = await ownDestination(sessionId, destinationId)
  await prisma.$transaction(async (tx) => {
    await tx.restreamDestination.delete({ where: { id: destinationId } })
    await recordRestream(tx, acting, 'restream.remove', destinationId, now)
  })
}

export async function setDestinationEnabled(sessionId: string, userId: string, destinationId: string, enabled: boolean, now: Date): Promise<void> {
  const acting = await assertShowcaseManagement(sessionId, userId, 'manage:showcase:own')
  const prisma = await ownDestination(sessionId, destinationId)
  await prisma.$transaction(async (tx) => {
    await tx.restreamDestination.update({ where: { id: destinationId }, data: { enabled } })
    await recordRestream(tx, acting, enabled ? 'restream.enable' : 'restream.disable', destinationId, now)
  })
}

export type PublishingDestination = {
  id: string
  platform: RestreamPlatform
  label: string
  serverUrl: string
  /** The opened key, or null when it cannot be opened (sealed under another key, altered). */
  streamKey: string | null
}

/** The enabled destinations with their keys opened: for the restreamer only, never for a page or a log. */
export async function openDestinationsForPublishing(sessionId: string): Promise<PublishingDestination[]> {
  const prisma = await getPrisma()
  const rows = await prisma.restreamDestination.findMany({ where: { sessionId, enabled: true }, orderBy: { createdAt: 'asc' } })
  return rows.map((row) => {
    let streamKey: string | null = null
    try {
      streamKey = openSecret(row.streamKeySealed)
    } catch {
      streamKey = null
    }
    return { id: row.id, platform: row.platform, label: row.label, serverUrl: row.serverUrl, streamKey }
  })
}

export type RunEndReason = 'stopped' | 'dropped' | 'encoder'

/** A publish reached the platform: its uptime record begins. */
export async function startRun(sessionId: string, destination: { id: string; platform: RestreamPlatform; label: string }, startedAt: Date): Promise<string> {
  const prisma = await getPrisma()
  const row = await prisma.restreamRun.create({
    data: { sessionId, destinationId: destination.id, platform: destination.platform, label: destination.label, startedAt },
    select: { id: true },
  })
  return row.id
}

export async function endRun(runId: string, end: { endedAt: Date; bytesSent: number; secondsSent: number; reason: RunEndReason }): Promise<void> {
  const prisma = await getPrisma()
  await prisma.restreamRun.update({
    where: { id: runId },
    data: {
      endedAt: end.endedAt,
      bytesSent: BigInt(Math.max(0, Math.round(end.bytesSent))),
      secondsSent: Math.max(0, Math.round(end.secondsSent)),
      endReason: end.reason,
    },
  })
}

/** A live run's length so far (saved now and then, so a run a crash leaves open keeps it). */
export async function runProgress(runId: string, sent: { bytesSent: number; secondsSent: number }): Promise<void> {
  const prisma = await getPrisma()
  await prisma.restreamRun.updateMany({
    where: { id: runId, endedAt: null },
    data: { bytesSent: BigInt(Math.max(0, Math.round(sent.bytesSent))), secondsSent: Math.max(0, Math.round(sent.secondsSent)) },
  })
}

/** Runs a restart left open (the server stopped mid-publish) are closed at their last known length. */
export async function closeOpenRuns(now: Date): Promise<number> {
  const prisma = await getPrisma()
  const open = await prisma.restreamRun.findMany({ where: { endedAt: null }, select: { id: true, startedAt: true, secondsSent: true } })
  for (const run of open) {
    await prisma.restreamRun.update({
      where: { id: run.id },
      data: { endedAt: new Date(Math.min(now.getTime(), run.startedAt.getTime() + run.secondsSent * 1000)), endReason: 'stopped' },
    })
  }
  return open.length
}

export type DestinationUptime = {
  destinationId: string | null
  platform: RestreamPlatform
  label: string
  runs: number
  /** Seconds the platform received the stream, summed over runs. */
  secondsSent: number
  bytesSent: number
  /** Runs that ended because the platform dropped them. */
  drops: number
  firstStartedAt: Date
  lastEndedAt: Date | null
}

/** Uptime per destination of one showcase (for its organizer and its exporter), from the run records. */
export async function restreamUptime(sessionId: string): Promise<DestinationUptime[]> {
  const prisma = await getPrisma()
  const runs = await prisma.restreamRun.findMany({ where: { sessionId }, orderBy: { startedAt: 'asc' } })
  return summarize(runs).map(({ sessionId: _session, ...entry }) => entry)
}

export type SessionDestinationUptime = DestinationUptime & { sessionId: string; sessionTitle: string }

/** Uptime per destination of every showcase of a fair: the organizer's table (fair KPI page). */
export async function fairRestreamUptime(fairId: string): Promise<SessionDestinationUptime[]> {
  const prisma = await getPrisma()
  const runs = await prisma.restreamRun.findMany({
    where: { session: { fairId } },
    orderBy: { startedAt: 'asc' },
    include: { session: { select: { title: true } } },
  })
  const titles = new Map(runs.map((run) => [run.sessionId, run.session.title]))
  return summarize(runs).map((entry) => ({ ...entry, sessionTitle: titles.get(entry.sessionId) ?? '' }))
}

type RunRow = {
  sessionId: string
  destinationId: string | null
  platform: RestreamPlatform
  label: string
  startedAt: Date
  endedAt: Date | null
  bytesSent: bigint
  secondsSent: number
  endReason: string | null
}

function summarize(runs: readonly RunRow[]): Array<DestinationUptime & { sessionId: string }> {
  const byDestination = new Map<string, DestinationUptime & { sessionId: string }>()
  for (const run of runs) {
    const key = `${run.sessionId}:${run.destinationId ?? `${run.platform}:${run.label}`}`
    const entry = byDestination.get(key) ?? {
      sessionId: run.sessionId,
      destinationId: run.destinationId,
      platform: run.platform,
      label: run.label,
      runs: 0,
      secondsSent: 0,
      bytesSent: 0,
      drops: 0,
      firstStartedAt: run.startedAt,
      lastEndedAt: null,
    }
    entry.runs++
    entry.secondsSent += run.secondsSent
    entry.bytesSent += Number(run.bytesSent)
    if (run.endReason === 'dropped') entry.drops++
    if (run.endedAt && (!entry.lastEndedAt || run.endedAt > entry.lastEndedAt)) entry.lastEndedAt = run.endedAt
    byDestination.set(key, entry)
  }
  return [...byDestination.values()]
}
