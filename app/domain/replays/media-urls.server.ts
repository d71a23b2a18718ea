import { createHmac, timingSafeEqual } from 'node:crypto'
import { getSessionSecret } from '~/utils/secrets.server'
import { isRecordingFileName } from './storage.server'

/** How long a signed media link works: long enough for a replay watched to its end with pauses. */
export const MEDIA_LINK_LIFETIME_SECONDS = 6 * 3600
/** Links in the live playlist: it is reloaded every segment, so its links need not outlive the show by much. */
export const LIVE_MEDIA_LINK_LIFETIME_SECONDS = 15 * 60
export const MEDIA_PATH_PREFIX = '/media/recordings'

const SEGMENT_FILE = /^p\d{3,}-\d{5,}\.ts$/

/**
 * What a link opens: the segments of the recording (they are only listed by playlists, which decide who
 * may watch), or exactly one other file (a poster, a clip). A poster's link never opens the video.
 */
function scopeOf(file: string): string {
  return SEGMENT_FILE.test(file) ? 'segments' : `file:${file}`
}

function signature(recordingId: string, scope: string, expires: number): string {
  // A separate key from the cookie signatures: a media link can never be replayed as a cookie value.
  return createHmac('sha256', `${getSessionSecret()}:recording-media`).update(`${recordingId}.${scope}.${expires}`).digest('base64url')
}

/**
 * A link to one file of a recording (segment, poster, clip). Access is decided once, where the link
 * is made (the playlist or page loader checks who may watch); the file route only checks the
 * signature, so segments are served without a database read and can sit in a CDN.
 */
export function signedMediaUrl(
  recordingId: string,
  file: string,
  { now = Date.now(), lifetimeSeconds = MEDIA_LINK_LIFETIME_SECONDS }: { now?: number; lifetimeSeconds?: number } = {},
): string {
  // Rounded up to the quarter hour: the same link for a while, so players and caches reuse it.
  const expires = Math.ceil(now / 1000 / 900) * 900 + lifetimeSeconds
  return `${MEDIA_PATH_PREFIX}/${recordingId}/${file}?${new URLSearchParams({ exp: String(expires), sig: signature(recordingId, scopeOf(file), expires) })}`
}

export type MediaLinkCheck = { ok: true } | { ok: false; reason: 'malformed' | 'expired' | 'bad-signature' }

export function verifyMediaLink(recordingId: string, file: string, exp: unknown, sig: unknown, now = Date.now()): MediaLinkCheck {
  if (typeof exp !== 'string' || typeof sig !== 'string' || !/^\d{1,12}$/.test(exp) || !/^[\w-]{43}$/.test(sig)) return { ok: false, reason: 'malformed' }
  if (!isRecordingFileName(file) || !/^[a-z0-9]{16,40}$/.test(recordingId)) return { ok: false, reason: 'malformed' }
  const expires = Number(exp)
  if (expires * 1000 < now) return { ok: false, reason: 'expired' }
  const expected = Buffer.from(signature(recordingId, scopeOf(file), expires))
  const given = Buffer.from(sig)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad-signature' }
  return { ok: true }
}
