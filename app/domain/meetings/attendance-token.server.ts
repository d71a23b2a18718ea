import { z } from 'zod'
import { DomainError } from '~/domain/errors'
import { sign, verify } from '~/utils/signed-token.server'
import type { MeetingSide } from './sides'

// The signed token of a confirmation mail's links: one meeting, one side, valid until the meeting's start.
// It only lets that side answer "I'll be there" / "can't make it" for that meeting (no sign-in), so a
// forwarded mail can do no more than that. Format: <meetingId>.<b|e>.<expires epoch s>.<HMAC-SHA256>, made
// by the app's signer (~/utils/signed-token.server, purpose 'meeting-attendance', its own key: a confirmation
// link can never pass for a cookie or a media link).

const TOKEN = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_-]{1,40}\.[be]\.\d{1,12}\.[\w-]{43}$/)

export function attendanceToken(meetingId: string, side: MeetingSide, validUntil: Date): string {
  const letter = side === 'buyer' ? 'b' : 'e'
  return sign('meeting-attendance', `${meetingId}.${letter}`, { expiresAt: validUntil })
}

export type AttendanceTokenErrorCode = 'bad-token' | 'token-expired'

/** The meeting and side a token speaks for, or a DomainError (400 malformed or forged, 410 past its time). */
export function readAttendanceToken(token: unknown, now: Date): { meetingId: string; side: MeetingSide } {
  const parsed = TOKEN.safeParse(token)
  if (!parsed.success) throw new DomainError<AttendanceTokenErrorCode>('bad-token', { status: 400, messageKey: 'attendance.errors.badToken' })
  const checked = verify('meeting-attendance', parsed.data, now)
  if (!checked.ok && checked.reason === 'expired') {
    throw new DomainError<AttendanceTokenErrorCode>('token-expired', { status: 410, messageKey: 'attendance.errors.tokenExpired' })
  }
  if (!checked.ok) throw new DomainError<AttendanceTokenErrorCode>('bad-token', { status: 400, messageKey: 'attendance.errors.badToken' })
  const [meetingId = '', letter] = checked.payload.split('.')
  return { meetingId, side: letter === 'b' ? 'buyer' : 'exporter' }
}
