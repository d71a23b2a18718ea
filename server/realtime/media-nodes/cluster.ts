import type { Logger } from 'pino'
import { z } from 'zod'
import { QUALITY_CHOICES } from '../../../app/protocol/media.ts'
import type { RedisCommandClient } from '../../../app/utils/redis.server.ts'
import { workerCpuSampler } from '../../cluster/node-load.ts'
import { MediaNodeRegistry, type MediaNode } from '../../cluster/node-registry.ts'
import { NodeRpc } from '../../cluster/node-rpc.ts'
import { PendingPlacements, placeViewer } from '../../cluster/placement.ts'
import { MediaError, type MediaLayer, type Room } from '../../media/index.ts'
import { CONSUMERS_PER_VIEWER } from '../../media/room.ts'
import type { PipeListen } from '../../media/room.ts'
import type { MediaClusterPort, MediaNamespace } from '../media-handlers/context.ts'
import { LocalPeerPort, type PeerPort } from '../media-handlers/peer-port.ts'
import type { MediaRooms } from '../media-handlers/rooms.ts'
import { Cascade } from './cascade.ts'
import { refusalOf, RemotePeerPort } from './remote-peer.ts'

/** How this process takes part in the cluster of media nodes (from the environment, server/index.ts). */
export type MediaNodeSettings = {
  nodeId: string
  /** Viewers this node takes (0: an origin-only node, for hosts and encoders). */
  maxViewers: number
  /** Where other nodes reach this node's pipe transports (SRTP between different addresses). */
  pipe: Omit<PipeListen, 'srtp'>
  /** Where browsers reach this node's WebRTC transports (for the registry; ICE carries it anyway). */
  announcedAddress: string
  /** How long a draining node waits for its viewers to move before it shuts down anyway. */
  drainTimeoutMs: number
}

const peerRef = z.object({ sessionId: z.string().min(1).max(64), peerId: z.string().min(1).max(100) })
const blob = z.looseObject({})

/** Heartbeats of the registry; a node that misses them for the TTL is down. */
const HEARTBEAT_MS = 1000
const NODE_TTL_MS = 3000
/** A placement counts on this node until the placed node's heartbeats (read at this node's polls) include it. */
const PENDING_PLACEMENT_MS = 2 * HEARTBEAT_MS

/** Viewer peers in the rooms of this process. */
function viewerPeersOf(media: MediaLayer): number {
  let count = 0
  for (const { id } of media.stats().rooms) for (const peer of media.room(id)?.peers.values() ?? []) if (peer.role === 'viewer') count++
  return count
}

/**
 * This process as a media node of a cluster (ADR 020): it registers in Redis, places viewers on the
 * least loaded node, relays a placed viewer's requests to the node that holds its peer (and serves
 * those of other nodes' sockets), pipes showcases from their origin (cascade.ts), sums viewer counts
 * over the nodes, moves viewers off a node that went down or drains, and tells the other nodes of a
 * show's status. Without REDIS_URL none of this exists and each process holds its own rooms.
 */
export class MediaCluster implements MediaClusterPort {
  readonly nodeId: string
  readonly #pending = new PendingPlacements()
  /** Nodes this one was told are draining, before its next read of the registry shows it. */
  readonly #draining = new Set<string>()
  /** Peers of viewers whose sockets are on other nodes, by `sessionId/peerId`, with the node holding the socket. */
  readonly #served = new Map<string, { port: LocalPeerPort; socketNode: string }>()
  /** Peers this node's sockets hold on other nodes. */
  readonly #remote = new Set<RemotePeerPort>()
  readonly #cascade: Cascade
  readonly #cpuTimer: NodeJS.Timeout
  #cpu = 0

