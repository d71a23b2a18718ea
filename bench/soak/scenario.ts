import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createScratchDatabase, dropScratchDatabase } from '../../tests/postgres.ts'
import { TcpProxy } from '../../tests/tcp-proxy.ts'
import { freePort, sleep, until } from '../harness.ts'
import { LightSocketIoClient } from '../light-client.ts'
import { describeMachine, percentile } from '../machine.ts'
import { ChatLoad, type ChatReport } from './chat-load.ts'
import { startChromiumViewers, type ViewerFleet } from './chromium-viewers.ts'
import { startGeneratorViewers } from './generator-viewers.ts'
import { ServerMonitor, slopePerMinute, type ServerSample } from './monitor.ts'
import { startServerProcess, stopServerProcess, type ServerProcess } from './server-process.ts'
import { FormClient, TradeLoad, type TradeReport } from './trade-load.ts'

export const PG_ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379'
const DEMO_PASSWORD = 'Tradecast-demo-2026'

export type ScenarioOptions = {
  name: string
  /** 1, or 2 processes sharing Redis (chat clients and viewers split across both). */
  processes: 1 | 2
  seconds: number
  chatClients: number
  /** Each chat client sends a message every minS–maxS seconds. */
  chatIntervalS: { min: number; max: number }
  viewers: number
  /** The real load generator (bench/webrtc-load), or Chromium pages of `viewersPerPage` (they join again after a worker died, as the app does). */
  viewerKind: 'generator' | 'chromium'
  viewersPerPage: number
  /** Put a TCP proxy of the bench's own between the servers and PostgreSQL / Redis (for fault runs). */
  proxyPostgres: boolean
  proxyRedis: boolean
  /** Warm-up left out of the memory slope. */
  warmupS: number
  /** Called at `atS` seconds into the load; it may take as long as it needs (the load goes on). */
  fault?: { atS: number; run: (context: ScenarioContext) => Promise<void> }
  /** After the load stopped and drained, with everything still up: extra report lines. */
  analyse?: (context: ScenarioContext) => Promise<string[]>
}

export type ScenarioContext = {
  servers: ServerProcess[]
  proxies: { postgres?: TcpProxy; redis?: TcpProxy }
  monitor: ServerMonitor
  chat: ChatLoad
  viewers: ViewerFleet | null
  viewerTimeline: Array<{ at: number; receiving: number }>
  /** Named instants (Date.now()) the fault records, e.g. cut / restored. */
  marks: Map<string, number>
  log: (line: string) => void
  /** The scratch database, directly (not through the proxy). */
  prisma: Awaited<ReturnType<typeof import('../../app/domain/db.server.ts').getPrisma>>
  sessionId: string
}

export type ScenarioResult = {
  chat: ChatReport
  ackedMissingInDb: number
  trade: TradeReport
  tradeInDb: { rfqs: number; orders: number }
  viewers: { description: string; count: number; receivingMedian: number; receivingMin: number; rejoins: number; errors: Record<string, number> } | null
  samples: Map<string, ServerSample[]>
  serverErrorLines: Record<string, number>
  extra: string[]
  benchLoopP99Ms: number
}

/**
 * An RTMP encoder (ffmpeg: 640x360 test picture at 30 fps, H.264 High with B-frames as OBS sends by
 * default, key frame every 2 s, AAC tone) that reconnects 2 s after its connection ends, as OBS does.
 * The ingest transcodes High to VP8 for the room (the generator's viewers read VP8 key frames).
 */
class ReconnectingEncoder {
  private child: ChildProcess | null = null
  private stopped = false
  starts = 0

  constructor(
    private readonly url: string,
    private readonly seconds: number,
  ) {}

