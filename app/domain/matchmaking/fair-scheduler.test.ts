import { describe, expect, it } from 'vitest'
import { buildFairInstance, type FairBuyer, type FairExporter, type FairSchedulingProblem } from './fair-instance.ts'
import { FAIR_SCHEDULE_INPUT_ERROR, scheduleFairMeetings, type FairSchedule, type FairSchedulerOptions } from './fair-scheduler.ts'
import { generateRandomFairProblem } from '../../../tests/random-fair-problem.ts'
import { seededRandom } from '../../../tests/seeded-random.ts'

type Problem = FairSchedulingProblem

/** Checks every hard constraint and the bookkeeping of a schedule. */
function expectFeasible<B extends FairBuyer, E extends FairExporter>(problem: FairSchedulingProblem<B, E>, schedule: FairSchedule): void {
  const instance = buildFairInstance(problem)
  const buyerSlots = new Set<string>()
  const exporterSlots = new Set<string>()
  const pairs = new Set<string>()
  const perBuyer = new Map<string, number>()
  const perExporter = new Map<string, number>()
  const slotIds = new Set(problem.slots.map((slot) => slot.id))
  let total = 0
  for (const meeting of schedule.meetings) {
    expect(slotIds.has(meeting.slotId)).toBe(true)
    const buyerSlot = `${meeting.buyerId}@${meeting.slotId}`
    const exporterSlot = `${meeting.exporterId}@${meeting.slotId}`
    const pair = `${meeting.buyerId}|${meeting.exporterId}`
    expect(buyerSlots.has(buyerSlot), `buyer double-booked ${buyerSlot}`).toBe(false)
    expect(exporterSlots.has(exporterSlot), `exporter double-booked ${exporterSlot}`).toBe(false)
    expect(pairs.has(pair), `pair twice ${pair}`).toBe(false)
    buyerSlots.add(buyerSlot)
    exporterSlots.add(exporterSlot)
    pairs.add(pair)
    perBuyer.set(meeting.buyerId, (perBuyer.get(meeting.buyerId) ?? 0) + 1)
    perExporter.set(meeting.exporterId, (perExporter.get(meeting.exporterId) ?? 0) + 1)
    if (!meeting.locked) {
      const buyer = problem.buyers.find((candidate) => candidate.id === meeting.buyerId)!
      const exporter = problem.exporters.find((candidate) => candidate.id === meeting.exporterId)!
      expect(buyer.availableSlotIds?.includes(meeting.slotId) ?? true, `buyer unavailable ${buyerSlot}`).toBe(true)
      expect(exporter.availableSlotIds?.includes(meeting.slotId) ?? true, `exporter unavailable ${exporterSlot}`).toBe(true)
      expect(meeting.weight).toBeGreaterThan(0)
    }
    total += meeting.weight
  }
  const lockedCount = (id: string, side: 'buyerId' | 'exporterId') => (problem.locked ?? []).filter((meeting) => meeting[side] === id).length
  for (const buyer of problem.buyers) {
    const limit = Math.max(buyer.maxMeetings ?? problem.slots.length, lockedCount(buyer.id, 'buyerId'))
    expect(perBuyer.get(buyer.id) ?? 0).toBeLessThanOrEqual(limit)
  }
  for (const exporter of problem.exporters) {
    const limit = Math.max(exporter.maxMeetings ?? problem.slots.length, lockedCount(exporter.id, 'exporterId'))
    expect(perExporter.get(exporter.id) ?? 0).toBeLessThanOrEqual(limit)
  }
  for (const locked of problem.locked ?? []) {
    expect(schedule.meetings).toContainEqual(expect.objectContaining({ ...locked, locked: true }))
  }
  expect(schedule.objective).toBeCloseTo(total, 6)
  // Weights in the schedule are the instance's weights
  expect(instance.weight.length).toBe(problem.buyers.length * problem.exporters.length)
  expect(schedule.objective).toBeLessThanOrEqual(schedule.upperBound + 1e-6)
  expect(schedule.upperBound).toBeLessThanOrEqual(schedule.stats.capacityBound + 1e-6)
  if (schedule.candidateLpBound !== null && schedule.stats.dualBound !== null) {
    // The restricted LP optimum never exceeds the bound derived for all pairs.
    expect(schedule.candidateLpBound).toBeLessThanOrEqual(schedule.stats.dualBound + 1e-6)
  }
  expect(schedule.gap).toBeGreaterThanOrEqual(0)
  expect(schedule.gap).toBeLessThanOrEqual(1)
}

