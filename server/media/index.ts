import { EventEmitter } from 'node:events'
import type { types } from 'mediasoup'
import type { MediaConfig } from './config.ts'
import { Room, type RoomCloseReason } from './room.ts'
import { WorkerPool, type WorkerDeath, type WorkerFactory } from './worker-pool.ts'

export { MediaError, Peer, type MediaSource, type PeerRole } from './peer.ts'
export { Room, type RoomCloseReason } from './room.ts'
export type { PipeEndpoint, PipedProducer, PipeListen } from './pipe.ts'
export { WorkerPool } from './worker-pool.ts'
export { MediaTap, type TapDestination, type TappedTrack } from './tap.ts'
export type { MediaConfig, IceServer } from './config.ts'

type LayerEvents = {
  /** A room was created (the cluster follows every room: its producers make this node a show's origin). */
  roomopened: [Room]
  roomclosed: [{ roomId: string; reason: RoomCloseReason }]
  workerdied: [WorkerDeath]
  workerreplaced: [{ index: number; pid: number }]
  error: [Error]
}

/** The media layer of the process: the worker pool and one Room per live session. */
export class MediaLayer extends EventEmitter<LayerEvents> {
  readonly #rooms = new Map<string, Room>()
  readonly #pending = new Map<string, Promise<Room>>()
  #closed = false

  private constructor(
    readonly pool: WorkerPool,
    readonly config: MediaConfig,
  ) {
    super()
    pool.on('died', (death) => {
      // Only the rooms on the dead worker go; their routers are already closed with it.
      for (const roomId of death.owners) this.#rooms.get(roomId)?.close('worker-died')
      this.emit('workerdied', death)
    })
    pool.on('replaced', (info) => this.emit('workerreplaced', info))
    pool.on('error', (error) => this.emit('error', error))
  }

  static async create(config: MediaConfig, factory?: WorkerFactory): Promise<MediaLayer> {
    const settings: types.WorkerSettings = { logLevel: config.logLevel, ...(config.workerBin ? { workerBin: config.workerBin } : {}) }
    const pool = await WorkerPool.create({ size: config.workers, factory: factory ?? WorkerPool.mediasoupFactory(settings) })
    return new MediaLayer(pool, config)
  }

  room(roomId: string): Room | undefined {
    const room = this.#rooms.get(roomId)
    return room && !room.closed ? room : undefined
  }

  /** The session's room, created on the least loaded worker on first use (concurrent callers share it). */
  async openRoom(roomId: string): Promise<Room> {
    if (this.#closed) throw new Error('media layer is closed')
    const existing = this.room(roomId)
    if (existing) return existing
    let pending = this.#pending.get(roomId)
    if (!pending) {
      pending = Room.create({
        id: roomId,
        pool: this.pool,
        listen: { listenIp: this.config.listenIp, announcedAddress: this.config.announcedAddress, minPort: this.config.minPort, maxPort: this.config.maxPort },
        consumersPerRouter: this.config.consumersPerRouter,
        peerJoinTimeoutMs: this.config.peerJoinTimeoutMs,
      })
        .then((room) => {
          this.#rooms.set(roomId, room)
          this.emit('roomopened', room)
          room.once('closed', (reason) => {
            if (this.#rooms.get(roomId) === room) this.#rooms.delete(roomId)
            this.emit('roomclosed', { roomId, reason })
          })
          return room
        })
        .finally(() => this.#pending.delete(roomId))
      this.#pending.set(roomId, pending)
    }
    return pending
  }

  closeRoom(roomId: string, reason: RoomCloseReason): void {
    this.#rooms.get(roomId)?.close(reason)
  }

  /** Test hook: kill the worker that holds this room's primary router. */
  killWorkerOf(roomId: string): number | null {
    const room = this.room(roomId)
    const pid = room?.workerPids()[0]
    if (pid === undefined) return null
    const index = this.pool.pids().indexOf(pid)
    return index >= 0 ? this.pool.kill(index) : null
  }

  /** Consumers of all rooms (viewers, meeting seats, pipes to other nodes, taps): this node's load. */
  consumerCount(): number {
    let count = 0
    for (const room of this.#rooms.values()) if (!room.closed) count += room.consumerCount()
    return count
  }

  stats() {
    return {
      workers: this.pool.pids(),
      rooms: [...this.#rooms.values()].map((room) => ({ id: room.id, peers: room.peers.size, viewers: room.viewerCount(), routers: room.routerLoads() })),
    }
  }

  close(): void {
    if (this.#closed) return
    this.#closed = true
    for (const room of [...this.#rooms.values()]) room.close('shutdown')
    this.pool.close()
  }
}
