// Fair scheduler benchmark (issue 7): 1,000 buyers × 300 exporters × 16 slots, seeded.
// Run: npx tsx bench/scheduler.bench.ts [--seed N] [--runs N] [--buyers N --exporters N --slots N]
//      [--buyer-availability 0.8 --exporter-availability 0.9 --locked 100 --sessions 1]
// Each run solves the same instance twice, without and with the compaction phase (ADR 022), and prints
// both side by side: time, objective, and the participants' idle breaks.
import { parseArgs } from 'node:util'
import { scheduleFairMeetings, type FairSchedule } from '../app/domain/matchmaking/fair-scheduler.ts'
import { loadHighsSolver } from '../app/domain/matchmaking/fair-lp.ts'
import { generateRandomFairProblem } from '../tests/random-fair-problem.ts'
import { describeMachine } from './machine.ts'

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '7' },
    runs: { type: 'string', default: '3' },
    buyers: { type: 'string', default: '1000' },
    exporters: { type: 'string', default: '300' },
    slots: { type: 'string', default: '16' },
    'buyer-availability': { type: 'string', default: '0.8' },
    'exporter-availability': { type: 'string', default: '0.9' },
    locked: { type: 'string', default: '100' },
    sessions: { type: 'string', default: '1' },
  },
})
const seed = Number(values.seed)
const runs = Number(values.runs)
const size = { buyers: Number(values.buyers), exporters: Number(values.exporters), slots: Number(values.slots) }

const generationStarted = performance.now()
const problem = generateRandomFairProblem({
  seed,
  ...size,
  buyerAvailability: Number(values['buyer-availability']),
  exporterAvailability: Number(values['exporter-availability']),
  locked: Number(values.locked),
  sessions: Number(values.sessions),
})
const generationMs = performance.now() - generationStarted

// Scores are computed once, as a route would load or cache them, and looked up during the solve.
const scoringStarted = performance.now()
const exporterIndex = new Map(problem.exporters.map((exporter, index) => [exporter.id, index]))
const buyerIndex = new Map(problem.buyers.map((buyer, index) => [buyer.id, index]))
const scores = new Float64Array(size.buyers * size.exporters)
problem.buyers.forEach((buyer, b) => problem.exporters.forEach((exporter, e) => (scores[b * size.exporters + e] = problem.pairScore(buyer, exporter))))
const scoringMs = performance.now() - scoringStarted
const scoredProblem = {
  ...problem,
  pairScore: (buyer: { id: string }, exporter: { id: string }) => scores[buyerIndex.get(buyer.id)! * size.exporters + exporterIndex.get(exporter.id)!]!,
}

const loadStarted = performance.now()
await loadHighsSolver()
const loadMs = performance.now() - loadStarted

type Run = { ms: number; schedule: FairSchedule }
const plainRuns: Run[] = []
const compactRuns: Run[] = []
for (let run = 0; run < runs; run++) {
  for (const [compact, into] of [
    [false, plainRuns],
    [true, compactRuns],
  ] as const) {
    const started = performance.now()
    const schedule = await scheduleFairMeetings(scoredProblem, { compact })
    into.push({ ms: performance.now() - started, schedule })
  }
}
const medianRun = (list: Run[]) => [...list].sort((a, b) => a.ms - b.ms)[Math.floor(list.length / 2)]!
const plain = medianRun(plainRuns)
const median = medianRun(compactRuns)
const { schedule } = median
const ratioToBound = schedule.objective / schedule.upperBound
const ratioToCandidateLp = schedule.candidateLpBound ? schedule.objective / schedule.candidateLpBound : null
const middle = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)]!

