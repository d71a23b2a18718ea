import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterEach, describe, expect, it } from 'vitest'
import { createRedisClient, type RedisCommandClient } from '~/utils/redis.server'
import { mediaWorkersCheck, Readiness, readinessHttpStatus, redisCheck, type HealthCheck, type HealthStatus } from './health'
import { createOperations, mountOperations } from './index'
import { OperationsMetrics } from './metrics'

const cleanups: Array<() => unknown> = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

/** A check whose answer the test sets; counts its calls. */
function controlled(name: string, critical: boolean) {
  const state = { status: 'ok' as HealthStatus, calls: 0, hang: false }
  const check: HealthCheck = {
    name,
    critical,
    run: () => {
      state.calls++
      if (state.hang) return new Promise(() => undefined)
      return state.status === 'ok' ? Promise.resolve({ status: 'ok' }) : Promise.reject(new Error(`password=hunter2 at ${name}`))
    },
  }
  return { state, check }
}

function clock() {
  const now = { ms: 0 }
  return { now, read: () => now.ms }
}

describe('Readiness', () => {
  it('is unavailable (503) when a critical check fails, degraded (200) when only an optional one does, ok again after', async () => {
    const time = clock()
    const readiness = new Readiness({ now: time.read })
    const database = controlled('database', true)
    const redis = controlled('redis', false)
    readiness.register(database.check)
    readiness.register(redis.check)

    let report = await readiness.report()
    expect(report).toMatchObject({ status: 'ok', checks: { database: { status: 'ok' }, redis: { status: 'ok' } } })
    expect(readinessHttpStatus(report)).toBe(200)

    redis.state.status = 'unavailable'
    time.now.ms += 1001
    report = await readiness.report()
    expect(report).toMatchObject({ status: 'degraded', checks: { database: { status: 'ok' }, redis: { status: 'unavailable', detail: 'error' } } })
    expect(readinessHttpStatus(report)).toBe(200)

    database.state.status = 'unavailable'
    time.now.ms += 1001
    report = await readiness.report()
    expect(report.status).toBe('unavailable')
    expect(readinessHttpStatus(report)).toBe(503)
    // The error's message (which could carry a secret) never reaches the answer.
    expect(JSON.stringify(report)).not.toContain('hunter2')

    database.state.status = 'ok'
    redis.state.status = 'ok'
    time.now.ms += 1001
    expect((await readiness.report()).status).toBe('ok')
  })

  it('answers from a result at most one second old, so probes do not reach the dependency each time', async () => {
    const time = clock()
    const readiness = new Readiness({ now: time.read })
    const database = controlled('database', true)
    readiness.register(database.check)
    await readiness.report()
    await Promise.all(Array.from({ length: 20 }, () => readiness.report()))
    time.now.ms += 999
    await readiness.report()
    expect(database.state.calls).toBe(1)
    time.now.ms += 2
    await readiness.report()
    expect(database.state.calls).toBe(2)
  })

  it('times a hanging dependency out, and does not start a second call while the first is younger than three timeouts', async () => {
    const time = clock()
    const readiness = new Readiness({ timeoutMs: 30, cacheMs: 0, now: time.read })
    const database = controlled('database', true)
    database.state.hang = true
    readiness.register(database.check)
    const reports = await Promise.all(Array.from({ length: 10 }, () => readiness.report()))
    for (const report of reports) expect(report).toMatchObject({ status: 'unavailable', checks: { database: { status: 'unavailable', detail: 'timeout' } } })
    // Later probes (the cache has expired) wait on the same hanging call instead of adding another.
    time.now.ms += 89
    await readiness.report()
    await readiness.report()
    expect(database.state.calls).toBe(1)
  })

  it('abandons a call still hanging after three timeouts and starts a fresh one, so a dependency that is back says ok', async () => {
    const time = clock()
    const readiness = new Readiness({ timeoutMs: 30, cacheMs: 0, now: time.read })
    const database = controlled('database', true)
    database.state.hang = true
    readiness.register(database.check)
    expect(await readiness.report()).toMatchObject({ status: 'unavailable', checks: { database: { detail: 'timeout' } } })
    expect(database.state.calls).toBe(1)

    // The dependency is back, but the first call (on a dropped connection) never settles.
    database.state.hang = false
    time.now.ms += 90
    expect(await readiness.report()).toMatchObject({ status: 'ok', checks: { database: { status: 'ok' } } })
    expect(database.state.calls).toBe(2)
    // The fresh call settled: the next probe starts another one rather than waiting on the abandoned call.
    await readiness.report()
    expect(database.state.calls).toBe(3)
  })

  it('answers unavailable without asking any dependency once draining starts', async () => {
    const readiness = new Readiness({ cacheMs: 0 })
    const database = controlled('database', true)
    readiness.register(database.check)
    expect((await readiness.report()).status).toBe('ok')
    readiness.startDraining()
    const report = await readiness.report()
    expect(report).toEqual({ status: 'unavailable', checks: { draining: { status: 'unavailable', latencyMs: 0 } } })
    expect(readinessHttpStatus(report)).toBe(503)
    expect(database.state.calls).toBe(1)
  })
})