  start() {
    if (this.stopped) return
    this.starts += 1
    this.child = spawn(
      'ffmpeg',
      [
        ...[
          '-hide_banner',
          '-loglevel',
          'error',
          '-re',
          '-f',
          'lavfi',
          '-i',
          'testsrc2=size=640x360:rate=30',
          '-re',
          '-f',
          'lavfi',
          '-i',
          'sine=frequency=440',
        ],
        ...['-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'high', '-bf', '2', '-g', '60', '-b:v', '800k', '-maxrate', '800k', '-bufsize', '1600k'],
        ...['-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '64k', '-t', String(this.seconds), '-f', 'flv', this.url],
      ],
      // Its error lines would carry the stream key: not printed.
      { stdio: 'ignore' },
    )
    this.child.once('exit', () => {
      if (!this.stopped) setTimeout(() => this.start(), 2000)
    })
  }

  stop() {
    this.stopped = true
    this.child?.kill('SIGTERM')
  }

  get pid(): number | undefined {
    return this.child?.pid
  }
}

/**
 * One run: scratch PostgreSQL database, production server process(es) seeding it, one public showcase
 * live from an RTMP encoder, chat clients, WebRTC viewers, pins/RFQs/orders, monitoring; then the
 * report figures. Everything it starts is stopped and the database dropped at the end.
 */
export async function runScenario(options: ScenarioOptions): Promise<ScenarioResult> {
  const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`)
  const scratchName = `tradecast_${options.name.replace(/\W/g, '_')}_${process.pid}`
  const directUrl = await createScratchDatabase(PG_ADMIN_URL, scratchName)
  const secrets = {
    SESSION_SECRET: randomBytes(32).toString('hex'),
    SECRETS_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    METRICS_TOKEN: randomBytes(16).toString('hex'),
  }
  // The bench mints guest cookies and reads the database with the servers' secrets.
  Object.assign(process.env, { ...secrets, DATABASE_URL: directUrl, NODE_ENV: 'production', LOG_LEVEL: 'warn' })
  delete process.env.PGLITE_DATA_DIR

  const proxies: ScenarioContext['proxies'] = {}
  const servers: ServerProcess[] = []
  const cleanups: Array<() => Promise<void> | void> = []
  const scratch = await mkdtemp(path.join(os.tmpdir(), `tradecast-${options.name}-`))
  try {
    const pg = new URL(directUrl)
    if (options.proxyPostgres) proxies.postgres = await TcpProxy.start({ host: pg.hostname, port: Number(pg.port || 5432) })
    const redis = new URL(REDIS_URL)
    if (options.proxyRedis) proxies.redis = await TcpProxy.start({ host: redis.hostname, port: Number(redis.port || 6379) })
    cleanups.push(
      () => proxies.postgres?.close(),
      () => proxies.redis?.close(),
    )
    const serverDbUrl = new URL(directUrl)
    if (proxies.postgres) serverDbUrl.port = String(proxies.postgres.port)
    const redisUrl = new URL(REDIS_URL)
    if (proxies.redis) redisUrl.port = String(proxies.redis.port)
    const rtmpPort = await freePort()
    const baseEnv: Record<string, string> = {
      ...secrets,
      DATABASE_URL: serverDbUrl.toString(),
      SEED_DEMO_DATA: 'true',
      // The load's people come from many networks: the bench stands for one proxy hop (X-Forwarded-For).
      TRUST_PROXY: '1',
      LOGIN_ATTEMPTS_PER_IP: '1000',
      RTC_LISTEN_IP: '127.0.0.1',
      RECORDING_ENABLED: process.env.SOAK_RECORDING === '1' ? 'true' : 'false',
      UPLOAD_DIR: path.join(scratch, 'uploads'),
      RECORDINGS_DIR: path.join(scratch, 'recordings'),
      ...(options.processes === 2 ? { REDIS_URL: redisUrl.toString(), REDIS_CHANNEL: `tradecast-soak-${process.pid}-${Date.now()}` } : {}),
    }
    // One after another: the first applies the migrations and seeds.
    for (let n = 0; n < options.processes; n++) {
      const port = await freePort()
      log(`starting server ${n + 1} on port ${port}`)
      servers.push(
        await startServerProcess({
          label: `server ${n + 1}`,
          port,
          env: { ...baseEnv, APP_URL: `http://127.0.0.1:${port}`, ...(n === 0 ? { RTMP_INGEST_PORT: String(rtmpPort) } : {}) },
        }),
      )
    }
    cleanups.push(() => Promise.all(servers.map((s) => stopServerProcess(s))).then(() => undefined))

    const { getPrisma, disconnectPrisma } = await import('../../app/domain/db.server.ts')
    cleanups.push(() => disconnectPrisma())
    const { rotateIngestToken } = await import('../../app/domain/live/ingest.server.ts')
    const { mintGuestCookie } = await import('../../app/utils/guest-key.server.ts')
    const mintCookie = () => mintGuestCookie().setCookie.split(';')[0]!
    const prisma = await getPrisma()

    // The showcase: the demo exporter's company, live now, public.
    const host = await prisma.user.findUniqueOrThrow({ where: { email: 'exporter@tradecast.dev' }, select: { id: true } })
    const { companyId } = await prisma.exporterMember.findUniqueOrThrow({ where: { userId: host.id }, select: { companyId: true } })
    const session = await prisma.liveSession.create({
      data: {
        title: `Soak ${options.name}`,
        status: 'LIVE',
        isPublic: true,
        recordingEnabled: process.env.SOAK_RECORDING === '1',
        hostId: host.id,
        companyId,
        startedAt: new Date(),
        scheduledStartAt: new Date(),
        scheduledEndAt: new Date(Date.now() + 4 * 3_600_000),
      },
    })
    const products = await prisma.product.findMany({ where: { companyId, status: 'PUBLISHED' }, select: { id: true }, take: 6 })
    if (products.length === 0) throw new Error('the demo exporter has no published products')
    const freeSamples = await prisma.product.findMany({
      where: { status: 'PUBLISHED', sampleAvailable: true, samplePriceMinor: 0 },
      select: { id: true, companyId: true },
      take: 20,
    })
    const buyersInDb = await prisma.user.findMany({
      where: { role: 'BUYER', password: { isNot: null } },
      select: { email: true },
      orderBy: { email: 'asc' },
      take: 4,
    })

    // The encoder goes live over RTMP.
    const token = await rotateIngestToken(session.id, host.id, new Date())
    const encoder = new ReconnectingEncoder(`rtmp://127.0.0.1:${rtmpPort}/live/${token}`, options.seconds + 600)
    encoder.start()
    cleanups.push(() => encoder.stop())
    const probe = new LightSocketIoClient(servers[0]!.baseUrl, '/media', { Cookie: mintCookie() })
    await probe.connected
    await probe.emitWithAck('media:join', { sessionId: session.id, role: 'viewer' }, 10_000)
    await until(
      async () => {
        const ready = (await probe.emitWithAck('media:ready', { rtpCapabilities: {} }, 10_000)) as { ok: boolean; producers?: unknown[] }
        return (ready.producers?.length ?? 0) >= 2
      },
      'the encoder\u2019s video and audio in the room',
      60_000,
    )
    probe.close()
    log('encoder live (RTMP H.264 High, transcoded to VP8 by the ingest, + audio)')

    // Sign-ins through the real form.
    const runNet = randomBytes(1)[0]!
    const hostClient = new FormClient(servers[0]!.baseUrl, `10.${runNet}.0.1`)
    await hostClient.signIn('exporter@tradecast.dev', DEMO_PASSWORD)
    const buyers: FormClient[] = []
    for (const [index, { email }] of buyersInDb.entries()) {
      const buyer = new FormClient(servers[index % servers.length]!.baseUrl, `10.${runNet}.1.${index + 1}`)
      await buyer.signIn(email, DEMO_PASSWORD)
      buyers.push(buyer)
    }
    log(`signed in: the host and ${buyers.length} buyers`)

    const monitor = new ServerMonitor(() => servers, secrets.METRICS_TOKEN)
    const chat = new ChatLoad({
      baseUrls: servers.map((s) => s.baseUrl),
      sessionId: session.id,
      count: options.chatClients,
      minS: options.chatIntervalS.min,
      maxS: options.chatIntervalS.max,
      mintCookie,
    })
    const joinStarted = performance.now()
    await chat.connect()
    cleanups.push(() => chat.close())
    log(`${options.chatClients} chat clients joined in ${((performance.now() - joinStarted) / 1000).toFixed(1)} s`)

    let viewers: ViewerFleet | null = null
    // A showcase's media lives in one process (docs/operations.md): its viewers all reach the live process.
    const viewerBaseUrls = [servers[0]!.baseUrl]
    if (options.viewers > 0) {
      const started = performance.now()
      viewers =
        options.viewerKind === 'generator'
          ? await startGeneratorViewers({ baseUrls: viewerBaseUrls, sessionId: session.id, count: options.viewers })
          : await startChromiumViewers({
              baseUrls: viewerBaseUrls,
              sessionId: session.id,
              count: options.viewers,
              perPage: options.viewersPerPage,
              mintCookie,
              // 50 viewers per network (the server allows 100 media connections per network).
              forwardedFor: (index) => `10.${runNet}.${100 + Math.floor(index / 50)}.${(index % 50) + 1}`,
            })
      const fleet = viewers
      cleanups.push(() => fleet.close())
      await fleet.receiving()
      await sleep(3000)
      log(
        `${options.viewers} WebRTC viewers joined in ${((performance.now() - started) / 1000).toFixed(1)} s (${fleet.description}); receiving: ${await fleet.receiving()}`,
      )
    }

    const trade = new TradeLoad({
      sessionId: session.id,
      host: hostClient,
      hostBaseUrl: servers[0]!.baseUrl,
      buyers,
      pinProducts: products.map((p) => p.id),
      rfqProducts: products.map((p) => p.id),
      sampleProducts: freeSamples.map((p) => ({ id: p.id, live: p.companyId === companyId })),
      pinEveryS: 45,
      rfqEveryS: 30,
      orderEveryS: 60,
    })

    const context: ScenarioContext = { servers, proxies, monitor, chat, viewers, viewerTimeline: [], marks: new Map(), log, prisma, sessionId: session.id }
    await monitor.start()
    cleanups.push(() => monitor.stop())
    await trade.start()
    chat.start()
    const loadStarted = Date.now()
    context.marks.set('load-start', loadStarted)
    log(`load running for ${options.seconds} s`)

    const viewerTimer = setInterval(() => {
      void viewers
        ?.receiving()
        .then((receiving) => context.viewerTimeline.push({ at: Date.now(), receiving }))
        .catch(() => undefined)
    }, 5000)
    cleanups.push(() => clearInterval(viewerTimer))
    const fault = options.fault
    const faultDone = fault
      ? sleep(fault.atS * 1000).then(() =>
          fault.run(context).catch((error: unknown) => {
            log(`fault step failed: ${(error as Error).message}`)
          }),
        )
      : Promise.resolve()
    let lastProgress = Date.now()
    while (Date.now() - loadStarted < options.seconds * 1000) {
      await sleep(1000)
      if (Date.now() - lastProgress >= 60_000) {
        lastProgress = Date.now()
        const r = chat.report()
        const rss = servers.map((s) => monitor.samples.get(s.label)?.at(-1)?.rssMiB.toFixed(0) ?? '?').join(' + ')
        log(
          `  ${Math.round((Date.now() - loadStarted) / 1000)} s: ${r.acked} messages acked, p99 ${r.p99} ms, viewers receiving ${context.viewerTimeline.at(-1)?.receiving ?? '-'}, RSS ${rss} MiB`,
        )
      }
    }
    await faultDone
    clearInterval(viewerTimer)
    await trade.stop()
    await chat.stop(5000)
    monitor.stop()
    const extra = options.analyse ? await options.analyse(context) : []

    // Every message the server acknowledged must be in the database (read directly, not through the proxy).
    const acked = chat.ackedMessageIds()
    let found = 0
    for (let i = 0; i < acked.length; i += 1000) found += await prisma.chatMessage.count({ where: { id: { in: acked.slice(i, i + 1000) } } })
    const tradeInDb = {
      rfqs: await prisma.inquiry.count({ where: { liveSessionId: session.id } }),
      orders: await prisma.order.count({ where: { createdAt: { gte: new Date(loadStarted) } } }),
    }
    const receivingCounts = context.viewerTimeline.map((s) => s.receiving).sort((a, b) => a - b)
    return {
      chat: chat.report(),
      ackedMissingInDb: acked.length - found,
      trade: trade.report(),
      tradeInDb,
      viewers: viewers
        ? {
            description: viewers.description,
            count: viewers.count,
            receivingMedian: percentile(receivingCounts, 50),
            receivingMin: receivingCounts[0] ?? 0,
            rejoins: viewers.rejoins,
            errors: viewers.errors,
          }
        : null,
      samples: monitor.samples,
      serverErrorLines: Object.fromEntries(servers.map((s) => [s.label, s.errorLines.count])),
      extra,
      benchLoopP99Ms: monitor.benchLoop.percentile(99) / 1e6,
    }
  } catch (error) {
    for (const server of servers) console.error(`--- ${server.label} log (last lines) ---\n${server.stderrTail.slice(-30).join('\n')}`)
    throw error
  } finally {
    for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => undefined)
    if (process.env.BENCH_KEEP !== '1') await dropScratchDatabase(PG_ADMIN_URL, scratchName).catch(() => undefined)
  }
}

