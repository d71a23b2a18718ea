import { describe, expect, it } from 'vitest'
import { ExpiringCache } from './expiring-cache.ts'

function setup() {
  let now = 0
  const loads: string[] = []
  let fail = false
  const cache = new ExpiringCache<string>(
    1000,
    async (key) => {
      loads.push(key)
      if (fail) throw new Error('database down')
      return `${key}@${now}`
    },
    () => now,
  )
  return { cache, loads, advance: (ms: number) => (now += ms), failNext: (value: boolean) => (fail = value) }
}

describe('ExpiringCache', () => {
  it('loads once per ttl, and once for concurrent callers', async () => {
    const { cache, loads, advance } = setup()
    expect(await Promise.all([cache.get('a'), cache.get('a'), cache.get('a')])).toEqual(['a@0', 'a@0', 'a@0'])
    advance(999)
    expect(await cache.get('a')).toBe('a@0')
    advance(1)
    expect(await cache.get('a')).toBe('a@1000')
    expect(loads).toEqual(['a', 'a'])
  })

  it('forgets a value on invalidate or clear, and loads afresh on refresh', async () => {
    const { cache, loads } = setup()
    await cache.get('a')
    cache.invalidate('a')
    await cache.get('a')
    await cache.refresh('a')
    await cache.get('b')
    cache.clear()
    await cache.get('b')
    expect(loads).toEqual(['a', 'a', 'a', 'b', 'b'])
  })

  it('never keeps a value whose load was overtaken by an invalidation', async () => {
    let release: (value: string) => void = () => undefined
    const loads: string[] = []
    const cache = new ExpiringCache<string>(1000, async (key) => {
      loads.push(key)
      return loads.length === 1 ? new Promise<string>((resolve) => (release = resolve)) : 'fresh'
    })
    const stale = cache.refresh('a') // e.g. a join reading the session while a moderator changes it
    cache.invalidate('a') // the change commits and invalidates
    release('stale')
    expect(await stale).toBe('stale')
    expect(await cache.get('a')).toBe('fresh')
    expect(loads).toEqual(['a', 'a'])
  })

  it('does not remember a failed load', async () => {
    const { cache, loads, failNext } = setup()
    failNext(true)
    await expect(cache.get('a')).rejects.toThrow('database down')
    failNext(false)
    expect(await cache.get('a')).toBe('a@0')
    expect(loads).toEqual(['a', 'a'])
  })

  it('keeps different keys apart', async () => {
    const { cache } = setup()
    expect(await cache.get('a')).toBe('a@0')
    expect(await cache.get('b')).toBe('b@0')
  })
})
