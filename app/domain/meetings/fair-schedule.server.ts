// Fair-wide meeting schedules for organizers: gather the fair's approved buyers and exhibitors, its
// slots, wishes (stored MeetingPreference rows of both sides; see loadScheduleInputs for open requests)
// and confirmed meetings, run the
// scheduler, then publish the draft as ACCEPTED meetings with seats, live sessions and notifications.
// The draft itself is not stored (there is no table for it): the page carries it between run and publish,
// and publish re-checks every constraint under row locks.
// Freed slots (ADR 022): published meetings later cancelled, declined or expired leave places in agendas;
// a refill run keeps every meeting that still stands, closes slots that have started, never proposes a
// called-off pair again, and reports how many freed places the new draft fills.
import { DomainError, isDomainError } from '~/domain/errors'
import type { SessionUser } from '~/domain/accounts/session.server'
import { pickLocalized } from '~/domain/catalog/translations'
import { getPrisma } from '~/domain/db.server'
import {
  FAIR_SCHEDULE_INPUT_ERROR,
  scheduleFairMeetings,
  type BreakStats,
  type FairSchedule,
  type LockedMeeting,
  type MeetingPreference,
} from '~/domain/matchmaking/fair-scheduler'
import { matchScore, type MatchBuyer, type MatchExporter } from '~/domain/matchmaking/match-score'
import { loadMatchBuyers, loadMatchExporters, toMatchBuyer, toMatchExporter } from '~/domain/matchmaking/recommendations.server'
import { flushNotificationEmails, notify } from '~/domain/notifications/notify.server'
import { scheduleAcceptedMeeting } from './attendance-jobs.server'
import { hasBookedOverlap, lockParties, seatAcceptedMeeting } from './meetings.server'
import { listFairPreferences } from './preferences.server'
import { proposerSide, SIDE_OF_ROLE } from './sides'
import { assignMeetingTables } from '~/domain/on-site/tables.server'

export type DraftMeeting = {
  buyerId: string
  exporterId: string
  slotId: string
  locked: boolean
}

export type ScheduleInputs = {
  slots: Array<{ id: string; startsAt: Date; endsAt: Date }>
  buyers: Array<{ id: string; userId: string; name: string; timeZone: string; match: MatchBuyer; busy: Array<{ start: Date; end: Date }> }>
  exporters: Array<{ id: string; name: string; timeZone: string; match: MatchExporter; busy: Array<{ start: Date; end: Date }> }>
  /** Accepted meetings of this fair in one of its slots: kept as they are */
  confirmed: Array<LockedMeeting & { meetingId: string }>
  preferences: MeetingPreference[]
  /** Where the preferences came from: explicit rows, and open requests standing in for a missing one */
  preferenceSources: { stored: number; fromRequests: number }
  /** Published meetings of this fair in one of its slots that no longer hold it (cancelled, declined, expired) */
  released: Array<{ meetingId: string; buyerId: string; exporterId: string; slotId: string }>
}

/** Statuses in which a meeting still holds its slot or is still being decided; any other status freed it. */
const HOLDING_STATUSES = ['ACCEPTED', 'REQUESTED', 'RESCHEDULE_PROPOSED', 'HELD', 'NO_SHOW'] as const

/** Slots more than this apart start a new session: breaks are counted within a session (a day, a half-day). */
const SESSION_PAUSE_MS = 60 * 60_000

const overlaps = (slot: { startsAt: Date; endsAt: Date }, busy: { start: Date; end: Date }) =>
  slot.startsAt.getTime() < busy.end.getTime() && busy.start.getTime() < slot.endsAt.getTime()

