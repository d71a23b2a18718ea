import type { Logger } from 'pino'
import { countAudience } from '../../../app/domain/live/audience.ts'
import {
  findActiveSanction,
  isChatOpen,
  getPinnedMessage,
  listRecentMessages,
  listRemovedMessageIds,
  participantRef,
  strongestSanction,
} from '../../../app/domain/live/chat.server.ts'
import { listPinnedProducts } from '../../../app/domain/live/pinned-products.server.ts'
import { publishAudience } from '../../../app/domain/live/viewers.server.ts'
import { isSessionHost, roomContextFor } from '../../../app/domain/live/room-access.server.ts'
import { identityKey, type RoomIdentity } from '../../../app/domain/live/room-identity.ts'
import { SUPPORTED_LOCALES } from '../../../app/lib/i18n.ts'
import type { ParticipantView } from '../../../app/protocol/live.ts'
import { ProtocolError } from '../gateway/index.ts'
import { type LiveContext, type LiveHandlers, type LiveSocket, liveRoomName, personalRoomName, readerLocale, readerRoomName } from './context.ts'

/** Leaves the session's language rooms other than `keep` (a rejoin in another language, or leaving). */
async function leaveReaderRooms(socket: LiveSocket, sessionId: string, keep: string | null) {
  for (const locale of SUPPORTED_LOCALES) if (locale !== keep) await socket.leave(readerRoomName(sessionId, locale))
}

/** live:join (the room's state for this person), live:leave and the moderators' participant list. */
export function presenceHandlers(context: LiveContext): LiveHandlers {
  const { sessionFacts, sanctions } = context

  async function participants(sessionId: string, viewer: RoomIdentity): Promise<ParticipantView[]> {
    const [present, facts, rows] = await Promise.all([context.presentIdentities(sessionId), sessionFacts.get(sessionId), sanctions.get(sessionId)])
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
      protected: key === viewerKey || isSessionHost(facts, identity),
    }))
  }

  return {
    'live:join': async (socket, input) => {
      let identity = socket.data.identity
      if (identity.kind === 'anonymous') throw new ProtocolError('unauthenticated', 'Sign in to join this session.')
      if (identity.kind === 'guest' && input.guestName) identity = socket.data.identity = { ...identity, name: input.guestName }
      // A join always reads the database (through the cache, so an invalidation during the read wins);
      // this first read is the access check.
      roomContextFor(await sessionFacts.refresh(input.sessionId), identity)
      socket.data.joined.add(input.sessionId)
      const locale = readerLocale(input.locale, identity)
      // Join the rooms before reading the state, so a change made meanwhile is either in what we read
      // or reaches this socket as an event. The person's own room carries moderation decisions about
      // them, on every process; the language room, the pinned products in the reader's language.
      await socket.join([liveRoomName(input.sessionId), personalRoomName(input.sessionId, identityKey(identity)), readerRoomName(input.sessionId, locale)])
      await leaveReaderRooms(socket, input.sessionId, locale)
      // Cached unless invalidated since the first read, in which case this reads afresh.
      const room = roomContextFor(await sessionFacts.get(input.sessionId), identity)
      // A banned participant still watches and sees the products, but never writes again.
      const sanction = await findActiveSanction(input.sessionId, identity)
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
          viewerCount: context.viewerCounts.get(input.sessionId) ?? 0,
          chatClosed: !isChatOpen(room.status),
          you: {
            key: identityKey(identity),
            name: identity.name,
            canModerate: room.canModerate,
            isHost: room.isHost,
            muted: sanction?.kind === 'MUTE',
            banned: sanction?.kind === 'BAN',
            sanctionUntil: sanction?.until?.toISOString() ?? null,
            canChat: isChatOpen(room.status) && sanction?.kind !== 'BAN' && !(identity.kind === 'guest' && identity.transient),
          },
        },
      }
    },

    'live:leave': async (socket, { sessionId }) => {
      socket.data.joined.delete(sessionId)
      await socket.leave(liveRoomName(sessionId))
      await leaveReaderRooms(socket, sessionId, null)
      const identity = socket.data.identity
      if (identity.kind !== 'anonymous') await socket.leave(personalRoomName(sessionId, identityKey(identity)))
      return {}
    },

    'mod:participants': async (socket, { sessionId }) => {
      const { room, identity } = await context.roomFor(socket, sessionId)
      if (!room.canModerate) throw new ProtocolError('forbidden', 'Only the host and moderators see participants.')
      return { participants: await participants(sessionId, identity) }
    },
  }
}

