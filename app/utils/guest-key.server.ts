import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { readCookie } from '~/lib/cookies'
import { getSessionSecret, isCookieSecure } from './secrets.server'

// A guest's browser key for public showcases (identity for chat sanctions). Signed synchronously
// because it is minted inside engine.io's synchronous `initial_headers` hook.

export const GUEST_COOKIE = 'tc_guest'

function sign(key: string): string {
  return createHmac('sha256', getSessionSecret()).update(`guest:${key}`).digest('base64url').slice(0, 32)
}

export function mintGuestCookie(): { key: string; setCookie: string } {
  const key = randomBytes(12).toString('base64url')
  const value = `${key}.${sign(key)}`
  const secure = isCookieSecure() ? '; Secure' : ''
  return { key, setCookie: `${GUEST_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000${secure}` }
}

/** The verified guest key from a Cookie header, or null when absent or forged. */
export function readGuestKey(cookieHeader: string | undefined | null): string | null {
  const raw = readCookie(cookieHeader, GUEST_COOKIE)
  if (!raw) return null
  const [key, signature] = raw.split('.')
  if (!key || !signature) return null
  const expected = Buffer.from(sign(key))
  const given = Buffer.from(signature)
  return expected.length === given.length && timingSafeEqual(expected, given) ? key : null
}