/** Everything the scheduler needs for one fair, in a fixed number of queries. */
export async function loadScheduleInputs(fairId: string, { locale }: { locale: string }): Promise<ScheduleInputs> {
  const prisma = await getPrisma()
  const [slots, registrations, booths] = await Promise.all([
    prisma.meetingSlot.findMany({ where: { fairId }, orderBy: { startsAt: 'asc' }, select: { id: true, startsAt: true, endsAt: true } }),
    prisma.fairRegistration.findMany({ where: { fairId, status: 'APPROVED' }, select: { kind: true, userId: true, companyId: true } }),
    prisma.booth.findMany({ where: { fairId, approvedAt: { not: null } }, select: { companyId: true } }),
  ])
  const buyerUserIds = registrations.filter((r) => r.kind === 'BUYER').map((r) => r.userId)
  const companyIds = [
    ...new Set([...registrations.flatMap((r) => (r.kind === 'EXHIBITOR' && r.companyId ? [r.companyId] : [])), ...booths.map((b) => b.companyId)]),
  ]
  const buyerProfiles = await prisma.buyerProfile.findMany({ where: { userId: { in: buyerUserIds } }, select: { id: true } })
  const buyerIds = buyerProfiles.map((b) => b.id)
  const first = slots[0]?.startsAt ?? new Date(0)
  const last = slots.at(-1)?.endsAt ?? new Date(0)
  const [buyerRows, exporterRows, stored, meetings, releasedRows] = await Promise.all([
    loadMatchBuyers(buyerIds),
    loadMatchExporters(companyIds),
    listFairPreferences(fairId),
    prisma.meeting.findMany({
      where: {
        OR: [{ buyerId: { in: buyerIds } }, { companyId: { in: companyIds } }],
        status: { in: ['ACCEPTED', 'REQUESTED', 'RESCHEDULE_PROPOSED'] },
      },
      select: {
        id: true,
        fairId: true,
        slotId: true,
        status: true,
        buyerId: true,
        companyId: true,
        startsAt: true,
        endsAt: true,
        requestedById: true,
        buyer: { select: { userId: true } },
      },
    }),
    prisma.meeting.findMany({
      where: { fairId, publishedAt: { not: null }, slotId: { not: null }, status: { notIn: [...HOLDING_STATUSES] } },
      orderBy: { id: 'asc' },
      select: { id: true, buyerId: true, companyId: true, slotId: true },
    }),
  ])
  const buyerSet = new Set(buyerIds)
  const companySet = new Set(companyIds)
  const slotSet = new Set(slots.map((s) => s.id))
  const confirmed: ScheduleInputs['confirmed'] = []
  const busyByBuyer = new Map<string, Array<{ start: Date; end: Date }>>()
  const busyByCompany = new Map<string, Array<{ start: Date; end: Date }>>()
  const preferences: MeetingPreference[] = []
  const seenPreference = new Set<string>()
  // Explicit wishes first, only between parties still approved in the fair.
  for (const row of stored) {
    if (!buyerSet.has(row.buyerId) || !companySet.has(row.companyId)) continue
    const by = SIDE_OF_ROLE[row.side as keyof typeof SIDE_OF_ROLE]
    seenPreference.add(`${row.buyerId}|${row.companyId}|${by}`)
    preferences.push({ buyerId: row.buyerId, exporterId: row.companyId, by, level: row.level === 'MUST_MEET' ? 'must-meet' : 'would-like' })
  }
  const storedCount = preferences.length
  for (const meeting of meetings) {
    const slotId = meeting.fairId === fairId && meeting.slotId !== null && slotSet.has(meeting.slotId) ? meeting.slotId : null
    if (meeting.status === 'ACCEPTED') {
      if (slotId !== null && buyerSet.has(meeting.buyerId) && companySet.has(meeting.companyId)) {
        confirmed.push({ meetingId: meeting.id, buyerId: meeting.buyerId, exporterId: meeting.companyId, slotId })
      } else if (meeting.endsAt > first && meeting.startsAt < last) {
        // Accepted elsewhere (another fair, a 1:1 outside the slots): those times are taken.
        const interval = { start: meeting.startsAt, end: meeting.endsAt }
        if (buyerSet.has(meeting.buyerId)) busyByBuyer.set(meeting.buyerId, [...(busyByBuyer.get(meeting.buyerId) ?? []), interval])
        if (companySet.has(meeting.companyId)) busyByCompany.set(meeting.companyId, [...(busyByCompany.get(meeting.companyId) ?? []), interval])
      }
    } else if (meeting.fairId === fairId && buyerSet.has(meeting.buyerId) && companySet.has(meeting.companyId)) {
      // Decision: an open request inside the fair still counts as a "would like" of the side that asked,
      // but only where that side has no explicit preference for the pair (the explicit one wins, even
      // if it is lower). Dropping it would lose wishes of people who never open the preference controls;
      // a side that wants no boost can withdraw its request.
      const by = proposerSide(meeting)
      const key = `${meeting.buyerId}|${meeting.companyId}|${by}`
      if (!seenPreference.has(key)) {
        seenPreference.add(key)
        preferences.push({ buyerId: meeting.buyerId, exporterId: meeting.companyId, by, level: 'would-like' })
      }
    }
  }
  return {
    slots,
    buyers: buyerRows.map((row) => ({
      id: row.id,
      userId: row.userId,
      name: row.companyName,
      timeZone: row.timeZone,
      match: toMatchBuyer(row),
      busy: busyByBuyer.get(row.id) ?? [],
    })),
    exporters: exporterRows.map((row) => ({
      id: row.id,
      name: pickLocalized(row.name, row.nameI18n, locale),
      timeZone: row.timeZone,
      match: toMatchExporter(row),
      busy: busyByCompany.get(row.id) ?? [],
    })),
    confirmed,
    preferences,
    preferenceSources: { stored: storedCount, fromRequests: preferences.length - storedCount },
    released: releasedRows.flatMap((row) =>
      row.slotId !== null && slotSet.has(row.slotId) ? [{ meetingId: row.id, buyerId: row.buyerId, exporterId: row.companyId, slotId: row.slotId }] : [],
    ),
  }
}

