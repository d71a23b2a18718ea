import { createClient } from 'redis'
import { getEnv } from './env.server'
import { getLogger } from './logger.server'

/**
 * A command unanswered for this long fails: on a silently dropped connection (no RST) a command would
 * otherwise wait for the kernel to give up on the socket, many minutes. Set here rather than left to
 * the client library's default (5 s in node-redis 6): every command of this app is a single-key
 * operation answered in well under a millisecond, and a rate limiter should fall back quickly.
 */
export const REDIS_COMMAND_TIMEOUT_MS = 2000

/**
 * A Redis client for this app: commands fail at once while Redis is unreachable (no offline queue, so
 * nothing waits on it; callers fall back) and after REDIS_COMMAND_TIMEOUT_MS when it stops answering,
 * and an outage is logged once when it starts and once when it ends, not at every reconnect attempt.
 */
export function createRedisClient(url: string, role: string) {
  const client = createClient({ url, disableOfflineQueue: true, commandOptions: { timeout: REDIS_COMMAND_TIMEOUT_MS } })
  let down = false
  client.on('error', (error: unknown) => {
    if (down) return
    down = true
    getLogger().warn({ err: error, role }, 'redis unreachable; retrying in the background')
  })
  client.on('ready', () => {
    if (!down) return
    down = false
    getLogger().info({ role }, 'redis reachable again')
  })
  return client
}

export type RedisCommandClient = ReturnType<typeof createRedisClient>

/** Closes gracefully when connected, at once otherwise (a graceful close waits for a reconnect that may never come). */
export async function closeRedisClient(client: RedisCommandClient): Promise<void> {
  if (client.isReady) await client.close().catch(() => client.destroy())
  else if (client.isOpen) client.destroy()
}

// One command connection per process for state every process must share (rate limits), when
// REDIS_URL is set. Kept on globalThis so dev-server reloads reuse it.
const holder = globalThis as typeof globalThis & { __tradecastRedis?: RedisCommandClient }

/**
 * The shared Redis connection, or null when REDIS_URL is not set (one process: memory is enough).
 * Returned at once, connected or not: node-redis keeps reconnecting, and callers (the rate limiters)
 * fall back to local state while it is not ready, so a Redis outage never blocks a request.
 */
export function getSharedRedis(): RedisCommandClient | null {
  const url = getEnv().REDIS_URL
  if (!url) return null
  if (!holder.__tradecastRedis) {
    const client = createRedisClient(url, 'shared state')
    // Errors are reported by the client's error listener; a first failed attempt keeps retrying.
    client.connect().catch(() => undefined)
    holder.__tradecastRedis = client
  }
  return holder.__tradecastRedis
}

export async function closeSharedRedis(): Promise<void> {
  const client = holder.__tradecastRedis
  holder.__tradecastRedis = undefined
  if (client) await closeRedisClient(client)
}

/** Connects a client, or fails after `timeoutMs` instead of waiting for Redis forever (used at boot). */
export async function connectWithin(client: RedisCommandClient, timeoutMs: number, what: string): Promise<RedisCommandClient> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: Redis did not answer within ${timeoutMs / 1000} s`)), timeoutMs)
  })
  try {
    await Promise.race([client.connect(), timeout])
    return client
  } catch (error) {
    client.destroy()
    throw error
  } finally {
    clearTimeout(timer)
  }
}