  private constructor(
    private readonly deps: {
      settings: MediaNodeSettings
      media: MediaLayer
      registry: MediaNodeRegistry
      rpc: NodeRpc
      commands: RedisCommandClient
      prefix: string
      nsp: MediaNamespace
      rooms: () => MediaRooms
      /** The show's status changed on another node (the ending closes its sockets' memberships here). */
      onStatus: (sessionId: string, status: 'LIVE' | 'ENDED') => Promise<void>
      logger: Logger
    },
    sampleCpu: () => Promise<number>,
  ) {
    this.nodeId = deps.settings.nodeId
    this.#cascade = new Cascade({
      nodeId: this.nodeId,
      media: deps.media,
      rpc: deps.rpc,
      registry: deps.registry,
      commands: deps.commands,
      prefix: deps.prefix,
      pipe: deps.settings.pipe,
      logger: deps.logger,
    })
    this.#cpuTimer = setInterval(() => {
      void sampleCpu().then(
        (cpu) => (this.#cpu = cpu),
        () => undefined,
      )
    }, HEARTBEAT_MS)
    this.#cpuTimer.unref()
    deps.registry.on('heartbeat', (node) => {
      if (!node.draining) this.#draining.delete(node.id)
    })
    deps.registry.on('nodeup', (node) => deps.logger.info({ node: node.id }, 'media node joined'))
    // Every room of this node, however it opened (a studio, an encoder, a viewer): see cascade.watch.
    deps.media.on('roomopened', (room) => this.#cascade.watch(room))
    for (const { id } of deps.media.stats().rooms) {
      const room = deps.media.room(id)
      if (room) this.#cascade.watch(room)
    }
    deps.registry.on('nodedown', (nodeId) => void this.#nodeDown(nodeId))
    this.#serveViewers()
    deps.rpc.serve('node.draining', z.object({}), async (_payload, from) => {
      this.#draining.add(from)
      await deps.rooms().resetNode(from, 'draining')
    })
    deps.rpc.serve('session.status', z.object({ sessionId: z.string().min(1).max(64), status: z.enum(['LIVE', 'ENDED']) }), ({ sessionId, status }) =>
      deps.onStatus(sessionId, status),
    )
  }

  static async start(options: {
    settings: MediaNodeSettings
    media: MediaLayer
    commands: RedisCommandClient
    redisUrl: string
    prefix: string
    nsp: MediaNamespace
    rooms: () => MediaRooms
    onStatus: (sessionId: string, status: 'LIVE' | 'ENDED') => Promise<void>
    logger: Logger
  }): Promise<MediaCluster> {
    const { settings, media, commands, prefix } = options
    // The RPC listens before the node is in the registry: other nodes may place viewers here from its first heartbeat.
    const rpc = await NodeRpc.start({ commands, url: options.redisUrl, prefix, nodeId: settings.nodeId })
    // The registry reads the load at its first heartbeat, before the cluster exists.
    const started: { cluster?: MediaCluster } = {}
    let registry: MediaNodeRegistry
    try {
      registry = await MediaNodeRegistry.start({
        commands,
        prefix,
        self: {
          id: settings.nodeId,
          announcedAddress: settings.announcedAddress,
          pipeAddress: settings.pipe.announcedAddress ?? settings.pipe.listenIp,
          workers: media.pool.size,
          capacity: settings.maxViewers * CONSUMERS_PER_VIEWER,
        },
        // A viewer counts from its join (its consumers come a moment later), so placement elsewhere sees it at once.
        load: () => ({ consumers: Math.max(media.consumerCount(), viewerPeersOf(media) * CONSUMERS_PER_VIEWER), cpu: started.cluster?.cpu ?? 0 }),
        heartbeatMs: HEARTBEAT_MS,
        ttlMs: NODE_TTL_MS,
      })
    } catch (error) {
      await rpc.close()
      throw error
    }
    const sampleCpu = workerCpuSampler(() => Array.from({ length: media.pool.size }, (_, index) => media.pool.workerAt(index)))
    const cluster = new MediaCluster({ ...options, registry, rpc }, sampleCpu)
    started.cluster = cluster
    options.logger.info({ node: settings.nodeId, maxViewers: settings.maxViewers, nodes: registry.nodes().length }, 'media node registered')
    return cluster
  }

  get cpu(): number {
    return this.#cpu
  }

  nodes(): MediaNode[] {
    return this.deps.registry.nodes()
  }

  placeViewer(sessionId: string): string | null {
    const candidates = this.deps.registry.nodes().filter((node) => !this.#draining.has(node.id))
    const nodeId = placeViewer(candidates, { selfId: this.nodeId, need: CONSUMERS_PER_VIEWER, pending: this.#pending.view })
    if (nodeId) {
      // Counted here until that node's own heartbeats surely include the viewer (its peer exists from the join on).
      this.#pending.hold(nodeId, CONSUMERS_PER_VIEWER, PENDING_PLACEMENT_MS)
    } else this.deps.logger.warn({ sessionId, nodes: candidates.length }, 'no media node has room for another viewer')
    return nodeId
  }

  async openRemoteViewer(
    nodeId: string,
    viewer: { sessionId: string; peerId: string; counted: boolean },
  ): Promise<{ port: PeerPort; rtpCapabilities: unknown }> {
    const port = new RemotePeerPort(this.deps.rpc, nodeId, viewer.sessionId, viewer.peerId)
    try {
      const { rtpCapabilities } = await this.deps.rpc.call<{ rtpCapabilities: unknown }>(nodeId, 'viewer.join', viewer, { timeoutMs: 10_000 })
      this.#remote.add(port)
      port.once('closed', () => this.#remote.delete(port))
      return { port, rtpCapabilities }
    } catch (error) {
      // Told even when the join timed out: a join that completes there late is closed at once.
      port.close()
      throw refusalOf(error)
    }
  }

  async feed(room: Room): Promise<void> {
    await this.#cascade.feed(room)
  }

  /**
   * This node's viewers of the show go into Redis, tagged with this process's start, so a node that
   * crashed and came back under the same id does not count what its previous run left there; the answer
   * is the sum over the nodes alive.
   */
  async publishViewers(room: Room): Promise<number> {
    const startedAt = this.deps.registry.node(this.nodeId)?.startedAt ?? ''
    await this.deps.commands.hSet(this.#viewersKey(room.id), this.nodeId, `${room.viewerCount()}@${startedAt}`)
    await this.deps.commands.expire(this.#viewersKey(room.id), 86_400)
    return this.viewerTotal(room.id)
  }

  async viewerTotal(sessionId: string): Promise<number> {
    return this.#sumViewers(sessionId, () => true)
  }

  sessionStatus(sessionId: string, status: 'LIVE' | 'ENDED'): void {
    for (const node of this.deps.registry.nodes()) if (node.id !== this.nodeId) this.deps.rpc.notify(node.id, 'session.status', { sessionId, status })
    if (status === 'ENDED')
      void this.#cascade.forget(sessionId).catch((error: unknown) => this.deps.logger.warn({ err: error, sessionId }, 'forgetting the show’s origin failed'))
  }

  /**
   * SIGTERM: stop taking viewers, have every node move this node's viewers elsewhere (their sockets
   * join again and are placed on other nodes), and wait until they are counted on those nodes (joined
   * there, so receiving) or the time is up. Leaving here is not enough: a viewer leaves before it has
   * joined anew, and this node exiting then would be no different from a crash.
   */
  async drain(): Promise<{ moved: number; left: number; ms: number }> {
    const started = performance.now()
    // No new viewers from now on, whatever follows.
    this.#draining.add(this.nodeId)
    await this.deps.registry.setDraining()
    for (const node of this.deps.registry.nodes()) if (node.id !== this.nodeId) this.deps.rpc.notify(node.id, 'node.draining', {})
    const here = this.#viewersBySession()
    const before = [...here.values()].reduce((sum, count) => sum + count, 0)
    // Nowhere to go: the viewers stay until the process stops (then their sockets reconnect to a node that is up).
    const elsewhere = this.deps.registry.nodes().some((node) => node.id !== this.nodeId && !node.draining && !this.#draining.has(node.id) && node.capacity > 0)
    if (before === 0 || !elsewhere) return { moved: 0, left: before, ms: 0 }
    const expected = new Map<string, number>()
    for (const [sessionId, count] of here) expected.set(sessionId, (await this.#viewersElsewhere(sessionId)) + count)
    await this.deps.rooms().resetNode(this.nodeId, 'draining')
    const deadline = Date.now() + this.deps.settings.drainTimeoutMs
    const pause = () => new Promise((resolve) => setTimeout(resolve, 200))
    while (viewerPeersOf(this.deps.media) > 0 && Date.now() < deadline) await pause()
    // Then until the other nodes count them (each node publishes its count within a second of a change).
    for (const [sessionId, count] of expected) {
      while (Date.now() < deadline && (await this.#viewersElsewhere(sessionId).catch(() => count)) < count) await pause()
    }
    const left = viewerPeersOf(this.deps.media)
    const ms = Math.round(performance.now() - started)
    this.deps.logger.info({ moved: before - left, left, ms }, 'media node drained')
    return { moved: before - left, left, ms }
  }

  async close(): Promise<void> {
    clearInterval(this.#cpuTimer)
    this.#cascade.close()
    await this.deps.registry.close()
    await this.deps.rpc.close()
  }

  // ---------------------------------------------------------------------------------------------

  #viewersKey(sessionId: string): string {
    return `${this.deps.prefix}:viewers:${sessionId}`
  }

  /** Joined viewers of this node by show. */
  #viewersBySession(): Map<string, number> {
    const counts = new Map<string, number>()
    for (const { id, viewers } of this.deps.media.stats().rooms) if (viewers > 0) counts.set(id, viewers)
    return counts
  }

  /** The show's viewers on the other live nodes, as they last published them. */
  #viewersElsewhere(sessionId: string): Promise<number> {
    return this.#sumViewers(sessionId, (nodeId) => nodeId !== this.nodeId)
  }

  /** Viewer counts in Redis of the nodes `which` takes, counted only when written by the node's current run. */
  async #sumViewers(sessionId: string, which: (nodeId: string) => boolean): Promise<number> {
    const counts = await this.deps.commands.hGetAll(this.#viewersKey(sessionId))
    let total = 0
    for (const [nodeId, value] of Object.entries(counts)) {
      const [count, startedAt] = value.split('@')
      if (which(nodeId) && startedAt === this.deps.registry.node(nodeId)?.startedAt) total += Number(count) || 0
    }
    return total
  }

  async #nodeDown(nodeId: string): Promise<void> {
    this.deps.logger.warn({ node: nodeId }, 'media node down: its viewers join again elsewhere')
    this.#draining.delete(nodeId)
    this.deps.rpc.nodeDown(nodeId)
    for (const port of [...this.#remote]) if (port.nodeId === nodeId) port.lost()
    // Peers here of viewers whose sockets were on that node: nobody will ever leave them.
    for (const [key, { port, socketNode }] of [...this.#served]) {
      if (socketNode !== nodeId) continue
      this.#served.delete(key)
      port.close()
    }
    await this.deps.rooms().resetNode(nodeId, 'node-down')
  }

  /** The requests other nodes relay for their sockets' viewers whose peers are here. */
  #serveViewers(): void {
    const { rpc, media, nsp } = this.deps
    const key = ({ sessionId, peerId }: { sessionId: string; peerId: string }) => `${sessionId}/${peerId}`
    const served = (ref: { sessionId: string; peerId: string }) => {
      const entry = this.#served.get(key(ref))
      if (!entry || entry.port.closed) throw new MediaError('closed', 'This viewer’s media moved; join again.')
      return entry.port
    }
    const shuttingDown = () => new MediaError('closed', 'This media server is shutting down; join again.')
    // Joins under way, by key: a leave that arrives meanwhile closes the peer as soon as it exists.
    const joining = new Map<string, { left: boolean }>()

    rpc.serve('viewer.join', peerRef.extend({ counted: z.boolean() }), async (ref, from) => {
      if (this.#draining.has(this.nodeId)) throw shuttingDown()
      // A join again from the same socket replaces its peer.
      const previous = this.#served.get(key(ref))
      this.#served.delete(key(ref))
      previous?.port.close()
      const attempt = { left: false }
      joining.set(key(ref), attempt)
      try {
        const room = await media.openRoom(ref.sessionId)
        this.deps.rooms().wire(room)
        await this.#cascade.feed(room)
        // The node began draining, or the socket left (or gave up), while this join was under way.
        if (this.#draining.has(this.nodeId)) throw shuttingDown()
        if (attempt.left) throw new MediaError('closed', 'This viewer left while joining.')
        const peer = room.addPeer(ref.peerId, 'viewer')
        peer.counted = ref.counted
        const port = new LocalPeerPort(room, peer, this.nodeId)
        this.#served.set(key(ref), { port, socketNode: from })
        // The socket is on another node: the adapter takes these to it.
        peer.on('consumerclosed', (payload) => nsp.to(ref.peerId).emit('media:consumer-closed', payload))
        peer.on('layerschange', (payload) => nsp.to(ref.peerId).emit('media:consumer-layers', payload))
        // Closed here (join timeout, worker death): forgotten; the socket's next request hears 'restarting' and joins again.
        port.once('closed', () => {
          if (this.#served.get(key(ref))?.port === port) this.#served.delete(key(ref))
        })
        return { rtpCapabilities: room.rtpCapabilities }
      } finally {
        if (joining.get(key(ref)) === attempt) joining.delete(key(ref))
      }
    })
    rpc.serve('viewer.ready', peerRef, async (ref) => served(ref).ready())
    rpc.serve('viewer.create-transport', peerRef.extend({ direction: z.literal('recv') }), async (ref) => served(ref).createTransport(ref.direction))
    rpc.serve('viewer.connect-transport', peerRef.extend({ transportId: z.string().max(64), dtlsParameters: blob }), async (ref) => {
      await served(ref).connectTransport(ref.transportId, ref.dtlsParameters as never)
      return {}
    })
    rpc.serve('viewer.consume', peerRef.extend({ transportId: z.string().max(64), producerId: z.string().max(64), rtpCapabilities: blob }), async (ref) =>
      served(ref).consume(ref.transportId, ref.producerId, ref.rtpCapabilities),
    )
    rpc.serve('viewer.resume-consumer', peerRef.extend({ consumerId: z.string().max(64) }), async (ref) => {
      await served(ref).resumeConsumer(ref.consumerId)
      return {}
    })
    rpc.serve('viewer.set-quality', peerRef.extend({ consumerId: z.string().max(64), quality: z.enum(QUALITY_CHOICES) }), async (ref) => {
      await served(ref).setQuality(ref.consumerId, ref.quality)
      return {}
    })
    rpc.serve('viewer.leave', peerRef, (ref) => {
      const entry = this.#served.get(key(ref))
      this.#served.delete(key(ref))
      entry?.port.close()
      const attempt = joining.get(key(ref))
      if (attempt) attempt.left = true
      return Promise.resolve({})
    })
  }
}
