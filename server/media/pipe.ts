import type { types } from 'mediasoup'
import { MediaError, type MediaSource } from './peer.ts'

/** Where one end of a pipe listens: what the other node passes to connectPipe(). */
export type PipeEndpoint = { ip: string; port: number; srtpParameters?: types.SrtpParameters }

/** What the edge needs to produce an origin producer on its end of the pipe (same id, same RTP). */
export type PipedProducer = {
  producerId: string
  kind: types.MediaKind
  rtpParameters: types.RtpParameters
  paused: boolean
  source: MediaSource
  ownerId: string
}

/** How a node's pipe transports listen; both ends of a link must agree on `srtp`. */
export type PipeListen = { listenIp: string; announcedAddress?: string; srtp: boolean; minPort?: number; maxPort?: number }

/** appData of a producer that arrived through a pipe from the origin node. */
export type PipedAppData = { source: MediaSource; piped: true; linkId: string }

export function isPiped(producer: types.Producer): boolean {
  return producer.appData.piped === true
}

/**
 * One end of a link between two media nodes: a PipeTransport on the room's primary router. On the
 * origin it carries pipe consumers (one per piped producer, kept in `consumers` until their observer
 * closes); on the edge it carries the piped-in producers, which the Room owns like any host producer.
 * RTX is on at both ends (NACK recovery across a real network; both ends must enable it, which
 * pipeToRouter leaves off because it never leaves the host). close() is idempotent and never throws.
 */
export class PipeLink {
  /** producerId → pipe consumer (origin side). */
  readonly consumers = new Map<string, types.Consumer>()
  readonly #pendingConsumers = new Map<string, Promise<types.Consumer>>()

  private constructor(
    readonly id: string,
    readonly transport: types.PipeTransport,
    readonly announcedAddress: string | undefined,
  ) {}

  static async open(id: string, router: types.Router, listen: PipeListen): Promise<PipeLink> {
    const hasMin = listen.minPort !== undefined
    if (hasMin !== (listen.maxPort !== undefined)) throw new MediaError('invalid', 'A pipe port range needs both minPort and maxPort.')
    const transport = await router.createPipeTransport({
      listenInfo: {
        protocol: 'udp',
        ip: listen.listenIp,
        ...(listen.announcedAddress ? { announcedAddress: listen.announcedAddress } : {}),
        ...(listen.minPort !== undefined && listen.maxPort !== undefined ? { portRange: { min: listen.minPort, max: listen.maxPort } } : {}),
      },
      enableSrtp: listen.srtp,
      enableRtx: true,
      enableSctp: false,
      appData: { linkId: id },
    })
    return new PipeLink(id, transport, listen.announcedAddress)
  }

  get closed(): boolean {
    return this.transport.closed
  }

  endpoint(): PipeEndpoint {
    const { localAddress, localPort } = this.transport.tuple
    const ip = this.announcedAddress ?? localAddress
    // A wildcard bind cannot be dialled from another node: it needs an announced address.
    if (ip === '0.0.0.0' || ip === '::') throw new MediaError('invalid', 'A pipe listening on a wildcard address needs an announcedAddress.')
    const srtpParameters = this.transport.srtpParameters
    return { ip, port: localPort, ...(srtpParameters ? { srtpParameters } : {}) }
  }

  async connect(remote: PipeEndpoint): Promise<void> {
    if (Boolean(this.transport.srtpParameters) !== Boolean(remote.srtpParameters)) throw new MediaError('invalid', 'Both ends of a pipe must agree on SRTP.')
    await this.transport.connect({ ip: remote.ip, port: remote.port, ...(remote.srtpParameters ? { srtpParameters: remote.srtpParameters } : {}) })
  }

  /** The pipe consumer of `producerId` (created once per link; a repeated call returns the same one). */
  async consumerOf(producerId: string): Promise<types.Consumer> {
    const existing = this.consumers.get(producerId)
    if (existing && !existing.closed) return existing
    let pending = this.#pendingConsumers.get(producerId)
    if (!pending) {
      pending = this.transport.consume({ producerId, appData: { linkId: this.id } }).finally(() => this.#pendingConsumers.delete(producerId))
      this.#pendingConsumers.set(producerId, pending)
      const consumer = await pending
      this.consumers.set(producerId, consumer)
      consumer.observer.once('close', () => {
        if (this.consumers.get(producerId) === consumer) this.consumers.delete(producerId)
      })
      return consumer
    }
    return pending
  }

  /** Produces an origin producer on this end with the same id; the caller (the Room) owns it. */
  async produce(piped: PipedProducer): Promise<types.Producer> {
    if ((piped.source === 'microphone') !== (piped.kind === 'audio')) throw new MediaError('invalid', 'The source does not match the kind of media.')
    const appData: PipedAppData = { source: piped.source, piped: true, linkId: this.id }
    return this.transport.produce({ id: piped.producerId, kind: piped.kind, rtpParameters: piped.rtpParameters, paused: piped.paused, appData })
  }

  close(): void {
    // Closing the transport closes its consumers and producers; their observers empty the owner maps.
    if (!this.transport.closed) this.transport.close()
  }
}
