import { createHmac, timingSafeEqual } from 'node:crypto'
import { getSessionSecret } from './secrets.server'

// The app's one signer of tokens that stand in for a sign-in: a mail's RSVP and unsubscribe links, a
// meeting's attendance links, a recording's media links. A token is `<payload>[.<expires>].<signature>`:
// the payload is the caller's string (it may contain dots; it is read from the end), `expires` is in epoch
// seconds, and the signature is a base64url HMAC-SHA256 under a key of its own per purpose, so a token of
// one purpose never passes for another (nor for a signed cookie). Nothing here is secret from the token's
// holder; the signature only proves we made it.

/** Every purpose, and whether its tokens carry an expiry. A purpose's tokens are always made the same way. */
const PURPOSES = {
  /** Engagement mails: a guest's RSVP confirmation and unsubscribe links (no expiry; they do one harmless thing). */
  'engagement-mail': { expires: false },
  /** A meeting confirmation mail's "I'll be there" / "can't make it" links (valid until the meeting starts). */
  'meeting-attendance': { expires: true },
  /** Links to a recording's files (segments, posters, clips), short-lived. */
  'recording-media': { expires: true },
  /** A fair badge's QR code (registration + fair; valid until a day after the fair ends; docs/decisions/025). */
  'fair-badge': { expires: true },
  /** The check code of a fair badge's printed number (registration + fair; expiry checked against the fair). */
  'fair-badge-number': { expires: false },
} as const satisfies Record<string, { expires: boolean }>

export type SignedTokenPurpose = keyof typeof PURPOSES

const MAX_TOKEN_LENGTH = 2000
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/
const EXPIRES = /^\d{1,12}$/

function keyFor(purpose: SignedTokenPurpose): string {
  // Derived from the app secret and the purpose (the same derivation the three signers this replaced used,
  // so links already mailed keep working).
  return `${getSessionSecret()}:${purpose}`
}

function signatureOf(purpose: SignedTokenPurpose, message: string): string {
  return createHmac('sha256', keyFor(purpose)).update(message).digest('base64url')
}

/**
 * A signed token for `payload`. Purposes whose tokens expire need `expiresAt` (rounded up to the second);
 * the others refuse one. Throws on a misuse (a programming error, not user input).
 */
export function sign(purpose: SignedTokenPurpose, payload: string, { expiresAt }: { expiresAt?: Date | number } = {}): string {
  if (payload.length === 0) throw new Error(`signed-token: empty payload for ${purpose}`)
  let message = payload
  if (PURPOSES[purpose].expires) {
    if (expiresAt === undefined) throw new Error(`signed-token: ${purpose} tokens need an expiry`)
    const ms = typeof expiresAt === 'number' ? expiresAt : expiresAt.getTime()
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`signed-token: bad expiry for ${purpose}`)
    message = `${payload}.${Math.ceil(ms / 1000)}`
  } else if (expiresAt !== undefined) {
    throw new Error(`signed-token: ${purpose} tokens carry no expiry`)
  }
  return `${message}.${signatureOf(purpose, message)}`
}

export type VerifiedToken = { ok: true; payload: string; expiresAt: Date | null }
export type TokenRejection = { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' }

/**
 * Checks a token of this purpose: its shape, then its signature (in constant time), then its expiry (a token
 * is expired from its `expires` second on). A forged token is `bad-signature` whatever its expiry says.
 */
export function verify(purpose: SignedTokenPurpose, token: unknown, now: Date | number): VerifiedToken | TokenRejection {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'malformed' }
  const sigAt = token.lastIndexOf('.')
  if (sigAt <= 0) return { ok: false, reason: 'malformed' }
  const message = token.slice(0, sigAt)
  const sig = token.slice(sigAt + 1)
  if (!SIGNATURE.test(sig)) return { ok: false, reason: 'malformed' }
  let payload = message
  let expiresAt: Date | null = null
  if (PURPOSES[purpose].expires) {
    const expAt = message.lastIndexOf('.')
    const exp = message.slice(expAt + 1)
    if (expAt <= 0 || !EXPIRES.test(exp)) return { ok: false, reason: 'malformed' }
    payload = message.slice(0, expAt)
    expiresAt = new Date(Number(exp) * 1000)
  }
  const expected = Buffer.from(signatureOf(purpose, message))
  const given = Buffer.from(sig)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad-signature' }
  const nowMs = typeof now === 'number' ? now : now.getTime()
  if (expiresAt && expiresAt.getTime() <= nowMs) return { ok: false, reason: 'expired' }
  return { ok: true, payload, expiresAt }
}
