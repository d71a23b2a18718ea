import { EventEmitter } from 'node:events'
import type { Logger } from 'pino'
import { openRecording, POSTER_FILE, recordingsToFinalize, syncRecording } from '../../app/domain/replays/recordings.server.ts'
import type { RecordingStorage } from '../../app/domain/replays/storage.server.ts'
import type { RecordingState } from '../../app/protocol/media.ts'
import type { Room } from '../media/index.ts'
import { checkFfmpeg, type EncodeSettings } from './ffmpeg.ts'
import { makePoster } from './poster.ts'
import { SessionRecorder, type RecorderOptions, type StreamSink } from './recorder.ts'

export type RecordingServiceOptions = {
  /** False: the deployment turned recording off (RECORDING_ENABLED=false). */
  enabled: boolean
  ffmpeg: string
  storage: RecordingStorage
  encode: EncodeSettings
  /** The shared encode while a showcase restreams (ADR 018); default: `encode`. */
  streamEncode?: EncodeSettings
  minFreeBytes: number
  logger: Logger
  now?: () => Date
  timing?: RecorderOptions['timing']
}

type StateChange = { sessionId: string; state: RecordingState }

/**
 * The process's recordings: one SessionRecorder per live showcase on this process. The media signalling
 * tells it when a showcase goes live (or its host produces again after a restart) and when it ends; it
 * tells the room what the recording is doing. Every entry point logs its failures instead of throwing:
 * recording never stands in the way of the live show.
 */
export class RecordingService extends EventEmitter<{ state: [StateChange] }> {
  readonly #recorders = new Map<string, SessionRecorder>()
  readonly #pending = new Map<string, Promise<SessionRecorder | null>>()
  readonly #off = new Map<string, RecordingState>()
  /** Restreams that take a showcase's encode (ADR 018), and the showcases encoded only for them. */
  readonly #sinks = new Map<string, StreamSink>()
  readonly #streamOnly = new Set<string>()
  readonly #now: () => Date

  private constructor(
    readonly options: RecordingServiceOptions,
    /** Why nothing is recorded on this process, or null when recording works. */
    readonly unavailable: 'disabled' | 'ffmpeg-missing' | null,
    /** Whether ffmpeg runs here: a restream can have its encode even with recording off. */
    readonly canEncode: boolean,
  ) {
    super()
    this.#now = options.now ?? (() => new Date())
  }

  /** Checks ffmpeg once; without it the service answers "off" for every showcase and the show goes on. */
  static async create(options: RecordingServiceOptions): Promise<RecordingService> {
    const check = await checkFfmpeg(options.ffmpeg)
    if (!options.enabled) return new RecordingService(options, 'disabled', check.ok)
    if (!check.ok) {
      options.logger.warn({ reason: check.reason }, 'recording is off: ffmpeg is not usable (install the Debian package ffmpeg); live showcases still work')
      return new RecordingService(options, 'ffmpeg-missing', false)
    }
    options.logger.info({ ffmpeg: check.version }, 'recording ready')
    return new RecordingService(options, null, true)
  }

  /** The process id of a showcase's running encode (the benchmark and fault tests look at it). */
  encoderPid(sessionId: string): number | null {
    return this.#recorders.get(sessionId)?.ffmpegPid ?? null
  }

