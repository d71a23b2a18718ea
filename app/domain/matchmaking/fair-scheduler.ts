// Fair meeting scheduler: maximise the total weight (match score + preference boosts) of buyer–exporter
// meetings in a fair's slots. Method (figures in bench/README.md):
//   1. Candidate pairs: each buyer's and each exporter's heaviest pairs, plus every preference pair.
//   2. LP relaxation on the candidates with HiGHS: slot-indexed for small fairs, slot-aggregated
//      (one variable per pair) for large ones. Column generation adds outside pairs whose reduced cost
//      is positive, so the restriction is checked against all pairs rather than assumed harmless.
//   3. Upper bound valid for the FULL problem from the LP duals (weak duality, see dualBound and
//      pairDualBound), and an LP-free capacity bound as a fallback; the smaller is reported.
//   4. Integral schedule: round the LP solution greedily, fill with augmenting-path insertions, then
//      improve with ejection moves. Every step keeps the schedule feasible.
//   5. Compact agendas (fair-compaction.ts, ADR 022): with the meetings of step 4 fixed, move them between
//      slots to lower the number of idle breaks; the number and weight of meetings stay as they are.
import { FairAssignment } from './fair-assignment.ts'
import { exactCompaction } from './fair-compaction-mip.ts'
import { breakStats, breaksLowerBound, compactAgendas, type BreakStats } from './fair-compaction.ts'
import {
  DEFAULT_PREFERENCE_BOOSTS,
  buildFairInstance,
  type FairBuyer,
  type FairExporter,
  type FairInstance,
  type FairSchedulingProblem,
  type PreferenceBoosts,
} from './fair-instance.ts'
import { capacityBound, isSchedulablePair, loadHighsSolver, residualProblem, type ResidualProblem } from './fair-lp.ts'
import { solveRelaxation, type GuideColumn, type RelaxationModel, type RelaxationResult, type RelaxationRound } from './fair-relaxation.ts'

export type { BreakStats } from './fair-compaction.ts'
export {
  FAIR_SCHEDULE_INPUT_ERROR,
  type FairBuyer,
  type FairExporter,
  type FairSchedulingProblem,
  type FairSlot,
  type LockedMeeting,
  type MeetingPreference,
  type PreferenceBoosts,
  type PreferenceLevel,
} from './fair-instance.ts'

export type FairSchedulerOptions = {
  boosts?: Partial<PreferenceBoosts>
  /** Heaviest pairs kept per buyer before pricing (default 5) */
  candidatesPerBuyer?: number
  /** Heaviest pairs kept per exporter before pricing (default max(16, 2 × its limit)) */
  candidatesPerExporter?: number
  /** Rounds of adding outside pairs with positive reduced cost (default 3) */
  pricingRounds?: number
  /** Wall-time budget for the whole solve; the LP stops early and the heuristics stop when it runs out (default 4.5) */
  timeLimitSeconds?: number
  /** Skip the LP (heuristic schedule + capacity bound only), e.g. where Wasm is unavailable */
  withoutLp?: boolean
  /**
   * Which LP relaxation gives the bound and guides rounding. Default: slot-indexed while it has at most
   * SLOT_INDEXED_COLUMN_LIMIT columns (small fairs, tight bound), slot-aggregated beyond (fast).
   */
  lpModel?: RelaxationModel
  /** HiGHS options for the LP, e.g. { solver: 'ipm' } (tuning only) */
  lpSolverOptions?: Record<string, string | number | boolean>
  /** Second phase: move meetings between slots to close idle breaks, keeping every meeting (default true) */
  compact?: boolean
  /**
   * Longest time for the exact compaction MIP that follows the local search on small fairs (default 2 s,
   * 0 = local search only; it never runs past the overall budget)
   */
  exactCompactionSeconds?: number
}

export type ScheduledMeeting = {
  buyerId: string
  exporterId: string
  slotId: string
  /** Score plus preference boosts */
  weight: number
  locked: boolean
}

export type FairScheduleStats = {
  candidatePairs: number
  lpModel: RelaxationModel | null
  lpColumns: number
  lpOutcome: RelaxationResult['outcome'] | 'skipped'
  pricingRounds: number
  /** Outside pairs that would still improve the LP when the rounds ran out (0 = restriction provably harmless) */
  improvingPairsLeft: number
  lpRounds: RelaxationRound[]
  capacityBound: number
  /** From the LP duals, valid for all pairs */
  dualBound: number | null
  /** Idle breaks in the participants' agendas before and after the compaction phase (equal when it is off) */
  breaks: {
    beforeCompaction: BreakStats
    afterCompaction: BreakStats
    /** No placement of these meetings has fewer breaks (each person's own availability only; see breaksLowerBound) */
    lowerBound: number
  }
  /** Moves and swaps the compaction applied; false in `compactionConverged` when the budget ran out first */
  compactionSteps: number
  compactionConverged: boolean
  /** 'local-search' alone, or 'mip' when the exact model (small fairs) proved an optimal placement in time */
  compactionMethod: 'off' | 'local-search' | 'mip'
  /** True when no placement of these meetings has fewer breaks (MIP proof, or the lower bound reached) */
  compactionOptimal: boolean
  milliseconds: { lp: number; rounding: number; improvement: number; compaction: number; total: number }
}

