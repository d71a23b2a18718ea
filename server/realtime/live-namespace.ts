import type { Server } from 'socket.io'
import { RateLimiterMemory } from 'rate-limiter-flexible'
import { type ChatMessageView, type ErrorCode, LIVE_EVENT_SCHEMAS, type LiveResponses } from '../../app/protocol/live.ts'
import { getEnv } from '../../app/utils/env.server.ts'
import { getLogger } from '../../app/utils/logger.server.ts'
import { createSharedLimiter } from '../../app/utils/rate-limit.server.ts'
import type { RedisCommandClient } from '../../app/utils/redis.server.ts'
import { serveCatalogue, typedNamespace } from './gateway/index.ts'
import { chatHandlers } from './live-handlers/chat.ts'
import { createLiveContext, type LiveNamespace, type LiveSocket } from './live-handlers/context.ts'
import { moderationHandlers } from './live-handlers/moderation.ts'
import { pinHandlers } from './live-handlers/pins.ts'
import { countViewers, presenceHandlers } from './live-handlers/presence.ts'
import { reactions } from './live-handlers/reactions.ts'
import { LIVE_REFUSALS } from './live-handlers/refusals.ts'
import { resyncChatAfterOutages } from './live-handlers/outage-resync.ts'
import { getMetrics } from '../operations/metrics.ts'
import { RoomBatcher } from './room-batcher.ts'

// Per-identity chat limit: a burst of 5 messages, then one every 2 s on average. In a cluster it is kept
// in Redis, so a person with sockets on several processes still gets 5 messages per 10 s in all.
const CHAT_LIMIT = { keyPrefix: 'tradecast:live-chat', points: 5, duration: 10 }

/**
 * The `/live` namespace: chat, moderation, presence, reactions and pins of live sessions, served by
 * the gateway (gateway/index.ts) from the catalogue of app/protocol/live.ts; each concern is a module
 * of live-handlers/ over app/domain/live.
 */
export function registerLiveNamespace(
  io: Server,
  options: { redis?: { client: RedisCommandClient; scope?: string | undefined; onRecovered: (listener: (outageStartedAt: Date) => void) => void } } = {},
): { close: () => void; sessionEnded: (sessionId: string) => void } {
  const nsp = typedNamespace<LiveNamespace>(io, '/live')
  const logger = getLogger()

  // Chat goes out in per-room batches (see room-batcher.ts); any other room event first flushes the
  // pending chat so viewers never see a removal or a pin before the message it refers to.
  const chat = new RoomBatcher<ChatMessageView>({
    roomSize: (name) => nsp.adapter.rooms.get(name)?.size ?? 0,
    send: (name, messages) => {
      nsp.to(name).emit('chat:messages', { messages })
      getMetrics().chatDelivered(messages.length, nsp.adapter.rooms.get(name)?.size ?? 0)
    },
    maxWindowMs: getEnv().LIVE_CHAT_BATCH_MAX_MS,
    onError: (error, name) => logger.error({ err: error, room: name }, 'chat broadcast failed'),
  })
  const context = createLiveContext(nsp, { chat, chatLimiter: createSharedLimiter(CHAT_LIMIT, options.redis), cluster: options.redis !== undefined, logger })
  const unwatchChatQueue = getMetrics().watchQueue('chat-batch', () => chat.pendingItems())
  const reacting = reactions(context)
  const stopViewerCounts = countViewers(context, logger)
  const resync = options.redis ? resyncChatAfterOutages(nsp, { chat, onRecovered: options.redis.onRecovered, logger }) : null

  serveCatalogue<typeof LIVE_EVENT_SCHEMAS, LiveResponses, ErrorCode, LiveSocket>(nsp, {
    schemas: LIVE_EVENT_SCHEMAS,
    handlers: { ...presenceHandlers(context), ...chatHandlers(context), ...moderationHandlers(context), ...pinHandlers(context), ...reacting.handlers },
    freshState: (socket) => {
      socket.data.joined = new Set()
    },
    // Every event, valid or not, counts against a budget per socket: joins and moderation read the
    // database, so a flooding client must not be able to make the server do that without end.
    // Reactions are clicked in bursts and read nothing, so they have a budget of their own (a second
    // socket only adds clicks to the same per-second sum).
    budget: {
      limiter: new RateLimiterMemory({ keyPrefix: 'live-events', points: 30, duration: 10 }),
      perEvent: { 'room:react': new RateLimiterMemory({ keyPrefix: 'live-react', points: 20, duration: 5 }) },
      withRetryAfter: true,
    },
    refusals: LIVE_REFUSALS,
    // Without an ack callback, a refusal still comes back, as a `live:error` event.
    refusedWithoutAck: (socket, event, refusal) => socket.emit('live:error', { event, ...refusal }),
  })

  return {
    /** The show ended (the host ended it on /media): its chat closes for everyone in the room, on every process. */
    sessionEnded(sessionId: string) {
      context.sessionChanged(sessionId)
      context.toRoom(sessionId).emit('room:chat-closed', {})
    },
    close() {
      chat.close()
      unwatchChatQueue()
      reacting.stop()
      stopViewerCounts()
      resync?.stop()
    },
  }
}
