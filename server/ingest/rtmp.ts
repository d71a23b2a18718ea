import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { randomInt } from 'node:crypto'
import { createRequire } from 'node:module'
import type { Server } from 'node:net'
import { promisify } from 'node:util'
import type { types } from 'mediasoup'
import type { Logger } from 'pino'
import { resolveIngest } from '../../app/domain/live/ingest.server.ts'
import { processNow } from '../../app/utils/clock.server.ts'
import { redactSecrets } from '../../app/utils/redact.server.ts'
import { MediaError } from '../media/index.ts'
import type { IngestSession } from './ingest-session.ts'
import { IngestError, type IngestService } from './service.ts'

// RTMP ingest for encoders that only speak RTMP (docs/decisions/018, "Ingest"). node-media-server's RTMP
// listener (only the listener: no HTTP, store, relay or record servers) takes the encoder's publish on
// rtmp://host:RTMP_INGEST_PORT/live/<stream key>; the key is the showcase's ingest secret. Once the key is
// known good, ffmpeg reads the stream back over loopback and sends VP8 (or the encoder's own H.264, copied,
// when viewers can decode it as it is) + Opus as RTP into two PlainTransports (comedia) of the room's send
// router, whose producers join the room as the host's.

const run = promisify(execFile)
const require = createRequire(import.meta.url)

type NmsSession = {
  id: string
  ip: string
  streamApp: string
  streamName: string
  streamPath: string
  close: () => void
  socket?: { once: (event: 'close', listener: () => void) => void }
}
type NmsContext = {
  config: Record<string, unknown>
  eventEmitter: { on: (event: string, listener: (session: NmsSession) => void) => void; off: (event: string, listener: (session: NmsSession) => void) => void }
}
type NmsLogger = { level: string; log: (message: string, level?: string) => void }

/** Video and audio codecs ffmpeg here decodes from FLV; anything else is refused with this list. */
export const RTMP_ACCEPTED = { video: ['h264', 'hevc', 'av1', 'vp9', 'flv1'], audio: ['aac', 'mp3', 'opus'] }
const ACCEPTED_TEXT = 'video H.264, HEVC, AV1 or VP9; audio AAC, MP3 or Opus'
const VIDEO_PT = 101
const AUDIO_PT = 100
const MAX_RESTARTS = 5

export type RtmpIngestOptions = {
  port: number
  host?: string
  ingest: IngestService
  logger: Logger
  ffmpegPath?: string
  ffprobePath?: string
  videoKbps?: number
  /** Copy H.264 Constrained Baseline/Main without B-frames into the room instead of transcoding to VP8 (default on). */
  h264Passthrough?: boolean
}

type ProbedVideo = { codec: string; width: number; height: number; fps: number | null; profile: string | null; bFrames: number; pixFmt: string | null }
type Probe = { video: ProbedVideo | null; audio: { codec: string } | null }

/**
 * The router's H.264 profile-level-id (server/media/config.ts) an encoder's stream can go into the room
 * under as it is, or null (transcode to VP8): Constrained Baseline or Main, 4:2:0, no B-frames (WebRTC
 * receivers play frames in decode order).
 */
export function h264PassthroughProfile(video: ProbedVideo | null): '42e01f' | '4d001f' | null {
  if (video?.codec !== 'h264' || video.bFrames !== 0 || video.pixFmt !== 'yuv420p') return null
  if (video.profile === 'Constrained Baseline') return '42e01f'
  if (video.profile === 'Main') return '4d001f'
  return null
}

/** node-media-server's `ip` is "address:port" ("127.0.0.1:55698", "::1:55698", "::ffff:127.0.0.1:55698"). */
function isLoopback(ip: string): boolean {
  return /^(127\.|::1:|\[::1\]|::ffff:127\.)/.test(ip)
}

function frameRate(value: string | undefined): number | null {
  const [num, den] = (value ?? '').split('/').map(Number)
  return num && den ? Math.round((num / den) * 100) / 100 : null
}

/** The RTMP listener and, per publishing encoder, the ffmpeg that carries its stream into the room. */
export class RtmpIngest {
  readonly #server: Server
  readonly #context: NmsContext
  readonly #publishers = new Map<string, IngestSession>()
  #closed = false

  private constructor(
    private readonly options: RtmpIngestOptions,
    server: Server,
    context: NmsContext,
  ) {
    this.#server = server
    this.#context = context
  }

  get port(): number {
    const address = this.#server.address()
    return typeof address === 'object' && address ? address.port : this.options.port
  }

