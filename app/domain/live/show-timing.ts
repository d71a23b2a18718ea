import type { Prisma } from '~/generated/prisma/client'

// The one definition of where a scheduled show stands in time ("starting soon", "upcoming", over), used by
// the /live directory, the landing page's list and a fair's programme. Pure: pass `now` in.

/** "Starting soon": a scheduled show that begins within this many minutes, or is late but its slot is not over. */
export const STARTING_SOON_MINUTES = 30
const MINUTE = 60_000

export type ShowTiming = 'live' | 'soon' | 'upcoming' | 'past' | 'cancelled'

type TimedShow = { status: string; scheduledStartAt: Date; scheduledEndAt: Date }

/** The end of the "starting soon" window at `now`. */
export function soonUntil(now: Date): Date {
  return new Date(now.getTime() + STARTING_SOON_MINUTES * MINUTE)
}

/**
 * Where a show stands at `now`. A scheduled show whose start has passed but whose slot has not ended is a
 * late starter and stays "soon"; once its slot ends without going live it is "past".
 */
export function showTiming(show: TimedShow, now: Date): ShowTiming {
  if (show.status === 'LIVE') return 'live'
  if (show.status === 'ENDED' || show.scheduledEndAt <= now) return 'past'
  if (show.status === 'CANCELLED') return 'cancelled'
  return show.scheduledStartAt <= soonUntil(now) ? 'soon' : 'upcoming'
}

/** The same rule as database conditions: scheduled shows that are "soon" (late starters included). */
export function startingSoonWhere(now: Date) {
  return { status: 'SCHEDULED', scheduledStartAt: { lte: soonUntil(now) }, scheduledEndAt: { gt: now } } satisfies Prisma.LiveSessionWhereInput
}

/** Scheduled shows that are "upcoming" (after the soon window). */
export function laterWhere(now: Date) {
  return { status: 'SCHEDULED', scheduledStartAt: { gt: soonUntil(now) } } satisfies Prisma.LiveSessionWhereInput
}

/** Scheduled shows still ahead, soon or upcoming: the slot has not ended. */
export function aheadWhere(now: Date) {
  return { status: 'SCHEDULED', scheduledEndAt: { gt: now } } satisfies Prisma.LiveSessionWhereInput
}
