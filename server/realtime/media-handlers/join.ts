import { assertShowcaseManagement, loadSessionFacts, roomContextFor } from '../../../app/domain/live/room-access.server.ts'
import { admitToMeetingRoom, recordMeetingRoomJoin } from '../../../app/domain/meetings/room-access.server.ts'
import { admitToConsultationRoom, recordConsultationRoomJoin } from '../../../app/domain/consultations/room-access.server.ts'
import type { MediaResponses, ParticipantInfo } from '../../../app/protocol/media.ts'
import { cookieHeaderNow } from '../../../app/utils/clock.server.ts'
import { identityKey } from '../../../app/domain/live/room-identity.ts'
import { addressBudgetKey } from '../../../app/lib/ip-network.ts'
import { ProtocolError } from '../gateway/index.ts'
import type { HandshakeRequest } from '../handshake-guard.ts'
import { type MediaContext, type MediaHandlers, type MediaSocket, mediaHostsRoomName, mediaRoomName, requireJoined } from './context.ts'
import { LocalPeerPort } from './peer-port.ts'
import { PeerQuota } from './peer-quota.ts'
import { ownerOf, withOwner } from './rooms.ts'

type JoinAnswer = MediaResponses['media:join']
type RouterCapabilities = JoinAnswer['routerRtpCapabilities']

