import type { z } from 'zod'

/**
 * Deferred work (reminders, confirmations, expiries, webhook retries) — ADR 023.
 *
 * A job is a named handler plus a key: `(name, key)` names one job, so scheduling it again replaces it
 * (a rescheduled show moves its reminder) and two processes scheduling it at once make one job. Handlers
 * must be idempotent: a queue delivers at least once (a retry, a crash after the effect, a boot-time
 * reconcile), so each handler records its effect under a unique key in the transaction that makes it.
 *
 * Where jobs wait: BullMQ on Redis when REDIS_URL is set (several processes share it), otherwise the
 * database (ScheduledJob rows run by an in-process timer). Either way `reconcile` re-derives the jobs
 * that should exist from the database at boot, so a lost Redis or a crash between a commit and its
 * `scheduleJob` call loses nothing.
 */

export type JobContext = {
  /** The instant the job runs at (the runner's clock: pinned in tests). */
  now: Date
  key: string
  /** 1 on the first run, 2 on the first retry, … */
  attempt: number
}

export type JobSpec<T> = { key: string; runAt: Date; data: T }

export type JobDefinition<T> = {
  readonly name: string
  readonly data: z.ZodType<T>
  readonly run: (data: T, context: JobContext) => Promise<void>
  /** The jobs that should exist, derived from the database (run at boot, and when a runner starts). */
  readonly reconcile?: (now: Date) => Promise<Array<JobSpec<T>>>
  /** Runs in all, first included (retries back off exponentially from JOB_RETRY_BASE_MS). */
  readonly attempts: number
}

export const JOB_RETRY_BASE_MS = 10_000
export const DEFAULT_JOB_ATTEMPTS = 5

/** What a queue does with a job; both the Redis and the database queue implement it. */
export type JobQueue = {
  /** Creates the job, or replaces the one with this name and key unless it already has this `runAt`. */
  schedule: (name: string, spec: JobSpec<unknown>, attempts: number) => Promise<void>
  cancel: (name: string, key: string) => Promise<void>
}

// Keyed by name on purpose: route modules (the app bundle) and server/ (tsx) load this file as two
// modules, and each registers the same names; the runner uses the definitions of its own module graph.
const definitions = new Map<string, JobDefinition<unknown>>()

export function defineJob<T>(definition: {
  name: string
  data: z.ZodType<T>
  run: (data: T, context: JobContext) => Promise<void>
  reconcile?: (now: Date) => Promise<Array<JobSpec<T>>>
  attempts?: number
}): JobDefinition<T> {
  if (!/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/.test(definition.name)) throw new Error(`job name "${definition.name}" is not <area>.<what>`)
  const job: JobDefinition<T> = { ...definition, attempts: definition.attempts ?? DEFAULT_JOB_ATTEMPTS }
  definitions.set(job.name, job as unknown as JobDefinition<unknown>)
  return job
}

export function jobDefinition(name: string): JobDefinition<unknown> | undefined {
  return definitions.get(name)
}

export function allJobDefinitions(): Array<JobDefinition<unknown>> {
  return [...definitions.values()]
}

// The process's queue, shared by both module graphs through globalThis (like the Prisma client).
const holder = globalThis as typeof globalThis & { __tradecastJobQueue?: JobQueue }

export function setJobQueue(queue: JobQueue | undefined): void {
  holder.__tradecastJobQueue = queue
}

async function activeQueue(): Promise<JobQueue> {
  if (holder.__tradecastJobQueue) return holder.__tradecastJobQueue
  // No runner started (a test, a script): the job waits in the database for the next runner.
  const { databaseJobStore } = await import('./database-queue.server')
  return databaseJobStore
}

/** Schedules a job after the change it follows has committed; the data is checked against the job's schema. */
export async function scheduleJob<T>(job: JobDefinition<T>, spec: JobSpec<T>): Promise<void> {
  const data = job.data.parse(spec.data)
  await (await activeQueue()).schedule(job.name, { key: spec.key, runAt: spec.runAt, data }, job.attempts)
}

export async function cancelJob<T>(job: JobDefinition<T>, key: string): Promise<void> {
  await (await activeQueue()).cancel(job.name, key)
}

/** Exponential backoff, the one formula: delay before retry `attempt` (1 = the first retry) is baseMs, 2·baseMs, 4·baseMs, … capped at capMs. */
export function exponentialBackoffMs(attempt: number, { baseMs, capMs }: { baseMs: number; capMs: number }): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1))
}

/** The jobs' retry delay: 10 s, 20 s, 40 s, … capped at an hour. */
export function retryDelayMs(attempt: number): number {
  return exponentialBackoffMs(attempt, { baseMs: JOB_RETRY_BASE_MS, capMs: 3_600_000 })
}
