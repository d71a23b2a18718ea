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

  it('forgets a value on invalidate and takes a value set from outside', async () => {
    const { cache, loads } = setup()
    await cache.get('a')
    cache.invalidate('a')
    await cache.get('a')
    cache.set('b', 'fresh b')
    expect(await cache.get('b')).toBe('fresh b')
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
