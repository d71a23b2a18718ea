import { describe, expect, it } from 'vitest'
import { formatDateTime, instantToWallClock, wallClockToInstant } from '~/lib/time'
import { nowLiveSendable, plannedReminders, reminderInstant, reminderSendable } from './reminder-timing'

const iso = (date: Date) => date.toISOString()

describe('reminder instants across DST changes (24 h is elapsed time, not the same wall-clock time)', () => {
  it('Europe/Berlin: a show at 02:30 the day after clocks spring forward (29 March 2026)', () => {
    const start = wallClockToInstant('2026-03-30T02:30', 'Europe/Berlin')
    expect(iso(start)).toBe('2026-03-30T00:30:00.000Z') // CEST, UTC+2
    const day = reminderInstant('starts-24h', start)
    expect(iso(day)).toBe('2026-03-29T00:30:00.000Z')
    // 24 real hours earlier is 01:30 on the wall clock: 02:30 did not exist that night.
    expect(instantToWallClock(day, 'Europe/Berlin')).toBe('2026-03-29T01:30')
    expect(iso(reminderInstant('starts-10m', start))).toBe('2026-03-30T00:20:00.000Z')
    expect(instantToWallClock(reminderInstant('starts-10m', start), 'Europe/Berlin')).toBe('2026-03-30T02:20')
  })

  it('America/New_York: a show at 02:30 the day after clocks spring forward (8 March 2026)', () => {
    const start = wallClockToInstant('2026-03-09T02:30', 'America/New_York')
    expect(iso(start)).toBe('2026-03-09T06:30:00.000Z') // EDT, UTC-4
    const day = reminderInstant('starts-24h', start)
    expect(iso(day)).toBe('2026-03-08T06:30:00.000Z')
    expect(instantToWallClock(day, 'America/New_York')).toBe('2026-03-08T01:30') // still EST then
  })

  it('America/New_York: a show at 01:30 the day after clocks fall back (1 November 2026) is reminded in the repeated hour', () => {
    const start = wallClockToInstant('2026-11-02T01:30', 'America/New_York')
    expect(iso(start)).toBe('2026-11-02T06:30:00.000Z') // EST, UTC-5
    const day = reminderInstant('starts-24h', start)
    expect(iso(day)).toBe('2026-11-01T06:30:00.000Z')
    // 01:30 happened twice that night; this is the second one (EST), named with its zone in the mail.
    expect(instantToWallClock(day, 'America/New_York')).toBe('2026-11-01T01:30')
    expect(formatDateTime(day, { locale: 'en', timeZone: 'America/New_York', withZone: true })).toMatch(/1:30.*EST/)
  })
})

describe('which reminders to schedule at a given instant', () => {
  const start = new Date('2026-07-10T09:00:00.000Z')

  it('schedules both, at their instants, for a show more than a day ahead', () => {
    const plans = plannedReminders(start, new Date('2026-07-08T12:00:00.000Z'))
    expect(plans.map((p) => [p.kind, iso(p.runAt)])).toEqual([
      ['starts-24h', '2026-07-09T09:00:00.000Z'],
      ['starts-10m', '2026-07-10T08:50:00.000Z'],
    ])
  })

  it('skips a reminder whose instant has passed: an RSVP five hours ahead gets the 10-minute one only', () => {
    const plans = plannedReminders(start, new Date('2026-07-10T04:00:00.000Z'))
    expect(plans.map((p) => [p.kind, iso(p.runAt)])).toEqual([['starts-10m', '2026-07-10T08:50:00.000Z']])
  })

  it('after a restart (includeLate), a missed reminder still worth sending runs now; one too late does not', () => {
    // The 24-hour reminder was due at 09:00 the day before; the process was down until 09:40.
    const now = new Date('2026-07-09T09:40:00.000Z')
    expect(plannedReminders(start, now, { includeLate: true }).map((p) => [p.kind, iso(p.runAt)])).toEqual([
      ['starts-24h', '2026-07-09T09:40:00.000Z'],
      ['starts-10m', '2026-07-10T08:50:00.000Z'],
    ])
    // 30 minutes before the start the 24-hour one is pointless; the 10-minute one is still ahead.
    expect(plannedReminders(start, new Date('2026-07-10T08:30:00.000Z'), { includeLate: true }).map((p) => p.kind)).toEqual(['starts-10m'])
    // 5 minutes before: the 10-minute one, late, still goes; at the start, nothing does.
    expect(plannedReminders(start, new Date('2026-07-10T08:55:00.000Z'), { includeLate: true }).map((p) => [p.kind, iso(p.runAt)])).toEqual([
      ['starts-10m', '2026-07-10T08:55:00.000Z'],
    ])
    expect(plannedReminders(start, start, { includeLate: true })).toEqual([])
  })

  it('a reminder is sendable from its instant until its cut-off, not before', () => {
    expect(reminderSendable('starts-10m', start, new Date('2026-07-10T08:49:59.999Z'))).toBe(false)
    expect(reminderSendable('starts-10m', start, new Date('2026-07-10T08:50:00.000Z'))).toBe(true)
    expect(reminderSendable('starts-10m', start, start)).toBe(false)
    expect(reminderSendable('starts-24h', start, new Date('2026-07-10T07:59:59.999Z'))).toBe(true)
    expect(reminderSendable('starts-24h', start, new Date('2026-07-10T08:00:00.000Z'))).toBe(false)
  })

  it('"now live" goes out during the first 30 minutes of the show', () => {
    const startedAt = new Date('2026-07-10T09:02:00.000Z')
    expect(nowLiveSendable(startedAt, startedAt)).toBe(true)
    expect(nowLiveSendable(startedAt, new Date('2026-07-10T09:31:59.999Z'))).toBe(true)
    expect(nowLiveSendable(startedAt, new Date('2026-07-10T09:32:00.000Z'))).toBe(false)
    expect(nowLiveSendable(startedAt, new Date('2026-07-10T09:01:00.000Z'))).toBe(false)
  })
})
