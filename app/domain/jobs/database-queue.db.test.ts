import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { countFailedJobs, DatabaseJobRunner, databaseJobStore, DONE_JOB_RETENTION_MS, pruneDoneJobs, reconcileJobs } from './database-queue.server'
import { defineJob, retryDelayMs, scheduleJob, type JobDefinition } from './jobs.server'

// The embedded default's queue on a real database (PGlite here, PostgreSQL in the db project). Each test
// defines job kinds of its own (a fresh name), so runners see only that test's jobs.

beforeAll(async () => {
  await getPrisma()
})
afterAll(async () => {
  await disconnectPrisma()
})

const T0 = new Date('2026-03-28T23:00:00.000Z')
const at = (ms: number) => new Date(T0.getTime() + ms)

function recordingJob(runs: Array<{ key: string; n: number; at: string; attempt: number }>, options: { failTimes?: number; attempts?: number } = {}) {
  let failures = 0
  return defineJob({
    name: `test.job-${randomUUID().slice(0, 8)}`,
    data: z.object({ n: z.number().int() }),
    attempts: options.attempts ?? 3,
    run: async (data, { now, key, attempt }) => {
      if (failures < (options.failTimes ?? 0)) {
        failures += 1
        throw new Error(`planned failure ${failures}`)
      }
      runs.push({ key, n: data.n, at: now.toISOString(), attempt })
    },
  })
}

function runnerFor(...definitions: Array<JobDefinition<{ n: number }>>) {
  return new DatabaseJobRunner({ definitions: definitions as unknown as Array<JobDefinition<unknown>>, clock: () => T0, onError: () => undefined })
}

