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

/** Whether a scanned text looks like a badge token (else manual entry treats it as a badge number). */
export function looksLikeBadgeToken(code: string): boolean {
  return code.trim().startsWith(`${PREFIX}:`)
}
