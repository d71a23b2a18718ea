import { EventEmitter } from 'node:events'
import type { types } from 'mediasoup'
import { MEDIA_ERROR_CODES, type ConsumerParameters, type ProducerInfo, type QualityChoice } from '../../../app/protocol/media.ts'
import { type NodeRpc, RpcError } from '../../cluster/node-rpc.ts'
import { knownCode, ProtocolError } from '../gateway/index.ts'
import type { PeerPort, TransportParams } from '../media-handlers/peer-port.ts'

/**
 * RPC failures that mean "the node serving this peer is gone or changing" (or not serving yet: just
 * started, or another version during a rolling deploy): the browser joins again.
 */
const GONE = new Set(['node-down', 'timeout', 'closed', 'unreachable', 'unknown-method'])

/** A refusal from the serving node in the `/media` vocabulary (its MediaError 'closed' reads 'restarting'). */
export function refusalOf(error: unknown): unknown {
  if (!(error instanceof RpcError)) return error
  if (GONE.has(error.code)) return new ProtocolError('restarting', 'The media server of this showcase changed; joining again.')
  const code = knownCode(MEDIA_ERROR_CODES, error.code)
  return new ProtocolError(code ?? 'internal', error.message)
}

/**
 * A viewer's peer on another media node: every request is a call to that node (media-nodes/viewer-rpc.ts),
 * which holds the real Peer. Consumers' events come back to the socket through the Socket.io adapter.
 */
export class RemotePeerPort extends EventEmitter<{ closed: [] }> implements PeerPort {
  #closed = false
  #joined = false

  constructor(
    private readonly rpc: NodeRpc,
    readonly nodeId: string,
    private readonly sessionId: string,
    readonly id: string,
  ) {
    super()
  }

  get closed(): boolean {
    return this.#closed
  }

  get joined(): boolean {
    return this.#joined
  }

  createTransport(direction: 'send' | 'recv'): Promise<TransportParams> {
    return this.#call<TransportParams>('viewer.create-transport', { direction })
  }

  async connectTransport(transportId: string, dtlsParameters: types.DtlsParameters): Promise<void> {
    await this.#call('viewer.connect-transport', { transportId, dtlsParameters })
  }

  consume(transportId: string, producerId: string, rtpCapabilities: unknown): Promise<ConsumerParameters> {
    return this.#call<ConsumerParameters>('viewer.consume', { transportId, producerId, rtpCapabilities })
  }

  async resumeConsumer(consumerId: string): Promise<void> {
    await this.#call('viewer.resume-consumer', { consumerId })
  }

  async setQuality(consumerId: string, quality: QualityChoice): Promise<void> {
    await this.#call('viewer.set-quality', { consumerId, quality })
  }

  async ready(): Promise<ProducerInfo[]> {
    const producers = await this.#call<ProducerInfo[]>('viewer.ready', {})
    this.#joined = true
    return producers
  }

  /** Leaves: the serving node closes the peer (told, not awaited: a dead node has nothing to close). */
  close(): void {
    if (this.#closed) return
    this.rpc.notify(this.nodeId, 'viewer.leave', { sessionId: this.sessionId, peerId: this.id })
    this.#markClosed()
  }

  /** The serving node went down: nothing to tell it. */
  lost(): void {
    this.#markClosed()
  }

  #markClosed(): void {
    if (this.#closed) return
    this.#closed = true
    this.emit('closed')
  }

  async #call<T>(method: string, payload: object): Promise<T> {
    if (this.#closed) throw new ProtocolError('not-joined', 'Join the session first.')
    try {
      return await this.rpc.call<T>(this.nodeId, method, { sessionId: this.sessionId, peerId: this.id, ...payload })
    } catch (error) {
      throw refusalOf(error)
    }
  }
}
