export type HealthStatus = 'ok' | 'degraded' | 'unavailable'

/** One dependency's answer. `detail` is a short code (never an error message: the body is public). */
export type CheckResult = { status: HealthStatus; latencyMs: number; detail?: string }
export type ReadinessReport = { status: HealthStatus; checks: Record<string, CheckResult> }

export type HealthCheck = {
  name: string
  /** Core dependencies: unavailable makes the whole process unavailable (503). Others degrade it at worst. */
  critical: boolean
  /** Resolves with the dependency's state; a throw counts as unavailable ('error'). */
  run: () => Promise<{ status: HealthStatus; detail?: string }>
  timeoutMs?: number
}

export const DEFAULT_CHECK_TIMEOUT_MS = 1000
export const DEFAULT_CHECK_CACHE_MS = 1000
/** A still-running call older than this many timeouts is given up (bounds the calls left hanging). */
export const ABANDON_AFTER_TIMEOUTS = 3

type Cached = { at: number; result: CheckResult }
type Running = { startedAt: number; call: Promise<{ status: HealthStatus; detail?: string }> }

/**
 * The readiness answer of this process. Each check runs at most once at a time and its result is kept
 * for `cacheMs`, so a burst of probes (or a probe every second from several balancers) never piles
 * queries onto a sick dependency; a check that does not answer within its timeout counts as
 * unavailable, and the slow call is not started again while it is still running — until it has run
 * for ABANDON_AFTER_TIMEOUTS timeouts: a call on a silently dropped connection can hang for many
 * minutes, so it is then abandoned and a fresh one started. Nothing is latched: the first check after
 * a dependency returns says ok again.
 */
export class Readiness {
  readonly #checks = new Map<string, HealthCheck>()
  readonly #cache = new Map<string, Cached>()
  /** Probes waiting for a check (shared by concurrent probes). */
  readonly #waiting = new Map<string, Promise<CheckResult>>()
  /** A check's own call, which may outlive its timeout. */
  readonly #running = new Map<string, Running>()
  readonly #cacheMs: number
  readonly #timeoutMs: number
  readonly #now: () => number
  #draining = false

  constructor(options: { cacheMs?: number; timeoutMs?: number; now?: () => number } = {}) {
    this.#cacheMs = options.cacheMs ?? DEFAULT_CHECK_CACHE_MS
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS
    this.#now = options.now ?? (() => performance.now())
  }

  /**
   * From now on the process answers unavailable (503), so balancers stop sending new clients while it
   * finishes its shutdown; liveness is not affected. One way: a draining process never comes back.
   */
  startDraining(): void {
    this.#draining = true
  }

