import { readCookie } from '~/lib/cookies'
import { getEnv } from './env.server'

// The request's "now". Logic never reads the clock itself, so tests can pin any instant: loaders and
// actions take it from here and pass it in. With ENABLE_TEST_HOOKS=1 (tests and the e2e server only) a
// `tc_test_now` cookie (ISO instant or epoch ms) or TEST_CLOCK_OFFSET_MS moves the clock; otherwise both
// are ignored.

export const TEST_CLOCK_COOKIE = 'tc_test_now'

export function requestNow(request: Request, real: Date = new Date()): Date {
  return cookieHeaderNow(request.headers.get('Cookie'), real)
}

/** The same "now" for a raw Cookie header (Socket.io handshakes). */
export function cookieHeaderNow(cookieHeader: string | null | undefined, real: Date = new Date()): Date {
  const env = getEnv()
  if (env.ENABLE_TEST_HOOKS !== '1') return real
  const override = readCookie(cookieHeader, TEST_CLOCK_COOKIE)
  if (override) {
    const parsed = /^\d+$/.test(override) ? new Date(Number(override)) : new Date(override)
    if (!Number.isNaN(parsed.getTime())) return parsed
  }
  return env.TEST_CLOCK_OFFSET_MS !== 0 ? new Date(real.getTime() + env.TEST_CLOCK_OFFSET_MS) : real
}

/** The process's "now" for background work (the job runner): TEST_CLOCK_OFFSET_MS moves it in tests. */
export function processNow(real: Date = new Date()): Date {
  const env = getEnv()
  return env.ENABLE_TEST_HOOKS === '1' && env.TEST_CLOCK_OFFSET_MS !== 0 ? new Date(real.getTime() + env.TEST_CLOCK_OFFSET_MS) : real
}
