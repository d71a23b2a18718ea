// LP relaxation of the fair schedule on a candidate set of pairs, solved with HiGHS (Wasm):
//   max Σ w[b,e]·x[b,e,s]   over candidate pairs (b,e) and slots s free for both
//   Σ_e x[b,e,s] ≤ 1 (buyer-slot)   Σ_b x[b,e,s] ≤ 1 (exporter-slot)   Σ_s x[b,e,s] ≤ 1 (pair)
//   Σ x[b,·,·] ≤ buyer limit        Σ x[·,e,·] ≤ exporter limit         0 ≤ x ≤ 1
// Locked meetings are taken out beforehand (see ResidualProblem). Pairs can be added later (column
// generation); HiGHS then restarts from the previous basis.
import loadHighs, { type Highs, type Model } from 'highs'
import type { FairInstance } from './fair-instance.ts'

let highsPromise: Promise<Highs> | null = null

/** Loads the HiGHS Wasm module once per process (~100 ms). */
export function loadHighsSolver(): Promise<Highs> {
  highsPromise ??= loadHighs()
  return highsPromise
}

/** What is left to schedule once locked meetings occupy their people, slots and pairs. */
export type ResidualProblem = {
  instance: FairInstance
  /** 1 where the person is available and not in a locked meeting */
  buyerFree: Uint8Array
  exporterFree: Uint8Array
  buyerCap: Int32Array
  exporterCap: Int32Array
  /** 1 for pairs that already have a locked meeting */
  pairLocked: Uint8Array
  lockedWeight: number
}

export function residualProblem(instance: FairInstance): ResidualProblem {
  const { slotCount, exporterCount } = instance
  const residual: ResidualProblem = {
    instance,
    buyerFree: instance.buyerAvailable.slice(),
    exporterFree: instance.exporterAvailable.slice(),
    buyerCap: instance.buyerCap.slice(),
    exporterCap: instance.exporterCap.slice(),
    pairLocked: new Uint8Array(instance.buyerCount * exporterCount),
    lockedWeight: 0,
  }
  for (const { buyer, exporter, slot } of instance.locked) {
    residual.buyerFree[buyer * slotCount + slot] = 0
    residual.exporterFree[exporter * slotCount + slot] = 0
    residual.buyerCap[buyer]! -= 1
    residual.exporterCap[exporter]! -= 1
    residual.pairLocked[buyer * exporterCount + exporter] = 1
    residual.lockedWeight += instance.weight[buyer * exporterCount + exporter] ?? 0
  }
  return residual
}

/** A pair worth scheduling: positive weight, not locked, and a slot where both are free. */
export function isSchedulablePair(residual: ResidualProblem, buyer: number, exporter: number): boolean {
  const { slotCount, exporterCount, weight } = residual.instance
  const key = buyer * exporterCount + exporter
  if (!(weight[key]! > 0) || residual.pairLocked[key]) return false
  if (residual.buyerCap[buyer]! <= 0 || residual.exporterCap[exporter]! <= 0) return false
  for (let slot = 0; slot < slotCount; slot++) {
    if (residual.buyerFree[buyer * slotCount + slot] && residual.exporterFree[exporter * slotCount + slot]) return true
  }
  return false
}

/** Non-negative multipliers of the LP's rows; any such values yield a valid bound (see dualBound). */
export type LpDuals = {
  buyerSlot: Float64Array
  exporterSlot: Float64Array
  buyerCap: Float64Array
  exporterCap: Float64Array
}

export type LpColumnValue = {
  pairKey: number
  slot: number
  value: number
}

export type LpOutcome = 'optimal' | 'time-limit' | 'failed'

export class CandidateLp {
  private readonly model: Model
  private readonly residual: ResidualProblem
  private readonly highs: Highs
  private readonly pairRow = new Map<number, number>()
  private readonly columnPair: number[] = []
  private readonly columnSlot: number[] = []
  private readonly buyerCapRow: number
  private readonly exporterCapRow: number
  private rowCount: number

  constructor(highs: Highs, residual: ResidualProblem, solverOptions: Record<string, string | number | boolean> = {}) {
    this.highs = highs
    this.residual = residual
    const { buyerCount, exporterCount, slotCount } = residual.instance
    this.buyerCapRow = (buyerCount + exporterCount) * slotCount
    this.exporterCapRow = this.buyerCapRow + buyerCount
    this.rowCount = this.exporterCapRow + exporterCount
    const rowUpper = new Float64Array(this.rowCount).fill(1)
    rowUpper.set(residual.buyerCap, this.buyerCapRow)
    rowUpper.set(residual.exporterCap, this.exporterCapRow)
    this.model = highs.createModel({
      numCols: 0,
      numRows: this.rowCount,
      sense: highs.constants.objectiveSense.maximize,
      colCost: [],
      colLower: [],
      colUpper: [],
      rowLower: new Float64Array(this.rowCount).fill(-highs.infinity),
      rowUpper,
      matrix: { format: 'csc', numRows: this.rowCount, numCols: 0, starts: [0], indices: [], values: [] },
    })
    // Dual simplex was several times faster than IPM on these assignment-like LPs, and it warm-starts.
    this.model.options.set({ output_flag: false, solver: 'simplex', presolve: 'on', ...solverOptions })
  }

