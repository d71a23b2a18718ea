// Second phase of the fair scheduler: compact agendas. A "break" is an idle gap in someone's agenda: a
// maximal run of slots without a meeting between their first and last meeting of one session (Bofill et
// al., "The B2B Meeting Scheduling Problem", JAIR 2022, minimise the number of breaks after the number of
// meetings). Phase 1 fixes WHICH pairs meet; this phase only changes WHEN, so the number and weight of
// meetings cannot change (lexicographic order, ADR 022). It is a local search:
//   - move: one meeting to another slot where both people are available and free;
//   - swap: two meetings of one person exchange their slots (the partners' agendas change);
//   - chain: a meeting moves into a slot where one of its people is busy, that meeting moves on;
//   - Kempe chain: all meetings of two slots connected through shared people exchange the two slots;
// a step is taken only when it lowers the total cost (breaks first, then idle slots inside breaks: see
// agendaCost), so the search ends and never adds a break overall, and every step
// keeps the schedule feasible (availability, one meeting per person per slot; limits and pairs are
// untouched because the meetings are the same). Locked meetings never move.
import type { FairInstance } from './fair-instance.ts'

const NONE = -1

export type PlacedMeeting = { buyer: number; exporter: number; slot: number; locked: boolean }

export type BreakStats = {
  /** Breaks summed over all participants (buyers and exporters) */
  total: number
  /** total / participants with at least one meeting (0 when nobody meets) */
  mean: number
  /** The most breaks one participant has */
  max: number
  /** Participants with at least one break */
  participantsWithBreaks: number
  /** Participants with at least one meeting */
  participants: number
}

export type CompactionResult = {
  meetings: PlacedMeeting[]
  before: BreakStats
  after: BreakStats
  /** Moves and swaps applied */
  steps: number
  /** False when the deadline stopped the search before no step improved any more */
  converged: boolean
}

/** Breaks of one agenda: `at(slot)` is true where the person has a meeting. */
export function countBreaks(at: (slot: number) => boolean, slotSession: Int32Array): number {
  return Math.floor(agendaCost(at, slotSession) / breakUnit(slotSession.length))
}

const breakUnit = (slotCount: number) => 4 * (slotCount + 1)

/**
 * What the search minimises per person: breaks × 4(slots + 1) + idle slots inside breaks, i.e. fewer
 * breaks first and, among equal counts, shorter ones (the weight keeps the sum over the two people a
 * step touches lexicographic). Shortening a break is often the step that lets a later move close it.
 */
function agendaCost(at: (slot: number) => boolean, slotSession: Int32Array): number {
  const breakWeight = breakUnit(slotSession.length)
  let cost = 0
  let seenMeeting = false
  let gap = 0
  for (let slot = 0; slot < slotSession.length; slot++) {
    if (slot > 0 && slotSession[slot] !== slotSession[slot - 1]) {
      seenMeeting = false
      gap = 0
    }
    if (at(slot)) {
      if (gap > 0) cost += breakWeight + gap
      seenMeeting = true
      gap = 0
    } else if (seenMeeting) {
      gap++
    }
  }
  return cost
}

/** Occupancy grids of a schedule plus the bookkeeping the local search needs. */
class Agendas {
  readonly buyerAt: Int32Array
  readonly exporterAt: Int32Array
  readonly slot: Int32Array

  constructor(
    private readonly instance: FairInstance,
    readonly meetings: readonly PlacedMeeting[],
  ) {
    const { buyerCount, exporterCount, slotCount } = instance
    this.buyerAt = new Int32Array(buyerCount * slotCount).fill(NONE)
    this.exporterAt = new Int32Array(exporterCount * slotCount).fill(NONE)
    this.slot = Int32Array.from(meetings, (meeting) => meeting.slot)
    meetings.forEach((meeting, id) => {
      const buyerIndex = meeting.buyer * slotCount + meeting.slot
      const exporterIndex = meeting.exporter * slotCount + meeting.slot
      if (this.buyerAt[buyerIndex] !== NONE || this.exporterAt[exporterIndex] !== NONE) {
        throw new Error('compactAgendas: someone has two meetings in one slot')
      }
      this.buyerAt[buyerIndex] = id
      this.exporterAt[exporterIndex] = id
    })
  }

  buyerCost(buyer: number): number {
    const { slotCount, slotSession } = this.instance
    return agendaCost((slot) => this.buyerAt[buyer * slotCount + slot] !== NONE, slotSession)
  }