  /** Adds (or replaces) a check; the returned function removes it. */
  register(check: HealthCheck): () => void {
    this.#checks.set(check.name, check)
    this.#cache.delete(check.name)
    return () => {
      if (this.#checks.get(check.name) !== check) return
      this.#checks.delete(check.name)
      this.#cache.delete(check.name)
    }
  }

  async report(): Promise<ReadinessReport> {
    // No dependency is asked: the answer no longer depends on them.
    if (this.#draining) return { status: 'unavailable', checks: { draining: { status: 'unavailable', latencyMs: 0 } } }
    const checks = [...this.#checks.values()]
    const results = await Promise.all(checks.map(async (check) => ({ check, result: await this.#result(check) })))
    const report: ReadinessReport = { status: 'ok', checks: {} }
    for (const { check, result } of results) {
      report.checks[check.name] = result
      if (result.status === 'unavailable' && check.critical) report.status = 'unavailable'
      else if (result.status !== 'ok' && report.status === 'ok') report.status = 'degraded'
    }
    return report
  }

  #result(check: HealthCheck): Promise<CheckResult> {
    const cached = this.#cache.get(check.name)
    if (cached && this.#now() - cached.at < this.#cacheMs) return Promise.resolve(cached.result)
    let waiting = this.#waiting.get(check.name)
    if (!waiting) {
      waiting = this.#measure(check).then((result) => {
        // A check replaced or removed meanwhile does not cache its stale answer.
        if (this.#checks.get(check.name) === check) this.#cache.set(check.name, { at: this.#now(), result })
        this.#waiting.delete(check.name)
        return result
      })
      this.#waiting.set(check.name, waiting)
    }
    return waiting
  }

  async #measure(check: HealthCheck): Promise<CheckResult> {
    const started = this.#now()
    const timeoutMs = check.timeoutMs ?? this.#timeoutMs
    let running = this.#running.get(check.name)
    if (!running || started - running.startedAt >= ABANDON_AFTER_TIMEOUTS * timeoutMs) {
      const fresh: Running = {
        startedAt: started,
        call: Promise.resolve()
          .then(check.run)
          .finally(() => {
            // An abandoned call that settles late must not remove its successor.
            if (this.#running.get(check.name) === fresh) this.#running.delete(check.name)
          }),
      }
      fresh.call.catch(() => undefined)
      running = fresh
      this.#running.set(check.name, running)
    }
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<{ status: HealthStatus; detail: string }>((resolve) => {
      timer = setTimeout(() => resolve({ status: 'unavailable', detail: 'timeout' }), timeoutMs)
    })
    try {
      const outcome = await Promise.race([running.call.catch(() => ({ status: 'unavailable' as const, detail: 'error' })), timeout])
      return { ...outcome, latencyMs: Math.round((this.#now() - started) * 10) / 10 }
    } finally {
      clearTimeout(timer)
    }
  }
}

/** The HTTP status of a readiness answer: 503 only when the process cannot serve its core. */
export function readinessHttpStatus(report: ReadinessReport): number {
  return report.status === 'unavailable' ? 503 : 200
}

// ── The checks of this platform ─────────────────────────────────────────────────────────────────

/** The database answers `SELECT 1` (critical: without it nothing is served). */
export function databaseCheck(selectOne: () => Promise<unknown>): HealthCheck {
  return {
    name: 'database',
    critical: true,
    run: async () => {
      await selectOne()
      return { status: 'ok' }
    },
  }
}

/** What a Redis check needs of a node-redis client. */
export type RedisProbe = { isReady: boolean; ping: () => Promise<unknown> }
/** One connection; a subscribed one cannot PING like a command connection, so only its state is read. */
export type RedisConnection = { role: string; client: RedisProbe | null; subscriber?: boolean | undefined }

/**
 * Redis (only when REDIS_URL is set): the Socket.io adapter's connections and the shared command
 * client. Not critical: while it is down each process serves its own sockets and rate limits fall back
 * to memory, but cross-process fan-out is lost, so the process says degraded.
 */
export function redisCheck(clients: () => RedisConnection[]): HealthCheck {
  return {
    name: 'redis',
    critical: false,
    run: async () => {
      const down: string[] = []
      await Promise.all(
        clients().map(async ({ role, client, subscriber }) => {
          if (!client?.isReady) {
            down.push(role)
            return
          }
          // A ready connection can still be half-open: a PING proves the server answers.
          if (!subscriber) await client.ping().catch(() => down.push(role))
        }),
      )
      return down.length === 0 ? { status: 'ok' } : { status: 'unavailable', detail: `down:${down.sort().join(',')}` }
    },
  }
}

/** What the media check needs of the worker pool. */
export type WorkerPoolProbe = { size: number; workerAt(index: number): { closed: boolean; getResourceUsage(): Promise<unknown> } }

/**
 * mediasoup workers: alive (not dead and answering a resource-usage request) against configured. A
 * worker being replaced leaves the process degraded; no live worker at all makes it unavailable (no
 * live video can be served).
 */
export function mediaWorkersCheck(pool: WorkerPoolProbe, workerTimeoutMs = 500): HealthCheck {
  return {
    name: 'media',
    critical: true,
    run: async () => {
      const answers = await Promise.all(
        Array.from({ length: pool.size }, async (_, index) => {
          const worker = pool.workerAt(index)
          if (worker.closed) return false
          return answersWithin(worker.getResourceUsage(), workerTimeoutMs)
        }),
      )
      const alive = answers.filter(Boolean).length
      const detail = `workers:${alive}/${pool.size}`
      if (alive === 0) return { status: 'unavailable', detail }
      return alive < pool.size ? { status: 'degraded', detail } : { status: 'ok', detail }
    },
  }
}

/** Recording (ffmpeg): missing while enabled degrades (live goes on; no replays or HLS fallback). */
export function recordingCheck(recordings: { unavailable: 'disabled' | 'ffmpeg-missing' | null }): HealthCheck {
  return {
    name: 'recording',
    critical: false,
    run: () =>
      Promise.resolve(
        recordings.unavailable === 'ffmpeg-missing'
          ? { status: 'degraded' as const, detail: 'ffmpeg-missing' }
          : recordings.unavailable === 'disabled'
            ? { status: 'ok' as const, detail: 'disabled' }
            : { status: 'ok' as const },
      ),
  }
}

async function answersWithin(promise: Promise<unknown>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  try {
    return await Promise.race([
      promise.then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs)
      }),
    ])
  } finally {
    clearTimeout(timer)
  }
}
