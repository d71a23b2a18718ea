import { QUALITY_LAYER, type MediaResponses } from '../../../app/protocol/media.ts'
import type { Peer } from '../../media/index.ts'
import { ProtocolError } from '../gateway/index.ts'
import { type MediaContext, type MediaHandlers, mediaRoomName, requireJoined } from './context.ts'

/** Transports, producers (the host's or a meeting seat's own) and consumers of a joined connection. */
export function transportHandlers({ nsp, iceServers, statuses, recordings, restreams }: MediaContext): MediaHandlers {
  const setPaused =
    (paused: boolean): MediaHandlers['media:pause-producer'] =>
    async (socket, { producerId }) => {
      const joined = requireJoined(socket, 'producer')
      const producer = joined.peer.producer(producerId)
      if (paused) await producer.pause()
      else await producer.resume()
      nsp.to(mediaRoomName(joined.sessionId)).emit('media:producer-paused', { producerId, paused })
      return {}
    }

  return {
    'media:create-transport': async (socket, { direction }) => {
      const joined = requireJoined(socket)
      if (direction === 'send' && joined.role === 'viewer') throw new ProtocolError('forbidden', 'Only the host can broadcast.')
      const transport = await joined.peer.createTransport(direction)
      return {
        transport: {
          id: transport.id,
          iceParameters: transport.iceParameters,
          iceCandidates: transport.iceCandidates,
          dtlsParameters: transport.dtlsParameters,
          iceServers,
        },
      }
    },

    'media:connect-transport': async (socket, { transportId, dtlsParameters }) => {
      await requireJoined(socket).peer.connectTransport(transportId, dtlsParameters)
      return {}
    },

    'media:produce': async (socket, { transportId, kind, rtpParameters, source }) => {
      const joined = requireJoined(socket, 'producer')
      if (joined.role === 'host' && (await statuses.get(joined.sessionId)) !== 'LIVE') throw new ProtocolError('not-live', 'Go live before broadcasting.')
      const producer = await joined.peer.produce(transportId, kind, rtpParameters as Parameters<Peer['produce']>[2], source)
      // A host producing into a live show (also after a server restart, when nobody pressed "go live"): record it.
      if (joined.role === 'host') void recordings?.sessionLive(joined.sessionId, joined.room)
      if (joined.role === 'host') void restreams?.sessionLive(joined.sessionId, joined.room)
      return { producerId: producer.id }
    },

    'media:pause-producer': setPaused(true),
    'media:resume-producer': setPaused(false),

    'media:close-producer': async (socket, { producerId }) => {
      requireJoined(socket, 'producer').peer.producer(producerId).close()
      return {}
    },

    'media:set-source': async (socket, { producerId, source }) => {
      const joined = requireJoined(socket, 'host')
      joined.peer.producer(producerId)
      joined.room.setProducerSource(producerId, source)
      nsp.to(mediaRoomName(joined.sessionId)).emit('media:producer-source', { producerId, source })
      return {}
    },

    'media:consume': async (socket, { transportId, producerId }) => {
      const joined = requireJoined(socket)
      if (!joined.rtpCapabilities) throw new ProtocolError('not-joined', 'Send media:ready first.')
      const consumer = await joined.peer.consume(transportId, producerId, joined.rtpCapabilities)
      return { consumer: { ...consumer, rtpParameters: consumer.rtpParameters as MediaResponses['media:consume']['consumer']['rtpParameters'] } }
    },

    'media:resume-consumer': async (socket, { consumerId }) => {
      await requireJoined(socket).peer.consumer(consumerId).resume()
      return {}
    },

    'media:set-quality': async (socket, { consumerId, quality }) => {
      const consumer = requireJoined(socket).peer.consumer(consumerId)
      if (consumer.type !== 'simulcast') throw new ProtocolError('invalid', 'This stream has a single quality.')
      // "auto" asks for the top layer; mediasoup's bandwidth estimation still lowers it when needed.
      await consumer.setPreferredLayers({ spatialLayer: QUALITY_LAYER[quality], temporalLayer: 2 })
      return {}
    },
  }
}
