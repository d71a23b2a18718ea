import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

// Two keys per sign-in: one account guessed from many places, and one place guessing many accounts.
const loginByAccountAndIp = new RateLimiterMemory({ keyPrefix: 'login-account-ip', points: 10, duration: 15 * 60 })
const loginByIp = new RateLimiterMemory({ keyPrefix: 'login-ip', points: 50, duration: 15 * 60 })

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number }

export async function consumeLoginAttempt(ip: string, email: string): Promise<RateLimitVerdict> {
  try {
    await Promise.all([
      loginByAccountAndIp.consume(`${email.toLowerCase()}|${ip}`),
      loginByIp.consume(ip),
    ])
    return { allowed: true }
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      return { allowed: false, retryAfterSeconds: Math.ceil(rejection.msBeforeNext / 1000) }
    }
    throw rejection
  }
}

/** A successful sign-in forgives that account's failed attempts from this address. */
export async function resetLoginAttempts(ip: string, email: string): Promise<void> {
  await loginByAccountAndIp.delete(`${email.toLowerCase()}|${ip}`)
}
