import { EventEmitter } from 'node:events'
import type { types } from 'mediasoup'
import { MEDIA_CODECS } from './config.ts'
import { MediaError, Peer, type MediaSource, type PeerHost, type PeerRole, type TransportListen } from './peer.ts'
import { placeConsumers, type RouterLoad } from './placement.ts'
import { MediaTap, type TapDestination } from './tap.ts'
import type { WorkerPool } from './worker-pool.ts'

/** Consumers a viewer of audio + video needs; reserved when its receive transport is placed. */
export const CONSUMERS_PER_VIEWER = 2

type RouterSlot = {
  router: types.Router
  worker: types.Worker
  /** Consumers reserved by receive transports placed here (CONSUMERS_PER_VIEWER each). */
  reserved: number
  /** Consumers that actually exist. */
  consumers: number
}

export type RoomCloseReason = 'ended' | 'worker-died' | 'shutdown' | 'empty'

type RoomEvents = {
  closed: [RoomCloseReason]
  /** The host added a producer: viewers should consume it. */
  produceradded: [{ producerId: string; kind: types.MediaKind; source: MediaSource; ownerId: string }]
  producerclosed: [{ producerId: string; ownerId: string }]
  /** A producer was paused or resumed (the host muted the microphone or turned the camera off). */
  producerpaused: [{ producerId: string; paused: boolean }]
  /** The number of joined viewers changed. */
  viewers: [number]
}

export type RoomOptions = {
  id: string
  pool: WorkerPool
  listen: TransportListen
  consumersPerRouter: number
  peerJoinTimeoutMs: number
}

/**
 * One live session's media: the primary router (the host's producers) on one worker and, once its
 * consumers pass `consumersPerRouter`, more routers on other workers that pipeToRouter feeds.
 * The Room owns every router and peer; close() is idempotent and closes them all.
 */
export class Room extends EventEmitter<RoomEvents> implements PeerHost {
  readonly peers = new Map<string, Peer>()
  readonly #slots: RouterSlot[] = []
  readonly #hostProducers = new Map<string, types.Producer>()
  /** producerId → id of the peer that sends it. */
  readonly #owners = new Map<string, string>()
  readonly #taps = new Set<MediaTap>()
  #closed = false
  #fanOut: Promise<RouterSlot> | null = null

  private constructor(readonly options: RoomOptions) {
    super()
  }

  static async create(options: RoomOptions): Promise<Room> {
    const room = new Room(options)
    await room.#addRouter()
    return room
  }

  get id(): string {
    return this.options.id
  }

  get closed(): boolean {
    return this.#closed
  }

  get rtpCapabilities(): types.RtpCapabilities {
    return this.#primary().router.rtpCapabilities
  }

  /** Worker pids this room uses (a death of any of them closes the room). */
  workerPids(): number[] {
    return this.#slots.map((slot) => slot.worker.pid)
  }

