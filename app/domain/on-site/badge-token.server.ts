import { timingSafeEqual } from 'node:crypto'
import { sign, verify } from '~/utils/signed-token.server'

// A fair badge's QR code is a token of the app's one signer (purpose 'fair-badge', docs/decisions/025):
// `fb1:<registrationId>:<fairId>.<expires>.<signature>`. It names the registration and the fair, cannot be
// made without the app secret, and expires a day after the fair ends. It is not the only check: a scan
// also reads the registration, so a badge stops working the moment its registration is withdrawn or
// rejected (no list of revoked tokens to keep).

const PREFIX = 'fb1'
const ID = /^[A-Za-z0-9_-]{1,64}$/
/** Badges stay valid this long after the fair ends (late scans from a device that was offline). */
export const BADGE_GRACE_MS = 24 * 60 * 60 * 1000

export function badgeExpiry(fair: { endsAt: Date }): Date {
  return new Date(fair.endsAt.getTime() + BADGE_GRACE_MS)
}

export function badgeToken(registration: { id: string; fairId: string }, fair: { endsAt: Date }): string {
  return sign('fair-badge', `${PREFIX}:${registration.id}:${registration.fairId}`, { expiresAt: badgeExpiry(fair) })
}

export type BadgeTokenResult = { ok: true; registrationId: string; fairId: string } | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' }

export function readBadgeToken(token: unknown, now: Date): BadgeTokenResult {
  const result = verify('fair-badge', typeof token === 'string' ? token.trim() : token, now)
  if (!result.ok) return result
  const [prefix, registrationId, fairId, ...rest] = result.payload.split(':')
  if (prefix !== PREFIX || rest.length > 0 || !registrationId || !fairId || !ID.test(registrationId) || !ID.test(fairId)) {
    return { ok: false, reason: 'malformed' }
  }
  return { ok: true, registrationId, fairId }
}

// The number printed under the QR code, typed at a desk whose camera fails: `<registrationId>-<CODE>`, CODE
// being ten base32 characters (50 bits) of an HMAC of the registration and the fair under the signer's key
// (purpose 'fair-badge-number'). It cannot be made from the registration id alone; its expiry is the
// badge's (a day after the fair ends, checked against the fair when it is typed, like the QR code's).
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
const CODE_LENGTH = 10
const NUMBER = /^([A-Za-z0-9_-]{1,64})-([A-Za-z2-7]{10})$/

function base32(bytes: Buffer, length: number): string {
  let out = ''
  let bits = 0
  let value = 0
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5 && out.length < length) {
      out += BASE32.charAt((value >>> (bits - 5)) & 31)
      bits -= 5
    }
    value &= (1 << bits) - 1
    if (out.length >= length) break
  }
  return out
}

function numberCode(registrationId: string, fairId: string): string {
  const token = sign('fair-badge-number', `${PREFIX}n:${registrationId}:${fairId}`)
  return base32(Buffer.from(token.slice(token.lastIndexOf('.') + 1), 'base64url'), CODE_LENGTH)
}

/** The badge number printed and shown under the QR code. */
export function badgeNumber(registration: { id: string; fairId: string }): string {
  return `${registration.id}-${numberCode(registration.id, registration.fairId)}`
}

export type BadgeNumberResult = { ok: true; registrationId: string } | { ok: false; reason: 'malformed' | 'bad-signature' }

/**
 * Checks a typed badge number's code for this fair (in constant time; case and spaces forgiven). A number
 * of another fair is `bad-signature` here; the caller then checks the registration and the badge's expiry.
 */
export function readBadgeNumber(typed: string, fairId: string): BadgeNumberResult {
  const match = NUMBER.exec(typed.trim().replace(/\s+/g, ''))
  if (!match) return { ok: false, reason: 'malformed' }
  const [, registrationId = '', code = ''] = match
  const expected = Buffer.from(numberCode(registrationId, fairId))
  const given = Buffer.from(code.toUpperCase())
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad-signature' }
  return { ok: true, registrationId }
}

/** Whether a scanned text looks like a badge token (else manual entry treats it as a badge number). */
export function looksLikeBadgeToken(code: string): boolean {
  return code.trim().startsWith(`${PREFIX}:`)
}
