// Live-chat benchmark: N Socket.io guests (default 2,000) of one public showcase in one room, a steady
// chat load (default 50 messages/s for 60 s), side by side on one server process with chat batching
// off (LIVE_CHAT_BATCH_MAX_MS=0, one frame per message as before ADR 008), on one server process as
// configured, and on two server processes joined by the Redis adapter (clients split across both). Prints delivery latency (send time carried in the
// body → receive time at every client) p50/p95/p99, deliveries, frames, server CPU and the machine. A fourth
// run, one process with slow mode on, prices the per-sender lock slow mode takes.
//
// "On one core" is taken literally: where `taskset` exists and the machine has two cores or more, the
// server processes are pinned to CPU 0 (BENCH_CHAT_SERVER_CPUS) and this process, which runs all the
// clients, to the other CPUs, so clients and server never share a core (BENCH_CHAT_PIN=0 turns it off).
//
//   npm run bench:chat
//   BENCH_CHAT_SECONDS=10 BENCH_CHAT_CLIENTS=500 npm run bench:chat     # a quick run
//
// Needs PostgreSQL (BENCH_POSTGRES_URL, default postgresql://postgres@127.0.0.1:5432/postgres: a
// scratch database is created and dropped) and, for the two-process run, Redis (BENCH_REDIS_URL,
// default redis://127.0.0.1:6379). The per-identity chat limit (5 messages / 10 s) is left as it is:
// the load comes from BENCH_CHAT_SENDERS distinct guests (default 500), each sending once every
// SENDERS / RATE seconds (10 s), well under the limit.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { createScratchDatabase, dropScratchDatabase } from '../tests/postgres.ts'
import { io as connect } from 'socket.io-client'
import { LightSocketIoClient } from './light-client.ts'
import { describeMachine, Histogram } from './machine.ts'

const CLIENTS = Number(process.env.BENCH_CHAT_CLIENTS ?? 2000)
const RATE = Number(process.env.BENCH_CHAT_RATE ?? 50)
const SECONDS = Number(process.env.BENCH_CHAT_SECONDS ?? 60)
const SENDERS = Math.min(CLIENTS, Number(process.env.BENCH_CHAT_SENDERS ?? 500))
const PG_ADMIN = process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379'
const JOIN_BATCH = 100
const DRAIN_MS = 3000
const CLK_TCK = 100
const GOAL_P99_MS = 100
const SERVER_CPUS = process.env.BENCH_CHAT_SERVER_CPUS ?? '0'
const PIN = process.env.BENCH_CHAT_PIN !== '0' && availableParallelism() >= 2 && existsSync('/usr/bin/taskset')
/** "light" (bench/light-client.ts, default) or "socket.io" (socket.io-client, ≈ 3× the client CPU). */
const CLIENT_KIND = process.env.BENCH_CHAT_CLIENT === 'socket.io' ? 'socket.io' : 'light'
// Side by side in one run: one process without batching (the pre-ADR-008 behaviour), one process,
// two processes joined by Redis. BENCH_CHAT_SCENARIOS picks some, e.g. "one".
const ALL_SCENARIOS = [
  { key: 'unbatched', label: '1 process, batching off', servers: 1, env: { LIVE_CHAT_BATCH_MAX_MS: '0' } },
  { key: 'one', label: '1 process', servers: 1, env: {} },
  { key: 'two', label: '2 processes + Redis', servers: 2, env: {} },
  // Slow mode puts every send through a transaction holding the sender's advisory lock (chat.server.ts); at 5 s
  // the senders, each sending every 10 s, are never refused, so this is that path's cost alone.
  { key: 'slow', label: '1 process, slow mode 5 s', servers: 1, env: {}, slowModeSeconds: 5 },
] as const
type Scenario = (typeof ALL_SCENARIOS)[number]
const SCENARIO_KEYS = (process.env.BENCH_CHAT_SCENARIOS ?? 'unbatched,one,two,slow').split(',')

// Cookies are signed by the children with the same secret the bench mints guest keys with.
process.env.SESSION_SECRET ??= randomBytes(32).toString('hex')
process.env.LOG_LEVEL ??= 'warn'

const serverEntry = fileURLToPath(new URL('./chat-server.ts', import.meta.url))

type BenchClient = {
  emitWithAck: (event: string, payload: unknown, timeoutMs: number) => Promise<unknown>
  on: (event: string, listener: (payload: unknown) => void) => void
  close: () => void
}

async function openClient(baseUrl: string, cookie: string): Promise<BenchClient> {
  if (CLIENT_KIND === 'light') {
    const client = new LightSocketIoClient(baseUrl, '/live', { Cookie: cookie })
    await client.connected
    return client
  }
  const socket = connect(`${baseUrl}/live`, { transports: ['websocket'], reconnection: false, extraHeaders: { Cookie: cookie } })
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve())
    socket.once('connect_error', reject)
  })
  return {
    emitWithAck: (event, payload, timeoutMs) => socket.timeout(timeoutMs).emitWithAck(event, payload) as Promise<unknown>,
    on: (event, listener) => void socket.on(event, listener),
    close: () => void socket.disconnect(),
  }
}