/** Exhaustive optimum for tiny instances: each (exporter, slot) cell holds one buyer or nobody. */
function bruteForceOptimum(problem: Problem): number {
  const instance = buildFairInstance(problem)
  const { buyerCount: B, exporterCount: E, slotCount: S, weight } = instance
  const buyerBusy = new Uint8Array(B * S)
  const pairMet = new Uint8Array(B * E)
  const buyerCount = new Int32Array(B)
  const exporterCount = new Int32Array(E)
  const lockedAt = new Map(instance.locked.map((m) => [m.exporter * S + m.slot, m.buyer]))
  let best = 0
  const visit = (cell: number, value: number) => {
    if (cell === E * S) {
      best = Math.max(best, value)
      return
    }
    const exporter = Math.floor(cell / S)
    const slot = cell % S
    const locked = lockedAt.get(cell)
    const options = locked !== undefined ? [locked] : [-1, ...Array.from({ length: B }, (_, b) => b)]
    for (const buyer of options) {
      if (buyer === -1) {
        visit(cell + 1, value)
        continue
      }
      const key = buyer * E + exporter
      if (locked === undefined) {
        const ok =
          weight[key]! > 0 &&
          instance.buyerAvailable[buyer * S + slot] &&
          instance.exporterAvailable[exporter * S + slot] &&
          !buyerBusy[buyer * S + slot] &&
          !pairMet[key] &&
          buyerCount[buyer]! < instance.buyerCap[buyer]! &&
          exporterCount[exporter]! < instance.exporterCap[exporter]!
        if (!ok) continue
      }
      buyerBusy[buyer * S + slot] = 1
      pairMet[key] = 1
      buyerCount[buyer]! += 1
      exporterCount[exporter]! += 1
      visit(cell + 1, value + weight[key]!)
      buyerBusy[buyer * S + slot] = 0
      pairMet[key] = 0
      buyerCount[buyer]! -= 1
      exporterCount[exporter]! -= 1
    }
  }
  visit(0, 0)
  return best
}

/** Tiny random instance with plain random scores, some zero. */
function tinyProblem(seed: number): Problem {
  const random = seededRandom(seed)
  const slots = ['s0', 's1', 's2'].map((id) => ({ id }))
  const someSlots = () => slots.filter(() => random() < 0.75).map((slot) => slot.id)
  const buyers = ['b0', 'b1', 'b2'].map((id) => ({ id, availableSlotIds: someSlots(), maxMeetings: 1 + Math.floor(random() * 3) }))
  const exporters = ['e0', 'e1', 'e2'].map((id) => ({ id, availableSlotIds: someSlots(), maxMeetings: 1 + Math.floor(random() * 3) }))
  const scores = new Map<string, number>()
  for (const buyer of buyers) {
    for (const exporter of exporters) scores.set(`${buyer.id}|${exporter.id}`, random() < 0.2 ? 0 : Math.round(random() * 100))
  }
  return {
    slots,
    buyers,
    exporters,
    pairScore: (buyer, exporter) => scores.get(`${buyer.id}|${exporter.id}`)!,
    preferences: random() < 0.5 ? [{ buyerId: 'b1', exporterId: 'e2', by: 'buyer', level: 'would-like' }] : [],
  }
}

describe('scheduleFairMeetings on tiny instances (exhaustive check)', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`seed ${seed}: feasible, objective ≤ optimum ≤ bound`, async () => {
      const problem = tinyProblem(seed)
      const optimum = bruteForceOptimum(problem)
      for (const options of [
        { lpModel: 'slot-indexed' },
        { lpModel: 'slot-aggregated' },
        // Candidate set far too small and no pricing: the bound must still hold for all pairs.
        { lpModel: 'slot-indexed', candidatesPerBuyer: 1, candidatesPerExporter: 1, pricingRounds: 0 },
        { withoutLp: true },
      ] satisfies FairSchedulerOptions[]) {
        const schedule = await scheduleFairMeetings(problem, options)
        expectFeasible(problem, schedule)
        expect(schedule.objective).toBeLessThanOrEqual(optimum + 1e-6)
        expect(schedule.upperBound).toBeGreaterThanOrEqual(optimum - 1e-6)
      }
      // With the LP the heuristics find the optimum on instances this small.
      const guided = await scheduleFairMeetings(problem, { lpModel: 'slot-indexed' })
      expect(guided.objective).toBeCloseTo(optimum, 6)
    })
  }
})

