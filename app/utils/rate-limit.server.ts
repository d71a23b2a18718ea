import { type IRateLimiterOptions, type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible'
import { getEnv } from './env.server'
import { getLogger } from './logger.server'
import { getSharedRedis, type RedisCommandClient } from './redis.server'
import { addressBudgetKey } from '~/lib/ip-network'

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

// Three keys per sign-in: one account guessed from one place, one place guessing many accounts, and one
// account guessed from many places (a botnet rotating addresses). The account-wide budget is larger than
// the per-address one, so a person typing a wrong password at home is not locked out by the office.
export const LOGIN_LIMITS = {
  byAccountAndIp: { keyPrefix: 'tradecast:login-account-ip', points: 10, duration: 15 * 60 },
  byIp: { keyPrefix: 'tradecast:login-ip', points: 50, duration: 15 * 60 },
  byAccount: { keyPrefix: 'tradecast:login-account', points: 20, duration: 15 * 60 },
} as const

/** Anti-automation budgets of the account pages (ASVS V2.2.1, V11.1.4). */
export const ACCOUNT_LIMITS = {
  /** New accounts from one address. */
  signupByIp: { keyPrefix: 'tradecast:signup-ip', points: 5, duration: 60 * 60 },
  /** Reset requests from one address (whatever the emails). */
  passwordResetByIp: { keyPrefix: 'tradecast:reset-ip', points: 10, duration: 60 * 60 },
  /** Reset mails to one address: nobody's inbox gets flooded. */
  passwordResetByEmail: { keyPrefix: 'tradecast:reset-email', points: 3, duration: 60 * 60 },
  /** Guest RSVPs (each mails a confirmation) from one address. */
  guestRsvpByIp: { keyPrefix: 'tradecast:rsvp-ip', points: 20, duration: 60 * 60 },
} as const

/**
 * Anti-automation budgets of trade actions that cost the other side work or goods (ASVS V11.1.4): each
 * counted per account and, more loosely, per address (an office shares one).
 */
export const TRADE_LIMITS = {
  rfqByAccount: { keyPrefix: 'tradecast:rfq-account', points: 20, duration: 60 * 60 },
  rfqByIp: { keyPrefix: 'tradecast:rfq-ip', points: 60, duration: 60 * 60 },
  freeSampleByAccount: { keyPrefix: 'tradecast:free-sample-account', points: 5, duration: 24 * 60 * 60 },
  freeSampleByIp: { keyPrefix: 'tradecast:free-sample-ip', points: 15, duration: 24 * 60 * 60 },
  meetingRequestByAccount: { keyPrefix: 'tradecast:meeting-account', points: 20, duration: 24 * 60 * 60 },
  meetingRequestByIp: { keyPrefix: 'tradecast:meeting-ip', points: 60, duration: 24 * 60 * 60 },
} as const

/**
 * New guest identities per network and hour, wherever a guest browser key is minted (the socket handshake,
 * server/realtime/handshake-guard.ts, and the replay view counter). Every cookieless visit would otherwise
 * mint a fresh guest, so a banned or rate-limited guest would come back clean and a script would inflate
 * viewer figures. Keyed on the IPv4 address, or the IPv6 /64 (one subscriber's usual allocation).
 */
export const GUEST_IDENTITY_BUDGET = { keyPrefix: 'tradecast:new-guests', points: 20, duration: 60 * 60 }

/**
 * Budgets of the replay view counter (public, guests included), per viewer (account, guest key, or the
 * address of a guest without one) and, more loosely, per address. A player starts a view per play and
 * beats every 15 s (plus on pause and when the page is left), so real viewers stay far below them.
 */
export const REPLAY_LIMITS = {
  replayStartByViewer: { keyPrefix: 'tradecast:replay-start-viewer', points: 60, duration: 60 * 60 },
  replayStartByIp: { keyPrefix: 'tradecast:replay-start-ip', points: 600, duration: 60 * 60 },
  replayBeatByViewer: { keyPrefix: 'tradecast:replay-beat-viewer', points: 30, duration: 60 },
  replayBeatByIp: { keyPrefix: 'tradecast:replay-beat-ip', points: 1200, duration: 60 },
} as const

type LimitName = keyof typeof LOGIN_LIMITS | keyof typeof ACCOUNT_LIMITS | keyof typeof TRADE_LIMITS | keyof typeof REPLAY_LIMITS | 'newGuestByIp'
const LIMIT_OPTIONS: Record<LimitName, IRateLimiterOptions & { keyPrefix: string }> = {
  ...LOGIN_LIMITS,
  ...ACCOUNT_LIMITS,
  ...TRADE_LIMITS,
  ...REPLAY_LIMITS,
  newGuestByIp: GUEST_IDENTITY_BUDGET,
}

let limiters: Map<LimitName, RateLimiterAbstract> | undefined

function getLimiter(name: LimitName): RateLimiterAbstract {
  limiters ??= new Map()
  let limiter = limiters.get(name)
  if (!limiter) {
    const client = getSharedRedis()
    const redis = client ? { client, scope: getEnv().REDIS_CHANNEL } : null
    // The per-address sign-in budget is the deployment's (LOGIN_ATTEMPTS_PER_IP): venues put many people behind one address.
    const options = name === 'byIp' ? { ...LIMIT_OPTIONS.byIp, points: getEnv().LOGIN_ATTEMPTS_PER_IP } : LIMIT_OPTIONS[name]
    limiter = createSharedLimiter({ ...options }, redis)
    limiters.set(name, limiter)
  }
  return limiter
}

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number }

