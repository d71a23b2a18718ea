import { describe, expect, it } from 'vitest'
import { boundedScanTime, MAX_SCAN_AGE_MS, MAX_SCAN_AHEAD_MS, ScanSchema } from './scan'

const NOW = new Date('2026-05-02T10:00:00Z')

describe('boundedScanTime', () => {
  it('believes the device for scans queued up to a day and clocks up to five minutes ahead', () => {
    const queued = NOW.getTime() - 3 * 60 * 60 * 1000
    expect(boundedScanTime(queued, NOW)).toEqual({ at: new Date(queued), trusted: true })
    expect(boundedScanTime(NOW.getTime() - MAX_SCAN_AGE_MS, NOW).trusted).toBe(true)
    expect(boundedScanTime(NOW.getTime() + MAX_SCAN_AHEAD_MS, NOW).trusted).toBe(true)
  })

  it('uses the server time for implausible device times (a wrong clock, a replayed old queue, the future)', () => {
    expect(boundedScanTime(NOW.getTime() - MAX_SCAN_AGE_MS - 1, NOW)).toEqual({ at: NOW, trusted: false })
    expect(boundedScanTime(NOW.getTime() + MAX_SCAN_AHEAD_MS + 1, NOW)).toEqual({ at: NOW, trusted: false })
    expect(boundedScanTime(0, NOW)).toEqual({ at: NOW, trusted: false })
    expect(boundedScanTime(Number.NaN, NOW)).toEqual({ at: NOW, trusted: false })
  })
})

describe('ScanSchema', () => {
  const valid = { intent: 'scan', scanId: '0f8fad5b-d9cb-469f-a165-70867728950e', code: 'fb1:a:b.1.sig', scannedAt: String(NOW.getTime()) }

  it('takes a scan with a device id and time, the note optional', () => {
    expect(ScanSchema.parse(valid)).toEqual({ ...valid, scannedAt: NOW.getTime(), note: '' })
    expect(ScanSchema.parse({ ...valid, note: '  Wants samples  ' }).note).toBe('Wants samples')
  })

  it('refuses hostile input', () => {
    for (const bad of [
      { ...valid, intent: 'other' },
      { ...valid, scanId: 'x' },
      { ...valid, scanId: "'; DROP TABLE x; --" },
      { ...valid, code: '' },
      { ...valid, code: 'x'.repeat(601) },
      { ...valid, scannedAt: 'yesterday' },
      { ...valid, scannedAt: '-5' },
      { ...valid, note: 'n'.repeat(1001) },
    ]) {
      expect(ScanSchema.safeParse(bad).success).toBe(false)
    }
  })
})
