import type { Namespace, Server, Socket } from 'socket.io'
import { z } from 'zod'
import { endLive, getSessionHeader, goLive, LifecycleError } from '../../app/domain/live/lifecycle.server.ts'
import { assertShowcaseManagement, loadRoomContext, RoomAccessError } from '../../app/domain/live/room-access.server.ts'
import type { RoomIdentity } from '../../app/domain/live/room-identity.ts'
import { closeViewSpan, openViewSpan, refreshViewStats, touchViewSpans } from '../../app/domain/live/viewers.server.ts'
import { admitToMeetingRoom, MeetingRoomError } from '../../app/domain/meetings/room-access.server.ts'
import {
  MEDIA_REQUEST_SCHEMAS,
  QUALITY_LAYER,
  type MediaAck,
  type MediaClientToServer,
  type MediaErrorCode,
  type MediaRequestName,
  type MediaResponses,
  type MediaServerToClient,
  type MeetingSeatRole,
  type ParticipantInfo,
  type ProducerInfo,
  type SessionStatus,
  type TransportInfo,
} from '../../app/protocol/media.ts'
import { cookieHeaderNow } from '../../app/utils/clock.server.ts'
import { getLogger } from '../../app/utils/logger.server.ts'
import { MediaError, type MediaLayer, type Peer, type Room } from '../media/index.ts'
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'
import { installGuestCookie } from './guest-cookie.ts'
import { refuseUnknownEvents } from './unknown-events.ts'
import { authenticateHandshake, joinIdentityRooms, revalidateRecovered } from './socket-identity.ts'

type Joined = { sessionId: string; role: 'host' | 'viewer' | 'participant'; room: Room; peer: Peer; rtpCapabilities?: unknown; spanId?: string; seat?: ParticipantInfo }
type SocketData = { identity: RoomIdentity | { kind: 'anonymous' }; joined: Joined | null; authSessionId: string | null }
type MediaSocket = Socket<MediaClientToServer, MediaServerToClient, Record<string, never>, SocketData>
type MediaNamespace = Namespace<MediaClientToServer, MediaServerToClient, Record<string, never>, SocketData>

export type MediaNamespaceOptions = {
  media: MediaLayer
  /** Handed to browsers with every transport (STUN/TURN). */
  iceServers: TransportInfo['iceServers']
  /** ENABLE_TEST_HOOKS=1: answers `test:kill-worker`. Never on in production deployments. */
  testHooks: boolean
  /** Heartbeat of open viewer spans and stats refresh, ms. */
  heartbeatMs?: number
  now?: () => Date
}

class RequestError extends Error {
  constructor(
    readonly code: MediaErrorCode,
    message: string,
  ) {
    super(message)
  }
}

const roomName = (sessionId: string) => `media:${sessionId}`

/** Requests one connection may send per window (valid or not). */
export const MEDIA_EVENT_BUDGET = { points: 60, duration: 10 }

/** Meetings: the seat label of a producer's owner (showcase peers have none). */
function ownerOf(room: Room, ownerId: string): ParticipantInfo | undefined {
  const label = room.peers.get(ownerId)?.label
  return label ? { peerId: ownerId, name: label.name, role: label.role as MeetingSeatRole } : undefined
}

function withOwner(room: Room, producer: Omit<ProducerInfo, 'owner'> & { ownerId: string }): ProducerInfo {
  const { ownerId, ...info } = producer
  const owner = ownerOf(room, ownerId)
  return owner ? { ...info, owner } : info
}

