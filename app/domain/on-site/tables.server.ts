import { DomainError } from '~/domain/errors'
import { getPrisma } from '~/domain/db.server'
import type { Prisma } from '~/generated/prisma/client'
import { MAX_MEETING_TABLES } from './schemas'

// On-site meeting tables (docs/fair-on-site.md): the venue's tables are a resource of the fair schedule.
// A fair has N tables (FairOnSite.meetingTables); each slot seats at most N accepted meetings, one per
// table. Tables are assigned after scheduling (the scheduler itself is unchanged: it decides who meets
// when; this decides where): when the organizer publishes the schedule, and when the table count changes.
// Meetings beyond a slot's tables stay online. Assignment runs under a per-fair advisory lock, and the
// unique (slot, table) key refuses a second meeting on a table in a slot whatever runs concurrently.

/** Meetings that keep (or get) a table: accepted ones, and held ones keep theirs for the record. */
const SEATED: Prisma.MeetingWhereInput['status'] = { in: ['ACCEPTED', 'HELD', 'NO_SHOW'] }

/** A 32-bit key for pg_advisory_xact_lock from the fair id (FNV-1a), namespaced against other locks. */
export function tablesLockKey(fairId: string): number {
  let hash = 0x811c9dc5
  for (const char of `meeting-tables:${fairId}`) {
    hash ^= char.charCodeAt(0)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash | 0
}

export async function getMeetingTables(fairId: string): Promise<number> {
  const prisma = await getPrisma()
  return (await prisma.fairOnSite.findUnique({ where: { fairId }, select: { meetingTables: true } }))?.meetingTables ?? 0
}

/**
 * Gives each accepted meeting of the fair in a slot that has not started yet a table, lowest free number
 * first, up to the fair's table count; frees the tables of meetings called off and of numbers above the
 * count. Slots that have started keep their tables as they are. Returns how many meetings are seated.
 */
export async function assignMeetingTables(tx: Prisma.TransactionClient, fairId: string, { now }: { now: Date }): Promise<{ seated: number; online: number }> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${tablesLockKey(fairId)}::int)`
  const capacity = (await tx.fairOnSite.findUnique({ where: { fairId }, select: { meetingTables: true } }))?.meetingTables ?? 0
  const future = { startsAt: { gt: now } }
  await tx.meetingTable.deleteMany({
    where: { fairId, slot: future, OR: [{ meeting: { status: { notIn: ['ACCEPTED'] } } }, { tableNumber: { gt: capacity } }] },
  })
  const meetings = await tx.meeting.findMany({
    // The schedule's meetings, and those accepted after publication that hold a table of a slot by their time.
    where: { fairId, status: SEATED, OR: [{ slotId: { not: null }, slot: future }, { table: { is: { slot: future } } }] },
    orderBy: [{ startsAt: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, slotId: true, table: { select: { tableNumber: true } } },
  })
  // Tables taken, from the table rows themselves (a meeting accepted after publication holds one by its time).
  const used = new Map<string, Set<number>>()
  for (const row of await tx.meetingTable.findMany({ where: { fairId, slot: future }, select: { slotId: true, tableNumber: true } })) {
    used.set(row.slotId, (used.get(row.slotId) ?? new Set()).add(row.tableNumber))
  }
  let seated = 0
  let online = 0
  for (const meeting of meetings) {
    if (meeting.table) {
      seated++
      continue
    }
    if (!meeting.slotId) continue
    const taken = used.get(meeting.slotId) ?? new Set<number>()
    let table = 1
    while (taken.has(table)) table++
    if (table > capacity) {
      online++
      continue
    }
    await tx.meetingTable.create({ data: { meetingId: meeting.id, slotId: meeting.slotId, fairId, tableNumber: table } })
    used.set(meeting.slotId, taken.add(table))
    seated++
  }
  return { seated, online }
}

/** A meeting called off (cancelled, declined, expired) leaves its table: both agendas stop showing it, and the slot's table is free. */
export async function freeMeetingTable(tx: Prisma.TransactionClient, meetingId: string): Promise<void> {
  await tx.meetingTable.deleteMany({ where: { meetingId } })
}

/**
 * A fair meeting accepted after the fair's schedule was published (one side accepted a request at a time of
 * a schedule slot) takes the lowest free table of that slot, if the fair has tables on site and one is free;
 * else it is held online. Call in the transaction that accepted it. Returns the table number or null.
 */
export async function seatLateAcceptedMeeting(
  tx: Prisma.TransactionClient,
  meeting: { id: string; fairId: string | null; startsAt: Date; endsAt: Date },
  { now }: { now: Date },
): Promise<number | null> {
  if (!meeting.fairId || meeting.startsAt.getTime() <= now.getTime()) return null
  const fairId = meeting.fairId
  const capacity = (await tx.fairOnSite.findUnique({ where: { fairId }, select: { meetingTables: true } }))?.meetingTables ?? 0
  if (capacity === 0) return null
  const published = await tx.meeting.findFirst({ where: { fairId, publishedAt: { not: null } }, select: { id: true } })
  if (!published) return null
  const slot = await tx.meetingSlot.findFirst({ where: { fairId, startsAt: meeting.startsAt, endsAt: meeting.endsAt }, select: { id: true } })
  if (!slot) return null
  // The same lock as the assignment: no two meetings take one table, whoever runs concurrently.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${tablesLockKey(fairId)}::int)`
  if (await tx.meetingTable.findUnique({ where: { meetingId: meeting.id }, select: { meetingId: true } })) return null
  const taken = new Set((await tx.meetingTable.findMany({ where: { slotId: slot.id }, select: { tableNumber: true } })).map((row) => row.tableNumber))
  let table = 1
  while (taken.has(table)) table++
  if (table > capacity) return null
  await tx.meetingTable.create({ data: { meetingId: meeting.id, slotId: slot.id, fairId, tableNumber: table } })
  return table
}

/** The organizer sets the venue's table count; seats are re-assigned at once. */
export async function setMeetingTables(fairId: string, meetingTables: number, { now }: { now: Date }) {
  if (!Number.isInteger(meetingTables) || meetingTables < 0 || meetingTables > MAX_MEETING_TABLES)
    throw new DomainError('bad-table-count', { status: 400, messageKey: 'onSite.errors.bad-table-count', field: 'meetingTables' })
  const prisma = await getPrisma()
  return prisma.$transaction(
    async (tx) => {
      await tx.fairOnSite.upsert({ where: { fairId }, create: { fairId, meetingTables }, update: { meetingTables } })
      return assignMeetingTables(tx, fairId, { now })
    },
    { timeout: 60_000 },
  )
}

/** Per slot of the fair: meetings seated at tables and meetings held online (the organizer's overview). */
export async function tablesBySlot(fairId: string) {
  const prisma = await getPrisma()
  const slots = await prisma.meetingSlot.findMany({
    where: { fairId },
    orderBy: { startsAt: 'asc' },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      _count: { select: { tables: true } },
      meetings: { where: { status: SEATED }, select: { id: true } },
    },
  })
  return slots.map((slot) => ({
    id: slot.id,
    startsAt: slot.startsAt.toISOString(),
    endsAt: slot.endsAt.toISOString(),
    seated: slot._count.tables,
    online: Math.max(0, slot.meetings.length - slot._count.tables),
  }))
}
