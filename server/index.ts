import closeWithGrace from 'close-with-grace'
import { createServer } from 'node:http'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from 'react-router'
import { disconnectPrisma, getPrisma } from '../app/domain/db.server.ts'
import { closeSharedRedis } from '../app/utils/redis.server.ts'
import { resumeUnfinishedClips } from '../app/domain/replays/clips.server.ts'
import { startReplayRetentionTimer } from '../app/domain/replays/retention.server.ts'
import { getEnv } from '../app/utils/env.server.ts'
import { getLogger } from '../app/utils/logger.server.ts'
import { createExpressApp } from './app.ts'
import { createMediaLayer, mediaNodeSettings } from './media-setup.ts'
import { createOperations, watchServices } from './operations/index.ts'
import { IngestService } from './ingest/service.ts'
import { startJobs, type JobService } from './jobs.ts'
import { RtmpIngest } from './ingest/rtmp.ts'
import { createRecordingService } from './recording/setup.ts'
import { RestreamService } from './restream/service.ts'
import { createRealtimeServer } from './realtime/index.ts'
import { DemoCredentialsError, guardDemoCredentials, seedDemoDataIfEmpty, seedReferenceDataIfEmpty } from './seed-on-start.ts'

const bootStarted = performance.now()
const env = getEnv()
const logger = getLogger()

// Database first: migrations apply here, and the bundled app reuses this client (see db.server.ts).
await getPrisma()
await seedReferenceDataIfEmpty()
if (env.SEED_DEMO_DATA === 'true') await seedDemoDataIfEmpty()
// A published demo password outside development: refuse to serve, unless this is declared a demo.
try {
  await guardDemoCredentials(env, await getPrisma())
} catch (error) {
  if (!(error instanceof DemoCredentialsError)) throw error
  logger.fatal({ accounts: error.accounts.length }, error.message)
  await disconnectPrisma()
  process.exit(1)
}

// Probes and metrics; the media, realtime and pipeline checks join once those exist (watchServices below).
const operations = createOperations()
let app
// Encoder ingest (WHIP here, RTMP below) needs the media layer, which starts after the app is built.
let ingest: IngestService | null = null
// Deferred work (reminders, confirmations, webhook retries) starts once the server listens.
let jobs: JobService | null = null
let closeVite: (() => Promise<void>) | undefined
// Tests (the e2e server) run the production build too; only development compiles on the fly.
if (env.NODE_ENV !== 'development') {
  const buildDir = path.resolve('build')
  const build = (await import(pathToFileURL(path.join(buildDir, 'server/index.js')).href)) as ServerBuild
  app = createExpressApp({ mode: 'production', build, clientDir: path.join(buildDir, 'client'), ingest: () => ingest, operations, jobs: () => jobs })
} else {
  const { createServer: createViteServer } = await import('vite')
  const vite = await createViteServer({ server: { middlewareMode: true }, appType: 'custom' })
  closeVite = () => vite.close()
  app = createExpressApp({ mode: 'development', vite, ingest: () => ingest, operations, jobs: () => jobs })
}

const httpServer = createServer(app)
// mediasoup workers (one per core); a dead worker is replaced and only its rooms restart.
const media = await createMediaLayer(env, logger)
// ffmpeg records live showcases (and serves the live HLS fallback); without it live still works.
const recordings = await createRecordingService(env, logger)
// Live showcases restream to their RTMP destinations from the same encode (ADR 018).
const restreams = new RestreamService({ encode: recordings, ffmpeg: env.FFMPEG_PATH, logger: logger.child({ component: 'restream' }) })
await restreams.closeLeftovers()
// An encoder's producers join a live show as the host's: the recorder attaches as it does for the browser studio.
ingest = new IngestService({
  media,
  logger: logger.child({ ns: 'ingest' }),
  onProducing: (target, room) => {
    if (target.status === 'LIVE') void recordings.sessionLive(target.sessionId, room)
    if (target.status === 'LIVE') void restreams.sessionLive(target.sessionId, room)
  },
})
// RTMP ingest (RTMP_INGEST_PORT): encoders that only speak RTMP; a port in use leaves it off, never the app.
const rtmpIngest = env.RTMP_INGEST_PORT
  ? await RtmpIngest.start({ port: env.RTMP_INGEST_PORT, ingest, logger: logger.child({ ns: 'rtmp-ingest' }), ffmpegPath: env.FFMPEG_PATH }).catch(
      (error: unknown) => {
        logger.error({ err: error }, 'RTMP ingest could not listen; encoders can still use WHIP')
        return null
      },
    )
  : null
