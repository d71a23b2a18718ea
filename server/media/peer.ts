import { EventEmitter } from 'node:events'
import type { types } from 'mediasoup'
import { TRANSPORT_BITRATE } from './config.ts'

export const KEY_FRAME_REQUEST_SPACING_MS = 400

/**
 * What one peer may hold at once, by role: each transport takes two RTC ports and each consumer a
 * share of a worker, so a client must not be able to ask for them without end. A browser needs one
 * transport per direction (two leave room for an ICE restart); a host sends audio + camera + screen
 * at most; a viewer receives the host's audio and video (and a screen); a meeting seat receives
 * every other seat's camera, microphone and screen.
 */
export const PEER_LIMITS: Record<PeerRole, { send: number; recv: number; producers: number; consumers: number }> = {
  host: { send: 2, recv: 2, producers: 3, consumers: 4 },
  viewer: { send: 0, recv: 2, producers: 0, consumers: 4 },
  participant: { send: 2, recv: 2, producers: 3, consumers: 24 },
}

/** host: a showcase's broadcaster; viewer: consumes only; participant: a meeting seat (sends and receives). */
export type PeerRole = 'host' | 'viewer' | 'participant'
export type MediaSource = 'camera' | 'microphone' | 'screen'
export type TransportDirection = 'send' | 'recv'

export type TransportListen = { listenIp: string; announcedAddress?: string; minPort: number; maxPort: number }

/** Where a peer's transports are created; the Room implements it (router choice, fan-out). */
export type PeerHost = {
  routerForSend(): types.Router
  routerForRecv(peer: Peer): Promise<types.Router>
  releaseRecv(peer: Peer, router: types.Router): void
  producerAdded(peer: Peer, producer: types.Producer): Promise<void>
  consumerCountChanged(router: types.Router, delta: number): void
  sourceOf(producerId: string): MediaSource | null
}

export class MediaError extends Error {
  constructor(
    readonly code: 'not-found' | 'forbidden' | 'invalid' | 'closed' | 'unsupported' | 'too-many',
    message: string,
  ) {
    super(message)
  }
}

type PeerEvents = {
  closed: []
  /** A consumer closed because its producer (or transport) went away. */
  consumerclosed: [{ consumerId: string; producerId: string }]
  layerschange: [{ consumerId: string; spatialLayer: number | null; temporalLayer: number | null }]
}

export type ConsumerInfo = {
  id: string
  producerId: string
  kind: types.MediaKind
  rtpParameters: types.RtpParameters
  type: types.ConsumerType
  source: MediaSource
}

/**
 * One participant's transports, producers and consumers. Each object sits in exactly one map and
 * leaves it when its observer says `close`; close() is idempotent and closes everything beneath it.
 * A peer that never finishes joining (markJoined) is closed after `joinTimeoutMs`.
 */
export class Peer extends EventEmitter<PeerEvents> {
  readonly transports = new Map<string, types.WebRtcTransport>()
  readonly producers = new Map<string, types.Producer>()
  readonly consumers = new Map<string, types.Consumer>()
  readonly #recvRouters = new Map<string, types.Router>()
  readonly #host: PeerHost
  readonly #listen: TransportListen
  #closed = false
  #joined = false
  readonly #creating: Record<TransportDirection, number> = { send: 0, recv: 0 }
  #pendingProducers = 0
  #pendingConsumers = 0
  readonly #joinTimer: NodeJS.Timeout
  /** Who this peer is, as other peers see it (set by the signalling layer). */
  label: { name: string; role: string } | null = null
  /** Whether a viewer counts in the room's viewer count (the signalling layer decides who does not). */
  counted = true

