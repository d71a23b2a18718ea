import type { Namespace, Server, Socket } from 'socket.io'
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'
import type { z } from 'zod'
import {
  findActiveSanction,
  getMessageView,
  getPinnedMessage,
  listActiveSanctions,
  listRecentMessages,
  listRemovedMessageIds,
  participantRef,
  postChatMessage,
  type SanctionRow,
  strongestSanction,
} from '../../app/domain/live/chat.server.ts'
import { ModerationError, pinMessage, removeMessage, sanctionParticipant, setBlockedWords, setSlowMode, unbanParticipant } from '../../app/domain/live/moderation.server.ts'
import { listPinnedProducts, PinError, setProductPinned } from '../../app/domain/live/pinned-products.server.ts'
import { assertShowcaseManagement, loadSessionFacts, RoomAccessError, type RoomContext, roomContextFor, type SessionFacts } from '../../app/domain/live/room-access.server.ts'
import { identityKey, type RoomIdentity } from '../../app/domain/live/room-identity.ts'
import {
  type Ack,
  BlockedWordsSchema,
  type ChatMessageView,
  type ErrorCode,
  JoinSchema,
  LIVE_CLIENT_EVENTS,
  type LiveClientToServer,
  type LiveServerToClient,
  MessageRefSchema,
  type ParticipantTarget,
  type ParticipantView,
  PinMessageSchema,
  PinProductSchema,
  ReactionSchema,
  REACTIONS,
  SanctionSchema,
  SendMessageSchema,
  SessionRefSchema,
  SlowModeSchema,
  UnbanSchema,
} from '../../app/protocol/live.ts'
import { getEnv } from '../../app/utils/env.server.ts'
import { getLogger } from '../../app/utils/logger.server.ts'
import { createSharedLimiter } from '../../app/utils/rate-limit.server.ts'
import { installGuestCookie } from './guest-cookie.ts'
import { ExpiringCache } from './expiring-cache.ts'
import type { RedisCommandClient } from '../../app/utils/redis.server.ts'
import { RoomBatcher } from './room-batcher.ts'
import { authenticateHandshake, joinIdentityRooms, revalidateRecovered } from './socket-identity.ts'
import { refuseUnknownEvents } from './unknown-events.ts'

type SocketData = { identity: RoomIdentity | { kind: 'anonymous' }; joined: Set<string>; authSessionId: string | null }
type LiveSocket = Socket<LiveClientToServer, LiveServerToClient, LiveServerSideEvents, SocketData>
type LiveNamespace = Namespace<LiveClientToServer, LiveServerToClient, LiveServerSideEvents, SocketData>

const roomName = (sessionId: string) => `live:${sessionId}`
// Not under `live:`: only session rooms are counted as audiences.
const personalRoomName = (sessionId: string, identityKey: string) => `you:${sessionId}:${identityKey}`
// How long a process trusts what it cached of a session (room facts, sanctions) when the change was
// made where no invalidation reaches it (a page, another process without Redis).
const SESSION_CACHE_TTL_MS = 1000

/** Between the server processes of a cluster (Redis adapter): "this session's facts changed" (null: every session's). */
type LiveServerSideEvents = { 'session:changed': (sessionId: string | null) => void }

class EventError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message)
  }
}

// Per-identity chat limit: a burst of 5 messages, then one every 2 s on average. In a cluster it is kept
// in Redis, so a person with sockets on several processes still gets 5 messages per 10 s in all.
const CHAT_LIMIT = { keyPrefix: 'tradecast:live-chat', points: 5, duration: 10 }

async function consume(limiter: RateLimiterAbstract, key: string) {
  try {
    await limiter.consume(key)
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) throw new EventError('rate-limited', 'Too many messages; slow down.', rejection.msBeforeNext)
    throw rejection
  }
}

function errorAck(error: unknown): Ack<never> {
  if (error instanceof EventError) {
    return { ok: false, error: { code: error.code, message: error.message, ...(error.retryAfterMs ? { retryAfterMs: error.retryAfterMs } : {}) } }
  }
  if (error instanceof RoomAccessError || error instanceof ModerationError || error instanceof PinError) {
    return { ok: false, error: { code: error.code, message: error.code } }
  }
  getLogger().error({ err: error }, 'live event failed')
  return { ok: false, error: { code: 'internal', message: 'Something went wrong.' } }
}

