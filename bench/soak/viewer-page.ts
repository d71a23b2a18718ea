// Page side of bench/soak/chromium-viewers.ts (bundled with esbuild, run in headless Chromium): many
// WebRTC viewers in one page, each a mediasoup-client Device and receive transport of its own. Their
// signalling goes through `soakSignal` (a function the bench exposes), which relays it over the viewer's
// own `/media` Socket.io connection, so each viewer is a separate guest to the server.
import { Device, type types } from 'mediasoup-client'
import { wireRtpCapabilities } from '../../app/media/rtp-wire.ts'

type Signal = (viewer: number, event: string, payload: unknown) => Promise<Record<string, unknown>>
type Viewer = { device: Device; transport: types.Transport; consumers: Map<string, types.Consumer> }
type SoakWindow = Window & {
  soakSignal: Signal
  soakJoin: (viewer: number, sessionId: string) => Promise<number>
  soakConsume: (viewer: number, producerId: string) => Promise<void>
  soakLeave: (viewer: number) => void
  soakBytes: () => Promise<Record<number, number>>
}
const w = window as unknown as SoakWindow
const viewers = new Map<number, Viewer>()

async function consume(viewer: number, state: Viewer, producerId: string) {
  const { consumer: params } = (await w.soakSignal(viewer, 'media:consume', { transportId: state.transport.id, producerId })) as {
    consumer: { id: string; producerId: string; kind: 'audio' | 'video'; rtpParameters: types.RtpParameters }
  }
  const consumer = await state.transport.consume({ id: params.id, producerId: params.producerId, kind: params.kind, rtpParameters: params.rtpParameters })
  state.consumers.set(consumer.id, consumer)
  await w.soakSignal(viewer, 'media:resume-consumer', { consumerId: consumer.id })
}

/** join → device → receive transport → ready → consume every producer; answers how many it consumes. */
w.soakJoin = async (viewer, sessionId) => {
  w.soakLeave(viewer)
  const joined = (await w.soakSignal(viewer, 'media:join', { sessionId, role: 'viewer' })) as { routerRtpCapabilities: types.RtpCapabilities }
  const device = new Device({ handlerName: 'Chrome111' })
  await device.load({ routerRtpCapabilities: joined.routerRtpCapabilities })
  const { transport: info } = (await w.soakSignal(viewer, 'media:create-transport', { direction: 'recv' })) as {
    transport: { id: string; iceParameters: types.IceParameters; iceCandidates: types.IceCandidate[]; dtlsParameters: types.DtlsParameters }
  }
  const transport = device.createRecvTransport({
    id: info.id,
    iceParameters: info.iceParameters,
    iceCandidates: info.iceCandidates,
    dtlsParameters: info.dtlsParameters,
  })
  transport.on('connect', ({ dtlsParameters }, callback, errback) => {
    w.soakSignal(viewer, 'media:connect-transport', { transportId: transport.id, dtlsParameters }).then(() => callback(), errback)
  })
  const state: Viewer = { device, transport, consumers: new Map() }
  viewers.set(viewer, state)
  const ready = (await w.soakSignal(viewer, 'media:ready', { rtpCapabilities: wireRtpCapabilities(device.recvRtpCapabilities) })) as {
    producers: Array<{ producerId: string }>
  }
  for (const producer of ready.producers) await consume(viewer, state, producer.producerId)
  return ready.producers.length
}

w.soakConsume = async (viewer, producerId) => {
  const state = viewers.get(viewer)
  if (state && ![...state.consumers.values()].some((c) => c.producerId === producerId)) await consume(viewer, state, producerId)
}

w.soakLeave = (viewer) => {
  viewers.get(viewer)?.transport.close()
  viewers.delete(viewer)
}

/** Bytes of RTP received so far by each viewer's transport (all its consumers). */
w.soakBytes = async () => {
  const result: Record<number, number> = {}
  await Promise.all(
    [...viewers].map(async ([viewer, state]) => {
      if (state.transport.closed) return
      let bytes = 0
      const report = await state.transport.getStats()
      report.forEach((entry: { type: string; bytesReceived?: number }) => {
        if (entry.type === 'inbound-rtp') bytes += entry.bytesReceived ?? 0
      })
      result[viewer] = bytes
    }),
  )
  return result
}
