import { createHmac, timingSafeEqual } from 'node:crypto'
import { getSessionSecret } from '~/utils/secrets.server'
import { isRecordingFileName } from './storage.server'

/** How long a signed media link works: long enough for a replay watched to its end with pauses. */
export const MEDIA_LINK_LIFETIME_SECONDS = 6 * 3600
export const MEDIA_PATH_PREFIX = '/media/recordings'

function signature(recordingId: string, expires: number): string {
  // A separate key from the cookie signatures: a media link can never be replayed as a cookie value.
  return createHmac('sha256', `${getSessionSecret()}:recording-media`).update(`${recordingId}.${expires}`).digest('base64url')
}

/**
 * A link to one file of a recording (segment, poster, clip). Access is decided once, where the link
 * is made (the playlist or page loader checks who may watch); the file route only checks the
 * signature, so segments are served without a database read and can sit in a CDN.
 */
export function signedMediaUrl(recordingId: string, file: string, now = Date.now()): string {
  // Rounded to the hour: the same link for an hour, so players and caches reuse it.
  const expires = Math.ceil(now / 1000 / 3600) * 3600 + MEDIA_LINK_LIFETIME_SECONDS
  return `${MEDIA_PATH_PREFIX}/${recordingId}/${file}?${new URLSearchParams({ exp: String(expires), sig: signature(recordingId, expires) })}`
}

export type MediaLinkCheck = { ok: true } | { ok: false; reason: 'malformed' | 'expired' | 'bad-signature' }

export function verifyMediaLink(recordingId: string, file: string, exp: unknown, sig: unknown, now = Date.now()): MediaLinkCheck {
  if (typeof exp !== 'string' || typeof sig !== 'string' || !/^\d{1,12}$/.test(exp) || !/^[\w-]{43}$/.test(sig)) return { ok: false, reason: 'malformed' }
  if (!isRecordingFileName(file) || !/^[a-z0-9]{16,40}$/.test(recordingId)) return { ok: false, reason: 'malformed' }
  const expires = Number(exp)
  if (expires * 1000 < now) return { ok: false, reason: 'expired' }
  const expected = Buffer.from(signature(recordingId, expires))
  const given = Buffer.from(sig)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad-signature' }
  return { ok: true }
}
