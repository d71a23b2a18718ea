import { Queue, Worker, type Job } from 'bullmq'
import { Redis } from 'ioredis'
import { reconcileJobs } from './database-queue.server'
import { allJobDefinitions, retryDelayMs, type JobDefinition, type JobQueue, type JobSpec } from './jobs.server'

/**
 * The queue of a deployment with REDIS_URL (ADR 023): BullMQ, so the processes sharing the Redis share
 * the jobs, and each job runs on one of them at a time. A job's BullMQ id is its name and key: adding it
 * twice (two processes reconciling at boot) makes one job.
 */

export const JOB_QUEUE_NAME = 'tradecast-jobs'

type Envelope = { runAt: string; key: string; payload: unknown }

/** BullMQ refuses ':' in custom ids (its key separator). */
export function bullJobId(name: string, key: string): string {
  return `${name}|${key.replaceAll(':', '|')}`
}

export type RedisQueueOptions = {
  url: string
  /** Key prefix (tests give each run its own). */
  prefix?: string
  clock?: () => Date
  concurrency?: number
  definitions?: ReadonlyArray<JobDefinition<unknown>>
  onError?: (error: unknown, job: { name: string; key: string; attempt: number }) => void
}

export class RedisJobQueue implements JobQueue {
  readonly #queue: Queue
  readonly #connection: Redis
  readonly #clock: () => Date
  readonly #definitions: Map<string, JobDefinition<unknown>>
  readonly #options: RedisQueueOptions
  #worker: Worker | undefined

  constructor(options: RedisQueueOptions) {
    this.#options = options
    this.#clock = options.clock ?? (() => new Date())
    this.#definitions = new Map((options.definitions ?? allJobDefinitions()).map((definition) => [definition.name, definition]))
    // Workers block on Redis: BullMQ requires maxRetriesPerRequest null on their connections.
    this.#connection = new Redis(options.url, { maxRetriesPerRequest: null })
    this.#queue = new Queue(JOB_QUEUE_NAME, { connection: this.#connection, prefix: options.prefix ?? 'tradecast' })
  }

  async schedule(name: string, spec: JobSpec<unknown>, attempts: number): Promise<void> {
    const jobId = bullJobId(name, spec.key)
    const runAt = spec.runAt.toISOString()
    const existing = await this.#queue.getJob(jobId)
    if (existing) {
      if ((existing.data as Envelope).runAt === runAt) return
      // A running job can't be removed; it finishes, and its handler sees the data has moved on.
      const state = await existing.getState()
      if (state === 'active') return
      await existing.remove().catch(() => undefined)
    }
    const envelope: Envelope = { runAt, key: spec.key, payload: spec.data }
    await this.#queue.add(name, envelope, {
      jobId,
      delay: Math.max(0, spec.runAt.getTime() - this.#clock().getTime()),
      attempts,
      backoff: { type: 'custom' },
      // Kept a while so a reconcile finds the job done instead of adding it again.
      removeOnComplete: { age: 14 * 24 * 3600 },
      removeOnFail: { age: 30 * 24 * 3600 },
    })
  }

  async cancel(name: string, key: string): Promise<void> {
    const job = await this.#queue.getJob(bullJobId(name, key))
    await job?.remove().catch(() => undefined)
  }

  /** Reconciles every job kind, then starts this process's worker. */
  async start(): Promise<void> {
    await reconcileJobs(this, [...this.#definitions.values()], this.#clock())
    this.#worker = new Worker(JOB_QUEUE_NAME, (job) => this.#process(job), {
      connection: this.#connection,
      prefix: this.#options.prefix ?? 'tradecast',
      concurrency: this.#options.concurrency ?? 4,
      settings: { backoffStrategy: (attemptsMade: number) => retryDelayMs(attemptsMade) },
    })
    this.#worker.on('failed', (job, error) => {
      if (job) this.#options.onError?.(error, { name: job.name, key: job.id ?? '', attempt: job.attemptsMade })
    })
    this.#worker.on('error', (error) => this.#options.onError?.(error, { name: '(worker)', key: '', attempt: 0 }))
    await this.#worker.waitUntilReady()
  }

  async #process(job: Job): Promise<void> {
    const definition = this.#definitions.get(job.name)
    if (!definition) throw new Error(`no handler for job ${job.name}`)
    const envelope = job.data as Envelope
    const data = definition.data.parse(envelope.payload)
    await definition.run(data, { now: this.#clock(), key: envelope.key, attempt: job.attemptsMade + 1 })
  }

  /** Jobs that ran out of attempts (for the metrics). */
  async countFailed(): Promise<number> {
    return this.#queue.getFailedCount()
  }

  async close(): Promise<void> {
    await this.#worker?.close()
    await this.#queue.close()
    this.#connection.disconnect()
  }
}
