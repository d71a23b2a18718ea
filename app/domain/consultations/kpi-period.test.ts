import { describe, expect, it } from 'vitest'
import { kpiPeriod } from './kpi-period'

const now = new Date('2026-12-05T04:00:00Z')

describe('kpiPeriod', () => {
  it('reads the days in the viewer zone: 1 Dec 08:00 KST falls in December, not November', () => {
    const seoul = kpiPeriod({ from: '2026-12-01', to: '2026-12-31' }, { now, timeZone: 'Asia/Seoul' })
    expect(seoul).toMatchObject({ from: '2026-12-01', to: '2026-12-31', error: null })
    expect(seoul.range.from.toISOString()).toBe('2026-11-30T15:00:00.000Z')
    expect(seoul.range.to.toISOString()).toBe('2026-12-31T15:00:00.000Z')
    const consultationAt = new Date('2026-11-30T23:00:00Z') // 1 Dec 08:00 in Seoul
    expect(consultationAt >= seoul.range.from && consultationAt < seoul.range.to).toBe(true)
    const november = kpiPeriod({ from: '2026-11-01', to: '2026-11-30' }, { now, timeZone: 'Asia/Seoul' })
    expect(consultationAt < november.range.to).toBe(false)
  })

  it('includes the whole last day, across a DST change', () => {
    const ny = kpiPeriod({ from: '2026-03-08', to: '2026-03-08' }, { now, timeZone: 'America/New_York' })
    expect(ny.range.from.toISOString()).toBe('2026-03-08T05:00:00.000Z')
    expect(ny.range.to.toISOString()).toBe('2026-03-09T04:00:00.000Z')
  })

  it('defaults to the last 90 and next 30 days of the viewer calendar', () => {
    expect(kpiPeriod({}, { now, timeZone: 'Asia/Seoul' })).toMatchObject({ from: '2026-09-06', to: '2027-01-04', error: null })
    expect(kpiPeriod({ from: '', to: null }, { now, timeZone: 'UTC' })).toMatchObject({ from: '2026-09-06', to: '2027-01-04', error: null })
  })

  it('refuses from after to with its own error, and falls back to the default period', () => {
    expect(kpiPeriod({ from: '2026-12-10', to: '2026-12-01' }, { now, timeZone: 'UTC' })).toMatchObject({
      from: '2026-09-06',
      to: '2027-01-04',
      error: 'from-after-to',
    })
  })

  it('refuses dates that are not real days, and hostile input', () => {
    for (const from of ['2026-02-30', '2026-13-01', 'yesterday', "2026-12-01' OR 1=1", '2026-12-01T00:00', '0'.repeat(5000)]) {
      expect(kpiPeriod({ from }, { now, timeZone: 'UTC' })).toMatchObject({ from: '2026-09-06', error: 'invalid-date' })
    }
  })

  it('keeps one given side and moves the other default to stay a valid period', () => {
    expect(kpiPeriod({ from: '2027-06-01' }, { now, timeZone: 'UTC' })).toMatchObject({ from: '2027-06-01', to: '2027-06-01', error: null })
    expect(kpiPeriod({ to: '2026-01-01' }, { now, timeZone: 'UTC' })).toMatchObject({ from: '2026-01-01', to: '2026-01-01', error: null })
  })
})