  exporterCost(exporter: number): number {
    const { slotCount, slotSession } = this.instance
    return agendaCost((slot) => this.exporterAt[exporter * slotCount + slot] !== NONE, slotSession)
  }

  buyerBreaks(buyer: number): number {
    return Math.floor(this.buyerCost(buyer) / breakUnit(this.instance.slotCount))
  }

  exporterBreaks(exporter: number): number {
    return Math.floor(this.exporterCost(exporter) / breakUnit(this.instance.slotCount))
  }

  /** True when both people of `meeting` are available and free in `slot` (their own meeting aside). */
  fits(meeting: number, slot: number, ignore: number = NONE): boolean {
    const { slotCount, buyerAvailable, exporterAvailable } = this.instance
    const { buyer, exporter } = this.meetings[meeting]!
    const atBuyer = this.buyerAt[buyer * slotCount + slot]!
    const atExporter = this.exporterAt[exporter * slotCount + slot]!
    return (
      buyerAvailable[buyer * slotCount + slot] === 1 &&
      exporterAvailable[exporter * slotCount + slot] === 1 &&
      (atBuyer === NONE || atBuyer === meeting || atBuyer === ignore) &&
      (atExporter === NONE || atExporter === meeting || atExporter === ignore)
    )
  }

  /** Moves the meetings to the given slots at once (all their old cells are cleared first). */
  place(moves: ReadonlyArray<readonly [meeting: number, slot: number]>): void {
    const { slotCount } = this.instance
    for (const [meeting] of moves) {
      const { buyer, exporter } = this.meetings[meeting]!
      const from = this.slot[meeting]!
      if (this.buyerAt[buyer * slotCount + from] === meeting) this.buyerAt[buyer * slotCount + from] = NONE
      if (this.exporterAt[exporter * slotCount + from] === meeting) this.exporterAt[exporter * slotCount + from] = NONE
    }
    for (const [meeting, slot] of moves) {
      const { buyer, exporter } = this.meetings[meeting]!
      this.buyerAt[buyer * slotCount + slot] = meeting
      this.exporterAt[exporter * slotCount + slot] = meeting
      this.slot[meeting] = slot
    }
  }

  result(): PlacedMeeting[] {
    return this.meetings.map((meeting, id) => ({ ...meeting, slot: this.slot[id]! }))
  }
}

function summarise(perPerson: number[], participants: number): BreakStats {
  let total = 0
  let max = 0
  let withBreaks = 0
  for (const breaks of perPerson) {
    total += breaks
    if (breaks > max) max = breaks
    if (breaks > 0) withBreaks++
  }
  return { total, mean: participants > 0 ? total / participants : 0, max, participantsWithBreaks: withBreaks, participants }
}

function statsOf(agendas: Agendas, instance: FairInstance): BreakStats {
  const perPerson: number[] = []
  const meets = { buyers: new Uint8Array(instance.buyerCount), exporters: new Uint8Array(instance.exporterCount) }
  for (const meeting of agendas.meetings) {
    meets.buyers[meeting.buyer] = 1
    meets.exporters[meeting.exporter] = 1
  }
  let participants = 0
  for (let buyer = 0; buyer < instance.buyerCount; buyer++) {
    if (!meets.buyers[buyer]) continue
    participants++
    perPerson.push(agendas.buyerBreaks(buyer))
  }
  for (let exporter = 0; exporter < instance.exporterCount; exporter++) {
    if (!meets.exporters[exporter]) continue
    participants++
    perPerson.push(agendas.exporterBreaks(exporter))
  }
  return summarise(perPerson, participants)
}

/**
 * Fewest breaks one person can have with `count` meetings when only their own availability counts
 * (partners ignored) and `fixed` slots must be used (locked meetings): a DP over the slots in order.
 */
function personLowerBound(available: (slot: number) => boolean, fixed: (slot: number) => boolean, count: number, slotSession: Int32Array): number {
  const slots = slotSession.length
  const INF = Number.POSITIVE_INFINITY
  // state: [chosen so far][last slot chosen 0/1][session has a meeting 0/1] → fewest breaks
  let layer = Array.from({ length: count + 1 }, () => [
    [INF, INF],
    [INF, INF],
  ])
  layer[0]![0]![0] = 0
  for (let slot = 0; slot < slots; slot++) {
    const newSession = slot === 0 || slotSession[slot] !== slotSession[slot - 1]
    const next = Array.from({ length: count + 1 }, () => [
      [INF, INF],
      [INF, INF],
    ])
    for (let chosen = 0; chosen <= count; chosen++) {
      for (const last of [0, 1]) {
        for (const has of [0, 1]) {
          const value = layer[chosen]![last]![has]!
          if (value === INF) continue
          const prevLast = newSession ? 0 : last
          const prevHas = newSession ? 0 : has
          if (!fixed(slot)) next[chosen]![0]![prevHas] = Math.min(next[chosen]![0]![prevHas]!, value)
          if (available(slot) && chosen < count) {
            const cost = value + (prevLast === 0 && prevHas === 1 ? 1 : 0)
            next[chosen + 1]![1]![1] = Math.min(next[chosen + 1]![1]![1]!, cost)
          }
        }
      }
    }
    layer = next
  }
  return Math.min(...layer[count]!.flat())
}

