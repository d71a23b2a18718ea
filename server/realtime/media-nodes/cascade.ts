import type { Logger } from 'pino'
import { z } from 'zod'
import type { MediaNodeRegistry } from '../../cluster/node-registry.ts'
import type { NodeRpc } from '../../cluster/node-rpc.ts'
import type { RedisCommandClient } from '../../../app/utils/redis.server.ts'
import { MediaError, type MediaLayer, type Room } from '../../media/index.ts'
import type { PipedProducer, PipeListen } from '../../media/room.ts'

// mediasoup's parameter blobs are checked by mediasoup itself; the shapes around them are checked here.
const endpointSchema = z.object({
  ip: z.string().min(1).max(64),
  port: z.number().int().min(1).max(65_535),
  srtpParameters: z
    .object({
      cryptoSuite: z.enum(['AEAD_AES_256_GCM', 'AEAD_AES_128_GCM', 'AES_CM_128_HMAC_SHA1_80', 'AES_CM_128_HMAC_SHA1_32']),
      keyBase64: z.string().max(200),
    })
    .optional(),
})
const pipedSchema = z.object({
  producerId: z.string().min(1).max(64),
  kind: z.enum(['audio', 'video']),
  rtpParameters: z.looseObject({ codecs: z.array(z.unknown()), encodings: z.array(z.unknown()).optional() }),
  paused: z.boolean(),
  source: z.enum(['camera', 'microphone', 'screen']),
  ownerId: z.string().max(64),
})
const sessionIdSchema = z.string().min(1).max(64)
const linkSchema = z.object({ sessionId: sessionIdSchema })
type Endpoint = z.infer<typeof endpointSchema>

/** How long an edge waits for its pipe from the origin when a viewer joins (the viewer joins either way). */
export const FEED_WAIT_MS = 5000
/** A room with nobody in it and nothing sent to it closes after this long (an edge's pipe with it). */
export const EMPTY_EDGE_ROOM_MS = 30_000
/** How often each edge room checks that it is fed from the show's current origin (after a lost message, a false node-down). */
export const RECONCILE_MS = 2000

/**
 * The cascade of a showcase across media nodes (ADR 020). The origin is the node where the show's
 * producers are sent (a browser studio or an encoder); it claims the show in Redis when a producer
 * arrives. Every other node with viewers of the show (an edge) holds one PipeTransport link to the
 * origin, with SRTP where the two pipe addresses differ, and produces the origin's producers on it with
 * the same ids, so its viewers consume them as if the host were there. The origin pushes producers
 * added, closed, paused and resumed to its edges; a link dies with either node (registry `nodedown`),
 * and when the origin moves (the host reconnected elsewhere) each edge re-links to the new one.
 */
export class Cascade {
  /** sessionId → the origin node this node's room of the show is fed from. */
  readonly #upstream = new Map<string, string>()
  /** sessionId → edge nodes this node feeds (as the show's origin). */
  readonly #downstream = new Map<string, Set<string>>()
  /** sessionId → the origin node last known (Redis holds the truth). */
  readonly #origins = new Map<string, string>()
  readonly #watched = new WeakSet<Room>()
  readonly #queues = new Map<string, Promise<unknown>>()
  readonly #emptyTimers = new Map<string, NodeJS.Timeout>()
  readonly #reconcileTimer: NodeJS.Timeout

