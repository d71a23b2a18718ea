import { EventEmitter } from 'node:events'
import type { types } from 'mediasoup'
import type { IngestHealth, IngestKind, IngestState, IngestStatus } from '../../app/domain/live/ingest-status.ts'

export type { IngestHealth, IngestKind, IngestState, IngestStatus } from '../../app/domain/live/ingest-status.ts'

const EMPTY_HEALTH: IngestHealth = {
  bitrateKbps: 0,
  videoBitrateKbps: 0,
  audioBitrateKbps: 0,
  packetLoss: 0,
  score: null,
  width: null,
  height: null,
  fps: null,
  codecs: [],
}

/** Sampling period of the producers' stats; two empty samples in a row are a stall. */
export const HEALTH_SAMPLE_MS = 1000
const STALL_SAMPLES = 3

/**
 * One encoder feeding one showcase (WHIP or RTMP): the only owner of its transports and producers
 * (house style 19). Its state and health are observable; close() is idempotent, closes everything
 * beneath it and never touches the rest of the room.
 */
export class IngestSession extends EventEmitter<{ state: [IngestStatus]; closed: [string] }> {
  #state: IngestState = 'waiting'
  #since = new Date()
  #detail: string | null = null
  #health: IngestHealth = { ...EMPTY_HEALTH }
  #closed = false
  #emptySamples = 0
  #timer: NodeJS.Timeout | null = null
  readonly #transports = new Set<{ close(): void; closed: boolean }>()
  readonly producers: types.Producer[] = []
  readonly #onClose: Array<() => void> = []

  constructor(
    readonly sessionId: string,
    readonly kind: IngestKind,
    readonly resourceId: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    super()
  }

  get closed(): boolean {
    return this.#closed
  }

  get state(): IngestState {
    return this.#state
  }

  status(): IngestStatus {
    return { kind: this.kind, state: this.#state, since: this.#since.toISOString(), health: { ...this.#health }, detail: this.#detail }
  }

  /** A transport (WebRTC or plain) this session owns: closing it ends the session. */
  own(transport: types.Transport): void {
    this.#transports.add(transport)
    transport.observer.once('close', () => {
      this.#transports.delete(transport)
      this.close('transport closed')
    })
  }

  addProducer(producer: types.Producer): void {
    this.producers.push(producer)
    this.#health.codecs = this.producers.map((candidate) => candidate.rtpParameters.codecs[0]?.mimeType ?? candidate.kind)
    this.#startSampling()
  }

  /** Also run when the session closes (an RTMP listener's publisher is dropped, a process is stopped). */
  onClose(cleanup: () => void): void {
    if (this.#closed) cleanup()
    else this.#onClose.push(cleanup)
  }

  /** What only the encoder side knows (RTMP: ffmpeg reading the input). */
  setSourceFormat(format: { width?: number | null; height?: number | null; fps?: number | null }): void {
    if (format.width !== undefined) this.#health.width = format.width
    if (format.height !== undefined) this.#health.height = format.height
    if (format.fps !== undefined) this.#health.fps = format.fps
  }

  setDetail(detail: string | null): void {
    this.#detail = detail
    this.emit('state', this.status())
  }

  #set(state: IngestState): void {
    if (this.#state === state) return
    this.#state = state
    this.#since = this.now()
    this.emit('state', this.status())
  }

  #startSampling(): void {
    if (this.#timer || this.#closed) return
    this.#timer = setInterval(() => void this.sample(), HEALTH_SAMPLE_MS)
    this.#timer.unref()
  }

  /** One reading of the producers' stats (also called by tests). */
  async sample(): Promise<void> {
    const live = this.producers.filter((producer) => !producer.closed)
    if (this.#closed || live.length === 0) return
    let video = 0
    let audio = 0
    let lost = 0
    let streams = 0
    let score: number | null = null
    for (const producer of live) {
      const stats = await producer.getStats().catch(() => [])
      for (const stat of stats) {
        if (producer.kind === 'video') {
          video += stat.bitrate
          score = Math.max(score ?? 0, stat.score)
        } else audio += stat.bitrate
        lost += stat.fractionLost / 256
        streams++
      }
    }
    // close() may have run while the stats were read.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
    if (this.#closed) return
    this.#health = {
      ...this.#health,
      videoBitrateKbps: Math.round(video / 1000),
      audioBitrateKbps: Math.round(audio / 1000),
      bitrateKbps: Math.round((video + audio) / 1000),
      packetLoss: streams > 0 ? Math.round((lost / streams) * 1000) / 1000 : 0,
      score,
    }
    if (video + audio > 0) {
      this.#emptySamples = 0
      this.#set('receiving')
    } else if (this.#state === 'receiving' && ++this.#emptySamples >= STALL_SAMPLES) {
      this.#set('stalled')
    }
  }

  close(reason = 'stopped'): void {
    if (this.#closed) return
    this.#closed = true
    if (this.#timer) clearInterval(this.#timer)
    for (const transport of [...this.#transports]) if (!transport.closed) transport.close()
    for (const producer of this.producers) if (!producer.closed) producer.close()
    for (const cleanup of this.#onClose.splice(0)) {
      try {
        cleanup()
      } catch {
        // A cleanup failing must not keep the others from running.
      }
    }
    this.#detail = reason
    this.#set('stopped')
    this.emit('closed', reason)
  }
}
