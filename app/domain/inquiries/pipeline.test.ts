import { describe, expect, it } from 'vitest'
import {
  canMoveInquiry,
  checkStageMove,
  currentStageValue,
  DEAL_STAGES,
  nextStatuses,
  quoteUsdCents,
  stageInstant,
  toUsdCents,
  valueRequired,
  type DealStage,
  type StageMove,
} from './pipeline'

const now = new Date('2026-12-05T10:00:00Z')
const move = (over: Partial<StageMove>): StageMove => ({
  from: 'CONSULTATION',
  to: 'QUOTE',
  at: now,
  currentSince: new Date('2026-12-01T09:00:00Z'),
  now,
  valueUsdCents: 125_000n,
  existing: {},
  ...over,
})

describe('outcome stages: transitions', () => {
  it('moves forward through every stage, one at a time', () => {
    const order: DealStage[] = ['CONSULTATION', 'QUOTE', 'SAMPLE', 'LOI', 'CONTRACT_SIGNED', 'SHIPPED']
    for (let i = 0; i < order.length - 1; i++) expect(canMoveInquiry(order[i]!, order[i + 1]!)).toBe(true)
  })

  it('may skip optional stages forward (no sample, no letter of intent)', () => {
    expect(canMoveInquiry('CONSULTATION', 'CONTRACT_SIGNED')).toBe(true)
    expect(canMoveInquiry('QUOTE', 'LOI')).toBe(true)
    expect(nextStatuses('QUOTE')).toEqual(['SAMPLE', 'LOI', 'CONTRACT_SIGNED', 'LOST'])
  })

  it('ships only a signed contract', () => {
    for (const from of ['CONSULTATION', 'QUOTE', 'SAMPLE', 'LOI'] as const) expect(canMoveInquiry(from, 'SHIPPED')).toBe(false)
    expect(nextStatuses('CONTRACT_SIGNED')).toEqual(['SHIPPED', 'LOST'])
  })

  it('never goes backwards or stays; SHIPPED and LOST are final', () => {
    expect(canMoveInquiry('LOI', 'QUOTE')).toBe(false)
    expect(canMoveInquiry('CONTRACT_SIGNED', 'LOI')).toBe(false)
    expect(canMoveInquiry('QUOTE', 'CONSULTATION')).toBe(false)
    expect(canMoveInquiry('SAMPLE', 'SAMPLE')).toBe(false)
    expect(nextStatuses('SHIPPED')).toEqual([])
    expect(nextStatuses('LOST')).toEqual([])
  })

  it('can be lost at any stage before shipping', () => {
    for (const from of ['CONSULTATION', 'QUOTE', 'SAMPLE', 'LOI', 'CONTRACT_SIGNED'] as const) expect(canMoveInquiry(from, 'LOST')).toBe(true)
  })

  it('refuses names that are not stages (the old statuses, hostile strings)', () => {
    for (const bad of ['WON', 'NEW', 'NEGOTIATING', '', 'QUOTE; DROP TABLE', '__proto__', 'constructor']) {
      expect(canMoveInquiry('CONSULTATION', bad as DealStage)).toBe(false)
      expect(canMoveInquiry(bad as DealStage, 'QUOTE')).toBe(false)
      expect(checkStageMove(move({ to: bad as DealStage }))).toEqual({ code: 'invalid-transition', field: 'status' })
    }
    expect(DEAL_STAGES).toHaveLength(7)
  })
})

describe('outcome stages: values and dates', () => {
  it('accepts a move with its value', () => {
    expect(checkStageMove(move({}))).toBeNull()
    expect(checkStageMove(move({ from: 'LOI', to: 'CONTRACT_SIGNED' }))).toBeNull()
  })

  it('requires the value of QUOTE, LOI, CONTRACT_SIGNED and SHIPPED unless the deal already has it', () => {
    for (const [from, to] of [
      ['CONSULTATION', 'QUOTE'],
      ['SAMPLE', 'LOI'],
      ['LOI', 'CONTRACT_SIGNED'],
      ['CONTRACT_SIGNED', 'SHIPPED'],
    ] as const) {
      expect(checkStageMove(move({ from, to, valueUsdCents: null }))).toEqual({ code: 'value-required', field: 'value' })
      expect(valueRequired(to, {})).toBe(true)
    }
    // A sent quote recorded the quote value already.
    expect(checkStageMove(move({ valueUsdCents: null, existing: { quoteValueUsdCents: 50_000n } }))).toBeNull()
    expect(valueRequired('QUOTE', { quoteValueUsdCents: 50_000n })).toBe(false)
    // A zero value is a value (a free sample order), not a missing one.
    expect(checkStageMove(move({ valueUsdCents: 0n }))).toBeNull()
  })

  it('needs no value for SAMPLE or LOST, and refuses one it would not use', () => {
    expect(checkStageMove(move({ from: 'QUOTE', to: 'SAMPLE', valueUsdCents: null }))).toBeNull()
    expect(checkStageMove(move({ from: 'QUOTE', to: 'LOST', valueUsdCents: null }))).toBeNull()
    expect(checkStageMove(move({ from: 'QUOTE', to: 'SAMPLE', valueUsdCents: 10n }))).toEqual({ code: 'value-not-used', field: 'value' })
    expect(valueRequired('SAMPLE', {})).toBe(false)
  })

  it('refuses negative values', () => {
    expect(checkStageMove(move({ valueUsdCents: -1n }))).toEqual({ code: 'value-invalid', field: 'value' })
  })

  it('refuses a date in the future, before the current stage, or unreadable', () => {
    expect(checkStageMove(move({ at: new Date(now.getTime() + 1) }))).toEqual({ code: 'date-in-future', field: 'date' })
    expect(checkStageMove(move({ at: new Date('2026-11-30T23:59:59Z') }))).toEqual({ code: 'date-before-previous', field: 'date' })
    expect(checkStageMove(move({ at: new Date(Number.NaN) }))).toEqual({ code: 'date-invalid', field: 'date' })
  })

  it('checks the transition before anything else', () => {
    expect(checkStageMove(move({ from: 'SHIPPED', to: 'LOST', at: new Date(Number.NaN), valueUsdCents: -5n }))).toEqual({
      code: 'invalid-transition',
      field: 'status',
    })
  })
})

