import { describe, expect, it } from 'vitest'
import { breakStats, breaksLowerBound, compactAgendas, countBreaks, type PlacedMeeting } from './fair-compaction.ts'
import { exactCompaction } from './fair-compaction-mip.ts'
import { buildFairInstance, type FairSchedulingProblem } from './fair-instance.ts'
import { loadHighsSolver } from './fair-lp.ts'
import { scheduleFairMeetings } from './fair-scheduler.ts'
import { generateRandomFairProblem } from '../../../tests/random-fair-problem.ts'
import { seededRandom } from '../../../tests/seeded-random.ts'

const FOREVER = Number.POSITIVE_INFINITY

const slotIds = (count: number) => Array.from({ length: count }, (_, index) => ({ id: `s${index}` }))

/** A problem whose meetings are given; the scores only make every listed pair worth meeting. */
function fixedMeetings(problem: Omit<FairSchedulingProblem, 'pairScore'>, meetings: Array<[buyer: string, exporter: string, slot: string, locked?: boolean]>) {
  const instance = buildFairInstance({ ...problem, pairScore: () => 10 })
  const index = (items: ReadonlyArray<{ id: string }>, id: string) => items.findIndex((item) => item.id === id)
  const placed: PlacedMeeting[] = meetings.map(([buyer, exporter, slot, locked]) => ({
    buyer: index(problem.buyers, buyer),
    exporter: index(problem.exporters, exporter),
    slot: index(problem.slots, slot),
    locked: locked ?? false,
  }))
  return { instance, placed }
}

/** Every hard constraint of a placement of the same meetings: availability and one meeting per person per slot. */
function expectValidPlacement(instance: ReturnType<typeof buildFairInstance>, original: readonly PlacedMeeting[], placed: readonly PlacedMeeting[]) {
  expect(placed.map(({ buyer, exporter, locked }) => ({ buyer, exporter, locked }))).toEqual(
    original.map(({ buyer, exporter, locked }) => ({ buyer, exporter, locked })),
  )
  const buyerSlots = new Set<string>()
  const exporterSlots = new Set<string>()
  placed.forEach((meeting, index) => {
    if (meeting.locked) expect(meeting.slot).toBe(original[index]!.slot)
    else {
      expect(instance.buyerAvailable[meeting.buyer * instance.slotCount + meeting.slot]).toBe(1)
      expect(instance.exporterAvailable[meeting.exporter * instance.slotCount + meeting.slot]).toBe(1)
    }
    const buyerKey = `${meeting.buyer}@${meeting.slot}`
    const exporterKey = `${meeting.exporter}@${meeting.slot}`
    expect(buyerSlots.has(buyerKey)).toBe(false)
    expect(exporterSlots.has(exporterKey)).toBe(false)
    buyerSlots.add(buyerKey)
    exporterSlots.add(exporterKey)
  })
}

describe('countBreaks', () => {
  const oneSession = new Int32Array(6)
  const agenda = (pattern: string) => (slot: number) => pattern[slot] === 'x'

  it('counts idle runs between the first and the last meeting', () => {
    expect(countBreaks(agenda('......'), oneSession)).toBe(0)
    expect(countBreaks(agenda('..xx..'), oneSession)).toBe(0)
    expect(countBreaks(agenda('x....x'), oneSession)).toBe(1)
    expect(countBreaks(agenda('x.x..x'), oneSession)).toBe(2)
    expect(countBreaks(agenda('.x.x.x'), oneSession)).toBe(2)
  })

  it('does not count the pause between two sessions', () => {
    const twoDays = Int32Array.from([0, 0, 0, 1, 1, 1])
    expect(countBreaks(agenda('..xx..'), twoDays)).toBe(0)
    expect(countBreaks(agenda('x....x'), twoDays)).toBe(0)
    expect(countBreaks(agenda('x.xx.x'), twoDays)).toBe(2)
  })

  it('derives sessions from the slots’ session keys', () => {
    const instance = buildFairInstance({
      slots: [
        { id: 'a', session: 'mon' },
        { id: 'b', session: 'mon' },
        { id: 'c', session: 'tue' },
        { id: 'd', session: 'tue' },
      ],
      buyers: [],
      exporters: [],
      pairScore: () => 0,
    })
    expect([...instance.slotSession]).toEqual([0, 0, 1, 1])
    expect([...buildFairInstance({ slots: slotIds(3), buyers: [], exporters: [], pairScore: () => 0 }).slotSession]).toEqual([0, 0, 0])
  })
})

