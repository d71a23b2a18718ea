import { EventEmitter } from 'node:events'
import type { Logger } from 'pino'
import type { PublishingDestination } from '../../app/domain/restream/destinations.server.ts'
import type { RestreamDestinationState, RestreamStatus } from '../../app/protocol/media.ts'
import type { Room } from '../media/index.ts'
import type { StreamSink } from '../recording/recorder.ts'
import { DestinationPublisher, type PublisherTiming, type RunRecords } from './publisher.ts'

/** Where a restream gets the showcase's encode: the recording service (one encode for both, ADR 018). */
export type EncodeSource = {
  attachStream(sessionId: string, room: Room, sink: StreamSink): Promise<boolean>
  detachStream(sessionId: string, sink: StreamSink): Promise<void>
  /** The encode gave up (`ffmpeg-failed`): try it again now (the host pressed Retry). */
  retryEncode(sessionId: string): void
}

export type RestreamerOptions = {
  sessionId: string
  encode: EncodeSource
  ffmpeg: string
  logger: Logger
  now: () => Date
  /** The enabled destinations with their keys (the database, in production). */
  loadDestinations: (sessionId: string) => Promise<PublishingDestination[]>
  records: RunRecords
  publisherTiming?: Partial<PublisherTiming>
  /** RESTREAM_ALLOW_PRIVATE_HOSTS (publishers check each destination's addresses when false). */
  allowPrivateHosts: boolean
}

/** What a destination that cannot publish at all shows (no key to open, no encode to copy). */
type Blocked = { destination: PublishingDestination; status: RestreamDestinationState }

/**
 * One live showcase's restream: one publisher per enabled destination, all fed by the showcase's one
 * encode. It is started by the room it serves (sessionLive) and stopped when the show ends; destinations
 * the host adds, removes or turns off while live are picked up by `reload()`. Its state is observable per
 * destination; failures become states, never errors thrown into the live path.
 */
export class SessionRestreamer extends EventEmitter<{ status: [RestreamStatus] }> {
  readonly #publishers = new Map<string, { publisher: DestinationPublisher; fingerprint: string }>()
  readonly #blocked = new Map<string, Blocked>()
  #room: Room | null = null
  #attached = false
  #noEncoder = false
  #streaming = false
  #closed = false
  #queue: Promise<void> = Promise.resolve()

