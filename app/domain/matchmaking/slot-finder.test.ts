import { describe, expect, it } from 'vitest'
import { businessIntervals, findCommonSlots, formatSlotForViewer, parseWallClock, type SchedulingParty, type TimeInterval } from './slot-finder.ts'

const starts = (slots: readonly TimeInterval[]) => slots.map((slot) => slot.start.toISOString())
const at = (iso: string) => new Date(iso)
// Pinned clock (habit 14): the search window lies after it.
const now = at('2026-02-01T00:00:00Z')

const seoulMornings: SchedulingParty = {
  id: 'exporter-seoul',
  timeZone: 'Asia/Seoul',
  businessHours: { start: '07:00', end: '11:00' },
}
const newYorkLongDay: SchedulingParty = {
  id: 'buyer-nyc',
  timeZone: 'America/New_York',
  businessHours: { start: '08:00', end: '19:00' },
}
const seoulOffice: SchedulingParty = {
  id: 'exporter-seoul-office',
  timeZone: 'Asia/Seoul',
  businessHours: { start: '09:00', end: '18:00' },
}
const berlinOffice: SchedulingParty = {
  id: 'buyer-berlin',
  timeZone: 'Europe/Berlin',
  businessHours: { start: '09:00', end: '17:00' },
}
const newYorkOffice: SchedulingParty = {
  id: 'buyer-nyc-office',
  timeZone: 'America/New_York',
  businessHours: { start: '09:00', end: '17:00' },
}

describe('parseWallClock', () => {
  it('reads HH:mm and rejects anything else', () => {
    expect(parseWallClock('09:30')).toBe(570)
    expect(parseWallClock('24:00')).toBe(1440)
    expect(() => parseWallClock('9:30')).toThrow(RangeError)
    expect(() => parseWallClock('24:30')).toThrow(RangeError)
    expect(() => parseWallClock('12:60')).toThrow(RangeError)
  })
})

describe('businessIntervals', () => {
  it('follows New York wall clock across the DST start (2026-03-08)', () => {
    const hours = businessIntervals(newYorkOffice, at('2026-03-06T00:00:00Z'), at('2026-03-10T00:00:00Z'))
    expect(hours.map((h) => [h.start.toISOString(), h.end.toISOString()])).toEqual([
      ['2026-03-06T14:00:00.000Z', '2026-03-06T22:00:00.000Z'], // Friday, EST (UTC−5)
      ['2026-03-09T13:00:00.000Z', '2026-03-09T21:00:00.000Z'], // Monday, EDT (UTC−4)
    ])
  })

  it('honours configured working days', () => {
    const sundayToThursday = { ...seoulOffice, workingDays: [0, 1, 2, 3, 4] }
    const hours = businessIntervals(sundayToThursday, at('2026-03-06T00:00:00Z'), at('2026-03-09T00:00:00Z'))
    // Friday 6 and Saturday 7 are off; Sunday 8 09:00–18:00 KST is 00:00–09:00 UTC.
    expect(hours.map((h) => h.start.toISOString())).toEqual(['2026-03-08T00:00:00.000Z'])
  })
})

