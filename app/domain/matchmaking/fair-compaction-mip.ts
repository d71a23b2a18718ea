// Exact compaction for small fairs (ADR 022): with the meetings fixed, choose their slots to minimise the
// total number of breaks, as a MIP solved by HiGHS and warm-started from the local search.
//   x[m,t] ∈ {0,1}  meeting m (not locked) in slot t, for slots both its people can attend
//   Σ_t x[m,t] = 1 (each meeting keeps exactly one slot)   Σ_{m ∋ p} x[m,t] ≤ 1 − locked(p,t) (one per person)
//   y[p,t] = Σ_{m ∋ p} x[m,t] + locked(p,t)   (occupancy of person p in slot t)
//   start[p,t] ≥ y[p,t] − y[p,t−1]  (a block of meetings starts; y[p,t−1] = 0 at a session's first slot)
//   has[p,s] ≤ Σ_{t ∈ s} y[p,t], has ≤ 1
//   minimise Σ start − Σ has  = Σ over sessions with a meeting of (blocks − 1) = breaks
// Only people with two or more meetings can have a break; they get start/has variables.
import type { Highs } from 'highs'
import { breakStats, type PlacedMeeting } from './fair-compaction.ts'
import type { FairInstance } from './fair-instance.ts'

/** Above this many x columns the MIP is not tried (the local search result stands). */
export const EXACT_COMPACTION_COLUMN_LIMIT = 5_000

export type ExactCompaction = {
  meetings: PlacedMeeting[]
  /** Always true: HiGHS proved that no placement has fewer breaks (or the lower bound was reached) */
  optimal: boolean
}

type Person = { side: 'buyer' | 'exporter'; index: number }

/**
 * Returns a placement with the fewest breaks (at most those of `start`, the local search result), or null
 * when the instance is too large, HiGHS fails or the time runs out before optimality is proven.
 */
