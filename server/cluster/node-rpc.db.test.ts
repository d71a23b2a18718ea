import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { closeRedisClient, connectWithin, createRedisClient, type RedisCommandClient } from '../../app/utils/redis.server.ts'
import { getLogger } from '../../app/utils/logger.server.ts'
import { MediaError } from '../media/peer.ts'
import { NodeRpc, RpcError } from './node-rpc.ts'

// Two (or three) rpc endpoints on one real Redis (TEST_REDIS_URL, exported by .ci/run when one answers),
// each test under a prefix of its own.

const redisUrl = process.env.TEST_REDIS_URL
if (!redisUrl) console.info('server/cluster/node-rpc.db.test.ts skipped: set TEST_REDIS_URL to a Redis to run it')

let commands: RedisCommandClient
const endpoints: NodeRpc[] = []
const clients: RedisCommandClient[] = []

async function pair(): Promise<{ a: NodeRpc; b: NodeRpc; prefix: string }> {
  const prefix = `tradecast-test-rpc-${randomUUID().slice(0, 8)}`
  const a = await NodeRpc.start({ commands, url: redisUrl!, prefix, nodeId: 'node-a' })
  const b = await NodeRpc.start({ commands, url: redisUrl!, prefix, nodeId: 'node-b' })
  endpoints.push(a, b)
  return { a, b, prefix }
}

/** The RpcError a call fails with (a call that succeeds fails the test). */
async function refusal(call: Promise<unknown>): Promise<RpcError> {
  try {
    await call
  } catch (error) {
    if (error instanceof RpcError) return error
    throw error
  }
  throw new Error('the call succeeded')
}

const sumSchema = z.object({ numbers: z.array(z.number()).max(10) })