  readonly #sink: StreamSink = {
    partStarted: () => {
      this.#streaming = true
      for (const { publisher } of this.#publishers.values()) publisher.streamStarted()
    },
    data: (chunk) => {
      for (const { publisher } of this.#publishers.values()) publisher.data(chunk)
    },
    partEnded: () => {
      this.#streaming = false
      for (const { publisher } of this.#publishers.values()) publisher.streamEnded()
    },
    encodeFailed: () => {
      this.#encodeFailed = true
      for (const { publisher } of this.#publishers.values()) publisher.encodeFailed()
    },
  }
  /** The encode gave up; Retry asks for it again. */
  #encodeFailed = false

  constructor(readonly options: RestreamerOptions) {
    super()
  }

  get status(): RestreamStatus {
    const destinations: RestreamStatus['destinations'] = []
    for (const [id, { publisher }] of this.#publishers) destinations.push({ id, status: publisher.state })
    for (const [id, blocked] of this.#blocked) destinations.push({ id, status: blocked.status })
    return { destinations }
  }

  /** The publishers (tests and the benchmark look at their processes). */
  get publishers(): DestinationPublisher[] {
    return [...this.#publishers.values()].map((entry) => entry.publisher)
  }

  /** The show is live in `room` (again, after a worker restart): publish its encode. */
  attach(room: Room): Promise<void> {
    return this.#enqueue(async () => {
      if (this.#room !== room) this.#attached = false
      this.#room = room
      await this.#reconcile()
    })
  }

  /** Reads the destinations again (the host changed them while live). */
  reload(): Promise<void> {
    return this.#enqueue(() => this.#reconcile())
  }

  retry(destinationId: string): void {
    if (this.#closed) return
    if (this.#encodeFailed) {
      // Nothing to copy until the encode runs again: ask for it; the publishers follow its next part.
      this.#encodeFailed = false
      this.options.encode.retryEncode(this.options.sessionId)
    }
    this.#publishers.get(destinationId)?.publisher.retryNow()
    // A destination blocked by a missing encode may have one now.
    if (this.#blocked.has(destinationId)) void this.#enqueue(() => this.#reconcile(true))
  }

  /** The show ended (or the server stops): every publisher stops; the runs are recorded as stopped. */
  async close(): Promise<void> {
    if (this.#closed) return this.#queue
    this.#closed = true
    await this.#enqueue(async () => {
      // Publishers first: their runs end as stopped, not as the encode going away.
      await Promise.all([...this.#publishers.values()].map(({ publisher }) => publisher.close()))
      await this.#encodeOff()
      this.#publishers.clear()
      this.#blocked.clear()
      this.#emit()
    })
  }

  #enqueue(operation: () => Promise<void>): Promise<void> {
    this.#queue = this.#queue.then(operation).catch((error: unknown) => {
      this.options.logger.error({ err: error, sessionId: this.options.sessionId }, 'restream step failed')
    })
    return this.#queue
  }

  #emit(): void {
    this.emit('status', this.status)
  }

  async #reconcile(forceEncode = false): Promise<void> {
    if (this.#closed) return
    const wanted = await this.options.loadDestinations(this.options.sessionId)
    const wantedIds = new Set(wanted.map((destination) => destination.id))
    // Removed, turned off or changed destinations stop.
    for (const [id, entry] of this.#publishers) {
      const now = wanted.find((destination) => destination.id === id)
      if (!now || fingerprint(now) !== entry.fingerprint) {
        this.#publishers.delete(id)
        await entry.publisher.close()
      }
    }
    for (const id of this.#blocked.keys()) if (!wantedIds.has(id)) this.#blocked.delete(id)

    if (wanted.length === 0) {
      await this.#encodeOff()
      this.#emit()
      return
    }
    if (this.#room && !this.#room.closed && (!this.#attached || forceEncode)) {
      const ok = await this.options.encode.attachStream(this.options.sessionId, this.#room, this.#sink)
      this.#attached = ok
      this.#noEncoder = !ok
      if (!ok) this.options.logger.warn({ sessionId: this.options.sessionId }, 'restream has no encode (ffmpeg is not usable); destinations fail')
    }
    for (const destination of wanted) {
      if (this.#publishers.has(destination.id)) continue
      if (destination.streamKey === null || this.#noEncoder) {
        this.#blocked.set(destination.id, {
          destination,
          status: { state: 'failed', reason: destination.streamKey === null ? 'key-unreadable' : 'no-encoder' },
        })
        continue
      }
      this.#blocked.delete(destination.id)
      const publisher = new DestinationPublisher({
        sessionId: this.options.sessionId,
        destination: { ...destination, streamKey: destination.streamKey },
        ffmpeg: this.options.ffmpeg,
        logger: this.options.logger,
        now: this.options.now,
        records: this.options.records,
        allowPrivateHosts: this.options.allowPrivateHosts,
        ...(this.options.publisherTiming ? { timing: this.options.publisherTiming } : {}),
      })
      publisher.on('state', () => this.#emit())
      this.#publishers.set(destination.id, { publisher, fingerprint: fingerprint(destination) })
      if (this.#streaming) publisher.streamStarted()
    }
    this.#emit()
  }

  async #encodeOff(): Promise<void> {
    if (!this.#attached) return
    this.#attached = false
    this.#streaming = false
    await this.options.encode.detachStream(this.options.sessionId, this.#sink)
  }
}

/** What makes a publisher's target: a changed URL or key means a new publisher. */
function fingerprint(destination: PublishingDestination): string {
  return JSON.stringify([destination.serverUrl, destination.streamKey, destination.platform, destination.label])
}
