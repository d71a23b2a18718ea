import { EventEmitter } from 'node:events'
import type { types } from 'mediasoup'
import { QUALITY_LAYER, type ConsumerParameters, type ProducerInfo, type QualityChoice, type TransportInfo } from '../../../app/protocol/media.ts'
import type { Peer, Room } from '../../media/index.ts'
import { ProtocolError } from '../gateway/index.ts'

/** A transport as a browser needs it, before the ICE servers of the namespace are added. */
export type TransportParams = Omit<TransportInfo, 'iceServers'>

/**
 * What a connection does with its media peer, wherever the peer lives: in this process (LocalPeerPort)
 * or on another media node of the cluster (media-nodes/remote-peer.ts, over Redis). Hosts and meeting
 * seats always have a local peer; a showcase viewer's peer is wherever placement put it.
 */
export type PeerPort = {
  readonly id: string
  /** The media node that holds the peer (null without a cluster: this process). */
  readonly nodeId: string | null
  readonly closed: boolean
  readonly joined: boolean
  createTransport(direction: 'send' | 'recv'): Promise<TransportParams>
  connectTransport(transportId: string, dtlsParameters: types.DtlsParameters): Promise<void>
  consume(transportId: string, producerId: string, rtpCapabilities: unknown): Promise<ConsumerParameters>
  resumeConsumer(consumerId: string): Promise<void>
  setQuality(consumerId: string, quality: QualityChoice): Promise<void>
  /** media:ready of a showcase peer: counts it in (viewers) and lists the producers it can consume. */
  ready(): Promise<ProducerInfo[]>
  close(): void
  once(event: 'closed', listener: () => void): unknown
}

/** The transport fields a browser needs (the mediasoup object stays here). */
export function transportParams(transport: types.WebRtcTransport): TransportParams {
  return { id: transport.id, iceParameters: transport.iceParameters, iceCandidates: transport.iceCandidates, dtlsParameters: transport.dtlsParameters }
}

/** A peer of a room in this process. */
export class LocalPeerPort extends EventEmitter<{ closed: [] }> implements PeerPort {
  constructor(
    readonly room: Room,
    readonly peer: Peer,
    readonly nodeId: string | null,
  ) {
    super()
    peer.once('closed', () => this.emit('closed'))
  }

  get id(): string {
    return this.peer.id
  }

  get closed(): boolean {
    return this.peer.closed
  }

  get joined(): boolean {
    return this.peer.joined
  }

  async createTransport(direction: 'send' | 'recv'): Promise<TransportParams> {
    return transportParams(await this.peer.createTransport(direction))
  }

  async connectTransport(transportId: string, dtlsParameters: types.DtlsParameters): Promise<void> {
    await this.peer.connectTransport(transportId, dtlsParameters)
  }

  async consume(transportId: string, producerId: string, rtpCapabilities: unknown): Promise<ConsumerParameters> {
    const consumer = await this.peer.consume(transportId, producerId, rtpCapabilities as types.RtpCapabilities)
    return { ...consumer, rtpParameters: consumer.rtpParameters as ConsumerParameters['rtpParameters'] }
  }

  async resumeConsumer(consumerId: string): Promise<void> {
    await this.peer.consumer(consumerId).resume()
  }

  async setQuality(consumerId: string, quality: QualityChoice): Promise<void> {
    const consumer = this.peer.consumer(consumerId)
    if (consumer.type !== 'simulcast') throw new ProtocolError('invalid', 'This stream has a single quality.')
    // "auto" asks for the top layer; mediasoup's bandwidth estimation still lowers it when needed.
    await consumer.setPreferredLayers({ spatialLayer: QUALITY_LAYER[quality], temporalLayer: 2 })
  }

  async ready(): Promise<ProducerInfo[]> {
    this.room.peerJoined(this.peer)
    return this.room.hostProducers().map(({ ownerId: _owner, ...producer }) => producer)
  }

  close(): void {
    this.peer.close()
  }
}
