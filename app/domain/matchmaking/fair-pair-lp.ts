// Slot-aggregated LP relaxation for large fairs: one variable per candidate pair,
//   max Σ w[b,e]·y[b,e]   Σ_e y[b,e] ≤ min(limit, free slots) of b   Σ_b y[b,e] ≤ min(limit, free slots) of e
//   0 ≤ y ≤ 1, only for pairs sharing a free slot.
// Any schedule gives a feasible y (count each pair's meeting), so its optimum bounds the slot-indexed LP
// from above. It drops "who is free when" beyond those counts, which is why it is much smaller and
// solves in well under a second, where the slot-indexed LP (≈ 16× the columns, highly degenerate)
// took 4–16 s in HiGHS on the 1,000 × 300 × 16 benchmark.
import type { Highs, Model } from 'highs'
import { isSchedulablePair, type LpOutcome, type ResidualProblem } from './fair-lp.ts'

export type PairLpDuals = {
  buyer: Float64Array
  exporter: Float64Array
}

function freeSlotLimits(cap: Int32Array, free: Uint8Array, slotCount: number): Int32Array {
  return Int32Array.from(cap, (limit, person) => {
    let freeSlots = 0
    for (let slot = 0; slot < slotCount; slot++) freeSlots += free[person * slotCount + slot]!
    return Math.max(0, Math.min(limit, freeSlots))
  })
}

export class PairLp {
  private readonly model: Model
  private readonly highs: Highs
  private readonly residual: ResidualProblem
  private readonly columnPair: number[] = []
  private readonly pairs = new Set<number>()
  readonly buyerLimit: Int32Array
  readonly exporterLimit: Int32Array

  constructor(highs: Highs, residual: ResidualProblem, solverOptions: Record<string, string | number | boolean> = {}) {
    this.highs = highs
    this.residual = residual
    const { buyerCount, exporterCount, slotCount } = residual.instance
    this.buyerLimit = freeSlotLimits(residual.buyerCap, residual.buyerFree, slotCount)
    this.exporterLimit = freeSlotLimits(residual.exporterCap, residual.exporterFree, slotCount)
    const rows = buyerCount + exporterCount
    const rowUpper = new Float64Array(rows)
    rowUpper.set(this.buyerLimit, 0)
    rowUpper.set(this.exporterLimit, buyerCount)
    this.model = highs.createModel({
      numCols: 0,
      numRows: rows,
      sense: highs.constants.objectiveSense.maximize,
      colCost: [],
      colLower: [],
      colUpper: [],
      rowLower: new Float64Array(rows).fill(-highs.infinity),
      rowUpper,
      matrix: { format: 'csc', numRows: rows, numCols: 0, starts: [0], indices: [], values: [] },
    })
    this.model.options.set({ output_flag: false, solver: 'simplex', ...solverOptions })
  }

  get columnCount(): number {
    return this.columnPair.length
  }

  addPairs(pairKeys: Iterable<number>): void {
    const { buyerCount, exporterCount, weight } = this.residual.instance
    const added = [...pairKeys].filter((key) => !this.pairs.has(key))
    if (added.length === 0) return
    const indices = new Int32Array(added.length * 2)
    added.forEach((key, column) => {
      this.pairs.add(key)
      this.columnPair.push(key)
      indices[2 * column] = Math.floor(key / exporterCount)
      indices[2 * column + 1] = buyerCount + (key % exporterCount)
    })
    this.model.addCols({
      cost: Float64Array.from(added, (key) => weight[key]!),
      lower: new Float64Array(added.length),
      upper: new Float64Array(added.length).fill(1),
      matrix: {
        format: 'csc',
        numRows: buyerCount + exporterCount,
        numCols: added.length,
        starts: Int32Array.from({ length: added.length + 1 }, (_, column) => 2 * column),
        indices,
        values: new Float64Array(indices.length).fill(1),
      },
    })
  }

  solve(timeLimitSeconds: number): { outcome: LpOutcome; objective: number } {
    this.model.options.set({ time_limit: Math.max(0.05, timeLimitSeconds) })
    const { modelStatus } = this.model.run()
    const status = this.highs.constants.modelStatus
    const outcome: LpOutcome =
      modelStatus === status.optimal
        ? 'optimal'
        : modelStatus === status.timeLimit || modelStatus === status.iterationLimit || modelStatus === status.interrupted
          ? 'time-limit'
          : 'failed'
    return { outcome, objective: outcome === 'failed' ? Number.NaN : this.model.getObjectiveValue() }
  }

  positivePairs(): Array<{ pairKey: number; value: number }> {
    const { colValue } = this.model.getSolution()
    const result: Array<{ pairKey: number; value: number }> = []
    colValue.forEach((value, column) => {
      if (value > 1e-7) result.push({ pairKey: this.columnPair[column]!, value })
    })
    return result
  }

  duals(): PairLpDuals {
    const { rowDual } = this.model.getSolution()
    const { buyerCount, exporterCount } = this.residual.instance
    return {
      buyer: Float64Array.from(rowDual.subarray(0, buyerCount), Math.abs),
      exporter: Float64Array.from(rowDual.subarray(buyerCount, buyerCount + exporterCount), Math.abs),
    }
  }

  dispose(): void {
    this.model.dispose()
  }
}

/**
 * Weak duality for the aggregated LP over ALL pairs: with any ε, δ ≥ 0 and γ = max(0, w − ε[b] − δ[e])
 * on every pair sharing a free slot, Σ limit·ε + Σ limit·δ + Σγ bounds every schedule.
 */
export function pairDualBound(
  residual: ResidualProblem,
  duals: PairLpDuals,
  limits: { buyer: Int32Array; exporter: Int32Array },
  isCandidate: (pairKey: number) => boolean,
): { bound: number; improvingPairs: number[] } {
  const { buyerCount, exporterCount, weight } = residual.instance
  let bound = residual.lockedWeight
  for (let buyer = 0; buyer < buyerCount; buyer++) bound += limits.buyer[buyer]! * duals.buyer[buyer]!
  for (let exporter = 0; exporter < exporterCount; exporter++) bound += limits.exporter[exporter]! * duals.exporter[exporter]!
  const improving: Array<{ key: number; reducedCost: number }> = []
  for (let buyer = 0; buyer < buyerCount; buyer++) {
    for (let exporter = 0; exporter < exporterCount; exporter++) {
      const key = buyer * exporterCount + exporter
      const reduced = weight[key]! - duals.buyer[buyer]! - duals.exporter[exporter]!
      if (reduced <= 1e-9 || !isSchedulablePair(residual, buyer, exporter)) continue
      bound += reduced
      if (reduced > 1e-6 && !isCandidate(key)) improving.push({ key, reducedCost: reduced })
    }
  }
  improving.sort((a, b) => b.reducedCost - a.reducedCost)
  return { bound, improvingPairs: improving.map((entry) => entry.key) }
}
