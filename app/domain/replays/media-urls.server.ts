import { sign, verify } from '~/utils/signed-token.server'
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

// Signed by the app's signer (~/utils/signed-token.server, purpose 'recording-media': a key of its own, so a
// media link can never be replayed as a cookie value or a mail link) over `<recordingId>.<scope>`; the
// token's last two parts (expiry, signature) travel as the link's `exp` and `sig`.
function mediaToken(recordingId: string, scope: string, expires: number): string {
  return sign('recording-media', `${recordingId}.${scope}`, { expiresAt: expires * 1000 })
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
  const sig = mediaToken(recordingId, scopeOf(file), expires).split('.').at(-1) ?? ''
  return `${MEDIA_PATH_PREFIX}/${recordingId}/${file}?${new URLSearchParams({ exp: String(expires), sig })}`
}

export type MediaLinkCheck = { ok: true } | { ok: false; reason: 'malformed' | 'expired' | 'bad-signature' }

export function verifyMediaLink(recordingId: string, file: string, exp: unknown, sig: unknown, now = Date.now()): MediaLinkCheck {
  if (typeof exp !== 'string' || typeof sig !== 'string' || !/^\d{1,12}$/.test(exp) || !/^[\w-]{43}$/.test(sig)) return { ok: false, reason: 'malformed' }
  if (!isRecordingFileName(file) || !/^[a-z0-9]{16,40}$/.test(recordingId)) return { ok: false, reason: 'malformed' }
  const checked = verify('recording-media', `${recordingId}.${scopeOf(file)}.${exp}.${sig}`, now)
  return checked.ok ? { ok: true } : { ok: false, reason: checked.reason }
}