function toErrorAnswer(error: unknown): MediaAck<never> {
  if (error instanceof RequestError) return { ok: false, error: { code: error.code, message: error.message } }
  if (error instanceof RoomAccessError) {
    const messages = { 'not-found': 'No such live session.', forbidden: 'You cannot watch this session.', unauthenticated: 'Sign in to watch this session.' }
    return { ok: false, error: { code: error.code, message: messages[error.code] } }
  }
  if (error instanceof MeetingRoomError) {
    const code: MediaErrorCode = error.code === 'early' ? 'not-live' : error.code === 'closed' ? 'ended' : error.code
    return { ok: false, error: { code, message: error.message } }
  }
  if (error instanceof LifecycleError) {
    return { ok: false, error: { code: error.code === 'not-found' ? 'not-found' : 'ended', message: error.message } }
  }
  if (error instanceof MediaError) {
    const code: MediaErrorCode = error.code === 'closed' ? 'restarting' : error.code
    return { ok: false, error: { code, message: error.message } }
  }
  getLogger().error({ err: error }, 'media request failed')
  return { ok: false, error: { code: 'internal', message: 'Something went wrong on our side; try again.' } }
}

/**
 * The `/media` namespace: mediasoup signalling for live showcases. Identity comes from the
 * handshake cookies (session or signed guest key); every request is parsed with
 * app/protocol/media.ts; handlers stay thin over app/domain/live (lifecycle, views, stats) and
 * server/media (rooms, peers).
 */
