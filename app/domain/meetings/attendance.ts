// Meeting attendance rules (docs/meeting-attendance.md), pure: callers pass `now` and the settings.
import type { MeetingRole } from '~/generated/prisma/client'
import type { MeetingSide } from './sides'

const HOUR_MS = 3_600_000
const MINUTE_MS = 60_000

/** The confirmation request goes out this long before the start. */
export const CONFIRMATION_LEAD_MS = 24 * HOUR_MS

/** Statuses of a proposal waiting for an answer (they expire at respondBy). */
export const OPEN_PROPOSAL = ['REQUESTED', 'RESCHEDULE_PROPOSED'] as const
/** Meetings the one-click reschedule starts from. */
export const RESCHEDULABLE = ['DECLINED', 'EXPIRED', 'NO_SHOW', 'CANCELLED'] as const

/** Why a meeting was called off from the confirmation ("can't make it"). */
export const CANT_MAKE_IT = 'cant-make-it'

/**
 * When an open proposal made at `now` expires if nobody answers: `expiryHours` later, but never after the
 * meeting's start (an answer after the start could not be used anyway).
 */
export function respondByFor(now: Date, startsAt: Date, expiryHours: number): Date {
  return new Date(Math.min(now.getTime() + expiryHours * HOUR_MS, startsAt.getTime()))
}

/**
 * An expiry job running this long after respondBy is a catch-up (the app was down, or the proposal got its
 * respondBy from the migration's backfill, possibly long past): the proposal still expires, silently.
 */
export const EXPIRY_CATCH_UP_MS = HOUR_MS

/**
 * Whether an expiry at `now` is a late catch-up rather than the expiry itself. respondBy is never after the
 * start, so this also covers every proposal whose start has long passed: telling both sides then that an
 * old request went unanswered is noise (and at the first boot after the migration, a burst of it).
 */
export function isCatchUpExpiry(respondBy: Date, now: Date): boolean {
  return now.getTime() - respondBy.getTime() > EXPIRY_CATCH_UP_MS
}

/**
 * When the confirmation request of an accepted meeting goes out: 24 h before the start, or at once when
 * it was accepted later than that (still before the start).
 */
export function confirmationRunAt(startsAt: Date, now: Date): Date {
  return new Date(Math.max(startsAt.getTime() - CONFIRMATION_LEAD_MS, now.getTime()))
}

/** When the room's attendance of an accepted meeting is marked: the end plus a grace. */
export function attendanceRunAt(endsAt: Date, graceMinutes: number): Date {
  return new Date(endsAt.getTime() + graceMinutes * MINUTE_MS)
}

export type AttendanceVerdict = { status: 'HELD' | 'NO_SHOW'; buyerAbsent: boolean; exporterAbsent: boolean }

/**
 * HELD when someone of each side joined the room at least once; NO_SHOW otherwise, with the side(s) that
 * never did. An interpreter's seat counts for neither side; any exporter seat (owner or colleague) counts
 * for the exporter.
 */
export function attendanceVerdict(seats: ReadonlyArray<{ role: MeetingRole; joinedAt: Date | null }>): AttendanceVerdict {
  const joined = (role: MeetingRole) => seats.some((seat) => seat.role === role && seat.joinedAt !== null)
  const buyerAbsent = !joined('BUYER')
  const exporterAbsent = !joined('EXPORTER')
  return { status: buyerAbsent || exporterAbsent ? 'NO_SHOW' : 'HELD', buyerAbsent, exporterAbsent }
}

export type ConfirmationState = 'confirmed' | 'waiting' | 'not-asked'

/** A side's confirmation as the meeting page and list show it. */
export function confirmationState(meeting: { confirmationSentAt: Date | null }, confirmedAt: Date | null): ConfirmationState {
  if (confirmedAt) return 'confirmed'
  return meeting.confirmationSentAt ? 'waiting' : 'not-asked'
}

export const SIDE_LETTER = { buyer: 'b', exporter: 'e' } as const satisfies Record<MeetingSide, string>

/** The attendance columns every view of a meeting reads (getMeetingView, listMeetings). */
export const ATTENDANCE_SELECT = {
  respondBy: true,
  confirmationSentAt: true,
  buyerConfirmedAt: true,
  exporterConfirmedAt: true,
  cancelReason: true,
  cancelledBySide: true,
  attendanceMarkedAt: true,
  buyerAbsent: true,
  exporterAbsent: true,
  rescheduledFromId: true,
  rescheduledAs: { select: { id: true } },
} as const

type AttendanceRow = {
  respondBy: Date | null
  confirmationSentAt: Date | null
  buyerConfirmedAt: Date | null
  exporterConfirmedAt: Date | null
  cancelReason: string | null
  cancelledBySide: MeetingRole | null
  attendanceMarkedAt: Date | null
  buyerAbsent: boolean | null
  exporterAbsent: boolean | null
  rescheduledFromId: string | null
  rescheduledAs: { id: string } | null
}

function cantMakeItSide(row: Pick<AttendanceRow, 'cancelReason' | 'cancelledBySide'>): MeetingSide | null {
  if (row.cancelReason !== CANT_MAKE_IT || !row.cancelledBySide) return null
  return row.cancelledBySide === 'BUYER' ? 'buyer' : 'exporter'
}

/** What the meeting page and list show of attendance (serialisable). */
export function attendanceView(row: AttendanceRow) {
  return {
    respondBy: row.respondBy?.toISOString() ?? null,
    confirmation: {
      buyer: confirmationState(row, row.buyerConfirmedAt),
      exporter: confirmationState(row, row.exporterConfirmedAt),
    },
    cantMakeItBy: cantMakeItSide(row),
    /** Set when the room marked the meeting (not when a person recorded the outcome). */
    absent: row.attendanceMarkedAt && row.buyerAbsent !== null ? { buyer: row.buyerAbsent, exporter: row.exporterAbsent === true } : null,
    rescheduledFromId: row.rescheduledFromId,
    rescheduledAsId: row.rescheduledAs?.id ?? null,
  }
}
export type AttendanceView = ReturnType<typeof attendanceView>
