import { EventEmitter } from 'node:events'
import type { Logger } from 'pino'
import { openRecording, POSTER_FILE, recordingsToFinalize, syncRecording } from '../../app/domain/replays/recordings.server.ts'
import type { RecordingStorage } from '../../app/domain/replays/storage.server.ts'
import type { RecordingState } from '../../app/protocol/media.ts'
import type { Room } from '../media/index.ts'
import { checkFfmpeg, type EncodeSettings } from './ffmpeg.ts'
import { makePoster } from './poster.ts'
import { SessionRecorder, type RecorderOptions } from './recorder.ts'

export type RecordingServiceOptions = {
  /** False: the deployment turned recording off (RECORDING_ENABLED=false). */
  enabled: boolean
  ffmpeg: string
  storage: RecordingStorage
  encode: EncodeSettings
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
  readonly #now: () => Date

  private constructor(
    readonly options: RecordingServiceOptions,
    /** Why nothing is recorded on this process, or null when recording works. */
    readonly unavailable: 'disabled' | 'ffmpeg-missing' | null,
  ) {
    super()
    this.#now = options.now ?? (() => new Date())
  }

  /** Checks ffmpeg once; without it the service answers "off" for every showcase and the show goes on. */
  static async create(options: RecordingServiceOptions): Promise<RecordingService> {
    if (!options.enabled) return new RecordingService(options, 'disabled')
    const check = await checkFfmpeg(options.ffmpeg)
    if (!check.ok) {
      options.logger.warn({ reason: check.reason }, 'recording is off: ffmpeg is not usable (install the Debian package ffmpeg); live showcases still work')
      return new RecordingService(options, 'ffmpeg-missing')
    }
    options.logger.info({ ffmpeg: check.version }, 'recording ready')
    return new RecordingService(options, null)
  }

  stateOf(sessionId: string): RecordingState {
    return this.#recorders.get(sessionId)?.state ?? this.#off.get(sessionId) ?? { state: 'off' }
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
    if (this.unavailable) {
      this.#setOff(sessionId, { state: 'off', reason: this.unavailable })
      return null
    }
    const opened = await openRecording(sessionId, this.#now())
    if (!opened) {
      this.#setOff(sessionId, { state: 'off' })
      return null
    }
    const recorder = new SessionRecorder({
      sessionId,
      recordingId: opened.recordingId,
      storage: this.options.storage,
      ffmpeg: this.options.ffmpeg,
      encode: this.options.encode,
      minFreeBytes: this.options.minFreeBytes,
      logger: this.options.logger.child({ sessionId }),
      now: this.#now,
      ...(this.options.timing ? { timing: this.options.timing } : {}),
    })
    recorder.on('state', (state) => this.emit('state', { sessionId, state }))
    this.#recorders.set(sessionId, recorder)
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