// With REDIS_URL this process is a media node: showcases cascade across the nodes (ADR 020).
const node = mediaNodeSettings(env, media)
const realtime = await createRealtimeServer(httpServer, {
  media: { layer: media, iceServers: env.ICE_SERVERS, testHooks: env.ENABLE_TEST_HOOKS === '1', recordings, restreams, ...(node ? { node } : {}) },
})
watchServices(operations, { media, realtime, recordings, restreams })

await new Promise<void>((resolve, reject) => {
  httpServer.once('error', reject)
  httpServer.listen(env.PORT, env.HOST, resolve)
})
// Hourly: replays past their fair's retention are deleted; at the first run, clip cuts a restart interrupted resume.
// Reminders, confirmations, expiries and webhook retries: BullMQ with REDIS_URL, else the database queue.
jobs = await startJobs(env, logger)
const jobService = jobs
operations.metrics.watchQueue('jobs-failed', () => jobService.countFailed())
const stopReplayRetention = startReplayRetentionTimer({ onStart: resumeUnfinishedClips, onError: (err) => logger.error({ err }, 'replay retention failed') })
const address = httpServer.address()
const port = typeof address === 'object' && address ? address.port : env.PORT
logger.info({ port, mode: env.NODE_ENV, bootMs: Math.round(performance.now() - bootStarted) }, `Tradecast listening on http://localhost:${port}`)

// Finish in-flight requests, close sockets, then the database; a second signal forces exit.
// A media node's drain comes on top of the usual 10 s.
closeWithGrace({ delay: 10_000 + (node ? env.MEDIA_DRAIN_TIMEOUT_MS : 0) }, async ({ signal, err }) => {
  if (err) logger.error({ err }, 'shutting down after an error')
  else logger.info({ signal }, 'shutting down')
  // Readiness answers 503 from now on (liveness stays 200), so balancers stop sending new viewers here.
  operations.readiness.startDraining()
  // Each step in its own try: one that throws must not skip the rest (the viewer stats, the database).
  const step = async (name: string, close: () => unknown) => {
    try {
      await close()
    } catch (error) {
      logger.error({ err: error, step: name }, 'shutdown step failed; continuing')
    }
  }
  // A media node of a cluster first moves its viewers to the other nodes (bounded by MEDIA_DRAIN_TIMEOUT_MS).
  await step('media drain', () => realtime.drainMedia())
  await step('jobs', () => jobs.close())
  await step('replay retention', stopReplayRetention)
  // Recording parts first, while the show's media still flows: ffmpeg closes its last segment on SIGINT
  // only when packets keep coming (with the rooms closed it waited for input until the 5 s SIGKILL).
  // Destinations before the encode they read; a show still live records again after the restart.
  await step('restreams', () => restreams.close())
  await step('recordings', () => recordings.close())
  // Then the sockets (viewer spans close at this instant, stats are written), the encoders, the media workers.
  await step('realtime', () => realtime.close())
  await step('rtmp ingest', () => rtmpIngest?.close())
  await step('ingest', () => ingest.close())
  await step('media', () => media.close())
  await step(
    'http',
    () =>
      new Promise<void>((resolve) => {
        httpServer.close(() => resolve())
        httpServer.closeIdleConnections()
      }),
  )
  await step('vite', () => closeVite?.())
  await step('database', disconnectPrisma)
  await step('redis', closeSharedRedis)
  logger.info('shutdown complete')
})
