import { describe, expect, it } from 'vitest'
import { attendanceRunAt, attendanceVerdict, confirmationRunAt, isCatchUpExpiry, respondByFor } from './attendance'

const at = (iso: string) => new Date(iso)

describe('attendance timing', () => {
  it('expires a proposal after the configured hours, never after the start', () => {
    expect(respondByFor(at('2026-03-09T00:00:00Z'), at('2026-03-13T08:00:00Z'), 72)).toEqual(at('2026-03-12T00:00:00Z'))
    expect(respondByFor(at('2026-03-09T00:00:00Z'), at('2026-03-10T08:00:00Z'), 72)).toEqual(at('2026-03-10T08:00:00Z'))
    expect(respondByFor(at('2026-03-09T00:00:00Z'), at('2026-03-13T08:00:00Z'), 1)).toEqual(at('2026-03-09T01:00:00Z'))
  })

  it('asks for confirmation 24 h before the start (an instant, not a wall clock: same across DST), or at once', () => {
    // Berlin leaves winter time on 29 March 2026: 24 h before 30 March 07:00 UTC is 29 March 07:00 UTC.
    expect(confirmationRunAt(at('2026-03-30T07:00:00Z'), at('2026-03-20T00:00:00Z'))).toEqual(at('2026-03-29T07:00:00Z'))
    expect(confirmationRunAt(at('2026-03-30T07:00:00Z'), at('2026-03-29T20:00:00Z'))).toEqual(at('2026-03-29T20:00:00Z'))
  })

  it('treats an expiry more than an hour after respondBy as a silent catch-up', () => {
    const respondBy = at('2026-03-12T00:00:00Z')
    expect(isCatchUpExpiry(respondBy, at('2026-03-12T00:00:00Z'))).toBe(false)
    expect(isCatchUpExpiry(respondBy, at('2026-03-12T01:00:00Z'))).toBe(false)
    expect(isCatchUpExpiry(respondBy, at('2026-03-12T01:00:01Z'))).toBe(true)
    // A backfilled respondBy (a start weeks ago) at the first boot after the migration.
    expect(isCatchUpExpiry(at('2026-02-20T08:00:00Z'), respondBy)).toBe(true)
  })

  it('marks attendance after the end plus the grace', () => {
    expect(attendanceRunAt(at('2026-03-13T08:30:00Z'), 15)).toEqual(at('2026-03-13T08:45:00Z'))
    expect(attendanceRunAt(at('2026-03-13T08:30:00Z'), 0)).toEqual(at('2026-03-13T08:30:00Z'))
  })
})

describe('attendanceVerdict', () => {
  const joined = at('2026-03-13T08:01:00Z')
  it('is HELD only when someone of each side joined; interpreters count for neither', () => {
    expect(
      attendanceVerdict([
        { role: 'BUYER', joinedAt: joined },
        { role: 'EXPORTER', joinedAt: joined },
      ]),
    ).toEqual({ status: 'HELD', buyerAbsent: false, exporterAbsent: false })
    expect(
      attendanceVerdict([
        { role: 'BUYER', joinedAt: joined },
        { role: 'EXPORTER', joinedAt: null },
        { role: 'INTERPRETER', joinedAt: joined },
      ]),
    ).toEqual({
      status: 'NO_SHOW',
      buyerAbsent: false,
      exporterAbsent: true,
    })
    expect(
      attendanceVerdict([
        { role: 'BUYER', joinedAt: null },
        { role: 'EXPORTER', joinedAt: null },
      ]),
    ).toEqual({ status: 'NO_SHOW', buyerAbsent: true, exporterAbsent: true })
    // A colleague's seat counts for the exporter side.
    expect(
      attendanceVerdict([
        { role: 'BUYER', joinedAt: joined },
        { role: 'EXPORTER', joinedAt: null },
        { role: 'EXPORTER', joinedAt: joined },
      ]).status,
    ).toBe('HELD')
    expect(attendanceVerdict([]).status).toBe('NO_SHOW')
  })
})
