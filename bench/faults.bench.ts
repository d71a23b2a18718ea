// Faults under load (issue 20): the soak's load (bench/soak/scenario.ts), shorter, with one fault each.
//
// 1. worker: one mediasoup worker process of the server (the busiest: the showcase's) is killed → the
//    server replaces it, the room restarts, the encoder reconnects (as OBS does), viewers join again;
//    reports how long until 95 % of the viewers receive media again. Viewers are headless Chromium
//    pages here: the generator's viewers do not join again after a media reset, the app's viewer does.
// 2. redis: two server processes sharing Redis through a TCP proxy of the bench's own (127.0.0.1);
//    the proxy is cut for 30 s → each process keeps serving its own clients, /healthz/ready says
//    degraded, and after the proxy returns cross-process delivery resumes without a restart.
// 3. postgres: the server reaches PostgreSQL through the proxy; it refuses connections for 10 s →
//    readiness unavailable, pages and chat that need the database fail clearly, then recover, and every
//    message the server acknowledged is in the database afterwards.
//
//   npm run build; flock /tmp/heavy.lock npm run bench:faults
//   FAULTS=redis FAULT_MINUTES=2 npm run bench:faults
//
// The machine's own PostgreSQL and Redis are never stopped or reconfigured: only the proxies are cut.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { sleep } from './harness.ts'
import { printReport, runScenario, type ScenarioContext, type ScenarioOptions } from './soak/scenario.ts'
import { mediasoupWorkerPids, cpuSecondsOf } from './soak/server-process.ts'

const minutes = Number(process.env.FAULT_MINUTES ?? 3)
const FAULT_AT_S = Number(process.env.FAULT_AT_S ?? 60)
const selected = (process.env.FAULTS ?? 'worker,redis,postgres').split(',')

const base = {
  seconds: Math.round(minutes * 60),
  chatClients: Number(process.env.FAULT_CHAT_CLIENTS ?? 1000),
  chatIntervalS: { min: 30, max: 120 },
  viewers: Number(process.env.FAULT_VIEWERS ?? 200),
  viewerKind: 'generator' as const,
  viewersPerPage: 25,
  proxyPostgres: false,
  proxyRedis: false,
  warmupS: 30,
}

const at = (context: ScenarioContext, mark: string) => context.marks.get(mark) ?? Number.NaN
const sinceLoad = (context: ScenarioContext, ms: number) => `${((ms - at(context, 'load-start')) / 1000).toFixed(0)} s`

/** Readiness of every server now, one line. */
async function readiness(context: ScenarioContext, moment: string): Promise<void> {
  const answers = await Promise.all(context.servers.map(async (s) => `${s.label}: ${await context.monitor.readinessNow(s)}`))
  context.log(`readiness ${moment}: ${answers.join(' | ')}`)
}

/** A page that needs the database, as a visitor sees it: the status (and the time it took). */
async function pageProbe(context: ScenarioContext, moment: string): Promise<void> {
  const started = performance.now()
  const status = await fetch(`${context.servers[0]!.baseUrl}/catalog`, { signal: AbortSignal.timeout(30_000) })
    .then((r) => String(r.status))
    .catch((error: unknown) => (error as Error).name)
  context.log(`GET /catalog ${moment}: ${status} in ${(performance.now() - started).toFixed(0)} ms`)
}

function chatWindowLine(context: ScenarioContext, label: string, fromMs: number, toMs: number): string {
  const r = context.chat.report({ fromMs, toMs })
  const refused = Object.entries(r.refused)
    .map(([code, n]) => `${code} ${n}`)
    .join(', ')
  return `| ${label} | ${r.sent} | ${r.acked} | ${refused || '0'} | ${r.noAck} | ${r.expectedDeliveries} | ${r.missingDeliveries - r.missingCrossProcess} | ${r.missingCrossProcess} |`
}

function chatWindows(context: ScenarioContext, windows: Array<[string, number, number]>): string[] {
  return [
    '| messages sent | sent | acked | refused | no ack | expected deliveries | missing, same process | missing, other process |',
    '|---|---|---|---|---|---|---|---|',
    ...windows.map(([label, from, to]) => chatWindowLine(context, label, from, to)),
  ]
}

const proxyLabels = { redis: 'Redis', postgres: 'PostgreSQL' } as const

/** The service "goes away" behind its proxy; marks 'cut'. */
async function cutProxy(context: ScenarioContext, service: keyof typeof proxyLabels): Promise<void> {
  context.marks.set('cut', Date.now())
  await context.proxies[service]!.cut()
  context.log(`${proxyLabels[service]} proxy cut`)
}

/** The service is back behind its proxy; marks 'restored'. */
async function restoreProxy(context: ScenarioContext, service: keyof typeof proxyLabels): Promise<void> {
  await context.proxies[service]!.restore()
  context.marks.set('restored', Date.now())
  context.log(`${proxyLabels[service]} proxy restored`)
}

/** Chat before, during and after a service cut (marks 'cut' and 'restored'). */
function chatAroundTheCut(context: ScenarioContext): string[] {
  const cut = at(context, 'cut')
  const restored = at(context, 'restored')
  return chatWindows(context, [
    ['before the cut', 0, cut],
    ['during the cut', cut, restored],
    ['first 10 s after', restored, restored + 10_000],
    ['later', restored + 10_000, Date.now()],
  ])
}

