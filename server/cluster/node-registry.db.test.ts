import { randomUUID } from 'node:crypto'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { getLogger } from '../../app/utils/logger.server.ts'
import { closeRedisClient, connectWithin, createRedisClient, type RedisCommandClient } from '../../app/utils/redis.server.ts'
import { TcpProxy } from '../../tests/tcp-proxy.ts'
import { type MediaNode, MediaNodeRegistry } from './node-registry.ts'

// Several registries on one real Redis (TEST_REDIS_URL, exported by .ci/run when one answers), each
// under a prefix of its own test. Short heartbeats so liveness changes show within a fraction of a second.

const redisUrl = process.env.TEST_REDIS_URL
if (!redisUrl) console.info('server/cluster/node-registry.db.test.ts skipped: set TEST_REDIS_URL to a Redis to run it')

const HEARTBEAT_MS = 100
const TTL_MS = 400
// Timers on a loaded 2-core machine fire late; this much is scheduling, not the registry.
const SLACK_MS = 150

let commands: RedisCommandClient
const registries: MediaNodeRegistry[] = []
const clients: RedisCommandClient[] = []
const prefixes: string[] = []

const newPrefix = () => {
  const prefix = `tradecast-test-cluster-${randomUUID().slice(0, 8)}`
  prefixes.push(prefix)
  return prefix
}

async function startNode(prefix: string, id: string, options: { commands?: RedisCommandClient; consumers?: number; capacity?: number } = {}) {
  const registry = await MediaNodeRegistry.start({
    commands: options.commands ?? commands,
    prefix,
    self: { id, announcedAddress: `${id}.test:443`, pipeAddress: `127.0.0.${registries.length + 1}`, workers: 2, capacity: options.capacity ?? 500 },
    load: () => ({ consumers: options.consumers ?? 0, cpu: 0.25 }),
    heartbeatMs: HEARTBEAT_MS,
    ttlMs: TTL_MS,
  })
  registries.push(registry)
  return registry
}

const ids = (registry: MediaNodeRegistry) =>
  registry
    .nodes()
    .map((node) => node.id)
    .sort()

function nextEvent<E extends 'nodeup' | 'nodedown'>(
  registry: MediaNodeRegistry,
  event: E,
  matches: (value: E extends 'nodeup' ? MediaNode : string) => boolean,
) {
  return new Promise<{ value: E extends 'nodeup' ? MediaNode : string; at: number }>((resolve) => {
    const listener = (value: MediaNode | string) => {
      const typed = value as E extends 'nodeup' ? MediaNode : string
      if (!matches(typed)) return
      registry.off(event, listener as never)
      resolve({ value: typed, at: performance.now() })
    }
    registry.on(event, listener as never)
  })
}

