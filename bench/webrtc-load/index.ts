import nodeDataChannel from 'node-datachannel'
import type { ConsumerParameters, MediaResponses, ProducerInfo, TransportInfo } from '../../app/protocol/media.ts'
import { LightSocketIoClient } from '../light-client.ts'
import { summarize } from '../machine.ts'
import { RtpReceiver, type StreamStats } from './rtp-receiver.ts'
import { answerDtlsParameters, receiveOffer, viewerRtpCapabilities } from './sdp.ts'

/**
 * Real WebRTC viewers for load tests and benchmarks (libdatachannel through node-datachannel): each
 * joins a showcase over the `/media` socket exactly as the browser does (media:join, create-transport,
 * ready, consume, connect-transport, resume-consumer), then does ICE, DTLS and SRTP against mediasoup
 * and receives audio and video without decoding. RTCP back: receiver reports (libdatachannel answers
 * each sender report), NACKs for gaps, PLI when no key frame comes; no transport-cc and no REMB.
 *
 *   const viewers = startWebRtcViewers({ baseUrl: 'http://127.0.0.1:3000', sessionId, count: 200, rampPerSecond: 50 })
 *   const ready = await viewers.ready            // every viewer receiving (or failed), with times
 *   const window = await viewers.measure(10_000) // loss, packets, the generator's CPU per viewer over 10 s
 *   await viewers.close()
 */
export type WebRtcViewerOptions = {
  /** The app's origin (the server process serving `/media`). */
  baseUrl: string
  sessionId: string
  count: number
  /**
   * Number of this fleet's first viewer (default 0). Fleets started one after another against one server
   * (a ramp) give each a different range, so their source addresses do not overlap.
   */
  firstIndex?: number
  /** New viewers per second (default 50). */
  rampPerSecond?: number
  /** Cookie header per viewer (a signed-in buyer); default none: each connection is minted a guest. */
  cookie?: (index: number) => string | undefined
  /**
   * Viewers per source address. The server caps media peers per client address (MEDIA_PEER_QUOTA, 100);
   * against a loopback server the viewers connect from 127.0.1.1, 127.0.1.2, … this many each (default 90).
   */
  viewersPerAddress?: number
  /** How long one viewer may take from its start to receiving audio and a video key frame (default 20 s). */
  viewerTimeoutMs?: number
  /**
   * Join again after a `media:reset` as the browser does (a dead worker, a media node down or draining),
   * on the same socket; each move's time from the reset to media flowing again is in `moveMs`. Default off.
   */
  rejoinOnReset?: boolean
}

export type ViewerState = 'joining' | 'connecting' | 'receiving' | 'failed' | 'closed'

export type ViewerStats = {
  index: number
  state: ViewerState
  error: string | null
  /** ms from the viewer's start to the transport's DTLS being connected. */
  connectMs: number | null
  /** ms from the viewer's start to the first packet of a video key frame. */
  firstVideoFrameMs: number | null
  firstAudioMs: number | null
  video: StreamStats | null
  audio: StreamStats | null
  /** Media resets the server sent (worker died, shutdown, peer timeout, node down or draining). */
  resets: number
  /** The media node serving the viewer now (a cluster's join answer), null on a single process. */
  mediaNode: string | null
  /** With rejoinOnReset: ms from each reset to the first packet of media again. */
  moveMs: number[]
}

export type FleetSnapshot = {
  at: number
  viewers: number
  byState: Record<ViewerState, number>
  packets: number
  bytes: number
  lost: number
  expected: number
  nacksSent: number
  recovered: number
  keyFrames: number
  /** This process's CPU time (user + system), µs, all threads (libdatachannel's included). */
  cpuMicros: number
}

