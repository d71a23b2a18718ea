import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { PrismaClient } from '~/generated/prisma/client'
import { createRedisClient } from '~/utils/redis.server'
import { openDatabase, targetFromUrl } from '../../prisma/engine/database'
import { TcpProxy } from '../../tests/tcp-proxy'
import { databaseCheck, Readiness, redisCheck } from './health'
import { createOperations, mountOperations } from './index'
import { OperationsMetrics } from './metrics'

// The probes over real HTTP, with the database and Redis reached through a loopback proxy the test cuts
// and restores: readiness says unavailable (503) / degraded (200) during the outage, liveness does not
// care, and the next probe after the dependency returns says ok, with no restart.

const CACHE_MS = 200
const cleanups: Array<() => unknown> = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

async function serve(readiness: Readiness): Promise<string> {
  const app = express()
  mountOperations(app, createOperations({ readiness, metrics: new OperationsMetrics(), metricsToken: null }))
  const server: Server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  cleanups.push(() => new Promise((resolve) => server.close(resolve)))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

async function probe(base: string, path: string) {
  const response = await fetch(`${base}${path}`)
  return { status: response.status, body: (await response.json()) as { status: string; checks?: Record<string, { status: string; detail?: string }> } }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const databaseUrl = process.env.DATABASE_URL
describe.skipIf(!databaseUrl)('readiness with PostgreSQL refusing connections', () => {
  let proxy: TcpProxy
  let prisma: PrismaClient
  let closeDatabase: () => Promise<void>

  beforeAll(async () => {
    const url = new URL(databaseUrl!)
    proxy = await TcpProxy.start({ host: url.hostname, port: Number(url.port || 5432) })
    const database = await openDatabase(targetFromUrl(proxy.rewrite(databaseUrl!)))
    prisma = new PrismaClient({ adapter: database.adapter })
    closeDatabase = async () => {
      await prisma.$disconnect()
      await database.close()
    }
  })

  afterAll(async () => {
    await proxy.restore()
    await closeDatabase()
    await proxy.cut()
  })

  it('answers 503 unavailable while the database is gone, keeps liveness at 200, and ok again once it returns', async () => {
    const readiness = new Readiness({ cacheMs: CACHE_MS })
    readiness.register(databaseCheck(() => prisma.$queryRaw`SELECT 1`))
    const base = await serve(readiness)

    expect(await probe(base, '/healthz/ready')).toMatchObject({ status: 200, body: { status: 'ok', checks: { database: { status: 'ok' } } } })

    await proxy.cut()
    await pause(CACHE_MS + 10)
    const down = await probe(base, '/healthz/ready')
    expect(down).toMatchObject({ status: 503, body: { status: 'unavailable', checks: { database: { status: 'unavailable' } } } })
    expect(['error', 'timeout']).toContain(down.body.checks?.database?.detail)
    // /healthz is the readiness answer too (Playwright's webServer and the e2e helpers wait on it).
    expect((await probe(base, '/healthz')).status).toBe(503)
    expect(await probe(base, '/healthz/live')).toMatchObject({ status: 200, body: { status: 'ok' } })

    await proxy.restore()
    await pause(CACHE_MS + 10)
    expect(await probe(base, '/healthz/ready')).toMatchObject({ status: 200, body: { status: 'ok', checks: { database: { status: 'ok' } } } })
  })
})

const redisUrl = process.env.TEST_REDIS_URL
describe.skipIf(!redisUrl)('readiness with Redis dropping out', () => {
  it('answers 200 degraded while Redis is gone and ok again when it is back', async () => {
    const url = new URL(redisUrl!)
    const proxy = await TcpProxy.start({ host: url.hostname, port: Number(url.port || 6379) })
    cleanups.push(() => proxy.cut())
    const client = createRedisClient(proxy.rewrite(redisUrl!), 'test')
    await client.connect()
    cleanups.push(() => client.destroy())

    const readiness = new Readiness({ cacheMs: CACHE_MS })
    readiness.register({ name: 'database', critical: true, run: () => Promise.resolve({ status: 'ok' }) })
    readiness.register(redisCheck(() => [{ role: 'shared', client }]))
    const base = await serve(readiness)
    expect(await probe(base, '/healthz/ready')).toMatchObject({ status: 200, body: { status: 'ok' } })

    await proxy.cut()
    await pause(CACHE_MS + 10)
    expect(await probe(base, '/healthz/ready')).toMatchObject({
      status: 200,
      body: { status: 'degraded', checks: { database: { status: 'ok' }, redis: { status: 'unavailable', detail: 'down:shared' } } },
    })
    expect((await probe(base, '/healthz/live')).status).toBe(200)

    await proxy.restore()
    // node-redis reconnects by itself (backing off); the first probe after it has says ok.
    const deadline = Date.now() + 10_000
    while (!client.isReady && Date.now() < deadline) await pause(50)
    await pause(CACHE_MS + 10)
    expect(await probe(base, '/healthz/ready')).toMatchObject({ status: 200, body: { status: 'ok', checks: { redis: { status: 'ok' } } } })
  })
})
