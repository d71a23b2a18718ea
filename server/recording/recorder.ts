import { EventEmitter } from 'node:events'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Logger } from 'pino'
import { LIVE_PREVIEW_FILE, markPartStarted, openPart, type RecordingStopReason, syncRecording } from '../../app/domain/replays/recordings.server.ts'
import { partPlaylistName, partSegmentPattern } from '../../app/domain/replays/playlist.ts'
import type { RecordingStorage } from '../../app/domain/replays/storage.server.ts'
import type { RecordingState } from '../../app/protocol/media.ts'
import type { MediaTap, Room } from '../media/index.ts'
import { type EncodeSettings, recordingArgs, type RunningFfmpeg, spawnFfmpeg } from './ffmpeg.ts'
import { makeLivePreview, makePoster } from './poster.ts'
import { findFreePortPairs, type PortPair, waitUntilBound } from './ports.ts'
import { recordingSdp } from './sdp.ts'

export type RecorderOptions = {
  sessionId: string
  /** null: the showcase is not recorded and the encode only feeds its restream (no HLS, no rows). */
  recordingId: string | null
  storage: RecordingStorage
  ffmpeg: string
  encode: EncodeSettings
  /** The encode while parts also feed a restream (one encode shared by both; ADR 018). */
  streamEncode?: EncodeSettings
  /** Below this many free bytes on the recordings disk, recording stops (and resumes when space is back). */
  minFreeBytes: number
  logger: Logger
  now: () => Date
  /** Tests shorten the waits. */
  timing?: Partial<RecorderTiming>
}

type RecorderTiming = {
  /** Track changes (camera + microphone arriving together) settle for this long before a part starts. */
  settleMs: number
  /** How often the part's progress (poster, free disk) is looked at. */
  watchMs: number
  /** A graceful stop (SIGINT: ffmpeg closes its last segment) waits this long before SIGKILL. */
  stopGraceMs: number
  /** First restart delay after a crash; doubles per crash in a row. */
  restartBaseMs: number
  /** The live preview (the directory's still of the show) is refreshed this often while a part runs. */
  previewMs: number
}

const DEFAULT_TIMING: RecorderTiming = { settleMs: 800, watchMs: 2000, stopGraceMs: 5000, restartBaseMs: 1000, previewMs: 60_000 }
/** Crashes within this window count towards giving up; a part that ran longer than it resets the count. */
const CRASH_WINDOW_MS = 60_000
const MAX_CRASHES = 5
const MAX_POSTER_TRIES = 3

type Part = {
  index: number
  producerIds: string[]
  tap: MediaTap
  ffmpeg: RunningFfmpeg
  startedAt: number
  stopping: boolean
  /** The part also writes MPEG-TS on stdout for the restream. */
  streaming: boolean
  /** The part writes the recording's HLS (false: restream only, also while the disk is full). */
  records: boolean
}

/**
 * Who takes a part's MPEG-TS (the restream relay, ADR 018). The recorder reads ffmpeg's stdout itself and
 * hands every chunk on at once: a slow taker can never hold up the encode.
 */
export type StreamSink = {
  partStarted(partIndex: number): void
  data(chunk: Buffer): void
  partEnded(partIndex: number): void
  /** The encode gave up (`ffmpeg-failed`): no part follows until it is retried (retryEncode) or the host's media changes. */
  encodeFailed?(): void
}

/**
 * One showcase's recording while it is live: the host's current (unpaused) audio and video leave the room
 * through a MediaTap into ffmpeg, one part per continuous run. A changed set of tracks (camera off, a new
 * producer after a reconnect), an ffmpeg crash or a room restart ends the part and starts the next; the
 * replay joins parts with discontinuities. Nothing here is awaited by the live path: failures become a
 * state the studio shows, never an error thrown into signalling.
 */
export class SessionRecorder extends EventEmitter<{ state: [RecordingState] }> {
  #room: Room | null = null
  readonly #roomListeners: Array<() => void> = []
  #part: Part | null = null
  #state: RecordingState = { state: 'starting' }
  #queue: Promise<void> = Promise.resolve()
  #settleTimer: NodeJS.Timeout | null = null
  #restartTimer: NodeJS.Timeout | null = null
  readonly #watchTimer: NodeJS.Timeout
  #crashes: number[] = []
  #hasPoster = false
  #posterFailures = 0
  // The poster stands in as the still until the first preview, a minute in.
  #previewAt: number
  // The live preview's ffmpeg run (up to 15 s) goes on beside the queue, so it never holds up a restart;
  // at most one at a time, aborted and awaited when the recorder closes.
  #preview: { run: Promise<void>; abort: AbortController } | null = null
  #done = false
  #sink: StreamSink | null = null
  /** Parts of a restream-only encode (no recording rows to number them) and their SDP folder. */
  #streamOnlyParts = 0
  #streamOnlyFolder: string | null = null
  readonly #timing: RecorderTiming

