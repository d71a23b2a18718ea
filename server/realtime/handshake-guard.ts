import type { IncomingMessage } from 'node:http'
import express from 'express'
import { type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible'
import { findActiveSessionUser, readSessionId } from '../../app/domain/accounts/session.server.ts'
import { addressBudgetKey } from '../../app/lib/ip-network.ts'
import { isOwnOrigin } from '../../app/utils/csrf.server.ts'
import { getEnv, type TrustProxy } from '../../app/utils/env.server.ts'
import { readGuestKey } from '../../app/utils/guest-key.server.ts'
import { getLogger } from '../../app/utils/logger.server.ts'
import { createSharedLimiter, GUEST_IDENTITY_BUDGET } from '../../app/utils/rate-limit.server.ts'
import type { RedisCommandClient } from '../../app/utils/redis.server.ts'

/** What the handshake guard learnt about a request, for the guest cookie and the identity. */
export type HandshakeRequest = IncomingMessage & {
  tradecastGuestKey?: string
  /** The network's budget of new guest identities was spent: this guest may watch, not chat, and is not counted. */
  tradecastGuestOverBudget?: boolean
  /** The client's address (clientAddress), read once per connection. */
  tradecastClientAddress?: string
}

// New guest identities per network and hour (defined with the other budgets; the replay view counter mints keys on it too).
export { GUEST_IDENTITY_BUDGET }

/** Express's compiled `trust proxy` function (address, hop index) for the TRUST_PROXY setting. */
type TrustFn = (address: string, hop: number) => boolean

function trustOf(setting: TrustProxy): TrustFn {
  return express().set('trust proxy', setting).get('trust proxy fn') as TrustFn
}

/**
 * The client's address, as Express computes `req.ip` for pages (Socket.io requests do not pass
 * through Express): the peer, then X-Forwarded-For from right to left while the hop is a trusted
 * proxy (TRUST_PROXY: a hop count or the proxies' addresses), never a client-written left-most entry.
 */
export function clientAddress(request: IncomingMessage, trust: TrustFn = trustOf(getEnv().TRUST_PROXY)): string {
  const forwarded = request.headers['x-forwarded-for']
  const chain = [
    request.socket.remoteAddress ?? 'unknown',
    ...(Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? ''))
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)
      .reverse(),
  ]
  for (const [hop, address] of chain.slice(0, -1).entries()) if (!trust(address, hop)) return address
  return chain.at(-1) ?? 'unknown' // not reached: the peer is always first
}

/** The origin the request was made to, as React Router sees it for pages (protocol + Host). */
function requestOrigin(request: IncomingMessage, trust: TrustFn): string {
  const direct = 'encrypted' in request.socket && request.socket.encrypted ? 'https' : 'http'
  const forwarded = trust(request.socket.remoteAddress ?? '', 0)
    ? String(request.headers['x-forwarded-proto'] ?? '')
        .split(',')[0]
        ?.trim()
    : ''
  return `${forwarded || direct}://${request.headers.host ?? ''}`
}

/**
 * Engine.IO's `allowRequest`, run once per connection before any namespace: refuses browsers on
 * other origins (a page elsewhere cannot use a visitor's cookies here, as with forms), then spends
 * one of the network's new-guest budget when the request brings neither a guest key nor a session.
 */
export function createHandshakeGuard(redis?: { client: RedisCommandClient; scope?: string | undefined }) {
  const newGuests: RateLimiterAbstract = createSharedLimiter(GUEST_IDENTITY_BUDGET, redis)
  const trust = trustOf(getEnv().TRUST_PROXY)
  return (request: HandshakeRequest, callback: (error: string | null | undefined, success: boolean) => void) => {
    request.tradecastClientAddress = clientAddress(request, trust)
    if (!isOwnOrigin(request.headers.origin, requestOrigin(request, trust))) {
      callback('origin not allowed', false)
      return
    }
    void (async () => {
      const cookie = request.headers.cookie ?? null
      if (readGuestKey(cookie)) return
      // A signed-in visitor needs no guest identity (a kept cookie of a deleted session does not count).
      const sessionId = await readSessionId(cookie)
      if (sessionId && (await findActiveSessionUser(sessionId))) return
      try {
        await newGuests.consume(addressBudgetKey(request.tradecastClientAddress ?? 'unknown'))
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection
        request.tradecastGuestOverBudget = true
      }
    })()
      .then(() => callback(null, true))
      .catch((error: unknown) => {
        getLogger().error({ err: error }, 'socket handshake check failed')
        callback('handshake failed', false)
      })
  }
}
