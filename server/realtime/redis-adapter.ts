import { createAdapter } from '@socket.io/redis-adapter'
import type { Server } from 'socket.io'
import { closeRedisClient, connectWithin, createRedisClient, type RedisCommandClient } from '../../app/utils/redis.server.ts'
import { getLogger } from '../../app/utils/logger.server.ts'

/**
 * Lets several server processes share Socket.io rooms through Redis pub/sub. `key` prefixes the
 * pub/sub channels (default `socket.io`): servers only share rooms with servers using the same key,
 * so tests and benchmarks on a shared Redis stay apart from each other. The publishing connection
 * doubles as the command client for state the processes share (chat rate limits).
 *
 * While Redis is down each process keeps serving its own sockets: publishing fails at once and is
 * dropped (other processes miss what is published meanwhile), and the clients reconnect by themselves.
 * `onRecovered` tells when both connections are back after an outage, with the moment it began, so
 * the rooms can be sent what other processes published meanwhile (live-namespace.ts).
 */
export async function createRedisClients(url: string): Promise<{
  commands: RedisCommandClient
  attach: (io: Server, options?: { key?: string | undefined }) => void
  close: () => Promise<void>
  /** Called once both connections are back after an outage, with the moment the first one dropped. */
  onRecovered: (listener: (outageStartedAt: Date) => void) => void
  /** The connections, for the readiness check (server/operations). */
  clients: Array<{ role: string; client: RedisCommandClient; subscriber?: boolean }>
}> {
  const publisher = createRedisClient(url, 'socket.io adapter (publish)')
  const subscriber = createRedisClient(url, 'socket.io adapter (subscribe)')
  // At boot a configured but unreachable Redis is an error, not an endless wait.
  await Promise.all([connectWithin(publisher, 10_000, 'socket.io adapter'), connectWithin(subscriber, 10_000, 'socket.io adapter')])
  // The adapter does not handle a failed publish; unhandled, it would bring the whole process down.
  const publish = publisher.publish.bind(publisher)
  Object.defineProperty(publisher, 'publish', {
    value: (channel: string, message: string | Buffer) => publish(channel, message).catch(() => 0),
  })
  const recovered = watchOutages([publisher, subscriber])
  return {
    commands: publisher,
    onRecovered: recovered.add,
    attach(io, options = {}) {
      io.adapter(createAdapter(publisher, subscriber, options.key ? { key: options.key } : {}))
      getLogger().info('socket.io redis adapter attached')
    },
    close: async () => {
      await Promise.allSettled([closeRedisClient(publisher), closeRedisClient(subscriber)])
    },
    clients: [
      { role: 'adapter-publish', client: publisher },
      { role: 'adapter-subscribe', client: subscriber, subscriber: true },
    ],
  }
}

/**
 * An outage runs from the first connection's error to the moment every connection is ready again
 * (node-redis resubscribes by itself). Listeners hear of each outage once, after it ends.
 */
function watchOutages(clients: RedisCommandClient[]): { add: (listener: (outageStartedAt: Date) => void) => void } {
  const listeners: Array<(outageStartedAt: Date) => void> = []
  let outageStartedAt: Date | null = null
  for (const client of clients) {
    client.on('error', () => {
      outageStartedAt ??= new Date()
    })
    client.on('ready', () => {
      if (!outageStartedAt || !clients.every((each) => each.isReady)) return
      const startedAt = outageStartedAt
      outageStartedAt = null
      for (const listener of listeners) listener(startedAt)
    })
  }
  return { add: (listener) => listeners.push(listener) }
}
