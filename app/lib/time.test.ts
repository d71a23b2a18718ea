import { describe, expect, it } from 'vitest'
import { dayStart, isoDay } from './time'

describe('dayStart / isoDay', () => {
  it('reads a day as UTC midnight and writes it back', () => {
    expect(dayStart('2026-05-31').toISOString()).toBe('2026-05-31T00:00:00.000Z')
    expect(isoDay(dayStart('2026-05-31'))).toBe('2026-05-31')
    expect(isoDay(new Date('2026-12-04T23:59:59.999Z'))).toBe('2026-12-04')
  })

  it('gives an Invalid Date for anything that is not a real day', () => {
    for (const value of ['2026-02-30', '2026-5-1', '', 'tomorrow', '2026-05-31T10:00']) expect(Number.isNaN(dayStart(value).getTime())).toBe(true)
  })
})