  constructor(
    readonly id: string,
    readonly role: PeerRole,
    host: PeerHost,
    listen: TransportListen,
    joinTimeoutMs: number,
  ) {
    super()
    this.#host = host
    this.#listen = listen
    this.#joinTimer = setTimeout(() => {
      if (!this.#joined) this.close()
    }, joinTimeoutMs)
    this.#joinTimer.unref()
  }

  get closed(): boolean {
    return this.#closed
  }

  get joined(): boolean {
    return this.#joined
  }

  /** Hosts and meeting participants send media; viewers only receive. */
  get canProduce(): boolean {
    return this.role !== 'viewer'
  }

  markJoined(): void {
    if (this.#closed) throw new MediaError('closed', 'This connection was closed; join again.')
    this.#joined = true
    clearTimeout(this.#joinTimer)
  }

  async createTransport(direction: TransportDirection): Promise<types.WebRtcTransport> {
    this.#assertOpen()
    if (direction === 'send' && !this.canProduce) throw new MediaError('forbidden', 'Only the host can broadcast.')
    // Counted with the transports still being created, so concurrent requests cannot pass the cap together.
    const held = [...this.transports.values()].filter((t) => t.appData.direction === direction).length + this.#creating[direction]
    if (held >= PEER_LIMITS[this.role][direction])
      throw new MediaError('too-many', `At most ${PEER_LIMITS[this.role][direction]} ${direction} transports per connection.`)
    this.#creating[direction]++
    try {
      return await this.#createTransport(direction)
    } finally {
      this.#creating[direction]--
    }
  }

  async #createTransport(direction: TransportDirection): Promise<types.WebRtcTransport> {
    const router = direction === 'send' ? this.#host.routerForSend() : await this.#host.routerForRecv(this)
    const listenInfo = (protocol: 'udp' | 'tcp'): types.TransportListenInfo => ({
      protocol,
      ip: this.#listen.listenIp,
      ...(this.#listen.announcedAddress ? { announcedAddress: this.#listen.announcedAddress } : {}),
      portRange: { min: this.#listen.minPort, max: this.#listen.maxPort },
    })
    let transport: types.WebRtcTransport
    try {
      transport = await router.createWebRtcTransport({
        listenInfos: [listenInfo('udp'), listenInfo('tcp')],
        enableUdp: true,
        enableTcp: true,
        preferUdp: true,
        initialAvailableOutgoingBitrate: TRANSPORT_BITRATE.initialAvailableOutgoingBitrate,
        appData: { direction },
      })
    } catch (error) {
      if (direction === 'recv') this.#host.releaseRecv(this, router)
      throw error
    }
    if (this.#closed) {
      transport.close()
      if (direction === 'recv') this.#host.releaseRecv(this, router)
      throw new MediaError('closed', 'This connection was closed; join again.')
    }
    this.transports.set(transport.id, transport)
    if (direction === 'recv') this.#recvRouters.set(transport.id, router)
    transport.observer.once('close', () => {
      this.transports.delete(transport.id)
      const recvRouter = this.#recvRouters.get(transport.id)
      if (recvRouter) {
        this.#recvRouters.delete(transport.id)
        this.#host.releaseRecv(this, recvRouter)
      }
    })
    if (direction === 'send') await transport.setMaxIncomingBitrate(TRANSPORT_BITRATE.maxIncomingBitrate).catch(() => undefined)
    return transport
  }

  async connectTransport(transportId: string, dtlsParameters: types.DtlsParameters): Promise<void> {
    await this.#transport(transportId).connect({ dtlsParameters })
  }

  async produce(transportId: string, kind: types.MediaKind, rtpParameters: types.RtpParameters, source: MediaSource): Promise<types.Producer> {
    this.#assertOpen()
    if (!this.canProduce) throw new MediaError('forbidden', 'Only the host can broadcast.')
    const transport = this.#transport(transportId)
    if (transport.appData.direction !== 'send') throw new MediaError('invalid', 'This transport cannot send.')
    if ((source === 'microphone') !== (kind === 'audio')) throw new MediaError('invalid', 'The source does not match the kind of media.')
    // A showcase host has one producer per kind (camera ↔ screen is a track switch); a meeting
    // participant may share the screen next to the camera: one producer per source.
    const existing = [...this.producers.values()].find((producer) => (this.role === 'host' ? producer.kind === kind : producer.appData.source === source))
    if (existing) throw new MediaError('invalid', `A ${this.role === 'host' ? kind : source} producer is already live; replace its track instead.`)
    if (this.producers.size + this.#pendingProducers >= PEER_LIMITS[this.role].producers)
      throw new MediaError('too-many', 'No more media can be sent from this connection.')
    this.#pendingProducers++
    const producer = await transport
      .produce({
        kind,
        rtpParameters,
        // Chromium ignores key-frame requests that come within 300 ms of its last key frame, and mediasoup
        // then retries only after 1 s. Spacing requests 400 ms apart means every request is honoured, so a
        // viewer joining right after another one gets its first frame in < 0.5 s instead of ~1 s.
        ...(kind === 'video' ? { keyFrameRequestDelay: KEY_FRAME_REQUEST_SPACING_MS } : {}),
        appData: { source },
      })
      .finally(() => this.#pendingProducers--)
    this.producers.set(producer.id, producer)
    producer.observer.once('close', () => this.producers.delete(producer.id))
    await this.#host.producerAdded(this, producer)
    return producer
  }

  producer(producerId: string): types.Producer {
    const producer = this.producers.get(producerId)
    if (!producer) throw new MediaError('not-found', 'No such producer.')
    return producer
  }

  /** Created paused: resumed by resumeConsumer() once the client has set it up (no lost key frame). */
  async consume(transportId: string, producerId: string, rtpCapabilities: types.RtpCapabilities): Promise<ConsumerInfo> {
    this.#assertOpen()
    const transport = this.#transport(transportId)
    if (transport.appData.direction !== 'recv') throw new MediaError('invalid', 'This transport cannot receive.')
    const router = this.#recvRouters.get(transportId)
    if (!router) throw new MediaError('not-found', 'No such transport.')
    if (!router.canConsume({ producerId, rtpCapabilities })) throw new MediaError('unsupported', 'This browser cannot play this stream.')
    if (this.consumers.size + this.#pendingConsumers >= PEER_LIMITS[this.role].consumers)
      throw new MediaError('too-many', 'No more streams can be received on this connection.')
    this.#pendingConsumers++
    const consumer = await transport.consume({ producerId, rtpCapabilities, paused: true, enableRtx: true }).finally(() => this.#pendingConsumers--)
    this.consumers.set(consumer.id, consumer)
    this.#host.consumerCountChanged(router, 1)
    consumer.observer.once('close', () => {
      this.consumers.delete(consumer.id)
      this.#host.consumerCountChanged(router, -1)
    })
    const closedByProducer = () => this.emit('consumerclosed', { consumerId: consumer.id, producerId })
    consumer.once('producerclose', closedByProducer)
    consumer.on('layerschange', (layers) =>
      this.emit('layerschange', { consumerId: consumer.id, spatialLayer: layers?.spatialLayer ?? null, temporalLayer: layers?.temporalLayer ?? null }),
    )
    if (consumer.type === 'simulcast') await consumer.setPreferredLayers({ spatialLayer: 2, temporalLayer: 2 })
    const source = this.#host.sourceOf(producerId) ?? (consumer.kind === 'audio' ? 'microphone' : 'camera')
    return { id: consumer.id, producerId, kind: consumer.kind, rtpParameters: consumer.rtpParameters, type: consumer.type, source }
  }

  consumer(consumerId: string): types.Consumer {
    const consumer = this.consumers.get(consumerId)
    if (!consumer) throw new MediaError('not-found', 'No such consumer.')
    return consumer
  }

  close(): void {
    if (this.#closed) return
    this.#closed = true
    clearTimeout(this.#joinTimer)
    // Closing a transport closes its producers and consumers; their observers empty the maps.
    for (const transport of [...this.transports.values()]) transport.close()
    this.emit('closed')
    this.removeAllListeners('consumerclosed')
    this.removeAllListeners('layerschange')
  }

  #transport(transportId: string): types.WebRtcTransport {
    this.#assertOpen()
    const transport = this.transports.get(transportId)
    if (!transport) throw new MediaError('not-found', 'No such transport.')
    return transport
  }

  #assertOpen(): void {
    if (this.#closed) throw new MediaError('closed', 'This connection was closed; join again.')
  }
}