describe.skipIf(!redisUrl)('MediaNodeRegistry on a real Redis', () => {
  beforeAll(async () => {
    commands = await connectWithin(createRedisClient(redisUrl!, 'test'), 5000, 'registry test')
  })

  afterEach(async () => {
    for (const registry of registries.splice(0)) await registry.close()
    for (const client of clients.splice(0)) await closeRedisClient(client)
  })

  afterAll(async () => {
    for (const prefix of prefixes) {
      const keys = await commands.keys(`${prefix}:*`)
      if (keys.length > 0) await commands.del(keys)
    }
    await closeRedisClient(commands)
  })

  it('lets every node see the others with their addresses and load, and itself with fresh local values', async () => {
    const prefix = newPrefix()
    const a = await startNode(prefix, 'node-a', { consumers: 40 })
    const aHearsB = nextEvent(a, 'nodeup', (node) => node.id === 'node-b')
    const b = await startNode(prefix, 'node-b', { consumers: 7, capacity: 0 })
    // b read a's entry at its start; a hears of b at its next poll.
    expect(ids(b)).toEqual(['node-a', 'node-b'])
    expect((await aHearsB).value).toMatchObject({ id: 'node-b', capacity: 0, consumers: 7 })
    const c = await startNode(prefix, 'node-c')
    await expect
      .poll(() => [ids(a), ids(b)], { timeout: 2000 })
      .toEqual([
        ['node-a', 'node-b', 'node-c'],
        ['node-a', 'node-b', 'node-c'],
      ])
    expect(ids(c)).toEqual(['node-a', 'node-b', 'node-c'])
    expect(c.node('node-a')).toEqual({
      id: 'node-a',
      announcedAddress: 'node-a.test:443',
      pipeAddress: '127.0.0.1',
      workers: 2,
      capacity: 500,
      consumers: 40,
      cpu: 0.25,
      draining: false,
      startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
    })
    expect(a.isAlive('node-c') && c.isAlive('node-a') && a.isAlive('node-a')).toBe(true)
    expect(a.isAlive('node-z')).toBe(false)
    expect(a.selfId).toBe('node-a')
  })

  it('tells the others at their next poll when a node closes', async () => {
    const prefix = newPrefix()
    const a = await startNode(prefix, 'node-a')
    const b = await startNode(prefix, 'node-b')
    await expect.poll(() => ids(a)).toEqual(['node-a', 'node-b'])
    const down = nextEvent(a, 'nodedown', (id) => id === 'node-b')
    const closedAt = performance.now()
    await b.close()
    const { at } = await down
    expect(at - closedAt).toBeLessThan(HEARTBEAT_MS + SLACK_MS)
    expect(ids(a)).toEqual(['node-a'])
    expect(a.isAlive('node-b')).toBe(false)
    // The closed node left no key or member behind.
    expect(await commands.exists(`${prefix}:node:node-b`)).toBe(0)
    expect(await commands.sMembers(`${prefix}:nodes`)).toEqual(['node-a'])
  })

  it('declares a node cut off from Redis down after the TTL; the cut-off node keeps its last view, and both recover', async () => {
    const prefix = newPrefix()
    const target = new URL(redisUrl!)
    const proxy = await TcpProxy.start({ host: target.hostname, port: Number(target.port || 6379) })
    const viaProxy = await connectWithin(createRedisClient(proxy.rewrite(redisUrl!), 'test (through a proxy)'), 5000, 'registry test')
    clients.push(viaProxy)
    try {
      const a = await startNode(prefix, 'node-a')
      const b = await startNode(prefix, 'node-b')
      const c = await startNode(prefix, 'node-c', { commands: viaProxy })
      await expect
        .poll(() => [ids(a), ids(b)])
        .toEqual([
          ['node-a', 'node-b', 'node-c'],
          ['node-a', 'node-b', 'node-c'],
        ])
      const aSeesDown = nextEvent(a, 'nodedown', (id) => id === 'node-c')
      const bSeesDown = nextEvent(b, 'nodedown', (id) => id === 'node-c')
      const cutAt = performance.now()
      await proxy.cut()
      const [downOnA, downOnB] = await Promise.all([aSeesDown, bSeesDown])
      for (const { at } of [downOnA, downOnB]) {
        // Its last entry was written at most one heartbeat before the cut, and lives for the TTL.
        expect(at - cutAt).toBeGreaterThan(TTL_MS - HEARTBEAT_MS - 20)
        expect(at - cutAt).toBeLessThan(TTL_MS + HEARTBEAT_MS + SLACK_MS)
      }
      // The expired member leaves the set too.
      await expect.poll(() => commands.sMembers(`${prefix}:nodes`)).not.toContain('node-c')
      // c cannot read: it keeps the last view rather than declaring everyone down.
      await new Promise((resolve) => setTimeout(resolve, TTL_MS))
      expect(ids(c)).toEqual(['node-a', 'node-b', 'node-c'])
      const aSeesUp = nextEvent(a, 'nodeup', (node) => node.id === 'node-c')
      await proxy.restore()
      await aSeesUp
      await expect.poll(() => ids(b), { timeout: 3000 }).toEqual(['node-a', 'node-b', 'node-c'])
      expect(ids(c)).toEqual(['node-a', 'node-b', 'node-c'])
    } finally {
      await proxy.close()
    }
  })

  it('shows a draining node as draining to the others from their next poll', async () => {
    const prefix = newPrefix()
    const a = await startNode(prefix, 'node-a')
    const b = await startNode(prefix, 'node-b')
    await expect.poll(() => a.node('node-b')?.draining).toBe(false)
    await b.setDraining()
    expect(b.node('node-b')?.draining).toBe(true)
    // Written at once: the entry in Redis says so before any further heartbeat.
    expect(JSON.parse((await commands.get(`${prefix}:node:node-b`)) ?? '{}')).toMatchObject({ draining: true })
    await expect.poll(() => a.node('node-b')?.draining, { timeout: HEARTBEAT_MS + SLACK_MS }).toBe(true)
    expect(ids(a)).toEqual(['node-a', 'node-b'])
  })

  it('skips malformed entries and keeps working', async () => {
    const prefix = newPrefix()
    await commands.set(`${prefix}:node:not-json`, '{oops', { expiration: { type: 'PX', value: 10_000 } })
    await commands.set(`${prefix}:node:wrong-shape`, JSON.stringify({ id: 'wrong-shape', capacity: 'lots' }), { expiration: { type: 'PX', value: 10_000 } })
    await commands.sAdd(`${prefix}:nodes`, ['not-json', 'wrong-shape'])
    const warn = vi.spyOn(getLogger(), 'warn')
    const a = await startNode(prefix, 'node-a')
    const b = await startNode(prefix, 'node-b')
    await expect.poll(() => ids(a)).toEqual(['node-a', 'node-b'])
    // A few more beats: still skipped, nothing thrown, the well-formed nodes still listed.
    await new Promise((resolve) => setTimeout(resolve, 3 * HEARTBEAT_MS))
    expect(ids(a)).toEqual(['node-a', 'node-b'])
    expect(ids(b)).toEqual(['node-a', 'node-b'])
    expect(a.isAlive('not-json') || a.isAlive('wrong-shape')).toBe(false)
    // Logged once per entry and reader, not at every beat.
    const skipped = warn.mock.calls.filter(([, message]) => message === 'media node registry: skipping a malformed node entry')
    warn.mockRestore()
    expect(skipped.map(([fields]) => (fields as { nodeId: string }).nodeId).sort()).toEqual(['not-json', 'not-json', 'wrong-shape', 'wrong-shape'])
  })
})