describe('compactAgendas on instances with a known optimum', () => {
  it('closes an exporter’s gap by moving one meeting (1 break → 0)', () => {
    const { instance, placed } = fixedMeetings({ slots: slotIds(3), buyers: [{ id: 'b1' }, { id: 'b2' }], exporters: [{ id: 'e' }] }, [
      ['b1', 'e', 's0'],
      ['b2', 'e', 's2'],
    ])
    const result = compactAgendas(instance, placed, { deadline: FOREVER })
    expect(result.before).toEqual({ total: 1, mean: 1 / 3, max: 1, participantsWithBreaks: 1, participants: 3 })
    expect(result.after.total).toBe(0)
    expect(result.converged).toBe(true)
    expectValidPlacement(instance, placed, result.meetings)
  })

  it('needs a swap when every single move is blocked (1 break → 0)', () => {
    // Buyer B meets e1 in s0 and e2 in s2. e1 is busy with b4 in s1 and e2 with b3 in s1, so no meeting of B
    // can move into s1 alone; e2 exchanging its slots with b3 and B closes B's gap without opening another.
    const { instance, placed } = fixedMeetings(
      {
        slots: slotIds(3),
        buyers: [{ id: 'B' }, { id: 'b3' }, { id: 'b4', availableSlotIds: ['s1'] }],
        exporters: [
          { id: 'e1', availableSlotIds: ['s0', 's1'] },
          { id: 'e2', availableSlotIds: ['s1', 's2'] },
        ],
      },
      [
        ['B', 'e1', 's0'],
        ['B', 'e2', 's2'],
        ['b3', 'e2', 's1'],
        ['b4', 'e1', 's1'],
      ],
    )
    const result = compactAgendas(instance, placed, { deadline: FOREVER })
    expect(result.before.total).toBe(1)
    expect(result.after.total).toBe(0)
    expect(result.meetings.find((m) => m.buyer === 0 && m.exporter === 1)!.slot).toBe(1)
    expectValidPlacement(instance, placed, result.meetings)
  })

  it('leaves a break that availability forces (optimum 1, also the lower bound)', () => {
    const { instance, placed } = fixedMeetings(
      { slots: slotIds(3), buyers: [{ id: 'b', availableSlotIds: ['s0', 's2'] }], exporters: [{ id: 'e1' }, { id: 'e2' }] },
      [
        ['b', 'e1', 's0'],
        ['b', 'e2', 's2'],
      ],
    )
    const result = compactAgendas(instance, placed, { deadline: FOREVER })
    expect(result.after.total).toBe(1)
    expect(breaksLowerBound(instance, placed)).toBe(1)
    expect(result.meetings).toEqual(placed)
  })

  it('never moves a locked meeting, and compacts around it (2 breaks → 0)', () => {
    const { instance, placed } = fixedMeetings({ slots: slotIds(5), buyers: [{ id: 'b1' }, { id: 'b2' }, { id: 'b3' }], exporters: [{ id: 'e' }] }, [
      ['b1', 'e', 's2', true],
      ['b2', 'e', 's0'],
      ['b3', 'e', 's4'],
    ])
    const result = compactAgendas(instance, placed, { deadline: FOREVER })
    expect(result.before.total).toBe(2)
    expect(result.after.total).toBe(0)
    expect(result.meetings[0]).toEqual(placed[0])
    const slots = result.meetings.map((m) => m.slot).sort()
    expect(slots[2]! - slots[0]!).toBe(2)
    expectValidPlacement(instance, placed, result.meetings)
  })

  it('returns a valid placement when the deadline has already passed', () => {
    const { instance, placed } = fixedMeetings({ slots: slotIds(3), buyers: [{ id: 'b1' }, { id: 'b2' }], exporters: [{ id: 'e' }] }, [
      ['b1', 'e', 's0'],
      ['b2', 'e', 's2'],
    ])
    const result = compactAgendas(instance, placed, { deadline: 0 })
    expectValidPlacement(instance, placed, result.meetings)
    expect(result.after.total).toBeLessThanOrEqual(result.before.total)
  })

  it('rejects a placement with a double-booked person', () => {
    const { instance, placed } = fixedMeetings({ slots: slotIds(2), buyers: [{ id: 'b1' }, { id: 'b2' }], exporters: [{ id: 'e' }] }, [
      ['b1', 'e', 's0'],
      ['b2', 'e', 's0'],
    ])
    expect(() => compactAgendas(instance, placed, { deadline: FOREVER })).toThrow(/two meetings in one slot/)
  })
})

