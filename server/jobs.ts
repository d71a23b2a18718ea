import type { Express } from 'express'
import express from 'express'
import { z } from 'zod'
import '../app/domain/jobs/registry.server.ts'
import { countFailedJobs, DatabaseJobRunner, type RunReport } from '../app/domain/jobs/database-queue.server.ts'
import { setJobQueue } from '../app/domain/jobs/jobs.server.ts'
import { RedisJobQueue } from '../app/domain/jobs/redis-queue.server.ts'
import { processNow } from '../app/utils/clock.server.ts'
import type { getEnv } from '../app/utils/env.server.ts'
import type { getLogger } from '../app/utils/logger.server.ts'

type Logger = ReturnType<typeof getLogger>

export type JobService = {
  kind: 'redis' | 'database'
  /** Runs the jobs due at `now` at once (the database queue only; the e2e test hook drives it). */
  runDue?: (now: Date) => Promise<RunReport>
  countFailed: () => Promise<number>
  close: () => Promise<void>
}

/**
 * Starts this process's share of the deferred work (ADR 023): BullMQ on REDIS_URL, or the database queue's
 * in-process runner. Both reconcile first, so jobs lost with Redis or with a crash are scheduled again.
 */
export async function startJobs(env: ReturnType<typeof getEnv>, logger: Logger): Promise<JobService> {
  const onError = (err: unknown, job: { name: string; key: string; attempt: number }) => logger.error({ err, job }, 'job failed')
  if (env.REDIS_URL) {
    const queue = new RedisJobQueue({ url: env.REDIS_URL, clock: processNow, onError })
    setJobQueue(queue)
    await queue.start()
    return { kind: 'redis', countFailed: () => queue.countFailed(), close: () => queue.close().finally(() => setJobQueue(undefined)) }
  }
  const runner = new DatabaseJobRunner({ clock: processNow, onError })
  await runner.start()
  return { kind: 'database', runDue: (now) => runner.runDue(now), countFailed: countFailedJobs, close: () => runner.stop() }
}

const runDueBody = z.object({ now: z.iso.datetime() })

/** ENABLE_TEST_HOOKS=1 only: POST /__test/jobs/run-due {now} runs what is due at that instant (e2e specs). */
export function mountJobTestHook(app: Express, jobs: () => JobService | null): void {
  app.post('/__test/jobs/run-due', express.json({ limit: '1kb' }), (req, res, next) => {
    const parsed = runDueBody.safeParse(req.body)
    const runDue = jobs()?.runDue
    if (!parsed.success) return void res.status(400).json({ error: 'now must be an ISO instant' })
    if (!runDue) return void res.status(501).json({ error: 'only the database queue runs jobs on demand' })
    runDue(new Date(parsed.data.now)).then((report) => res.json(report), next)
  })
}
