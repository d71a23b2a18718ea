import type { Server as HttpServer } from 'node:http'
import { Server } from 'socket.io'
import { findActiveSessionUser, readSessionId } from '../../app/domain/accounts/session.server.ts'
import { getEnv } from '../../app/utils/env.server.ts'
import { getLogger } from '../../app/utils/logger.server.ts'
import type { IceServer, MediaLayer } from '../media/index.ts'
import { registerLiveNamespace } from './live-namespace.ts'
import { registerMediaNamespace } from './media-namespace.ts'

export type SocketUser = { id: string; role: string; name: string } | null

export type RealtimeOptions = {
  /** The mediasoup layer; without it the `/media` namespace is not served. */
  media?: { layer: MediaLayer; iceServers: IceServer[]; testHooks: boolean }
  /** Shares rooms with other processes through Redis; defaults to REDIS_URL. `key` keeps test and benchmark channels apart. */
  redis?: { url: string; key?: string }
}

/**
 * Socket.io on the app's HTTP server. The handshake reads the same session cookie as the pages,
 * so a socket's identity never comes from the client's own claims. Each feature is a namespace in
 * its own module: `/live` (chat, moderation, pins) and `/media` (mediasoup signalling).
 */
export async function createRealtimeServer(httpServer: HttpServer, options: RealtimeOptions = {}) {
  const io = new Server(httpServer, {
    serveClient: false,
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000 },
    // Every packet is parsed before validation, so this stays small; still, a 100 kB message (ASCII)
    // reaches validation and gets a clear error back. Bigger packets make Engine.IO close the connection.
    maxHttpBufferSize: 128 * 1024,
  })

  const env = getEnv()
  const redis = options.redis ?? (env.REDIS_URL ? { url: env.REDIS_URL, key: env.REDIS_CHANNEL } : null)
  const cluster = redis ? await (await import('./redis-adapter.ts')).attachRedisAdapter(io, redis.url, { key: redis.key }) : null

  io.use(async (socket, next) => {
    try {
      const sessionId = await readSessionId(socket.handshake.headers.cookie ?? null)
      const user = sessionId ? await findActiveSessionUser(sessionId) : null
      socket.data.user = user ? ({ id: user.id, role: user.role, name: user.name } satisfies SocketUser) : null
      next()
    } catch (error) {
      getLogger().error({ err: error }, 'socket authentication failed')
      next(new Error('authentication failed'))
    }
  })

  io.on('connection', (socket) => {
    socket.emit('hello', { signedIn: socket.data.user !== null })
  })

  const live = registerLiveNamespace(io, cluster && redis ? { redis: { client: cluster.commands, scope: redis.key } } : {})
  const media = options.media
    ? registerMediaNamespace(io, { media: options.media.layer, iceServers: options.media.iceServers, testHooks: options.media.testHooks })
    : null

  return {
    io,
    async close() {
      live.close()
      await media?.close()
      await new Promise<void>((resolve) => {
        io.close(() => resolve())
      })
      await cluster?.close()
    },
  }
}
