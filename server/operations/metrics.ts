import type { RequestHandler } from 'express'
import type { types } from 'mediasoup'
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'
import type { Server as SocketServer } from 'socket.io'
import { routeGroup } from './route-groups.ts'

/** What the metrics read of the media layer (server/media's MediaLayer). */
export type MediaSource = {
  pool: { size: number; workerAt(index: number): types.Worker }
  stats(): { rooms: Array<{ viewers: number }> }
  on(event: 'workerreplaced' | 'workerdied', listener: (info: { index: number }) => void): unknown
  off(event: 'workerreplaced' | 'workerdied', listener: (info: { index: number }) => void): unknown
}

/** A queue's depth right now; async sources (a database count) are bounded by a timeout at scrape. */
export type QueueDepth = () => number | Promise<number>
/** States of the items a service runs (recorders, restream publishers), e.g. ['recording', 'retrying']. */
export type StateSource = () => Iterable<string>

const HTTP_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])
/** An async source that takes longer than this is left out of the scrape (the scrape must not hang). */
const SOURCE_TIMEOUT_MS = 1000

/**
 * The one owner of this process's Prometheus registry. Feature code calls the typed hooks below
 * (counters it bumps, sources it registers and unregisters); every gauge is read from its source at
 * scrape time, so nothing has to keep it up to date. Labels are low-cardinality by construction: route
 * groups, status classes, namespace names, worker indexes, fixed queue and state names — never a URL,
 * an id or a user value.
 */
export class OperationsMetrics {
  readonly registry = new Registry()
  readonly #sockets = new Set<SocketServer>()
  readonly #media = new Set<MediaSource>()
  readonly #queues = new Map<string, Set<QueueDepth>>()
  readonly #states = new Map<'recordings' | 'restream-publishers', Set<StateSource>>()
  /** Producers and consumers alive on each worker, counted from mediasoup's observer events. */
  readonly #workerObjects = new WeakMap<types.Worker, { producers: number; consumers: number }>()
  /** Each worker's CPU seconds at the last scrape (the counter adds what came since). */
  readonly #workerCpu = new WeakMap<types.Worker, number>()
  readonly #http: Histogram<'method' | 'status' | 'route'>
  readonly #chatAccepted: Counter
  readonly #chatDeliveries: Counter
  readonly #workerDeaths: Counter<'worker'>
  #readiness: (() => Promise<Record<string, { status: string }>>) | null = null

