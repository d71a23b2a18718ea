import { describe, expect, it } from 'vitest'
import { isNewReading, QUEUE_LIMIT, ScanQueue, type ScanStorage } from './scan-queue'

function memoryStorage(): ScanStorage & { data: Map<string, string> } {
  const data = new Map<string, string>()
  return { data, getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value) }
}

const scan = (scanId: string, code = 'fb1:x') => ({ scanId, code, scannedAt: 1_764_900_000_000, note: '' })

describe('ScanQueue', () => {
  it('keeps scans in order until each is answered, and one scan id once', () => {
    const queue = new ScanQueue(memoryStorage(), 'q')
    queue.add(scan('a-000001'))
    queue.add(scan('b-000002'))
    queue.add(scan('a-000001'))
    expect(queue.list().map((s) => s.scanId)).toEqual(['a-000001', 'b-000002'])
    expect(queue.remove('a-000001').map((s) => s.scanId)).toEqual(['b-000002'])
  })

  it('survives a reload (another queue object on the same storage) and keeps queues apart by key', () => {
    const storage = memoryStorage()
    new ScanQueue(storage, 'desk').add(scan('a-000001'))
    expect(new ScanQueue(storage, 'desk').list()).toEqual([scan('a-000001')])
    expect(new ScanQueue(storage, 'booth').list()).toEqual([])
  })

  it('reads hostile or broken storage as an empty queue and drops malformed entries', () => {
    const storage = memoryStorage()
    storage.setItem('q', '{not json')
    expect(new ScanQueue(storage, 'q').list()).toEqual([])
    storage.setItem('q', JSON.stringify([scan('ok-000001'), { scanId: 1 }, null, 'x', { ...scan('n-000001'), scannedAt: 'now' }]))
    expect(new ScanQueue(storage, 'q').list().map((s) => s.scanId)).toEqual(['ok-000001'])
  })

  it('keeps at most QUEUE_LIMIT scans, dropping the oldest', () => {
    const storage = memoryStorage()
    storage.setItem('q', JSON.stringify(Array.from({ length: QUEUE_LIMIT + 2 }, (_, i) => scan(`s-${String(i).padStart(6, '0')}`))))
    const queue = new ScanQueue(storage, 'q')
    queue.add(scan(`s-${String(QUEUE_LIMIT + 2).padStart(6, '0')}`))
    const list = queue.list()
    expect(list).toHaveLength(QUEUE_LIMIT)
    expect(list[0]?.scanId).toBe('s-000003')
  })
})

describe('isNewReading', () => {
  it('reads a badge held in front of the camera once, and again after it left for a while', () => {
    expect(isNewReading(null, 'a', 0)).toBe(true)
    expect(isNewReading({ code: 'a', seenAt: 0 }, 'a', 1000)).toBe(false)
    expect(isNewReading({ code: 'a', seenAt: 0 }, 'b', 1000)).toBe(true)
    expect(isNewReading({ code: 'a', seenAt: 0 }, 'a', 10_000)).toBe(true)
  })
})
