import type { Server } from 'socket.io'
import { RateLimiterMemory } from 'rate-limiter-flexible'
import { VIEW_SPAN_HEARTBEAT_MS } from '../../app/domain/live/viewers.server.ts'
import {
  MEDIA_REQUEST_SCHEMAS,
  type MediaErrorCode,
  type MediaResponses,
  type RecordingState,
  type RestreamStatus,
  type TransportInfo,
} from '../../app/protocol/media.ts'
import { getLogger } from '../../app/utils/logger.server.ts'
import type { MediaLayer } from '../media/index.ts'
import type { RecordingService } from '../recording/service.ts'
import type { RestreamService } from '../restream/service.ts'
import type { RedisCommandClient } from '../../app/utils/redis.server.ts'
import { serveCatalogue, typedNamespace } from './gateway/index.ts'
import { MediaCluster, type MediaNodeSettings } from './media-nodes/cluster.ts'
import { type MediaContext, type MediaHandlers, type MediaNamespace, type MediaSocket, mediaHostsRoomName, mediaRoomName } from './media-handlers/context.ts'
import { joinHandlers } from './media-handlers/join.ts'
import { lifecycleHandlers, SessionStatuses } from './media-handlers/lifecycle.ts'
import { MEDIA_REFUSALS } from './media-handlers/refusals.ts'
import { MediaRooms } from './media-handlers/rooms.ts'
import { transportHandlers } from './media-handlers/transports.ts'
import { ViewerSpans } from './media-handlers/viewer-spans.ts'

export type MediaNamespaceOptions = {
  media: MediaLayer
  /** Handed to browsers with every transport (STUN/TURN). */
  iceServers: TransportInfo['iceServers']
  /** ENABLE_TEST_HOOKS=1: answers `test:kill-worker`. Never on in production deployments. */
  testHooks: boolean
  /** Records live showcases; without it nothing is recorded. */
  recordings?: RecordingService | null
  /** Restreams live showcases to RTMP destinations; without it nothing is restreamed. */
  restreams?: RestreamService | null
  /** Told when a host ends a showcase (the `/live` namespace closes its chat). */
  onSessionEnded?: (sessionId: string) => void
  /** Heartbeat of open viewer spans and stats refresh, ms. */
  heartbeatMs?: number
  now?: () => Date
  /** This process as a media node of a cluster (ADR 020); without it every room is this process's own. */
  cluster?: { settings: MediaNodeSettings; commands: RedisCommandClient; redisUrl: string; prefix: string } | undefined
}

/** Requests one connection may send per window (valid or not). */
export const MEDIA_EVENT_BUDGET = { points: 60, duration: 10 }

/**
 * The `/media` namespace: mediasoup signalling for live showcases and meeting rooms, served by the
 * gateway (gateway/index.ts) from the catalogue of app/protocol/media.ts. Its concerns live in
 * media-handlers/: joining, the showcase lifecycle, transports and media, viewer spans.
 */
export async function registerMediaNamespace(
  io: Server,
  options: MediaNamespaceOptions,
): Promise<{ close: () => Promise<void>; drain: () => Promise<{ moved: number; left: number; ms: number } | null>; cluster: MediaCluster | null }> {
  const nsp = typedNamespace<MediaNamespace>(io, '/media')
  const logger = getLogger().child({ ns: 'media' })
  const now = options.now ?? (() => new Date())

  // Open spans move forward every heartbeat; stats of sessions whose viewers changed are refreshed.
  const spans = new ViewerSpans(now, logger, options.heartbeatMs ?? VIEW_SPAN_HEARTBEAT_MS)
  const statuses = new SessionStatuses()
  let cluster: MediaCluster | null = null
  // In a cluster the viewer count is the sum over the media nodes (each node's own count is in Redis).
  const rooms = new MediaRooms(
    nsp,
    spans,
    logger,
    options.cluster?.settings.nodeId ?? null,
    options.cluster ? async (room) => (cluster ? cluster.publishViewers(room) : room.viewerCount()) : undefined,
  )
  if (options.cluster) {
    cluster = await MediaCluster.start({
      ...options.cluster,
      media: options.media,
      nsp,
      rooms: () => rooms,
      // Another node changed the show's status: joins here answer it, and an ended show's sockets leave.
      onStatus: async (sessionId, status) => {
        statuses.set(sessionId, status)
        if (status !== 'ENDED') return
        options.media.closeRoom(sessionId, 'ended')
        await rooms.leaveAll(sessionId)
        await spans.settle(sessionId)
      },
      logger: logger.child({ component: 'media-node' }),
    })
  }
  const recordings = options.recordings ?? null
  const context: MediaContext = {
    nsp,
    media: options.media,
    iceServers: options.iceServers,
    now,
    rooms,
    spans,
    statuses,
    recordings,
    restreams: options.restreams ?? null,
    onSessionEnded: options.onSessionEnded,
    cluster,
  }
  // Everyone in a showcase's room learns whether it is being recorded (viewers too: they are on it).
  const announceRecording = ({ sessionId, state }: { sessionId: string; state: RecordingState }) =>
    nsp.to(mediaRoomName(sessionId)).emit('media:recording', state)
  recordings?.on('state', announceRecording)
  // Restream destinations (labels, states) are the hosts' business only.
  const announceRestream = ({ sessionId, status }: { sessionId: string; status: RestreamStatus }) =>
    nsp.to(mediaHostsRoomName(sessionId)).emit('media:restream', status)
  options.restreams?.on('status', announceRestream)
  const testHooks: MediaHandlers = options.testHooks
    ? { 'test:kill-worker': async (_socket, { sessionId }) => ({ pid: options.media.killWorkerOf(sessionId) }) }
    : {}

  serveCatalogue<typeof MEDIA_REQUEST_SCHEMAS, MediaResponses, MediaErrorCode, MediaSocket>(nsp, {
    schemas: MEDIA_REQUEST_SCHEMAS,
    handlers: { ...joinHandlers(context), ...lifecycleHandlers(context), ...transportHandlers(context), ...testHooks },
    freshState: (socket) => {
      socket.data.joined = null
    },
    // Joins read the database and open rooms, so a flooding client must not make the server do that
    // without end. Sized for a meeting seat setting up (two transports, three producers, a consumer per stream).
    budget: { limiter: new RateLimiterMemory({ keyPrefix: 'media-events', ...MEDIA_EVENT_BUDGET }), withRetryAfter: false },
    refusals: MEDIA_REFUSALS,
    onConnection: (socket) => {
      socket.on('disconnect', () => {
        void rooms.leave(socket).catch((error: unknown) => logger.warn({ err: error }, 'media leave failed'))
      })
    },
  })

  return {
    cluster,
    /** SIGTERM in a cluster: this node's viewers move to other nodes before it stops (null without a cluster). */
    drain: async () => (cluster ? cluster.drain() : null),
    async close() {
      recordings?.off('state', announceRecording)
      options.restreams?.off('status', announceRestream)
      // Peers this node's sockets hold on other nodes are let go while the RPC still runs (their nodes
      // would otherwise keep them until they see this node down).
      for (const socket of nsp.sockets.values()) if (socket.data.joined && !socket.data.joined.local) socket.data.joined.media.close()
      rooms.close()
      await spans.shutdown()
      await cluster?.close()
    },
  }
}