export type FairSchedule = {
  meetings: ScheduledMeeting[]
  /** Total weight of the meetings, locked ones included */
  objective: number
  /** Valid for the full problem (all pairs): min(LP dual bound, capacity bound) */
  upperBound: number
  /** Optimum of the LP relaxation restricted to the candidate pairs; valid only for that restricted problem */
  candidateLpBound: number | null
  /** (upperBound − objective) / upperBound */
  gap: number
  stats: FairScheduleStats
}

function topByWeight(keys: number[], weight: Float64Array, count: number): number[] {
  return keys.sort((a, b) => weight[b]! - weight[a]! || a - b).slice(0, count)
}

/**
 * The slot-indexed LP is tighter but very degenerate (scores come in 0.1 steps, slots are near-symmetric):
 * HiGHS needed 2–16 s for 90k–190k columns and did not finish 27k columns in 45 s on a low-availability
 * instance. It is used only for small fairs; the slot-aggregated LP solves the benchmark in < 0.1 s.
 */
export const SLOT_INDEXED_COLUMN_LIMIT = 4_000

function slotColumnCount(residual: ResidualProblem, candidates: Iterable<number>): number {
  const { exporterCount, slotCount } = residual.instance
  let columns = 0
  for (const key of candidates) {
    const buyer = Math.floor(key / exporterCount)
    const exporter = key % exporterCount
    for (let slot = 0; slot < slotCount; slot++) {
      columns += residual.buyerFree[buyer * slotCount + slot]! & residual.exporterFree[exporter * slotCount + slot]!
    }
  }
  return columns
}

function candidatePairs<B extends FairBuyer, E extends FairExporter>(
  problem: FairSchedulingProblem<B, E>,
  residual: ResidualProblem,
  perBuyer: number,
  perExporter: (exporter: number) => number,
): Set<number> {
  const { buyerCount, exporterCount, weight } = residual.instance
  const candidates = new Set<number>()
  const byExporter: number[][] = Array.from({ length: exporterCount }, () => [])
  for (let buyer = 0; buyer < buyerCount; buyer++) {
    const keys: number[] = []
    for (let exporter = 0; exporter < exporterCount; exporter++) {
      if (!isSchedulablePair(residual, buyer, exporter)) continue
      const key = buyer * exporterCount + exporter
      keys.push(key)
      byExporter[exporter]!.push(key)
    }
    for (const key of topByWeight(keys, weight, perBuyer)) candidates.add(key)
  }
  byExporter.forEach((keys, exporter) => {
    for (const key of topByWeight(keys, weight, perExporter(exporter))) candidates.add(key)
  })
  const buyerIndex = new Map(problem.buyers.map((buyer, index) => [buyer.id, index]))
  const exporterIndex = new Map(problem.exporters.map((exporter, index) => [exporter.id, index]))
  for (const preference of problem.preferences ?? []) {
    const buyer = buyerIndex.get(preference.buyerId)
    const exporter = exporterIndex.get(preference.exporterId)
    if (buyer !== undefined && exporter !== undefined && isSchedulablePair(residual, buyer, exporter)) {
      candidates.add(buyer * exporterCount + exporter)
    }
  }
  return candidates
}

/**
 * Greedy rounding: most certain LP columns first. A slot-indexed column is placed in its slot if that
 * still fits; a slot-aggregated one (slot -1) is inserted wherever an augmenting path finds room.
 */
function roundLpSolution(assignment: FairAssignment, columns: GuideColumn[], instance: FairInstance): void {
  const { exporterCount, weight } = instance
  const ordered = [...columns].sort((a, b) => b.value - a.value || weight[b.pairKey]! - weight[a.pairKey]!)
  for (const column of ordered) {
    const buyer = Math.floor(column.pairKey / exporterCount)
    const exporter = column.pairKey % exporterCount
    if (column.slot < 0) assignment.insert(buyer, exporter)
    else if (assignment.canPlace(buyer, exporter, column.slot)) assignment.place(buyer, exporter, column.slot)
  }
}

function improve(assignment: FairAssignment, pairs: Iterable<number>, instance: FairInstance, deadline: number): void {
  const { exporterCount, weight } = instance
  const ordered = [...pairs].sort((a, b) => weight[b]! - weight[a]!)
  for (const key of ordered) {
    assignment.insert(Math.floor(key / exporterCount), key % exporterCount)
  }
  for (let pass = 0; pass < 6 && performance.now() < deadline; pass++) {
    let gained = 0
    for (const key of ordered) {
      const buyer = Math.floor(key / exporterCount)
      const exporter = key % exporterCount
      if (assignment.hasPair(buyer, exporter)) continue
      const before = assignment.objective
      if (!assignment.insert(buyer, exporter)) assignment.insertByEjection(buyer, exporter)
      gained += assignment.objective - before
      if (performance.now() > deadline) break
    }
    if (gained <= 1e-9) break
  }
}

