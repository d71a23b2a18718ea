import type { Server as HttpServer } from 'node:http'
import { Server } from 'socket.io'
import { onIdentityEvent } from '../../app/domain/accounts/identity-events.server.ts'
import { getEnv } from '../../app/utils/env.server.ts'
import type { IceServer, MediaLayer } from '../media/index.ts'
import type { RecordingService } from '../recording/service.ts'
import type { RestreamService } from '../restream/service.ts'
import { registerLiveNamespace } from './live-namespace.ts'
import { createHandshakeGuard } from './handshake-guard.ts'
import { watchIdentityEvents } from './identity-watch.ts'
import { registerMediaNamespace } from './media-namespace.ts'
import type { MediaNodeSettings } from './media-nodes/cluster.ts'

export type RealtimeOptions = {
  /** The mediasoup layer; without it the `/media` namespace is not served. */
  media?: {
    layer: MediaLayer
    iceServers: IceServer[]
    testHooks: boolean
    recordings?: RecordingService | null
    restreams?: RestreamService | null
    /** This process as a media node: with Redis, rooms cascade across the nodes (ADR 020). */
    node?: MediaNodeSettings
  }
  /** Shares rooms with other processes through Redis; defaults to REDIS_URL. `key` keeps test and benchmark channels apart. */
  redis?: { url: string; key?: string }
  /** Where identity events come from (default: this process's domain events); tests give one server none. */
  identityEvents?: typeof onIdentityEvent
  /** How often open connections re-check their sign-in session (default SESSION_RECHECK_MS); tests shorten it. */
  sessionRecheckMs?: number
}

/**
 * Socket.io on the app's HTTP server. The handshake reads the same session cookie as the pages,
 * so a socket's identity never comes from the client's own claims. Each feature is a namespace in
 * its own module, served by one gateway (gateway/index.ts): `/live` (chat, moderation, pins) and
 * `/media` (mediasoup signalling).
 */
export async function createRealtimeServer(httpServer: HttpServer, options: RealtimeOptions = {}) {
  const env = getEnv()
  const redis = options.redis ?? (env.REDIS_URL ? { url: env.REDIS_URL, key: env.REDIS_CHANNEL } : null)
  // Created before the server: the handshake guard shares its limiter through the same Redis.
  const cluster = redis ? await (await import('./redis-adapter.ts')).createRedisClients(redis.url) : null
  const shared = cluster && redis ? { client: cluster.commands, scope: redis.key } : undefined

  const io = new Server(httpServer, {
    serveClient: false,
    // Recovery runs the handshake again (skipMiddlewares off): the identity restored from before the
    // drop is checked against the cookies of now (see gateway/identity.ts).
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: false },
    // Origin check and the per-network budget of new guests, before any namespace (handshake-guard.ts).
    allowRequest: createHandshakeGuard(shared),
    // Every packet is parsed before validation, so this stays small; still, a 100 kB message (ASCII)
    // reaches validation and gets a clear error back. Bigger packets make Engine.IO close the connection.
    maxHttpBufferSize: 128 * 1024,
  })

  cluster?.attach(io, { key: redis?.key })

  // The main namespace serves no events (clients use /live and /media, each authenticated by the
  // gateway); it only carries messages between processes (identity-watch.ts).

  const live = registerLiveNamespace(io, shared && cluster ? { redis: { ...shared, onRecovered: cluster.onRecovered } } : {})
  const clusterSetup =
    options.media?.node && cluster && redis
      ? { settings: options.media.node, commands: cluster.commands, redisUrl: redis.url, prefix: `${redis.key ?? 'socket.io'}:media` }
      : undefined
  const media = options.media
    ? await registerMediaNamespace(io, {
        cluster: clusterSetup,
        media: options.media.layer,
        iceServers: options.media.iceServers,
        testHooks: options.media.testHooks,
        recordings: options.media.recordings ?? null,
        restreams: options.media.restreams ?? null,
        onSessionEnded: (sessionId) => live.sessionEnded(sessionId),
      })
    : null
  // Sign-out, revoked sessions and membership changes drop the person's sockets on every process.
  const stopIdentityWatch = watchIdentityEvents(io, [io.of('/live'), ...(media ? [io.of('/media')] : [])], {
    cluster: cluster !== null,
    events: options.identityEvents ?? onIdentityEvent,
    ...(options.sessionRecheckMs ? { sessionRecheckMs: options.sessionRecheckMs } : {}),
  })

  return {
    io,
    /** The Redis adapter's connections (none without Redis), for the readiness check. */
    redisClients: cluster?.clients ?? [],
    /** This process's media node in a cluster (null without one). */
    mediaCluster: media?.cluster ?? null,
    /** SIGTERM: a media node's viewers move to other nodes first (nothing without a cluster). */
    drainMedia: async () => (media ? media.drain() : null),
    async close() {
      stopIdentityWatch()
      live.close()
      await media?.close()
      await new Promise<void>((resolve) => {
        // Resolved by the callback, once the HTTP server has closed; the returned promise covers only the adapters.
        void io.close(() => resolve())
      })
      await cluster?.close()
    },
  }
}