export type FreedPlace = { side: 'buyer' | 'exporter'; partyId: string; slotId: string }

/**
 * Places in agendas that published meetings left free: for each called-off meeting whose slot has not
 * started at `now`, the buyer's and the exporter's place in that slot, unless that party has left the fair
 * or holds another accepted meeting there now. `meetings` counts the called-off meetings that freed any place.
 */
export function freedSlots(inputs: ScheduleInputs, now: Date): { meetings: number; places: FreedPlace[] } {
  const startsAt = new Map(inputs.slots.map((slot) => [slot.id, slot.startsAt.getTime()]))
  const buyerIds = new Set(inputs.buyers.map((b) => b.id))
  const exporterIds = new Set(inputs.exporters.map((e) => e.id))
  const taken = new Set(inputs.confirmed.flatMap((m) => [`buyer|${m.buyerId}|${m.slotId}`, `exporter|${m.exporterId}|${m.slotId}`]))
  const places = new Map<string, FreedPlace>()
  let meetings = 0
  for (const meeting of inputs.released) {
    if ((startsAt.get(meeting.slotId) ?? 0) <= now.getTime()) continue
    let freed = false
    for (const [side, partyId, present] of [
      ['buyer', meeting.buyerId, buyerIds.has(meeting.buyerId)],
      ['exporter', meeting.exporterId, exporterIds.has(meeting.exporterId)],
    ] as const) {
      const key = `${side}|${partyId}|${meeting.slotId}`
      if (!present || taken.has(key)) continue
      freed = true
      places.set(key, { side, partyId, slotId: meeting.slotId })
    }
    if (freed) meetings++
  }
  return { meetings, places: [...places.values()] }
}

/** Session keys for the scheduler's break count: a new session after a pause longer than SESSION_PAUSE_MS. */
function slotSessions(slots: ScheduleInputs['slots']): Array<{ id: string; session: string }> {
  let session = 0
  return slots.map((slot, index) => {
    const previous = slots[index - 1]
    if (previous && slot.startsAt.getTime() - previous.endsAt.getTime() > SESSION_PAUSE_MS) session++
    return { id: slot.id, session: String(session) }
  })
}

