import { describe, expect, it } from 'vitest'
import { placeConsumers } from './placement'

describe('placeConsumers', () => {
  it('uses the primary router while it has room', () => {
    expect(placeConsumers([{ id: 'a', workerIndex: 0, consumers: 0 }], 2, 500, 2)).toEqual({ kind: 'use', routerId: 'a' })
    expect(placeConsumers([{ id: 'a', workerIndex: 0, consumers: 498 }], 2, 500, 2)).toEqual({ kind: 'use', routerId: 'a' })
  })

  it('fans out to a router on an unused worker when the primary is full', () => {
    expect(placeConsumers([{ id: 'a', workerIndex: 0, consumers: 499 }], 2, 500, 2)).toEqual({ kind: 'fan-out' })
  })

  it('fills secondary routers before fanning out again', () => {
    const routers = [
      { id: 'a', workerIndex: 0, consumers: 500 },
      { id: 'b', workerIndex: 1, consumers: 10 },
    ]
    expect(placeConsumers(routers, 2, 500, 3)).toEqual({ kind: 'use', routerId: 'b' })
    expect(placeConsumers([routers[0]!, { ...routers[1]!, consumers: 500 }], 2, 500, 3)).toEqual({ kind: 'fan-out' })
  })

  it('overflows onto the least loaded router when every worker is used', () => {
    const routers = [
      { id: 'a', workerIndex: 0, consumers: 520 },
      { id: 'b', workerIndex: 1, consumers: 501 },
    ]
    expect(placeConsumers(routers, 2, 500, 2)).toEqual({ kind: 'overflow', routerId: 'b' })
    expect(placeConsumers([{ id: 'a', workerIndex: 0, consumers: 500 }], 2, 500, 1)).toEqual({ kind: 'overflow', routerId: 'a' })
  })
})
