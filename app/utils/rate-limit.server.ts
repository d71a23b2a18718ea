import { type IRateLimiterOptions, type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible'
import { getEnv } from './env.server'
import { getLogger } from './logger.server'
import { getSharedRedis, type RedisCommandClient } from './redis.server'

/**
 * A limiter every process shares when Redis is there (so N processes do not allow N times the
 * limit), falling back to this process's own count whenever Redis does not answer.
 */
export function createSharedLimiter(
  options: IRateLimiterOptions & { keyPrefix: string },
  redis: { client: RedisCommandClient; scope?: string | undefined } | null | undefined,
): RateLimiterAbstract {
  const local = new RateLimiterMemory(options)
  if (!redis) return local
  // Deployments sharing one Redis keep their counts apart by their channel (REDIS_CHANNEL).
  const keyPrefix = redis.scope ? `${redis.scope}:${options.keyPrefix}` : options.keyPrefix
  return new RateLimiterRedis({ ...options, keyPrefix, storeClient: redis.client, useRedisPackage: true, rejectIfRedisNotReady: true, insuranceLimiter: local })
}

// Two keys per sign-in: one account guessed from many places, and one place guessing many accounts.
export const LOGIN_LIMITS = {
  byAccountAndIp: { keyPrefix: 'tradecast:login-account-ip', points: 10, duration: 15 * 60 },
  byIp: { keyPrefix: 'tradecast:login-ip', points: 50, duration: 15 * 60 },
} as const

let loginLimiters: { byAccountAndIp: RateLimiterAbstract; byIp: RateLimiterAbstract } | undefined

function getLoginLimiters() {
  if (!loginLimiters) {
    const client = getSharedRedis()
    const redis = client ? { client, scope: getEnv().REDIS_CHANNEL } : null
    loginLimiters = {
      byAccountAndIp: createSharedLimiter({ ...LOGIN_LIMITS.byAccountAndIp }, redis),
      byIp: createSharedLimiter({ ...LOGIN_LIMITS.byIp }, redis),
    }
  }
  return loginLimiters
}

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number }

export async function consumeLoginAttempt(ip: string, email: string): Promise<RateLimitVerdict> {
  const limiters = getLoginLimiters()
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

/**
 * A successful sign-in forgives that account's failed attempts from this address. Best effort: if the
 * shared store does not answer, the sign-in still succeeds (the attempts then simply expire).
 */
export async function resetLoginAttempts(ip: string, email: string): Promise<void> {
  try {
    await getLoginLimiters().byAccountAndIp.delete(`${email.toLowerCase()}|${ip}`)
  } catch (error) {
    getLogger().warn({ err: error }, 'could not reset sign-in attempts')
  }
}
