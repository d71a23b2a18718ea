import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { defineJob, type JobDefinition } from './jobs.server'
import { RedisJobQueue } from './redis-queue.server'

// BullMQ on a real Redis (TEST_REDIS_URL, exported by .ci/run when one answers). Two queues with their own
// connections stand for two processes sharing the Redis; each test has a key prefix of its own.

const redisUrl = process.env.TEST_REDIS_URL
if (!redisUrl) console.info('app/domain/jobs/redis-queue.db.test.ts skipped: set TEST_REDIS_URL to a Redis to run it')

const open: RedisJobQueue[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((queue) => queue.close()))
})

function processes(count: number, definitions: ReadonlyArray<JobDefinition<never>>) {
  const prefix = `tc-test-${randomUUID().slice(0, 8)}`
  return Array.from({ length: count }, () => {
    const queue = new RedisJobQueue({ url: redisUrl!, prefix, definitions: definitions as unknown as Array<JobDefinition<unknown>>, onError: () => undefined })
    open.push(queue)
    return queue
  })
}

describe.skipIf(!redisUrl)('Redis job queue (BullMQ)', () => {
  it('two processes scheduling and reconciling the same jobs run each once, when due', async () => {
    const runs: Array<{ key: string; at: number }> = []
    const planned = Date.now() + 400
    const job = defineJob({
      name: `test.redis-${randomUUID().slice(0, 8)}`,
      data: z.object({ show: z.string() }),
      run: async (_data, { key }) => void runs.push({ key, at: Date.now() }),
      reconcile: async () => [
        { key: 'show-1:24h', runAt: new Date(planned), data: { show: 'show-1' } },
        { key: 'show-1:10m', runAt: new Date(planned + 100), data: { show: 'show-1' } },
      ],
    })
    const [a, b] = processes(2, [job as unknown as JobDefinition<never>]) as [RedisJobQueue, RedisJobQueue]
    await Promise.all([a.start(), b.start()])
    await Promise.all([
      a.schedule(job.name, { key: 'show-2:now-live', runAt: new Date(planned), data: { show: 'show-2' } }, 3),
      b.schedule(job.name, { key: 'show-2:now-live', runAt: new Date(planned), data: { show: 'show-2' } }, 3),
    ])
    await expect.poll(() => runs.length, { timeout: 10_000, interval: 50 }).toBe(3)
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect(runs.map((run) => run.key).sort()).toEqual(['show-1:10m', 'show-1:24h', 'show-2:now-live'])
    // Not before its instant (BullMQ's delay, measured on this clock).
    for (const run of runs) expect(run.at).toBeGreaterThanOrEqual(planned - 5)
  })

  it('a rescheduled job runs at its new instant only; a cancelled one never', async () => {
    const runs: string[] = []
    const job = defineJob({
      name: `test.redis-${randomUUID().slice(0, 8)}`,
      data: z.object({ v: z.number() }),
      run: async (data, { key }) => void runs.push(`${key}:${data.v}`),
    })
    const [queue] = processes(1, [job as unknown as JobDefinition<never>])
    await queue!.start()
    await queue!.schedule(job.name, { key: 'moved', runAt: new Date(Date.now() + 60_000), data: { v: 1 } }, 3)
    await queue!.schedule(job.name, { key: 'moved', runAt: new Date(Date.now() + 200), data: { v: 2 } }, 3)
    await queue!.schedule(job.name, { key: 'cancelled', runAt: new Date(Date.now() + 200), data: { v: 3 } }, 3)
    await queue!.cancel(job.name, 'cancelled')
    await expect.poll(() => runs.length, { timeout: 10_000, interval: 50 }).toBe(1)
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(runs).toEqual(['moved:2'])
  })

  it('a job rescheduled while it runs runs again at its new instant (the running one finishes)', async () => {
    const runs: string[] = []
    let release: () => void = () => undefined
    const held = new Promise<void>((resolve) => (release = resolve))
    const job = defineJob({
      name: `test.redis-${randomUUID().slice(0, 8)}`,
      data: z.object({ v: z.number() }),
      run: async (data, { key }) => {
        runs.push(`${key}:${data.v}:start`)
        if (data.v === 1) await held
      },
    })
    const [queue] = processes(1, [job as unknown as JobDefinition<never>])
    await queue!.start()
    await queue!.schedule(job.name, { key: 'busy', runAt: new Date(), data: { v: 1 } }, 3)
    await expect.poll(() => runs.length, { timeout: 10_000, interval: 20 }).toBe(1)
    // While the first run is active, the job moves (a show rescheduled during its reminder run).
    await queue!.schedule(job.name, { key: 'busy', runAt: new Date(Date.now() + 200), data: { v: 2 } }, 3)
    release()
    await expect.poll(() => runs, { timeout: 10_000, interval: 50 }).toEqual(['busy:1:start', 'busy:2:start'])
  })

  it('retries a failing job with its data, then counts it failed when attempts run out', async () => {
    const attempts: number[] = []
    const job = defineJob({
      name: `test.redis-${randomUUID().slice(0, 8)}`,
      data: z.object({ v: z.number() }),
      attempts: 2,
      run: async (_data, { attempt }) => {
        attempts.push(attempt)
        throw new Error('endpoint down')
      },
    })
    const [queue] = processes(1, [job as unknown as JobDefinition<never>])
    await queue!.start()
    await queue!.schedule(job.name, { key: 'x', runAt: new Date(), data: { v: 1 } }, 2)
    // The first retry waits JOB_RETRY_BASE_MS (10 s).
    await expect.poll(() => attempts.length, { timeout: 20_000, interval: 100 }).toBe(2)
    await expect.poll(() => queue!.countFailed(), { timeout: 5_000, interval: 100 }).toBe(1)
    expect(attempts).toEqual([1, 2])
  }, 30_000)
})