export type FleetWindow = {
  seconds: number
  viewers: number
  /** Viewers in the receiving state at the end of the window whose packet count grew during it. */
  receiving: number
  /** Viewers still in the receiving state whose packets stopped for the whole window (left out of `receiving`). */
  stalled: number
  packets: number
  kbitPerViewer: number
  lost: number
  lossRate: number
  /** Percent of one core this process used per receiving viewer over the window. */
  cpuPercentPerViewer: number
  /** Viewers whose last video key frame announced a smaller size than the largest any viewer got. */
  belowTopLayer: number
}

export type WebRtcViewers = {
  /** Resolves once every viewer is receiving or has failed. */
  ready: Promise<{
    receiving: number
    failed: number
    connectMs: ReturnType<typeof summarize>
    firstVideoFrameMs: ReturnType<typeof summarize>
    errors: string[]
  }>
  viewers: () => ViewerStats[]
  stats: () => FleetSnapshot
  /** Counters over the next `ms` (loss, bitrate, this process's CPU per viewer). */
  measure: (ms: number) => Promise<FleetWindow>
  /**
   * Each viewer's video glass-to-glass latencies (ms, from the synthetic host's send time in the frame,
   * same process) since the last call, with the media node serving it; taking them clears them.
   */
  takeLatencies: () => Array<{ index: number; mediaNode: string | null; latenciesMs: number[] }>
  close: () => Promise<void>
}

const TICK_MS = 50
const KEY_FRAME_WAIT_MS = 1000
const ACK_TIMEOUT_MS = 15_000

type Ack<T> = ({ ok: true } & T) | { ok: false; error: { code: string; message: string } }

class WebRtcViewer {
  readonly startedAt = performance.now()
  state: ViewerState = 'joining'
  error: string | null = null
  connectMs: number | null = null
  resets = 0
  mediaNode: string | null = null
  readonly moveMs: number[] = []
  private resetAt: number | null = null
  private rejoining = false
  video: RtpReceiver | null = null
  audio: RtpReceiver | null = null
  private socket: LightSocketIoClient | null = null
  private pc: InstanceType<typeof nodeDataChannel.PeerConnection> | null = null
  private readonly tracks: Array<InstanceType<typeof nodeDataChannel.Track>> = []
  private videoTrack: InstanceType<typeof nodeDataChannel.Track> | null = null
  private lastKeyFrameRequest = 0
  private settle!: () => void
  readonly settled = new Promise<void>((resolve) => (this.settle = resolve))

  constructor(
    readonly index: number,
    private readonly options: Required<Pick<WebRtcViewerOptions, 'baseUrl' | 'sessionId' | 'viewerTimeoutMs' | 'rejoinOnReset'>> & {
      cookie: string | undefined
      localAddress: string | undefined
    },
  ) {}

  async start(): Promise<void> {
    const timeout = setTimeout(() => this.fail(new Error(`not receiving after ${this.options.viewerTimeoutMs} ms`)), this.options.viewerTimeoutMs)
    try {
      await this.join()
    } catch (error) {
      this.fail(error)
    } finally {
      if (this.state !== 'connecting') clearTimeout(timeout)
      else void this.settled.then(() => clearTimeout(timeout))
    }
  }

  private async request<T>(event: string, payload: unknown): Promise<T> {
    const answer = (await this.socket!.emitWithAck(event, payload, ACK_TIMEOUT_MS)) as Ack<T>
    if (!answer.ok) throw new Error(`${event}: ${answer.error.code} (${answer.error.message})`)
    return answer
  }

  private async join() {
    const { cookie, localAddress } = this.options
    this.socket = new LightSocketIoClient(this.options.baseUrl, '/media', cookie ? { cookie } : {}, localAddress)
    this.socket.on('media:reset', () => {
      this.resets++
      if (this.options.rejoinOnReset) void this.rejoin()
    })
    await this.socket.connected
    await this.joinRoom()
  }