/** The report every run prints: the machine, the load, then each figure with its goal. */
export function printReport(title: string, options: ScenarioOptions, result: ScenarioResult): void {
  const { chat } = result
  console.log(`\n=== ${title} ===`)
  console.log(describeMachine())
  console.log(
    `load: ${options.processes} server process(es), ${options.seconds} s, ${options.chatClients} chat clients (one message every ${options.chatIntervalS.min}–${options.chatIntervalS.max} s each), ${options.viewers} WebRTC viewers${result.viewers ? ` (${result.viewers.description})` : ''}, RTMP encoder 640x360 H.264 High 800 kbit/s + AAC (ingest transcodes to VP8), recording ${process.env.SOAK_RECORDING === '1' ? 'on' : 'off'}`,
  )
  const refused = Object.entries(chat.refused)
    .map(([code, n]) => `${code} ${n}`)
    .join(', ')
  console.log(
    `chat: ${chat.sent} sent, ${chat.acked} acked, refused ${refused || '0'}, no ack ${chat.noAck}; deliveries ${chat.expectedDeliveries - chat.missingDeliveries} of ${chat.expectedDeliveries} (missing ${chat.missingDeliveries}, duplicates ${chat.duplicates}); clients dropped ${chat.dropped}`,
  )
  console.log(
    `chat delivery latency (send → every reader): p50 ${chat.p50} ms, p99 ${chat.p99} ms, max ${chat.max} ms; bench event loop p99 ${result.benchLoopP99Ms.toFixed(1)} ms`,
  )
  console.log(`acked messages missing from the database: ${result.ackedMissingInDb}`)
  const t = result.trade
  console.log(
    `trade: ${t.pins} pin changes (errors ${JSON.stringify(t.pinErrors)}), ${t.rfqs} RFQs (${result.tradeInDb.rfqs} in the database), ${t.orders} sample orders (${result.tradeInDb.orders} in the database), errors ${JSON.stringify(t.errors)}`,
  )
  if (result.viewers) {
    const v = result.viewers
    console.log(
      `viewers: ${v.count}; receiving media (5 s samples) median ${v.receivingMedian}, min ${v.receivingMin}; rejoins ${v.rejoins}; errors ${JSON.stringify(v.errors)}`,
    )
  }
  console.log(`server log lines at error level: ${JSON.stringify(result.serverErrorLines)}`)
  for (const [label, samples] of result.samples) {
    console.log(`\n${label}, every 10 s:`)
    console.log(
      '| t (s) | RSS (MiB) | heap used (MiB) | event-loop p99 (ms) | no-I/O probe p99 (ms) | node CPU (cores) | mediasoup workers CPU (cores) | /healthz/ready |',
    )
    console.log('|---|---|---|---|---|---|---|---|')
    for (const s of samples) {
      console.log(
        `| ${s.atS} | ${s.rssMiB.toFixed(0)} | ${s.heapMiB?.toFixed(0) ?? '–'} | ${s.loopP99Ms?.toFixed(1) ?? '–'} | ${s.probeP99Ms.toFixed(1)} | ${s.nodeCores.toFixed(2)} | ${s.workerCores.toFixed(2)} | ${s.ready} |`,
      )
    }
    const after = samples.filter((s) => s.atS > options.warmupS)
    const rssSlope = slopePerMinute(after.map((s) => ({ x: s.atS, y: s.rssMiB })))
    const heapSlope = slopePerMinute(after.map((s) => ({ x: s.atS, y: s.heapMiB ?? Number.NaN })))
    const loops = after.map((s) => s.loopP99Ms).filter((v): v is number => v !== null)
    const probes = after.map((s) => s.probeP99Ms).sort((a, b) => a - b)
    const cores = after.map((s) => s.nodeCores + s.workerCores).sort((a, b) => a - b)
    console.log(
      `${label} after ${options.warmupS} s warm-up: RSS ${after[0]?.rssMiB.toFixed(0)} → ${after.at(-1)?.rssMiB.toFixed(0)} MiB, slope ${rssSlope.toFixed(2)} MiB/min; heap slope ${Number.isNaN(heapSlope) ? 'n/a (no /metrics)' : `${heapSlope.toFixed(2)} MiB/min`}; event-loop p99 ${
        loops.length
          ? `median of samples ${percentile(
              loops.sort((a, b) => a - b),
              50,
            ).toFixed(1)} ms, worst ${Math.max(...loops).toFixed(1)} ms`
          : 'n/a (no /metrics)'
      }; no-I/O probe p99 median ${percentile(probes, 50).toFixed(1)} ms, worst ${probes.at(-1)?.toFixed(1)} ms; CPU (node + workers) median ${percentile(cores, 50).toFixed(2)} cores`,
    )
  }
  for (const line of result.extra) console.log(line)
}