/**
 * The `/live` namespace: chat, moderation, reactions and pinned products of live sessions.
 * Every payload is parsed with app/protocol/live.ts; handlers stay thin over app/domain/live.
 */
export function registerLiveNamespace(io: Server, options: { redis?: { client: RedisCommandClient; scope?: string | undefined } } = {}): { close: () => void } {
  const nsp = io.of('/live') as unknown as LiveNamespace
  const logger = getLogger()

  // Guests get a signed browser key on their first handshake so sanctions stick to them.
  installGuestCookie(io)

  nsp.use(async (socket, next) => {
    try {
      const { identity, authSessionId } = await authenticateHandshake(socket.request)
      socket.data.authSessionId = authSessionId
      // A recovered connection keeps its rooms only while its identity still holds.
      if (!revalidateRecovered(socket, identity)) {
        socket.data.identity = identity
        socket.data.joined = new Set()
      }
      next()
    } catch (error) {
      logger.error({ err: error }, 'live handshake failed')
      next(new Error('authentication failed'))
    }
  })

  const chatLimiter = createSharedLimiter(CHAT_LIMIT, options.redis)
  // Reactions are limited per socket; a second socket only adds clicks to the same per-second sum.
  // Every event, valid or not, counts against a budget per socket: joins and moderation read the
  // database, so a flooding client must not be able to make the server do that without end.
  // Reactions are clicked in bursts and read nothing, so they have a budget of their own.
  const reactionLimiter = new RateLimiterMemory({ keyPrefix: 'live-react', points: 20, duration: 5 })
  const eventLimiter = new RateLimiterMemory({ keyPrefix: 'live-events', points: 30, duration: 10 })
  const reactionCounts = new Map<string, Map<string, number>>()
  const viewerCounts = new Map<string, number>()
  // Chat goes out in per-room batches (see room-batcher.ts); any other room event first flushes the
  // pending chat so viewers never see a removal or a pin before the message it refers to.
  const chat = new RoomBatcher<ChatMessageView>({
    roomSize: (name) => nsp.adapter.rooms.get(name)?.size ?? 0,
    send: (name, messages) => nsp.to(name).emit('chat:messages', { messages }),
    maxWindowMs: getEnv().LIVE_CHAT_BATCH_MAX_MS,
    onError: (error, name) => logger.error({ err: error, room: name }, 'chat broadcast failed'),
  })
  // A busy chat would otherwise read the session and its sanctions on every message. Changes made
  // through this namespace invalidate both here and, in a cluster, on every other process.
  const sessionFacts = new ExpiringCache<SessionFacts>(SESSION_CACHE_TTL_MS, loadSessionFacts)
  const sanctions = new ExpiringCache<SanctionRow[]>(SESSION_CACHE_TTL_MS, (sessionId) => listActiveSanctions(sessionId))
  const forget = (sessionId: string | null) => {
    if (sessionId === null) {
      sessionFacts.clear()
      sanctions.clear()
      return
    }
    sessionFacts.invalidate(sessionId)
    sanctions.invalidate(sessionId)
  }
  const sessionChanged = (sessionId: string | null) => {
    forget(sessionId)
    if (options.redis) nsp.serverSideEmit('session:changed', sessionId)
  }
  nsp.on('session:changed', (sessionId: unknown) => {
    if (typeof sessionId === 'string' || sessionId === null) forget(sessionId)
  })
  const cachedSanction = async (sessionId: string, identity: RoomIdentity, now: Date) => strongestSanction(await sanctions.get(sessionId), participantRef(identity), now)
  const toRoom = (sessionId: string) => {
    chat.flush(roomName(sessionId))
    return nsp.to(roomName(sessionId))
  }

  async function roomFor(socket: LiveSocket, sessionId: string): Promise<{ room: RoomContext; identity: RoomIdentity }> {
    const identity = socket.data.identity
    if (identity.kind === 'anonymous') throw new EventError('unauthenticated', 'Sign in or join as a guest first.')
    if (!socket.data.joined.has(sessionId)) throw new EventError('not-joined', 'Join the session first.')
    return { room: roomContextFor(await sessionFacts.get(sessionId), identity), identity }
  }

  /**
   * Registers a handler: the event counts against `limiter` (per socket, valid or not), then its
   * payload is parsed, then the handler runs; any refusal goes back as the ack's error.
   */
  function on<S extends z.ZodType, R extends Record<string, unknown>>(
    socket: LiveSocket,
    event: keyof LiveClientToServer,
    schema: S,
    handler: (input: z.output<S>) => Promise<R>,
    limiter: RateLimiterAbstract = eventLimiter,
  ) {
    socket.on(event, async (payload: unknown, ack?: unknown) => {
      // Without an ack callback, a refusal still comes back, as a `live:error` event.
      const reply =
        typeof ack === 'function'
          ? (ack as (result: Ack<R>) => void)
          : (result: Ack<R>) => {
              if (!result.ok) socket.emit('live:error', { event, ...result.error })
            }
      try {
        await consume(limiter, socket.id)
        const parsed = schema.safeParse(payload)
        if (!parsed.success) throw new EventError('invalid', parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; '))
        reply({ ok: true, ...(await handler(parsed.data)) })
      } catch (error) {
        reply(errorAck(error))
      }
    })
  }

  /** Everyone present in the room, across processes, once per person (several tabs count once). */
  async function presentIdentities(sessionId: string): Promise<Map<string, RoomIdentity>> {
    const byKey = new Map<string, RoomIdentity>()
    for (const remote of await nsp.in(roomName(sessionId)).fetchSockets()) {
      const identity = remote.data.identity
      if (identity && identity.kind !== 'anonymous') byKey.set(identityKey(identity), identity)
    }
    return byKey
  }

  async function participants(sessionId: string, viewer: RoomIdentity): Promise<ParticipantView[]> {
    const [present, facts, rows] = await Promise.all([presentIdentities(sessionId), sessionFacts.get(sessionId), sanctions.get(sessionId)])
    const now = new Date()
    const viewerKey = identityKey(viewer)
    return [...present.entries()].map(([key, identity]) => ({
      key,
      name: identity.name,
      kind: identity.kind,
      role: identity.kind === 'user' ? identity.role : null,
      sanction: strongestSanction(rows, participantRef(identity), now)?.kind ?? null,
      target: identity.kind === 'user' ? { userId: identity.userId } : { guestKey: identity.guestKey },
      // The host's company cannot be sanctioned in its own showcase, nor can moderators sanction themselves.
      protected: key === viewerKey || (identity.kind === 'user' && identity.companyId === facts.companyId),
    }))
  }

  /**
   * Tells a participant's sockets (on any process) where they stand after a moderator's decision:
   * the strongest sanction now in force (a mute on top of a ban still leaves them banned), or none.
   */
  async function notifyParticipant(sessionId: string, target: ParticipantTarget) {
    const now = new Date()
    const strongest = strongestSanction(await sanctions.get(sessionId), target, now)
    const key = 'userId' in target ? `u:${target.userId}` : `g:${target.guestKey}`
    nsp.to(personalRoomName(sessionId, key)).emit('you:sanctioned', { kind: strongest?.kind ?? null, until: strongest?.until?.toISOString() ?? null })
  }

  nsp.on('connection', (socket: LiveSocket) => {
    void joinIdentityRooms(socket, socket.data.identity, socket.data.authSessionId)
    refuseUnknownEvents(socket, LIVE_CLIENT_EVENTS, async (event, ack) => {
      let result: Ack<never>
      try {
        await consume(eventLimiter, socket.id)
        result = { ok: false, error: { code: 'invalid', message: `Unknown event ${event}.` } }
      } catch (error) {
        result = errorAck(error)
      }
      // Without an ack callback the refusal comes back as a `live:error` event, as for known events.
      if (ack) ack(result)
      else if (!result.ok) socket.emit('live:error', { event, ...result.error })
    })

    on(socket, 'live:join', JoinSchema, async (input) => {
      let identity = socket.data.identity
      if (identity.kind === 'anonymous') throw new EventError('unauthenticated', 'Sign in to join this session.')
      if (identity.kind === 'guest' && input.guestName) identity = socket.data.identity = { ...identity, name: input.guestName }
      // A join always reads the database (through the cache, so an invalidation during the read wins);
      // this first read is the access check.
      roomContextFor(await sessionFacts.refresh(input.sessionId), identity)
      socket.data.joined.add(input.sessionId)
      // Join the rooms before reading the state, so a change made meanwhile is either in what we read
      // or reaches this socket as an event. The person's own room carries moderation decisions about
      // them, on every process.
      await socket.join([roomName(input.sessionId), personalRoomName(input.sessionId, identityKey(identity))])
      // Cached unless invalidated since the first read, in which case this reads afresh.
      const room = roomContextFor(await sessionFacts.get(input.sessionId), identity)
      // A banned participant still watches and sees the products, but never writes again.
      const sanction = await findActiveSanction(input.sessionId, identity)
      const locale = identity.kind === 'user' ? identity.locale : 'en'
      const [messages, removedMessageIds, pinnedProducts, pinned] = await Promise.all([
        listRecentMessages(input.sessionId, input.sinceMessageId),
        input.sinceMessageId ? listRemovedMessageIds(input.sessionId, input.sinceMessageId) : Promise.resolve([]),
        listPinnedProducts(input.sessionId, locale),
        getPinnedMessage(input.sessionId),
      ])
      return {
        state: {
          messages,
          removedMessageIds,
          pinnedMessage: pinned,
          pinnedProducts,
          slowModeSeconds: room.slowModeSeconds,
          viewerCount: viewerCounts.get(input.sessionId) ?? 0,
          you: {
            key: identityKey(identity),
            name: identity.name,
            canModerate: room.canModerate,
            isHost: room.isHost,
            muted: sanction?.kind === 'MUTE',
            banned: sanction?.kind === 'BAN',
            sanctionUntil: sanction?.until?.toISOString() ?? null,
            canChat: (room.status === 'LIVE' || room.status === 'SCHEDULED') && sanction?.kind !== 'BAN' && !(identity.kind === 'guest' && identity.transient),
          },
        },
      }
    })

    on(socket, 'live:leave', SessionRefSchema, async ({ sessionId }) => {
      socket.data.joined.delete(sessionId)
      await socket.leave(roomName(sessionId))
      const identity = socket.data.identity
      if (identity.kind !== 'anonymous') await socket.leave(personalRoomName(sessionId, identityKey(identity)))
      return {}
    })

    on(socket, 'chat:send', SendMessageSchema, async (input) => {
      const { room, identity } = await roomFor(socket, input.sessionId)
      await consume(chatLimiter, identityKey(identity))
      const result = await postChatMessage(room, identity, input, { findSanction: cachedSanction })
      if (!result.ok) {
        const { rejection } = result
        const messages: Record<string, string> = {
          banned: 'You were removed from this session’s chat.',
          muted: 'You are muted for now.',
          'blocked-word': 'This message contains a word the host does not allow.',
          forbidden: 'The chat of this session is closed.',
          'slow-mode': 'Slow mode is on: wait a moment before the next message.',
          'guest-limit': 'Too many new guests came from your network; sign in to chat.',
        }
        throw new EventError(rejection.code, messages[rejection.code] ?? rejection.code, 'retryAfterMs' in rejection ? rejection.retryAfterMs : undefined)
      }
      chat.push(roomName(input.sessionId), result.message)
      return { message: result.message }
    })

    on(socket, 'chat:delete', MessageRefSchema, async (input) => {
      const { room, identity } = await roomFor(socket, input.sessionId)
      await removeMessage(room, actorId(identity), input.messageId)
      toRoom(input.sessionId).emit('chat:removed', { messageId: input.messageId })
      return {}
    })

    on(socket, 'chat:pin', PinMessageSchema, async (input) => {
      const { room, identity } = await roomFor(socket, input.sessionId)
      await pinMessage(room, actorId(identity), input.messageId)
      toRoom(input.sessionId).emit('chat:pinned', { message: input.messageId ? await getMessageView(input.sessionId, input.messageId) : null })
      return {}
    })

    on(socket, 'mod:sanction', SanctionSchema, async (input) => {
      const { room, identity } = await roomFor(socket, input.sessionId)
      // A guest's ban also covers the network it is on now (as this room sees it, on any process).
      const target = 'guestKey' in input.target ? (await presentIdentities(input.sessionId)).get(`g:${input.target.guestKey}`) : undefined
      await sanctionParticipant(room, actorId(identity), input, new Date(), target?.kind === 'guest' ? (target.network ?? null) : null)
      sessionChanged(input.sessionId)
      await notifyParticipant(input.sessionId, input.target)
      return {}
    })

    on(socket, 'mod:unban', UnbanSchema, async (input) => {
      const { room, identity } = await roomFor(socket, input.sessionId)
      await unbanParticipant(room, actorId(identity), input.target)
      sessionChanged(input.sessionId)
      await notifyParticipant(input.sessionId, input.target)
      return {}
    })

    on(socket, 'mod:slow-mode', SlowModeSchema, async (input) => {
      const { room, identity } = await roomFor(socket, input.sessionId)
      await setSlowMode(room, actorId(identity), input.seconds)
      sessionChanged(input.sessionId)
      toRoom(input.sessionId).emit('room:slow-mode', { seconds: input.seconds })
      return {}
    })

    on(socket, 'mod:blocked-words', BlockedWordsSchema, async (input) => {
      const { room, identity } = await roomFor(socket, input.sessionId)
      // The company role is read again now: a member may moderate chat, not rewrite the list.
      await assertShowcaseManagement(input.sessionId, actorId(identity), 'manage:blocked-words:own')
      const words = await setBlockedWords(room, input.words)
      // The list belongs to the company: every session of it, on every process, must see it now.
      sessionChanged(null)
      return { words }
    })

    on(socket, 'mod:participants', SessionRefSchema, async ({ sessionId }) => {
      const { room, identity } = await roomFor(socket, sessionId)
      if (!room.canModerate) throw new EventError('forbidden', 'Only the host and moderators see participants.')
      return { participants: await participants(sessionId, identity) }
    })

    on(socket, 'room:react', ReactionSchema, async ({ sessionId, emoji }) => {
      if (!socket.data.joined.has(sessionId)) throw new EventError('not-joined', 'Join the session first.')
      const counts = reactionCounts.get(sessionId) ?? new Map<string, number>()
      counts.set(emoji, (counts.get(emoji) ?? 0) + 1)
      reactionCounts.set(sessionId, counts)
      return {}
    }, reactionLimiter)

    on(socket, 'products:pin', PinProductSchema, async (input) => {
      const { room, identity } = await roomFor(socket, input.sessionId)
      await setProductPinned(room, actorId(identity), input.productId, input.pinned)
      const products = await listPinnedProducts(input.sessionId, identity.kind === 'user' ? identity.locale : 'en')
      toRoom(input.sessionId).emit('products:pinned', { products })
      return { products }
    })
  })

  // Reactions are summed here and sent once a second, not one broadcast per click.
  const reactionTimer = setInterval(() => {
    for (const [sessionId, counts] of reactionCounts) {
      const payload = Object.fromEntries([...counts].filter(([emoji]) => (REACTIONS as readonly string[]).includes(emoji)))
      nsp.to(roomName(sessionId)).emit('room:reactions', { counts: payload })
    }
    reactionCounts.clear()
  }, 1000)

  // Viewer counts: each process counts the whole room (across processes with the Redis adapter)
  // for the rooms it serves, and tells its own sockets when the figure changed.
  const viewerTimer = setInterval(() => {
    const localRooms = [...nsp.adapter.rooms.keys()].filter((name) => name.startsWith('live:'))
    // Rooms this process no longer serves: forget their last count.
    for (const sessionId of viewerCounts.keys()) if (!nsp.adapter.rooms.has(roomName(sessionId))) viewerCounts.delete(sessionId)
    for (const name of localRooms) {
      const sessionId = name.slice('live:'.length)
      void presentIdentities(sessionId)
        .then((present) => {
          // Guests minted over their network's budget watch without being counted (issue 13, item 8).
          const count = [...present.values()].filter((identity) => !(identity.kind === 'guest' && identity.transient)).length
          if (viewerCounts.get(sessionId) === count) return
          viewerCounts.set(sessionId, count)
          nsp.local.to(name).emit('room:viewers', { count })
        })
        .catch((error: unknown) => logger.warn({ err: error, sessionId }, 'viewer count failed'))
    }
  }, 2000)

  return {
    close() {
      chat.close()
      clearInterval(reactionTimer)
      clearInterval(viewerTimer)
    },
  }
}

function actorId(identity: RoomIdentity): string {
  if (identity.kind !== 'user') throw new EventError('forbidden', 'Guests cannot moderate.')
  return identity.userId
}
