import type { IncomingMessage } from 'node:http'
import type { TLSSocket } from 'node:tls'
import { type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible'
import { findActiveSessionUser, readSessionId } from '../../app/domain/accounts/session.server.ts'
import { networkPrefix } from '../../app/domain/live/room-identity.ts'
import { isOwnOrigin } from '../../app/utils/csrf.server.ts'
import { readGuestKey } from '../../app/utils/guest-key.server.ts'
import { getLogger } from '../../app/utils/logger.server.ts'
import { createSharedLimiter } from '../../app/utils/rate-limit.server.ts'
import type { RedisCommandClient } from '../../app/utils/redis.server.ts'

/** What the handshake guard learnt about a request, for the guest cookie and the identity. */
export type HandshakeRequest = IncomingMessage & {
  tradecastGuestKey?: string
  /** The network's budget of new guest identities was spent: this guest may watch, not chat, and is not counted. */
  tradecastGuestOverBudget?: boolean
}

/**
 * New guest identities per network and hour. Every cookieless connection would otherwise mint a
 * fresh guest, so a banned or rate-limited guest would come back clean and a script would inflate
 * viewer figures. Keyed on the IPv4 address, or the IPv6 /64 (one subscriber's usual allocation).
 */
export const GUEST_IDENTITY_BUDGET = { keyPrefix: 'tradecast:new-guests', points: 20, duration: 60 * 60 }

/**
 * The client's address. Socket.io requests do not pass through Express, so this follows the same
 * setting: behind a proxy (TRUST_PROXY=true) the address the nearest proxy appended to
 * X-Forwarded-For (the right-most one; anything left of it came from the client), else the peer.
 */
export function clientAddress(request: IncomingMessage): string {
  if (process.env.TRUST_PROXY === 'true') {
    const forwarded = request.headers['x-forwarded-for']
    const last = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',').map((part) => part.trim()).filter(Boolean).at(-1)
    if (last) return last
  }
  return request.socket.remoteAddress ?? 'unknown'
}

/** The origin the request was made to, as React Router sees it for pages (protocol + Host). */
function requestOrigin(request: IncomingMessage): string {
  const forwardedProto = process.env.TRUST_PROXY === 'true' ? String(request.headers['x-forwarded-proto'] ?? '').split(',')[0]?.trim() : ''
  const protocol = forwardedProto || ((request.socket as TLSSocket).encrypted ? 'https' : 'http')
  return `${protocol}://${request.headers.host ?? ''}`
}

function budgetKey(address: string): string {
  const prefix = networkPrefix(address)
  return prefix?.endsWith('/64') ? prefix : address
}

/**
 * Engine.IO's `allowRequest`, run once per connection before any namespace: refuses browsers on
 * other origins (a page elsewhere cannot use a visitor's cookies here, as with forms), then spends
 * one of the network's new-guest budget when the request brings neither a guest key nor a session.
 */
export function createHandshakeGuard(redis?: { client: RedisCommandClient; scope?: string | undefined }) {
  const newGuests: RateLimiterAbstract = createSharedLimiter(GUEST_IDENTITY_BUDGET, redis)
  return (request: HandshakeRequest, callback: (error: string | null | undefined, success: boolean) => void) => {
    if (!isOwnOrigin(request.headers.origin, requestOrigin(request))) {
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
        await newGuests.consume(budgetKey(clientAddress(request)))
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
