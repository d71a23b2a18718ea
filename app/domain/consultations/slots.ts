// Free consultation slots of a trade officer: the officer's weekly hours (wall clock per local weekday in
// the officer's IANA zone) minus what is already booked. Pure: `now` is passed in. The rule for turning
// wall-clock hours into UTC instants across DST lives in one place, the meetings' slot finder
// (app/domain/matchmaking/slot-finder.ts); each weekday's range is one "party" of it.
import { findCommonSlots, type TimeInterval } from '~/domain/matchmaking/slot-finder'
import { SLOT_STEP_MINUTES } from './topics'

export type WeeklyHours = ReadonlyArray<{ weekday: number; start: string; end: string }>

export type OfficerAvailability = {
  id: string
  timeZone: string
  hours: WeeklyHours
  slotMinutes: number
  /** Consultations holding a slot (REQUESTED, CONFIRMED), UTC */
  busy: readonly TimeInterval[]
}

/** How far ahead slots are offered, and the shortest notice a booking needs. */
export const BOOKING_WINDOW_DAYS = 21
export const MIN_NOTICE_MINUTES = 60

/** Free slots in [from, to), sorted by start, at most `limit`. */
export function officerFreeSlots(officer: OfficerAvailability, { from, to, now, limit }: { from: Date; to: Date; now: Date; limit?: number }): TimeInterval[] {
  const slots = officer.hours.flatMap((day) =>
    findCommonSlots({
      parties: [
        {
          id: `${officer.id}:${day.weekday}`,
          timeZone: officer.timeZone,
          businessHours: { start: day.start, end: day.end },
          workingDays: [day.weekday],
          busy: officer.busy,
        },
      ],
      from,
      to,
      now,
      slotMinutes: officer.slotMinutes,
      stepMinutes: SLOT_STEP_MINUTES,
      minNoticeMinutes: MIN_NOTICE_MINUTES,
    }),
  )
  slots.sort((a, b) => a.start.getTime() - b.start.getTime())
  return limit === undefined ? slots : slots.slice(0, limit)
}

/** True when [start, start + slotMinutes) is one of the officer's free slots at `now` (the booking check). */
export function isFreeSlot(officer: OfficerAvailability, start: Date, now: Date): boolean {
  const end = new Date(start.getTime() + officer.slotMinutes * 60_000)
  // Search only the slot's own span (the slot finder looks up the local day that contains it).
  const slots = officerFreeSlots(officer, { from: new Date(start.getTime()), to: end, now })
  return slots.some((slot) => slot.start.getTime() === start.getTime() && slot.end.getTime() === end.getTime())
}