/** media:join (a showcase as host or viewer, a meeting as participant), media:ready and media:leave. */
export function joinHandlers({ media, now, rooms, statuses, spans, recordings, restreams, cluster }: MediaContext): MediaHandlers {
  const quota = new PeerQuota()
  // One join at a time per connection: two joins in flight would each add a peer, and the first would be
  // left open (transports, a counted viewer) when the second replaced it.
  const joinsInFlight = new WeakMap<MediaSocket, Promise<unknown>>()
  function oneJoinAtATime<T>(socket: MediaSocket, join: () => Promise<T>): Promise<T> {
    const next = (joinsInFlight.get(socket) ?? Promise.resolve()).catch(() => undefined).then(join)
    joinsInFlight.set(socket, next)
    return next
  }
  const quotaKeys = (socket: MediaSocket) => {
    const identity = socket.data.identity
    return {
      identity: identity.kind === 'anonymous' ? `s:${socket.id}` : identityKey(identity),
      address: addressBudgetKey((socket.request as HandshakeRequest).tradecastClientAddress ?? socket.handshake.address),
    }
  }

  // A private meeting: only its seated participants, inside the room window (request clock), each
  // sending camera + microphone (+ screen) and receiving everyone else.
  async function joinMeeting(socket: MediaSocket, sessionId: string): Promise<JoinAnswer> {
    const identity = socket.data.identity
    if (identity.kind !== 'user') throw new ProtocolError('unauthenticated', 'Sign in to join this meeting.')
    const at = cookieHeaderNow(socket.request.headers.cookie, now())
    // A trade-officer consultation's room admits its two participants (docs/consultations.md); any other
    // private room is a meeting's.
    // Attendance: this seat showed up (HELD vs NO_SHOW after the meeting), recorded before any media object exists.
    const consultationSeat = await admitToConsultationRoom(sessionId, identity.userId, at)
    let seat: { name: string; role: ParticipantInfo['role']; session: { title: string; status: 'SCHEDULED' | 'LIVE' } }
    if (consultationSeat) {
      await recordConsultationRoomJoin(consultationSeat, at)
      seat = consultationSeat
    } else {
      const meetingSeat = await admitToMeetingRoom(sessionId, identity.userId, at)
      await recordMeetingRoomJoin(meetingSeat, at)
      seat = meetingSeat
    }
    await rooms.leave(socket)
    quota.check(quotaKeys(socket))
    // A meeting's room stays on the node its participants' sockets reach (ADR 020).
    const nodeId = cluster?.nodeId ?? null
    await rooms.enter(socket, sessionId, nodeId)
    const room = await media.openRoom(sessionId)
    rooms.wire(room)
    const peer = room.addPeer(socket.id, 'participant')
    quota.hold(peer, quotaKeys(socket))
    peer.label = { name: seat.name, role: seat.role }
    const info: ParticipantInfo = { peerId: peer.id, name: seat.name, role: seat.role }
    socket.data.joined = { sessionId, role: 'participant', media: new LocalPeerPort(room, peer, nodeId), local: { room, peer }, seat: info }
    peer.on('consumerclosed', (payload) => socket.emit('media:consumer-closed', payload))
    rooms.resetOnTimeout(socket)
    return {
      routerRtpCapabilities: room.rtpCapabilities as RouterCapabilities,
      status: seat.session.status,
      isHost: false,
      title: seat.session.title,
      seat: info,
    }
  }

  async function joinShowcaseOrMeeting(
    socket: MediaSocket,
    { sessionId, role }: { sessionId: string; role: 'host' | 'viewer' | 'participant' },
  ): Promise<JoinAnswer> {
    const identity = socket.data.identity
    if (identity.kind === 'anonymous') throw new ProtocolError('unauthenticated', 'Sign in or allow cookies to watch.')
    if (role === 'participant') return joinMeeting(socket, sessionId)
    // One read of the session: the access check (room-access.server.ts) and what the join answers.
    const session = await loadSessionFacts(sessionId)
    const { isHost } = roomContextFor(session, identity)
    if (role === 'host') {
      if (!isHost || identity.kind !== 'user') throw new ProtocolError('forbidden', 'Only members of the hosting company can broadcast.')
      // Broadcasting into a showcase is managing it: its host, or an OWNER/ADMIN (role read now, as the studio page does).
      await assertShowcaseManagement(sessionId, identity.userId, 'manage:showcase:own')
    }
    if (session.kind === 'MEETING') throw new ProtocolError('forbidden', 'Join a meeting room as a participant.')
    statuses.set(sessionId, session.status)
    await rooms.leave(socket)
    await socket.join(mediaRoomName(sessionId))
    if (session.status === 'ENDED' || session.status === 'CANCELLED') {
      return { routerRtpCapabilities: {}, status: session.status, isHost, title: session.title }
    }
    quota.check(quotaKeys(socket))
    // Guests minted over their network's budget watch uncounted (handshake-guard.ts).
    const counted = !(identity.kind === 'guest' && identity.transient)
    // In a cluster a viewer goes to the least loaded media node; a host produces where its socket is (the origin).
    const nodeId = cluster && role === 'viewer' ? cluster.placeViewer(sessionId) : (cluster?.nodeId ?? null)
    if (cluster && nodeId === null) throw new ProtocolError('too-many', 'Every media server of this showcase is full right now.')
    let capabilities: unknown
    if (!cluster || nodeId === cluster.nodeId) {
      const room = await media.openRoom(sessionId)
      rooms.wire(room)
      // A viewer on a node that is not the show's origin: the host's media is piped here first.
      if (cluster && role === 'viewer') await cluster.feed(room)
      const peer = room.addPeer(socket.id, role)
      peer.counted = counted
      socket.data.joined = { sessionId, role, media: new LocalPeerPort(room, peer, nodeId), local: { room, peer } }
      peer.on('consumerclosed', (payload) => socket.emit('media:consumer-closed', payload))
      peer.on('layerschange', (payload) => socket.emit('media:consumer-layers', payload))
      capabilities = room.rtpCapabilities
    } else if (nodeId) {
      // The peer lives on another node; its events reach this socket through the adapter.
      const remote = await cluster.openRemoteViewer(nodeId, { sessionId, peerId: socket.id, counted })
      socket.data.joined = { sessionId, role, media: remote.port, local: null }
      capabilities = remote.rtpCapabilities
    }
    const joined = requireJoined(socket)
    quota.hold(joined.media, quotaKeys(socket))
    await rooms.enter(socket, sessionId, nodeId)
    rooms.resetOnTimeout(socket)
    if (session.status === 'LIVE' && recordings) socket.emit('media:recording', recordings.stateOf(sessionId))
    if (role === 'host' && restreams) {
      await socket.join(mediaHostsRoomName(sessionId))
      socket.emit('media:restream', restreams.statusOf(sessionId))
    }
    return {
      routerRtpCapabilities: capabilities as RouterCapabilities,
      status: session.status,
      isHost,
      title: session.title,
      ...(nodeId ? { mediaNode: nodeId } : {}),
    }
  }

  return {
    'media:join': (socket, request) => oneJoinAtATime(socket, () => joinShowcaseOrMeeting(socket, request)),

    'media:ready': async (socket, { rtpCapabilities }) => {
      const joined = requireJoined(socket)
      joined.rtpCapabilities = rtpCapabilities
      if (joined.seat && joined.local) {
        const { room, peer } = joined.local
        const wasJoined = peer.joined
        room.peerJoined(peer)
        if (!wasJoined) socket.to(mediaRoomName(joined.sessionId)).emit('media:participant-joined', joined.seat)
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
      const producers = await joined.media.ready()
      const identity = socket.data.identity
      const current = await statuses.get(joined.sessionId)
      // Guests minted over their network's budget watch without a view span: such churn never reaches
      // the viewer figures (unique, peak, watch time) organizers report.
      const counted = identity.kind === 'user' || (identity.kind === 'guest' && !identity.transient)
      if (joined.role === 'viewer' && counted && !joined.spanId) {
        const viewer = identity.kind === 'user' ? { userId: identity.userId } : { guestKey: identity.guestKey }
        // The viewer may leave while the row is being written.
        joined.spanId = await spans.start(joined.sessionId, viewer, () => socket.data.joined === joined)
      }
      const viewerCount = cluster ? await cluster.viewerTotal(joined.sessionId) : (joined.local?.room.viewerCount() ?? 0)
      return { producers, viewerCount, status: current }
    },

    'media:leave': async (socket) => {
      await rooms.leave(socket)
      return {}
    },
  }
}
