import { describe, expect, it } from 'vitest'
import {
  addDays,
  intervalsOverlap,
  isLateCancellation,
  openIntervalOn,
  openMillisecondsBetween,
  parseOpeningHours,
  slotRefusal,
  studioDay,
  weekdayOf,
} from './opening-hours'

const WEEKDAYS_9_TO_18 = parseOpeningHours({
  '1': { open: '09:00', close: '18:00' },
  '2': { open: '09:00', close: '18:00' },
  '3': { open: '09:00', close: '18:00' },
  '4': { open: '09:00', close: '18:00' },
  '5': { open: '09:00', close: '18:00' },
  '6': { open: '10:00', close: '14:00' },
})

const seoul = { timeZone: 'Asia/Seoul', openingHours: WEEKDAYS_9_TO_18, blackoutDays: [] as string[] }
const berlin = { timeZone: 'Europe/Berlin', openingHours: WEEKDAYS_9_TO_18, blackoutDays: [] as string[] }
const NOW = new Date('2026-03-01T00:00:00Z')

describe('parseOpeningHours', () => {
  it('keeps valid days and closes malformed, reversed or missing ones', () => {
    const hours = parseOpeningHours({
      '1': { open: '09:00', close: '18:00' },
      '2': { open: '18:00', close: '09:00' },
      '3': { open: '9', close: '18:00' },
      '4': 'x',
    })
    expect(hours['1']).toEqual({ open: '09:00', close: '18:00' })
    expect(hours['2']).toBeNull()
    expect(hours['3']).toBeNull()
    expect(hours['4']).toBeNull()
    expect(hours['0']).toBeNull()
    expect(parseOpeningHours(null)).toEqual({})
    expect(parseOpeningHours('{"1":{}}')).toEqual({})
  })
})

describe('days in the studio zone', () => {
  it('names the local day and weekday of an instant', () => {
    // 23:30 UTC on Sunday 1 March is 08:30 on Monday 2 March in Seoul.
    expect(studioDay(new Date('2026-03-01T23:30:00Z'), 'Asia/Seoul')).toBe('2026-03-02')
    expect(weekdayOf('2026-03-02')).toBe(1)
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
  })

  it('turns a day’s hours into exact instants across a DST change (Europe/Berlin, 29 March 2026)', () => {
    // Friday before the change: CET (UTC+1).
    expect(openIntervalOn('2026-03-27', WEEKDAYS_9_TO_18, 'Europe/Berlin')).toEqual({
      start: new Date('2026-03-27T08:00:00Z'),
      end: new Date('2026-03-27T17:00:00Z'),
    })
    // Monday after: CEST (UTC+2): the same wall clock, one hour earlier in UTC.
    expect(openIntervalOn('2026-03-30', WEEKDAYS_9_TO_18, 'Europe/Berlin')).toEqual({
      start: new Date('2026-03-30T07:00:00Z'),
      end: new Date('2026-03-30T16:00:00Z'),
    })
    // Sunday is closed.
    expect(openIntervalOn('2026-03-29', WEEKDAYS_9_TO_18, 'Europe/Berlin')).toBeNull()
  })
})

