import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createRedisClient, type RedisCommandClient } from '~/utils/redis.server'
import { mediaWorkersCheck, Readiness, readinessHttpStatus, redisCheck, type HealthCheck, type HealthStatus } from './health'

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

  it('times a hanging dependency out, and never starts a second call while the first is still hanging', async () => {
    const readiness = new Readiness({ timeoutMs: 30, cacheMs: 0 })
    const database = controlled('database', true)
    database.state.hang = true
    readiness.register(database.check)
    const reports = await Promise.all(Array.from({ length: 10 }, () => readiness.report()))
    for (const report of reports) expect(report).toMatchObject({ status: 'unavailable', checks: { database: { status: 'unavailable', detail: 'timeout' } } })
    expect(reports[0]!.checks.database!.latencyMs).toBeGreaterThanOrEqual(25)
    // Later probes (the cache has expired) wait on the same hanging call instead of adding another.
    await readiness.report()
    await readiness.report()
    expect(database.state.calls).toBe(1)
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
