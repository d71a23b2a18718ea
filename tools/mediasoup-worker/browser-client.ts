// Page side of browser-e2e.ts (bundled with esbuild, run in headless Chromium).
// Publishes the fake camera + microphone through mediasoup and consumes both
// back over a second WebRtcTransport. Signalling is a single function that
// browser-e2e.ts exposes on window (page.exposeFunction), so no web socket.
import { Device } from 'mediasoup-client'
import type { types } from 'mediasoup-client'

type TransportInfo = {
  id: string
  iceParameters: types.IceParameters
  iceCandidates: types.IceCandidate[]
  dtlsParameters: types.DtlsParameters
}

type ConsumerInfo = {
  id: string
  producerId: string
  kind: types.MediaKind
  rtpParameters: types.RtpParameters
}

export type E2eResult = {
  handlerName: string
  framesDecoded: number
  frameWidth: number
  frameHeight: number
  videoBytesReceived: number
  audioPacketsReceived: number
  elapsedMs: number
}

// Not a `declare global` augmentation, so the app's Window type stays clean.
type E2eWindow = Window & {
  msRequest: (method: string, data?: unknown) => Promise<unknown>
  runE2e: () => Promise<E2eResult>
}
const e2eWindow = window as unknown as E2eWindow

async function req<T>(method: string, data?: unknown): Promise<T> {
  return (await e2eWindow.msRequest(method, data)) as T
}

function wireConnect(transport: types.Transport): void {
  transport.on('connect', ({ dtlsParameters }, callback, errback) => {
    req('connectWebRtcTransport', { transportId: transport.id, dtlsParameters }).then(
      () => callback(),
      (error: unknown) => errback(error instanceof Error ? error : new Error(String(error))),
    )
  })
}

async function run(): Promise<E2eResult> {
  const started = performance.now()
  const routerRtpCapabilities = await req<types.RtpCapabilities>('getRouterRtpCapabilities')
  // Headless Chromium's user agent is not always recognised: force the handler.
  const device = new Device({ handlerName: 'Chrome111' })
  await device.load({ routerRtpCapabilities })

  const stream = await navigator.mediaDevices.getUserMedia({
    audio: true,
    video: { width: 640, height: 480 },
  })
  const videoTrack = stream.getVideoTracks()[0]
  const audioTrack = stream.getAudioTracks()[0]
  if (!videoTrack || !audioTrack) throw new Error('fake devices gave no tracks')

  const sendTransport = device.createSendTransport(await req<TransportInfo>('createWebRtcTransport'))
  wireConnect(sendTransport)
  sendTransport.on('produce', ({ kind, rtpParameters }, callback, errback) => {
    req<{ id: string }>('produce', { transportId: sendTransport.id, kind, rtpParameters }).then(callback, (error: unknown) =>
      errback(error instanceof Error ? error : new Error(String(error))),
    )
  })
  const videoProducer = await sendTransport.produce({ track: videoTrack })
  const audioProducer = await sendTransport.produce({ track: audioTrack })

  const recvTransport = device.createRecvTransport(await req<TransportInfo>('createWebRtcTransport'))
  wireConnect(recvTransport)

  const consumers: types.Consumer[] = []
  for (const producerId of [videoProducer.id, audioProducer.id]) {
    const info = await req<ConsumerInfo>('consume', {
      transportId: recvTransport.id,
      producerId,
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- the worker smoke test pins this client API; move with it
      rtpCapabilities: device.rtpCapabilities,
    })
    const consumer = await recvTransport.consume(info)
    await req('resumeConsumer', { consumerId: consumer.id })
    consumers.push(consumer)
  }
  const [videoConsumer, audioConsumer] = consumers
  if (!videoConsumer || !audioConsumer) throw new Error('consumers missing')

  const result: E2eResult = {
    handlerName: device.handlerName,
    framesDecoded: 0,
    frameWidth: 0,
    frameHeight: 0,
    videoBytesReceived: 0,
    audioPacketsReceived: 0,
    elapsedMs: 0,
  }
  const deadline = performance.now() + 20_000
  while (performance.now() < deadline) {
    ;(await videoConsumer.getStats()).forEach((s: Record<string, unknown>) => {
      if (s.type === 'inbound-rtp') {
        result.framesDecoded = Number(s.framesDecoded ?? 0)
        result.frameWidth = Number(s.frameWidth ?? 0)
        result.frameHeight = Number(s.frameHeight ?? 0)
        result.videoBytesReceived = Number(s.bytesReceived ?? 0)
      }
    })
    ;(await audioConsumer.getStats()).forEach((s: Record<string, unknown>) => {
      if (s.type === 'inbound-rtp') result.audioPacketsReceived = Number(s.packetsReceived ?? 0)
    })
    if (result.framesDecoded >= 30 && result.audioPacketsReceived > 0) break
    await new Promise((r) => setTimeout(r, 250))
  }
  result.elapsedMs = Math.round(performance.now() - started)
  for (const track of stream.getTracks()) track.stop()
  sendTransport.close()
  recvTransport.close()
  return result
}

e2eWindow.runE2e = run
