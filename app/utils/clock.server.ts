// The request's "now". Logic never reads the clock itself (house style 14): loaders and actions take it
// from here and pass it in. With ENABLE_TEST_HOOKS=1 (tests and the e2e server only) a `tc_test_now`
// cookie (ISO instant or epoch ms) or TEST_CLOCK_OFFSET_MS moves the clock; otherwise both are ignored.

export const TEST_CLOCK_COOKIE = 'tc_test_now'

function testHooksEnabled(): boolean {
  return process.env.ENABLE_TEST_HOOKS === '1'
}

function readCookie(request: Request, name: string): string | null {
  return readCookieHeader(request.headers.get('Cookie'), name)
}

function readCookieHeader(header: string | null | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return decodeURIComponent(rest.join('='))
  }
  return null
}

export function requestNow(request: Request, real: Date = new Date()): Date {
  return clockFromOverride(readCookie(request, TEST_CLOCK_COOKIE), real)
}

/** The same "now" for a raw Cookie header (Socket.io handshakes). */
export function cookieHeaderNow(cookieHeader: string | null | undefined, real: Date = new Date()): Date {
  return clockFromOverride(readCookieHeader(cookieHeader, TEST_CLOCK_COOKIE), real)
}

function clockFromOverride(override: string | null, real: Date): Date {
  if (!testHooksEnabled()) return real
  if (override) {
    const parsed = /^\d+$/.test(override) ? new Date(Number(override)) : new Date(override)
    if (!Number.isNaN(parsed.getTime())) return parsed
  }
  const offset = Number(process.env.TEST_CLOCK_OFFSET_MS ?? 0)
  return Number.isFinite(offset) && offset !== 0 ? new Date(real.getTime() + offset) : real
}