describe('stageInstant', () => {
  const currentSince = new Date('2026-12-01T09:00:00Z')
  it('is now for no day or today, the current stage moment on its day, else UTC midnight', () => {
    expect(stageInstant(undefined, { now, currentSince })).toBe(now)
    expect(stageInstant('2026-12-05', { now, currentSince })).toBe(now)
    expect(stageInstant('2026-12-01', { now, currentSince })).toBe(currentSince)
    expect(stageInstant('2026-12-03', { now, currentSince })).toEqual(new Date('2026-12-03T00:00:00Z'))
  })
  it('gives an invalid date for impossible or hostile days', () => {
    for (const day of ['2026-02-30', '2026-13-01', 'yesterday', "2026-12-03'--", '']) {
      expect(Number.isNaN(stageInstant(day, { now, currentSince }).getTime())).toBe(true)
    }
  })
})

describe('values in USD', () => {
  it('converts major units with the rate in USD per unit, to whole cents', () => {
    expect(toUsdCents(1250, '1')).toBe(125_000n)
    expect(toUsdCents(1_000_000, '0.00068')).toBe(68_000n) // KRW
    expect(toUsdCents(99.99, '1.0825')).toBe(10_824n) // EUR: 108.239… USD
  })
  it('refuses what is not a finite non-negative amount or a positive rate', () => {
    expect(toUsdCents(-1, '1')).toBeNull()
    expect(toUsdCents(Number.NaN, '1')).toBeNull()
    expect(toUsdCents(Number.POSITIVE_INFINITY, '1')).toBeNull()
    expect(toUsdCents(10, '0')).toBeNull()
    expect(toUsdCents(10, 'abc')).toBeNull()
    expect(toUsdCents(1e300, '1')).toBeNull()
  })
  it('totals a quote from its stored minor units in exact decimals, rounded half up to the cent', () => {
    expect(quoteUsdCents(195, 1000, 'USD', '1')).toBe(195_000n) // 1.95 USD × 1000
    expect(quoteUsdCents(1250, 1000, 'EUR', '1.08000000')).toBe(1_350_000n) // 12.50 EUR × 1000 × 1.08 = 13,500 USD
    expect(quoteUsdCents(15_000, 100, 'KRW', '0.00075000')).toBe(112_500n) // KRW has no minor unit: 1,500,000 KRW = 1,125 USD
    expect(quoteUsdCents(1, 1, 'JPY', '0.00665')).toBe(1n) // 0.665 cents → 1
    expect(quoteUsdCents(1, 1, 'JPY', '0.00645')).toBe(1n) // 0.645 cents → 1
    expect(quoteUsdCents(1, 1, 'JPY', '0.00449')).toBe(0n)
    // Where doubles are off by a cent: 0.09 EUR × 10 × 0.15 = 0.135 USD → 14 cents (SQL's ROUND), not 13.
    expect(quoteUsdCents(9, 10, 'EUR', '0.15')).toBe(14n)
    expect(toUsdCents(0.09 * 10, '0.15')).toBe(13n)
    expect(quoteUsdCents(100, 1, 'VND', '1e-8')).toBe(0n)
    expect(quoteUsdCents(100_000_000, 1, 'VND', '1e-8')).toBe(100n)
  })
  it('refuses a quote total it cannot compute', () => {
    expect(quoteUsdCents(-1, 1, 'USD', '1')).toBeNull()
    expect(quoteUsdCents(1.5, 1, 'USD', '1')).toBeNull()
    expect(quoteUsdCents(1, Number.NaN, 'USD', '1')).toBeNull()
    expect(quoteUsdCents(1, 1, 'EUR', '0')).toBeNull()
    expect(quoteUsdCents(1, 1, 'EUR', '-1.2')).toBeNull()
    expect(quoteUsdCents(1, 1, 'EUR', 'abc')).toBeNull()
  })
  it('values a deal at its stage', () => {
    const values = { quoteValueUsdCents: 100n, loiValueUsdCents: 200n, contractValueUsdCents: 300n, shippedValueUsdCents: 280n }
    expect(currentStageValue('CONSULTATION', values)).toBe(0n)
    expect(currentStageValue('QUOTE', values)).toBe(100n)
    expect(currentStageValue('SAMPLE', values)).toBe(100n)
    expect(currentStageValue('LOI', values)).toBe(200n)
    expect(currentStageValue('LOI', { quoteValueUsdCents: 100n })).toBe(100n)
    expect(currentStageValue('CONTRACT_SIGNED', values)).toBe(300n)
    expect(currentStageValue('SHIPPED', values)).toBe(280n)
    expect(currentStageValue('SHIPPED', { contractValueUsdCents: 300n })).toBe(300n)
    expect(currentStageValue('LOST', values)).toBe(0n)
  })
})
