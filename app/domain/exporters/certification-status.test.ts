import { describe, expect, it } from 'vitest'
import { certificationStatus, daysUntilExpiry } from './certification-status'

const now = new Date('2026-03-10T12:00:00Z')

describe('certificationStatus', () => {
  it('has no expiry without a date', () => {
    expect(certificationStatus(null, now)).toBe('no-expiry')
    expect(certificationStatus(undefined, now)).toBe('no-expiry')
  })

  it('is expired once the date has passed', () => {
    expect(certificationStatus(new Date('2026-03-10T11:59:59Z'), now)).toBe('expired')
    expect(certificationStatus('2025-01-01T00:00:00Z', now)).toBe('expired')
  })

  it('warns within 30 days, inclusive', () => {
    expect(certificationStatus(new Date('2026-03-10T12:00:00Z'), now)).toBe('expiring')
    expect(certificationStatus(new Date('2026-04-09T12:00:00Z'), now)).toBe('expiring')
  })

  it('is valid beyond 30 days', () => {
    expect(certificationStatus(new Date('2026-04-09T12:00:01Z'), now)).toBe('valid')
    expect(certificationStatus('2030-01-01T00:00:00Z', now)).toBe('valid')
  })

  it('counts whole days left', () => {
    expect(daysUntilExpiry(new Date('2026-03-20T12:00:00Z'), now)).toBe(10)
    expect(daysUntilExpiry(new Date('2026-03-10T23:00:00Z'), now)).toBe(0)
    expect(daysUntilExpiry(new Date('2026-03-01T00:00:00Z'), now)).toBeNull()
    expect(daysUntilExpiry(null, now)).toBeNull()
  })
})