  /** After a reset: drop the peer connection, join again on the same socket (retrying while no node has room yet). */
  private async rejoin() {
    if (this.state === 'closed' || this.rejoining) return
    this.rejoining = true
    this.resetAt ??= performance.now()
    try {
      for (let attempt = 0; attempt < 20 && !this.isClosed(); attempt++) {
        this.dropMedia()
        this.state = 'joining'
        try {
          await this.joinRoom()
          this.error = null
          return
        } catch (error) {
          this.error = error instanceof Error ? error.message : String(error)
          await new Promise((resolve) => setTimeout(resolve, 1000))
        }
      }
      if (!this.isClosed()) this.fail(new Error(`did not rejoin after a reset: ${this.error}`))
    } finally {
      this.rejoining = false
    }
  }

  /** Read through a method: the state changes while a rejoin awaits. */
  private isClosed() {
    return this.state === 'closed'
  }

  private dropMedia() {
    for (const track of this.tracks.splice(0)) track.close()
    const pc = this.pc
    this.pc = null
    pc?.close()
    this.video = null
    this.audio = null
    this.videoTrack = null
    this.lastKeyFrameRequest = 0
  }

  private async joinRoom() {
    const joined = await this.request<MediaResponses['media:join']>('media:join', { sessionId: this.options.sessionId, role: 'viewer' })
    if (joined.status !== 'LIVE') throw new Error(`the showcase is ${joined.status}`)
    this.mediaNode = joined.mediaNode ?? null
    const { transport } = await this.request<{ transport: TransportInfo }>('media:create-transport', { direction: 'recv' })
    const ready = await this.request<{ producers: ProducerInfo[] }>('media:ready', { rtpCapabilities: viewerRtpCapabilities(joined.routerRtpCapabilities) })
    const consumers: ConsumerParameters[] = []
    for (const producer of ready.producers) {
      consumers.push(
        (await this.request<{ consumer: ConsumerParameters }>('media:consume', { transportId: transport.id, producerId: producer.producerId })).consumer,
      )
    }
    if (!consumers.some((consumer) => consumer.kind === 'video')) throw new Error('the showcase has no video')
    this.state = 'connecting'
    const answer = await this.negotiate(transport, consumers)
    await this.request('media:connect-transport', { transportId: transport.id, dtlsParameters: answerDtlsParameters(answer) })
    for (const consumer of consumers) await this.request('media:resume-consumer', { consumerId: consumer.id })
  }

  /** Hands mediasoup's offer to libdatachannel and returns its answer; tracks get their receivers. */
  private negotiate(transport: TransportInfo, consumers: ConsumerParameters[]): Promise<string> {
    const pc = new nodeDataChannel.PeerConnection(`viewer-${this.index}`, { iceServers: [] })
    this.pc = pc
    pc.onStateChange((state) => {
      // A peer connection this viewer already dropped (a rejoin) says nothing about the viewer.
      if (this.pc !== pc) return
      if (state === 'connected') this.connectMs ??= performance.now() - this.startedAt
      if (state === 'failed' || (state === 'closed' && this.state !== 'closed')) this.fail(new Error(`peer connection ${state}`))
    })
    pc.onTrack((track) => {
      this.tracks.push(track)
      const consumer = consumers[Number(track.mid())]
      const encoding = consumer?.rtpParameters.encodings?.[0]
      if (!consumer || encoding?.ssrc === undefined) return
      // Receiver reports (answering the SFU's sender reports) and PLI come from libdatachannel's session.
      track.setMediaHandler(new nodeDataChannel.RtcpReceivingSession())
      const receiver = new RtpReceiver(consumer.kind, encoding.ssrc, encoding.rtx?.ssrc ?? null, this.startedAt, (packet) => {
        track.sendMessageBinary(packet)
      })
      if (consumer.kind === 'video') {
        this.video = receiver
        this.videoTrack = track
      } else this.audio = receiver
      track.onMessage((packet) => {
        receiver.onPacket(packet, performance.now())
        if (
          this.state === 'connecting' &&
          this.video?.stats.firstMediaMs != null &&
          (this.audio?.stats.firstMediaMs != null || !this.expectsAudio(consumers))
        ) {
          this.state = 'receiving'
          if (this.resetAt !== null) {
            this.moveMs.push(Math.round(performance.now() - this.resetAt))
            this.resetAt = null
          }
          this.settle()
        }
      })
    })
    const answer = new Promise<string>((resolve) => pc.onLocalDescription((sdp) => resolve(sdp)))
    pc.setRemoteDescription(receiveOffer(transport, consumers), 'offer')
    return answer
  }