describe('findCommonSlots', () => {
  it('Seoul vs New York across the US DST start: the overlap shrinks from two hours to one', () => {
    const slots = findCommonSlots({
      parties: [newYorkLongDay, seoulMornings],
      from: at('2026-03-02T00:00:00Z'),
      to: at('2026-03-14T00:00:00Z'),
      now,
      slotMinutes: 30,
    })
    const week1 = ['02', '03', '04', '05'].flatMap((day) => ['22:00', '22:30', '23:00', '23:30'].map((time) => `2026-03-${day}T${time}:00.000Z`))
    // NY Mon–Thu evenings are Seoul Tue–Fri mornings; NY Friday evening is Seoul's Saturday.
    const week2 = ['09', '10', '11', '12'].flatMap((day) => ['22:00', '22:30'].map((time) => `2026-03-${day}T${time}:00.000Z`))
    expect(starts(slots)).toEqual([...week1, ...week2])
    expect(slots.every((slot) => slot.end.getTime() - slot.start.getTime() === 30 * 60_000)).toBe(true)
  })

  it('Seoul vs Berlin across the EU DST end (2026-10-25): two hours of overlap become one', () => {
    const slots = findCommonSlots({
      parties: [berlinOffice, seoulOffice],
      from: at('2026-10-19T00:00:00Z'),
      to: at('2026-10-31T00:00:00Z'),
      now,
      slotMinutes: 60,
    })
    expect(starts(slots)).toEqual([
      ...['19', '20', '21', '22', '23'].flatMap((day) => [`2026-10-${day}T07:00:00.000Z`, `2026-10-${day}T08:00:00.000Z`]),
      ...['26', '27', '28', '29', '30'].map((day) => `2026-10-${day}T08:00:00.000Z`),
    ])
  })

  it('New York vs Berlin while only the US has switched (March) or only the EU (October)', () => {
    const march = findCommonSlots({
      parties: [newYorkOffice, berlinOffice],
      from: at('2026-03-06T00:00:00Z'),
      to: at('2026-03-10T00:00:00Z'),
      now,
      slotMinutes: 60,
    })
    expect(starts(march)).toEqual([
      '2026-03-06T14:00:00.000Z',
      '2026-03-06T15:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
      '2026-03-09T14:00:00.000Z',
      '2026-03-09T15:00:00.000Z',
    ])
    const october = findCommonSlots({
      parties: [newYorkOffice, berlinOffice],
      from: at('2026-10-23T00:00:00Z'),
      to: at('2026-10-27T00:00:00Z'),
      now,
      slotMinutes: 60,
    })
    expect(starts(october)).toEqual([
      '2026-10-23T13:00:00.000Z',
      '2026-10-23T14:00:00.000Z',
      '2026-10-26T13:00:00.000Z',
      '2026-10-26T14:00:00.000Z',
      '2026-10-26T15:00:00.000Z',
    ])
  })

  it('never overlaps a busy interval of any party', () => {
    const busyBerlin = {
      ...berlinOffice,
      busy: [{ start: at('2026-10-20T07:30:00Z'), end: at('2026-10-20T08:15:00Z') }],
    }
    const busySeoul = {
      ...seoulOffice,
      busy: [{ start: at('2026-10-21T06:00:00Z'), end: at('2026-10-21T09:00:00Z') }], // whole overlap that day
    }
    const slots = findCommonSlots({
      parties: [busyBerlin, busySeoul],
      from: at('2026-10-20T00:00:00Z'),
      to: at('2026-10-22T00:00:00Z'),
      now,
      slotMinutes: 30,
    })
    expect(starts(slots)).toEqual(['2026-10-20T07:00:00.000Z', '2026-10-20T08:30:00.000Z'])
    const busy = [...busyBerlin.busy, ...busySeoul.busy]
    for (const slot of slots) {
      for (const block of busy) {
        expect(slot.start < block.end && block.start < slot.end).toBe(false)
      }
    }
  })

  it('offers back-to-back slots around a meeting that ends exactly on the grid', () => {
    const slots = findCommonSlots({
      parties: [{ ...berlinOffice, busy: [{ start: at('2026-10-20T07:30:00Z'), end: at('2026-10-20T08:00:00Z') }] }, seoulOffice],
      from: at('2026-10-20T00:00:00Z'),
      to: at('2026-10-21T00:00:00Z'),
      now,
      slotMinutes: 30,
    })
    expect(starts(slots)).toEqual(['2026-10-20T07:00:00.000Z', '2026-10-20T08:00:00.000Z', '2026-10-20T08:30:00.000Z'])
  })

  it('returns nothing when business hours never overlap', () => {
    const slots = findCommonSlots({
      parties: [newYorkOffice, seoulOffice],
      from: at('2026-03-02T00:00:00Z'),
      to: at('2026-03-14T00:00:00Z'),
      now,
      slotMinutes: 30,
    })
    expect(slots).toEqual([])
  })

  it('starts no slot before now plus the notice, and stops at the limit', () => {
    const slots = findCommonSlots({
      parties: [berlinOffice, seoulOffice],
      from: at('2026-10-19T00:00:00Z'),
      to: at('2026-10-31T00:00:00Z'),
      now: at('2026-10-19T07:10:00Z'),
      minNoticeMinutes: 60,
      slotMinutes: 30,
      stepMinutes: 15,
      limit: 3,
    })
    expect(starts(slots)).toEqual(['2026-10-19T08:15:00.000Z', '2026-10-19T08:30:00.000Z', '2026-10-20T07:00:00.000Z'])
  })

  it('finds slots for three parties', () => {
    const slots = findCommonSlots({
      parties: [berlinOffice, seoulOffice, { ...newYorkOffice, businessHours: { start: '03:00', end: '12:00' } }],
      from: at('2026-10-26T00:00:00Z'),
      to: at('2026-10-27T00:00:00Z'),
      now,
      slotMinutes: 60,
    })
    // Berlin 08:00–16:00Z, Seoul 00:00–09:00Z, New York (EDT) 07:00–16:00Z.
    expect(starts(slots)).toEqual(['2026-10-26T08:00:00.000Z'])
  })
})

describe('formatSlotForViewer', () => {
  const normalise = (text: string) => text.replace(/\s/gu, ' ')

  it('shows the viewer’s time with the other party’s local time and day beside it', () => {
    const label = formatSlotForViewer(
      { start: at('2026-03-09T22:00:00Z'), end: at('2026-03-09T22:30:00Z') },
      { locale: 'en-US', viewerTimeZone: 'America/New_York', otherTimeZone: 'Asia/Seoul' },
    )
    expect(normalise(label.viewer)).toBe('Mon, Mar 9, 6:00 – 6:30 PM EDT')
    expect(normalise(label.other)).toBe('Tue, Mar 10, 7:00 – 7:30 AM GMT+9')
    expect(label.otherDayOffset).toBe(1)

    const reverse = formatSlotForViewer(
      { start: at('2026-03-09T22:00:00Z'), end: at('2026-03-09T22:30:00Z') },
      { locale: 'ko-KR', viewerTimeZone: 'Asia/Seoul', otherTimeZone: 'America/New_York' },
    )
    expect(reverse.otherDayOffset).toBe(-1)
    expect(reverse.viewer).toContain('3월 10일')
  })
})
