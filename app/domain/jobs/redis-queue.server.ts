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
function idPart(value: string): string {
  return value.replaceAll(':', '|')
}

/**
 * A job's BullMQ id: its name, key and instant. Two processes scheduling the same job at the same instant
 * add one; a reschedule is a new id, so it never waits on the old one (which may be running elsewhere).
 */
export function bullJobId(name: string, key: string, runAt: Date): string {
  return `${idPart(name)}|${idPart(key)}|${runAt.getTime()}`
}

/** How long the pointer to a job's current id outlives the job's instant (longer than any job is kept). */
const POINTER_AFTER_RUN_SECONDS = 45 * 24 * 3600

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
    const jobId = bullJobId(name, spec.key, spec.runAt)
    const pointer = this.#currentKey(name, spec.key)
    // The pointer names the job in force: a superseded one still queued (or running on another process)
    // finds it moved on and does nothing.
    const ttl = Math.ceil(Math.max(0, spec.runAt.getTime() - this.#clock().getTime()) / 1000) + POINTER_AFTER_RUN_SECONDS
    const previous = await this.#connection.set(pointer, jobId, 'EX', ttl, 'GET')
    if (previous === jobId) return
    if (previous) await this.#removeUnlessRunning(previous)
    const envelope: Envelope = { runAt: spec.runAt.toISOString(), key: spec.key, payload: spec.data }
    await this.#queue.add(name, envelope, {
      jobId,
      delay: Math.max(0, spec.runAt.getTime() - this.#clock().getTime()),
      attempts,
      backoff: { type: 'custom' },
      // Kept a while for inspection; the pointer, not the job, tells a reconcile that it is done.
      removeOnComplete: { age: 14 * 24 * 3600 },
      removeOnFail: { age: 30 * 24 * 3600 },
    })
  }

  async cancel(name: string, key: string): Promise<void> {
    const pointer = this.#currentKey(name, key)
    const previous = await this.#connection.get(pointer)
    await this.#connection.del(pointer)
    if (previous) await this.#removeUnlessRunning(previous)
  }

  #currentKey(name: string, key: string): string {
    return `${this.#options.prefix ?? 'tradecast'}:${JOB_QUEUE_NAME}:current:${idPart(name)}|${idPart(key)}`
  }

  async #removeUnlessRunning(jobId: string): Promise<void> {
    const job = await this.#queue.getJob(jobId)
    if (!job) return
    // A running job can't be removed; when it ends, its handler has already checked what it must do.
    if ((await job.getState()) !== 'active') await job.remove().catch(() => undefined)
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
    // Superseded (rescheduled or cancelled) after it was queued: the job in force does the work.
    if ((await this.#connection.get(this.#currentKey(job.name, envelope.key))) !== job.id) return
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