async function verdictOf(consumptions: Array<Promise<unknown>>): Promise<RateLimitVerdict> {
  try {
    await Promise.all(consumptions)
    return { allowed: true }
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      return { allowed: false, retryAfterSeconds: Math.ceil(rejection.msBeforeNext / 1000) }
    }
    throw rejection
  }
}

export async function consumeLoginAttempt(clientIp: string, email: string): Promise<RateLimitVerdict> {
  const account = email.toLowerCase()
  const ip = addressBudgetKey(clientIp)
  return verdictOf([getLimiter('byAccountAndIp').consume(`${account}|${ip}`), getLimiter('byIp').consume(ip), getLimiter('byAccount').consume(account)])
}

/** One point of an account-page budget (see ACCOUNT_LIMITS). */
export function consumeRateLimit(name: keyof typeof ACCOUNT_LIMITS, key: string): Promise<RateLimitVerdict> {
  return verdictOf([getLimiter(name).consume(accountLimitKey(name, key))])
}

// Budgets "ByIp" count a client's network as addressBudgetKey sees it; the others an e-mail, in any case.
function accountLimitKey(name: keyof typeof ACCOUNT_LIMITS, key: string): string {
  return name.endsWith('ByIp') ? addressBudgetKey(key) : key.toLowerCase()
}

export type TradeAction = 'rfq' | 'freeSample' | 'meetingRequest'

/** One point of a trade action's budgets, for this account and this address (see TRADE_LIMITS). */
export function consumeTradeBudget(action: TradeAction, { userId, ip }: { userId: string; ip: string }): Promise<RateLimitVerdict> {
  return verdictOf([getLimiter(`${action}ByAccount`).consume(userId), getLimiter(`${action}ByIp`).consume(addressBudgetKey(ip))])
}

/** One point of the replay view budgets (see REPLAY_LIMITS): `viewerKey` names the account or guest, `ip` the address. */
export function consumeReplayBudget(action: 'start' | 'beat', { viewerKey, ip }: { viewerKey: string; ip: string }): Promise<RateLimitVerdict> {
  const prefix = action === 'start' ? 'replayStart' : 'replayBeat'
  return verdictOf([getLimiter(`${prefix}ByViewer`).consume(viewerKey), getLimiter(`${prefix}ByIp`).consume(addressBudgetKey(ip))])
}

/** One new guest identity from this address (see GUEST_IDENTITY_BUDGET); over it, a guest watches without being counted. */
export function consumeNewGuestIdentity(ip: string): Promise<RateLimitVerdict> {
  return verdictOf([getLimiter('newGuestByIp').consume(addressBudgetKey(ip))])
}

/** Gives a point back (the attempt turned out not to count, e.g. a sign-up refused for its input). Best effort. */
export async function refundRateLimit(name: keyof typeof ACCOUNT_LIMITS, key: string): Promise<void> {
  try {
    await getLimiter(name).reward(accountLimitKey(name, key), 1)
  } catch (error) {
    getLogger().warn({ err: error }, 'could not refund a rate-limit point')
  }
}

/**
 * A successful sign-in forgives that account's failed attempts (from this address and overall). Best
 * effort: if the shared store does not answer, the sign-in still succeeds (the attempts then simply expire).
 */
export async function resetLoginAttempts(clientIp: string, email: string): Promise<void> {
  const account = email.toLowerCase()
  const ip = addressBudgetKey(clientIp)
  try {
    await Promise.all([getLimiter('byAccountAndIp').delete(`${account}|${ip}`), getLimiter('byAccount').delete(account)])
  } catch (error) {
    getLogger().warn({ err: error }, 'could not reset sign-in attempts')
  }
}
