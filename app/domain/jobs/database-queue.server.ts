import { getPrisma } from '~/domain/db.server'
import type { Prisma } from '~/generated/prisma/client'
import { allJobDefinitions, jobDefinition, retryDelayMs, type JobDefinition, type JobQueue, type JobSpec } from './jobs.server'

/**
 * The embedded default's queue (ADR 023): jobs wait as ScheduledJob rows, so they survive a restart, and
 * a runner in the process claims due rows under `FOR UPDATE SKIP LOCKED`, so two runners on one
 * PostgreSQL never run a job at the same time.
 */

const LOCK_MS = 5 * 60_000
const BATCH = 20
/** Done jobs are kept this long (for inspection), then deleted; failed ones stay for the metric. */
export const DONE_JOB_RETENTION_MS = 14 * 24 * 3600_000
const PRUNE_EVERY_MS = 3600_000

type Row = { id: string; name: string; key: string; runAt: Date; data: Prisma.JsonValue; attempts: number; maxAttempts: number; version: number }

export const databaseJobStore: JobQueue = {
  async schedule(name, spec, attempts) {
    const prisma = await getPrisma()
    const data = spec.data as Prisma.InputJsonValue
    // Same runAt: the job already exists (pending, running or done) and stays as it is.
    await prisma.$executeRaw`
      INSERT INTO "ScheduledJob" ("id", "name", "key", "runAt", "data", "maxAttempts", "updatedAt")
      VALUES (${crypto.randomUUID()}, ${name}, ${spec.key}, ${spec.runAt}, ${JSON.stringify(data)}::jsonb, ${attempts}, now())
      ON CONFLICT ("name", "key") DO UPDATE SET
        "runAt" = EXCLUDED."runAt", "data" = EXCLUDED."data", "maxAttempts" = EXCLUDED."maxAttempts",
        "attempts" = 0, "lockedUntil" = NULL, "lastError" = NULL, "doneAt" = NULL,
        "version" = "ScheduledJob"."version" + 1, "updatedAt" = now()
      WHERE "ScheduledJob"."runAt" IS DISTINCT FROM EXCLUDED."runAt"`
    wakeRunners()
  },
  async cancel(name, key) {
    const prisma = await getPrisma()
    await prisma.scheduledJob.deleteMany({ where: { name, key } })
  },
}

// Runners in this process re-arm their timer when a job is scheduled (it may be due sooner). On globalThis:
// route modules (the app bundle) schedule through their own copy of this file, the runner lives in server/'s.
const runnerHolder = globalThis as typeof globalThis & { __tradecastJobRunners?: Set<{ wake: () => void }> }
const runners = (runnerHolder.__tradecastJobRunners ??= new Set())
function wakeRunners() {
  for (const runner of runners) runner.wake()
}

export type RunnerOptions = {
  /** The runner's clock (pinned in tests; the test-hook offset in e2e). */
  clock?: () => Date
  /** Longest sleep between looks at the table (jobs scheduled by another process are seen by then). */
  pollMs?: number
  definitions?: ReadonlyArray<JobDefinition<unknown>>
  onError?: (error: unknown, job: { name: string; key: string; attempt: number }) => void
}

export type RunReport = { ran: number; failed: number }

export class DatabaseJobRunner {
  readonly #clock: () => Date
  readonly #pollMs: number
  readonly #definitions: Map<string, JobDefinition<unknown>>
  readonly #onError: RunnerOptions['onError']
  #timer: NodeJS.Timeout | undefined
  #running: Promise<RunReport> | undefined
  #stopped = true
  #prunedAt = 0

  constructor(options: RunnerOptions = {}) {
    this.#clock = options.clock ?? (() => new Date())
    this.#pollMs = options.pollMs ?? 30_000
    this.#definitions = new Map((options.definitions ?? allJobDefinitions()).map((definition) => [definition.name, definition]))
    this.#onError = options.onError
  }