/** Seconds from `since` until a viewer sample shows at least `share` of the viewers receiving. */
function recoverySeconds(context: ScenarioContext, since: number, share: number): number | null {
  const target = Math.ceil((context.viewers?.count ?? 0) * share)
  const sample = context.viewerTimeline.find((s) => s.at > since && s.receiving >= target)
  return sample ? (sample.at - since) / 1000 : null
}

const runs: Array<{ key: string; title: string; options: ScenarioOptions }> = [
  {
    key: 'worker',
    title: 'fault 1: a mediasoup worker killed',
    options: {
      ...base,
      name: 'fault_worker',
      processes: 1,
      viewerKind: 'chromium',
      viewers: Number(process.env.FAULT_CHROMIUM_VIEWERS ?? 50),
      fault: {
        atS: FAULT_AT_S,
        run: async (context) => {
          const server = context.servers[0]!
          // The showcase's worker is the busy one (it forwards to every viewer).
          const workers = mediasoupWorkerPids(server.pid)
          const before = new Map(workers.map((pid) => [pid, cpuSecondsOf(pid)]))
          await sleep(3000)
          const busiest = workers.sort((a, b) => cpuSecondsOf(b) - (before.get(b) ?? 0) - (cpuSecondsOf(a) - (before.get(a) ?? 0)))[0]!
          context.log(`workers ${workers.join(', ')}; killing ${busiest} (SIGKILL)`)
          context.marks.set('kill', Date.now())
          process.kill(busiest, 'SIGKILL')
          await readiness(context, '2 s after the kill')
          await sleep(20_000)
          context.log(`workers now ${mediasoupWorkerPids(server.pid).join(', ')}`)
          await readiness(context, '20 s after the kill')
        },
      },
      analyse: (context) => {
        const kill = at(context, 'kill')
        const before = context.viewerTimeline.filter((s) => s.at < kill).at(-1)?.receiving
        const lowest = Math.min(...context.viewerTimeline.filter((s) => s.at > kill && s.at < kill + 30_000).map((s) => s.receiving))
        const recovered = recoverySeconds(context, kill, 0.95)
        const all = recoverySeconds(context, kill, 1)
        return Promise.resolve([
          `worker killed at ${sinceLoad(context, kill)}: viewers receiving before ${before}, lowest after ${lowest}; 95 % receiving again after ${recovered ?? 'never'} s, all after ${all ?? 'never'} s (5 s samples); viewer rejoins ${context.viewers?.rejoins}`,
          ...chatWindows(context, [['whole run', 0, Date.now()]]),
        ])
      },
    },
  },
  {
    key: 'redis',
    title: 'fault 2: Redis unreachable for 30 s, two processes',
    options: {
      ...base,
      name: 'fault_redis',
      processes: 2,
      proxyRedis: true,
      fault: {
        atS: FAULT_AT_S,
        run: async (context) => {
          await readiness(context, 'before the cut')
          await cutProxy(context, 'redis')
          await sleep(5000)
          await readiness(context, '5 s into the cut')
          await sleep(20_000)
          await readiness(context, '25 s into the cut')
          await sleep(5000)
          await restoreProxy(context, 'redis')
          await sleep(5000)
          await readiness(context, '5 s after')
          await sleep(10_000)
          await readiness(context, '15 s after')
        },
      },
      analyse: (context) => Promise.resolve(chatAroundTheCut(context)),
    },
  },
  {
    key: 'postgres',
    title: 'fault 3: PostgreSQL refuses connections for 10 s',
    options: {
      ...base,
      name: 'fault_postgres',
      processes: 1,
      proxyPostgres: true,
      fault: {
        atS: FAULT_AT_S,
        run: async (context) => {
          await readiness(context, 'before the cut')
          await cutProxy(context, 'postgres')
          await sleep(2000)
          await readiness(context, '2 s into the cut')
          await pageProbe(context, '3 s into the cut')
          await sleep(Math.max(0, 10_000 - (Date.now() - at(context, 'cut'))))
          await restoreProxy(context, 'postgres')
          const deadline = Date.now() + 60_000
          let ready = ''
          while (Date.now() < deadline) {
            ready = await context.monitor.readinessNow(context.servers[0]!)
            if (ready.startsWith('200')) break
            await sleep(500)
          }
          context.log(`ready again ${((Date.now() - at(context, 'restored')) / 1000).toFixed(1)} s after the restore: ${ready}`)
          await pageProbe(context, 'after the restore')
        },
      },
      analyse: (context) => Promise.resolve(chatAroundTheCut(context)),
    },
  },
]

const chosen = runs.filter((r) => selected.includes(r.key))
if (chosen.length > 1) {
  // One child process per fault: the app's modules read the environment (database, secrets) once per
  // process, and each run has its own scratch database and secrets.
  for (const run of chosen) {
    spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], { env: { ...process.env, FAULTS: run.key }, stdio: 'inherit' })
  }
  process.exit(0)
}
for (const run of chosen) {
  console.log(`\n##### ${run.title}`)
  // One fault run failing to set up does not hide the others' figures.
  try {
    const result = await runScenario(run.options)
    printReport(`${run.title} (${minutes} min, fault at ${FAULT_AT_S} s)`, run.options, result)
  } catch (error) {
    console.error(`${run.title}: the run failed: ${(error as Error).stack}`)
  }
}
process.exit(0)
