import type { Device, types } from 'mediasoup-client'
import { request, type MediaSocket } from './signalling'

/** A viewer's receive transport. */
export async function openRecvTransport(socket: MediaSocket, device: Device): Promise<types.Transport> {
  const { transport: info } = await request(socket, 'media:create-transport', { direction: 'recv' })
  const transport = device.createRecvTransport({
    id: info.id,
    iceParameters: info.iceParameters,
    iceCandidates: info.iceCandidates,
    dtlsParameters: info.dtlsParameters,
    iceServers: info.iceServers,
  })
  transport.on('connect', ({ dtlsParameters }, callback, errback) => {
    request(socket, 'media:connect-transport', { transportId: transport.id, dtlsParameters }).then(() => callback(), errback)
  })
  return transport
}

/**
 * Consumes one producer. The server creates the consumer paused; it is resumed only after the
 * local consumer exists, so the first key frame is not lost.
 */
export async function consumeProducer(socket: MediaSocket, transport: types.Transport, producerId: string): Promise<types.Consumer> {
  const { consumer: params } = await request(socket, 'media:consume', { transportId: transport.id, producerId })
  const consumer = await transport.consume({
    id: params.id,
    producerId: params.producerId,
    kind: params.kind,
    rtpParameters: params.rtpParameters,
    appData: { source: params.source },
  })
  await request(socket, 'media:resume-consumer', { consumerId: consumer.id })
  return consumer
}
