// Live-chat benchmark: N Socket.io guests (default 2,000) of one public showcase in one room, a steady
// chat load (default 50 messages/s for 60 s), on one server process and on two server processes joined
// by the Redis adapter (clients split across both). Prints delivery latency (send time carried in the
// body → receive time at every client) p50/p95/p99, deliveries, server CPU and the machine.
//
//   npm run bench:chat
//   BENCH_CHAT_SECONDS=10 BENCH_CHAT_CLIENTS=500 npm run bench:chat     # a quick run
//
// Needs PostgreSQL (BENCH_POSTGRES_URL, default postgresql://postgres@127.0.0.1:5432/postgres: a
// scratch database is created and dropped) and, for the two-process run, Redis (BENCH_REDIS_URL,
// default redis://127.0.0.1:6379). The per-identity chat limit (5 messages / 10 s) is left as it is:
// the load comes from BENCH_CHAT_SENDERS distinct guests (default 500), each sending once every
// SENDERS / RATE seconds (10 s), well under the limit.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { io as connect, type Socket as ClientSocket } from 'socket.io-client'
import { describeMachine } from './machine.ts'

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

// Cookies are signed by the children with the same secret the bench mints guest keys with.
process.env.SESSION_SECRET ??= randomBytes(32).toString('hex')
process.env.LOG_LEVEL ??= 'warn'

const serverEntry = fileURLToPath(new URL('./chat-server.ts', import.meta.url))

/** Latency histogram in 0.1 ms buckets up to 30 s: millions of samples without millions of numbers. */
class Histogram {
  private readonly buckets = new Uint32Array(300_000)
  count = 0
  add(ms: number) {
    this.buckets[Math.min(this.buckets.length - 1, Math.max(0, Math.round(ms * 10)))]! += 1
    this.count += 1
  }
  percentile(p: number): number {
    const target = Math.ceil((p / 100) * this.count)
    let seen = 0
    for (let i = 0; i < this.buckets.length; i++) {
      seen += this.buckets[i]!
      if (seen >= target && target > 0) return i / 10
    }
    return Number.NaN
  }
}

function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK
}

async function createScratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `tradecast_bench_chat_${process.pid}_${Date.now()}`
  const admin = new pg.Client({ connectionString: PG_ADMIN })
  await admin.connect()
  await admin.query(`CREATE DATABASE "${name}"`)
  await admin.end()
  const url = new URL(PG_ADMIN)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: PG_ADMIN })
      await cleanup.connect()
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      await cleanup.end()
    },
  }
}