/** Fewest breaks over every placement of the same meetings (exhaustive; tiny instances only). */
function bruteForceBreaks(instance: ReturnType<typeof buildFairInstance>, meetings: readonly PlacedMeeting[]): number {
  let best = Number.POSITIVE_INFINITY
  const slots = meetings.map((m) => m.slot)
  const visit = (index: number) => {
    if (index === meetings.length) {
      const placed = meetings.map((m, i) => ({ ...m, slot: slots[i]! }))
      const used = new Set<string>()
      for (const m of placed) {
        for (const key of [`b${m.buyer}@${m.slot}`, `e${m.exporter}@${m.slot}`]) {
          if (used.has(key)) return
          used.add(key)
        }
      }
      best = Math.min(best, breakStats(instance, placed).total)
      return
    }
    const meeting = meetings[index]!
    if (meeting.locked) {
      visit(index + 1)
      return
    }
    for (let slot = 0; slot < instance.slotCount; slot++) {
      if (!instance.buyerAvailable[meeting.buyer * instance.slotCount + slot] || !instance.exporterAvailable[meeting.exporter * instance.slotCount + slot])
        continue
      slots[index] = slot
      visit(index + 1)
    }
    slots[index] = meeting.slot
  }
  visit(0)
  return best
}

describe('compactAgendas on random small schedules (exhaustive check)', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) {
    it(`seed ${seed}: valid, never worse, between the exhaustive optimum and the lower bound`, async () => {
      const random = seededRandom(seed)
      const slots = slotIds(5)
      const problem: FairSchedulingProblem = {
        slots,
        buyers: ['b0', 'b1', 'b2'].map((id) => ({ id, availableSlotIds: slots.filter(() => random() < 0.8).map((s) => s.id) })),
        exporters: ['e0', 'e1'].map((id) => ({ id, availableSlotIds: slots.filter(() => random() < 0.9).map((s) => s.id) })),
        pairScore: () => 1 + Math.floor(random() * 50),
      }
      // Phase 1 without compaction gives the meetings; compaction must keep them all.
      const phaseOne = await scheduleFairMeetings(problem, { compact: false })
      const instance = buildFairInstance(problem)
      const index = (items: ReadonlyArray<{ id: string }>, id: string) => items.findIndex((item) => item.id === id)
      const placed = phaseOne.meetings.map((m) => ({
        buyer: index(problem.buyers, m.buyerId),
        exporter: index(problem.exporters, m.exporterId),
        slot: index(slots, m.slotId),
        locked: false,
      }))
      const result = compactAgendas(instance, placed, { deadline: FOREVER })
      expectValidPlacement(instance, placed, result.meetings)
      const optimum = bruteForceBreaks(instance, placed)
      expect(result.after.total).toBeLessThanOrEqual(result.before.total)
      expect(result.after.total).toBeGreaterThanOrEqual(optimum)
      expect(breaksLowerBound(instance, placed)).toBeLessThanOrEqual(optimum)

      // The exact model reaches the exhaustive optimum, from the phase-1 placement as well.
      const exact = exactCompaction(await loadHighsSolver(), instance, placed, { deadline: performance.now() + 20_000 })
      expect(exact).not.toBeNull()
      expectValidPlacement(instance, placed, exact!.meetings)
      expect(breakStats(instance, exact!.meetings).total).toBe(optimum)
      expect(exact!.optimal).toBe(true)
    })
  }
})

describe('exactCompaction (MIP) on the hand-made instances', () => {
  it('finds the swap-only optimum and keeps locked meetings', async () => {
    const highs = await loadHighsSolver()
    const swap = fixedMeetings(
      {
        slots: slotIds(3),
        buyers: [{ id: 'B' }, { id: 'b3' }, { id: 'b4', availableSlotIds: ['s1'] }],
        exporters: [
          { id: 'e1', availableSlotIds: ['s0', 's1'] },
          { id: 'e2', availableSlotIds: ['s1', 's2'] },
        ],
      },
      [
        ['B', 'e1', 's0'],
        ['B', 'e2', 's2'],
        ['b3', 'e2', 's1'],
        ['b4', 'e1', 's1'],
      ],
    )
    const exact = exactCompaction(highs, swap.instance, swap.placed, { deadline: performance.now() + 20_000 })!
    expect(breakStats(swap.instance, exact.meetings).total).toBe(0)
    expect(exact.optimal).toBe(true)
    expectValidPlacement(swap.instance, swap.placed, exact.meetings)

    const locked = fixedMeetings({ slots: slotIds(5), buyers: [{ id: 'b1' }, { id: 'b2' }, { id: 'b3' }], exporters: [{ id: 'e' }] }, [
      ['b1', 'e', 's2', true],
      ['b2', 'e', 's0'],
      ['b3', 'e', 's4'],
    ])
    const around = exactCompaction(highs, locked.instance, locked.placed, { deadline: performance.now() + 20_000 })!
    expect(breakStats(locked.instance, around.meetings).total).toBe(0)
    expect(around.meetings[0]).toEqual(locked.placed[0])
    expectValidPlacement(locked.instance, locked.placed, around.meetings)
  })

  it('counts breaks per session (two days: a meeting on each day is no break)', async () => {
    const { instance, placed } = fixedMeetings(
      {
        slots: ['d1a', 'd1b', 'd1c', 'd2a', 'd2b'].map((id) => ({ id, session: id.slice(0, 2) })),
        buyers: [{ id: 'b1' }, { id: 'b2' }, { id: 'b3', availableSlotIds: ['d1a', 'd2b'] }],
        exporters: [{ id: 'e', availableSlotIds: ['d1a', 'd1c', 'd2a', 'd2b'] }],
      },
      [
        ['b1', 'e', 'd1c'],
        ['b2', 'e', 'd2a'],
        ['b3', 'e', 'd1a'],
      ],
    )
    // e: d1a, d1c (break at d1b, which e cannot use) and d2a. Moving b3 to d2b gives d1c | d2a d2b: 0 breaks.
    expect(breakStats(instance, placed).total).toBe(1)
    const exact = exactCompaction(await loadHighsSolver(), instance, placed, { deadline: performance.now() + 20_000 })!
    expect(breakStats(instance, exact.meetings).total).toBe(0)
    expectValidPlacement(instance, placed, exact.meetings)
    expect(compactAgendas(instance, placed, { deadline: FOREVER }).after.total).toBe(0)
  })
})

