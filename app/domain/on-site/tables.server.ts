import { DomainError } from '~/domain/errors'
import { getPrisma, lockRecordKey } from '~/domain/db.server'
import type { Prisma } from '~/generated/prisma/client'
import { pickLocalized } from '~/domain/catalog/translations'
import { MAX_MEETING_TABLES } from './schemas'

// On-site meeting tables (docs/fair-on-site.md): the venue's tables are a resource of the fair schedule.
// A fair has N tables (FairOnSite.meetingTables); each slot seats at most N accepted meetings, one per
// table. Tables are assigned after scheduling (the scheduler itself is unchanged: it decides who meets
// when; this decides where): when the organizer publishes the schedule, and when the table count changes.
// Meetings beyond a slot's tables stay online. Assignment runs under a per-fair advisory lock, and the
// unique (slot, table) key refuses a second meeting on a table in a slot whatever runs concurrently.

/** Meetings that keep (or get) a table: accepted ones, and held ones keep theirs for the record. */
const SEATED: Prisma.MeetingWhereInput['status'] = { in: ['ACCEPTED', 'HELD', 'NO_SHOW'] }

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
  await lockRecordKey(tx, 'meeting-tables', fairId)
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
  await lockRecordKey(tx, 'meeting-tables', fairId)
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

/**
 * The organizer puts one accepted meeting of a slot that has not started at a given table (issue 23's
 * manual assignment). The meeting already at that table swaps with it, so nobody loses a seat; when the
 * moved meeting was online, the one it displaces is held online instead (the organizer chose so). Runs under
 * the assignment's lock; later automatic runs keep every seat as it is.
 */
export async function moveMeetingToTable(fairId: string, input: { meetingId: string; tableNumber: number }, { now }: { now: Date }) {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    await lockRecordKey(tx, 'meeting-tables', fairId)
    const meeting = await tx.meeting.findFirst({
      where: { id: input.meetingId, fairId },
      select: { id: true, status: true, startsAt: true, endsAt: true, slotId: true, table: { select: { slotId: true, tableNumber: true } } },
    })
    if (!meeting) throw new DomainError('not-found', { status: 404 })
    if (meeting.status !== 'ACCEPTED' || meeting.startsAt.getTime() <= now.getTime())
      throw new DomainError('table-move-closed', { status: 409, messageKey: 'onSite.errors.table-move-closed' })
    // A meeting accepted after publication has no schedule slot of its own: the slot of its time.
    const slotId =
      meeting.table?.slotId ??
      meeting.slotId ??
      (await tx.meetingSlot.findFirst({ where: { fairId, startsAt: meeting.startsAt, endsAt: meeting.endsAt }, select: { id: true } }))?.id
    if (!slotId) throw new DomainError('table-move-closed', { status: 409, messageKey: 'onSite.errors.table-move-closed' })
    const capacity = (await tx.fairOnSite.findUnique({ where: { fairId }, select: { meetingTables: true } }))?.meetingTables ?? 0
    if (!Number.isInteger(input.tableNumber) || input.tableNumber < 1 || input.tableNumber > capacity)
      throw new DomainError('bad-table-number', { status: 400, messageKey: 'onSite.errors.bad-table-number', field: 'tableNumber' })
    if (meeting.table?.tableNumber === input.tableNumber) return { swappedWith: null }
    const occupant = await tx.meetingTable.findUnique({
      where: { slotId_tableNumber: { slotId, tableNumber: input.tableNumber } },
      select: { meetingId: true },
    })
    // Free both seats first: the unique (slot, table) key would refuse the swap written in place.
    await tx.meetingTable.deleteMany({ where: { meetingId: { in: [meeting.id, ...(occupant ? [occupant.meetingId] : [])] } } })
    await tx.meetingTable.create({ data: { meetingId: meeting.id, slotId, fairId, tableNumber: input.tableNumber } })
    if (occupant && meeting.table) {
      await tx.meetingTable.create({ data: { meetingId: occupant.meetingId, slotId, fairId, tableNumber: meeting.table.tableNumber } })
    }
    return { swappedWith: occupant?.meetingId ?? null }
  })
}

const SLOT_MEETING_SELECT = {
  id: true,
  status: true,
  buyer: { select: { companyName: true } },
  company: { select: { name: true, nameI18n: true } },
  table: { select: { tableNumber: true } },
} satisfies Prisma.MeetingSelect

/**
 * Per slot of the fair: its meetings (the schedule's, and those accepted later that hold one of its tables)
 * with their table or none (online), for the organizer's overview and manual moves.
 */
export async function tablesBySlot(fairId: string, locale: string, { now }: { now: Date }) {
  const prisma = await getPrisma()
  const slots = await prisma.meetingSlot.findMany({
    where: { fairId },
    orderBy: { startsAt: 'asc' },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      meetings: { where: { status: SEATED }, select: SLOT_MEETING_SELECT },
      tables: { select: { meeting: { select: SLOT_MEETING_SELECT } } },
    },
  })
  return slots.map((slot) => {
    const byId = new Map([...slot.meetings, ...slot.tables.map((row) => row.meeting)].map((meeting) => [meeting.id, meeting]))
    const meetings = [...byId.values()]
      .map((meeting) => ({
        id: meeting.id,
        buyer: meeting.buyer.companyName,
        exporter: pickLocalized(meeting.company.name, meeting.company.nameI18n, locale),
        tableNumber: meeting.table?.tableNumber ?? null,
        movable: meeting.status === 'ACCEPTED',
      }))
      .sort((a, b) => (a.tableNumber ?? Number.MAX_SAFE_INTEGER) - (b.tableNumber ?? Number.MAX_SAFE_INTEGER) || a.exporter.localeCompare(b.exporter))
    const seated = meetings.filter((meeting) => meeting.tableNumber !== null).length
    return {
      id: slot.id,
      startsAt: slot.startsAt.toISOString(),
      endsAt: slot.endsAt.toISOString(),
      seated,
      online: meetings.length - seated,
      open: slot.startsAt.getTime() > now.getTime(),
      meetings,
    }
  })
}
