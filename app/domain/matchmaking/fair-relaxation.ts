// Runs one of the two LP relaxations with column generation and turns its duals into an upper bound
// that is valid for the full problem (all pairs), whatever the candidate set was.
import type { Highs } from 'highs'
import { CandidateLp, dualBound, type LpOutcome, type ResidualProblem } from './fair-lp.ts'
import { PairLp, pairDualBound } from './fair-pair-lp.ts'

export type RelaxationModel = 'slot-indexed' | 'slot-aggregated'

/** An LP value for a pair, in a given slot (slot-indexed model) or in any slot (slot = -1). */
export type GuideColumn = {
  pairKey: number
  slot: number
  value: number
}

export type RelaxationRound = {
  columns: number
  outcome: LpOutcome
  /** Optimum of the LP restricted to the candidate pairs (valid for that restricted problem only) */
  objective: number
  /** Bound from this round's duals, valid for all pairs */
  dualBound: number
  milliseconds: number
}

export type RelaxationResult = {
  model: RelaxationModel
  outcome: LpOutcome
  /** Restricted LP optimum of the last round, locked meetings included; null unless solved to optimality */
  candidateLpBound: number | null
  /** Smallest valid bound over the rounds, locked meetings included */
  dualBound: number | null
  guide: GuideColumn[]
  columns: number
  pricingRounds: number
  improvingPairsLeft: number
  rounds: RelaxationRound[]
}

type RelaxationLp = {
  readonly columnCount: number
  addPairs(pairKeys: Iterable<number>): void
  solve(timeLimitSeconds: number): { outcome: LpOutcome; objective: number }
  guide(): GuideColumn[]
  bound(isCandidate: (pairKey: number) => boolean): { bound: number; improvingPairs: number[] }
  dispose(): void
}

function slotIndexedLp(highs: Highs, residual: ResidualProblem, options: Record<string, string | number | boolean>): RelaxationLp {
  const lp = new CandidateLp(highs, residual, options)
  return {
    get columnCount() {
      return lp.columnCount
    },
    addPairs: (keys) => lp.addPairs(keys),
    solve: (seconds) => lp.solve(seconds),
    guide: () => lp.positiveColumns(),
    bound: (isCandidate) => dualBound(residual, lp.duals(), isCandidate),
    dispose: () => lp.dispose(),
  }
}

function slotAggregatedLp(highs: Highs, residual: ResidualProblem, options: Record<string, string | number | boolean>): RelaxationLp {
  const lp = new PairLp(highs, residual, options)
  const limits = { buyer: lp.buyerLimit, exporter: lp.exporterLimit }
  return {
    get columnCount() {
      return lp.columnCount
    },
    addPairs: (keys) => lp.addPairs(keys),
    solve: (seconds) => lp.solve(seconds),
    guide: () => lp.positivePairs().map((pair) => ({ ...pair, slot: -1 })),
    bound: (isCandidate) => pairDualBound(residual, lp.duals(), limits, isCandidate),
    dispose: () => lp.dispose(),
  }
}

export type RelaxationOptions = {
  model: RelaxationModel
  /** Grows as pricing adds pairs */
  candidates: Set<number>
  maxPricingRounds: number
  /** performance.now() value by which the LP work should be over */
  deadline: number
  solverOptions?: Record<string, string | number | boolean>
}

export function solveRelaxation(highs: Highs, residual: ResidualProblem, options: RelaxationOptions): RelaxationResult {
  const lp =
    options.model === 'slot-indexed'
      ? slotIndexedLp(highs, residual, options.solverOptions ?? {})
      : slotAggregatedLp(highs, residual, options.solverOptions ?? {})
  const result: RelaxationResult = {
    model: options.model,
    outcome: 'failed',
    candidateLpBound: null,
    dualBound: null,
    guide: [],
    columns: 0,
    pricingRounds: 0,
    improvingPairsLeft: 0,
    rounds: [],
  }
  try {
    lp.addPairs(options.candidates)
    for (let round = 0; ; round++) {
      const started = performance.now()
      const solved = lp.solve((options.deadline - started) / 1000)
      result.outcome = solved.outcome
      if (solved.outcome === 'failed') break
      result.candidateLpBound = solved.outcome === 'optimal' ? residual.lockedWeight + solved.objective : null
      result.guide = lp.guide()
      const priced = lp.bound((key) => options.candidates.has(key))
      result.dualBound = result.dualBound === null ? priced.bound : Math.min(result.dualBound, priced.bound)
      result.improvingPairsLeft = priced.improvingPairs.length
      const milliseconds = performance.now() - started
      result.rounds.push({
        columns: lp.columnCount,
        outcome: solved.outcome,
        objective: residual.lockedWeight + solved.objective,
        dualBound: priced.bound,
        milliseconds,
      })
      const secondsLeft = (options.deadline - performance.now()) / 1000
      const done = solved.outcome !== 'optimal' || priced.improvingPairs.length === 0 || round >= options.maxPricingRounds
      // A re-solve can take as long as the first solve; do not start one that would overrun.
      if (done || secondsLeft < (2 * milliseconds) / 1000) break
      const added = priced.improvingPairs.slice(0, Math.max(500, options.candidates.size >> 3))
      for (const key of added) options.candidates.add(key)
      lp.addPairs(added)
      result.pricingRounds = round + 1
    }
    result.columns = lp.columnCount
  } finally {
    lp.dispose()
  }
  return result
}