  get columnCount(): number {
    return this.columnPair.length
  }

  get pairCount(): number {
    return this.pairRow.size
  }

  hasPair(pairKey: number): boolean {
    return this.pairRow.has(pairKey)
  }

  /** Adds one column per slot where both are free, and the pair's "meet at most once" row. */
  addPairs(pairKeys: Iterable<number>): void {
    const { exporterCount, slotCount, buyerCount, weight } = this.residual.instance
    const newPairs = [...pairKeys].filter((key) => !this.pairRow.has(key))
    if (newPairs.length === 0) return
    const firstPairRow = this.rowCount
    this.model.addRows({
      lower: new Float64Array(newPairs.length).fill(-this.highs.infinity),
      upper: new Float64Array(newPairs.length).fill(1),
      matrix: {
        format: 'csr',
        numRows: newPairs.length,
        numCols: this.columnPair.length,
        starts: new Int32Array(newPairs.length + 1),
        indices: new Int32Array(0),
        values: new Float64Array(0),
      },
    })
    this.rowCount += newPairs.length

    const cost: number[] = []
    const starts: number[] = [0]
    const indices: number[] = []
    newPairs.forEach((key, position) => {
      const buyer = Math.floor(key / exporterCount)
      const exporter = key % exporterCount
      this.pairRow.set(key, firstPairRow + position)
      for (let slot = 0; slot < slotCount; slot++) {
        if (!this.residual.buyerFree[buyer * slotCount + slot] || !this.residual.exporterFree[exporter * slotCount + slot]) {
          continue
        }
        cost.push(weight[key]!)
        // Row indices ascending: buyer-slot < exporter-slot < buyer cap < exporter cap < pair rows.
        indices.push(
          buyer * slotCount + slot,
          (buyerCount + exporter) * slotCount + slot,
          this.buyerCapRow + buyer,
          this.exporterCapRow + exporter,
          firstPairRow + position,
        )
        starts.push(indices.length)
        this.columnPair.push(key)
        this.columnSlot.push(slot)
      }
    })
    this.model.addCols({
      cost: Float64Array.from(cost),
      lower: new Float64Array(cost.length),
      upper: new Float64Array(cost.length).fill(1),
      matrix: {
        format: 'csc',
        numRows: this.rowCount,
        numCols: cost.length,
        starts: Int32Array.from(starts),
        indices: Int32Array.from(indices),
        values: new Float64Array(indices.length).fill(1),
      },
    })
  }

  solve(timeLimitSeconds: number): { outcome: LpOutcome; objective: number } {
    this.model.options.set({ time_limit: Math.max(0.05, timeLimitSeconds) })
    const { modelStatus } = this.model.run()
    const { optimal, timeLimit, iterationLimit, interrupted } = this.highs.constants.modelStatus
    const outcome: LpOutcome =
      modelStatus === optimal ? 'optimal' : modelStatus === timeLimit || modelStatus === iterationLimit || modelStatus === interrupted ? 'time-limit' : 'failed'
    return { outcome, objective: outcome === 'failed' ? Number.NaN : this.model.getObjectiveValue() }
  }

  /** Columns with a positive value in the last solution. */
  positiveColumns(): LpColumnValue[] {
    const { colValue } = this.model.getSolution()
    const result: LpColumnValue[] = []
    colValue.forEach((value, column) => {
      if (value > 1e-7) result.push({ pairKey: this.columnPair[column]!, slot: this.columnSlot[column]!, value })
    })
    return result
  }

  duals(): LpDuals {
    const { rowDual } = this.model.getSolution()
    const { buyerCount, exporterCount, slotCount } = this.residual.instance
    // HiGHS reports duals of a maximisation with the opposite sign; only the magnitude matters here
    // and dualBound() stays valid for any non-negative values.
    const take = (start: number, length: number) => Float64Array.from(rowDual.subarray(start, start + length), (value) => Math.abs(value))
    return {
      buyerSlot: take(0, buyerCount * slotCount),
      exporterSlot: take(buyerCount * slotCount, exporterCount * slotCount),
      buyerCap: take(this.buyerCapRow, buyerCount),
      exporterCap: take(this.exporterCapRow, exporterCount),
    }
  }

  dispose(): void {
    this.model.dispose()
  }
}