  private expectsAudio(consumers: ConsumerParameters[]) {
    return consumers.some((consumer) => consumer.kind === 'audio')
  }

  /** NACK retries; PLI while a connected video track waits for its first key frame. */
  tick(now: number) {
    this.video?.tick(now)
    this.audio?.tick(now)
    if (this.connectMs !== null && this.video?.stats.firstMediaMs === null && now - this.lastKeyFrameRequest > KEY_FRAME_WAIT_MS) {
      if (this.lastKeyFrameRequest > 0) {
        this.videoTrack?.requestKeyframe()
      }
      this.lastKeyFrameRequest = now
    }
  }

  /** Any state but closed can fail: a peer connection that fails after media flowed is a lost viewer. */
  private fail(error: unknown) {
    if (this.state === 'failed' || this.state === 'closed') return
    this.state = 'failed'
    this.error = error instanceof Error ? error.message : String(error)
    this.settle()
  }

  /** Video and audio packets received so far. */
  packetsReceived(): number {
    return (this.video?.stats.packets ?? 0) + (this.audio?.stats.packets ?? 0)
  }

  snapshot(): ViewerStats {
    return {
      index: this.index,
      state: this.state,
      error: this.error,
      connectMs: this.connectMs,
      firstVideoFrameMs: this.video?.stats.firstMediaMs ?? null,
      firstAudioMs: this.audio?.stats.firstMediaMs ?? null,
      video: this.video ? { ...this.video.stats, lost: this.video.lostNow() } : null,
      audio: this.audio ? { ...this.audio.stats, lost: this.audio.lostNow() } : null,
      resets: this.resets,
      mediaNode: this.mediaNode,
      moveMs: [...this.moveMs],
    }
  }

  close() {
    if (this.state !== 'failed') this.state = 'closed'
    this.settle()
    for (const track of this.tracks) track.close()
    this.pc?.close()
    this.socket?.close()
  }
}

function sourceAddress(baseUrl: string, index: number, perAddress: number): string | undefined {
  const host = new URL(baseUrl).hostname
  if (!/^127\.\d+\.\d+\.\d+$/.test(host)) return undefined
  const slot = Math.floor(index / perAddress)
  return `127.0.${1 + Math.floor(slot / 254)}.${1 + (slot % 254)}`
}

