import { EventEmitter } from 'node:events'
import type { Logger } from 'pino'
import {
  closeOpenRuns,
  endRun,
  openDestinationsForPublishing,
  restreamAllowsPrivateHosts,
  runProgress,
  startRun,
} from '../../app/domain/restream/destinations.server.ts'
import type { RestreamDestinationState, RestreamStatus } from '../../app/protocol/media.ts'
import type { Room } from '../media/index.ts'
import type { PublisherTiming, RunRecords } from './publisher.ts'
import { type EncodeSource, type RestreamerOptions, SessionRestreamer } from './restreamer.ts'

export type RestreamServiceOptions = {
  encode: EncodeSource
  ffmpeg: string
  logger: Logger
  now?: () => Date
  /** How often a live showcase's destinations are read again (the host edits them in the studio). */
  reloadMs?: number
  loadDestinations?: RestreamerOptions['loadDestinations']
  records?: RunRecords
  publisherTiming?: Partial<PublisherTiming>
  /** RESTREAM_ALLOW_PRIVATE_HOSTS; read from the environment when not given. */
  allowPrivateHosts?: boolean
}

type StatusChange = { sessionId: string; status: RestreamStatus }

const DEFAULT_RELOAD_MS = 5000

/**
 * The process's restreams: one SessionRestreamer per live showcase here, driven by the media signalling
 * exactly like the recording (go live, host producing again after a restart, end). Every entry point logs
 * its failures instead of throwing: a restream never stands in the way of the live show.
 */
export class RestreamService extends EventEmitter<{ status: [StatusChange] }> {
  readonly #restreamers = new Map<string, { restreamer: SessionRestreamer; reload: NodeJS.Timeout }>()
  readonly #now: () => Date

  constructor(readonly options: RestreamServiceOptions) {
    super()
    this.#now = options.now ?? (() => new Date())
  }

  statusOf(sessionId: string): RestreamStatus {
    return this.#restreamers.get(sessionId)?.restreamer.status ?? { destinations: [] }
  }

  /** The state of every destination of this process's live showcases (the operations metrics). */
  destinationStates(): Array<RestreamDestinationState['state']> {
    return [...this.#restreamers.values()].flatMap(({ restreamer }) => restreamer.status.destinations.map((destination) => destination.status.state))
  }

  /** The running restreamer of a showcase (tests and the benchmark). */
  restreamerOf(sessionId: string): SessionRestreamer | null {
    return this.#restreamers.get(sessionId)?.restreamer ?? null
  }

  /** The showcase is live in `room`: its enabled destinations publish. Never throws, never awaited by the live path. */
  async sessionLive(sessionId: string, room: Room): Promise<void> {
    try {
      let entry = this.#restreamers.get(sessionId)
      if (!entry) {
        const restreamer = new SessionRestreamer({
          sessionId,
          encode: this.options.encode,
          ffmpeg: this.options.ffmpeg,
          logger: this.options.logger.child({ sessionId }),
          now: this.#now,
          loadDestinations: this.options.loadDestinations ?? openDestinationsForPublishing,
          records: this.options.records ?? { start: (destination, at) => startRun(sessionId, destination, at), end: endRun, progress: runProgress },
          allowPrivateHosts: this.options.allowPrivateHosts ?? restreamAllowsPrivateHosts(),
          ...(this.options.publisherTiming ? { publisherTiming: this.options.publisherTiming } : {}),
        })
        restreamer.on('status', (status) => this.emit('status', { sessionId, status }))
        const reload = setInterval(() => void restreamer.reload(), this.options.reloadMs ?? DEFAULT_RELOAD_MS)
        reload.unref()
        entry = { restreamer, reload }
        this.#restreamers.set(sessionId, entry)
      }
      await entry.restreamer.attach(room)
    } catch (error) {
      this.options.logger.error({ err: error, sessionId }, 'restream could not start; the show goes on without it')
    }
  }

  /** The host pressed "Retry" on a destination. */
  retry(sessionId: string, destinationId: string): void {
    this.#restreamers.get(sessionId)?.restreamer.retry(destinationId)
  }

  /** Reads a live showcase's destinations again now (the studio saved a change). */
  async reload(sessionId: string): Promise<void> {
    await this.#restreamers.get(sessionId)?.restreamer.reload()
  }

  /** The showcase ended: every destination stops. */
  async sessionEnded(sessionId: string): Promise<void> {
    const entry = this.#restreamers.get(sessionId)
    if (!entry) return
    this.#restreamers.delete(sessionId)
    clearInterval(entry.reload)
    try {
      await entry.restreamer.close()
    } catch (error) {
      this.options.logger.error({ err: error, sessionId }, 'stopping a restream failed')
    }
  }

  /** At start-up: uptime records a stopped server left open are closed. */
  async closeLeftovers(): Promise<void> {
    try {
      const closed = await closeOpenRuns(this.#now())
      if (closed > 0) this.options.logger.info({ runs: closed }, 'closed restream runs a restart left open')
    } catch (error) {
      this.options.logger.error({ err: error }, 'closing left-over restream runs failed')
    }
  }

  /** The server stops: publishers stop (a show still live restreams again when its host produces after the restart). */
  async close(): Promise<void> {
    const ids = [...this.#restreamers.keys()]
    await Promise.all(ids.map((sessionId) => this.sessionEnded(sessionId)))
  }
}