export type DualBoundResult = {
  /** Valid upper bound on the best schedule over ALL pairs (locked meetings included) */
  bound: number
  /** Pairs outside `isCandidate` whose column would enter the LP (positive reduced cost), best first */
  improvingPairs: number[]
}

/**
 * Weak LP duality over the full problem: for any non-negative row multipliers α, β, ε, δ, setting each
 * pair's multiplier γ[b,e] = max(0, max_s w − α[b,s] − β[e,s] − ε[b] − δ[e]) makes the dual feasible, so
 *   Σα + Σβ + Σ cap·ε + Σ cap·δ + Σγ  ≥  LP optimum of the full problem  ≥  best integral schedule.
 * With the candidate LP's optimal duals this equals the candidate LP bound when no outside pair prices in.
 */
export function dualBound(residual: ResidualProblem, duals: LpDuals, isCandidate: (pairKey: number) => boolean): DualBoundResult {
  const { buyerCount, exporterCount, slotCount, weight } = residual.instance
  let bound = residual.lockedWeight
  for (let index = 0; index < buyerCount * slotCount; index++) {
    if (residual.buyerFree[index]) bound += duals.buyerSlot[index]!
  }
  for (let index = 0; index < exporterCount * slotCount; index++) {
    if (residual.exporterFree[index]) bound += duals.exporterSlot[index]!
  }
  for (let buyer = 0; buyer < buyerCount; buyer++) bound += Math.max(0, residual.buyerCap[buyer]!) * duals.buyerCap[buyer]!
  for (let exporter = 0; exporter < exporterCount; exporter++) {
    bound += Math.max(0, residual.exporterCap[exporter]!) * duals.exporterCap[exporter]!
  }

  const improving: Array<{ key: number; reducedCost: number }> = []
  for (let buyer = 0; buyer < buyerCount; buyer++) {
    for (let exporter = 0; exporter < exporterCount; exporter++) {
      const key = buyer * exporterCount + exporter
      const pairWeight = weight[key]!
      if (!(pairWeight > 0) || residual.pairLocked[key]) continue
      const base = pairWeight - duals.buyerCap[buyer]! - duals.exporterCap[exporter]!
      if (base <= 0) continue
      let best = 0
      for (let slot = 0; slot < slotCount; slot++) {
        const buyerIndex = buyer * slotCount + slot
        const exporterIndex = exporter * slotCount + slot
        if (!residual.buyerFree[buyerIndex] || !residual.exporterFree[exporterIndex]) continue
        const reduced = base - duals.buyerSlot[buyerIndex]! - duals.exporterSlot[exporterIndex]!
        if (reduced > best) best = reduced
      }
      bound += best
      // γ > 0 on a candidate pair is its ordinary pair-row dual; outside the candidates it means the
      // column would improve the LP.
      if (best > 1e-6 && !isCandidate(key)) improving.push({ key, reducedCost: best })
    }
  }
  improving.sort((a, b) => b.reducedCost - a.reducedCost)
  return { bound, improvingPairs: improving.map((entry) => entry.key) }
}

/**
 * LP-free bound: every exporter fills at most min(limit, free slots) meetings with its heaviest pairs
 * (buyer conflicts ignored); the same from the buyers' side; the smaller total is valid.
 */
export function capacityBound(residual: ResidualProblem): number {
  const { buyerCount, exporterCount, slotCount, weight } = residual.instance
  const eligible = (buyer: number, exporter: number) => isSchedulablePair(residual, buyer, exporter)
  const sideBound = (
    count: number,
    otherCount: number,
    keyOf: (person: number, other: number) => number,
    cap: Int32Array,
    free: Uint8Array,
    isBuyer: boolean,
  ) => {
    let total = 0
    for (let person = 0; person < count; person++) {
      let freeSlots = 0
      for (let slot = 0; slot < slotCount; slot++) freeSlots += free[person * slotCount + slot]!
      const take = Math.min(cap[person]!, freeSlots)
      if (take <= 0) continue
      const weights: number[] = []
      for (let other = 0; other < otherCount; other++) {
        if (isBuyer ? eligible(person, other) : eligible(other, person)) weights.push(weight[keyOf(person, other)]!)
      }
      weights.sort((a, b) => b - a)
      for (let index = 0; index < Math.min(take, weights.length); index++) total += weights[index]!
    }
    return total
  }
  const byExporters = sideBound(exporterCount, buyerCount, (e, b) => b * exporterCount + e, residual.exporterCap, residual.exporterFree, false)
  const byBuyers = sideBound(buyerCount, exporterCount, (b, e) => b * exporterCount + e, residual.buyerCap, residual.buyerFree, true)
  return residual.lockedWeight + Math.min(byExporters, byBuyers)
}