  /** Reconciles every job kind, then runs due jobs now and whenever the next one falls due. */
  async start(): Promise<void> {
    this.#stopped = false
    runners.add(this)
    await reconcileJobs(databaseJobStore, [...this.#definitions.values()], this.#clock())
    this.wake()
  }

  async stop(): Promise<void> {
    this.#stopped = true
    runners.delete(this)
    clearTimeout(this.#timer)
    await this.#running
  }

  wake(): void {
    if (this.#stopped) return
    clearTimeout(this.#timer)
    this.#timer = setTimeout(() => void this.#tick(), 0)
    this.#timer.unref()
  }

  async #tick(): Promise<void> {
    if (this.#stopped) return
    if (!this.#running) {
      this.#running = this.runDue(this.#clock()).finally(() => (this.#running = undefined))
    }
    await this.#running.catch((error: unknown) => this.#onError?.(error, { name: '(runner)', key: '', attempt: 0 }))
    const now = this.#clock()
    if (now.getTime() - this.#prunedAt >= PRUNE_EVERY_MS) {
      this.#prunedAt = now.getTime()
      await pruneDoneJobs(now).catch((error: unknown) => this.#onError?.(error, { name: '(prune)', key: '', attempt: 0 }))
    }
    // stop() may have come while the jobs ran.
    if (!runners.has(this)) return
    const next = await this.#nextRunAt().catch(() => undefined)
    const wait = next ? Math.max(0, next.getTime() - this.#clock().getTime()) : this.#pollMs
    clearTimeout(this.#timer)
    this.#timer = setTimeout(() => void this.#tick(), Math.min(wait, this.#pollMs))
    this.#timer.unref()
  }

  async #nextRunAt(): Promise<Date | undefined> {
    const prisma = await getPrisma()
    const row = await prisma.scheduledJob.findFirst({
      where: { doneAt: null, attempts: { lt: prisma.scheduledJob.fields.maxAttempts } },
      orderBy: { runAt: 'asc' },
      select: { runAt: true, lockedUntil: true },
    })
    if (!row) return undefined
    return row.lockedUntil && row.lockedUntil > row.runAt ? row.lockedUntil : row.runAt
  }

  /** Runs every job due at `now` (claimed batch by batch); exposed for tests and the e2e test hook. */
  async runDue(now: Date): Promise<RunReport> {
    const report: RunReport = { ran: 0, failed: 0 }
    for (;;) {
      const claimed = await this.#claim(now)
      if (claimed.length === 0) return report
      for (const row of claimed) {
        const ok = await this.#runOne(row, now)
        report.ran += 1
        if (!ok) report.failed += 1
      }
      if (claimed.length < BATCH) return report
    }
  }

  async #claim(now: Date): Promise<Row[]> {
    const prisma = await getPrisma()
    const names = [...this.#definitions.keys()]
    return prisma.$queryRaw<Row[]>`
      UPDATE "ScheduledJob" SET "lockedUntil" = ${new Date(now.getTime() + LOCK_MS)}, "attempts" = "attempts" + 1
      WHERE "id" IN (
        SELECT "id" FROM "ScheduledJob"
        WHERE "doneAt" IS NULL AND "runAt" <= ${now} AND "attempts" < "maxAttempts"
          AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now}) AND "name" = ANY(${names}::text[])
        ORDER BY "runAt" LIMIT ${BATCH}
        FOR UPDATE SKIP LOCKED)
      RETURNING "id", "name", "key", "runAt", "data", "attempts", "maxAttempts", "version"`
  }

  async #runOne(row: Row, now: Date): Promise<boolean> {
    const prisma = await getPrisma()
    const definition = this.#definitions.get(row.name) ?? jobDefinition(row.name)
    try {
      if (!definition) throw new Error(`no handler for job ${row.name}`)
      const data = definition.data.parse(row.data)
      await definition.run(data, { now, key: row.key, attempt: row.attempts })
      // A reschedule during the run bumped the version: that new job stays pending.
      await prisma.scheduledJob.updateMany({ where: { id: row.id, version: row.version }, data: { doneAt: now, lockedUntil: null, lastError: null } })
      return true
    } catch (error) {
      this.#onError?.(error, { name: row.name, key: row.key, attempt: row.attempts })
      await prisma.scheduledJob.updateMany({
        where: { id: row.id, version: row.version },
        data: { lockedUntil: null, lastError: String(error).slice(0, 500), runAt: new Date(now.getTime() + retryDelayMs(row.attempts)) },
      })
      return false
    }
  }
}

/** Schedules what every job kind's `reconcile` says should exist (unchanged jobs stay as they are). */
export async function reconcileJobs(queue: JobQueue, definitions: ReadonlyArray<JobDefinition<unknown>>, now: Date): Promise<number> {
  let count = 0
  for (const definition of definitions) {
    if (!definition.reconcile) continue
    const specs: Array<JobSpec<unknown>> = await definition.reconcile(now)
    for (const spec of specs) {
      await queue.schedule(definition.name, { ...spec, data: definition.data.parse(spec.data) }, definition.attempts)
      count += 1
    }
  }
  return count
}

/** Deletes jobs done more than DONE_JOB_RETENTION_MS ago; returns how many. */
export async function pruneDoneJobs(now: Date): Promise<number> {
  const prisma = await getPrisma()
  const { count } = await prisma.scheduledJob.deleteMany({ where: { doneAt: { lt: new Date(now.getTime() - DONE_JOB_RETENTION_MS) } } })
  return count
}

/** Jobs that ran out of attempts (for the metrics: alerts watch its increase). */
export async function countFailedJobs(): Promise<number> {
  const prisma = await getPrisma()
  return prisma.scheduledJob.count({ where: { doneAt: null, attempts: { gte: prisma.scheduledJob.fields.maxAttempts } } })
}