function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK
}

async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  const command = [process.execPath, '--import', 'tsx', serverEntry]
  // taskset execs the server, so the child's pid is the server's own (its CPU is read from /proc).
  const [file, ...args] = PIN ? ['/usr/bin/taskset', '-c', SERVER_CPUS, ...command] : command
  const child = spawn(file!, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] })
  const port = await new Promise<number>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error('chat server did not start within 60 s'))
    }, 60_000)
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /ready (\d+)/.exec(out)
      if (match) {
        clearTimeout(timer)
        resolve(Number(match[1]))
      }
    })
    child.once('exit', (code) => reject(new Error(`chat server exited with ${code}`)))
  })
  return { child, port }
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await exited
}

type Result = {
  label: string
  joinMs: number
  sent: number
  rejected: number
  timedOut: number
  expected: number
  received: number
  frames: number
  p50: number
  p95: number
  p99: number
  max: number
  serverCpu: number[]
  benchCpu: number
  clientLoopDelayP99: number
  ackP50: number
  ackP99: number
}

async function runScenario({ label, servers, env }: Scenario, sessionId: string, dbUrl: string, mintCookie: () => string): Promise<Result> {
  const redisKey = `tradecast-bench-${process.pid}-${servers}`
  // One after another: each child checks the migrations under PostgreSQL's advisory lock.
  const started: Array<{ child: ChildProcess; port: number }> = []
  const histogram = new Histogram(30_000)
  const ackHistogram = new Histogram(30_000)
  const clients: BenchClient[] = []
  let frames = 0
  try {
    for (let n = 0; n < servers; n++) {
      started.push(await startServer({ DATABASE_URL: dbUrl, ...env, ...(servers > 1 ? { BENCH_REDIS_URL: REDIS_URL, BENCH_REDIS_KEY: redisKey } : {}) }))
    }
    const joinStart = performance.now()
    for (let first = 0; first < CLIENTS; first += JOIN_BATCH) {
      await Promise.all(
        Array.from({ length: Math.min(JOIN_BATCH, CLIENTS - first) }, async (_, offset) => {
          const index = first + offset
          const server = started[index % servers]!
          const socket = await openClient(`http://127.0.0.1:${server.port}`, mintCookie())
          clients.push(socket)
          const ack = (await socket.emitWithAck('live:join', { sessionId, guestName: `Guest ${index}` }, 30_000)) as { ok: boolean; error?: { code: string } }
          if (!ack.ok) throw new Error(`join failed: ${ack.error?.code}`)
          socket.on('chat:messages', (payload) => {
            const { messages } = payload as { messages: Array<{ body: string }> }
            const receivedAt = performance.timeOrigin + performance.now()
            frames += 1
            for (const message of messages) histogram.add(receivedAt - Number(message.body.slice(message.body.lastIndexOf(' ') + 1)))
          })
        }),
      )
    }
    const joinMs = performance.now() - joinStart
    await new Promise((resolve) => setTimeout(resolve, 2000))

    const cpuBefore = started.map((s) => cpuSeconds(s.child.pid!))
    const benchBefore = process.cpuUsage()
    // How late the clients' own event loop runs: the share of the measured latency that is the load
    // generator's, not the server's.
    const loopDelay = monitorEventLoopDelay({ resolution: 5 })
    loopDelay.enable()
    const wallStart = performance.now()
    let sent = 0
    let rejected = 0
    let timedOut = 0
    const pending: Array<Promise<void>> = []
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        const elapsed = (performance.now() - wallStart) / 1000
        const due = Math.min(RATE * SECONDS, Math.floor(elapsed * RATE))
        while (sent < due) {
          const sender = clients[sent % SENDERS]!
          sent += 1
          const sentAt = performance.now()
          const body = `bench ${sent} ${performance.timeOrigin + sentAt}`
          pending.push(
            (sender.emitWithAck('chat:send', { sessionId, body }, 10_000) as Promise<{ ok: boolean }>).then(
              (ack) => {
                ackHistogram.add(performance.now() - sentAt)
                if (!ack.ok) rejected++
              },
              // A late ack is not a lost message: the broadcast may still have gone out.
              () => {
                timedOut++
              },
            ),
          )
        }
        if (elapsed >= SECONDS) {
          clearInterval(timer)
          resolve()
        }
      }, 5)
    })
    await Promise.all(pending)
    await new Promise((resolve) => setTimeout(resolve, DRAIN_MS))
    const wallSeconds = (performance.now() - wallStart) / 1000
    const serverCpu = started.map((s, i) => (cpuSeconds(s.child.pid!) - cpuBefore[i]!) / wallSeconds)
    const bench = process.cpuUsage(benchBefore)
    loopDelay.disable()
    return {
      label,
      joinMs,
      sent,
      rejected,
      timedOut,
      expected: (sent - rejected) * CLIENTS,
      received: histogram.count,
      frames,
      p50: histogram.percentile(50),
      p95: histogram.percentile(95),
      p99: histogram.percentile(99),
      max: histogram.percentile(100),
      serverCpu,
      benchCpu: (bench.user + bench.system) / 1e6 / wallSeconds,
      clientLoopDelayP99: loopDelay.percentile(99) / 1e6,
      ackP50: ackHistogram.percentile(50),
      ackP99: ackHistogram.percentile(99),
    }
  } finally {
    for (const socket of clients) socket.close()
    await Promise.all(started.map((s) => stopServer(s.child)))
  }
}

