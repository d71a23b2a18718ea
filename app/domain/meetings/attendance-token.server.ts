import { createHmac, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import { DomainError } from '~/domain/errors'
import { getSessionSecret } from '~/utils/secrets.server'
import type { MeetingSide } from './sides'

// The signed token of a confirmation mail's links: one meeting, one side, valid until the meeting's start.
// It only lets that side answer "I'll be there" / "can't make it" for that meeting (no sign-in), so a
// forwarded mail can do no more than that. Format: <meetingId>.<b|e>.<expires epoch s>.<HMAC-SHA256>.

const TOKEN = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_-]{1,40}\.[be]\.\d{1,12}\.[\w-]{43}$/)

function signature(meetingId: string, letter: string, expires: number): string {
  // Its own key: a confirmation link can never pass for a cookie or a media link.
  return createHmac('sha256', `${getSessionSecret()}:meeting-attendance`).update(`${meetingId}.${letter}.${expires}`).digest('base64url')
}

export function attendanceToken(meetingId: string, side: MeetingSide, validUntil: Date): string {
  const letter = side === 'buyer' ? 'b' : 'e'
  const expires = Math.ceil(validUntil.getTime() / 1000)
  return `${meetingId}.${letter}.${expires}.${signature(meetingId, letter, expires)}`
}

export type AttendanceTokenErrorCode = 'bad-token' | 'token-expired'

/** The meeting and side a token speaks for, or a DomainError (400 malformed or forged, 410 past its time). */
export function readAttendanceToken(token: unknown, now: Date): { meetingId: string; side: MeetingSide } {
  const parsed = TOKEN.safeParse(token)
  if (!parsed.success) throw new DomainError<AttendanceTokenErrorCode>('bad-token', { status: 400, messageKey: 'attendance.errors.badToken' })
  const [meetingId, letter, exp, sig] = parsed.data.split('.') as [string, 'b' | 'e', string, string]
  const expected = Buffer.from(signature(meetingId, letter, Number(exp)))
  const given = Buffer.from(sig)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new DomainError<AttendanceTokenErrorCode>('bad-token', { status: 400, messageKey: 'attendance.errors.badToken' })
  }
  if (Number(exp) * 1000 <= now.getTime()) {
    throw new DomainError<AttendanceTokenErrorCode>('token-expired', { status: 410, messageKey: 'attendance.errors.tokenExpired' })
  }
  return { meetingId, side: letter === 'b' ? 'buyer' : 'exporter' }
}
