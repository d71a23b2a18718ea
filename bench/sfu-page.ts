// Page side of bench/sfu.bench.ts (bundled with esbuild, run in headless Chromium).
// host(): publishes a 640x480 canvas (captureStream) with Date.now() drawn as 32 black/white cells.
// watch(): consumes it and reads the cells back from each decoded frame: glass-to-glass latency.
import { Device, type types } from 'mediasoup-client'

type Rpc = (method: string, data?: unknown) => Promise<unknown>
type BenchWindow = Window & {
  rpc: Rpc
  benchHost: () => Promise<string>
  benchWatch: () => Promise<{ firstFrameMs: number }>
  benchLatency: () => number[]
  benchStopWatch: () => void
}
const w = window as unknown as BenchWindow
const CELLS = 32
const CELL = 20

async function device(): Promise<Device> {
  const caps = (await w.rpc('caps')) as types.RtpCapabilities
  const d = new Device({ handlerName: 'Chrome111' })
  await d.load({ routerRtpCapabilities: caps })
  return d
}

function wire(transport: types.Transport) {
  transport.on('connect', ({ dtlsParameters }, ok, fail) => {
    w.rpc('connect', { transportId: transport.id, dtlsParameters }).then(() => ok(), fail)
  })
}

w.benchHost = async () => {
  const canvas = document.createElement('canvas')
  canvas.width = 640
  canvas.height = 480
  document.body.append(canvas)
  const ctx = canvas.getContext('2d')!
  const draw = () => {
    const now = Date.now() % 2 ** 32
    ctx.fillStyle = '#336'
    ctx.fillRect(0, 0, 640, 480)
    // Moving content so the encoder has real work (~500 kbps).
    const x = (now / 5) % 600
    ctx.fillStyle = '#fc3'
    ctx.fillRect(x, 200, 40, 200)
    for (let bit = 0; bit < CELLS; bit++) {
      ctx.fillStyle = (now >>> bit) & 1 ? '#fff' : '#000'
      ctx.fillRect(bit * CELL, 0, CELL, CELL)
    }
    requestAnimationFrame(draw)
  }
  draw()
  const track = canvas.captureStream(30).getVideoTracks()[0]!
  const d = await device()
  const transport = d.createSendTransport((await w.rpc('transport', { direction: 'send' })) as types.TransportOptions)
  wire(transport)
  transport.on('produce', ({ kind, rtpParameters }, ok, fail) => {
    w.rpc('produce', { transportId: transport.id, kind, rtpParameters }).then((id) => ok({ id: id as string }), fail)
  })
  const producer = await transport.produce({ track, encodings: [{ maxBitrate: 500_000 }], codecOptions: { videoGoogleStartBitrate: 500 } })
  return producer.id
}

let latencies: number[] = []
const phases: Record<string, number> = {}
;(window as unknown as { benchPhases: typeof phases }).benchPhases = phases
let stop: (() => void) | null = null

w.benchWatch = async () => {
  stop?.()
  const started = Date.now()
  const d = await device()
  const transport = d.createRecvTransport((await w.rpc('transport', { direction: 'recv' })) as types.TransportOptions)
  wire(transport)
  const params = (await w.rpc('consume', { transportId: transport.id, rtpCapabilities: d.recvRtpCapabilities })) as types.ConsumerOptions
  const tConsume = Date.now()
  const consumer = await transport.consume(params)
  await w.rpc('resume', { consumerId: consumer.id })
  const tResumed = Date.now()
  transport.on('connectionstatechange', (state) => {
    if (state === 'connected') phases.connected = Date.now() - started
  })
  phases.device = tConsume - started
  phases.resumed = tResumed - started
  const video = document.createElement('video')
  video.muted = true
  video.playsInline = true
  video.srcObject = new MediaStream([consumer.track])
  document.body.append(video)
  const canvas = document.createElement('canvas')
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!
  let active = true
  stop = () => {
    active = false
    consumer.close()
    transport.close()
    video.remove()
  }
  const firstFrameMs = await new Promise<number>((resolve) => {
    let first = true
    const onFrame = () => {
      if (!active) return
      const now = Date.now()
      if (first) {
        first = false
        resolve(now - started)
      }
      const width = video.videoWidth
      const height = video.videoHeight
      if (width > 0) {
        canvas.width = width
        canvas.height = height
        ctx.drawImage(video, 0, 0)
        const scale = width / 640
        let value = 0
        for (let bit = 0; bit < CELLS; bit++) {
          const [r] = ctx.getImageData(Math.floor((bit * CELL + CELL / 2) * scale), Math.floor((CELL / 2) * scale), 1, 1).data
          if ((r ?? 0) > 128) value |= 1 << bit
        }
        const sent = value >>> 0
        const latency = (now % 2 ** 32) - sent
        if (latency >= 0 && latency < 5000) latencies.push(latency)
      }
      video.requestVideoFrameCallback(onFrame)
    }
    video.requestVideoFrameCallback(onFrame)
    void video.play()
  })
  return { firstFrameMs }
}

w.benchLatency = () => {
  const out = latencies
  latencies = []
  return out
}
w.benchStopWatch = () => stop?.()