  static async start(options: RtmpIngestOptions): Promise<RtmpIngest> {
    const context = require('node-media-server/src/core/context.js') as NmsContext
    const nmsLogger = require('node-media-server/src/core/logger.js') as NmsLogger
    // Its log lines carry stream paths, i.e. stream keys: only warnings and errors, redacted, into our log.
    nmsLogger.log = (message: string, level = 'info') => {
      if (level === 'warn' || level === 'error') options.logger.warn({ nms: redactSecrets(message) }, 'RTMP listener')
    }
    context.config = { bind: options.host ?? '0.0.0.0', rtmp: { port: options.port, chunk_size: 60_000, gop_cache: true, ping: 30, ping_timeout: 60 } }
    const NodeRtmpServer = require('node-media-server/src/server/rtmp_server.js') as new () => { tcpServer: Server; stop: () => void }
    const nms = new NodeRtmpServer()
    // Listen ourselves: the package's own run() exits the process when the port is taken.
    await new Promise<void>((resolve, reject) => {
      nms.tcpServer.once('error', reject)
      nms.tcpServer.listen(options.port, options.host ?? '0.0.0.0', () => {
        nms.tcpServer.off('error', reject)
        resolve()
      })
    })
    const ingest = new RtmpIngest(options, nms.tcpServer, context)
    ingest.#stopServer = () => nms.stop()
    context.eventEmitter.on('prePublish', ingest.#onPublish)
    context.eventEmitter.on('donePublish', ingest.#onDonePublish)
    context.eventEmitter.on('prePlay', ingest.#onPlay)
    options.logger.info({ port: ingest.port }, 'RTMP ingest listening')
    return ingest
  }

  #stopServer: () => void = () => undefined

  /** Only this process's ffmpeg reads streams back (a stream key is not a way to watch). */
  readonly #onPlay = (session: NmsSession) => {
    if (!isLoopback(session.ip)) session.close()
  }

  readonly #onDonePublish = (session: NmsSession) => {
    const ingestSession = this.#publishers.get(session.id)
    this.#publishers.delete(session.id)
    ingestSession?.close('the encoder disconnected')
  }

  readonly #onPublish = (session: NmsSession) => {
    void this.#admit(session).catch((error: unknown) => {
      this.options.logger.error({ err: error }, 'RTMP ingest failed')
      session.close()
    })
  }

  async #admit(publisher: NmsSession): Promise<void> {
    const { logger, ingest } = this.options
    const key = publisher.streamName
    const resolved = publisher.streamApp === 'live' ? await resolveIngest(key, undefined, processNow()) : null
    const target = resolved?.target ?? null
    if (!target) {
      if (resolved?.target === null && resolved.reason !== 'unknown') logger.warn({ ip: publisher.ip }, `RTMP publish refused: ${resolved.message}`)
      else logger.warn({ ip: publisher.ip }, 'RTMP publish refused: wrong or revoked stream key')
      publisher.close()
      return
    }
    if (target.status === 'ENDED' || target.status === 'CANCELLED') {
      logger.warn({ sessionId: target.sessionId }, 'RTMP publish refused: the showcase is over')
      publisher.close()
      return
    }
    let session: IngestSession
    try {
      session = ingest.claim(target.sessionId, 'rtmp')
    } catch (error) {
      if (!(error instanceof IngestError)) throw error
      logger.warn({ sessionId: target.sessionId }, `RTMP publish refused: ${error.message}`)
      publisher.close()
      return
    }
    this.#publishers.set(publisher.id, session)
    // node-media-server reports the end of a publish only after a 30 s grace; the socket closing is the encoder leaving.
    publisher.socket?.once('close', () => this.#onDonePublish(publisher))
    session.onClose(() => {
      if (this.#publishers.get(publisher.id) === session) {
        this.#publishers.delete(publisher.id)
        publisher.close()
      }
    })
    try {
      const room = await ingest.roomFor(target)
      const probe = await this.#probe(key)
      const refusal = this.#refusal(probe)
      if (refusal) {
        logger.warn({ sessionId: target.sessionId }, `RTMP publish refused: ${refusal}`)
        session.close(refusal)
        return
      }
      session.setSourceFormat({ width: probe.video?.width ?? null, height: probe.video?.height ?? null, fps: probe.video?.fps ?? null })
      const router = room.routerForSend()
      const passthrough = this.options.h264Passthrough === false ? null : h264PassthroughProfile(probe.video)
      const tracks: Array<{ kind: types.MediaKind; transport: types.PlainTransport; ssrc: number; payloadType: number; copy: boolean }> = []
      for (const kind of ['video', 'audio'] as const) {
        if (!(kind === 'video' ? probe.video : probe.audio)) continue
        const transport = await router.createPlainTransport({ listenInfo: { protocol: 'udp', ip: '127.0.0.1' }, rtcpMux: false, comedia: true })
        session.own(transport)
        const ssrc = randomInt(1, 2 ** 31)
        const payloadType = kind === 'video' ? VIDEO_PT : AUDIO_PT
        const producer = await transport.produce({
          kind,
          rtpParameters:
            kind === 'video'
              ? {
                  codecs: [
                    passthrough
                      ? {
                          mimeType: 'video/H264',
                          payloadType,
                          clockRate: 90_000,
                          parameters: { 'packetization-mode': 1, 'profile-level-id': passthrough, 'level-asymmetry-allowed': 1 },
                          rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }],
                        }
                      : { mimeType: 'video/VP8', payloadType, clockRate: 90_000, rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }] },
                  ],
                  encodings: [{ ssrc }],
                }
              : { codecs: [{ mimeType: 'audio/opus', payloadType, clockRate: 48_000, channels: 2 }], encodings: [{ ssrc }] },
          appData: { source: kind === 'video' ? 'camera' : 'microphone', ingest: 'rtmp' },
        })
        tracks.push({ kind, transport, ssrc, payloadType, copy: kind === 'video' && passthrough !== null })
        await ingest.join(session, target, room, producer)
      }
      if (session.closed) return
      ingest.attached(session, target, room)
      this.#runFfmpeg(session, key, tracks, 0)
      logger.info(
        { sessionId: target.sessionId, video: probe.video?.codec, audio: probe.audio?.codec, videoCopied: passthrough !== null },
        'RTMP ingest started',
      )
    } catch (error) {
      session.close(error instanceof IngestError || error instanceof MediaError ? error.message : 'the ingest could not start')
      if (!(error instanceof IngestError) && !(error instanceof MediaError)) throw error
      logger.warn({ sessionId: target.sessionId }, `RTMP publish refused: ${error.message}`)
    }
  }

  #refusal(probe: Probe): string | null {
    if (!probe.video && !probe.audio) return `no audio or video could be read; accepted: ${ACCEPTED_TEXT}`
    if (probe.video && !RTMP_ACCEPTED.video.includes(probe.video.codec)) return `unsupported video codec ${probe.video.codec}; accepted: ${ACCEPTED_TEXT}`
    if (probe.audio && !RTMP_ACCEPTED.audio.includes(probe.audio.codec)) return `unsupported audio codec ${probe.audio.codec}; accepted: ${ACCEPTED_TEXT}`
    return null
  }

  /** ffprobe reads the published stream back over loopback: codecs, size, frame rate. */
  async #probe(key: string): Promise<Probe> {
    const { stdout } = await run(
      this.options.ffprobePath ?? 'ffprobe',
      [
        ...['-v', 'error', '-rw_timeout', '10000000', '-analyzeduration', '2000000', '-probesize', '2000000'],
        ...['-show_entries', 'stream=codec_type,codec_name,profile,has_b_frames,pix_fmt,width,height,avg_frame_rate,r_frame_rate', '-of', 'json'],
        `rtmp://127.0.0.1:${this.port}/live/${key}`,
      ],
      { timeout: 15_000 },
    ).catch(() => ({ stdout: '{}' }))
    const parsed = JSON.parse(stdout || '{}') as {
      streams?: Array<{
        codec_type?: string
        codec_name?: string
        profile?: string
        has_b_frames?: number
        pix_fmt?: string
        width?: number
        height?: number
        avg_frame_rate?: string
        r_frame_rate?: string
      }>
    }
    const video = parsed.streams?.find((stream) => stream.codec_type === 'video')
    const audio = parsed.streams?.find((stream) => stream.codec_type === 'audio')
    return {
      video: video
        ? {
            codec: video.codec_name ?? 'unknown',
            width: video.width ?? 0,
            height: video.height ?? 0,
            fps: frameRate(video.avg_frame_rate) ?? frameRate(video.r_frame_rate),
            profile: video.profile ?? null,
            bFrames: video.has_b_frames ?? 1,
            pixFmt: video.pix_fmt ?? null,
          }
        : null,
      audio: audio ? { codec: audio.codec_name ?? 'unknown' } : null,
    }
  }

  /** ffmpeg: the RTMP stream → VP8 (or copied H.264) + Opus RTP into the PlainTransports; restarted with backoff while the encoder stays. */
  #runFfmpeg(
    session: IngestSession,
    key: string,
    tracks: Array<{ kind: types.MediaKind; transport: types.PlainTransport; ssrc: number; payloadType: number; copy: boolean }>,
    restarts: number,
  ): void {
    if (session.closed || this.#closed) return
    const args = [
      '-hide_banner',
      '-nostdin',
      '-loglevel',
      'error',
      '-fflags',
      'nobuffer',
      '-rw_timeout',
      '10000000',
      '-i',
      `rtmp://127.0.0.1:${this.port}/live/${key}`,
    ]
    for (const track of tracks) {
      const rtp = `rtp://127.0.0.1:${track.transport.tuple.localPort}?rtcpport=${track.transport.rtcpTuple?.localPort ?? track.transport.tuple.localPort + 1}&pkt_size=1200`
      if (track.kind === 'video' && track.copy) {
        // FLV carries SPS/PPS once, in its header: h264_mp4toannexb repeats them before every IDR frame, so
        // a viewer or the recorder joining later can decode. Key frames come at the encoder's interval (a
        // copy cannot answer PLI).
        args.push(
          ...['-map', '0:v:0', '-c:v', 'copy', '-bsf:v', 'h264_mp4toannexb'],
          ...['-payload_type', String(track.payloadType), '-ssrc', String(track.ssrc), '-f', 'rtp', rtp],
        )
      } else if (track.kind === 'video') {
        args.push(
          ...['-map', '0:v:0', '-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-threads', '2', '-lag-in-frames', '0', '-error-resilient', '1'],
          ...['-b:v', `${this.options.videoKbps ?? 2500}k`, '-maxrate', `${Math.round((this.options.videoKbps ?? 2500) * 1.2)}k`, '-bufsize', '1000k'],
          ...['-g', '30', '-keyint_min', '30', '-pix_fmt', 'yuv420p'],
          ...['-payload_type', String(track.payloadType), '-ssrc', String(track.ssrc), '-f', 'rtp', rtp],
        )
      } else {
        args.push(
          ...['-map', '0:a:0', '-c:a', 'libopus', '-b:a', '96k', '-ar', '48000', '-ac', '2', '-application', 'lowdelay'],
          ...['-payload_type', String(track.payloadType), '-ssrc', String(track.ssrc), '-f', 'rtp', rtp],
        )
      }
    }
    args.push('-progress', 'pipe:1', '-stats_period', '1')
    const child: ChildProcess = spawn(this.options.ffmpegPath ?? 'ffmpeg', args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let lastError = ''
    child.stderr?.on('data', (chunk: Buffer) => {
      lastError = redactSecrets(chunk.toString('utf8')).trim().slice(-300)
    })
    child.stdout?.on('data', (chunk: Buffer) => {
      const fps = /(?:^|\n)fps=([\d.]+)/.exec(chunk.toString('utf8'))?.[1]
      if (fps !== undefined && Number(fps) > 0) session.setSourceFormat({ fps: Math.round(Number(fps)) })
    })
    const stop = () => child.kill('SIGTERM')
    session.onClose(stop)
    child.once('exit', (code) => {
      if (session.closed || this.#closed) return
      if (restarts >= MAX_RESTARTS) {
        this.options.logger.error({ sessionId: session.sessionId, code, lastError }, 'RTMP ingest ffmpeg keeps failing; stopping the ingest')
        session.close('the stream could not be read')
        return
      }
      const delay = Math.min(10_000, 500 * 2 ** restarts)
      session.setDetail(`retrying in ${Math.round(delay / 1000)} s`)
      this.options.logger.warn({ sessionId: session.sessionId, code, lastError, delay }, 'RTMP ingest ffmpeg stopped; restarting')
      setTimeout(() => this.#runFfmpeg(session, key, tracks, restarts + 1), delay).unref()
    })
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    this.#context.eventEmitter.off('prePublish', this.#onPublish)
    this.#context.eventEmitter.off('donePublish', this.#onDonePublish)
    this.#context.eventEmitter.off('prePlay', this.#onPlay)
    for (const session of this.#publishers.values()) session.close('shutdown')
    this.#publishers.clear()
    await new Promise<void>((resolve) => {
      this.#server.close(() => resolve())
      this.#stopServer()
    })
  }
}