/**
 * A lower bound on the total breaks of any placement of these meetings: each person's fewest breaks given
 * only their own availability and locked slots. The gap between it and a schedule's breaks is what
 * compaction could still gain at most; the rest is forced by who is free when.
 */
export function breaksLowerBound(instance: FairInstance, meetings: readonly PlacedMeeting[]): number {
  const { slotCount, slotSession, buyerAvailable, exporterAvailable } = instance
  let bound = 0
  for (const [side, count, available] of [
    ['buyer', instance.buyerCount, buyerAvailable],
    ['exporter', instance.exporterCount, exporterAvailable],
  ] as const) {
    const meetingsOf = new Int32Array(count)
    const fixed = new Uint8Array(count * slotCount)
    for (const meeting of meetings) {
      const person = meeting[side]
      meetingsOf[person]! += 1
      // A locked meeting stays where it is (and may sit where its person is no longer marked available).
      if (meeting.locked) fixed[person * slotCount + meeting.slot] = 1
    }
    for (let person = 0; person < count; person++) {
      if (meetingsOf[person]! < 2) continue
      bound += personLowerBound(
        (slot) => available[person * slotCount + slot] === 1 || fixed[person * slotCount + slot] === 1,
        (slot) => fixed[person * slotCount + slot] === 1,
        meetingsOf[person]!,
        slotSession,
      )
    }
  }
  return bound
}

/** Break statistics of a schedule (buyers and exporters together). */
export function breakStats(instance: FairInstance, meetings: readonly PlacedMeeting[]): BreakStats {
  return statsOf(new Agendas(instance, meetings), instance)
}

/**
 * Lowers the number of breaks without changing who meets whom (see the module comment).
 * `deadline` is a performance.now() value; the schedule is valid whenever the search stops.
 */
