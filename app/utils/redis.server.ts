import { createClient } from 'redis'
import { getEnv } from './env.server'
import { getLogger } from './logger.server'

const newClient = (url: string) => createClient({ url })
export type RedisCommandClient = ReturnType<typeof newClient>

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
    const client = newClient(url)
    client.on('error', (error: unknown) => getLogger().warn({ err: error }, 'redis (shared state) unavailable'))
    client.connect().catch((error: unknown) => getLogger().error({ err: error }, 'redis (shared state) connect failed'))
    holder.__tradecastRedis = client
  }
  return holder.__tradecastRedis
}

export async function closeSharedRedis(): Promise<void> {
  const client = holder.__tradecastRedis
  holder.__tradecastRedis = undefined
  if (!client) return
  if (client.isReady) await client.quit().catch(() => client.destroy())
  else client.destroy()
}

/** Connects a client, or fails after `timeoutMs` instead of waiting for Redis forever (used at boot). */
export async function connectWithin<T extends { connect: () => Promise<unknown>; destroy: () => void }>(client: T, timeoutMs: number, what: string): Promise<T> {
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