/** Everyone in a room across processes (identities once per person) and whether this process holds its lowest socket id. */
async function roomCensus(context: LiveContext, sessionId: string) {
  const name = liveRoomName(sessionId)
  const remotes = await context.nsp.in(name).fetchSockets()
  const present = new Map<string, RoomIdentity>()
  let lowestId: string | null = null
  for (const remote of remotes) {
    if (lowestId === null || remote.id < lowestId) lowestId = remote.id
    // A socket of another process reports only what it has: possibly no identity yet.
    const identity = (remote.data as { identity?: RoomIdentity | { kind: 'anonymous' } }).identity
    if (identity && identity.kind !== 'anonymous') present.set(identityKey(identity), identity)
  }
  const local = context.nsp.adapter.rooms.get(name)
  return { present, empty: remotes.length === 0, publishes: lowestId !== null && local?.has(lowestId) === true }
}

/**
 * Viewer counts (the audience, app/domain/live/audience.ts): each process counts the whole room
 * (across processes with the Redis adapter) for the rooms it serves, and tells its own sockets when
 * the figure changed. One process per room — the one holding the room's lowest socket id — also
 * publishes the figure for pages outside the room (LiveSession.audienceNow, the /live directory) when it
 * changed, so two processes never race with counts taken at different moments; the last one to leave
 * a room that empties publishes zero. Returns the stop function.
 */
export function countViewers(context: LiveContext, logger: Logger): () => void {
  const { nsp, viewerCounts } = context
  // A session's hosting company never changes: read once per room served, not on every recount.
  const hostCompanies = new Map<string, string>()
  // What this process last published per room while it was the room's publisher.
  const published = new Map<string, number>()
  const hostCompanyOf = async (sessionId: string) => {
    const known = hostCompanies.get(sessionId)
    if (known) return known
    const { companyId } = await context.sessionFacts.get(sessionId)
    hostCompanies.set(sessionId, companyId)
    return companyId
  }
  const publish = (sessionId: string, count: number) =>
    publishAudience(sessionId, count).then(
      () => published.set(sessionId, count),
      (error: unknown) => logger.warn({ err: error, sessionId }, 'publishing the viewer count failed'),
    )
  const timer = setInterval(() => {
    const localRooms = [...nsp.adapter.rooms.keys()].filter((name) => name.startsWith('live:'))
    // Rooms this process no longer serves: forget their last count.
    for (const sessionId of viewerCounts.keys()) if (!nsp.adapter.rooms.has(liveRoomName(sessionId))) viewerCounts.delete(sessionId)
    for (const sessionId of hostCompanies.keys()) if (!nsp.adapter.rooms.has(liveRoomName(sessionId))) hostCompanies.delete(sessionId)
    for (const sessionId of published.keys()) {
      if (nsp.adapter.rooms.has(liveRoomName(sessionId))) continue
      published.delete(sessionId)
      // This process published for a room it no longer serves: if nobody is left anywhere, the figure is
      // zero; otherwise another process takes over publishing on its next recount.
      void roomCensus(context, sessionId)
        .then(({ empty }) => (empty ? publishAudience(sessionId, 0) : undefined))
        .catch((error: unknown) => logger.warn({ err: error, sessionId }, 'publishing the viewer count failed'))
    }
    for (const name of localRooms) {
      const sessionId = name.slice('live:'.length)
      void Promise.all([roomCensus(context, sessionId), hostCompanyOf(sessionId)])
        .then(async ([census, hostCompanyId]) => {
          const count = countAudience(census.present.values(), hostCompanyId)
          if (!census.publishes) published.delete(sessionId)
          else if (published.get(sessionId) !== count) await publish(sessionId, count)
          if (viewerCounts.get(sessionId) === count) return
          viewerCounts.set(sessionId, count)
          nsp.local.to(name).emit('room:viewers', { count })
        })
        .catch((error: unknown) => logger.warn({ err: error, sessionId }, 'viewer count failed'))
    }
  }, 2000)
  return () => clearInterval(timer)
}
