import { type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible'
import { ProtocolError } from './errors.ts'

/**
 * Spends one point of `key`'s budget; an exhausted budget is a `rate-limited` refusal (with the wait
 * when `withRetryAfter`, for protocols whose acks carry it).
 */
export async function spend(limiter: RateLimiterAbstract, key: string, message: string, withRetryAfter = false): Promise<void> {
  try {
    await limiter.consume(key)
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) throw new ProtocolError('rate-limited', message, withRetryAfter ? rejection.msBeforeNext : undefined)
    throw rejection
  }
}