  constructor() {
    const registers = [this.registry]
    // Standard names (process_*, nodejs_*: memory, event-loop lag, GC) so stock dashboards work.
    collectDefaultMetrics({ register: this.registry })

    this.#http = new Histogram({
      name: 'tradecast_http_request_duration_seconds',
      help: 'HTTP requests by method, status class and route group (Socket.io traffic is not included)',
      labelNames: ['method', 'status', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    })
    this.#chatAccepted = new Counter({ name: 'tradecast_chat_messages_accepted_total', help: 'Chat messages stored and queued for broadcast', registers })
    this.#chatDeliveries = new Counter({
      name: 'tradecast_chat_deliveries_total',
      help: 'Chat messages written to this process’s sockets by its batches (messages × local sockets of the room)',
      registers,
    })
    this.#workerDeaths = new Counter({
      name: 'tradecast_mediasoup_worker_deaths_total',
      help: 'mediasoup workers that died',
      labelNames: ['worker'],
      registers,
    })

    new Gauge({
      name: 'tradecast_socketio_connections',
      help: 'Open Socket.io connections by namespace',
      labelNames: ['namespace'],
      registers,
      collect: () => {
        const gauge = this.registry.getSingleMetric('tradecast_socketio_connections') as Gauge<'namespace'>
        gauge.reset()
        for (const io of this.#sockets) {
          for (const [name, namespace] of io._nsps) gauge.inc({ namespace: name }, namespace.sockets.size)
        }
      },
    })
    this.#mediaGauges(registers)
    new Gauge({
      name: 'tradecast_queue_depth',
      help: 'Items waiting in this process’s queues (chat-batch, clip-cuts) and in the shared e-mail outbox (email-outbox: waiting for its first attempt or a retry; email-failed: given up on, refused for good or out of attempts; jobs-failed: deferred jobs out of attempts)',
      labelNames: ['queue'],
      registers,
      collect: async () => {
        const gauge = this.registry.getSingleMetric('tradecast_queue_depth') as Gauge<'queue'>
        const depths = await Promise.all(
          [...this.#queues].map(async ([queue, sources]) => {
            const values = await Promise.all([...sources].map((source) => boundedValue(source)))
            return [queue, values] as const
          }),
        )
        gauge.reset()
        for (const [queue, values] of depths) {
          // A source that did not answer leaves its queue out rather than reporting a false zero.
          if (values.every((value): value is number => value !== null))
            gauge.set(
              { queue },
              values.reduce((sum, value) => sum + value, 0),
            )
        }
      },
    })
    for (const [name, help] of [
      ['recordings', 'Recorders (ffmpeg encodes) on this process by state'],
      ['restream-publishers', 'Restream destinations of this process’s live showcases by state'],
    ] as const) {
      const metricName = `tradecast_${name.replace('-', '_')}`
      new Gauge({
        name: metricName,
        help,
        labelNames: ['state'],
        registers,
        collect: () => {
          const gauge = this.registry.getSingleMetric(metricName) as Gauge<'state'>
          gauge.reset()
          for (const source of this.#states.get(name) ?? []) {
            for (const state of source()) gauge.inc({ state })
          }
        },
      })
    }
    new Gauge({
      name: 'tradecast_readiness',
      help: 'Readiness of each dependency as /healthz/ready sees it: 1 ok, 0.5 degraded, 0 unavailable',
      labelNames: ['check'],
      registers,
      collect: async () => {
        const gauge = this.registry.getSingleMetric('tradecast_readiness') as Gauge<'check'>
        const checks = this.#readiness ? await this.#readiness().catch(() => null) : null
        gauge.reset()
        for (const [check, { status }] of Object.entries(checks ?? {})) gauge.set({ check }, status === 'ok' ? 1 : status === 'degraded' ? 0.5 : 0)
      },
    })
  }

  // ── Hooks for feature code ───────────────────────────────────────────────────────────────────

  /** A chat message was accepted (stored, queued for its room). */
  chatAccepted(): void {
    this.#chatAccepted.inc()
  }

  /** A chat batch went out: `messages` to `sockets` local sockets. */
  chatDelivered(messages: number, sockets: number): void {
    if (messages > 0 && sockets > 0) this.#chatDeliveries.inc(messages * sockets)
  }

  /** Adds a source to a queue's depth (several sources of one queue add up); returns its removal. */
  watchQueue(queue: 'chat-batch' | 'clip-cuts' | 'email-outbox' | 'email-failed' | 'jobs-failed', depth: QueueDepth): () => void {
    const sources = this.#queues.get(queue) ?? new Set()
    this.#queues.set(queue, sources)
    sources.add(depth)
    return () => sources.delete(depth)
  }

  watchStates(kind: 'recordings' | 'restream-publishers', states: StateSource): () => void {
    const sources = this.#states.get(kind) ?? new Set()
    this.#states.set(kind, sources)
    sources.add(states)
    return () => sources.delete(states)
  }

  watchSockets(io: SocketServer): () => void {
    this.#sockets.add(io)
    return () => this.#sockets.delete(io)
  }

  /** Per-worker producers, consumers and CPU of a media layer, including workers that replace dead ones. */
  watchMedia(media: MediaSource): () => void {
    this.#media.add(media)
    for (let index = 0; index < media.pool.size; index++) this.#observeWorker(media.pool.workerAt(index))
    const replaced = ({ index }: { index: number }) => this.#observeWorker(media.pool.workerAt(index))
    const died = (death: { index: number }) => this.#workerDeaths.inc({ worker: String(death.index) })
    media.on('workerreplaced', replaced)
    media.on('workerdied', died)
    return () => {
      this.#media.delete(media)
      media.off('workerreplaced', replaced)
      media.off('workerdied', died)
    }
  }

  /** The readiness checks' latest answers, exported as a gauge (alerts on a degraded dependency). */
  watchReadiness(checks: () => Promise<Record<string, { status: string }>>): void {
    this.#readiness = checks
  }

  /** Times every HTTP request that reaches Express (mounted first). */
  httpMiddleware(): RequestHandler {
    return (req, res, next) => {
      const started = process.hrtime.bigint()
      // Taken now: mounted routers rewrite req.url while they handle the request.
      const route = routeGroup(req.path)
      const method = HTTP_METHODS.has(req.method) ? req.method : 'OTHER'
      res.once('finish', () => {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9
        this.#http.observe({ method, status: `${Math.floor(res.statusCode / 100)}xx`, route }, seconds)
      })
      next()
    }
  }

  /** The Prometheus text exposition of everything above. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() }
  }

  // ─────────────────────────────────────────────────────────────────────────────────────────────

  #mediaGauges(registers: Registry[]): void {
    const perWorker = (name: string, help: string, read: (worker: types.Worker) => number | null) => {
      new Gauge({
        name,
        help,
        labelNames: ['worker'],
        registers,
        collect: () => {
          const gauge = this.registry.getSingleMetric(name) as Gauge<'worker'>
          gauge.reset()
          for (const media of this.#media) {
            for (let index = 0; index < media.pool.size; index++) {
              const value = read(media.pool.workerAt(index))
              if (value !== null) gauge.inc({ worker: String(index) }, value)
            }
          }
        },
      })
    }
    perWorker('tradecast_mediasoup_producers', 'mediasoup producers alive per worker (pipe producers of fanned-out rooms included)', (worker) =>
      worker.closed ? 0 : (this.#workerObjects.get(worker)?.producers ?? 0),
    )
    perWorker('tradecast_mediasoup_consumers', 'mediasoup consumers alive per worker (pipe consumers of fanned-out rooms included)', (worker) =>
      worker.closed ? 0 : (this.#workerObjects.get(worker)?.consumers ?? 0),
    )
    perWorker('tradecast_mediasoup_worker_pid', 'Process id of the worker at each index (changes when a dead worker is replaced)', (worker) =>
      worker.closed ? null : worker.pid,
    )
    const cpu = new Counter<'worker'>({
      name: 'tradecast_mediasoup_worker_cpu_seconds_total',
      help: 'CPU time (user + system) of the worker at each index, across replacements',
      labelNames: ['worker'],
      registers,
      collect: async () => {
        const reads: Array<Promise<void>> = []
        for (const media of this.#media) {
          for (let index = 0; index < media.pool.size; index++) {
            const worker = media.pool.workerAt(index)
            if (worker.closed) continue
            reads.push(
              boundedValue(async () => {
                const usage = await worker.getResourceUsage()
                return (usage.ru_utime + usage.ru_stime) / 1000
              }).then((seconds) => {
                if (seconds === null) return
                const before = this.#workerCpu.get(worker) ?? 0
                if (seconds > before) cpu.inc({ worker: String(index) }, seconds - before)
                this.#workerCpu.set(worker, Math.max(before, seconds))
              }),
            )
          }
        }
        await Promise.all(reads)
      },
    })
    new Gauge({
      name: 'tradecast_media_rooms',
      help: 'Live rooms (showcases and meetings) with media on this process',
      registers,
      collect: () => {
        const gauge = this.registry.getSingleMetric('tradecast_media_rooms') as Gauge
        gauge.set([...this.#media].reduce((sum, media) => sum + media.stats().rooms.length, 0))
      },
    })
    new Gauge({
      name: 'tradecast_media_viewers',
      help: 'Joined WebRTC viewers on this process',
      registers,
      collect: () => {
        const gauge = this.registry.getSingleMetric('tradecast_media_viewers') as Gauge
        let viewers = 0
        for (const media of this.#media) for (const room of media.stats().rooms) viewers += room.viewers
        gauge.set(viewers)
      },
    })
  }

  #observeWorker(worker: types.Worker): void {
    if (this.#workerObjects.has(worker)) return
    const counts = { producers: 0, consumers: 0 }
    this.#workerObjects.set(worker, counts)
    // Every producer and consumer is made on a transport of a router of this worker; each leaves the
    // count when its observer says close (which a dead worker's objects also do).
    worker.observer.on('newrouter', (router) => {
      router.observer.on('newtransport', (transport) => {
        transport.observer.on('newproducer', (producer) => {
          counts.producers++
          producer.observer.once('close', () => counts.producers--)
        })
        transport.observer.on('newconsumer', (consumer) => {
          counts.consumers++
          consumer.observer.once('close', () => counts.consumers--)
        })
      })
    })
  }
}

async function boundedValue(source: () => number | Promise<number>): Promise<number | null> {
  let timer: NodeJS.Timeout | undefined
  try {
    return await Promise.race([
      Promise.resolve().then(source),
      new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), SOURCE_TIMEOUT_MS)
      }),
    ])
  } catch {
    return null
  } finally {
    clearTimeout(timer)
  }
}

const METRICS_KEY = Symbol.for('tradecast.operationsMetrics')

/**
 * The process's metrics. On globalThis because the server and the bundled app each load their own
 * copy of shared modules (like the database client, db.server.ts): one registry per process.
 */
export function getMetrics(): OperationsMetrics {
  const holder = globalThis as typeof globalThis & { [METRICS_KEY]?: OperationsMetrics }
  holder[METRICS_KEY] ??= new OperationsMetrics()
  return holder[METRICS_KEY]
}