describe('database job queue', () => {
  it('runs a job once when it falls due, not before', async () => {
    const runs: Array<{ key: string; n: number; at: string; attempt: number }> = []
    const job = recordingJob(runs)
    await scheduleJob(job, { key: 'a', runAt: at(60_000), data: { n: 1 } })
    const runner = runnerFor(job)

    expect(await runner.runDue(at(59_999))).toEqual({ ran: 0, failed: 0 })
    expect(await runner.runDue(at(60_000))).toEqual({ ran: 1, failed: 0 })
    expect(await runner.runDue(at(120_000))).toEqual({ ran: 0, failed: 0 })
    expect(runs).toEqual([{ key: 'a', n: 1, at: at(60_000).toISOString(), attempt: 1 }])
  })

  it('the same key replaces the job; the same runAt keeps a done job done', async () => {
    const runs: Array<{ key: string; n: number; at: string; attempt: number }> = []
    const job = recordingJob(runs)
    const runner = runnerFor(job)
    await scheduleJob(job, { key: 'show-1', runAt: at(1_000), data: { n: 1 } })
    await scheduleJob(job, { key: 'show-1', runAt: at(5_000), data: { n: 2 } }) // the show moved
    expect(await runner.runDue(at(1_000))).toEqual({ ran: 0, failed: 0 })
    expect(await runner.runDue(at(5_000))).toEqual({ ran: 1, failed: 0 })
    // A reconcile (or a second process) schedules the same job again: it stays done.
    await scheduleJob(job, { key: 'show-1', runAt: at(5_000), data: { n: 2 } })
    expect(await runner.runDue(at(10_000))).toEqual({ ran: 0, failed: 0 })
    expect(runs.map((run) => run.n)).toEqual([2])
  })

  it('cancelled jobs never run', async () => {
    const runs: Array<{ key: string; n: number; at: string; attempt: number }> = []
    const job = recordingJob(runs)
    await scheduleJob(job, { key: 'gone', runAt: at(0), data: { n: 1 } })
    await databaseJobStore.cancel(job.name, 'gone')
    expect(await runnerFor(job).runDue(at(1_000))).toEqual({ ran: 0, failed: 0 })
    expect(runs).toEqual([])
  })

  it('retries with exponential backoff and gives up after its attempts, counted as failed', async () => {
    const runs: Array<{ key: string; n: number; at: string; attempt: number }> = []
    const flaky = recordingJob(runs, { failTimes: 2, attempts: 3 })
    const doomed = recordingJob([], { failTimes: 99, attempts: 2 })
    const runner = runnerFor(flaky, doomed)
    const failedBefore = await countFailedJobs()
    await scheduleJob(flaky, { key: 'f', runAt: at(0), data: { n: 7 } })
    await scheduleJob(doomed, { key: 'd', runAt: at(0), data: { n: 0 } })

    expect(await runner.runDue(at(0))).toEqual({ ran: 2, failed: 2 })
    // First retry after 10 s, second 20 s after that.
    expect(await runner.runDue(at(retryDelayMs(1) - 1))).toEqual({ ran: 0, failed: 0 })
    expect(await runner.runDue(at(retryDelayMs(1)))).toEqual({ ran: 2, failed: 2 })
    expect(await runner.runDue(at(retryDelayMs(1) + retryDelayMs(2)))).toEqual({ ran: 1, failed: 0 })
    expect(runs).toEqual([{ key: 'f', n: 7, at: at(retryDelayMs(1) + retryDelayMs(2)).toISOString(), attempt: 3 }])
    expect(await countFailedJobs()).toBe(failedBefore + 1)
    const prisma = await getPrisma()
    const row = await prisma.scheduledJob.findUniqueOrThrow({ where: { name_key: { name: doomed.name, key: 'd' } } })
    expect(row).toMatchObject({ attempts: 2, doneAt: null, lastError: 'Error: planned failure 2' })
  })

  it('survives a restart: a new runner runs what the stopped one left, once; reconcile adds nothing twice', async () => {
    const runs: Array<{ key: string; n: number; at: string; attempt: number }> = []
    const job = defineJob({
      name: `test.restart-${randomUUID().slice(0, 8)}`,
      data: z.object({ n: z.number().int() }),
      run: async (data, { key, now }) => void runs.push({ key, n: data.n, at: now.toISOString(), attempt: 1 }),
      // What the data says should exist: two reminders of one show.
      reconcile: async () => [
        { key: 'r-24h', runAt: at(1_000), data: { n: 24 } },
        { key: 'r-10m', runAt: at(2_000), data: { n: 10 } },
      ],
    })
    const definitions = [job] as unknown as Array<JobDefinition<unknown>>
    expect(await reconcileJobs(databaseJobStore, definitions, T0)).toBe(2)
    const first = new DatabaseJobRunner({ definitions, clock: () => T0 })
    expect(await first.runDue(at(1_500))).toEqual({ ran: 1, failed: 0 })
    await first.stop()

    // The restart: the next process reconciles again (same jobs, same instants) and runs what is due.
    expect(await reconcileJobs(databaseJobStore, definitions, at(3_000))).toBe(2)
    const second = new DatabaseJobRunner({ definitions, clock: () => at(3_000) })
    expect(await second.runDue(at(3_000))).toEqual({ ran: 1, failed: 0 })
    expect(await second.runDue(at(9_000))).toEqual({ ran: 0, failed: 0 })
    expect(runs.map((run) => [run.key, run.at])).toEqual([
      ['r-24h', at(1_500).toISOString()],
      ['r-10m', at(3_000).toISOString()],
    ])
  })

  it('two runners at once run each job once', async () => {
    const runs: Array<{ key: string; n: number; at: string; attempt: number }> = []
    const job = recordingJob(runs)
    for (let n = 0; n < 30; n++) await scheduleJob(job, { key: `k${n}`, runAt: at(0), data: { n } })
    const reports = await Promise.all([runnerFor(job).runDue(at(0)), runnerFor(job).runDue(at(0))])
    expect(reports[0].ran + reports[1].ran).toBe(30)
    expect(runs.map((run) => run.n).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, n) => n))
  })

  it('the started runner wakes for a job scheduled in its own process', async () => {
    const runs: Array<{ key: string; n: number; at: string; attempt: number }> = []
    const job = recordingJob(runs)
    const runner = new DatabaseJobRunner({ definitions: [job] as unknown as Array<JobDefinition<unknown>>, pollMs: 60_000 })
    await runner.start()
    try {
      await scheduleJob(job, { key: 'soon', runAt: new Date(Date.now() + 150), data: { n: 5 } })
      await expect.poll(() => runs.length, { timeout: 5_000, interval: 50 }).toBe(1)
      expect(runs[0]).toMatchObject({ key: 'soon', n: 5 })
    } finally {
      await runner.stop()
    }
  })

  it('prunes done jobs after the retention, keeps pending and failed ones', async () => {
    const job = recordingJob([])
    const failing = recordingJob([], { failTimes: 99, attempts: 1 })
    const runner = runnerFor(job, failing)
    await scheduleJob(job, { key: 'done', runAt: at(0), data: { n: 1 } })
    await scheduleJob(job, { key: 'later', runAt: at(DONE_JOB_RETENTION_MS * 2), data: { n: 2 } })
    await scheduleJob(failing, { key: 'failed', runAt: at(0), data: { n: 3 } })
    await runner.runDue(at(0))
    const prisma = await getPrisma()
    const left = () => prisma.scheduledJob.findMany({ where: { name: { in: [job.name, failing.name] } }, select: { key: true }, orderBy: { key: 'asc' } })
    await pruneDoneJobs(at(DONE_JOB_RETENTION_MS - 1))
    expect((await left()).map((row) => row.key)).toEqual(['done', 'failed', 'later'])
    await pruneDoneJobs(at(DONE_JOB_RETENTION_MS + 1))
    expect((await left()).map((row) => row.key)).toEqual(['failed', 'later'])
  })

  it('refuses data that does not match the job schema when scheduled', async () => {
    const job = recordingJob([])
    await expect(scheduleJob(job, { key: 'x', runAt: T0, data: { n: 1.5 } })).rejects.toThrow()
    expect(() => defineJob({ name: 'NoDot', data: z.object({}), run: async () => undefined })).toThrow(/area/)
  })
})
