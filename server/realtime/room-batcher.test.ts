import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { RoomBatcher } from './room-batcher.ts'

type Sent = { room: string; items: string[]; at: number }

function setup(sizes: Record<string, number>, options: { msPerSocket?: number; maxWindowMs?: number } = {}) {
  const sent: Sent[] = []
  const batcher = new RoomBatcher<string>({
    roomSize: (room) => sizes[room] ?? 0,
    send: (room, items) => sent.push({ room, items, at: Date.now() }),
    now: () => Date.now(),
    ...options,
  })
  return { batcher, sent }
}

describe('RoomBatcher', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'Date'] })
    vi.setSystemTime(0)
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('sends the first message of an idle room on the next tick, with what arrived in the same turn', () => {
    const { batcher, sent } = setup({ big: 2000 })
    batcher.push('big', 'a')
    batcher.push('big', 'b')
    expect(sent).toEqual([])
    vi.advanceTimersToNextTimer()
    expect(sent).toEqual([{ room: 'big', items: ['a', 'b'], at: 0 }])
  })

  it('counts the messages waiting over all rooms (the metrics’ chat-batch depth) until they go out', () => {
    const { batcher } = setup({ big: 2000, small: 1 })
    expect(batcher.pendingItems()).toBe(0)
    batcher.push('big', 'a')
    batcher.push('big', 'b')
    batcher.push('small', 'c')
    expect(batcher.pendingItems()).toBe(3)
    vi.advanceTimersByTime(0)
    // The big room is in its cooldown after the flush: what follows waits there.
    batcher.push('big', 'd')
    expect(batcher.pendingItems()).toBe(1)
    vi.advanceTimersByTime(50)
    expect(batcher.pendingItems()).toBe(0)
  })

  it('holds messages that follow a flush for the room’s window, then sends them in one frame', () => {
    const { batcher, sent } = setup({ big: 2000 })
    expect(batcher.windowMs('big')).toBe(50)
    batcher.push('big', 'a')
    vi.advanceTimersByTime(0)
    vi.advanceTimersByTime(10)
    batcher.push('big', 'b')
    vi.advanceTimersByTime(20)
    batcher.push('big', 'c')
    vi.advanceTimersByTime(19)
    expect(sent.map((s) => s.items)).toEqual([['a']])
    vi.advanceTimersByTime(1)
    expect(sent.map((s) => [s.items, s.at])).toEqual([
      [['a'], 0],
      [['b', 'c'], 50],
    ])
    // After a window with nothing new the room is idle again: the next message goes out at once.
    vi.advanceTimersByTime(50)
    vi.advanceTimersByTime(500)
    batcher.push('big', 'd')
    vi.advanceTimersByTime(0)
    expect(sent.at(-1)).toEqual({ room: 'big', items: ['d'], at: 600 })
  })

  it('scales the window with the room and caps it', () => {
    const { batcher } = setup({ tiny: 10, mid: 400, huge: 100_000 })
    expect(batcher.windowMs('tiny')).toBeCloseTo(0.25)
    expect(batcher.windowMs('mid')).toBeCloseTo(10)
    expect(batcher.windowMs('huge')).toBe(50)
    expect(batcher.windowMs('empty')).toBe(0)
  })

  it('never holds a small room’s messages back: each turn’s messages go out on the next tick', () => {
    const { batcher, sent } = setup({ tiny: 10 })
    for (let n = 0; n < 3; n++) {
      batcher.push('tiny', `m${n}`)
      vi.advanceTimersByTime(0)
      vi.advanceTimersByTime(2)
    }
    expect(sent.map((s) => [s.items, s.at])).toEqual([
      [['m0'], 0],
      [['m1'], 2],
      [['m2'], 4],
    ])
  })

  it('counts the window from the start of a flush, so a slow fan-out is not added on top', () => {
    const sent: Sent[] = []
    const batcher = new RoomBatcher<string>({
      roomSize: () => 2000,
      send: (room, items) => {
        sent.push({ room, items, at: Date.now() })
        vi.setSystemTime(Date.now() + 20) // writing to 2,000 sockets takes 20 ms
      },
      now: () => Date.now(),
    })
    batcher.push('big', 'a')
    vi.advanceTimersByTime(0)
    batcher.push('big', 'b')
    vi.advanceTimersByTime(29)
    expect(sent.map((s) => s.items)).toEqual([['a']])
    vi.advanceTimersByTime(1)
    expect(sent.map((s) => [s.items, s.at])).toEqual([
      [['a'], 0],
      [['b'], 50],
    ])
    batcher.close()
  })

  it('flushes on demand so a later event cannot overtake pending messages', () => {
    const { batcher, sent } = setup({ big: 2000 })
    batcher.push('big', 'a')
    vi.advanceTimersByTime(0)
    batcher.push('big', 'b')
    batcher.flush('big')
    sent.push({ room: 'big', items: ['removed a'], at: Date.now() })
    vi.advanceTimersByTime(100)
    expect(sent.map((s) => s.items)).toEqual([['a'], ['b'], ['removed a']])
  })

  it('reports a send that threw and keeps flushing the room', () => {
    const sent: string[][] = []
    const errors: Array<[string, string]> = []
    let failNext = true
    const batcher = new RoomBatcher<string>({
      roomSize: () => 2000,
      send: (_room, items) => {
        if (failNext) {
          failNext = false
          throw new Error('socket write failed')
        }
        sent.push(items)
      },
      onError: (error, room) => errors.push([(error as Error).message, room]),
      now: () => Date.now(),
    })
    batcher.push('big', 'lost')
    vi.advanceTimersByTime(0)
    expect(errors).toEqual([['socket write failed', 'big']])
    batcher.push('big', 'next')
    vi.advanceTimersByTime(50)
    expect(sent).toEqual([['next']])
    batcher.close()
  })

  it('keeps rooms apart', () => {
    const { batcher, sent } = setup({ one: 2000, two: 2000 })
    batcher.push('one', 'x')
    batcher.push('two', 'y')
    vi.advanceTimersByTime(0)
    expect(sent.map((s) => [s.room, s.items])).toEqual([
      ['one', ['x']],
      ['two', ['y']],
    ])
  })

  it('sends what is pending at close and leaves no timer behind', () => {
    const { batcher, sent } = setup({ big: 2000 })
    batcher.push('big', 'a')
    vi.advanceTimersByTime(0)
    batcher.push('big', 'b')
    batcher.close()
    expect(sent.map((s) => s.items)).toEqual([['a'], ['b']])
    expect(vi.getTimerCount()).toBe(0)
  })

  it('forgets idle rooms', () => {
    const { batcher } = setup({ big: 2000 })
    batcher.push('big', 'a')
    vi.advanceTimersByTime(0)
    vi.advanceTimersByTime(50)
    expect(vi.getTimerCount()).toBe(0)
    batcher.close()
  })
})
