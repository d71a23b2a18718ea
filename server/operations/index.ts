import { createHash, timingSafeEqual } from 'node:crypto'
import type { Express } from 'express'
import type { Server as SocketServer } from 'socket.io'
import { getPrisma } from '../../app/domain/db.server.ts'
import { countFailedEmails, countQueuedEmails } from '../../app/domain/notifications/email.server.ts'
import { clipQueueDepth } from '../../app/domain/replays/clips.server.ts'
import { getEnv } from '../../app/utils/env.server.ts'
import { getLogger } from '../../app/utils/logger.server.ts'
import { getSharedRedis } from '../../app/utils/redis.server.ts'
import type { MediaLayer } from '../media/index.ts'
import type { RecordingService } from '../recording/service.ts'
import type { RestreamService } from '../restream/service.ts'
import { databaseCheck, mediaWorkersCheck, Readiness, readinessHttpStatus, recordingCheck, redisCheck, type RedisConnection } from './health.ts'
import { getMetrics, type OperationsMetrics } from './metrics.ts'

export { Readiness } from './health.ts'
export { getMetrics, OperationsMetrics } from './metrics.ts'

/** Health probes and metrics of one process. */
export type Operations = {
  readiness: Readiness
  metrics: OperationsMetrics
  /** METRICS_TOKEN; null: /metrics is disabled (404). */
  metricsToken: string | null
}

/** Paths of the probes: answered before the access log, and ignored by it (a refused /metrics token is logged by its handler). */
export const PROBE_PATHS: ReadonlySet<string> = new Set(['/healthz', '/healthz/live', '/healthz/ready', '/metrics'])

/** The process's operations with the database check (what the app itself needs to answer anything). */
export function createOperations(options: Partial<Operations> = {}): Operations {
  const readiness = options.readiness ?? new Readiness()
  const metrics = options.metrics ?? getMetrics()
  if (!options.readiness) readiness.register(databaseCheck(async () => (await getPrisma()).$queryRaw`SELECT 1`))
  metrics.watchReadiness(async () => (await readiness.report()).checks)
  return { readiness, metrics, metricsToken: options.metricsToken !== undefined ? options.metricsToken : (getEnv().METRICS_TOKEN ?? null) }
}

/** What the running server adds once its media, realtime and pipeline services exist (server/index.ts). */
export type ServedServices = {
  media: MediaLayer
  realtime: { io: SocketServer; redisClients: RedisConnection[] }
  recordings: RecordingService
  restreams: RestreamService
}

/** Registers the services' readiness checks and metric sources. */
export function watchServices(operations: Operations, services: ServedServices): void {
  const { readiness, metrics } = operations
  readiness.register(mediaWorkersCheck(services.media.pool))
  readiness.register(recordingCheck(services.recordings))
  if (getEnv().REDIS_URL) {
    // Opened now (it is otherwise made by the first rate-limited request), so the first probe does not
    // find it still connecting and report a Redis outage that is not one.
    getSharedRedis()
    readiness.register(redisCheck(() => [...services.realtime.redisClients, { role: 'shared', client: getSharedRedis() }]))
  }
  metrics.watchMedia(services.media)
  metrics.watchSockets(services.realtime.io)
  metrics.watchStates('recordings', () => services.recordings.encodeStates())
  metrics.watchStates('restream-publishers', () => services.restreams.destinationStates())
  metrics.watchQueue('clip-cuts', clipQueueDepth)
  metrics.watchQueue('email-outbox', countQueuedEmails)
  metrics.watchQueue('email-failed', countFailedEmails)
}

/**
 * GET /healthz/live: the process and its event loop answer (touches no dependency; restart on failure).
 * GET /healthz/ready (and /healthz, kept for existing probes): the dependencies (take out of rotation
 * on 503). GET /metrics: Prometheus text with `Authorization: Bearer <METRICS_TOKEN>`.
 */
export function mountOperations(app: Express, operations: Operations): void {
  app.get('/healthz/live', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) })
  })

  app.get(['/healthz', '/healthz/ready'], async (_req, res) => {
    const report = await operations.readiness.report()
    res.status(readinessHttpStatus(report)).set('Cache-Control', 'no-store').json(report)
  })

  app.get('/metrics', async (req, res) => {
    res.set('Cache-Control', 'no-store')
    if (operations.metricsToken === null) {
      res.status(404).type('text/plain').send('Not Found')
      return
    }
    if (!bearerMatches(req.get('authorization'), operations.metricsToken)) {
      // The access log skips probe paths, so a refused token is logged here (a scraper with a stale
      // token, or someone guessing). Never the presented value.
      getLogger().warn({ ip: req.ip, presented: req.get('authorization') ? 'wrong' : 'none' }, 'metrics: bearer token refused')
      res.status(401).set('WWW-Authenticate', 'Bearer realm="metrics"').type('text/plain').send('Unauthorized')
      return
    }
    try {
      const { contentType, body } = await operations.metrics.exposition()
      res.type(contentType).send(body)
    } catch (error) {
      getLogger().error({ err: error }, 'metrics scrape failed')
      res.status(500).type('text/plain').send('Internal Server Error')
    }
  })
}

/** Compares digests, so neither the token's content nor its length shows in the time taken. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const presented = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '')?.[1]
  if (!presented) return false
  const digest = (value: string) => createHash('sha256').update(value).digest()
  return timingSafeEqual(digest(presented), digest(token))
}