/** Computes the schedule; see the module comment for the method and what the bounds mean. */
export async function scheduleFairMeetings<B extends FairBuyer, E extends FairExporter>(
  problem: FairSchedulingProblem<B, E>,
  options: FairSchedulerOptions = {},
): Promise<FairSchedule> {
  // The wall clock is read only to respect the time budget, never to decide what is scheduled.
  const started = performance.now()
  const deadline = started + (options.timeLimitSeconds ?? 4.5) * 1000
  const instance = buildFairInstance(problem, { ...DEFAULT_PREFERENCE_BOOSTS, ...options.boosts })
  const residual = residualProblem(instance)
  const perBuyer = options.candidatesPerBuyer ?? 5
  const perExporter = (exporter: number) => options.candidatesPerExporter ?? Math.max(16, 2 * instance.exporterCap[exporter]!)
  const candidates = candidatePairs(problem, residual, perBuyer, perExporter)
  const capacity = capacityBound(residual)

  const lpStarted = performance.now()
  let relaxation: RelaxationResult | null = null
  if (!options.withoutLp && candidates.size > 0) {
    const model = options.lpModel ?? (slotColumnCount(residual, candidates) <= SLOT_INDEXED_COLUMN_LIMIT ? 'slot-indexed' : 'slot-aggregated')
    relaxation = solveRelaxation(await loadHighsSolver(), residual, {
      model,
      candidates,
      maxPricingRounds: options.pricingRounds ?? 3,
      // Leave a quarter of the budget for rounding and improvement.
      deadline: started + (deadline - started) * 0.75,
      solverOptions: options.lpSolverOptions,
    })
  }
  const lpMs = performance.now() - lpStarted

  const roundingStarted = performance.now()
  const assignment = new FairAssignment(instance)
  roundLpSolution(assignment, relaxation?.guide ?? [], instance)
  const improvementStarted = performance.now()
  // Keep a tenth of the budget for the compaction phase.
  improve(assignment, candidates, instance, deadline - (deadline - started) * 0.1)
  const compactionStarted = performance.now()
  const placed = assignment.meetings()
  const compaction =
    options.compact === false
      ? (() => {
          const stats = breakStats(instance, placed)
          return { meetings: placed, before: stats, after: stats, steps: 0, converged: true }
        })()
      : compactAgendas(instance, placed, { deadline })
  const breaksBound = breaksLowerBound(instance, placed)
  let compactionMethod: FairScheduleStats['compactionMethod'] = options.compact === false ? 'off' : 'local-search'
  let provedByMip = false
  const exactSeconds = options.exactCompactionSeconds ?? 2
  if (compactionMethod !== 'off' && !options.withoutLp && exactSeconds > 0 && compaction.after.total > breaksBound) {
    const exact = exactCompaction(await loadHighsSolver(), instance, compaction.meetings, {
      deadline: Math.min(deadline, performance.now() + exactSeconds * 1000),
      lowerBound: breaksBound,
    })
    if (exact) {
      compactionMethod = 'mip'
      provedByMip = exact.optimal
      compaction.meetings = exact.meetings
      compaction.after = breakStats(instance, exact.meetings)
    }
  }
  const finished = performance.now()

  const upperBound = Math.min(capacity, relaxation?.dualBound ?? Number.POSITIVE_INFINITY)
  const objective = assignment.objective
  return {
    meetings: compaction.meetings.map((meeting) => ({
      buyerId: problem.buyers[meeting.buyer]!.id,
      exporterId: problem.exporters[meeting.exporter]!.id,
      slotId: problem.slots[meeting.slot]!.id,
      weight: instance.weight[meeting.buyer * instance.exporterCount + meeting.exporter]!,
      locked: meeting.locked,
    })),
    objective,
    upperBound,
    candidateLpBound: relaxation?.candidateLpBound ?? null,
    gap: upperBound > 0 ? Math.max(0, (upperBound - objective) / upperBound) : 0,
    stats: {
      candidatePairs: candidates.size,
      lpModel: relaxation?.model ?? null,
      lpColumns: relaxation?.columns ?? 0,
      lpOutcome: relaxation?.outcome ?? 'skipped',
      pricingRounds: relaxation?.pricingRounds ?? 0,
      improvingPairsLeft: relaxation?.improvingPairsLeft ?? 0,
      lpRounds: relaxation?.rounds ?? [],
      capacityBound: capacity,
      dualBound: relaxation?.dualBound ?? null,
      breaks: { beforeCompaction: compaction.before, afterCompaction: compaction.after, lowerBound: breaksBound },
      compactionSteps: compaction.steps,
      compactionConverged: compaction.converged,
      compactionMethod,
      compactionOptimal: compactionMethod !== 'off' && (provedByMip || compaction.after.total === breaksBound),
      milliseconds: {
        lp: lpMs,
        rounding: improvementStarted - roundingStarted,
        improvement: compactionStarted - improvementStarted,
        compaction: finished - compactionStarted,
        total: finished - started,
      },
    },
  }
}