describe('slotRefusal', () => {
  it('accepts a slot inside the local opening hours', () => {
    // Monday 2 March 2026, 10:00–11:00 in Seoul (UTC+9).
    expect(slotRefusal({ startsAt: new Date('2026-03-02T01:00:00Z'), endsAt: new Date('2026-03-02T02:00:00Z') }, seoul, NOW)).toBeNull()
    // Exactly the whole day is fine (half-open).
    expect(slotRefusal({ startsAt: new Date('2026-03-02T00:00:00Z'), endsAt: new Date('2026-03-02T09:00:00Z') }, seoul, NOW)).toBeNull()
  })

  it('refuses slots before opening, after closing, on closed days, across midnight and reversed', () => {
    expect(slotRefusal({ startsAt: new Date('2026-03-01T23:30:00Z'), endsAt: new Date('2026-03-02T01:00:00Z') }, seoul, NOW)).toBe('slot-outside-hours')
    expect(slotRefusal({ startsAt: new Date('2026-03-02T08:30:00Z'), endsAt: new Date('2026-03-02T09:30:00Z') }, seoul, NOW)).toBe('slot-outside-hours')
    // Sunday 8 March.
    expect(slotRefusal({ startsAt: new Date('2026-03-08T01:00:00Z'), endsAt: new Date('2026-03-08T02:00:00Z') }, seoul, NOW)).toBe('slot-outside-hours')
    expect(slotRefusal({ startsAt: new Date('2026-03-02T08:00:00Z'), endsAt: new Date('2026-03-03T01:00:00Z') }, seoul, NOW)).toBe('slot-outside-hours')
    expect(slotRefusal({ startsAt: new Date('2026-03-02T02:00:00Z'), endsAt: new Date('2026-03-02T01:00:00Z') }, seoul, NOW)).toBe('slot-order')
    expect(slotRefusal({ startsAt: new Date('2026-03-02T02:00:00Z'), endsAt: new Date('2026-03-02T02:00:00Z') }, seoul, NOW)).toBe('slot-order')
    expect(slotRefusal({ startsAt: new Date('invalid'), endsAt: new Date('2026-03-02T02:00:00Z') }, seoul, NOW)).toBe('slot-order')
  })

  it('refuses the past and blackout days', () => {
    expect(slotRefusal({ startsAt: new Date('2026-03-02T01:00:00Z'), endsAt: new Date('2026-03-02T02:00:00Z') }, seoul, new Date('2026-03-02T01:00:00Z'))).toBe(
      'slot-past',
    )
    expect(
      slotRefusal(
        { startsAt: new Date('2026-03-02T01:00:00Z'), endsAt: new Date('2026-03-02T02:00:00Z') },
        { ...seoul, blackoutDays: new Set(['2026-03-02']) },
        NOW,
      ),
    ).toBe('slot-blackout')
  })

  it('follows the wall clock across DST: 09:00 Berlin is 08:00 UTC before and 07:00 UTC after 29 March', () => {
    const before = { startsAt: new Date('2026-03-27T08:00:00Z'), endsAt: new Date('2026-03-27T09:00:00Z') }
    const after = { startsAt: new Date('2026-03-30T07:00:00Z'), endsAt: new Date('2026-03-30T08:00:00Z') }
    expect(slotRefusal(before, berlin, NOW)).toBeNull()
    expect(slotRefusal(after, berlin, NOW)).toBeNull()
    // 07:00 UTC on the Friday before is 08:00 CET: before opening.
    expect(slotRefusal({ startsAt: new Date('2026-03-27T07:00:00Z'), endsAt: new Date('2026-03-27T08:00:00Z') }, berlin, NOW)).toBe('slot-outside-hours')
    // 16:30 UTC on the Monday after is 18:30 CEST: after closing.
    expect(slotRefusal({ startsAt: new Date('2026-03-30T15:30:00Z'), endsAt: new Date('2026-03-30T16:30:00Z') }, berlin, NOW)).toBe('slot-outside-hours')
  })
})

describe('openMillisecondsBetween', () => {
  it('adds the open hours of each local day, blackouts closed, clipped to the window', () => {
    const hour = 3_600_000
    // Monday 2 to Sunday 8 March in Seoul: 5 × 9 h + Saturday 4 h = 49 h.
    const from = new Date('2026-03-01T15:00:00Z') // Monday 00:00 KST
    const to = new Date('2026-03-08T15:00:00Z')
    expect(openMillisecondsBetween(from, to, seoul)).toBe(49 * hour)
    expect(openMillisecondsBetween(from, to, { ...seoul, blackoutDays: ['2026-03-04'] })).toBe(40 * hour)
    // Half of Monday: 00:00–13:00 KST = 09:00–13:00 open.
    expect(openMillisecondsBetween(from, new Date('2026-03-02T04:00:00Z'), seoul)).toBe(4 * hour)
  })
})

describe('overlap and late cancellation', () => {
  it('treats intervals as half-open', () => {
    const a = { startsAt: new Date('2026-03-02T01:00:00Z'), endsAt: new Date('2026-03-02T02:00:00Z') }
    expect(intervalsOverlap(a, { startsAt: new Date('2026-03-02T02:00:00Z'), endsAt: new Date('2026-03-02T03:00:00Z') })).toBe(false)
    expect(intervalsOverlap(a, { startsAt: new Date('2026-03-02T01:59:00Z'), endsAt: new Date('2026-03-02T03:00:00Z') })).toBe(true)
    expect(intervalsOverlap(a, { startsAt: new Date('2026-03-02T00:00:00Z'), endsAt: new Date('2026-03-02T05:00:00Z') })).toBe(true)
  })

  it('counts a cancellation inside the free period as late', () => {
    const startsAt = new Date('2026-03-03T01:00:00Z')
    expect(isLateCancellation(startsAt, 24, new Date('2026-03-02T01:00:00Z'))).toBe(false)
    expect(isLateCancellation(startsAt, 24, new Date('2026-03-02T01:00:01Z'))).toBe(true)
  })
})