export type ScheduleRun = {
  meetings: Array<DraftMeeting & { weight: number; confirmed: boolean }>
  objective: number
  upperBound: number
  /** objective / upperBound, 0–1 (1 when the bound is 0) */
  ratio: number
  milliseconds: number
  /** Idle breaks in the participants' agendas, before and after the compaction phase (ADR 022) */
  breaks: { before: BreakStats; after: BreakStats; lowerBound: number }
  /** Refill runs only: the places freed since publishing and how many of them the draft's new meetings fill */
  refill: { releasedMeetings: number; freedPlaces: number; refilledPlaces: number; newMeetings: number } | null
}

/**
 * Runs the scheduler; confirmed meetings and the draft's locked ones are kept as they are. With `refill`,
 * slots that have started at `now` take no new meetings and pairs whose published meeting was called off
 * are not proposed again (see freedSlots).
 */
export async function runFairSchedule(
  inputs: ScheduleInputs,
  {
    maxPerExporter,
    keep,
    now,
    timeLimitSeconds,
    refill = false,
  }: { maxPerExporter: number; keep: readonly DraftMeeting[]; now: Date; timeLimitSeconds?: number; refill?: boolean },
): Promise<ScheduleRun> {
  const slotIds = new Set(inputs.slots.map((s) => s.id))
  const buyerIds = new Set(inputs.buyers.map((b) => b.id))
  const exporterIds = new Set(inputs.exporters.map((e) => e.id))
  const confirmedKeys = new Set(inputs.confirmed.map((m) => `${m.buyerId}|${m.exporterId}|${m.slotId}`))
  const kept = keep.filter(
    (m) => slotIds.has(m.slotId) && buyerIds.has(m.buyerId) && exporterIds.has(m.exporterId) && !confirmedKeys.has(`${m.buyerId}|${m.exporterId}|${m.slotId}`),
  )
  // A refill never offers a slot that has started, nor a pair that called their meeting off.
  const open = refill ? inputs.slots.filter((slot) => slot.startsAt.getTime() > now.getTime()) : inputs.slots
  const calledOff = new Set(refill ? inputs.released.map((m) => `${m.buyerId}|${m.exporterId}`) : [])
  const available = (busy: Array<{ start: Date; end: Date }>) =>
    busy.length === 0 && open.length === inputs.slots.length
      ? undefined
      : open.filter((slot) => !busy.some((interval) => overlaps(slot, interval))).map((slot) => slot.id)
  let schedule: FairSchedule
  try {
    schedule = await scheduleFairMeetings(
      {
        slots: slotSessions(inputs.slots),
        buyers: inputs.buyers.map((b) => ({ id: b.id, availableSlotIds: available(b.busy), match: b.match })),
        exporters: inputs.exporters.map((e) => ({ id: e.id, availableSlotIds: available(e.busy), maxMeetings: maxPerExporter, match: e.match })),
        pairScore: (buyer, exporter) => (calledOff.has(`${buyer.id}|${exporter.id}`) ? 0 : matchScore(buyer.match, exporter.match, { now }).score),
        preferences: inputs.preferences.filter((p) => !calledOff.has(`${p.buyerId}|${p.exporterId}`)),
        locked: [...inputs.confirmed.map(({ buyerId, exporterId, slotId }) => ({ buyerId, exporterId, slotId })), ...kept],
      },
      { timeLimitSeconds: timeLimitSeconds ?? 4.5 },
    )
  } catch (error) {
    if (isDomainError(error) && error.code === FAIR_SCHEDULE_INPUT_ERROR)
      throw new DomainError('locked-conflict', { status: 400, messageKey: 'schedule.errors.lockedConflict', cause: error })
    throw error
  }
  const meetings = schedule.meetings.map((m) => ({
    buyerId: m.buyerId,
    exporterId: m.exporterId,
    slotId: m.slotId,
    weight: m.weight,
    locked: m.locked,
    confirmed: confirmedKeys.has(`${m.buyerId}|${m.exporterId}|${m.slotId}`),
  }))
  let refillSummary: ScheduleRun['refill'] = null
  if (refill) {
    const freed = freedSlots(inputs, now)
    const fresh = meetings.filter((m) => !m.confirmed)
    const filled = new Set(fresh.flatMap((m) => [`buyer|${m.buyerId}|${m.slotId}`, `exporter|${m.exporterId}|${m.slotId}`]))
    refillSummary = {
      releasedMeetings: freed.meetings,
      freedPlaces: freed.places.length,
      refilledPlaces: freed.places.filter((place) => filled.has(`${place.side}|${place.partyId}|${place.slotId}`)).length,
      newMeetings: fresh.length,
    }
  }
  const { beforeCompaction, afterCompaction, lowerBound } = schedule.stats.breaks
  return {
    meetings,
    objective: schedule.objective,
    upperBound: schedule.upperBound,
    ratio: schedule.upperBound > 0 ? schedule.objective / schedule.upperBound : 1,
    milliseconds: Math.round(schedule.stats.milliseconds.total),
    breaks: { before: beforeCompaction, after: afterCompaction, lowerBound },
    refill: refillSummary,
  }
}

