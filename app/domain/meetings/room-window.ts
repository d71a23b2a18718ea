// When a meeting room admits its participants. Pure: callers pass `now`.

/** The room opens this long before the start… */
export const ROOM_OPENS_BEFORE_MS = 10 * 60_000
/** …and closes this long after the end. */
export const ROOM_CLOSES_AFTER_MS = 30 * 60_000

export type RoomState = { state: 'early'; opensAt: Date } | { state: 'open'; opensAt: Date; closesAt: Date } | { state: 'closed'; closedAt: Date }

export function roomState(meeting: { startsAt: Date; endsAt: Date }, now: Date): RoomState {
  const opensAt = new Date(meeting.startsAt.getTime() - ROOM_OPENS_BEFORE_MS)
  const closesAt = new Date(meeting.endsAt.getTime() + ROOM_CLOSES_AFTER_MS)
  if (now.getTime() < opensAt.getTime()) return { state: 'early', opensAt }
  if (now.getTime() >= closesAt.getTime()) return { state: 'closed', closedAt: closesAt }
  return { state: 'open', opensAt, closesAt }
}
