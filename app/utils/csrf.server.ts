import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createCookie, data } from 'react-router'
import { getEnv } from './env.server'
import { getSessionSecret, isCookieSecure } from './secrets.server'

export const CSRF_FIELD = 'csrf'

let csrfCookie: ReturnType<typeof createCookie> | undefined

function getCsrfCookie() {
  csrfCookie ??= createCookie('tc_csrf', {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: isCookieSecure(),
    secrets: [getSessionSecret()],
  })
  return csrfCookie
}

async function readCookieToken(request: Request): Promise<string | null> {
  const value: unknown = await getCsrfCookie().parse(request.headers.get('Cookie'))
  return typeof value === 'string' && value.length >= 32 ? value : null
}

/**
 * Double-submit token: a signed HttpOnly cookie plus the same value rendered into every form.
 * Returns the token and, when a new one was minted, the Set-Cookie header to send.
 */
export async function ensureCsrfToken(request: Request): Promise<{ token: string; setCookie: string | null }> {
  const existing = await readCookieToken(request)
  if (existing) return { token: existing, setCookie: null }
  const token = randomBytes(32).toString('base64url')
  return { token, setCookie: await getCsrfCookie().serialize(token) }
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

/**
 * Whether a request's Origin header is the app's own: the origin the request was made to, or
 * APP_URL's. Non-browser clients send no Origin (and cannot carry a victim's cookies), so none
 * passes; an opaque "null" origin does not. Shared by forms and the Socket.io handshake.
 */
export function isOwnOrigin(origin: string | null | undefined, requestOrigin: string): boolean {
  if (!origin || origin === 'null') return origin !== 'null'
  const configured = getEnv().APP_URL
  return origin === requestOrigin || (!!configured && origin === new URL(configured).origin)
}

function originAllowed(request: Request): boolean {
  // Non-browser clients send no Origin; the token check still applies to them.
  return isOwnOrigin(request.headers.get('Origin'), new URL(request.url).origin)
}

/** Throws 403 unless the form carries the token of this browser's cookie and comes from our origin. */
export async function validateCsrf(request: Request, formData: FormData): Promise<void> {
  const cookieToken = await readCookieToken(request)
  const formToken = formData.get(CSRF_FIELD)
  if (!originAllowed(request) || !cookieToken || typeof formToken !== 'string' || !sameToken(cookieToken, formToken)) {
    throw data({ reason: 'csrf' }, { status: 403 })
  }
}
