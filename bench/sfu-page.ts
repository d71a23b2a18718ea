// Page side of bench/sfu.bench.ts and bench/recording.bench.ts (bundled with esbuild, run in headless Chromium).
// host(): publishes a 640x480 canvas (captureStream) with Date.now() drawn as 32 black/white cells
// (on request with a patch of changing noise, and a tone as a second, audio track).
// watch(): consumes it and reads the cells back from each decoded frame: glass-to-glass latency.
// hlsWatch(): plays an HLS stream with the app's hls.js settings and reads the cells back the same way.
import Hls from 'hls.js'
import { Device, type types } from 'mediasoup-client'
import { hlsJsConfig } from '../app/media/hls-player-state.ts'

type Rpc = (method: string, data?: unknown) => Promise<unknown>
/** `noise`: a patch of changing noise (the texture of a camera picture), so the encoder works near its bitrate cap. */
type HostOptions = { audio?: boolean; maxBitrate?: number; noise?: boolean }
type HlsStats = { stalls: number; errors: string[]; playerLatencyMs: number[]; droppedFrames: number; decodedFrames: number }
type BenchWindow = Window & {
  rpc: Rpc
  benchHost: (options?: HostOptions) => Promise<string>
  benchWatch: () => Promise<{ firstFrameMs: number }>
  benchHlsWatch: (src: string) => Promise<{ firstFrameMs: number }>
  benchHlsStats: () => HlsStats
  benchLatency: () => number[]
  benchStopWatch: () => void
}
const w = window as unknown as BenchWindow
const CELLS = 32
const CELL = 20
const NOISE_WIDTH = 160
const NOISE_HEIGHT = 120

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

w.benchHost = async ({ audio = false, maxBitrate = 500_000, noise = false }: HostOptions = {}) => {
  const canvas = document.createElement('canvas')
  canvas.width = 640
  canvas.height = 480
  document.body.append(canvas)
  const ctx = canvas.getContext('2d')!
  // Eight noise frames made once and cycled: no frame predicts the next (cheap for the page, real work for the encoder).
  const noiseFrames = noise
    ? Array.from({ length: 8 }, () => {
        const frame = new ImageData(NOISE_WIDTH, NOISE_HEIGHT)
        for (let i = 0; i < frame.data.length; i++) frame.data[i] = i % 4 === 3 ? 255 : Math.floor(Math.random() * 256)
        return frame
      })
    : []
  let frameCount = 0
  const draw = () => {
    const now = Date.now() % 2 ** 32
    ctx.fillStyle = '#336'
    ctx.fillRect(0, 0, 640, 480)
    // Moving content so the encoder has real work (~500 kbps).
    const x = (now / 5) % 600
    ctx.fillStyle = '#fc3'
    ctx.fillRect(x, 200, 40, 200)
    const noiseFrame = noiseFrames[frameCount++ % 8]
    if (noiseFrame) ctx.putImageData(noiseFrame, 640 - NOISE_WIDTH, 480 - NOISE_HEIGHT)
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
  const producer = await transport.produce({ track, encodings: [{ maxBitrate }], codecOptions: { videoGoogleStartBitrate: Math.round(maxBitrate / 1000) } })
  if (audio) {
    // A steady tone: the audio track a showcase host always has (Opus on the wire).
    const context = new AudioContext()
    const tone = context.createOscillator()
    const destination = context.createMediaStreamDestination()
    tone.connect(destination)
    tone.start()
    await context.resume()
    await transport.produce({ track: destination.stream.getAudioTracks()[0]! })
  }
  return producer.id
}

/**
 * The time drawn into the frame on screen (ms, mod 2^32), or null before the first frame. The picture
 * may be scaled and letterboxed (the recorder pads the 4:3 canvas into a 16:9 one): the 640x480 content
 * is found in it by aspect ratio.
 */
function frameTime(video: HTMLVideoElement, canvas: HTMLCanvasElement, ctx: CanvasRenderingContext2D): number | null {
  const width = video.videoWidth
  const height = video.videoHeight
  if (width === 0) return null
  canvas.width = width
  canvas.height = height
  ctx.drawImage(video, 0, 0)
  const scale = Math.min(width / 640, height / 480)
  const left = (width - 640 * scale) / 2
  const top = (height - 480 * scale) / 2
  const row = ctx.getImageData(0, Math.floor(top + (CELL / 2) * scale), width, 1).data
  let value = 0
  for (let bit = 0; bit < CELLS; bit++) {
    const x = Math.floor(left + (bit * CELL + CELL / 2) * scale)
    if ((row[x * 4] ?? 0) > 128) value |= 1 << bit
  }
  return value >>> 0
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
      const sent = frameTime(video, canvas, ctx)
      if (sent !== null) {
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

let hlsStats: HlsStats = { stalls: 0, errors: [], playerLatencyMs: [], droppedFrames: 0, decodedFrames: 0 }

/**
 * Plays a live HLS playlist as the app's player does (hls.js with its settings, muted autoplay) and reads
 * the time back from every frame presented: glass-to-glass through the recorder, the playlist and hls.js.
 * Also samples what the player itself would report as its latency (now − hls.playingDate, from the
 * playlist's PROGRAM-DATE-TIME). Fatal errors are recovered as the app's player does first (startLoad,
 * recoverMediaError) and counted.
 */
w.benchHlsWatch = async (src: string) => {
  stop?.()
  const started = Date.now()
  hlsStats = { stalls: 0, errors: [], playerLatencyMs: [], droppedFrames: 0, decodedFrames: 0 }
  const video = document.createElement('video')
  video.muted = true
  video.playsInline = true
  document.body.append(video)
  const hls = new Hls(hlsJsConfig(true))
  hls.on(Hls.Events.ERROR, (_event, data) => {
    if (!data.fatal) return
    hlsStats.errors.push(`${data.type}/${data.details}`)
    if (data.type === Hls.ErrorTypes.MEDIA_ERROR) hls.recoverMediaError()
    else hls.startLoad()
  })
  video.addEventListener('waiting', () => hlsStats.stalls++)
  hls.attachMedia(video)
  hls.loadSource(src)
  const canvas = document.createElement('canvas')
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!
  let active = true
  stop = () => {
    active = false
    hls.destroy()
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
      const sent = frameTime(video, canvas, ctx)
      if (sent !== null) {
        const latency = (now % 2 ** 32) - sent
        if (latency >= 0 && latency < 60_000) latencies.push(latency)
      }
      const playing = hls.playingDate?.getTime()
      if (playing !== undefined && Number.isFinite(playing)) hlsStats.playerLatencyMs.push(now - playing)
      const quality = video.getVideoPlaybackQuality()
      hlsStats.droppedFrames = quality.droppedVideoFrames
      hlsStats.decodedFrames = quality.totalVideoFrames
      video.requestVideoFrameCallback(onFrame)
    }
    video.requestVideoFrameCallback(onFrame)
    void video.play()
  })
  return { firstFrameMs }
}

/** Stalls, fatal errors and the player's latency since the last call; decoded and dropped frames since the start. */
w.benchHlsStats = () => {
  const out = hlsStats
  hlsStats = { ...hlsStats, stalls: 0, errors: [], playerLatencyMs: [] }
  return out
}

w.benchLatency = () => {
  const out = latencies
  latencies = []
  return out
}
w.benchStopWatch = () => stop?.()
