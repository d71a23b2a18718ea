import { describe, expect, it } from 'vitest'
import { isFreeSlot, officerFreeSlots, type OfficerAvailability } from './slots'

// Pinned clocks only: every instant below is written out, nothing reads the real clock.
const iso = (slots: ReadonlyArray<{ start: Date; end: Date }>) => slots.map((slot) => `${slot.start.toISOString()}/${slot.end.toISOString()}`)

const ULAANBAATAR: OfficerAvailability = {
  id: 'ub',
  timeZone: 'Asia/Ulaanbaatar',
  slotMinutes: 30,
  // Monday 10:00–11:00 and Wednesday 14:00–15:00, Ulaanbaatar time (UTC+8, no DST).
  hours: [
    { weekday: 1, start: '10:00', end: '11:00' },
    { weekday: 3, start: '14:00', end: '15:00' },
  ],
  busy: [],
}

describe('officerFreeSlots', () => {
  it("offers the officer's weekly hours, in the officer's zone, on the half-hour grid", () => {
    const now = new Date('2026-03-01T00:00:00Z') // Sunday
    const slots = officerFreeSlots(ULAANBAATAR, { from: now, to: new Date('2026-03-05T00:00:00Z'), now })
    expect(iso(slots)).toEqual([
      '2026-03-02T02:00:00.000Z/2026-03-02T02:30:00.000Z', // Mon 10:00 UB
      '2026-03-02T02:30:00.000Z/2026-03-02T03:00:00.000Z',
      '2026-03-04T06:00:00.000Z/2026-03-04T06:30:00.000Z', // Wed 14:00 UB
      '2026-03-04T06:30:00.000Z/2026-03-04T07:00:00.000Z',
    ])
  })

  it('leaves out booked slots and slots inside the minimum notice', () => {
    const now = new Date('2026-03-02T01:15:00Z') // 09:15 UB: 10:00 is 45 min away, under the hour's notice
    const officer = { ...ULAANBAATAR, busy: [{ start: new Date('2026-03-04T06:00:00Z'), end: new Date('2026-03-04T06:30:00Z') }] }
    const slots = officerFreeSlots(officer, { from: now, to: new Date('2026-03-05T00:00:00Z'), now })
    expect(iso(slots)).toEqual(['2026-03-02T02:30:00.000Z/2026-03-02T03:00:00.000Z', '2026-03-04T06:30:00.000Z/2026-03-04T07:00:00.000Z'])
  })

  it('keeps the wall-clock hours across a DST change (New York, 8 March 2026)', () => {
    const newYork: OfficerAvailability = {
      id: 'ny',
      timeZone: 'America/New_York',
      slotMinutes: 60,
      hours: [{ weekday: 1, start: '09:00', end: '10:00' }],
      busy: [],
    }
    const now = new Date('2026-02-28T00:00:00Z')
    const slots = officerFreeSlots(newYork, { from: now, to: new Date('2026-03-10T00:00:00Z'), now })
    // 09:00 EST is 14:00 UTC; after the change 09:00 EDT is 13:00 UTC.
    expect(iso(slots)).toEqual(['2026-03-02T14:00:00.000Z/2026-03-02T15:00:00.000Z', '2026-03-09T13:00:00.000Z/2026-03-09T14:00:00.000Z'])
  })

  it('reads a local day that starts on the previous UTC date (a Monday morning in Seoul is Sunday in UTC)', () => {
    const seoul: OfficerAvailability = { id: 'seoul', timeZone: 'Asia/Seoul', slotMinutes: 30, hours: [{ weekday: 1, start: '07:00', end: '07:30' }], busy: [] }
    const now = new Date('2026-03-01T00:00:00Z')
    expect(iso(officerFreeSlots(seoul, { from: now, to: new Date('2026-03-03T00:00:00Z'), now }))).toEqual([
      '2026-03-01T22:00:00.000Z/2026-03-01T22:30:00.000Z',
    ])
  })

  it('returns nothing without hours and respects the limit', () => {
    const now = new Date('2026-03-01T00:00:00Z')
    const to = new Date('2026-03-29T00:00:00Z')
    expect(officerFreeSlots({ ...ULAANBAATAR, hours: [] }, { from: now, to, now })).toEqual([])
    expect(officerFreeSlots(ULAANBAATAR, { from: now, to, now, limit: 3 })).toHaveLength(3)
  })
})

describe('isFreeSlot', () => {
  const now = new Date('2026-03-01T00:00:00Z')
  it('accepts an offered slot and refuses a time outside the hours, off the grid, booked, or past', () => {
    expect(isFreeSlot(ULAANBAATAR, new Date('2026-03-02T02:30:00Z'), now)).toBe(true)
    expect(isFreeSlot(ULAANBAATAR, new Date('2026-03-02T03:00:00Z'), now)).toBe(false) // 11:00 UB: hours end
    expect(isFreeSlot(ULAANBAATAR, new Date('2026-03-02T02:10:00Z'), now)).toBe(false)
    expect(
      isFreeSlot(
        { ...ULAANBAATAR, busy: [{ start: new Date('2026-03-02T02:15:00Z'), end: new Date('2026-03-02T02:45:00Z') }] },
        new Date('2026-03-02T02:30:00Z'),
        now,
      ),
    ).toBe(false)
    expect(isFreeSlot(ULAANBAATAR, new Date('2026-03-02T02:30:00Z'), new Date('2026-03-02T03:00:00Z'))).toBe(false)
  })
})