export const PUBLISH_ERRORS = ['unknown-party', 'unknown-slot', 'slot-started', 'over-limit', 'double-booked', 'duplicate-pair'] as const
export type PublishErrorCode = (typeof PUBLISH_ERRORS)[number]

/** A draft that cannot be published as it is: the organizer is told why (`schedule.errors.<code>`). */
function publishRefusal(code: PublishErrorCode, meeting: DraftMeeting) {
  const cause = new Error(`${code}: ${meeting.buyerId}–${meeting.exporterId} in ${meeting.slotId}`)
  return new DomainError<PublishErrorCode>(code, { status: 409, messageKey: `schedule.errors.${code}`, cause })
}

/**
 * Publishes the draft's new meetings (confirmed ones already exist) as ACCEPTED meetings in their slots.
 * All or nothing: any violated constraint (party not approved, slot of another fair, slot already started
 * (a stale draft), per-exporter limit, someone double-booked, a pair met twice) rolls everything back.
 * After commit each new meeting gets its confirmation and attendance jobs, as an accepted request does.
 */
export async function publishFairSchedule(
  organizer: Pick<SessionUser, 'id'>,
  fairId: string,
  draft: readonly DraftMeeting[],
  { maxPerExporter, now, locale }: { maxPerExporter: number; now: Date; locale: string },
): Promise<{ created: number; updated: number }> {
  const inputs = await loadScheduleInputs(fairId, { locale })
  const slots = new Map(inputs.slots.map((s) => [s.id, s]))
  const buyers = new Map(inputs.buyers.map((b) => [b.id, b]))
  const exporters = new Map(inputs.exporters.map((e) => [e.id, e]))
  const prisma = await getPrisma()
  const result = await prisma.$transaction(
    async (tx) => {
      await lockParties(tx, [...new Set(draft.map((m) => m.exporterId))], [...new Set(draft.map((m) => m.buyerId))])
      const emails: string[] = []
      const accepted: Array<{ id: string; startsAt: Date; endsAt: Date }> = []
      let created = 0
      let updated = 0
      const perExporter = new Map<string, number>()
      for (const m of inputs.confirmed) perExporter.set(m.exporterId, (perExporter.get(m.exporterId) ?? 0) + 1)
      const confirmedPairs = new Set(inputs.confirmed.map((m) => `${m.buyerId}|${m.exporterId}`))
      const confirmedKeys = new Set(inputs.confirmed.map((m) => `${m.buyerId}|${m.exporterId}|${m.slotId}`))
      const pairs = new Set<string>()
      const owners = await tx.exporterMember.findMany({
        where: { companyId: { in: [...exporters.keys()] } },
        orderBy: { createdAt: 'asc' },
        select: { companyId: true, userId: true, role: true },
      })
      const hostOf = (companyId: string) => {
        const members = owners.filter((o) => o.companyId === companyId)
        return (members.find((o) => o.role === 'OWNER') ?? members[0])?.userId
      }
      for (const meeting of draft) {
        if (confirmedKeys.has(`${meeting.buyerId}|${meeting.exporterId}|${meeting.slotId}`)) {
          // Already published: only the lock can change.
          await tx.meeting.updateMany({
            where: { fairId, buyerId: meeting.buyerId, companyId: meeting.exporterId, slotId: meeting.slotId, status: 'ACCEPTED' },
            data: { locked: meeting.locked },
          })
          continue
        }
        const slot = slots.get(meeting.slotId)
        const buyer = buyers.get(meeting.buyerId)
        const exporter = exporters.get(meeting.exporterId)
        const host = exporter ? hostOf(exporter.id) : undefined
        if (!slot) throw publishRefusal('unknown-slot', meeting)
        // A draft computed earlier (a refill left open on the page) must not publish meetings into the past.
        if (slot.startsAt.getTime() <= now.getTime()) throw publishRefusal('slot-started', meeting)
        if (!buyer || !exporter || !host) throw publishRefusal('unknown-party', meeting)
        const pair = `${meeting.buyerId}|${meeting.exporterId}`
        if (pairs.has(pair) || confirmedPairs.has(pair)) throw publishRefusal('duplicate-pair', meeting)
        pairs.add(pair)
        const count = (perExporter.get(exporter.id) ?? 0) + 1
        if (count > maxPerExporter) throw publishRefusal('over-limit', meeting)
        perExporter.set(exporter.id, count)
        // Earlier meetings of this batch are already ACCEPTED rows, so this also catches clashes inside the draft.
        if (await hasBookedOverlap(tx, { buyerId: buyer.id, companyId: exporter.id, start: slot.startsAt, end: slot.endsAt })) {
          throw publishRefusal('double-booked', meeting)
        }
        const pending = await tx.meeting.findFirst({
          where: { fairId, buyerId: buyer.id, companyId: exporter.id, status: { in: ['REQUESTED', 'RESCHEDULE_PROPOSED'] } },
          select: { id: true, interpreterLanguage: true },
        })
        const fields = { status: 'ACCEPTED' as const, slotId: slot.id, startsAt: slot.startsAt, endsAt: slot.endsAt, publishedAt: now, locked: meeting.locked }
        const row = pending
          ? await tx.meeting.update({ where: { id: pending.id }, data: fields, select: { id: true, interpreterLanguage: true } })
          : await tx.meeting.create({
              data: { ...fields, buyerId: buyer.id, companyId: exporter.id, fairId, requestedById: organizer.id },
              select: { id: true, interpreterLanguage: true },
            })
        if (pending) updated++
        else created++
        accepted.push({ id: row.id, startsAt: slot.startsAt, endsAt: slot.endsAt })
        await seatAcceptedMeeting(
          tx,
          {
            id: row.id,
            buyerId: buyer.id,
            companyId: exporter.id,
            fairId,
            startsAt: slot.startsAt,
            endsAt: slot.endsAt,
            interpreterLanguage: row.interpreterLanguage,
          },
          { buyerUserId: buyer.userId, exporterUserId: host, title: `${buyer.name} × ${exporter.name}` },
        )
        emails.push(
          ...(await notify(tx, {
            userIds: [buyer.userId],
            kind: 'meeting.updated',
            data: { with: exporter.name, status: 'ACCEPTED' },
            link: `/meetings/${row.id}`,
          })),
          ...(await notify(tx, {
            userIds: owners.filter((o) => o.companyId === exporter.id).map((o) => o.userId),
            kind: 'meeting.updated',
            data: { with: buyer.name, status: 'ACCEPTED' },
            link: `/meetings/${row.id}`,
          })),
        )
      }
      // Venue tables for the on-site meetings, after the schedule is decided (docs/fair-on-site.md).
      await assignMeetingTables(tx, fairId, { now })
      return { created, updated, emails, accepted }
    },
    { timeout: 60_000 },
  )
  await flushNotificationEmails(result.emails)
  for (const meeting of result.accepted) await scheduleAcceptedMeeting(meeting, now)
  return { created: result.created, updated: result.updated }
}