async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', serverEntry], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] })
  const port = await new Promise<number>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error('chat server did not start within 60 s'))
    }, 60_000)
    child.stdout!.on('data', (chunk: Buffer) => {
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

type Result = { label: string; joinMs: number; sent: number; rejected: number; timedOut: number; expected: number; received: number; p50: number; p95: number; p99: number; max: number; serverCpu: number[]; benchCpu: number }

async function runScenario(label: string, servers: number, sessionId: string, dbUrl: string, mintCookie: () => string): Promise<Result> {
  const redisKey = `tradecast-bench-${process.pid}-${servers}`
  // One after another: each child checks the migrations under PostgreSQL's advisory lock.
  const started: Array<{ child: ChildProcess; port: number }> = []
  const histogram = new Histogram()
  const clients: ClientSocket[] = []
  try {
    for (let n = 0; n < servers; n++) {
      started.push(await startServer({ DATABASE_URL: dbUrl, ...(servers > 1 ? { BENCH_REDIS_URL: REDIS_URL, BENCH_REDIS_KEY: redisKey } : {}) }))
    }
    const joinStart = performance.now()
    for (let first = 0; first < CLIENTS; first += JOIN_BATCH) {
      await Promise.all(
        Array.from({ length: Math.min(JOIN_BATCH, CLIENTS - first) }, async (_, offset) => {
          const index = first + offset
          const server = started[index % servers]!
          const socket = connect(`http://127.0.0.1:${server.port}/live`, { transports: ['websocket'], reconnection: false, extraHeaders: { Cookie: mintCookie() } })
          clients.push(socket)
          await new Promise<void>((resolve, reject) => {
            socket.once('connect', () => resolve())
            socket.once('connect_error', reject)
          })
          const ack = (await socket.timeout(30_000).emitWithAck('live:join', { sessionId, guestName: `Guest ${index}` })) as { ok: boolean; error?: { code: string } }
          if (!ack.ok) throw new Error(`join failed: ${ack.error?.code}`)
          socket.on('chat:message', (message: { body: string }) => {
            const sentAt = Number(message.body.slice(message.body.lastIndexOf(' ') + 1))
            histogram.add(performance.timeOrigin + performance.now() - sentAt)
          })
        }),
      )
    }
    const joinMs = performance.now() - joinStart
    await new Promise((resolve) => setTimeout(resolve, 2000))

    const cpuBefore = started.map((s) => cpuSeconds(s.child.pid!))
    const benchBefore = process.cpuUsage()
    const wallStart = performance.now()
    let sent = 0
    let rejected = 0
    let timedOut = 0
    const pending: Promise<void>[] = []
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        const elapsed = (performance.now() - wallStart) / 1000
        const due = Math.min(RATE * SECONDS, Math.floor(elapsed * RATE))
        while (sent < due) {
          const sender = clients[sent % SENDERS]!
          sent += 1
          const body = `bench ${sent} ${performance.timeOrigin + performance.now()}`
          pending.push(
            (sender.timeout(10_000).emitWithAck('chat:send', { sessionId, body }) as Promise<{ ok: boolean }>).then(
              (ack) => void (ack.ok || rejected++),
              // A late ack is not a lost message: the broadcast may still have gone out.
              () => void timedOut++,
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
    return {
      label,
      joinMs,
      sent,
      rejected,
      timedOut,
      expected: (sent - rejected) * CLIENTS,
      received: histogram.count,
      p50: histogram.percentile(50),
      p95: histogram.percentile(95),
      p99: histogram.percentile(99),
      max: histogram.percentile(100),
      serverCpu,
      benchCpu: (bench.user + bench.system) / 1e6 / wallSeconds,
    }
  } finally {
    for (const socket of clients) socket.disconnect()
    await Promise.all(started.map((s) => stopServer(s.child)))
  }
}

const scratch = await createScratchDatabase()
process.env.DATABASE_URL = scratch.url
delete process.env.PGLITE_DATA_DIR
const { getPrisma, disconnectPrisma } = await import('../app/domain/db.server.ts')
const { mintGuestCookie } = await import('../app/utils/guest-key.server.ts')
const mintCookie = () => mintGuestCookie().setCookie.split(';')[0]!

try {
  const prisma = await getPrisma()
  const host = await prisma.user.create({ data: { email: `bench-host-${process.pid}@example.test`, name: 'Bench host', role: 'EXPORTER', timeZone: 'UTC' } })
  const company = await prisma.exporterCompany.create({
    data: { slug: `bench-${process.pid}`, name: 'Bench Co', region: 'Gangwon', city: 'Chuncheon', industry: 'Food', members: { create: { userId: host.id, role: 'OWNER' } } },
  })
  const newSession = (title: string) =>
    prisma.liveSession.create({
      data: { title, status: 'LIVE', isPublic: true, hostId: host.id, companyId: company.id, scheduledStartAt: new Date(), scheduledEndAt: new Date(Date.now() + 3_600_000) },
    })

  console.log(`chat bench: ${CLIENTS} guests in one room, ${RATE} msg/s for ${SECONDS} s from ${SENDERS} senders (each every ${(SENDERS / RATE).toFixed(1)} s)`)
  console.log(describeMachine())
  const results: Result[] = []
  for (const [label, servers] of [['1 process', 1], ['2 processes + Redis', 2]] as const) {
    const result = await runScenario(label, servers, (await newSession(`Bench ${label}`)).id, scratch.url, mintCookie)
    console.log(`${label}: p99 ${result.p99.toFixed(1)} ms, delivered ${result.received} of ${result.expected}`)
    results.push(result)
  }

  console.log('\n| setup | joins (s) | sent / rejected / ack > 10 s | delivered | latency p50 / p95 / p99 / max (ms) | server CPU (% of a core, per process) | bench-client CPU (% core) |')
  console.log('|---|---|---|---|---|---|---|')
  for (const r of results) {
    console.log(
      `| ${r.label} | ${(r.joinMs / 1000).toFixed(1)} | ${r.sent} / ${r.rejected} / ${r.timedOut} | ${r.received} of ${r.expected} (${((100 * r.received) / Math.max(1, r.expected)).toFixed(2)} %) | ${r.p50.toFixed(1)} / ${r.p95.toFixed(1)} / ${r.p99.toFixed(1)} / ${r.max.toFixed(1)} | ${r.serverCpu.map((c) => (c * 100).toFixed(1)).join(' + ')} | ${(r.benchCpu * 100).toFixed(1)} |`,
    )
  }
  const single = results[0]!
  console.log(`\ngoal p99 < ${GOAL_P99_MS} ms on one core: ${single.p99 < GOAL_P99_MS ? 'met' : 'NOT met'} (one process: p99 ${single.p99.toFixed(1)} ms at ${(single.serverCpu[0]! * 100).toFixed(1)} % of a core)`)
} finally {
  await disconnectPrisma()
  await scratch.drop()
}
