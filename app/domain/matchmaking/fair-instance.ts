// Input types of the fair scheduler and their dense, index-based form that the LP and the
// assignment heuristics share. Pair key = buyerIndex * exporterCount + exporterIndex.

import { DomainError } from '../errors.ts'

export type FairSlot = {
  id: string
  /**
   * The session (a day, or a block between long pauses) the slot belongs to; consecutive slots with the
   * same key form one session. Idle gaps ("breaks") are counted within a session only. Default: one session.
   */
  session?: string
}

export type FairBuyer = {
  id: string
  /** Slots this buyer can attend; all slots when omitted */
  availableSlotIds?: readonly string[]
  /** At most this many meetings (default: no limit beyond one per slot) */
  maxMeetings?: number
}

export type FairExporter = {
  id: string
  availableSlotIds?: readonly string[]
  maxMeetings?: number
}

export type PreferenceLevel = 'must-meet' | 'would-like'

/** One side's wish to meet the other; it raises the pair's weight (it is not a hard constraint). */
export type MeetingPreference = {
  buyerId: string
  exporterId: string
  by: 'buyer' | 'exporter'
  level: PreferenceLevel
}

/** A meeting already confirmed; the scheduler keeps it exactly as it is. */
export type LockedMeeting = {
  buyerId: string
  exporterId: string
  slotId: string
}

export type FairSchedulingProblem<B extends FairBuyer = FairBuyer, E extends FairExporter = FairExporter> = {
  /** In time order */
  slots: readonly FairSlot[]
  buyers: readonly B[]
  exporters: readonly E[]
  /** Match score of a pair, typically `matchScore(...).score`; pairs scoring ≤ 0 without a preference never meet */
  pairScore: (buyer: B, exporter: E) => number
  preferences?: readonly MeetingPreference[]
  locked?: readonly LockedMeeting[]
}

export type PreferenceBoosts = {
  mustMeet: number
  wouldLike: number
}

/** Added to a pair's score per side that asks; large enough that a "must meet" beats any score alone. */
export const DEFAULT_PREFERENCE_BOOSTS: Readonly<PreferenceBoosts> = { mustMeet: 100, wouldLike: 25 }

/** The code of a scheduling problem that contradicts itself (duplicate or unknown ids, clashing locked meetings). */
export const FAIR_SCHEDULE_INPUT_ERROR = 'invalid-schedule-input'

function fairScheduleInputError(detail: string) {
  return new DomainError(FAIR_SCHEDULE_INPUT_ERROR, { detail })
}

export type FairInstance = {
  buyerCount: number
  exporterCount: number
  slotCount: number
  /** Score plus boosts per pair key; ≤ 0 means the pair is not worth a meeting */
  weight: Float64Array
  /** 1 where the person can attend the slot: [buyer * slotCount + slot] */
  buyerAvailable: Uint8Array
  exporterAvailable: Uint8Array
  buyerCap: Int32Array
  exporterCap: Int32Array
  /** Session index per slot, non-decreasing: a new index wherever the slot's session key changes */
  slotSession: Int32Array
  locked: Array<{ buyer: number; exporter: number; slot: number }>
}

function indexById(items: ReadonlyArray<{ id: string }>, what: string): Map<string, number> {
  const index = new Map<string, number>()
  items.forEach((item, position) => {
    if (index.has(item.id)) throw fairScheduleInputError(`Duplicate ${what} id ${item.id}`)
    index.set(item.id, position)
  })
  return index
}

function lookup(index: Map<string, number>, id: string, what: string): number {
  const position = index.get(id)
  if (position === undefined) throw fairScheduleInputError(`Unknown ${what} ${id}`)
  return position
}

function availability(people: ReadonlyArray<{ availableSlotIds?: readonly string[] }>, slotIndex: Map<string, number>, slotCount: number): Uint8Array {
  const available = new Uint8Array(people.length * slotCount)
  people.forEach((person, position) => {
    if (!person.availableSlotIds) {
      available.fill(1, position * slotCount, (position + 1) * slotCount)
      return
    }
    for (const slotId of person.availableSlotIds) {
      available[position * slotCount + lookup(slotIndex, slotId, 'slot')] = 1
    }
  })
  return available
}

