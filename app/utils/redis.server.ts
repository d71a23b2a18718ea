import { createClient } from 'redis'
import { getEnv } from './env.server'
import { getLogger } from './logger.server'

const newClient = (url: string) => createClient({ url })
export type RedisCommandClient = ReturnType<typeof newClient>

// One command connection per process for state every process must share (rate limits), when
// REDIS_URL is set. Kept on globalThis so dev-server reloads reuse it.
const holder = globalThis as typeof globalThis & { __tradecastRedis?: Promise<RedisCommandClient> }

/** The shared Redis connection, or null when REDIS_URL is not set (one process, memory is enough). */
export function getSharedRedis(): Promise<RedisCommandClient> | null {
  const url = getEnv().REDIS_URL
  if (!url) return null
  holder.__tradecastRedis ??= (async () => {
    const client = newClient(url)
    client.on('error', (error: unknown) => getLogger().error({ err: error }, 'redis client error'))
    await client.connect()
    return client
  })()
  return holder.__tradecastRedis
}

export async function closeSharedRedis(): Promise<void> {
  const pending = holder.__tradecastRedis
  holder.__tradecastRedis = undefined
  if (pending) await (await pending.catch(() => null))?.quit().catch(() => undefined)
}
