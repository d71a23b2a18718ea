import { describe, expect, it } from 'vitest'
import { canMoveInquiry, nextStatuses } from './pipeline'

describe('inquiry pipeline', () => {
  it('moves forward through the stages', () => {
    expect(canMoveInquiry('NEW', 'QUOTED')).toBe(true)
    expect(canMoveInquiry('QUOTED', 'SAMPLE_SENT')).toBe(true)
    expect(canMoveInquiry('SAMPLE_SENT', 'NEGOTIATING')).toBe(true)
    expect(canMoveInquiry('NEGOTIATING', 'WON')).toBe(true)
    expect(canMoveInquiry('NEW', 'NEGOTIATING')).toBe(true)
  })

  it('never goes backwards, and WON/LOST are final', () => {
    expect(canMoveInquiry('NEGOTIATING', 'QUOTED')).toBe(false)
    expect(canMoveInquiry('QUOTED', 'NEW')).toBe(false)
    expect(canMoveInquiry('WON', 'LOST')).toBe(false)
    expect(canMoveInquiry('LOST', 'NEGOTIATING')).toBe(false)
    expect(canMoveInquiry('QUOTED', 'QUOTED')).toBe(false)
    expect(nextStatuses('WON')).toEqual([])
  })

  it('can be lost or won from any open stage', () => {
    for (const from of ['NEW', 'QUOTED', 'SAMPLE_SENT', 'NEGOTIATING'] as const) {
      expect(nextStatuses(from)).toEqual(expect.arrayContaining(['WON', 'LOST']))
    }
  })
})
