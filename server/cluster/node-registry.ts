import { EventEmitter } from 'node:events'
import { z } from 'zod'
import type { RedisCommandClient } from '../../app/utils/redis.server.ts'
import { getLogger } from '../../app/utils/logger.server.ts'

const mediaNodeSchema = z.object({
  id: z.string().min(1),
  announcedAddress: z.string(),
  pipeAddress: z.string(),
  workers: z.number().int().nonnegative(),
  capacity: z.number().int().nonnegative(),
  consumers: z.number().int().nonnegative(),
  cpu: z.number().min(0).max(1),
  draining: z.boolean(),
  startedAt: z.iso.datetime(),
})

export type MediaNode = {
  id: string
  /** Where browsers reach its WebRTC transports. */
  announcedAddress: string
  /** Where other nodes reach its PipeTransports. */
  pipeAddress: string
  workers: number
  /** Consumers this node accepts for viewers (0 = takes no viewers: an origin-only node). */
  capacity: number
  /** Consumers now (its load). */
  consumers: number
  /** 0..1: share of its workers' cores used over the last heartbeat. */
  cpu: number
  draining: boolean
  /** ISO instant. */
  startedAt: string
}

// What a heartbeat stores: the node and a beat counter, so readers can tell a new heartbeat from the
// same one read twice (PendingPlacements settles on it). A counter, not a time: hosts' clocks differ.
const storedNodeSchema = mediaNodeSchema.extend({ beat: z.number().int().nonnegative() })

export type MediaNodeLoad = { consumers: number; cpu: number }

type RegistryEvents = {
  /** A node appeared (nodes present at start are in nodes() already, without an event). */
  nodeup: [MediaNode]
  /** A node's key expired or was deleted (close), seen on a successful read. */
  nodedown: [string]
  /** A new heartbeat from another node was read (also right after its nodeup). */
  heartbeat: [MediaNode]
}

type StartOptions = {
  commands: RedisCommandClient
  /** Namespaces the keys, so test runs and deployments on one Redis stay apart. */
  prefix: string
  self: Omit<MediaNode, 'consumers' | 'cpu' | 'draining' | 'startedAt'>
  /** This node's load now; called at each heartbeat and by nodes(), so it must be cheap and synchronous. */
  load: () => MediaNodeLoad
  heartbeatMs?: number
  ttlMs?: number
}

// Deletes a member from the set only while its key is absent: a node that heartbeats again between our
// read and this removal stays listed.
const REMOVE_IF_EXPIRED = `if redis.call('EXISTS', KEYS[1]) == 0 then return redis.call('SREM', KEYS[2], ARGV[1]) end return 0`

/**
 * The media nodes alive in the cluster, through Redis: each node writes its entry with a TTL at every
 * heartbeat, and reads everyone's. Redis expiry decides liveness, so no two hosts' clocks are compared;
 * a node that stops heartbeating (crashed, cut off from Redis, frozen) disappears after the TTL.
 *
 * While Redis is unreachable the last view is kept: a node is declared down only by a successful read
 * that lacks it, never because this node cannot read.
 */
export class MediaNodeRegistry extends EventEmitter<RegistryEvents> {
  readonly selfId: string
  readonly #commands: RedisCommandClient
  readonly #prefix: string
  readonly #self: StartOptions['self']
  readonly #load: () => MediaNodeLoad
  readonly #heartbeatMs: number
  readonly #ttlMs: number
  readonly #startedAt = new Date().toISOString()
  /** Other live nodes, as of the last successful read, with the beat counter last read from each. */
  #others = new Map<string, { node: MediaNode; beat: number }>()
  /** Ids whose malformed entries were logged, so a bad entry is logged once rather than every beat. */
  readonly #malformedLogged = new Set<string>()
  #draining = false
  #beat = 0
  #timer: NodeJS.Timeout | undefined
  #closed = false
  #failing = false
  /** The heartbeat in progress, so close() and setDraining() never race one. */
  #running: Promise<void> = Promise.resolve()

  private constructor(options: StartOptions) {
    super()
    this.selfId = options.self.id
    this.#commands = options.commands
    this.#prefix = options.prefix
    this.#self = options.self
    this.#load = options.load
    this.#heartbeatMs = options.heartbeatMs ?? 1000
    this.#ttlMs = options.ttlMs ?? 3000
  }

