import { type IRateLimiterOptions, type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible'
import { getSharedRedis, type RedisCommandClient } from './redis.server'

/**
 * A limiter every process shares when Redis is there (so N processes do not allow N times the
 * limit), falling back to this process's own count whenever Redis does not answer.
 */
export function createSharedLimiter(options: IRateLimiterOptions & { keyPrefix: string }, redis: RedisCommandClient | null | undefined): RateLimiterAbstract {
  const local = new RateLimiterMemory(options)
  return redis ? new RateLimiterRedis({ ...options, storeClient: redis, useRedisPackage: true, rejectIfRedisNotReady: true, insuranceLimiter: local }) : local
}

// Two keys per sign-in: one account guessed from many places, and one place guessing many accounts.
export const LOGIN_LIMITS = {
  byAccountAndIp: { keyPrefix: 'tradecast:login-account-ip', points: 10, duration: 15 * 60 },
  byIp: { keyPrefix: 'tradecast:login-ip', points: 50, duration: 15 * 60 },
} as const

let loginLimiters: Promise<{ byAccountAndIp: RateLimiterAbstract; byIp: RateLimiterAbstract }> | undefined

function getLoginLimiters() {
  loginLimiters ??= (async () => {
    const redis = await (getSharedRedis() ?? Promise.resolve(null)).catch(() => null)
    return {
      byAccountAndIp: createSharedLimiter({ ...LOGIN_LIMITS.byAccountAndIp }, redis),
      byIp: createSharedLimiter({ ...LOGIN_LIMITS.byIp }, redis),
    }
  })()
  return loginLimiters
}

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number }

export async function consumeLoginAttempt(ip: string, email: string): Promise<RateLimitVerdict> {
  const limiters = await getLoginLimiters()
  try {
    await Promise.all([limiters.byAccountAndIp.consume(`${email.toLowerCase()}|${ip}`), limiters.byIp.consume(ip)])
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
  await (await getLoginLimiters()).byAccountAndIp.delete(`${email.toLowerCase()}|${ip}`)
}