  /** The state of each encode running on this process (the operations metrics). */
  encodeStates(): Array<RecordingState['state']> {
    return [...this.#recorders.values()].map((recorder) => recorder.state.state)
  }

  stateOf(sessionId: string): RecordingState {
    if (this.#streamOnly.has(sessionId)) return this.#off.get(sessionId) ?? { state: 'off' }
    return this.#recorders.get(sessionId)?.state ?? this.#off.get(sessionId) ?? { state: 'off' }
  }

  /**
   * A restream takes the showcase's encode (MPEG-TS of every part) while it is live in `room`. With
   * recording off (the deployment's or the show's choice) the encode runs for the restream alone.
   * Returns false when there is no encode to be had (no usable ffmpeg). Never throws.
   */
  async attachStream(sessionId: string, room: Room, sink: StreamSink): Promise<boolean> {
    if (!this.canEncode) return false
    this.#sinks.set(sessionId, sink)
    try {
      let recorder = await this.#recorderFor(sessionId)
      // A recorder-less answer made before the sink was known (recording off): ask again.
      if (!recorder && this.#sinks.get(sessionId) === sink) recorder = await this.#recorderFor(sessionId)
      if (!recorder || this.#sinks.get(sessionId) !== sink) return recorder !== null
      recorder.attach(room)
      recorder.setStreamSink(sink)
      return true
    } catch (error) {
      this.options.logger.error({ err: error, sessionId }, 'the restream could not have the encode')
      return false
    }
  }

  /** The restream's Retry: a showcase's encode that gave up (`ffmpeg-failed`) tries again now. */
  retryEncode(sessionId: string): void {
    this.#recorders.get(sessionId)?.retryEncode()
  }

  /** The restream no longer wants the encode; an encode that ran only for it stops. */
  async detachStream(sessionId: string, sink: StreamSink): Promise<void> {
    if (this.#sinks.get(sessionId) !== sink) return
    this.#sinks.delete(sessionId)
    const recorder = this.#recorders.get(sessionId)
    if (!recorder) return
    recorder.setStreamSink(null)
    if (!this.#streamOnly.has(sessionId)) return
    this.#recorders.delete(sessionId)
    this.#streamOnly.delete(sessionId)
    await recorder.finish().catch((error: unknown) => this.options.logger.error({ err: error, sessionId }, 'stopping a restream-only encode failed'))
  }

  /** The showcase is live in `room` (went live, or its host produces again after a restart): record it. */
  async sessionLive(sessionId: string, room: Room): Promise<void> {
    try {
      const recorder = await this.#recorderFor(sessionId)
      recorder?.attach(room)
    } catch (error) {
      this.options.logger.error({ err: error, sessionId }, 'recording could not start; the show goes on without it')
    }
  }

  /** The showcase ended: its recording is finalised (the replay becomes playable). */
  async sessionEnded(sessionId: string): Promise<void> {
    const recorder = (await this.#pending.get(sessionId)?.catch(() => null)) ?? this.#recorders.get(sessionId)
    this.#off.delete(sessionId)
    this.#sinks.delete(sessionId)
    this.#streamOnly.delete(sessionId)
    if (!recorder) return
    try {
      await recorder.finish()
    } catch (error) {
      this.options.logger.error({ err: error, sessionId }, 'finalising a recording failed')
    } finally {
      this.#recorders.delete(sessionId)
    }
  }

  /**
   * At start-up: recordings a crash or restart left unfinished whose showcase has ended meanwhile are
   * finalised as far as they got (every complete segment stays; a poster is made if none was).
   */
  async finalizeLeftovers(): Promise<number> {
    const ids = await recordingsToFinalize()
    for (const recordingId of ids) {
      try {
        await this.#ensurePoster(recordingId)
        await syncRecording(recordingId, this.options.storage, { final: true, now: this.#now() })
      } catch (error) {
        this.options.logger.error({ err: error, recordingId }, 'finalising a left-over recording failed')
      }
    }
    if (ids.length > 0) this.options.logger.info({ recordings: ids.length }, 'finalised recordings a restart left unfinished')
    return ids.length
  }

  /** The server stops: running parts close cleanly; shows still live continue their recording after the restart. */
  async close(): Promise<void> {
    await Promise.all([...this.#pending.values()].map((pending) => pending.catch(() => null)))
    await Promise.all([...this.#recorders.values()].map((recorder) => recorder.shutdown()))
    this.#recorders.clear()
  }

  async #recorderFor(sessionId: string): Promise<SessionRecorder | null> {
    const existing = this.#recorders.get(sessionId)
    if (existing) return existing
    let pending = this.#pending.get(sessionId)
    if (!pending) {
      pending = this.#open(sessionId).finally(() => this.#pending.delete(sessionId))
      this.#pending.set(sessionId, pending)
    }
    return pending
  }

  async #open(sessionId: string): Promise<SessionRecorder | null> {
    let recordingId: string | null = null
    if (this.unavailable) {
      this.#setOff(sessionId, { state: 'off', reason: this.unavailable })
    } else {
      const opened = await openRecording(sessionId, this.#now())
      if (opened) recordingId = opened.recordingId
      else this.#setOff(sessionId, { state: 'off' })
    }
    // Not recorded, and no restream wants the encode either: nothing to run.
    if (recordingId === null && !(this.canEncode && this.#sinks.has(sessionId))) return null
    const recorder = new SessionRecorder({
      sessionId,
      recordingId,
      storage: this.options.storage,
      ffmpeg: this.options.ffmpeg,
      encode: this.options.encode,
      ...(this.options.streamEncode ? { streamEncode: this.options.streamEncode } : {}),
      minFreeBytes: this.options.minFreeBytes,
      logger: this.options.logger.child({ sessionId }),
      now: this.#now,
      ...(this.options.timing ? { timing: this.options.timing } : {}),
    })
    this.#recorders.set(sessionId, recorder)
    if (recordingId === null) {
      // The studio keeps showing "not recorded": this encode's states are the restream's business.
      this.#streamOnly.add(sessionId)
      return recorder
    }
    recorder.on('state', (state) => this.emit('state', { sessionId, state }))
    this.emit('state', { sessionId, state: recorder.state })
    return recorder
  }

  #setOff(sessionId: string, state: RecordingState): void {
    this.#off.set(sessionId, state)
    this.emit('state', { sessionId, state })
  }

  async #ensurePoster(recordingId: string): Promise<void> {
    const { storage, ffmpeg } = this.options
    if ((await storage.list(recordingId)).includes(POSTER_FILE)) return
    await makePoster(ffmpeg, storage, recordingId, { anySegment: true }).catch((error: unknown) =>
      this.options.logger.warn({ err: error, recordingId }, 'no poster for a left-over recording'),
    )
  }
}
