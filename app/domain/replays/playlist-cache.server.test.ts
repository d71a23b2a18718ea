import { describe, expect, it } from 'vitest'
import { ComposedPlaylistCache } from './playlist-cache.server'

describe('ComposedPlaylistCache', () => {
  it('composes once per recording within the age, shares a composition in flight, and composes again after', async () => {
    const cache = new ComposedPlaylistCache(1000)
    let compositions = 0
    const compose = () => Promise.resolve(`body ${++compositions}`)
    const [a, b] = await Promise.all([cache.get('r1', compose, 0), cache.get('r1', compose, 10)])
    expect([a, b]).toEqual(['body 1', 'body 1'])
    expect(await cache.get('r1', compose, 999)).toBe('body 1')
    expect(await cache.get('r2', compose, 999)).toBe('body 2')
    expect(await cache.get('r1', compose, 1000)).toBe('body 3')
  })

  it('does not keep a failed composition', async () => {
    const cache = new ComposedPlaylistCache(1000)
    await expect(cache.get('r1', () => Promise.reject(new Error('disk')), 0)).rejects.toThrow('disk')
    expect(await cache.get('r1', () => Promise.resolve('ok'), 1)).toBe('ok')
  })
})
