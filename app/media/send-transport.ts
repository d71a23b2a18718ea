import type { types } from 'mediasoup-client'
import type { Device } from 'mediasoup-client'
import type { MediaSource } from '~/protocol/media'
import { wireRtpParameters } from './rtp-wire'
import { request, type MediaSocket } from './signalling'

/** Three VP8 simulcast layers (¼, ½, full resolution): each viewer gets what its bandwidth allows. */
export const SIMULCAST_ENCODINGS: types.RtpEncodingParameters[] = [
  { rid: 'r0', scaleResolutionDownBy: 4, maxBitrate: 150_000, maxFramerate: 15 },
  { rid: 'r1', scaleResolutionDownBy: 2, maxBitrate: 400_000, maxFramerate: 30 },
  { rid: 'r2', scaleResolutionDownBy: 1, maxBitrate: 1_200_000, maxFramerate: 30 },
]

/** The host's send transport: DTLS connect and produce go through the signalling socket. */
export async function openSendTransport(socket: MediaSocket, device: Device): Promise<types.Transport> {
  const { transport: info } = await request(socket, 'media:create-transport', { direction: 'send' })
  const transport = device.createSendTransport({
    id: info.id,
    iceParameters: info.iceParameters,
    iceCandidates: info.iceCandidates,
    dtlsParameters: info.dtlsParameters,
    iceServers: info.iceServers,
  })
  transport.on('connect', ({ dtlsParameters }, callback, errback) => {
    request(socket, 'media:connect-transport', { transportId: transport.id, dtlsParameters }).then(() => callback(), errback)
  })
  transport.on('produce', ({ kind, rtpParameters, appData }, callback, errback) => {
    const source = (appData.source as MediaSource | undefined) ?? (kind === 'audio' ? 'microphone' : 'camera')
    request(socket, 'media:produce', { transportId: transport.id, kind, rtpParameters: wireRtpParameters(rtpParameters), source }).then(
      ({ producerId }) => callback({ id: producerId }),
      errback,
    )
  })
  return transport
}

export async function produceVideo(transport: types.Transport, track: MediaStreamTrack, source: 'camera' | 'screen'): Promise<types.Producer> {
  return transport.produce({
    track,
    // The studio owns its tracks (camera ↔ screen switches reuse them): never stop them on replace.
    stopTracks: false,
    encodings: SIMULCAST_ENCODINGS,
    codecOptions: { videoGoogleStartBitrate: 1000 },
    appData: { source },
  })
}

export async function produceAudio(transport: types.Transport, track: MediaStreamTrack): Promise<types.Producer> {
  return transport.produce({ track, stopTracks: false, codecOptions: { opusStereo: false, opusDtx: true }, appData: { source: 'microphone' } })
}