  constructor(readonly options: RecorderOptions) {
    super()
    this.#timing = { ...DEFAULT_TIMING, ...options.timing }
    this.#previewAt = options.now().getTime()
    this.#watchTimer = setInterval(() => void this.#enqueue(() => this.#watch()), this.#timing.watchMs)
    this.#watchTimer.unref()
  }

  get state(): RecordingState {
    return this.#state
  }

  get partIndex(): number | null {
    return this.#part?.index ?? null
  }

  /** The running part's ffmpeg (fault tests kill it). */
  get ffmpegPid(): number | null {
    return this.#part?.ffmpeg.child.pid ?? null
  }

  /** Whether this encode records (else it only feeds a restream). */
  get records(): boolean {
    return this.options.recordingId !== null
  }

  /**
   * Hands the parts' MPEG-TS to `sink` (null: nobody takes it). A running part without that output is
   * replaced by one with it (a new part; the recording gets a discontinuity there).
   */
  setStreamSink(sink: StreamSink | null): void {
    if (this.#done || sink === this.#sink) return
    const part = this.#part
    if (this.#sink && part?.streaming && !part.stopping) this.#sink.partEnded(part.index)
    this.#sink = sink
    if (sink && part?.streaming && !part.stopping) sink.partStarted(part.index)
    this.#settle()
  }

  /** The restream's Retry: an encode that gave up (`ffmpeg-failed`) tries again at once. */
  retryEncode(): void {
    if (this.#done || this.#state.state !== 'stopped' || this.#state.reason !== 'ffmpeg-failed') return
    this.#crashes = []
    this.#setState({ state: 'starting' })
    this.#settle()
  }

  /** Records from this room's host producers (a new room after a worker restart replaces the old one). */
  attach(room: Room): void {
    if (this.#done || this.#room === room) return
    this.#detach()
    this.#room = room
    const changed = () => this.#settle()
    // New media from the host (a reconnect, another camera) is worth another try after giving up.
    const added = () => {
      if (this.#state.state === 'stopped' && this.#state.reason === 'ffmpeg-failed') {
        this.#crashes = []
        this.#setState({ state: 'starting' })
      }
      this.#settle()
    }
    room.on('produceradded', added)
    room.on('producerclosed', changed)
    room.on('producerpaused', changed)
    room.once('closed', changed)
    this.#roomListeners.push(() => {
      room.off('produceradded', added)
      room.off('producerclosed', changed)
      room.off('producerpaused', changed)
      room.off('closed', changed)
    })
    this.#settle()
  }

  /** The show ended: the last part closes cleanly, the recording is finalised (VOD playlist, poster, READY). */
  async finish(): Promise<void> {
    await this.#close(true)
  }

  /** The server is stopping while the show goes on: parts close cleanly; a resume continues the recording. */
  async shutdown(): Promise<void> {
    await this.#close(false)
  }

  async #close(final: boolean): Promise<void> {
    if (this.#done) return this.#queue
    this.#done = true
    this.#clearTimers()
    this.#detach()
    const preview = this.#preview
    preview?.abort.abort()
    await this.#enqueue(async () => {
      // Its rename must not bring the preview back after the removal below.
      await preview?.run
      await this.#stopPart()
      const { recordingId } = this.options
      if (this.#streamOnlyFolder) await rm(this.#streamOnlyFolder, { recursive: true, force: true })
      if (recordingId === null) {
        if (final) this.#setState({ state: 'finished' })
        return
      }
      if (final && !this.#hasPoster) await this.#makePoster(true).catch(() => undefined)
      // The live preview has served its purpose; the replay shows the poster.
      if (final) await this.options.storage.removeFile(recordingId, LIVE_PREVIEW_FILE).catch(() => undefined)
      await syncRecording(recordingId, this.options.storage, { final, now: this.options.now() })
      if (final) this.#setState({ state: 'finished' })
    })
  }

  #detach(): void {
    for (const off of this.#roomListeners.splice(0)) off()
    this.#room = null
  }

  #clearTimers(): void {
    clearInterval(this.#watchTimer)
    if (this.#settleTimer) clearTimeout(this.#settleTimer)
    if (this.#restartTimer) clearTimeout(this.#restartTimer)
    this.#settleTimer = null
    this.#restartTimer = null
  }

  /** Operations run one at a time, in order; a failure is logged and never escapes into the caller. */
  #enqueue(operation: () => Promise<void>): Promise<void> {
    this.#queue = this.#queue.then(operation).catch((error: unknown) => {
      this.options.logger.error({ err: error, sessionId: this.options.sessionId }, 'recording step failed')
    })
    return this.#queue
  }

  #settle(): void {
    if (this.#done) return
    if (this.#settleTimer) clearTimeout(this.#settleTimer)
    this.#settleTimer = setTimeout(() => {
      this.#settleTimer = null
      void this.#enqueue(() => this.#reconcile())
    }, this.#timing.settleMs)
    this.#settleTimer.unref()
  }

  #setState(state: RecordingState): void {
    if (JSON.stringify(state) === JSON.stringify(this.#state)) return
    this.#state = state
    this.emit('state', state)
  }

  /** The tracks to record now: the host's newest unpaused producer of each kind. */
  #wantedProducers(): string[] {
    const room = this.#room
    if (!room || room.closed) return []
    const byKind = new Map<string, string>()
    for (const producer of room.hostProducers()) if (!producer.paused) byKind.set(producer.kind, producer.producerId)
    return [...byKind.values()].sort()
  }

  async #reconcile(): Promise<void> {
    if (this.#done || this.#restartTimer) return
    if (this.#state.state === 'stopped' && this.#state.reason !== 'disk-full') return
    const wanted = this.#wantedProducers()
    const current = this.#part
    // A part without the MPEG-TS output is replaced once a restream wants it (not the other way round:
    // a part that streams to nobody costs only its stdout, and the recording keeps going without a cut).
    const streamingFits = !current || current.streaming || !this.#sink
    // While the disk is full the encode goes on for the restream alone (no HLS), as long as one takes it.
    const diskFull = this.#state.state === 'stopped' && this.#state.reason === 'disk-full'
    const recordsNow = this.options.recordingId !== null && !diskFull
    const fits = streamingFits && (!current || current.records === recordsNow) && (recordsNow || this.#sink !== null)
    if (current && !current.stopping && current.producerIds.join() === wanted.join() && !current.tap.closed && fits) return
    await this.#stopPart()
    if (wanted.length === 0) {
      if (this.#state.state !== 'stopped') this.#setState({ state: 'paused' })
      return
    }
    if (!(await this.#enoughDisk())) {
      if (!diskFull) await this.#stop('disk-full')
      if (this.#sink) await this.#startPart(wanted, false)
      return
    }
    await this.#startPart(wanted, this.options.recordingId !== null)
  }

  async #enoughDisk(): Promise<boolean> {
    if (this.options.recordingId === null) return true
    return (await this.options.storage.freeBytes()) >= this.options.minFreeBytes
  }

  /** Starts a part; `record` false: restream only (no recording, or a full disk), its SDP in a private temporary folder. */
  async #startPart(producerIds: string[], record: boolean): Promise<void> {
    const room = this.#room
    if (!room || room.closed) return
    // A restream-only part beside a recording that stopped (full disk) leaves the recording's state as it is.
    const keepsState = !record && this.options.recordingId !== null
    if (!keepsState) this.#setState({ state: 'starting' })
    const { storage } = this.options
    const recordingId = record ? this.options.recordingId : null
    let tap: MediaTap | null = null
    let ffmpeg: RunningFfmpeg | null = null
    try {
      const streaming = this.#sink !== null
      const ports = await findFreePortPairs(producerIds.length)
      tap = await room.openTap(producerIds.map((producerId, i) => ({ producerId, ip: '127.0.0.1', ...(ports[i] as PortPair) })))
      let folder: string
      let sdpFile: string
      let index: number
      if (recordingId === null) {
        // Restream only: the SDP goes to a private temporary folder, nothing is stored.
        folder = this.#streamOnlyFolder ??= await mkdtemp(path.join(os.tmpdir(), 'tradecast-restream-'))
        index = this.#streamOnlyParts++
        sdpFile = path.join(folder, `p${String(index).padStart(3, '0')}.sdp`)
        await writeFile(sdpFile, recordingSdp(tap.tracks))
      } else {
        folder = await storage.prepare(recordingId)
        index = await openPart(recordingId, this.options.now())
        const sdpName = `p${String(index).padStart(3, '0')}.sdp`
        await storage.writeText(recordingId, sdpName, recordingSdp(tap.tracks))
        sdpFile = storage.pathOf(recordingId, sdpName)
      }
      const args = recordingArgs(
        {
          sdpFile,
          hls: recordingId === null ? null : { playlist: partPlaylistName(index), segmentPattern: partSegmentPattern(index) },
          stream: streaming,
          hasVideo: tap.tracks.some((track) => track.kind === 'video'),
          hasAudio: tap.tracks.some((track) => track.kind === 'audio'),
        },
        streaming ? (this.options.streamEncode ?? this.options.encode) : this.options.encode,
      )
      ffmpeg = await spawnFfmpeg(this.options.ffmpeg, args, folder, { stdout: streaming })
      const part: Part = { index, producerIds, tap, ffmpeg, startedAt: Date.now(), stopping: false, streaming, records: recordingId !== null }
      this.#part = part
      if (streaming) {
        // Always read, whoever takes it: a full stdout pipe would stall the encode (and the recording).
        ffmpeg.child.stdout?.on('data', (chunk: Buffer) => {
          if (!part.stopping) this.#sink?.data(chunk)
        })
        this.#sink?.partStarted(index)
      }
      void ffmpeg.exited.then((exit) => this.#enqueue(() => this.#partExited(part, exit)))
      tap.once('closed', () => {
        // The room closed (worker restart, show ended): this part is over; a new room gets a new part.
        if (this.#part === part && !part.stopping) this.#settle()
      })
      // Media flows once ffmpeg listens; the first packets it misses would be the key frame.
      await waitUntilBound(
        ports.map((pair) => pair.rtpPort),
        3000,
      )
      // Stopped meanwhile, or ffmpeg already gone (its exit handler takes it from here).
      if (part.stopping || tap.closed || ffmpeg.child.exitCode !== null || ffmpeg.child.signalCode !== null) return
      await tap.start()
      if (recordingId !== null) await markPartStarted(recordingId, index, this.options.now())
      // Browsers send a key frame on request; a repeat covers one lost while ffmpeg probes the stream.
      const started = tap
      for (const delay of [700, 1800]) {
        setTimeout(() => {
          if (!started.closed) void started.requestKeyFrame()
        }, delay).unref()
      }
      if (!keepsState) this.#setState({ state: 'recording' })
      this.options.logger.info({ sessionId: this.options.sessionId, recordingId, part: index, tracks: tap.tracks.length, streaming }, 'recording part started')
    } catch (error) {
      // A part that cannot start (no free ports, the database, a full disk) leaves nothing running and is
      // retried like a crash.
      this.options.logger.warn({ err: error, sessionId: this.options.sessionId }, 'a recording part could not start')
      if (this.#part?.ffmpeg === ffmpeg) this.#endStream(this.#part)
      if (this.#part?.ffmpeg === ffmpeg) this.#part = null
      if (ffmpeg?.child.exitCode === null && ffmpeg.child.signalCode === null) ffmpeg.child.kill('SIGKILL')
      tap?.close()
      await this.#retryLater(0)
    }
  }

  /** Ends the current part cleanly: ffmpeg gets SIGINT (it closes the last segment and the playlist). */
  async #stopPart(): Promise<void> {
    const part = this.#part
    if (!part) return
    this.#part = null
    this.#endStream(part)
    part.stopping = true
    if (part.ffmpeg.child.exitCode === null && part.ffmpeg.child.signalCode === null) {
      part.ffmpeg.child.kill('SIGINT')
      const killer = setTimeout(() => part.ffmpeg.child.kill('SIGKILL'), this.#timing.stopGraceMs)
      await part.ffmpeg.exited
      clearTimeout(killer)
    }
    part.tap.close()
    await this.#sync()
  }

  /** Tells the restream the part's MPEG-TS has ended (once per part). */
  #endStream(part: Part): void {
    if (part.streaming && !part.stopping) this.#sink?.partEnded(part.index)
  }

  async #sync(stoppedReason?: RecordingStopReason): Promise<void> {
    const { recordingId } = this.options
    if (recordingId === null) return
    await syncRecording(recordingId, this.options.storage, { final: false, now: this.options.now(), ...(stoppedReason ? { stoppedReason } : {}) })
  }

  async #partExited(part: Part, exit: { code: number | null; signal: NodeJS.Signals | null }): Promise<void> {
    if (part.stopping || this.#done) return
    // ffmpeg ended by itself: a crash or a kill.
    this.#part = null
    this.#endStream(part)
    part.stopping = true
    part.tap.close()
    this.options.logger.warn(
      { sessionId: this.options.sessionId, part: part.index, code: exit.code, signal: exit.signal, stderr: part.ffmpeg.stderrTail().slice(-600) },
      'recording ffmpeg exited unexpectedly; starting a new part',
    )
    await this.#sync()
    await this.#retryLater(Date.now() - part.startedAt)
  }

  /**
   * After a crash or a failed start: a new part after 1, 2, 4… s; five failures within a minute stop the
   * recording (`ffmpeg-failed`) until the host's media changes. A part that ran longer than that minute
   * starts the count afresh.
   */
  async #retryLater(ranForMs: number): Promise<void> {
    const now = Date.now()
    if (ranForMs > CRASH_WINDOW_MS) this.#crashes = []
    this.#crashes = [...this.#crashes.filter((at) => now - at < CRASH_WINDOW_MS), now]
    if (this.#crashes.length >= MAX_CRASHES) {
      await this.#stop('ffmpeg-failed')
      return
    }
    const delay = this.#timing.restartBaseMs * 2 ** (this.#crashes.length - 1)
    this.#setState({ state: 'restarting', retryInSeconds: Math.ceil(delay / 1000) })
    this.#restartTimer = setTimeout(() => {
      this.#restartTimer = null
      void this.#enqueue(() => this.#reconcile())
    }, delay)
    this.#restartTimer.unref()
  }

  async #stop(reason: RecordingStopReason): Promise<void> {
    await this.#stopPart()
    await this.#sync(reason)
    this.#setState({ state: 'stopped', reason })
    // The restream has no encode to copy until a Retry (or new media from the host): its destinations say so.
    if (reason === 'ffmpeg-failed') this.#sink?.encodeFailed?.()
    this.options.logger.error({ sessionId: this.options.sessionId, reason }, 'recording stopped; the show goes on without it')
  }

  /** Periodic look at the running part: free disk (stop before the disk is full), the poster, and a stopped disk recovering. */
  async #watch(): Promise<void> {
    if (this.#done) return
    if (this.#state.state === 'stopped' && this.#state.reason === 'disk-full') {
      if (await this.#enoughDisk()) {
        // Room again: the recording resumes (a restream-only part gives way to a recording one).
        this.#setState({ state: 'starting' })
        await this.#reconcile()
      }
      return
    }
    if (!this.#part || this.options.recordingId === null) return
    if (!(await this.#enoughDisk())) {
      await this.#stop('disk-full')
      // The restream goes on without the recording.
      if (this.#sink) await this.#reconcile()
      return
    }
    // An audio-only show has no still to take: a few failed tries are enough (the end tries once more).
    if (!this.#hasPoster && this.#posterFailures < MAX_POSTER_TRIES) {
      await this.#makePoster(false).catch((error: unknown) => {
        this.#posterFailures++
        this.options.logger.warn({ err: error, sessionId: this.options.sessionId }, 'poster not made yet')
      })
    }
    // One ffmpeg run a minute per live show, however many people look at the directory.
    const now = this.options.now().getTime()
    if (this.#hasPoster && !this.#preview && now - this.#previewAt >= this.#timing.previewMs) {
      this.#previewAt = now
      this.#refreshPreview()
    }
  }

  /** Starts the live preview's ffmpeg outside the queue; a failure is only logged. */
  #refreshPreview(): void {
    // The recorder may have closed while this look was waiting for the disk or the poster.
    if (this.#done) return
    const abort = new AbortController()
    const recordingId = this.options.recordingId
    if (recordingId === null) return
    const run = makeLivePreview(this.options.ffmpeg, this.options.storage, recordingId, abort.signal).then(
      () => undefined,
      (error: unknown) => {
        if (!abort.signal.aborted) this.options.logger.warn({ err: error, sessionId: this.options.sessionId }, 'live preview not refreshed')
      },
    )
    const preview = { run, abort }
    this.#preview = preview
    void run.finally(() => {
      if (this.#preview === preview) this.#preview = null
    })
  }

  async #makePoster(anySegment: boolean): Promise<void> {
    if (this.options.recordingId === null) return
    this.#hasPoster = await makePoster(this.options.ffmpeg, this.options.storage, this.options.recordingId, { anySegment })
  }
}
