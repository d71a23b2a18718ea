import { EventEmitter } from 'node:events'
import * as mediasoup from 'mediasoup'
import type { types } from 'mediasoup'

export type WorkerFactory = () => Promise<types.Worker>

type Slot = {
  index: number
  worker: types.Worker
  /** Rooms (or anything else) holding a router on this worker. */
  owners: Set<string>
}

export type WorkerDeath = { index: number; pid: number; error: string; owners: string[] }

type PoolEvents = {
  /** A worker died; `owners` are the rooms that lived on it (they are gone now). */
  died: [WorkerDeath]
  /** The dead worker at `index` was replaced by a fresh one. */
  replaced: [{ index: number; pid: number }]
  /** Replacing a worker failed (retried with back-off). */
  error: [Error]
}

/**
 * One mediasoup worker per core. Rooms acquire the least loaded worker. A dead worker is replaced at
 * the same index and only the rooms that lived on it are reported (never the whole process).
 */
export class WorkerPool extends EventEmitter<PoolEvents> {
  readonly #slots: Slot[] = []
  readonly #factory: WorkerFactory
  #closed = false

  private constructor(factory: WorkerFactory) {
    super()
    this.#factory = factory
  }

  static async create({ size, factory }: { size: number; factory: WorkerFactory }): Promise<WorkerPool> {
    if (!Number.isInteger(size) || size < 1) throw new Error(`WorkerPool size must be a positive integer, got ${size}`)
    const pool = new WorkerPool(factory)
    const workers = await Promise.all(Array.from({ length: size }, () => factory()))
    workers.forEach((worker, index) => pool.#install(index, worker))
    return pool
  }

  /** A factory for real workers with the given settings. */
  static mediasoupFactory(settings: types.WorkerSettings): WorkerFactory {
    return async () => {
      // mediasoup closes each worker when the process gets SIGINT or SIGTERM. The server owns its shutdown
      // (a media node drains its viewers first, recordings close while media still flows, then the pool
      // closes the workers), so the listeners a new worker adds to the process are taken off again.
      const before = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') }
      const worker = await mediasoup.createWorker(settings)
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        for (const listener of process.listeners(signal)) if (!before[signal].includes(listener)) process.removeListener(signal, listener)
      }
      return worker
    }
  }

  get size(): number {
    return this.#slots.length
  }

  get closed(): boolean {
    return this.#closed
  }

  pids(): number[] {
    return this.#slots.map((slot) => slot.worker.pid)
  }

  workerAt(index: number): types.Worker {
    const slot = this.#slots[index]
    if (!slot) throw new Error(`no worker at ${index}`)
    return slot.worker
  }

  indexOf(worker: types.Worker): number {
    return this.#slots.findIndex((slot) => slot.worker === worker)
  }

  /**
   * The worker with the fewest owners, preferring workers not in `avoid` (a room fanning out wants a
   * worker it does not use yet). The owner is recorded until release().
   */
  acquire(owner: string, avoid: readonly types.Worker[] = []): types.Worker {
    if (this.#closed) throw new Error('WorkerPool is closed')
    const live = this.#slots.filter((slot) => !slot.worker.closed)
    if (live.length === 0) throw new Error('no live mediasoup worker')
    const fresh = live.filter((slot) => !avoid.includes(slot.worker))
    const candidates = fresh.length > 0 ? fresh : live
    const slot = candidates.reduce((best, next) => (next.owners.size < best.owners.size ? next : best))
    slot.owners.add(owner)
    return slot.worker
  }

  release(owner: string, worker: types.Worker): void {
    this.#slots.find((slot) => slot.worker === worker)?.owners.delete(owner)
  }

  /** Test hook: kill the worker process at `index` as a crash would. */
  kill(index: number, signal: NodeJS.Signals = 'SIGKILL'): number {
    const pid = this.workerAt(index).pid
    process.kill(pid, signal)
    return pid
  }

  close(): void {
    if (this.#closed) return
    this.#closed = true
    for (const slot of this.#slots) slot.worker.close()
  }

  #install(index: number, worker: types.Worker): void {
    const slot: Slot = { index, worker, owners: new Set() }
    this.#slots[index] = slot
    worker.on('died', (error) => {
      const owners = [...slot.owners]
      slot.owners.clear()
      this.emit('died', { index, pid: worker.pid, error: error.message, owners })
      if (!this.#closed) void this.#replace(index)
    })
  }

  async #replace(index: number, attempt = 0): Promise<void> {
    try {
      const worker = await this.#factory()
      if (this.#closed) {
        worker.close()
        return
      }
      this.#install(index, worker)
      this.emit('replaced', { index, pid: worker.pid })
    } catch (error) {
      this.emit('error', error instanceof Error ? error : new Error(String(error)))
      const delay = Math.min(10_000, 250 * 2 ** attempt)
      setTimeout(() => void this.#replace(index, attempt + 1), delay).unref()
    }
  }
}