export function compactAgendas(instance: FairInstance, meetings: readonly PlacedMeeting[], { deadline }: { deadline: number }): CompactionResult {
  const agendas = new Agendas(instance, meetings)
  const before = statsOf(agendas, instance)
  const { slotCount } = instance
  let steps = 0
  let converged = false

  // Cost of the people a step touches, before and after applying it; the step is undone unless it helps.
  const trial = (people: ReadonlyArray<readonly ['b' | 'e', number]>, moves: Array<readonly [number, number]>): boolean => {
    const costOf = () => people.reduce((sum, [side, person]) => sum + (side === 'b' ? agendas.buyerCost(person) : agendas.exporterCost(person)), 0)
    const old = costOf()
    if (old === 0) return false
    const undo = moves.map(([meeting]) => [meeting, agendas.slot[meeting]!] as const)
    agendas.place(moves)
    if (costOf() < old) return true
    agendas.place(undo)
    return false
  }

  // The Kempe chain of `meeting` between its slot and `other`: null when it contains a locked meeting or a
  // meeting whose people cannot attend the slot it would move to.
  const kempeChain = (meeting: number, other: number) => {
    const from = agendas.slot[meeting]!
    if (other === from) return null
    const seen = new Set<number>([meeting])
    const queue = [meeting]
    const moves: Array<readonly [number, number]> = []
    const people = new Map<string, readonly ['b' | 'e', number]>()
    while (queue.length > 0) {
      const current = queue.pop()!
      const { buyer, exporter, locked } = meetings[current]!
      if (locked) return null
      const at = agendas.slot[current]!
      const to = at === from ? other : from
      if (instance.buyerAvailable[buyer * slotCount + to] !== 1 || instance.exporterAvailable[exporter * slotCount + to] !== 1) return null
      moves.push([current, to])
      people.set(`b${buyer}`, ['b', buyer])
      people.set(`e${exporter}`, ['e', exporter])
      for (const next of [agendas.buyerAt[buyer * slotCount + to]!, agendas.exporterAt[exporter * slotCount + to]!]) {
        if (next !== NONE && !seen.has(next)) {
          seen.add(next)
          queue.push(next)
        }
      }
      if (moves.length > 64) return null
    }
    return { moves, people: [...people.values()] }
  }

  // Meetings per person, for the swaps.
  const byBuyer: number[][] = Array.from({ length: instance.buyerCount }, () => [])
  const byExporter: number[][] = Array.from({ length: instance.exporterCount }, () => [])
  meetings.forEach((meeting, id) => {
    if (meeting.locked) return
    byBuyer[meeting.buyer]!.push(id)
    byExporter[meeting.exporter]!.push(id)
  })

  search: for (;;) {
    let improved = false
    // Moves: one meeting to another slot.
    for (let id = 0; id < meetings.length; id++) {
      const meeting = meetings[id]!
      if (meeting.locked) continue
      const people = [
        ['b', meeting.buyer],
        ['e', meeting.exporter],
      ] as const
      for (let slot = 0; slot < slotCount; slot++) {
        if (slot === agendas.slot[id] || !agendas.fits(id, slot)) continue
        if (trial(people, [[id, slot]])) {
          steps++
          improved = true
        }
      }
      if ((id & 255) === 0 && performance.now() > deadline) break search
    }
    // Chains: a meeting moves into a slot where one of its people is busy, and that other meeting moves
    // on to any slot where its own people are free (the swaps below are the case "back to the first slot").
    for (let id = 0; id < meetings.length; id++) {
      const meeting = meetings[id]!
      if (meeting.locked) continue
      for (let slot = 0; slot < slotCount; slot++) {
        if (slot === agendas.slot[id]) continue
        for (const side of ['b', 'e'] as const) {
          const blocker = side === 'b' ? agendas.buyerAt[meeting.buyer * slotCount + slot]! : agendas.exporterAt[meeting.exporter * slotCount + slot]!
          if (blocker === NONE || meetings[blocker]!.locked || !agendas.fits(id, slot, blocker)) continue
          const other = meetings[blocker]!
          const from = agendas.slot[id]!
          for (let onward = 0; onward < slotCount; onward++) {
            if (onward === slot || onward === from) continue
            if (!agendas.fits(blocker, onward)) continue
            const onwardPerson: readonly ['b' | 'e', number] = side === 'b' ? ['e', other.exporter] : ['b', other.buyer]
            const people = [['b', meeting.buyer], ['e', meeting.exporter], onwardPerson] as const
            if (
              trial(people, [
                [id, slot],
                [blocker, onward],
              ])
            ) {
              steps++
              improved = true
              break
            }
          }
          if (agendas.slot[id] !== from) break
        }
      }
      if ((id & 255) === 0 && performance.now() > deadline) break search
    }
    // Kempe chains: the meetings of slots t1 and t2 connected to a meeting through shared people all
    // exchange t1 and t2 (so nobody is double-booked); allowed when every one of them may use its new slot.
    for (let id = 0; id < meetings.length; id++) {
      if (meetings[id]!.locked) continue
      for (let other = 0; other < slotCount; other++) {
        const chain = kempeChain(id, other)
        if (!chain || chain.moves.length < 2) continue
        if (trial(chain.people, chain.moves)) {
          steps++
          improved = true
        }
      }
      if ((id & 255) === 0 && performance.now() > deadline) break search
    }
    // Swaps: two meetings of one person exchange slots; only the two partners' agendas change.
    for (const [lists, partnerSide] of [
      [byExporter, 'b'],
      [byBuyer, 'e'],
    ] as const) {
      for (const list of lists) {
        for (let i = 0; i < list.length; i++) {
          for (let j = i + 1; j < list.length; j++) {
            const first = list[i]!
            const second = list[j]!
            const firstSlot = agendas.slot[first]!
            const secondSlot = agendas.slot[second]!
            if (!agendas.fits(first, secondSlot, second) || !agendas.fits(second, firstSlot, first)) continue
            const partner = (id: number) => (partnerSide === 'b' ? meetings[id]!.buyer : meetings[id]!.exporter)
            const people = [
              [partnerSide, partner(first)],
              [partnerSide, partner(second)],
            ] as const
            if (
              trial(people, [
                [first, secondSlot],
                [second, firstSlot],
              ])
            ) {
              steps++
              improved = true
            }
          }
        }
        if (performance.now() > deadline) break search
      }
    }
    if (!improved) {
      converged = true
      break
    }
  }
  return { meetings: agendas.result(), before, after: statsOf(agendas, instance), steps, converged }
}
