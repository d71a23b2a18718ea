import { createAdapter } from '@socket.io/redis-adapter'
import { createClient } from 'redis'
import { connectWithin, type RedisCommandClient } from '../../app/utils/redis.server.ts'
import type { Server } from 'socket.io'
import { getLogger } from '../../app/utils/logger.server.ts'


/**
 * Lets several server processes share Socket.io rooms through Redis pub/sub. `key` prefixes the
 * pub/sub channels (default `socket.io`): servers only share rooms with servers using the same key,
 * so tests and benchmarks on a shared Redis stay apart from each other. The publishing connection
 * doubles as the command client for state the processes share (chat rate limits).
 */
export async function attachRedisAdapter(io: Server, url: string, options: { key?: string } = {}): Promise<{ commands: RedisCommandClient; close: () => Promise<void> }> {
  const publisher: RedisCommandClient = createClient({ url })
  const subscriber = publisher.duplicate()
  for (const client of [publisher, subscriber]) {
    client.on('error', (error: unknown) => getLogger().error({ err: error }, 'redis client error'))
  }
  // At boot a configured but unreachable Redis is an error, not an endless wait.
  await Promise.all([connectWithin(publisher, 10_000, 'socket.io adapter'), connectWithin(subscriber, 10_000, 'socket.io adapter')])
  io.adapter(createAdapter(publisher, subscriber, options.key ? { key: options.key } : {}))
  getLogger().info('socket.io redis adapter attached')
  return {
    commands: publisher,
    close: async () => {
      await Promise.allSettled([publisher.quit(), subscriber.quit()])
    },
  }
}
