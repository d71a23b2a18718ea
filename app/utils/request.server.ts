import { getEnv } from './env.server'

/** Origin of a process started without APP_URL on the default port (development, tests). */
const LOCAL_ORIGIN = 'http://localhost:3000'

/**
 * The public origin for absolute links (mail, calendar files, Stripe's way back), without a trailing
 * slash: APP_URL when set, else the origin this request came to, else the local development origin.
 */
export function appOrigin(request?: Request): string {
  const configured = getEnv().APP_URL
  if (configured) return configured.replace(/\/$/, '')
  return request ? new URL(request.url).origin : LOCAL_ORIGIN
}

/** Header the HTTP server overwrites with the socket's address; never trusted from the client. */
export const CLIENT_IP_HEADER = 'x-tradecast-client-ip'

export function getClientIp(request: Request): string {
  return request.headers.get(CLIENT_IP_HEADER) ?? 'unknown'
}

// Any origin works as the base: only "did the input stay on it?" matters, and the result is a path.
const REDIRECT_BASE = new URL('http://tradecast.invalid')
// Browsers drop tabs and newlines inside URLs and read a backslash as "/", so "/<tab>/evil" or
// "/<backslash>evil" becomes "//evil" (another site). Rejected raw and percent-encoded alike.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE_IN_PATH = /[\u0000-\u001f\u007f\\]/

function decodedOrNull(value: string): string | null {
  try {
    return decodeURIComponent(value)
  } catch {
    return null
  }
}

/**
 * True when a URL's decoded path carries a control character, or its query a NUL (or either is not valid
 * percent-encoding). Such a URL names nothing here, and a NUL reaching a query is a PostgreSQL error.
 */
export function urlHasControlCharacters(href: string): boolean {
  const url = new URL(href)
  const path = decodedOrNull(url.pathname)
  const query = decodedOrNull(url.search.replace(/\+/g, ' '))
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return path === null || query === null || /[\u0000-\u001f\u007f]/.test(path) || query.includes('\u0000')
}

/**
 * The one redirect sanitizer: a same-origin path (with query and hash) to go to after sign-in,
 * sign-up or a preference change; anything else, the fallback.
 */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = '/dashboard'): string {
  if (typeof to !== 'string' || to.length === 0 || to.length > 2000) return fallback
  if (!to.startsWith('/') || to.startsWith('//') || UNSAFE_IN_PATH.test(to)) return fallback
  let url: URL
  try {
    url = new URL(to, REDIRECT_BASE)
  } catch {
    return fallback
  }
  if (url.origin !== REDIRECT_BASE.origin) return fallback
  const path = decodedOrNull(url.pathname)
  if (path === null || path.startsWith('//') || UNSAFE_IN_PATH.test(path)) return fallback
  return `${url.pathname}${url.search}${url.hash}`
}
