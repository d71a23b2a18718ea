import { describe, expect, it } from 'vitest'
import { laterWhere, showTiming, soonUntil, startingSoonWhere, STARTING_SOON_MINUTES } from './show-timing'

const NOW = new Date('2026-12-03T09:00:00Z')
const MINUTE = 60_000
const at = (minutes: number) => new Date(NOW.getTime() + minutes * MINUTE)
const show = (status: string, startsIn: number, lasts = 60) => ({ status, scheduledStartAt: at(startsIn), scheduledEndAt: at(startsIn + lasts) })

describe('showTiming', () => {
  it('calls a scheduled show "soon" up to the window’s edge inclusive, "upcoming" one millisecond later', () => {
    expect(STARTING_SOON_MINUTES).toBe(30)
    expect(showTiming(show('SCHEDULED', 30), NOW)).toBe('soon')
    expect(showTiming({ ...show('SCHEDULED', 30), scheduledStartAt: new Date(at(30).getTime() + 1) }, NOW)).toBe('upcoming')
    expect(showTiming(show('SCHEDULED', 5), NOW)).toBe('soon')
  })

  it('keeps a late starter "soon" until its slot ends, then "past"', () => {
    expect(showTiming(show('SCHEDULED', -50, 60), NOW)).toBe('soon')
    expect(showTiming(show('SCHEDULED', -60, 60), NOW)).toBe('past')
  })

  it('puts live, ended and cancelled shows where they belong whatever their times', () => {
    expect(showTiming(show('LIVE', -120, 60), NOW)).toBe('live')
    expect(showTiming(show('ENDED', 10), NOW)).toBe('past')
    expect(showTiming(show('CANCELLED', 10), NOW)).toBe('cancelled')
    expect(showTiming(show('CANCELLED', -120), NOW)).toBe('past')
  })

  it('gives the database the same boundaries', () => {
    expect(soonUntil(NOW)).toEqual(at(30))
    expect(startingSoonWhere(NOW)).toEqual({ status: 'SCHEDULED', scheduledStartAt: { lte: at(30) }, scheduledEndAt: { gt: NOW } })
    expect(laterWhere(NOW)).toEqual({ status: 'SCHEDULED', scheduledStartAt: { gt: at(30) } })
  })
})
