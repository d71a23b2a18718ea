import { monitorEventLoopDelay } from 'node:perf_hooks'
import { percentile } from '../machine.ts'
import { cpuSecondsOf, mediasoupWorkerPids, rssMiB, type ServerProcess } from './server-process.ts'

/** One 10-second sample of a server process. `heapMiB` and `loopP99Ms` come from /metrics when it is served. */
export type ServerSample = {
  atS: number
  rssMiB: number
  heapMiB: number | null
  /** Event-loop delay p99 from the process's own /metrics (prom-client), when served. */
  loopP99Ms: number | null
  /** Round trip of a request that does no I/O (liveness probe or a static file), p99 over the interval: an upper bound on the event-loop delay. */
  probeP99Ms: number
  /** Cores used over the interval: the node process, and its mediasoup workers together. */
  nodeCores: number
  workerCores: number
  ready: string
}

const SAMPLE_MS = 10_000
const PROBE_MS = 250

/** prom-client's default metric names (collectDefaultMetrics); any prefix the app adds is allowed. */
function metricValue(text: string, name: string): number | null {
  const match = new RegExp(`^(?:\\w+_)?${name}(?:\\{[^}]*\\})? ([0-9.eE+-]+)$`, 'm').exec(text)
  return match ? Number(match[1]) : null
}

/**
 * Samples each server process every 10 s: RSS from /proc, CPU of the process and its mediasoup
 * workers, heap and event-loop delay from /metrics (METRICS_TOKEN) when the app serves it, the
 * readiness answer, and a no-I/O probe's latency every 250 ms.
 */
export class ServerMonitor {
  readonly samples = new Map<string, ServerSample[]>()
  private readonly probes = new Map<string, number[]>()
  private readonly timers: NodeJS.Timeout[] = []
  private readonly startedAt = performance.now()
  private readonly cpuBefore = new Map<string, { node: number; workers: Map<number, number>; at: number }>()
  private probePath = '/healthz/live'
  readonly metricsServed = new Map<string, boolean>()
  /** The bench's own event loop: how late its clients read what arrives. */
  readonly benchLoop = monitorEventLoopDelay({ resolution: 10 })

  constructor(
    private readonly servers: () => ServerProcess[],
    private readonly metricsToken: string,
  ) {}

  async start(): Promise<void> {
    const first = this.servers()[0]
    if (first && (await fetch(`${first.baseUrl}/healthz/live`).then((r) => r.status)) === 404) this.probePath = '/favicon.svg'
    this.benchLoop.enable()
    for (const server of this.servers()) this.resetCpu(server)
    this.timers.push(setInterval(() => void this.probe(), PROBE_MS))
    this.timers.push(setInterval(() => void this.sample(), SAMPLE_MS))
  }

  private resetCpu(server: ServerProcess) {
    const workers = new Map(mediasoupWorkerPids(server.pid).map((pid) => [pid, cpuSecondsOf(pid)]))
    this.cpuBefore.set(server.label, { node: cpuSecondsOf(server.pid), workers, at: performance.now() })
  }

  private async probe() {
    for (const server of this.servers()) {
      const started = performance.now()
      const ok = await fetch(`${server.baseUrl}${this.probePath}`, { signal: AbortSignal.timeout(5000) })
        .then((r) => r.ok)
        .catch(() => false)
      const list = this.probes.get(server.label) ?? []
      list.push(ok ? performance.now() - started : 5000)
      this.probes.set(server.label, list)
    }
  }