  constructor(
    private readonly deps: {
      nodeId: string
      media: MediaLayer
      rpc: NodeRpc
      registry: MediaNodeRegistry
      commands: RedisCommandClient
      prefix: string
      pipe: Omit<PipeListen, 'srtp'>
      logger: Logger
    },
  ) {
    const { rpc } = deps
    rpc.serve('pipe.open', linkSchema.extend({ edgeId: z.string().min(1).max(100), endpoint: endpointSchema, srtp: z.boolean() }), (payload) =>
      this.#serial(payload.sessionId, () => this.#openAsOrigin(payload)),
    )
    rpc.serve('pipe.close', linkSchema, ({ sessionId }, from) =>
      this.#serial(sessionId, () => {
        this.#unlink(sessionId, from)
        return Promise.resolve()
      }),
    )
    rpc.serve('pipe.producer-added', linkSchema.extend({ producer: pipedSchema }), ({ sessionId, producer }, from) =>
      this.#serial(sessionId, async () => {
        const room = this.#fedRoom(sessionId, from)
        if (room) await room.pipeIn(from, producer as PipedProducer)
      }),
    )
    rpc.serve('pipe.producer-closed', linkSchema.extend({ producerId: z.string().min(1).max(64) }), ({ sessionId, producerId }, from) =>
      this.#serial(sessionId, () => Promise.resolve(this.#fedRoom(sessionId, from)?.closePipedProducer(producerId))),
    )
    rpc.serve(
      'pipe.producer-paused',
      linkSchema.extend({ producerId: z.string().min(1).max(64), paused: z.boolean() }),
      ({ sessionId, producerId, paused }, from) => this.#serial(sessionId, async () => this.#fedRoom(sessionId, from)?.setPipedPaused(producerId, paused)),
    )
    rpc.serve(
      'pipe.producer-source',
      linkSchema.extend({ producerId: z.string().min(1).max(64), source: z.enum(['camera', 'screen']) }),
      ({ sessionId, producerId, source }, from) =>
        this.#serial(sessionId, () => {
          this.#fedRoom(sessionId, from)?.setProducerSource(producerId, source)
          return Promise.resolve()
        }),
    )
    rpc.serve('origin.changed', linkSchema.extend({ originId: z.string().min(1).max(100) }), async ({ sessionId, originId }) => {
      this.#origins.set(sessionId, originId)
      const room = deps.media.room(sessionId)
      if (room && originId !== deps.nodeId) await this.feed(room)
    })
    deps.registry.on('nodedown', (nodeId) => this.#nodeDown(nodeId))
    // Notifications are fire-and-forget and a node may be declared down by mistake (Redis paused longer
    // than the TTL): each room with viewers and no producers of its own checks its feed now and then.
    this.#reconcileTimer = setInterval(() => this.#reconcile(), RECONCILE_MS)
    this.#reconcileTimer.unref()
  }

  /** Follows a room of this node (the cluster calls it for every room as it opens): a producer sent here makes this node the show’s origin; an empty edge room closes. */
  watch(room: Room): void {
    if (this.#watched.has(room)) return
    this.#watched.add(room)
    const sessionId = room.id
    room.on('produceradded', ({ producerId, ownerId }) => {
      // Meetings never cascade: their rooms stay on the node their participants reach (ADR 020).
      if (room.isPipedIn(producerId) || room.peers.get(ownerId)?.role === 'participant') return
      void this.#serial(sessionId, async () => {
        await this.#claimOrigin(room)
        for (const edgeId of this.#downstream.get(sessionId) ?? []) {
          const producer = await room.pipeOut(edgeId, producerId)
          this.deps.rpc.notify(edgeId, 'pipe.producer-added', { sessionId, producer })
        }
      }).catch((error: unknown) => this.deps.logger.warn({ err: error, sessionId }, 'pushing a producer to the edges failed'))
    })
    room.on('producerclosed', ({ producerId }) => this.#toEdges(sessionId, 'pipe.producer-closed', { sessionId, producerId }))
    room.on('producersource', ({ producerId, source }) => {
      if (!room.isPipedIn(producerId)) this.#toEdges(sessionId, 'pipe.producer-source', { sessionId, producerId, source })
    })
    room.on('producerpaused', ({ producerId, paused }) => {
      if (!room.isPipedIn(producerId)) this.#toEdges(sessionId, 'pipe.producer-paused', { sessionId, producerId, paused })
    })
    room.on('viewers', () => this.#closeWhenEmpty(room))
    room.once('closed', () => {
      clearTimeout(this.#emptyTimers.get(sessionId))
      this.#emptyTimers.delete(sessionId)
      const origin = this.#upstream.get(sessionId)
      if (origin) this.deps.rpc.notify(origin, 'pipe.close', { sessionId })
      this.#toEdges(sessionId, 'pipe.close', { sessionId })
      this.#upstream.delete(sessionId)
      this.#downstream.delete(sessionId)
      // A new room of the show here (the host back after a worker died) must claim the show again.
      if (this.#origins.get(sessionId) === this.deps.nodeId) this.#origins.delete(sessionId)
    })
  }

  /**
   * Feeds this node's room of a show from the show's origin (nothing when this node is the origin or the
   * show has none yet: the origin's claim reaches every node). Waits at most FEED_WAIT_MS; a failure is
   * logged and the next claim or viewer tries again.
   */
  async feed(room: Room): Promise<void> {
    const linking = this.#serial(room.id, () => this.#linkToOrigin(room)).catch((error: unknown) =>
      this.deps.logger.warn({ err: error, sessionId: room.id }, 'piping the show from its origin failed'),
    )
    let timer: NodeJS.Timeout | undefined
    await Promise.race([linking, new Promise<void>((resolve) => (timer = setTimeout(resolve, FEED_WAIT_MS)))])
    clearTimeout(timer)
  }

  /** The show ended: its origin claim goes (the viewer counts' key expires by itself). */
  async forget(sessionId: string): Promise<void> {
    this.#origins.delete(sessionId)
    await this.deps.commands.del(this.#originKey(sessionId))
  }

  close(): void {
    clearInterval(this.#reconcileTimer)
    for (const timer of this.#emptyTimers.values()) clearTimeout(timer)
  }

  // ---------------------------------------------------------------------------------------------

  #originKey(sessionId: string): string {
    return `${this.deps.prefix}:origin:${sessionId}`
  }

  async #originOf(sessionId: string): Promise<string | null> {
    const origin = (await this.deps.commands.get(this.#originKey(sessionId))) ?? null
    if (origin) this.#origins.set(sessionId, origin)
    return origin
  }

  async #claimOrigin(room: Room): Promise<void> {
    const { nodeId, commands, registry, rpc } = this.deps
    if (this.#origins.get(room.id) === nodeId) return
    // A day: a showcase runs hours; the key only has to outlive it.
    await commands.set(this.#originKey(room.id), nodeId, { expiration: { type: 'EX', value: 86_400 } })
    this.#origins.set(room.id, nodeId)
    // This room was an edge of the previous origin: its host is here now.
    const previous = this.#upstream.get(room.id)
    if (previous) this.#dropUpstream(room, previous, true)
    for (const node of registry.nodes()) if (node.id !== nodeId) rpc.notify(node.id, 'origin.changed', { sessionId: room.id, originId: nodeId })
    this.deps.logger.info({ sessionId: room.id }, 'this media node is the show’s origin')
  }

  async #linkToOrigin(room: Room): Promise<void> {
    const { nodeId, registry, rpc, pipe } = this.deps
    if (room.closed) return
    const origin = await this.#originOf(room.id)
    const originNode = origin ? registry.node(origin) : undefined
    if (!origin || origin === nodeId || !originNode) return
    const current = this.#upstream.get(room.id)
    if (current === origin && room.pipeLinks().includes(origin)) return
    if (current) this.#dropUpstream(room, current, true)
    // SRTP wherever the pipe leaves this host (a different pipe address); plain RTP inside one host.
    const srtp = originNode.pipeAddress !== (pipe.announcedAddress ?? pipe.listenIp)
    const endpoint = await room.openPipe(origin, { ...pipe, srtp })
    try {
      const answer = await rpc.call<{ endpoint: Endpoint; producers: PipedProducer[] }>(origin, 'pipe.open', {
        sessionId: room.id,
        edgeId: nodeId,
        endpoint,
        srtp,
      })
      await room.connectPipe(origin, endpointSchema.parse(answer.endpoint))
      this.#upstream.set(room.id, origin)
      for (const producer of answer.producers) await room.pipeIn(origin, producer)
      this.deps.logger.info({ sessionId: room.id, origin, producers: answer.producers.length, srtp }, 'piping the show from its origin')
    } catch (error) {
      room.closePipe(origin)
      this.#upstream.delete(room.id)
      // The origin may have opened its end before the failure (a timeout): it closes it.
      this.deps.rpc.notify(origin, 'pipe.close', { sessionId: room.id })
      throw error
    }
  }

  #reconcile(): void {
    for (const { id } of this.deps.media.stats().rooms) {
      const room = this.deps.media.room(id)
      if (!room || room.hasLocalProducers() || ![...room.peers.values()].some((peer) => peer.role === 'viewer')) continue
      void this.#serial(id, () => this.#linkToOrigin(room)).catch((error: unknown) =>
        this.deps.logger.warn({ err: error, sessionId: id }, 'piping the show from its origin failed'),
      )
    }
  }

  /** Origin side of a new link: this node's end, connected to the edge's, and the producers to pipe now. */
  async #openAsOrigin({ sessionId, edgeId, endpoint, srtp }: { sessionId: string; edgeId: string; endpoint: Endpoint; srtp: boolean }) {
    const room = this.deps.media.room(sessionId)
    if (!room) throw new MediaError('not-found', 'This node has no room of the show.')
    // The edge restarted its link (a new room there): replace the old one.
    if (room.pipeLinks().includes(edgeId)) room.closePipe(edgeId)
    const own = await room.openPipe(edgeId, { ...this.deps.pipe, srtp })
    try {
      await room.connectPipe(edgeId, endpoint)
      const producers: PipedProducer[] = []
      for (const { producerId } of room.hostProducers()) if (!room.isPipedIn(producerId)) producers.push(await room.pipeOut(edgeId, producerId))
      const edges = this.#downstream.get(sessionId) ?? new Set<string>()
      edges.add(edgeId)
      this.#downstream.set(sessionId, edges)
      return { endpoint: own, producers }
    } catch (error) {
      room.closePipe(edgeId)
      throw error
    }
  }

  /** The room of the show that `origin` feeds here, or null when this node is not fed by it (a stale message). */
  #fedRoom(sessionId: string, origin: string): Room | null {
    if (this.#upstream.get(sessionId) !== origin) return null
    return this.deps.media.room(sessionId) ?? null
  }

  /** The other end of a link said it is closing it. */
  #unlink(sessionId: string, other: string): void {
    const room = this.deps.media.room(sessionId)
    if (this.#upstream.get(sessionId) === other) {
      if (room) this.#dropUpstream(room, other, false)
      else this.#upstream.delete(sessionId)
    }
    if (this.#downstream.get(sessionId)?.delete(other)) room?.closePipe(other)
  }

  /** Stops being fed by `origin`: the piped producers close, so viewers wait for the host to come back. */
  #dropUpstream(room: Room, origin: string, tell: boolean): void {
    this.#upstream.delete(room.id)
    room.closePipe(origin)
    if (tell) this.deps.rpc.notify(origin, 'pipe.close', { sessionId: room.id })
  }

  #toEdges(sessionId: string, method: string, payload: object): void {
    for (const edgeId of this.#downstream.get(sessionId) ?? []) this.deps.rpc.notify(edgeId, method, payload)
  }

  #nodeDown(nodeId: string): void {
    for (const [sessionId, origin] of [...this.#upstream]) {
      if (origin !== nodeId) continue
      const room = this.deps.media.room(sessionId)
      if (room) this.#dropUpstream(room, origin, false)
      else this.#upstream.delete(sessionId)
      this.deps.logger.warn({ sessionId, origin }, 'the show’s origin node is down; its viewers here wait for the host to return')
    }
    for (const [sessionId, edges] of this.#downstream) if (edges.delete(nodeId)) this.deps.media.room(sessionId)?.closePipe(nodeId)
    for (const [sessionId, origin] of [...this.#origins]) if (origin === nodeId) this.#origins.delete(sessionId)
  }

  /** An edge room nobody watches any more closes after EMPTY_EDGE_ROOM_MS; the origin drops its link then. */
  #closeWhenEmpty(room: Room): void {
    const sessionId = room.id
    clearTimeout(this.#emptyTimers.get(sessionId))
    this.#emptyTimers.delete(sessionId)
    if (room.peers.size > 0 || room.hasLocalProducers()) return
    const timer = setTimeout(() => {
      this.#emptyTimers.delete(sessionId)
      if (room.peers.size === 0 && !room.hasLocalProducers() && !room.closed) this.deps.media.closeRoom(sessionId, 'empty')
    }, EMPTY_EDGE_ROOM_MS)
    timer.unref()
    this.#emptyTimers.set(sessionId, timer)
  }

  /** One cascade step at a time per show (links, producers and claims arrive in order). */
  #serial<T>(sessionId: string, step: () => Promise<T>): Promise<T> {
    const previous = this.#queues.get(sessionId) ?? Promise.resolve()
    const next = previous.catch(() => undefined).then(step)
    const settled = next.catch(() => undefined)
    this.#queues.set(sessionId, settled)
    void settled.then(() => {
      if (this.#queues.get(sessionId) === settled) this.#queues.delete(sessionId)
    })
    return next
  }
}
