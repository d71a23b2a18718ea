import { EventEmitter } from 'node:events'
import type { types } from 'mediasoup'
import { MEDIA_CODECS } from './config.ts'
import { MediaError, Peer, type MediaSource, type PeerHost, type PeerRole, type TransportListen } from './peer.ts'
import { isPiped, PipeLink, type PipedProducer, type PipeEndpoint, type PipeListen } from './pipe.ts'
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

export type { PipedProducer, PipeEndpoint, PipeListen } from './pipe.ts'

export type RoomCloseReason = 'ended' | 'worker-died' | 'shutdown' | 'empty'

type RoomEvents = {
  closed: [RoomCloseReason]
  /** The host added a producer: viewers should consume it. */
  produceradded: [{ producerId: string; kind: types.MediaKind; source: MediaSource; ownerId: string }]
  producerclosed: [{ producerId: string; ownerId: string }]
  /** A producer was paused or resumed (the host muted the microphone or turned the camera off). */
  producerpaused: [{ producerId: string; paused: boolean }]
  /** A video producer switched between camera and screen (the edges of a cascade follow). */
  producersource: [{ producerId: string; source: MediaSource }]
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
 * Across media nodes, PipeTransports (openPipe/connectPipe) carry producers from an origin room
 * (pipeOut) to an edge room of the same session (pipeIn), where they act as the host's.
 * The Room owns every router, peer and pipe; close() is idempotent and closes them all.
 */
export class Room extends EventEmitter<RoomEvents> implements PeerHost {
  readonly peers = new Map<string, Peer>()
  readonly #slots: RouterSlot[] = []
  readonly #hostProducers = new Map<string, types.Producer>()
  /** producerId → id of the peer that sends it. */
  readonly #owners = new Map<string, string>()
  readonly #taps = new Set<MediaTap>()
  /** linkId → this node's end of a pipe to another media node. */
  readonly #pipes = new Map<string, PipeLink>()
  readonly #openingPipes = new Set<string>()
  /**
   * Piped producers being produced on this (edge) node: a pause or close from the origin that
   * arrives meanwhile is kept here and applied once the producer exists.
   */
  readonly #pipingIn = new Map<string, { paused: boolean; closed: boolean }>()
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
    this.emit('producersource', { producerId, source })
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

  // Cascade across media nodes ------------------------------------------------------------------

  /** This node's end of pipe `linkId` (one per link) on the primary router: its address goes to the other node. */
  async openPipe(linkId: string, listen: PipeListen): Promise<PipeEndpoint> {
    if (this.#pipes.has(linkId) || this.#openingPipes.has(linkId)) throw new MediaError('invalid', `The pipe ${linkId} is already open.`)
    const router = this.#primary().router
    this.#openingPipes.add(linkId)
    let link: PipeLink
    try {
      link = await PipeLink.open(linkId, router, listen)
    } finally {
      this.#openingPipes.delete(linkId)
    }
    if (this.#closed) {
      link.close()
      throw new MediaError('closed', 'This live session’s media is restarting; join again.')
    }
    let endpoint: PipeEndpoint
    try {
      endpoint = link.endpoint()
    } catch (error) {
      link.close()
      throw error
    }
    this.#pipes.set(linkId, link)
    link.transport.observer.once('close', () => {
      if (this.#pipes.get(linkId) === link) this.#pipes.delete(linkId)
    })
    return endpoint
  }

  async connectPipe(linkId: string, remote: PipeEndpoint): Promise<void> {
    await this.#pipe(linkId).connect(remote)
  }

  /** Origin side: a pipe consumer of one of the room's producers, and what the edge needs to produce it. */
  async pipeOut(linkId: string, producerId: string): Promise<PipedProducer> {
    const link = this.#pipe(linkId)
    if (!this.#hostProducers.has(producerId)) throw new MediaError('not-found', 'No such producer.')
    const consumer = await link.consumerOf(producerId)
    return {
      producerId,
      kind: consumer.kind,
      rtpParameters: consumer.rtpParameters,
      paused: consumer.producerPaused,
      source: this.sourceOf(producerId) ?? (consumer.kind === 'audio' ? 'microphone' : 'camera'),
      ownerId: this.#owners.get(producerId) ?? '',
    }
  }

  /**
   * Edge side: the origin's producer, produced on the pipe with the same id, joins the room like a
   * host producer ('produceradded', fan-out routers, viewers). Repeating it for the same link is a no-op.
   */
  async pipeIn(linkId: string, piped: PipedProducer): Promise<void> {
    const link = this.#pipe(linkId)
    const existing = this.#hostProducers.get(piped.producerId)
    if (existing) {
      if (isPiped(existing) && existing.appData.linkId === linkId) return
      throw new MediaError('invalid', 'This producer is already in the room.')
    }
    if (this.#pipingIn.has(piped.producerId)) throw new MediaError('invalid', 'This producer is already being piped in.')
    const pending = { paused: piped.paused, closed: false }
    this.#pipingIn.set(piped.producerId, pending)
    let producer: types.Producer
    try {
      producer = await link.produce(piped)
      // The origin paused or resumed it meanwhile: follow before viewers see it.
      while (!producer.closed && !pending.closed && producer.paused !== pending.paused) await (pending.paused ? producer.pause() : producer.resume())
    } finally {
      this.#pipingIn.delete(piped.producerId)
    }
    if (pending.closed) {
      producer.close()
      return
    }
    if (producer.closed || this.#closed) throw new MediaError('closed', 'The pipe closed before the producer arrived.')
    await this.addExternalProducer(piped.ownerId, producer)
  }

  /** Edge side: the origin's producer was paused or resumed ('producerpaused' fires as for a local one). */
  async setPipedPaused(producerId: string, paused: boolean): Promise<void> {
    const pending = this.#pipingIn.get(producerId)
    if (pending) {
      pending.paused = paused
      return
    }
    const producer = this.#pipedProducer(producerId)
    if (!producer) return
    try {
      await (paused ? producer.pause() : producer.resume())
    } catch (error) {
      // Closed meanwhile (the pipe or the room went): nothing left to pause.
      if (!producer.closed) throw error
    }
  }

  /** Edge side: the origin's producer closed ('producerclosed' fires). Unknown ids are ignored (already gone). */
  closePipedProducer(producerId: string): void {
    const pending = this.#pipingIn.get(producerId)
    if (pending) {
      pending.closed = true
      return
    }
    this.#pipedProducer(producerId)?.close()
  }

  /** Closes this end of the link: its piped-in producers ('producerclosed' each) and pipe consumers close with it. */
  closePipe(linkId: string): void {
    this.#pipes.get(linkId)?.close()
  }

  pipeLinks(): string[] {
    return [...this.#pipes.keys()]
  }

  /** Whether this producer arrived through a pipe from another node (not sent here by a peer or an encoder). */
  isPipedIn(producerId: string): boolean {
    const producer = this.#hostProducers.get(producerId)
    return producer !== undefined && isPiped(producer)
  }

  /** Whether a peer or an encoder sends media here (producers piped in from another node do not count). */
  hasLocalProducers(): boolean {
    for (const producer of this.#hostProducers.values()) if (!isPiped(producer)) return true
    return false
  }

  /** Consumers this room runs: viewers' and meeting seats', pipe consumers to other nodes, taps. */
  consumerCount(): number {
    let count = 0
    for (const slot of this.#slots) count += slot.consumers
    for (const link of this.#pipes.values()) count += link.consumers.size
    for (const tap of this.#taps) count += tap.tracks.length
    return count
  }

  close(reason: RoomCloseReason): void {
    if (this.#closed) return
    this.#closed = true
    // Pipes first: piped-in producers go without a 'producerclosed' each (the room is closing anyway).
    for (const link of [...this.#pipes.values()]) link.close()
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

  #pipe(linkId: string): PipeLink {
    if (this.#closed) throw new MediaError('closed', 'This live session’s media is restarting; join again.')
    const link = this.#pipes.get(linkId)
    if (!link) throw new MediaError('not-found', `No pipe ${linkId}.`)
    return link
  }

  /** A producer piped in from the origin; undefined when it is gone; a local producer is refused. */
  #pipedProducer(producerId: string): types.Producer | undefined {
    const producer = this.#hostProducers.get(producerId)
    if (producer && !isPiped(producer)) throw new MediaError('invalid', 'Only a piped producer follows its origin.')
    return producer
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
