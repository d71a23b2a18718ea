import type { Logger } from 'pino'
import type { Namespace, Socket } from 'socket.io'
import type { RateLimiterAbstract } from 'rate-limiter-flexible'
import { listActiveSanctions, type SanctionRow } from '../../../app/domain/live/chat.server.ts'
import { listPinnedProductsByLocale } from '../../../app/domain/live/pinned-products.server.ts'
import { loadSessionFacts, type RoomContext, roomContextFor, type SessionFacts } from '../../../app/domain/live/room-access.server.ts'
import { identityKey, type RoomIdentity } from '../../../app/domain/live/room-identity.ts'
import { isSupportedLocale, type Locale, SUPPORTED_LOCALES } from '../../../app/lib/i18n.ts'
import type {
  ChatMessageView,
  LIVE_EVENT_SCHEMAS,
  LiveClientToServer,
  LiveResponses,
  LiveServerToClient,
  PinnedProductView,
} from '../../../app/protocol/live.ts'
import { ExpiringCache } from '../expiring-cache.ts'
import { type CatalogueHandlers, type ConnectionData, ProtocolError } from '../gateway/index.ts'
import type { RoomBatcher } from '../room-batcher.ts'

/**
 * Between the server processes of a cluster (Redis adapter): "this session's facts changed" (null:
 * every session's); "this session's pinned products changed" (each process localises them for its own sockets).
 */
export type LiveServerSideEvents = {
  'session:changed': (sessionId: string | null) => void
  'products:changed': (sessionId: string) => void
  /** A process's Redis connections came back after an outage that began at this ISO time (outage-resync.ts). */
  'chat:resync': (outageStartedAt: string) => void
}
export type LiveSocketData = ConnectionData & { joined: Set<string> }
export type LiveSocket = Socket<LiveClientToServer, LiveServerToClient, LiveServerSideEvents, LiveSocketData>
export type LiveNamespace = Namespace<LiveClientToServer, LiveServerToClient, LiveServerSideEvents, LiveSocketData>
export type LiveHandlers = CatalogueHandlers<typeof LIVE_EVENT_SCHEMAS, LiveResponses, LiveSocket>

export const liveRoomName = (sessionId: string) => `live:${sessionId}`
// Not under `live:`: only session rooms are counted as audiences.
export const personalRoomName = (sessionId: string, identityKey: string) => `you:${sessionId}:${identityKey}`
// The sockets of a session reading in one language (pinned products go out once per language present).
export const readerRoomName = (sessionId: string, locale: Locale) => `lang:${sessionId}:${locale}`

/** The language this socket reads a session in (the language room it joined with the session), if joined. */
export function readerLocaleOf(socket: Pick<LiveSocket, 'rooms'>, sessionId: string): Locale | null {
  return SUPPORTED_LOCALES.find((locale) => socket.rooms.has(readerRoomName(sessionId, locale))) ?? null
}

/** The language of a reader: the page's (sent with the join), else a signed-in user's saved one, else English. */
export function readerLocale(requested: Locale | undefined, identity: RoomIdentity): Locale {
  if (requested) return requested
  return identity.kind === 'user' && isSupportedLocale(identity.locale) ? identity.locale : 'en'
}
// How long a process trusts what it cached of a session (room facts, sanctions) when the change was
// made where no invalidation reaches it (a page, another process without Redis).
const SESSION_CACHE_TTL_MS = 1000

/** What the concerns of `/live` share (built once per namespace in live-namespace.ts). */
export type LiveContext = ReturnType<typeof createLiveContext>