  private async sample() {
    for (const server of this.servers()) {
      const before = this.cpuBefore.get(server.label)
      const now = performance.now()
      const seconds = before ? (now - before.at) / 1000 : 1
      const nodeCores = before ? (cpuSecondsOf(server.pid) - before.node) / seconds : 0
      // A worker that died and was replaced counts from 0 (its replacement is a new pid).
      const workerCores = mediasoupWorkerPids(server.pid).reduce((sum, pid) => sum + (cpuSecondsOf(pid) - (before?.workers.get(pid) ?? 0)), 0) / seconds
      this.resetCpu(server)
      const metrics = await this.scrape(server)
      const ready = await fetch(`${server.baseUrl}/healthz/ready`, { signal: AbortSignal.timeout(5000) })
        .then(async (r) => (r.status === 404 ? 'n/a' : `${r.status} ${readinessSummary(await r.text())}`))
        .catch((error: unknown) => `error ${(error as Error).message}`)
      const probes = (this.probes.get(server.label) ?? []).sort((a, b) => a - b)
      this.probes.set(server.label, [])
      const list = this.samples.get(server.label) ?? []
      list.push({
        atS: Math.round((now - this.startedAt) / 1000),
        rssMiB: rssMiB(server.pid),
        heapMiB: metrics?.heap ?? null,
        loopP99Ms: metrics?.loopP99 ?? null,
        probeP99Ms: percentile(probes, 99),
        nodeCores,
        workerCores,
        ready,
      })
      this.samples.set(server.label, list)
    }
  }

  private async scrape(server: ServerProcess): Promise<{ heap: number | null; loopP99: number | null } | null> {
    const response = await fetch(`${server.baseUrl}/metrics`, {
      headers: { authorization: `Bearer ${this.metricsToken}` },
      signal: AbortSignal.timeout(5000),
    }).catch(() => null)
    if (!response?.ok || !(response.headers.get('content-type') ?? '').includes('text/plain')) {
      this.metricsServed.set(server.label, false)
      return null
    }
    this.metricsServed.set(server.label, true)
    const text = await response.text()
    const heap = metricValue(text, 'nodejs_heap_size_used_bytes')
    const loopP99 = metricValue(text, 'nodejs_eventloop_lag_p99_seconds')
    return { heap: heap === null ? null : heap / 2 ** 20, loopP99: loopP99 === null ? null : loopP99 * 1000 }
  }

  /** The latest readiness answer of a server, read now (not waiting for the next sample). */
  async readinessNow(server: ServerProcess): Promise<string> {
    return fetch(`${server.baseUrl}/healthz/ready`, { signal: AbortSignal.timeout(5000) })
      .then(async (r) => (r.status === 404 ? 'n/a (no /healthz/ready)' : `${r.status} ${readinessSummary(await r.text())}`))
      .catch((error: unknown) => `error ${(error as Error).message}`)
  }

  stop(): void {
    for (const timer of this.timers) clearInterval(timer)
    this.benchLoop.disable()
  }
}

/** `{"status":"degraded","checks":{"redis":{"status":"down"}}}` → `degraded (redis: down)`; anything else as it came, shortened. */
export function readinessSummary(body: string): string {
  try {
    const parsed = JSON.parse(body) as { status?: string; degraded?: boolean; checks?: Record<string, { status?: string } | string> }
    const checks = Object.entries(parsed.checks ?? {})
      .map(([name, check]) => `${name}: ${typeof check === 'string' ? check : (check.status ?? '?')}`)
      .join(', ')
    return `${parsed.status ?? '?'}${parsed.degraded ? ' degraded' : ''}${checks ? ` (${checks})` : ''}`
  } catch {
    return body.slice(0, 80)
  }
}

/** Least-squares slope of y over x (per second), for the memory series after warm-up. */
export function slopePerMinute(points: ReadonlyArray<{ x: number; y: number }>): number {
  const valid = points.filter((p) => Number.isFinite(p.y))
  if (valid.length < 2) return Number.NaN
  const meanX = valid.reduce((s, p) => s + p.x, 0) / valid.length
  const meanY = valid.reduce((s, p) => s + p.y, 0) / valid.length
  const num = valid.reduce((s, p) => s + (p.x - meanX) * (p.y - meanY), 0)
  const den = valid.reduce((s, p) => s + (p.x - meanX) ** 2, 0)
  return den === 0 ? Number.NaN : (num / den) * 60
}