describe.skipIf(!redisUrl)('NodeRpc on a real Redis', () => {
  beforeAll(async () => {
    commands = await connectWithin(createRedisClient(redisUrl!, 'test'), 5000, 'rpc test')
  })

  afterEach(async () => {
    for (const endpoint of endpoints.splice(0)) await endpoint.close()
    for (const client of clients.splice(0)) await closeRedisClient(client)
  })

  afterAll(async () => {
    await closeRedisClient(commands)
  })

  it('answers a call from another node with the validated payload and the caller’s id', async () => {
    const { a, b } = await pair()
    const seen: Array<{ payload: unknown; from: string }> = []
    b.serve('sum', sumSchema, (payload, from) => {
      seen.push({ payload, from })
      return Promise.resolve({ total: payload.numbers.reduce((sum, n) => sum + n, 0), on: b.nodeId })
    })
    expect(await a.call('node-b', 'sum', { numbers: [1, 2, 39] })).toEqual({ total: 42, on: 'node-b' })
    expect(seen).toEqual([{ payload: { numbers: [1, 2, 39] }, from: 'node-a' }])
    // A handler that answers nothing answers undefined.
    b.serve('nothing', z.object({}), () => Promise.resolve(undefined))
    expect(await a.call('node-b', 'nothing', {})).toBeUndefined()
  })

  it('carries the handler’s error codes; other failures become internal with a generic message', async () => {
    const { a, b } = await pair()
    b.serve('full', z.object({}), () => Promise.reject(new MediaError('too-many', 'this node has no room for another viewer')))
    b.serve('broken', z.object({}), () => Promise.reject(new Error('secret detail: /var/lib/node-b')))
    b.serve('bigint', z.object({}), () => Promise.resolve({ n: 1n }))
    const full = await refusal(a.call('node-b', 'full', {}))
    expect([full.code, full.message]).toEqual(['too-many', 'this node has no room for another viewer'])
    const error = vi.spyOn(getLogger(), 'error')
    const broken = await refusal(a.call('node-b', 'broken', {}))
    expect(broken.code).toBe('internal')
    expect(broken.message).not.toContain('secret')
    // The serving side logged the real error.
    expect(error.mock.calls.some(([fields]) => (fields as { err?: Error }).err?.message === 'secret detail: /var/lib/node-b')).toBe(true)
    // A result JSON cannot carry is a failure of the handler too.
    expect((await refusal(a.call('node-b', 'bigint', {}))).code).toBe('internal')
    error.mockRestore()
  })

  it('refuses an invalid payload and an unknown method without running anything', async () => {
    const { a, b } = await pair()
    let ran = 0
    b.serve('sum', sumSchema, () => Promise.resolve(++ran))
    const invalid = await refusal(a.call('node-b', 'sum', { numbers: ['one'] }))
    expect(invalid.code).toBe('invalid')
    expect(invalid.message).toContain('numbers')
    expect((await refusal(a.call('node-b', 'sum', { numbers: Array.from({ length: 11 }, () => 1) }))).code).toBe('invalid')
    expect((await refusal(a.call('node-b', 'subtract', {}))).code).toBe('unknown-method')
    // A payload JSON cannot carry never leaves the caller.
    expect((await refusal(a.call('node-b', 'sum', { numbers: [1n] }))).code).toBe('invalid')
    expect(ran).toBe(0)
  })

  it('times out a call nobody answers in time, and ignores the late answer', async () => {
    const { a, b } = await pair()
    let release: () => void = () => undefined
    b.serve('slow', z.object({}), () => new Promise<string>((resolve) => (release = () => resolve('late'))))
    const startedAt = performance.now()
    const timedOut = await refusal(a.call('node-b', 'slow', {}, { timeoutMs: 200 }))
    expect(timedOut.code).toBe('timeout')
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(195)
    release()
    // The late answer finds no call; the next call is answered normally.
    b.serve('fast', z.object({}), () => Promise.resolve('fast'))
    expect(await a.call('node-b', 'fast', {})).toBe('fast')
  })

  it('fails every call waiting on a node at once when it is declared down, and only those', async () => {
    const { a, b, prefix } = await pair()
    const c = await NodeRpc.start({ commands, url: redisUrl!, prefix, nodeId: 'node-c' })
    endpoints.push(c)
    b.serve('hang', z.object({}), () => new Promise(() => undefined))
    c.serve('later', z.object({}), () => new Promise((resolve) => setTimeout(() => resolve('from c'), 300)))
    const onB = [a.call('node-b', 'hang', {}, { timeoutMs: 10_000 }), a.call('node-b', 'hang', {}, { timeoutMs: 10_000 })]
    const onC = a.call('node-c', 'later', {}, { timeoutMs: 10_000 })
    // Both requests have reached b (a handler is running) before it is declared down.
    await new Promise((resolve) => setTimeout(resolve, 50))
    const downAt = performance.now()
    a.nodeDown('node-b')
    const errors = await Promise.all(onB.map(refusal))
    expect(errors.map((error) => error.code)).toEqual(['node-down', 'node-down'])
    expect(performance.now() - downAt).toBeLessThan(50)
    expect(await onC).toBe('from c')
  })

  it('fails at once a call to a node nobody listens for', async () => {
    const { a } = await pair()
    const startedAt = performance.now()
    expect((await refusal(a.call('node-gone', 'sum', { numbers: [] }, { timeoutMs: 5000 }))).code).toBe('unreachable')
    expect(performance.now() - startedAt).toBeLessThan(1000)
  })

  it('runs a call to itself directly, with the same validation and errors, even without Redis', async () => {
    const prefix = `tradecast-test-rpc-${randomUUID().slice(0, 8)}`
    const own = await connectWithin(createRedisClient(redisUrl!, 'test (own)'), 5000, 'rpc test')
    clients.push(own)
    const a = await NodeRpc.start({ commands: own, url: redisUrl!, prefix, nodeId: 'node-a' })
    endpoints.push(a)
    a.serve('sum', sumSchema, (payload, from) => Promise.resolve({ total: payload.numbers.reduce((sum, n) => sum + n, 0), from, at: new Date(0) }))
    a.serve('full', z.object({}), () => Promise.reject(new MediaError('too-many', 'no room')))
    // The command connection is gone: anything sent through Redis would fail.
    own.destroy()
    expect((await refusal(a.call('node-b', 'sum', { numbers: [] }))).code).toBe('unreachable')
    // Through JSON as from another node: the Date arrives as its ISO string.
    expect(await a.call('node-a', 'sum', { numbers: [20, 22] })).toEqual({ total: 42, from: 'node-a', at: '1970-01-01T00:00:00.000Z' })
    expect((await refusal(a.call('node-a', 'sum', { numbers: 'x' }))).code).toBe('invalid')
    expect((await refusal(a.call('node-a', 'minus', {}))).code).toBe('unknown-method')
    expect((await refusal(a.call('node-a', 'full', {}))).code).toBe('too-many')
  })

  it('answers 100 concurrent calls each with its own result, in whatever order the handlers finish', async () => {
    const { a, b } = await pair()
    b.serve('square', z.object({ n: z.number().int() }), async ({ n }) => {
      // Later requests finish first now and then, so answers come back out of order.
      await new Promise((resolve) => setTimeout(resolve, (n * 37) % 50))
      return { n, square: n * n }
    })
    const calls = Array.from({ length: 100 }, (_, n) => a.call<{ n: number; square: number }>('node-b', 'square', { n }))
    const results = await Promise.all(calls)
    expect(results).toEqual(Array.from({ length: 100 }, (_, n) => ({ n, square: n * n })))
  })

  it('runs notifications without answering, and drops malformed messages on its channels', async () => {
    const { a, b, prefix } = await pair()
    const heard: number[] = []
    b.serve('tick', z.object({ n: z.number() }), ({ n }) => {
      heard.push(n)
      return Promise.resolve()
    })
    const warn = vi.spyOn(getLogger(), 'warn')
    await commands.publish(`${prefix}:rpc:node-b`, 'not json')
    await commands.publish(`${prefix}:rpc:node-b`, JSON.stringify({ kind: 'request', method: 'tick' }))
    await commands.publish(`${prefix}:rpc-reply:node-a`, JSON.stringify({ kind: 'reply', id: 'x', ok: 'maybe' }))
    a.notify('node-b', 'tick', { n: 1 })
    a.notify('node-b', 'tick', { n: 'two' })
    a.notify('node-b', 'tick', { n: 3 })
    await expect.poll(() => heard).toEqual([1, 3])
    expect(await a.call('node-b', 'tick', { n: 4 })).toBeUndefined()
    const dropped = warn.mock.calls.map(([, message]) => message).filter((message) => String(message).includes('dropping a malformed'))
    warn.mockRestore()
    expect(dropped.sort()).toEqual([
      'media node rpc: dropping a malformed answer',
      'media node rpc: dropping a malformed request',
      'media node rpc: dropping a malformed request',
    ])
  })

  it('fails pending calls with closed on close, and refuses calls afterwards', async () => {
    const { a, b } = await pair()
    b.serve('hang', z.object({}), () => new Promise(() => undefined))
    const pending = a.call('node-b', 'hang', {})
    await new Promise((resolve) => setTimeout(resolve, 50))
    await a.close()
    expect((await refusal(pending)).code).toBe('closed')
    expect((await refusal(a.call('node-b', 'hang', {}))).code).toBe('closed')
    // b no longer hears calls for a closed a: a's channels have no subscriber.
    expect((await refusal(b.call('node-a', 'anything', {}))).code).toBe('unreachable')
  })
})