export function createLiveContext(
  nsp: LiveNamespace,
  options: { chat: RoomBatcher<ChatMessageView>; chatLimiter: RateLimiterAbstract; cluster: boolean; logger: Logger },
) {
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
  nsp.on('session:changed', (sessionId: unknown) => {
    if (typeof sessionId === 'string' || sessionId === null) forget(sessionId)
  })

  // One localisation at a time per session on this process, so a later pin never arrives before an earlier one.
  const pinQueues = new Map<string, Promise<Map<string, PinnedProductView[]>>>()
  /**
   * Sends the session's pinned cards to this process's own sockets, built once per language present
   * here (after the pending chat, like every room event). Resolves with the cards by language.
   */
  function localisePinnedProducts(sessionId: string): Promise<Map<string, PinnedProductView[]>> {
    const previous = pinQueues.get(sessionId) ?? Promise.resolve(new Map())
    const next = previous
      .catch(() => new Map())
      .then(async () => {
        const locales = SUPPORTED_LOCALES.filter((locale) => nsp.adapter.rooms.has(readerRoomName(sessionId, locale)))
        // No reader of this show on this process: every process hears of every pin, so read nothing.
        if (locales.length === 0) return new Map<string, PinnedProductView[]>()
        const cards = await listPinnedProductsByLocale(sessionId, locales)
        options.chat.flush(liveRoomName(sessionId))
        for (const locale of locales) nsp.local.to(readerRoomName(sessionId, locale)).emit('products:pinned', { products: cards.get(locale) ?? [] })
        return cards
      })
    pinQueues.set(sessionId, next)
    void next.then(
      () => pinQueues.get(sessionId) === next && pinQueues.delete(sessionId),
      (error: unknown) => {
        if (pinQueues.get(sessionId) === next) pinQueues.delete(sessionId)
        options.logger.warn({ err: error, sessionId }, 'pinned products broadcast failed')
      },
    )
    return next
  }
  nsp.on('products:changed', (sessionId: unknown) => {
    if (typeof sessionId === 'string') void localisePinnedProducts(sessionId).catch(() => undefined)
  })

  return {
    nsp,
    sessionFacts,
    sanctions,
    chat: options.chat,
    chatLimiter: options.chatLimiter,
    /** Last viewer count sent per session (presence.ts). */
    viewerCounts: new Map<string, number>(),

    /** A change made here: forget it on this process and, in a cluster, on every other. */
    sessionChanged(sessionId: string | null) {
      forget(sessionId)
      if (options.cluster) nsp.serverSideEmit('session:changed', sessionId)
    },

    /**
     * The session's pinned products changed: every socket in the room gets them in its own language,
     * localised by the process it is connected to. Resolves with the cards by language built here.
     */
    productsChanged(sessionId: string): Promise<Map<string, PinnedProductView[]>> {
      if (options.cluster) nsp.serverSideEmit('products:changed', sessionId)
      return localisePinnedProducts(sessionId)
    },

    /** The session's room, after its pending chat (viewers never see a removal or a pin before the message it refers to). */
    toRoom(sessionId: string) {
      options.chat.flush(liveRoomName(sessionId))
      return nsp.to(liveRoomName(sessionId))
    },

    /** The caller's rights in a session it joined. */
    async roomFor(socket: LiveSocket, sessionId: string): Promise<{ room: RoomContext; identity: RoomIdentity }> {
      const identity = socket.data.identity
      if (identity.kind === 'anonymous') throw new ProtocolError('unauthenticated', 'Sign in or join as a guest first.')
      if (!socket.data.joined.has(sessionId)) throw new ProtocolError('not-joined', 'Join the session first.')
      return { room: roomContextFor(await sessionFacts.get(sessionId), identity), identity }
    },

    /** Everyone present in the room, across processes, once per person (several tabs count once). */
    async presentIdentities(sessionId: string): Promise<Map<string, RoomIdentity>> {
      const byKey = new Map<string, RoomIdentity>()
      for (const remote of await nsp.in(liveRoomName(sessionId)).fetchSockets()) {
        // A socket of another process reports only what it has: possibly no identity yet.
        const identity = (remote.data as Partial<ConnectionData>).identity
        if (identity && identity.kind !== 'anonymous') byKey.set(identityKey(identity), identity)
      }
      return byKey
    },
  }
}

/** Moderators and hosts act as signed-in users. */
export function actorId(identity: RoomIdentity): string {
  if (identity.kind !== 'user') throw new ProtocolError('forbidden', 'Guests cannot moderate.')
  return identity.userId
}
