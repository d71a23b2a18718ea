import { describe, expect, it, vi } from 'vitest'
import type { MediaNode } from './node-registry.ts'
import { PendingPlacements, placeViewer } from './placement.ts'

const node = (id: string, fields: Partial<MediaNode> = {}): MediaNode => ({
  id,
  announcedAddress: `${id}.example:443`,
  pipeAddress: `10.0.0.${id.length}`,
  workers: 2,
  capacity: 100,
  consumers: 0,
  cpu: 0,
  draining: false,
  startedAt: '2026-12-04T15:00:00.000Z',
  ...fields,
})
const none = new Map<string, number>()
const place = (nodes: MediaNode[], selfId = 'self', pending: ReadonlyMap<string, number> = none) => placeViewer(nodes, { selfId, need: 2, pending })

describe('placeViewer', () => {
  it('picks the node with the lowest consumer share', () => {
    expect(place([node('a', { consumers: 50 }), node('b', { consumers: 10 }), node('c', { consumers: 30 })])).toBe('b')
  })

  it('compares shares of capacity, not counts', () => {
    // 40 of 400 (10 %) is less loaded than 20 of 100 (20 %).
    expect(place([node('small', { consumers: 20, capacity: 100 }), node('big', { consumers: 40, capacity: 400 })])).toBe('big')
  })

  it('never places on an origin-only node (capacity 0) or a draining one', () => {
    expect(place([node('origin', { capacity: 0 }), node('leaving', { draining: true }), node('busy', { consumers: 90 })])).toBe('busy')
    expect(place([node('origin', { capacity: 0 }), node('leaving', { draining: true })])).toBeNull()
  })

  it('requires room for the whole viewer: consumers + pending + need ≤ capacity', () => {
    expect(place([node('a', { consumers: 98 })])).toBe('a')
    expect(place([node('a', { consumers: 99 })])).toBeNull()
    expect(place([node('a', { consumers: 96 })], 'self', new Map([['a', 2]]))).toBe('a')
    expect(place([node('a', { consumers: 96 })], 'self', new Map([['a', 4]]))).toBeNull()
    expect(place([])).toBeNull()
  })

  it('counts viewers placed since a node’s last heartbeat', () => {
    const nodes = [node('a', { consumers: 10 }), node('b', { consumers: 20 })]
    expect(place(nodes)).toBe('a')
    expect(place(nodes, 'self', new Map([['a', 12]]))).toBe('b')
  })

  it('spares a node whose CPU is busier than its consumer share says', () => {
    // a: 10 % of capacity but 70 % CPU (say, an origin's producers); b: 50 % of capacity, 20 % CPU.
    expect(place([node('a', { consumers: 10, cpu: 0.7 }), node('b', { consumers: 50, cpu: 0.2 })])).toBe('b')
    // Without the CPU load a would win.
    expect(place([node('a', { consumers: 10, cpu: 0.05 }), node('b', { consumers: 50, cpu: 0.2 })])).toBe('a')
  })

  it('breaks ties in favour of this node, then by id', () => {
    expect(place([node('a'), node('self'), node('b')])).toBe('self')
    expect(place([node('c'), node('b'), node('a')], 'x')).toBe('a')
    // Equal within floating-point noise: 0.1 + 0.2 vs 0.3.
    expect(place([node('a', { cpu: 0.1 + 0.2 }), node('self', { cpu: 0.3 })])).toBe('self')
    expect(place([node('b', { cpu: 0.3 }), node('a', { cpu: 0.1 + 0.2 })], 'x')).toBe('a')
    // A real difference beats the preference for this node.
    expect(place([node('self', { consumers: 11 }), node('z', { consumers: 10 })])).toBe('z')
  })
})

describe('PendingPlacements', () => {
  it('holds each placement for its time, then drops it by itself', () => {
    vi.useFakeTimers()
    try {
      const pending = new PendingPlacements()
      pending.hold('a', 2, 2000)
      pending.hold('a', 2, 2000)
      vi.advanceTimersByTime(500)
      pending.hold('b', 2, 2000)
      expect(new Map(pending.view)).toEqual(
        new Map([
          ['a', 4],
          ['b', 2],
        ]),
      )
      vi.advanceTimersByTime(1500)
      expect(new Map(pending.view)).toEqual(new Map([['b', 2]]))
      // The view is live: placeViewer reads the current counts.
      const nodes = [node('a', { consumers: 10 }), node('b', { consumers: 10 })]
      expect(place(nodes, 'self', pending.view)).toBe('a')
      pending.hold('a', 4, 2000)
      expect(place(nodes, 'self', pending.view)).toBe('b')
      vi.advanceTimersByTime(2000)
      expect(pending.view.size).toBe(0)
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('CPU in placement', () => {
  it('ignores the few percent an idle worker uses: equally empty nodes go by id', () => {
    expect(place([node('c', { cpu: 0.004 }), node('b', { cpu: 0.03 })], 'x')).toBe('b')
    expect(place([node('c', { cpu: 0.0 }), node('b', { cpu: 0.12 })], 'x')).toBe('c')
  })
})