function caps(people: ReadonlyArray<{ maxMeetings?: number }>, slotCount: number): Int32Array {
  return Int32Array.from(people, (person) => Math.max(0, Math.min(slotCount, Math.floor(person.maxMeetings ?? slotCount))))
}

function sessions(slots: readonly FairSlot[]): Int32Array {
  const session = new Int32Array(slots.length)
  slots.forEach((slot, index) => {
    if (index > 0) session[index] = session[index - 1]! + (slot.session === slots[index - 1]!.session ? 0 : 1)
  })
  return session
}

/** Validates ids and locked meetings and builds the dense form. */
export function buildFairInstance<B extends FairBuyer, E extends FairExporter>(
  problem: FairSchedulingProblem<B, E>,
  boosts: PreferenceBoosts = DEFAULT_PREFERENCE_BOOSTS,
): FairInstance {
  const slotIndex = indexById(problem.slots, 'slot')
  const buyerIndex = indexById(problem.buyers, 'buyer')
  const exporterIndex = indexById(problem.exporters, 'exporter')
  const buyerCount = problem.buyers.length
  const exporterCount = problem.exporters.length
  const slotCount = problem.slots.length

  const weight = new Float64Array(buyerCount * exporterCount)
  problem.buyers.forEach((buyer, b) => {
    problem.exporters.forEach((exporter, e) => {
      const score = problem.pairScore(buyer, exporter)
      weight[b * exporterCount + e] = Number.isFinite(score) ? score : 0
    })
  })
  for (const preference of problem.preferences ?? []) {
    const key = lookup(buyerIndex, preference.buyerId, 'buyer') * exporterCount + lookup(exporterIndex, preference.exporterId, 'exporter')
    // A pair with a negative score still becomes worth meeting when someone asks for it.
    weight[key] = Math.max(0, weight[key] ?? 0) + (preference.level === 'must-meet' ? boosts.mustMeet : boosts.wouldLike)
  }

  const instance: FairInstance = {
    buyerCount,
    exporterCount,
    slotCount,
    weight,
    buyerAvailable: availability(problem.buyers, slotIndex, slotCount),
    exporterAvailable: availability(problem.exporters, slotIndex, slotCount),
    buyerCap: caps(problem.buyers, slotCount),
    exporterCap: caps(problem.exporters, slotCount),
    slotSession: sessions(problem.slots),
    locked: [],
  }

  const taken = new Set<string>()
  const lockedPerBuyer = new Int32Array(buyerCount)
  const lockedPerExporter = new Int32Array(exporterCount)
  for (const meeting of problem.locked ?? []) {
    const buyer = lookup(buyerIndex, meeting.buyerId, 'buyer')
    const exporter = lookup(exporterIndex, meeting.exporterId, 'exporter')
    const slot = lookup(slotIndex, meeting.slotId, 'slot')
    const describe = `${meeting.buyerId}–${meeting.exporterId} in ${meeting.slotId}`
    // Locked meetings are promises already made: contradictions among them need a human, not the solver.
    for (const key of [`b${buyer}@${slot}`, `e${exporter}@${slot}`, `p${buyer}-${exporter}`]) {
      if (taken.has(key)) throw fairScheduleInputError(`Locked meetings conflict at ${describe}`)
      taken.add(key)
    }
    lockedPerBuyer[buyer]! += 1
    lockedPerExporter[exporter]! += 1
    instance.locked.push({ buyer, exporter, slot })
  }
  // A locked meeting may exceed a limit that was lowered later; the limit then simply allows no more.
  lockedPerBuyer.forEach((count, b) => (instance.buyerCap[b] = Math.max(instance.buyerCap[b]!, count)))
  lockedPerExporter.forEach((count, e) => (instance.exporterCap[e] = Math.max(instance.exporterCap[e]!, count)))
  return instance
}