const fmt = (value: number, digits = 1) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
console.log(
  `Fair scheduler benchmark — ${size.buyers} buyers × ${size.exporters} exporters × ${size.slots} slots in ${values.sessions} session(s), seed ${seed}`,
)
console.log(describeMachine())
console.log(
  `instance: availability buyers ${values['buyer-availability']}, exporters ${values['exporter-availability']}; ${problem.preferences?.length ?? 0} preferences, ${problem.locked?.length ?? 0} locked meetings; generated in ${fmt(generationMs, 0)} ms, ${fmt(scores.length, 0)} pair scores in ${fmt(scoringMs, 0)} ms, HiGHS loaded in ${fmt(loadMs, 0)} ms`,
)
console.log(`time to solve: median ${fmt(median.ms, 0)} ms of ${runs} runs (${compactRuns.map((r) => fmt(r.ms, 0)).join(', ')} ms)`)
console.log(
  `  lp ${fmt(schedule.stats.milliseconds.lp, 0)} ms, rounding ${fmt(schedule.stats.milliseconds.rounding, 0)} ms, improvement ${fmt(schedule.stats.milliseconds.improvement, 0)} ms, compaction ${fmt(schedule.stats.milliseconds.compaction, 0)} ms`,
)
console.log(`meetings: ${schedule.meetings.length}`)
console.log(`objective: ${fmt(schedule.objective)}`)
console.log(
  `upper bound (valid for all pairs): ${fmt(schedule.upperBound)}  [LP dual bound ${schedule.stats.dualBound === null ? 'n/a' : fmt(schedule.stats.dualBound)}, capacity bound ${fmt(schedule.stats.capacityBound)}]`,
)
console.log(`LP model: ${schedule.stats.lpModel ?? 'none'}`)
console.log(
  `candidate LP bound: ${schedule.candidateLpBound === null ? 'n/a' : fmt(schedule.candidateLpBound)} (${schedule.stats.candidatePairs} candidate pairs, ${schedule.stats.lpColumns} LP columns, ${schedule.stats.pricingRounds} pricing rounds, ${schedule.stats.improvingPairsLeft} improving pairs left, LP ${schedule.stats.lpOutcome})`,
)
console.log(
  `ratio objective / upper bound: ${fmt(ratioToBound * 100, 3)} %  (gap ${fmt(schedule.upperBound - schedule.objective)} = ${fmt(schedule.gap * 100, 3)} %)${ratioToCandidateLp === null ? '' : `; / candidate LP bound: ${fmt(ratioToCandidateLp * 100, 3)} %`}`,
)
const goalMet = median.ms < 5000 && ratioToBound >= 0.95
console.log(`goal (< 5 s and ≥ 95 % of the bound): ${goalMet ? 'met' : 'NOT met'}`)

// Compaction, side by side on the same instance: medians over the runs (the solve is deterministic, so
// the break figures agree between runs unless a time budget cut a phase short).
const breaksOf = (list: Run[], phase: 'beforeCompaction' | 'afterCompaction') => {
  const pick = (key: 'total' | 'mean' | 'max' | 'participantsWithBreaks') => middle(list.map((r) => r.schedule.stats.breaks[phase][key]))
  return { total: pick('total'), mean: pick('mean'), max: pick('max'), withBreaks: pick('participantsWithBreaks') }
}
const without = breaksOf(plainRuns, 'afterCompaction')
const withCompaction = breaksOf(compactRuns, 'afterCompaction')
const participants = schedule.stats.breaks.afterCompaction.participants
const lowerBound = middle(compactRuns.map((r) => r.schedule.stats.breaks.lowerBound))
const row = (label: string, run: Run, breaks: typeof without) =>
  `| ${label} | ${fmt(run.ms, 0)} ms | ${run.schedule.meetings.length} | ${fmt(run.schedule.objective)} | ${fmt(breaks.total, 0)} | ${fmt(breaks.mean, 3)} | ${fmt(breaks.max, 0)} | ${fmt(breaks.withBreaks, 0)} (${fmt((100 * breaks.withBreaks) / Math.max(1, participants))} %) |`
console.log(`\nidle breaks per participant (${participants} participants with a meeting; no placement of these meetings has fewer than ${lowerBound} breaks):`)
console.log('| phase | solve p50 | meetings | objective | breaks total | mean | max | participants with ≥ 1 |')
console.log('|---|---|---|---|---|---|---|---|')
console.log(row('without compaction', plain, without))
console.log(row('with compaction', median, withCompaction))
console.log(
  `compaction: ${schedule.stats.compactionMethod}, ${fmt(middle(compactRuns.map((r) => r.schedule.stats.milliseconds.compaction)), 0)} ms, ${middle(compactRuns.map((r) => r.schedule.stats.compactionSteps))} steps, converged ${compactRuns.every((r) => r.schedule.stats.compactionConverged) ? 'yes' : 'no'}, optimal ${schedule.stats.compactionOptimal ? 'yes' : 'not proven'}; breaks ${fmt(without.total, 0)} → ${fmt(withCompaction.total, 0)} (${fmt((100 * (withCompaction.total - without.total)) / Math.max(1, without.total))} %); objective unchanged: ${Math.abs(plain.schedule.objective - schedule.objective) < 1e-6 ? 'yes' : 'NO'}`,
)