describe('scheduleFairMeetings with the compaction phase', () => {
  const cases = [
    { seed: 31, buyers: 60, exporters: 20, slots: 8, locked: 6 },
    { seed: 32, buyers: 120, exporters: 40, slots: 12, locked: 10, buyerAvailability: 0.5 },
  ]
  for (const options of cases) {
    it(`seed ${options.seed}: same meetings and objective as phase 1, fewer breaks, constraints kept`, async () => {
      const problem = generateRandomFairProblem(options)
      const [plain, compact] = await Promise.all([
        scheduleFairMeetings(problem, { compact: false, timeLimitSeconds: 30 }),
        scheduleFairMeetings(problem, { timeLimitSeconds: 30 }),
      ])
      const pairs = (schedule: typeof plain) => schedule.meetings.map((m) => `${m.buyerId}|${m.exporterId}|${m.weight}|${m.locked}`).sort()
      expect(pairs(compact)).toEqual(pairs(plain))
      expect(compact.objective).toBeCloseTo(plain.objective, 9)
      expect(compact.meetings.length).toBe(plain.meetings.length)
      const { beforeCompaction, afterCompaction, lowerBound } = compact.stats.breaks
      expect(beforeCompaction).toEqual(plain.stats.breaks.afterCompaction)
      expect(afterCompaction.total).toBeLessThan(beforeCompaction.total)
      expect(afterCompaction.total).toBeGreaterThanOrEqual(lowerBound)
      expect(compact.stats.compactionConverged).toBe(true)

      // Re-check the constraints on the returned schedule and recompute its breaks independently.
      const byId = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((item) => [item.id, item]))
      const buyers = byId(problem.buyers)
      const exporters = byId(problem.exporters)
      const seen = new Set<string>()
      const slotIndex = new Map(problem.slots.map((slot, index) => [slot.id, index]))
      const agenda = new Map<string, Set<number>>()
      for (const m of compact.meetings) {
        for (const key of [`b:${m.buyerId}@${m.slotId}`, `e:${m.exporterId}@${m.slotId}`]) {
          expect(seen.has(key), key).toBe(false)
          seen.add(key)
        }
        if (!m.locked) {
          expect(buyers.get(m.buyerId)!.availableSlotIds).toContain(m.slotId)
          expect(exporters.get(m.exporterId)!.availableSlotIds).toContain(m.slotId)
        }
        for (const person of [`b:${m.buyerId}`, `e:${m.exporterId}`]) agenda.set(person, (agenda.get(person) ?? new Set()).add(slotIndex.get(m.slotId)!))
      }
      for (const exporter of problem.exporters) {
        expect(compact.meetings.filter((m) => m.exporterId === exporter.id).length).toBeLessThanOrEqual(
          Math.max(exporter.maxMeetings, (problem.locked ?? []).filter((m) => m.exporterId === exporter.id).length),
        )
      }
      for (const locked of problem.locked ?? []) expect(compact.meetings).toContainEqual(expect.objectContaining({ ...locked, locked: true }))
      let total = 0
      for (const slots of agenda.values()) {
        const sorted = [...slots].sort((a, b) => a - b)
        for (let i = 1; i < sorted.length; i++) if (sorted[i]! > sorted[i - 1]! + 1) total++
      }
      expect(afterCompaction.total).toBe(total)
    })
  }
})