  /** Registers this node and reads the others; fails (and registers nothing further) when Redis does not answer. */
  static async start(options: StartOptions): Promise<MediaNodeRegistry> {
    const registry = new MediaNodeRegistry(options)
    if (registry.#ttlMs <= registry.#heartbeatMs) throw new Error('the TTL must outlast a heartbeat, or nodes flap')
    await registry.#heartbeat()
    registry.#schedule()
    return registry
  }

  nodes(): MediaNode[] {
    return [this.#selfNode(), ...[...this.#others.values()].map((entry) => entry.node)]
  }

  node(id: string): MediaNode | undefined {
    return id === this.selfId ? this.#selfNode() : this.#others.get(id)?.node
  }

  isAlive(id: string): boolean {
    return id === this.selfId || this.#others.has(id)
  }

  /** Marks this node draining and writes it at once, so placement elsewhere skips it from its next poll. */
  async setDraining(): Promise<void> {
    this.#draining = true
    // Chained on the heartbeat in progress, so close() waits for it and no write lands after its delete.
    const write = this.#running.then(() => (this.#closed ? undefined : this.#write()))
    this.#running = write.catch(() => undefined)
    await write
  }

  /** Stops the heartbeat and deletes this node's entry: the others see it down at their next poll. */
  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    clearTimeout(this.#timer)
    await this.#running
    try {
      await this.#commands.del(this.#key(this.selfId))
      await this.#commands.sRem(this.#membersKey(), this.selfId)
    } catch (error) {
      // Unreachable Redis: the entry expires by itself after the TTL.
      getLogger().warn({ err: error, nodeId: this.selfId }, 'media node registry: could not delete own entry; it expires by itself')
    }
    this.removeAllListeners()
  }

  #schedule(): void {
    if (this.#closed) return
    this.#timer = setTimeout(() => {
      this.#running = this.#heartbeat().catch((error: unknown) => {
        if (!this.#failing) getLogger().warn({ err: error, nodeId: this.selfId }, 'media node registry: heartbeat failed; keeping the last view and retrying')
        this.#failing = true
      })
      void this.#running.then(() => this.#schedule())
    }, this.#heartbeatMs)
    this.#timer.unref()
  }

  async #heartbeat(): Promise<void> {
    await this.#write()
    const ids = await this.#commands.sMembers(this.#membersKey())
    const others = ids.filter((id) => id !== this.selfId)
    const raw = others.length > 0 ? await this.#commands.mGet(others.map((id) => this.#key(id))) : []
    if (this.#closed) return
    if (this.#failing) {
      this.#failing = false
      getLogger().info({ nodeId: this.selfId }, 'media node registry: heartbeat works again')
    }
    this.#apply(others, raw)
  }

  async #write(): Promise<void> {
    this.#beat += 1
    // Checked here too: an entry the others would skip as malformed must fail loudly on this node.
    const entry = storedNodeSchema.parse({ ...this.#selfNode(), beat: this.#beat })
    await this.#commands.set(this.#key(this.selfId), JSON.stringify(entry), { expiration: { type: 'PX', value: this.#ttlMs } })
    await this.#commands.sAdd(this.#membersKey(), this.selfId)
  }

  /** Turns one successful read into the new view and its events. */
  #apply(ids: readonly string[], raw: ReadonlyArray<string | null>): void {
    const previous = this.#others
    const next = new Map<string, { node: MediaNode; beat: number }>()
    const expired: string[] = []
    ids.forEach((id, index) => {
      const value = raw[index] ?? null
      if (value === null) {
        expired.push(id)
        return
      }
      const entry = this.#parse(id, value)
      if (entry) next.set(id, entry)
    })
    this.#others = next
    for (const id of expired) {
      this.#commands.eval(REMOVE_IF_EXPIRED, { keys: [this.#key(id), this.#membersKey()], arguments: [id] }).catch((error: unknown) => {
        getLogger().debug({ err: error, nodeId: id }, 'media node registry: could not remove an expired member; the next beat retries')
      })
    }
    for (const id of previous.keys()) {
      if (!next.has(id)) this.emit('nodedown', id)
    }
    for (const [id, entry] of next) {
      const before = previous.get(id)
      if (!before) this.emit('nodeup', entry.node)
      if (before?.beat !== entry.beat) this.emit('heartbeat', entry.node)
    }
  }

  #parse(id: string, value: string): { node: MediaNode; beat: number } | null {
    let json: unknown
    try {
      json = JSON.parse(value)
    } catch {
      json = undefined
    }
    const parsed = storedNodeSchema.safeParse(json)
    if (!parsed.success || parsed.data.id !== id) {
      if (!this.#malformedLogged.has(id)) {
        this.#malformedLogged.add(id)
        getLogger().warn(
          { nodeId: id, issues: parsed.success ? 'id differs from its key' : z.prettifyError(parsed.error) },
          'media node registry: skipping a malformed node entry',
        )
      }
      return null
    }
    this.#malformedLogged.delete(id)
    const { beat, ...node } = parsed.data
    return { node, beat }
  }

  #selfNode(): MediaNode {
    const load = this.#load()
    return {
      ...this.#self,
      consumers: load.consumers,
      cpu: Number.isFinite(load.cpu) ? Math.min(1, Math.max(0, load.cpu)) : 0,
      draining: this.#draining,
      startedAt: this.#startedAt,
    }
  }

  #key(id: string): string {
    return `${this.#prefix}:node:${id}`
  }

  #membersKey(): string {
    return `${this.#prefix}:nodes`
  }
}