/** Starts `count` viewers, `rampPerSecond` a second; see the module comment. */
export function startWebRtcViewers(options: WebRtcViewerOptions): WebRtcViewers {
  const rampPerSecond = options.rampPerSecond ?? 50
  const perAddress = options.viewersPerAddress ?? 90
  const fleet: WebRtcViewer[] = []
  const lifecycle = { closed: false }
  const ticker = setInterval(() => {
    const now = performance.now()
    for (const viewer of fleet) viewer.tick(now)
  }, TICK_MS)

  const ready = (async () => {
    const first = options.firstIndex ?? 0
    for (let index = first; index < first + options.count && !lifecycle.closed; index++) {
      const viewer = new WebRtcViewer(index, {
        baseUrl: options.baseUrl,
        sessionId: options.sessionId,
        viewerTimeoutMs: options.viewerTimeoutMs ?? 20_000,
        rejoinOnReset: options.rejoinOnReset ?? false,
        cookie: options.cookie?.(index),
        localAddress: sourceAddress(options.baseUrl, index, perAddress),
      })
      fleet.push(viewer)
      void viewer.start()
      await new Promise((resolve) => setTimeout(resolve, 1000 / rampPerSecond))
    }
    await Promise.all(fleet.map((viewer) => viewer.settled))
    const all = fleet.map((viewer) => viewer.snapshot())
    const receiving = all.filter((viewer) => viewer.state === 'receiving')
    return {
      receiving: receiving.length,
      failed: all.filter((viewer) => viewer.state === 'failed').length,
      connectMs: summarize(receiving.map((viewer) => Math.round(viewer.connectMs ?? Number.NaN))),
      firstVideoFrameMs: summarize(receiving.map((viewer) => Math.round(viewer.firstVideoFrameMs ?? Number.NaN))),
      errors: [...new Set(all.flatMap((viewer) => (viewer.error ? [viewer.error] : [])))],
    }
  })()

  const stats = (): FleetSnapshot => {
    const snapshot: FleetSnapshot = {
      at: performance.now(),
      viewers: fleet.length,
      byState: { joining: 0, connecting: 0, receiving: 0, failed: 0, closed: 0 },
      packets: 0,
      bytes: 0,
      lost: 0,
      expected: 0,
      nacksSent: 0,
      recovered: 0,
      keyFrames: 0,
      cpuMicros: 0,
    }
    for (const viewer of fleet) {
      snapshot.byState[viewer.state]++
      for (const receiver of [viewer.video, viewer.audio]) {
        if (!receiver) continue
        snapshot.packets += receiver.stats.packets
        snapshot.bytes += receiver.stats.bytes
        snapshot.lost += receiver.lostNow()
        snapshot.expected += receiver.stats.expected
        snapshot.nacksSent += receiver.stats.nacksSent
        snapshot.recovered += receiver.stats.recovered
        snapshot.keyFrames += receiver.stats.keyFrames
      }
    }
    const cpu = process.cpuUsage()
    snapshot.cpuMicros = cpu.user + cpu.system
    return snapshot
  }

  return {
    ready,
    viewers: () => fleet.map((viewer) => viewer.snapshot()),
    stats,
    async measure(ms) {
      const before = stats()
      const packetsBefore = new Map(fleet.map((viewer) => [viewer, viewer.packetsReceived()]))
      await new Promise((resolve) => setTimeout(resolve, ms))
      const after = stats()
      const seconds = (after.at - before.at) / 1000
      // Receiving means packets arrived during the window, not only the state reached once: a viewer
      // whose media stopped without its peer connection failing would otherwise dilute the per-viewer figures.
      const flowing = fleet.filter((viewer) => viewer.state === 'receiving' && viewer.packetsReceived() > (packetsBefore.get(viewer) ?? 0))
      const receiving = flowing.length
      const lost = after.lost - before.lost
      const expected = after.expected - before.expected
      const heights = fleet.map((viewer) => viewer.video?.stats.height ?? 0)
      const top = Math.max(0, ...heights)
      return {
        seconds,
        viewers: after.viewers,
        receiving,
        stalled: after.byState.receiving - receiving,
        packets: after.packets - before.packets,
        kbitPerViewer: receiving ? ((after.bytes - before.bytes) * 8) / 1000 / seconds / receiving : 0,
        lost,
        lossRate: expected > 0 ? Math.max(0, lost) / expected : 0,
        cpuPercentPerViewer: receiving ? ((after.cpuMicros - before.cpuMicros) / 1e6 / seconds / receiving) * 100 : Number.NaN,
        belowTopLayer: flowing.filter((viewer) => (viewer.video?.stats.height ?? 0) < top).length,
      }
    },
    takeLatencies: () => fleet.map((viewer) => ({ index: viewer.index, mediaNode: viewer.mediaNode, latenciesMs: viewer.video?.takeLatencies() ?? [] })),
    async close() {
      lifecycle.closed = true
      clearInterval(ticker)
      for (const viewer of fleet) viewer.close()
      // libdatachannel closes its peer connections on its own threads; give them a moment before exit.
      await new Promise((resolve) => setTimeout(resolve, 200))
    },
  }
}