export function exactCompaction(
  highs: Highs,
  instance: FairInstance,
  start: readonly PlacedMeeting[],
  { deadline, lowerBound = 0 }: { deadline: number; /** Breaks no placement can go below: the search stops on reaching it */ lowerBound?: number },
): ExactCompaction | null {
  const { slotCount, slotSession, buyerAvailable, exporterAvailable } = instance
  const personKey = (side: 'buyer' | 'exporter', index: number) => (side === 'buyer' ? index : instance.buyerCount + index)
  const lockedAt = new Uint8Array((instance.buyerCount + instance.exporterCount) * slotCount)
  const meetingCount = new Int32Array(instance.buyerCount + instance.exporterCount)
  for (const meeting of start) {
    for (const key of [personKey('buyer', meeting.buyer), personKey('exporter', meeting.exporter)]) {
      meetingCount[key]! += 1
      if (meeting.locked) lockedAt[key * slotCount + meeting.slot] = 1
    }
  }

  // x columns
  const xMeeting: number[] = []
  const xSlot: number[] = []
  const columnOf = new Map<string, number>()
  start.forEach((meeting, id) => {
    if (meeting.locked) return
    for (let slot = 0; slot < slotCount; slot++) {
      const ok =
        buyerAvailable[meeting.buyer * slotCount + slot] === 1 &&
        exporterAvailable[meeting.exporter * slotCount + slot] === 1 &&
        !lockedAt[personKey('buyer', meeting.buyer) * slotCount + slot] &&
        !lockedAt[personKey('exporter', meeting.exporter) * slotCount + slot]
      if (!ok) continue
      columnOf.set(`${id}@${slot}`, xMeeting.length)
      xMeeting.push(id)
      xSlot.push(slot)
    }
  })
  const xCount = xMeeting.length
  if (xCount === 0 || xCount > EXACT_COMPACTION_COLUMN_LIMIT) return null

  // x columns per person and slot
  const xAt = new Map<number, number[]>()
  const at = (key: number, slot: number) => xAt.get(key * slotCount + slot) ?? []
  for (let column = 0; column < xCount; column++) {
    const meeting = start[xMeeting[column]!]!
    for (const key of [personKey('buyer', meeting.buyer), personKey('exporter', meeting.exporter)]) {
      const cell = key * slotCount + xSlot[column]!
      xAt.set(cell, [...(xAt.get(cell) ?? []), column])
    }
  }

  const tracked: Person[] = []
  for (let buyer = 0; buyer < instance.buyerCount; buyer++) if (meetingCount[personKey('buyer', buyer)]! >= 2) tracked.push({ side: 'buyer', index: buyer })
  for (let exporter = 0; exporter < instance.exporterCount; exporter++) {
    if (meetingCount[personKey('exporter', exporter)]! >= 2) tracked.push({ side: 'exporter', index: exporter })
  }
  const sessions: number[][] = []
  for (let slot = 0; slot < slotCount; slot++) {
    const session = slotSession[slot]!
    if (slot === 0 || session !== slotSession[slot - 1]) sessions.push([])
    sessions.at(-1)!.push(slot)
  }

  // Columns: x, then start[p,t] per tracked person and slot, then has[p,s].
  const startBase = xCount
  const hasBase = startBase + tracked.length * slotCount
  const columnCount = hasBase + tracked.length * sessions.length
  const cost = new Float64Array(columnCount)
  const upper = new Float64Array(columnCount).fill(1)
  const integrality = new Int32Array(columnCount)
  integrality.fill(highs.constants.variableType.integer, 0, xCount)
  cost.fill(1, startBase, hasBase)
  cost.fill(-1, hasBase, columnCount)

  // Rows as (lower, upper, entries); turned into CSC below.
  const rowLower: number[] = []
  const rowUpper: number[] = []
  const entries: Array<Array<[column: number, value: number]>> = []
  const addRow = (lower: number, upperBound: number, row: Array<[number, number]>) => {
    rowLower.push(lower)
    rowUpper.push(upperBound)
    entries.push(row)
  }
  start.forEach((meeting, id) => {
    if (meeting.locked) return
    const row: Array<[number, number]> = []
    for (let slot = 0; slot < slotCount; slot++) {
      const column = columnOf.get(`${id}@${slot}`)
      if (column !== undefined) row.push([column, 1])
    }
    addRow(1, 1, row)
  })
  for (const [cell, columns] of xAt)
    if (columns.length > 1)
      addRow(
        -highs.infinity,
        1 - lockedAt[cell]!,
        columns.map((c) => [c, 1]),
      )
  tracked.forEach((person, position) => {
    const key = personKey(person.side, person.index)
    sessions.forEach((slots, session) => {
      let lockedInSession = 0
      slots.forEach((slot, offset) => {
        // start − Σx_t + Σx_{t−1} ≥ locked_t − locked_{t−1}
        const row: Array<[number, number]> = [[startBase + position * slotCount + slot, 1]]
        for (const column of at(key, slot)) row.push([column, -1])
        let rhs = lockedAt[key * slotCount + slot]!
        if (offset > 0) {
          for (const column of at(key, slot - 1)) row.push([column, 1])
          rhs -= lockedAt[key * slotCount + slot - 1]!
        }
        addRow(rhs, highs.infinity, row)
        lockedInSession += lockedAt[key * slotCount + slot]!
      })
      // has − Σ_{t ∈ s} x ≤ locked in the session
      const row: Array<[number, number]> = [[hasBase + position * sessions.length + session, 1]]
      for (const slot of slots) for (const column of at(key, slot)) row.push([column, -1])
      addRow(-highs.infinity, lockedInSession, row)
    })
  })

  // CSC
  const perColumn: Array<Array<[row: number, value: number]>> = Array.from({ length: columnCount }, () => [])
  entries.forEach((row, index) => {
    for (const [column, value] of row) perColumn[column]!.push([index, value])
  })
  const starts = new Int32Array(columnCount + 1)
  const indices: number[] = []
  const values: number[] = []
  perColumn.forEach((column, index) => {
    column.sort((a, b) => a[0] - b[0])
    for (const [row, value] of column) {
      indices.push(row)
      values.push(value)
    }
    starts[index + 1] = indices.length
  })

  const model = highs.createModel({
    numCols: columnCount,
    numRows: rowLower.length,
    sense: highs.constants.objectiveSense.minimize,
    colCost: cost,
    colLower: new Float64Array(columnCount),
    colUpper: upper,
    rowLower: Float64Array.from(rowLower),
    rowUpper: Float64Array.from(rowUpper),
    matrix: { format: 'csc', numRows: rowLower.length, numCols: columnCount, starts, indices: Int32Array.from(indices), values: Float64Array.from(values) },
    integrality,
  })
  try {
    const secondsLeft = (deadline - performance.now()) / 1000
    if (secondsLeft < 0.05) return null
    model.options.set({ output_flag: false, time_limit: secondsLeft, mip_rel_gap: 0 })
    // Warm start: the local search placement (start and has follow from x).
    const warm = new Float64Array(columnCount)
    start.forEach((meeting, id) => {
      const column = columnOf.get(`${id}@${meeting.slot}`)
      if (column !== undefined) warm[column] = 1
    })
    tracked.forEach((person, position) => {
      const key = personKey(person.side, person.index)
      const occupied = (slot: number) => lockedAt[key * slotCount + slot]! + at(key, slot).reduce((sum, column) => sum + warm[column]!, 0)
      sessions.forEach((slots, session) => {
        let any = 0
        slots.forEach((slot, offset) => {
          const now = occupied(slot)
          const before = offset > 0 ? occupied(slot - 1) : 0
          warm[startBase + position * slotCount + slot] = Math.max(0, now - before)
          any = Math.max(any, now)
        })
        warm[hasBase + position * sessions.length + session] = any
      })
    })
    model.setSolution({ colValue: warm })
    // The objective is the total number of breaks: an incumbent at the lower bound is optimal, so stop there
    // instead of letting HiGHS prove it (its LP bound is weak for break counts).
    const stop = { reachedBound: false }
    model.run({
      [highs.constants.callbackType.mipInterrupt]: (event) => {
        if ((event.data.mip_primal_bound ?? Number.POSITIVE_INFINITY) <= lowerBound + 0.5) {
          stop.reachedBound = true
          event.interrupt()
        }
        return undefined
      },
    })
    const status = model.getModelStatus()
    const { optimal } = highs.constants.modelStatus
    const { colValue } = model.getSolution()
    if (colValue.length !== columnCount) return null
    const slotOf = new Int32Array(start.length).fill(-1)
    for (let column = 0; column < xCount; column++) if (colValue[column]! > 0.5) slotOf[xMeeting[column]!] = xSlot[column]!
    if (start.some((meeting, id) => !meeting.locked && slotOf[id] === -1)) return null
    const placed = start.map((meeting, id) => (meeting.locked ? meeting : { ...meeting, slot: slotOf[id]! }))
    // Trust but verify: breakStats rejects double bookings; keep the local search result unless this is no worse.
    if (breakStats(instance, placed).total > breakStats(instance, start).total) return null
    const proved = status === optimal || (stop.reachedBound && breakStats(instance, placed).total <= lowerBound)
    // Only a proven optimum replaces the local search result: an incumbent cut off by the clock would make
    // the schedule depend on the machine's speed.
    return proved ? { meetings: placed, optimal: true } : null
  } catch {
    return null
  } finally {
    model.dispose()
  }
}