export function registerMediaNamespace(io: Server, options: MediaNamespaceOptions): { close: () => Promise<void> } {
  const nsp = io.of('/media') as unknown as MediaNamespace
  const logger = getLogger().child({ ns: 'media' })
  const now = options.now ?? (() => new Date())
  const { media } = options
  installGuestCookie(io)

  const status = new Map<string, SessionStatus>()
  const openSpans = new Map<string, string>() // spanId → sessionId
  const dirtyStats = new Set<string>()
  const wiredRooms = new WeakSet<Room>()
  const viewerTimers = new Map<string, NodeJS.Timeout>()

  nsp.use(async (socket, next) => {
    try {
      const { identity, authSessionId } = await authenticateHandshake(socket.request)
      socket.data.authSessionId = authSessionId
      // A recovered connection keeps its state only while its identity still holds.
      if (!revalidateRecovered(socket, identity)) {
        socket.data.identity = identity
        socket.data.joined = null
      }
      next()
    } catch (error) {
      logger.error({ err: error }, 'media handshake failed')
      next(new Error('authentication failed'))
    }
  })

  function wireRoom(room: Room) {
    if (wiredRooms.has(room)) return
    wiredRooms.add(room)
    const to = () => nsp.to(roomName(room.id))
    room.on('produceradded', (producer) => to().emit('media:producer-added', withOwner(room, { ...producer, paused: false })))
    room.on('producerclosed', (payload) => to().emit('media:producer-closed', payload))
    room.on('viewers', () => {
      // At most one viewer-count broadcast per second per room.
      if (viewerTimers.has(room.id)) return
      viewerTimers.set(
        room.id,
        setTimeout(() => {
          viewerTimers.delete(room.id)
          if (!room.closed) to().emit('media:viewers', { count: room.viewerCount() })
        }, 1000),
      )
    })
    room.once('closed', (reason) => {
      // Tell the room's sockets first (they re-join a fresh room), then drop their peers and spans.
      if (reason === 'worker-died' || reason === 'shutdown') to().emit('media:reset', { reason })
      void (async () => {
        for (const remote of await nsp.in(roomName(room.id)).fetchSockets()) {
          const local = nsp.sockets.get(remote.id)
          if (local?.data.joined?.room === room) await leave(local)
        }
      })().catch((error: unknown) => logger.warn({ err: error }, 'leaving a closed room failed'))
    })
  }

  async function leave(socket: MediaSocket) {
    const joined = socket.data.joined
    if (!joined) return
    socket.data.joined = null
    if (joined.seat && joined.peer.joined) socket.to(roomName(joined.sessionId)).emit('media:participant-left', { peerId: joined.peer.id })
    joined.peer.close()
    await socket.leave(roomName(joined.sessionId))
    if (joined.spanId) {
      openSpans.delete(joined.spanId)
      await closeViewSpan(joined.spanId, now()).catch((error: unknown) => logger.warn({ err: error }, 'closing a view span failed'))
      dirtyStats.add(joined.sessionId)
    }
  }

  /** `producer`: the showcase host or a meeting participant (their own producers only). */
  function requireJoined(socket: MediaSocket, role?: 'host' | 'producer'): Joined {
    const joined = socket.data.joined
    if (!joined || joined.peer.closed) throw new RequestError('not-joined', 'Join the session first.')
    if (role === 'host' && joined.role !== 'host') throw new RequestError('forbidden', 'Only the host can do this.')
    if (role === 'producer' && joined.role === 'viewer') throw new RequestError('forbidden', 'Only the host can do this.')
    return joined
  }

  async function sessionStatus(sessionId: string): Promise<SessionStatus> {
    const known = status.get(sessionId)
    if (known) return known
    const header = await getSessionHeader(sessionId)
    if (!header) throw new RequestError('not-found', 'No such live session.')
    status.set(sessionId, header.status)
    return header.status
  }

  type Handler<E extends MediaRequestName> = (socket: MediaSocket, input: z.output<(typeof MEDIA_REQUEST_SCHEMAS)[E]>) => Promise<MediaResponses[E]>
  const handlers: { [E in MediaRequestName]?: Handler<E> } = {}
  function handle<E extends MediaRequestName>(event: E, handler: Handler<E>) {
    handlers[event] = handler as (typeof handlers)[E]
  }

  // A private meeting: only its seated participants, inside the room window (request clock), each
  // sending camera + microphone (+ screen) and receiving everyone else.
  async function joinMeeting(socket: MediaSocket, sessionId: string): Promise<MediaResponses['media:join']> {
    const identity = socket.data.identity
    if (identity.kind !== 'user') throw new RequestError('unauthenticated', 'Sign in to join this meeting.')
    const seat = await admitToMeetingRoom(sessionId, identity.userId, cookieHeaderNow(socket.request.headers.cookie, now()))
    const header = await getSessionHeader(sessionId)
    if (!header) throw new RequestError('not-found', 'No such live session.')
    await leave(socket)
    await socket.join(roomName(sessionId))
    const room = await media.openRoom(sessionId)
    wireRoom(room)
    const peer = room.addPeer(socket.id, 'participant')
    peer.label = { name: seat.name, role: seat.role }
    const info: ParticipantInfo = { peerId: peer.id, name: seat.name, role: seat.role }
    socket.data.joined = { sessionId, role: 'participant', room, peer, seat: info }
    peer.on('consumerclosed', (payload) => socket.emit('media:consumer-closed', payload))
    peer.once('closed', () => {
      if (socket.data.joined?.peer === peer && !peer.joined) {
        void leave(socket)
        socket.emit('media:reset', { reason: 'peer-timeout' })
      }
    })
    return { routerRtpCapabilities: room.rtpCapabilities as MediaResponses['media:join']['routerRtpCapabilities'], status: header.status, isHost: false, title: header.title, seat: info }
  }

  handle('media:join', async (socket, { sessionId, role }) => {
    const identity = socket.data.identity
    if (identity.kind === 'anonymous') throw new RequestError('unauthenticated', 'Sign in or allow cookies to watch.')
    if (role === 'participant') return joinMeeting(socket, sessionId)
    const context = await loadRoomContext(sessionId, identity)
    if (role === 'host' && !context.isHost) throw new RequestError('forbidden', 'Only members of the hosting company can broadcast.')
    const header = await getSessionHeader(sessionId)
    if (!header) throw new RequestError('not-found', 'No such live session.')
    if (header.kind === 'MEETING') throw new RequestError('forbidden', 'Join a meeting room as a participant.')
    status.set(sessionId, header.status)
    await leave(socket)
    await socket.join(roomName(sessionId))
    if (header.status === 'ENDED' || header.status === 'CANCELLED') {
      return { routerRtpCapabilities: {}, status: header.status, isHost: context.isHost, title: header.title }
    }
    const room = await media.openRoom(sessionId)
    wireRoom(room)
    const peer = room.addPeer(socket.id, role)
    // Guests minted over their network's budget watch uncounted (handshake-guard.ts).
    peer.counted = !(identity.kind === 'guest' && identity.transient)
    socket.data.joined = { sessionId, role, room, peer }
    peer.on('consumerclosed', (payload) => socket.emit('media:consumer-closed', payload))
    peer.on('layerschange', (payload) => socket.emit('media:consumer-layers', payload))
    peer.once('closed', () => {
      // Closed by the join timeout (never sent media:ready) rather than by leave().
      if (socket.data.joined?.peer === peer && !peer.joined) {
        void leave(socket)
        socket.emit('media:reset', { reason: 'peer-timeout' })
      }
    })
    return { routerRtpCapabilities: room.rtpCapabilities as MediaResponses['media:join']['routerRtpCapabilities'], status: header.status, isHost: context.isHost, title: header.title }
  })

  handle('media:ready', async (socket, { rtpCapabilities }) => {
    const joined = requireJoined(socket)
    joined.rtpCapabilities = rtpCapabilities
    const wasJoined = joined.peer.joined
    joined.room.peerJoined(joined.peer)
    if (joined.seat) {
      const { room, peer } = joined
      if (!wasJoined) socket.to(roomName(joined.sessionId)).emit('media:participant-joined', joined.seat)
      const participants = [...room.peers.values()]
        .filter((other) => other !== peer && other.joined && other.label)
        .map((other) => ownerOf(room, other.id))
        .filter((owner): owner is ParticipantInfo => owner !== undefined)
      const producers = room
        .hostProducers()
        .filter((producer) => producer.ownerId !== peer.id)
        .map((producer) => withOwner(room, producer))
      return { producers, viewerCount: 0, status: 'LIVE', participants }
    }
    const identity = socket.data.identity
    const current = await sessionStatus(joined.sessionId)
    // Guests minted over their network's budget watch without a view span: such churn never reaches
    // the viewer figures (unique, peak, watch time) organizers report.
    const counted = identity.kind === 'user' || (identity.kind === 'guest' && !identity.transient)
    if (joined.role === 'viewer' && counted && !joined.spanId) {
      const viewer = identity.kind === 'user' ? { userId: identity.userId } : { guestKey: identity.guestKey }
      joined.spanId = await openViewSpan(joined.sessionId, viewer, now())
      openSpans.set(joined.spanId, joined.sessionId)
      dirtyStats.add(joined.sessionId)
      if (socket.data.joined !== joined) {
        // Left while the row was being written.
        openSpans.delete(joined.spanId)
        await closeViewSpan(joined.spanId, now())
      }
    }
    return { producers: joined.room.hostProducers().map(({ ownerId: _owner, ...producer }) => producer), viewerCount: joined.room.viewerCount(), status: current }
  })

  handle('media:create-transport', async (socket, { direction }) => {
    const joined = requireJoined(socket)
    if (direction === 'send' && joined.role === 'viewer') throw new RequestError('forbidden', 'Only the host can broadcast.')
    const transport = await joined.peer.createTransport(direction)
    return {
      transport: {
        id: transport.id,
        iceParameters: transport.iceParameters,
        iceCandidates: transport.iceCandidates as TransportInfo['iceCandidates'],
        dtlsParameters: transport.dtlsParameters as TransportInfo['dtlsParameters'],
        iceServers: options.iceServers,
      },
    }
  })

  handle('media:connect-transport', async (socket, { transportId, dtlsParameters }) => {
    await requireJoined(socket).peer.connectTransport(transportId, dtlsParameters)
    return {}
  })

  handle('media:produce', async (socket, { transportId, kind, rtpParameters, source }) => {
    const joined = requireJoined(socket, 'producer')
    if (joined.role === 'host') {
      const current = await sessionStatus(joined.sessionId)
      if (current !== 'LIVE') throw new RequestError('not-live', 'Go live before broadcasting.')
    }
    const producer = await joined.peer.produce(transportId, kind, rtpParameters as Parameters<Peer['produce']>[2], source)
    return { producerId: producer.id }
  })

  for (const [event, paused] of [
    ['media:pause-producer', true],
    ['media:resume-producer', false],
  ] as const) {
    handle(event, async (socket, { producerId }) => {
      const joined = requireJoined(socket, 'producer')
      const producer = joined.peer.producer(producerId)
      if (paused) await producer.pause()
      else await producer.resume()
      nsp.to(roomName(joined.sessionId)).emit('media:producer-paused', { producerId, paused })
      return {}
    })
  }

  handle('media:close-producer', async (socket, { producerId }) => {
    requireJoined(socket, 'producer').peer.producer(producerId).close()
    return {}
  })

  handle('media:set-source', async (socket, { producerId, source }) => {
    const joined = requireJoined(socket, 'host')
    joined.peer.producer(producerId)
    joined.room.setProducerSource(producerId, source)
    nsp.to(roomName(joined.sessionId)).emit('media:producer-source', { producerId, source })
    return {}
  })

  handle('media:consume', async (socket, { transportId, producerId }) => {
    const joined = requireJoined(socket)
    if (!joined.rtpCapabilities) throw new RequestError('not-joined', 'Send media:ready first.')
    const consumer = await joined.peer.consume(transportId, producerId, joined.rtpCapabilities as Parameters<Peer['consume']>[2])
    return { consumer: { ...consumer, rtpParameters: consumer.rtpParameters as MediaResponses['media:consume']['consumer']['rtpParameters'] } }
  })

  handle('media:resume-consumer', async (socket, { consumerId }) => {
    await requireJoined(socket).peer.consumer(consumerId).resume()
    return {}
  })

  handle('media:set-quality', async (socket, { consumerId, quality }) => {
    const consumer = requireJoined(socket).peer.consumer(consumerId)
    if (consumer.type !== 'simulcast') throw new RequestError('invalid', 'This stream has a single quality.')
    // "auto" asks for the top layer; mediasoup's bandwidth estimation still lowers it when needed.
    await consumer.setPreferredLayers({ spatialLayer: QUALITY_LAYER[quality], temporalLayer: 2 })
    return {}
  })

  handle('media:go-live', async (socket) => {
    const joined = requireJoined(socket, 'host')
    const identity = socket.data.identity
    if (identity.kind !== 'user') throw new RequestError('forbidden', 'Only the host can go live.')
    // The company role is read again now (a member goes live only with the showcases they host).
    await assertShowcaseManagement(joined.sessionId, identity.userId, 'manage:showcase:own')
    const result = await goLive(joined.sessionId, identity.userId, now())
    status.set(joined.sessionId, 'LIVE')
    nsp.to(roomName(joined.sessionId)).emit('media:status', { status: 'LIVE' })
    dirtyStats.add(joined.sessionId)
    return { status: 'LIVE', startedAt: result.startedAt.toISOString() }
  })

  handle('media:end', async (socket) => {
    const joined = requireJoined(socket, 'host')
    const { sessionId, room } = joined
    const identity = socket.data.identity
    if (identity.kind !== 'user') throw new RequestError('forbidden', 'Only the host can end the showcase.')
    await assertShowcaseManagement(sessionId, identity.userId, 'manage:showcase:own')
    const result = await endLive(sessionId, now())
    status.set(sessionId, 'ENDED')
    nsp.to(roomName(sessionId)).emit('media:status', { status: 'ENDED' })
    // Closing the room leaves every socket of it (their spans close at this instant), then final stats.
    room.close('ended')
    for (const remote of await nsp.in(roomName(sessionId)).fetchSockets()) {
      const local = nsp.sockets.get(remote.id)
      if (local) await leave(local)
    }
    await refreshViewStats(sessionId, now())
    dirtyStats.delete(sessionId)
    return { status: 'ENDED', endedAt: result.endedAt.toISOString() }
  })

  handle('media:leave', async (socket) => {
    await leave(socket)
    return {}
  })

  if (options.testHooks) {
    handle('test:kill-worker', async (_socket, { sessionId }) => ({ pid: media.killWorkerOf(sessionId) }))
  }

  // Every request, valid or not, counts against a budget per connection (as on /live): joins read the
  // database and open rooms, so a flooding client must not make the server do that without end.
  // Sized for a meeting seat setting up (two transports, three producers, a consumer per stream).
  const eventLimiter = new RateLimiterMemory({ keyPrefix: 'media-events', ...MEDIA_EVENT_BUDGET })
  const withinBudget = async (socket: MediaSocket) => {
    try {
      await eventLimiter.consume(socket.id)
      return true
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return false
      throw rejection
    }
  }

  nsp.on('connection', (socket: MediaSocket) => {
    void joinIdentityRooms(socket, socket.data.identity, socket.data.authSessionId)
    refuseUnknownEvents(socket, Object.keys(MEDIA_REQUEST_SCHEMAS), async (event, ack) => {
      const allowed = await withinBudget(socket)
      ack?.({ ok: false, error: allowed ? { code: 'invalid', message: `Unknown request ${event}.` } : { code: 'rate-limited', message: 'Too many requests; slow down.' } })
    })
    for (const event of Object.keys(MEDIA_REQUEST_SCHEMAS) as MediaRequestName[]) {
      socket.on(event, async (payload: unknown, ack?: unknown) => {
        const reply = typeof ack === 'function' ? (ack as (answer: MediaAck<object>) => void) : () => undefined
        if (!(await withinBudget(socket))) {
          reply({ ok: false, error: { code: 'rate-limited', message: 'Too many requests; slow down.' } })
          return
        }
        const handler = handlers[event] as Handler<MediaRequestName> | undefined
        if (!handler) {
          reply({ ok: false, error: { code: 'not-found', message: `Unknown request ${event}.` } })
          return
        }
        const parsed = MEDIA_REQUEST_SCHEMAS[event].safeParse(payload ?? {})
        if (!parsed.success) {
          reply({ ok: false, error: { code: 'invalid', message: parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ') } })
          return
        }
        try {
          reply({ ok: true, ...(await handler(socket, parsed.data as never)) })
        } catch (error) {
          reply(toErrorAnswer(error))
        }
      })
    }
    socket.on('disconnect', () => {
      void leave(socket).catch((error: unknown) => logger.warn({ err: error }, 'media leave failed'))
    })
  })

  // Open spans move forward every heartbeat; stats of sessions whose viewers changed are refreshed.
  const heartbeatMs = options.heartbeatMs ?? 5000
  const heartbeat = setInterval(() => {
    void (async () => {
      const at = now()
      await touchViewSpans([...openSpans.keys()], at)
      for (const sessionId of new Set(openSpans.values())) dirtyStats.add(sessionId)
      const sessions = [...dirtyStats]
      dirtyStats.clear()
      for (const sessionId of sessions) await refreshViewStats(sessionId, at)
    })().catch((error: unknown) => logger.warn({ err: error }, 'viewer heartbeat failed'))
  }, heartbeatMs)
  heartbeat.unref()

  return {
    async close() {
      clearInterval(heartbeat)
      for (const timer of viewerTimers.values()) clearTimeout(timer)
      // Close spans at shutdown so watch time is exact up to this instant.
      const at = now()
      const spans = [...openSpans.entries()]
      openSpans.clear()
      await touchViewSpans(
        spans.map(([spanId]) => spanId),
        at,
      ).catch(() => undefined)
      for (const sessionId of new Set(spans.map(([, sessionId]) => sessionId))) await refreshViewStats(sessionId, at).catch(() => undefined)
    },
  }
}