describe('probes of a draining process', () => {
  it('answers 503 on readiness once draining starts, while liveness stays 200', async () => {
    const readiness = new Readiness({ cacheMs: 0 })
    readiness.register({ name: 'database', critical: true, run: () => Promise.resolve({ status: 'ok' }) })
    const app = express()
    mountOperations(app, createOperations({ readiness, metrics: new OperationsMetrics(), metricsToken: null }))
    const server = app.listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    cleanups.push(() => new Promise((resolve) => server.close(resolve)))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const probe = async (path: string) => {
      const response = await fetch(`${base}${path}`)
      return { status: response.status, body: (await response.json()) as unknown }
    }

    expect(await probe('/healthz/ready')).toMatchObject({ status: 200, body: { status: 'ok' } })
    readiness.startDraining()
    expect(await probe('/healthz/ready')).toEqual({
      status: 503,
      body: { status: 'unavailable', checks: { draining: { status: 'unavailable', latencyMs: 0 } } },
    })
    expect((await probe('/healthz')).status).toBe(503)
    expect(await probe('/healthz/live')).toMatchObject({ status: 200, body: { status: 'ok' } })
  })
})

describe('redisCheck', () => {
  it('says unavailable (so the process is degraded, not down) while Redis does not answer', async () => {
    // A loopback port with nothing listening.
    const probe = createServer()
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
    const port = (probe.address() as AddressInfo).port
    await new Promise((resolve) => probe.close(resolve))
    const client: RedisCommandClient = createRedisClient(`redis://127.0.0.1:${port}`, 'test')
    client.connect().catch(() => undefined)
    cleanups.push(() => client.destroy())

    const readiness = new Readiness()
    readiness.register({ name: 'database', critical: true, run: () => Promise.resolve({ status: 'ok' }) })
    readiness.register(redisCheck(() => [{ role: 'shared', client }]))
    const report = await readiness.report()
    expect(report).toMatchObject({ status: 'degraded', checks: { database: { status: 'ok' }, redis: { status: 'unavailable', detail: 'down:shared' } } })
    expect(readinessHttpStatus(report)).toBe(200)
  })
})

describe('mediaWorkersCheck', () => {
  const worker = (closed: boolean, answers = true) => ({
    closed,
    getResourceUsage: () => (answers ? Promise.resolve({}) : new Promise(() => undefined)),
  })
  const pool = (workers: Array<ReturnType<typeof worker>>) => ({ size: workers.length, workerAt: (index: number) => workers[index]! })

  it('is ok with every worker, degraded while one is replaced or does not answer, unavailable with none alive', async () => {
    expect(await mediaWorkersCheck(pool([worker(false), worker(false)])).run()).toEqual({ status: 'ok', detail: 'workers:2/2' })
    expect(await mediaWorkersCheck(pool([worker(true), worker(false)])).run()).toEqual({ status: 'degraded', detail: 'workers:1/2' })
    expect(await mediaWorkersCheck(pool([worker(false, false), worker(false)]), 20).run()).toEqual({ status: 'degraded', detail: 'workers:1/2' })
    expect(await mediaWorkersCheck(pool([worker(true), worker(true)])).run()).toEqual({ status: 'unavailable', detail: 'workers:0/2' })
  })
})