const scratchName = `tradecast_bench_chat_${process.pid}_${Date.now()}`
const scratch = { url: await createScratchDatabase(PG_ADMIN, scratchName), drop: () => dropScratchDatabase(PG_ADMIN, scratchName) }
process.env.DATABASE_URL = scratch.url
delete process.env.PGLITE_DATA_DIR
const { getPrisma, disconnectPrisma } = await import('../app/domain/db.server.ts')
const { mintGuestCookie } = await import('../app/utils/guest-key.server.ts')
const mintCookie = () => mintGuestCookie().setCookie.split(';')[0]!

try {
  const prisma = await getPrisma()
  const host = await prisma.user.create({ data: { email: `bench-host-${process.pid}@example.test`, name: 'Bench host', role: 'EXPORTER', timeZone: 'UTC' } })
  const company = await prisma.exporterCompany.create({
    data: {
      slug: `bench-${process.pid}`,
      name: 'Bench Co',
      region: 'Gangwon',
      city: 'Chuncheon',
      industry: 'Food',
      members: { create: { userId: host.id, role: 'OWNER' } },
    },
  })
  const newSession = (title: string, slowModeSeconds = 0) =>
    prisma.liveSession.create({
      data: {
        title,
        slowModeSeconds,
        status: 'LIVE',
        isPublic: true,
        hostId: host.id,
        companyId: company.id,
        scheduledStartAt: new Date(),
        scheduledEndAt: new Date(Date.now() + 3_600_000),
      },
    })

  console.log(
    `chat bench: ${CLIENTS} guests in one room, ${RATE} msg/s for ${SECONDS} s from ${SENDERS} senders (each every ${(SENDERS / RATE).toFixed(1)} s), ${CLIENT_KIND} clients, LIVE_CHAT_BATCH_MAX_MS=${process.env.LIVE_CHAT_BATCH_MAX_MS ?? 'default'}`,
  )
  console.log(describeMachine())
  if (PIN) {
    const clientCpus = `${SERVER_CPUS === '0' ? 1 : 0}-${availableParallelism() - 1}`
    execFileSync('/usr/bin/taskset', ['-a', '-p', '-c', clientCpus, String(process.pid)], { stdio: 'ignore' })
    console.log(`pinned: server process(es) on CPU ${SERVER_CPUS}, the ${CLIENTS} clients on CPU ${clientCpus}`)
  } else {
    console.log('not pinned: server(s) and clients share all cores')
  }
  const results: Result[] = []
  for (const scenario of ALL_SCENARIOS.filter((s) => SCENARIO_KEYS.includes(s.key))) {
    const { label } = scenario
    const slowModeSeconds = 'slowModeSeconds' in scenario ? scenario.slowModeSeconds : 0
    const result = await runScenario(scenario, (await newSession(`Bench ${label}`, slowModeSeconds)).id, scratch.url, mintCookie)
    console.log(`${label}: p99 ${result.p99.toFixed(1)} ms, delivered ${result.received} of ${result.expected}`)
    results.push(result)
  }

  console.log(
    '\n| setup | joins (s) | sent / rejected / ack > 10 s | delivered | messages per frame | latency p50 / p95 / p99 / max (ms) | sender ack p50 / p99 (ms) | server CPU (% of a core, per process) | clients: CPU (% core) / event-loop delay p99 (ms) |',
  )
  console.log('|---|---|---|---|---|---|---|---|---|')
  for (const r of results) {
    console.log(
      `| ${r.label} | ${(r.joinMs / 1000).toFixed(1)} | ${r.sent} / ${r.rejected} / ${r.timedOut} | ${r.received} of ${r.expected} (${((100 * r.received) / Math.max(1, r.expected)).toFixed(2)} %) | ${(r.received / Math.max(1, r.frames)).toFixed(2)} | ${r.p50.toFixed(1)} / ${r.p95.toFixed(1)} / ${r.p99.toFixed(1)} / ${r.max.toFixed(1)} | ${r.ackP50.toFixed(1)} / ${r.ackP99.toFixed(1)} | ${r.serverCpu.map((c) => (c * 100).toFixed(1)).join(' + ')} | ${(r.benchCpu * 100).toFixed(1)} / ${r.clientLoopDelayP99.toFixed(1)} |`,
    )
  }
  const single = results.find((r) => r.label === '1 process')
  if (single)
    console.log(
      `\ngoal p99 < ${GOAL_P99_MS} ms on one core: ${single.p99 < GOAL_P99_MS ? 'met' : 'NOT met'} (one process: p99 ${single.p99.toFixed(1)} ms at ${(single.serverCpu[0]! * 100).toFixed(1)} % of a core)`,
    )
} finally {
  await disconnectPrisma()
  await scratch.drop()
}