describe('scheduleFairMeetings on random fairs (seeded)', () => {
  const cases = [
    { seed: 11, buyers: 40, exporters: 15, slots: 6, locked: 5, buyerAvailability: 0.6, exporterAvailability: 0.8 },
    { seed: 12, buyers: 60, exporters: 20, slots: 8, locked: 10, exporterMaxMeetings: [2, 5] as [number, number] },
    { seed: 13, buyers: 120, exporters: 40, slots: 10, locked: 20, buyerAvailability: 0.4 },
  ]
  for (const options of cases) {
    it(`seed ${options.seed}: ${options.buyers}×${options.exporters}×${options.slots} respects every constraint`, async () => {
      const problem = generateRandomFairProblem(options)
      const results = await Promise.all([
        // Generous budget: a slow CI machine must not cut the LP short and weaken the bound checks.
        scheduleFairMeetings(problem, { lpModel: 'slot-indexed', timeLimitSeconds: 30 }),
        scheduleFairMeetings(problem, { lpModel: 'slot-aggregated', timeLimitSeconds: 30 }),
        scheduleFairMeetings(problem, { withoutLp: true }),
      ])
      for (const schedule of results) expectFeasible(problem, schedule)
      const [slotIndexed, aggregated] = results
      // The slot-indexed relaxation is the tighter one.
      expect(slotIndexed.stats.dualBound!).toBeLessThanOrEqual(aggregated.stats.dualBound! + 1e-6)
      expect(slotIndexed.stats.lpOutcome).toBe('optimal')
      expect(slotIndexed.objective / slotIndexed.upperBound).toBeGreaterThan(0.95)
    })
  }

  it('is deterministic for the same input', async () => {
    const problem = generateRandomFairProblem({ seed: 21, buyers: 50, exporters: 20, slots: 8, locked: 4 })
    const first = await scheduleFairMeetings(problem)
    const second = await scheduleFairMeetings(problem)
    expect(second.meetings).toEqual(first.meetings)
  })
})

describe('preferences and locked meetings', () => {
  const slots = [{ id: 's0' }, { id: 's1' }]

  it('a "must meet" boost outweighs a better score when the exporter has one meeting left', async () => {
    const problem: Problem = {
      slots,
      buyers: [{ id: 'strong' }, { id: 'wanted' }],
      exporters: [{ id: 'e', maxMeetings: 1 }],
      pairScore: (buyer) => (buyer.id === 'strong' ? 90 : 10),
      preferences: [{ buyerId: 'wanted', exporterId: 'e', by: 'exporter', level: 'must-meet' }],
    }
    const schedule = await scheduleFairMeetings(problem)
    expect(schedule.meetings.map((m) => [m.buyerId, m.weight])).toEqual([['wanted', 110]])
    const withoutPreference = await scheduleFairMeetings({ ...problem, preferences: [] })
    expect(withoutPreference.meetings.map((m) => m.buyerId)).toEqual(['strong'])
  })

  it('keeps a locked meeting even when a better schedule would move it', async () => {
    const problem: Problem = {
      slots,
      buyers: [{ id: 'b0' }, { id: 'b1', availableSlotIds: ['s0'] }],
      exporters: [{ id: 'e0' }],
      pairScore: () => 50,
      locked: [{ buyerId: 'b0', exporterId: 'e0', slotId: 's0' }],
    }
    const schedule = await scheduleFairMeetings(problem)
    // b1 could only meet e0 in s0, which the locked meeting holds.
    expect(schedule.meetings).toEqual([{ buyerId: 'b0', exporterId: 'e0', slotId: 's0', weight: 50, locked: true }])
    expect(schedule.objective).toBe(50)
    expect(schedule.upperBound).toBeCloseTo(50, 6)
  })

  it('rejects locked meetings that contradict each other', async () => {
    const problem: Problem = {
      slots,
      buyers: [{ id: 'b0' }, { id: 'b1' }],
      exporters: [{ id: 'e0' }],
      pairScore: () => 50,
      locked: [
        { buyerId: 'b0', exporterId: 'e0', slotId: 's0' },
        { buyerId: 'b1', exporterId: 'e0', slotId: 's0' },
      ],
    }
    await expect(scheduleFairMeetings(problem)).rejects.toMatchObject({ code: FAIR_SCHEDULE_INPUT_ERROR })
  })

  it('rejects unknown ids', async () => {
    const problem: Problem = {
      slots,
      buyers: [{ id: 'b0', availableSlotIds: ['s9'] }],
      exporters: [{ id: 'e0' }],
      pairScore: () => 50,
    }
    await expect(scheduleFairMeetings(problem)).rejects.toThrow(/Unknown slot s9/)
  })

  it('schedules nothing for pairs with no common ground', async () => {
    const schedule = await scheduleFairMeetings({
      slots,
      buyers: [{ id: 'b0' }],
      exporters: [{ id: 'e0' }],
      pairScore: () => 0,
    })
    expect(schedule.meetings).toEqual([])
    expect(schedule.upperBound).toBe(0)
    expect(schedule.gap).toBe(0)
  })
})
