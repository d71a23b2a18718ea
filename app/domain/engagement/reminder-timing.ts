// When showcase reminders go out: pure rules, the clock passed in (tested across DST changes).
//
// "24 h before" is 24 hours of elapsed time, not "the same wall-clock time the day before": a show at 02:30
// the day after Europe/Berlin springs forward is reminded at 01:30 local time, 24 real hours earlier. Shows
// are stored as UTC instants, so no zone enters the arithmetic; the zone only matters when a mail names the
// time (in each recipient's own zone).

export const REMINDER_KINDS = ['starts-24h', 'starts-10m'] as const
export type StartReminderKind = (typeof REMINDER_KINDS)[number]
export type ReminderKind = StartReminderKind | 'now-live'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/** How long before the planned start each reminder is due. */
export const REMINDER_LEAD_MS: Record<StartReminderKind, number> = { 'starts-24h': 24 * HOUR, 'starts-10m': 10 * MINUTE }

/**
 * A reminder delayed past its instant (a restart, a queue outage) is still worth sending until this long
 * before the start: the 24-hour one until an hour before (then the 10-minute one is close), the 10-minute
 * one until the start (after that, "now live" says it better).
 */
export const REMINDER_LATE_UNTIL_MS: Record<StartReminderKind, number> = { 'starts-24h': HOUR, 'starts-10m': 0 }

/** "now live" is sent while the show is live and at most this long after it started. */
export const NOW_LIVE_WINDOW_MS = 30 * MINUTE

/** The instant a reminder is due for a show planned to start at `start`. */
export function reminderInstant(kind: StartReminderKind, start: Date): Date {
  return new Date(start.getTime() - REMINDER_LEAD_MS[kind])
}

/** Whether a reminder for a show starting at `start` may still be sent at `now` (due, and not too late). */
export function reminderSendable(kind: StartReminderKind, start: Date, now: Date): boolean {
  const t = now.getTime()
  return t >= reminderInstant(kind, start).getTime() && t < start.getTime() - REMINDER_LATE_UNTIL_MS[kind]
}

/** Whether "now live" may still be sent at `now` for a show that went live at `startedAt`. */
export function nowLiveSendable(startedAt: Date, now: Date): boolean {
  const t = now.getTime()
  return t >= startedAt.getTime() && t < startedAt.getTime() + NOW_LIVE_WINDOW_MS
}

export type PlannedReminder = { kind: StartReminderKind; runAt: Date }

/**
 * The start reminders to schedule at `now` for a show starting at `start`: those still ahead, and — when
 * `includeLate` (boot-time reconcile of a reminder that never ran) — one that is due but not too late,
 * at `now`. A reminder whose time has passed is otherwise not scheduled: someone who answers five hours
 * before a show gets the 10-minute reminder, not a late "24 hours" one.
 */
export function plannedReminders(start: Date, now: Date, { includeLate = false }: { includeLate?: boolean } = {}): PlannedReminder[] {
  const plans: PlannedReminder[] = []
  for (const kind of REMINDER_KINDS) {
    const at = reminderInstant(kind, start)
    if (at.getTime() > now.getTime()) plans.push({ kind, runAt: at })
    else if (includeLate && reminderSendable(kind, start, now)) plans.push({ kind, runAt: now })
  }
  return plans
}
