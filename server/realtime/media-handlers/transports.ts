import { assertShowcaseManagement } from '../../../app/domain/live/room-access.server.ts'
import type { Peer } from '../../media/index.ts'
import { ProtocolError } from '../gateway/index.ts'
import { type MediaContext, type MediaHandlers, type MediaSocket, mediaRoomName, requireJoined, requireProducer } from './context.ts'

/**
 * A host's right to broadcast is read again at each produce (two indexed reads), not only at join: an agency
 * whose grant lost SHOWCASES, or a member who lost their role, is refused from the next produce on (ADR 026).
 */
async function requireStillManaging(socket: MediaSocket, sessionId: string): Promise<void> {
  const identity = socket.data.identity
  if (identity.kind !== 'user') throw new ProtocolError('forbidden', 'Only members of the hosting company can broadcast.')
  await assertShowcaseManagement(sessionId, identity.userId, 'manage:showcase:own')
}

/** Transports, producers (the host's or a meeting seat's own) and consumers of a joined connection. */
export function transportHandlers({ nsp, iceServers, statuses, recordings, restreams }: MediaContext): MediaHandlers {
  const setPaused =
    (paused: boolean): MediaHandlers['media:pause-producer'] =>
    async (socket, { producerId }) => {
      const joined = requireProducer(socket, 'producer')
      const producer = joined.local.peer.producer(producerId)
      if (paused) await producer.pause()
      else await producer.resume()
      nsp.to(mediaRoomName(joined.sessionId)).emit('media:producer-paused', { producerId, paused })
      return {}
    }

  return {
    'media:create-transport': async (socket, { direction }) => {
      const joined = requireJoined(socket)
      if (direction === 'send' && joined.role === 'viewer') throw new ProtocolError('forbidden', 'Only the host can broadcast.')
      return { transport: { ...(await joined.media.createTransport(direction)), iceServers } }
    },

    'media:connect-transport': async (socket, { transportId, dtlsParameters }) => {
      await requireJoined(socket).media.connectTransport(transportId, dtlsParameters)
      return {}
    },

    'media:produce': async (socket, { transportId, kind, rtpParameters, source }) => {
      const joined = requireProducer(socket, 'producer')
      if (joined.role === 'host') await requireStillManaging(socket, joined.sessionId)
      if (joined.role === 'host' && (await statuses.get(joined.sessionId)) !== 'LIVE') throw new ProtocolError('not-live', 'Go live before broadcasting.')
      const producer = await joined.local.peer.produce(transportId, kind, rtpParameters as Parameters<Peer['produce']>[2], source)
      // A host producing into a live show (also after a server restart, when nobody pressed "go live"): record it.
      if (joined.role === 'host') void recordings?.sessionLive(joined.sessionId, joined.local.room)
      if (joined.role === 'host') void restreams?.sessionLive(joined.sessionId, joined.local.room)
      return { producerId: producer.id }
    },

    'media:pause-producer': setPaused(true),
    'media:resume-producer': setPaused(false),

    'media:close-producer': async (socket, { producerId }) => {
      requireProducer(socket, 'producer').local.peer.producer(producerId).close()
      return {}
    },

    'media:set-source': async (socket, { producerId, source }) => {
      const joined = requireProducer(socket, 'host')
      joined.local.peer.producer(producerId)
      joined.local.room.setProducerSource(producerId, source)
      nsp.to(mediaRoomName(joined.sessionId)).emit('media:producer-source', { producerId, source })
      return {}
    },

    'media:consume': async (socket, { transportId, producerId }) => {
      const joined = requireJoined(socket)
      if (!joined.rtpCapabilities) throw new ProtocolError('not-joined', 'Send media:ready first.')
      return { consumer: await joined.media.consume(transportId, producerId, joined.rtpCapabilities) }
    },

    'media:resume-consumer': async (socket, { consumerId }) => {
      await requireJoined(socket).media.resumeConsumer(consumerId)
      return {}
    },

    'media:set-quality': async (socket, { consumerId, quality }) => {
      await requireJoined(socket).media.setQuality(consumerId, quality)
      return {}
    },
  }
}