  routerLoads(): Array<RouterLoad & { reserved: number }> {
    return this.#slots.map((slot) => ({
      id: slot.router.id,
      workerIndex: this.options.pool.indexOf(slot.worker),
      consumers: slot.consumers,
      reserved: slot.reserved,
    }))
  }

  /** Every live producer of the room (the host's in a showcase, every participant's in a meeting). */
  hostProducers(): Array<{ producerId: string; kind: types.MediaKind; source: MediaSource; paused: boolean; ownerId: string }> {
    return [...this.#hostProducers.values()].map((producer) => ({
      producerId: producer.id,
      kind: producer.kind,
      source: (producer.appData.source as MediaSource | undefined) ?? (producer.kind === 'audio' ? 'microphone' : 'camera'),
      paused: producer.paused,
      ownerId: this.#owners.get(producer.id) ?? '',
    }))
  }

  viewerCount(): number {
    let count = 0
    for (const peer of this.peers.values()) if (peer.role === 'viewer' && peer.joined && peer.counted) count++
    return count
  }

  addPeer(id: string, role: PeerRole): Peer {
    if (this.#closed) throw new MediaError('closed', 'This live session’s media is restarting; join again.')
    this.peers.get(id)?.close()
    const peer = new Peer(id, role, this, this.options.listen, this.options.peerJoinTimeoutMs)
    this.peers.set(id, peer)
    peer.once('closed', () => {
      if (this.peers.get(id) === peer) this.peers.delete(id)
      if (role === 'viewer') this.emit('viewers', this.viewerCount())
    })
    return peer
  }

  /** Marks a peer joined (it loaded the device); viewers count from here. */
  peerJoined(peer: Peer): void {
    peer.markJoined()
    if (peer.role === 'viewer') this.emit('viewers', this.viewerCount())
  }

  /** The host switched camera ↔ screen on the same producer (replaceTrack): viewers relabel. */
  setProducerSource(producerId: string, source: MediaSource): void {
    const producer = this.#hostProducers.get(producerId)
    if (!producer) throw new MediaError('not-found', 'No such producer.')
    if (producer.kind !== 'video' || source === 'microphone') throw new MediaError('invalid', 'Only video can switch between camera and screen.')
    producer.appData.source = source
  }

  sourceOf(producerId: string): MediaSource | null {
    return (this.#hostProducers.get(producerId)?.appData.source as MediaSource | undefined) ?? null
  }

  // PeerHost ------------------------------------------------------------------------------------

  routerForSend(): types.Router {
    return this.#primary().router
  }

  async routerForRecv(): Promise<types.Router> {
    const placement = placeConsumers(this.#loads(), CONSUMERS_PER_VIEWER, this.options.consumersPerRouter, this.options.pool.size)
    let slot: RouterSlot
    if (placement.kind === 'fan-out') {
      // Concurrent joins share one new router instead of each creating its own.
      this.#fanOut ??= this.#addRouter().finally(() => {
        this.#fanOut = null
      })
      slot = await this.#fanOut
    } else {
      slot = this.#slots.find((candidate) => candidate.router.id === placement.routerId) ?? this.#primary()
    }
    slot.reserved += CONSUMERS_PER_VIEWER
    return slot.router
  }

  releaseRecv(_peer: Peer, router: types.Router): void {
    const slot = this.#slots.find((candidate) => candidate.router === router)
    if (slot) slot.reserved = Math.max(0, slot.reserved - CONSUMERS_PER_VIEWER)
  }

  consumerCountChanged(router: types.Router, delta: number): void {
    const slot = this.#slots.find((candidate) => candidate.router === router)
    if (slot) slot.consumers = Math.max(0, slot.consumers + delta)
  }

  async producerAdded(peer: Peer, producer: types.Producer): Promise<void> {
    await this.addExternalProducer(peer.id, producer)
  }

  /**
   * A producer made outside a peer's WebRTC transport (an encoder's RTP into a PlainTransport of
   * routerForSend()) joins the room as `ownerId`'s, exactly like a browser's.
   */
  async addExternalProducer(ownerId: string, producer: types.Producer): Promise<void> {
    this.#hostProducers.set(producer.id, producer)
    this.#owners.set(producer.id, ownerId)
    producer.observer.once('close', () => {
      this.#hostProducers.delete(producer.id)
      this.#owners.delete(producer.id)
      if (!this.#closed) this.emit('producerclosed', { producerId: producer.id, ownerId })
    })
    producer.observer.on('pause', () => this.emit('producerpaused', { producerId: producer.id, paused: true }))
    producer.observer.on('resume', () => this.emit('producerpaused', { producerId: producer.id, paused: false }))
    const primary = this.#primary()
    await Promise.all(
      this.#slots.filter((slot) => slot !== primary).map((slot) => primary.router.pipeToRouter({ producerId: producer.id, router: slot.router })),
    )
    this.emit('produceradded', { producerId: producer.id, kind: producer.kind, source: this.sourceOf(producer.id) ?? 'camera', ownerId })
  }

  /** Plain RTP out of the primary router (recording, restreaming); closed with the room. */
  async openTap(destinations: TapDestination[], listenIp = '127.0.0.1'): Promise<MediaTap> {
    const tap = await MediaTap.open(this.#primary().router, destinations, listenIp)
    if (this.#closed) {
      tap.close()
      throw new MediaError('closed', 'This live session’s media is restarting; join again.')
    }
    this.#taps.add(tap)
    tap.once('closed', () => this.#taps.delete(tap))
    return tap
  }

  close(reason: RoomCloseReason): void {
    if (this.#closed) return
    this.#closed = true
    for (const tap of [...this.#taps]) tap.close()
    for (const peer of [...this.peers.values()]) peer.close()
    for (const slot of this.#slots) {
      slot.router.close()
      this.options.pool.release(this.id, slot.worker)
    }
    this.emit('closed', reason)
  }

  // ---------------------------------------------------------------------------------------------

  #primary(): RouterSlot {
    const primary = this.#slots[0]
    if (!primary || this.#closed) throw new MediaError('closed', 'This live session’s media is restarting; join again.')
    return primary
  }

  #loads(): RouterLoad[] {
    return this.#slots.map((slot) => ({
      id: slot.router.id,
      workerIndex: this.options.pool.indexOf(slot.worker),
      consumers: Math.max(slot.consumers, slot.reserved),
    }))
  }

  async #addRouter(): Promise<RouterSlot> {
    const worker = this.options.pool.acquire(
      this.id,
      this.#slots.map((slot) => slot.worker),
    )
    const router = await worker.createRouter({ mediaCodecs: MEDIA_CODECS })
    const slot: RouterSlot = { router, worker, reserved: 0, consumers: 0 }
    if (this.#closed) {
      router.close()
      this.options.pool.release(this.id, worker)
      throw new MediaError('closed', 'This live session’s media is restarting; join again.')
    }
    const primary = this.#slots[0]
    this.#slots.push(slot)
    // A router or its worker going away takes the room with it: clients re-join a fresh room.
    router.observer.once('close', () => {
      if (!this.#closed) this.close(worker.died ? 'worker-died' : 'shutdown')
    })
    if (primary) {
      for (const producer of this.#hostProducers.values()) {
        await primary.router.pipeToRouter({ producerId: producer.id, router })
      }
    }
    return slot
  }
}
