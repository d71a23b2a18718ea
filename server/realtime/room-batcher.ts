/**
 * Coalesces the chat of a busy room into one frame per window instead of one frame per message.
 *
 * Socket.io encodes a broadcast once, but still writes one WebSocket frame per socket, and that
 * per-frame cost (≈ 12 µs on the benchmark machine) is what saturates a core: 2,000 viewers at 50
 * messages/s is 100,000 frames/s. Flushing a room at most once per window bounds the frames to
 * sockets × (1000 / window) per second. The window grows with the room (`msPerSocket`), so fan-out
 * takes about the same share of a core whatever the audience, small rooms get their messages on the
 * next tick, and the added latency never exceeds `maxWindowMs`. A quiet room flushes on the next tick: the
 * window only holds back messages that follow a flush closely (a cooldown after each flush).
 */
export type RoomBatcherOptions<T> = {
  /** Sockets of the room on this process; the fan-out cost of one flush. */
  roomSize: (room: string) => number
  /** Sends the room's items, oldest first. */
  send: (room: string, items: T[]) => void
  /** Window per local socket, in ms. */
  msPerSocket?: number
  maxWindowMs?: number
  now?: () => number
  /** A send that threw (the items are dropped; the room keeps flushing). Default: rethrown on a later tick. */
  onError?: (error: unknown, room: string) => void
}

type Pending<T> = { items: T[]; timer: { kind: 'immediate'; handle: NodeJS.Immediate } | { kind: 'cooldown'; handle: NodeJS.Timeout } | null }

export const DEFAULT_MS_PER_SOCKET = 0.025
export const DEFAULT_MAX_WINDOW_MS = 50

export class RoomBatcher<T> {
  private readonly rooms = new Map<string, Pending<T>>()
  private readonly msPerSocket: number
  private readonly maxWindowMs: number
  private readonly now: () => number

  constructor(private readonly options: RoomBatcherOptions<T>) {
    this.msPerSocket = options.msPerSocket ?? DEFAULT_MS_PER_SOCKET
    this.maxWindowMs = options.maxWindowMs ?? DEFAULT_MAX_WINDOW_MS
    this.now = options.now ?? (() => performance.now())
  }

  windowMs(room: string): number {
    return Math.min(this.maxWindowMs, this.options.roomSize(room) * this.msPerSocket)
  }

  push(room: string, item: T): void {
    const pending = this.rooms.get(room)
    if (pending) {
      // A flush is due (next tick, or when the cooldown after the last flush ends).
      pending.items.push(item)
      return
    }
    // An idle room: out on the next tick, which still lets messages handled in this turn share a frame.
    this.rooms.set(room, { items: [item], timer: { kind: 'immediate', handle: setImmediate(() => this.flush(room)) } })
  }

  /** Messages waiting for their room's next flush, over all rooms (the operations metrics' queue depth). */
  pendingItems(): number {
    let items = 0
    for (const pending of this.rooms.values()) items += pending.items.length
    return items
  }

  /** Sends what is pending now, e.g. before an event that must reach viewers after these items. */
  flush(room: string): void {
    const pending = this.rooms.get(room)
    if (!pending) return
    this.clearTimer(pending)
    if (pending.items.length === 0) {
      // A whole window without messages: the room is idle again.
      this.rooms.delete(room)
      return
    }
    const items = pending.items
    pending.items = []
    const startedAt = this.now()
    try {
      this.options.send(room, items)
    } catch (error) {
      this.reportError(error, room)
    } finally {
      // Even if sending threw, the room must keep flushing (or be forgotten), never stall.
      // The window counts from the start of this flush: writing to thousands of sockets takes a while,
      // and that time is already part of the wait of the messages arriving meanwhile.
      const cooldownMs = this.windowMs(room) - (this.now() - startedAt)
      if (cooldownMs < 1) {
        if (pending.items.length > 0) pending.timer = { kind: 'immediate', handle: setImmediate(() => this.flush(room)) }
        else this.rooms.delete(room)
      } else {
        pending.timer = { kind: 'cooldown', handle: setTimeout(() => this.flush(room), cooldownMs) }
      }
    }
  }

  /** Sends everything pending, then stops; used at shutdown so no accepted message is dropped. */
  close(): void {
    for (const [room, pending] of [...this.rooms]) {
      this.clearTimer(pending)
      if (pending.items.length === 0) continue
      try {
        this.options.send(room, pending.items)
      } catch (error) {
        this.reportError(error, room)
      }
    }
    this.rooms.clear()
  }

  // A throw from a timer callback would be an uncaught exception, i.e. a crashed server.
  private reportError(error: unknown, room: string) {
    if (this.options.onError) this.options.onError(error, room)
    else
      queueMicrotask(() => {
        throw error
      })
  }

  private clearTimer(pending: Pending<T>) {
    if (pending.timer?.kind === 'immediate') clearImmediate(pending.timer.handle)
    else if (pending.timer?.kind === 'cooldown') clearTimeout(pending.timer.handle)
    pending.timer = null
  }
}
