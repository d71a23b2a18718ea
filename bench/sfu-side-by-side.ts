// The SFU's capacity measured side by side (issue 18), shared by bench:sfu:webrtc and bench:cascade:
// viewers per core of mediasoup worker CPU when each viewer is (a) two PlainTransport consumers sending to
// a discard port (bench/sfu.bench.ts's method: no ICE, DTLS, SRTP or RTCP from a receiver) and (b) a real
// WebRTC viewer from bench/webrtc-load (ICE, DTLS, SRTP, receiver reports, NACK; no transport-cc or
// REMB), joined through the real `/media` namespace of a single server (no cluster). The host is
// bench/webrtc-load/synthetic-publisher.ts: simulcast VP8 (180p 150 kbit/s, 360p 500, 720p 1500) + Opus,
// and every viewer receives the top layer. Ramps up the viewer count step by step until loss appears, a
// viewer fails, the worker passes `maxWorkerCores`, or this process (generator + host + server) passes
// `maxBenchProcessCores`; says which stopped it.
//
// The caller sets up the app's environment first (harness.ts useScratchApp): the app modules are
// imported here only when the measurement runs.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readFileSync } from 'node:fs'
import type { types } from 'mediasoup'
import { sleep } from './harness.ts'
import { measureCores, summarize } from './machine.ts'
import { type FleetSnapshot, startWebRtcViewers, type WebRtcViewers } from './webrtc-load/index.ts'
import { SIMULCAST_720P, SyntheticPublisher } from './webrtc-load/synthetic-publisher.ts'

export type SideBySideOptions = {
  /** Viewer counts to measure at, ascending. */
  steps: number[]
  /** mediasoup workers (the figure is per core of their summed CPU). */
  workers: number
  /** New WebRTC viewers per second. */
  rampPerSecond: number
  /** Stop past this much worker CPU (cores). */
  maxWorkerCores: number
  /** Stop past this much CPU of this process (viewers, host and the server's Node side share it). */
  maxBenchProcessCores: number
  /** Consumers per router before a second router (MediaLayer); large: one worker's figure without pipe fan-out. */
  consumersPerRouter: number
  log: (line: string) => void
}

export type SideBySideResult = {
  header: string
  rows: string[]
  /** The most viewers each method reached (plain: measured steps; webrtc: receiving at the last step). */
  reached: { plain: number; webrtc: number }
  /** Why the WebRTC ramp ended: every step done, or the limit that stopped it. */
  webrtcStoppedBecause: string
  /** A limit (loss, a failed viewer, worker or process CPU) ended the ramp. */
  stoppedByLimit: boolean
  /** The generator's cost at the last WebRTC step, % of one core per receiving viewer. */
  generatorPercentPerViewer: number | null
}

const WINDOWS = 3
const WINDOW_MS = 4000
const SETTLE_MS = 3000
const DISCARD = { ip: '127.0.0.1', port: 9 }

/** Share of all cores busy (1 − idle) over a window, from /proc/stat. */
function machineTicks(): { busy: number; total: number } {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/)
  const values = fields.map(Number)
  const idle = (values[3] ?? 0) + (values[4] ?? 0)
  const total = values.reduce((sum, value) => sum + value, 0)
  return { busy: total - idle, total }
}

type Measured = { workerCores: number; processCores: number; machineBusy: number }

/** Median over WINDOWS windows of the workers' cores, this process's cores and the machine's busy share. */
async function measureWindows(workerPids: number[]): Promise<Measured> {
  const samples: Measured[] = []
  for (let window = 0; window < WINDOWS; window++) {
    const cpu = process.cpuUsage()
    const machine = machineTicks()
    const started = performance.now()
    const [workerCores = Number.NaN] = await measureCores([workerPids], WINDOW_MS)
    const seconds = (performance.now() - started) / 1000
    const cpuAfter = process.cpuUsage(cpu)
    const machineAfter = machineTicks()
    samples.push({
      workerCores,
      processCores: (cpuAfter.user + cpuAfter.system) / 1e6 / seconds,
      machineBusy: (machineAfter.busy - machine.busy) / Math.max(1, machineAfter.total - machine.total),
    })
  }
  const median = (pick: (sample: Measured) => number) => {
    const sorted = samples.map(pick).sort((a, b) => a - b)
    return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
  }
  return { workerCores: median((s) => s.workerCores), processCores: median((s) => s.processCores), machineBusy: median((s) => s.machineBusy) }
}

function sumSnapshots(snapshots: FleetSnapshot[]) {
  return snapshots.reduce(
    (total, snapshot) => ({
      lost: total.lost + snapshot.lost,
      expected: total.expected + snapshot.expected,
      bytes: total.bytes + snapshot.bytes,
      receiving: total.receiving + snapshot.byState.receiving,
      failed: total.failed + snapshot.byState.failed,
      nacksSent: total.nacksSent + snapshot.nacksSent,
    }),
    { lost: 0, expected: 0, bytes: 0, receiving: 0, failed: 0, nacksSent: 0 },
  )
}

const pct = (cores: number) => (cores * 100).toFixed(1)

type Room = import('../server/media/index.ts').Room

/**
 * What viewers send back, seen by the SFU: bytes received on a few receive transports over 2 s (all
 * RTCP once DTLS is done, plus ICE consent checks): the evidence that reports arrive, since the
 * consumer's RTT reads 0 on loopback.
 */
async function rtcpBytesPerViewer(room: Room): Promise<number> {
  const transports = [...room.peers.values()].flatMap((peer) => [...peer.transports.values()]).slice(0, 10)
  const received = async () => Promise.all(transports.map(async (transport) => (await transport.getStats())[0]?.bytesReceived ?? 0))
  const before = await received()
  await sleep(2000)
  const after = await received()
  return Math.round(after.reduce((sum, bytes, index) => sum + bytes - (before[index] ?? 0), 0) / Math.max(1, transports.length) / 2)
}

/** Runs both ramps on a fresh single-process server and worker(s); see the module comment. */
export async function runSfuSideBySide(options: SideBySideOptions): Promise<SideBySideResult> {
  const { log } = options
  const { createLiveShowcase } = await import('../tests/fixtures.ts')
  const { MediaLayer } = await import('../server/media/index.ts')
  const { createRealtimeServer } = await import('../server/realtime/index.ts')
  const { resolveWorkerBinary } = await import('../server/media/worker-binary.ts')
  const layer = await MediaLayer.create({
    workers: options.workers,
    // MEDIASOUP_WORKER_BIN or the copy tools/mediasoup-worker/build.sh cached, as the server finds it.
    workerBin: resolveWorkerBinary(),
    listenIp: '127.0.0.1',
    minPort: 20000,
    maxPort: 59999,
    consumersPerRouter: options.consumersPerRouter,
    peerJoinTimeoutMs: 600_000,
    iceServers: [],
    logLevel: 'error',
  })
  const http = createServer()
  const realtime = await createRealtimeServer(http, { media: { layer, iceServers: [], testHooks: false } })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`
  const { session } = await createLiveShowcase('SFU side-by-side bench')
  const room = await layer.openRoom(session.id)
  const publisher = await SyntheticPublisher.start(room)
  const fleets: WebRtcViewers[] = []
  const plain: types.PlainTransport[] = []
  let stopped = false
  const stop = async () => {
    if (stopped) return
    stopped = true
    await Promise.all(fleets.map((fleet) => fleet.close()))
    for (const transport of plain) transport.close()
    publisher.close()
    await realtime.close()
    layer.close()
    http.close()
  }
  // Interrupted: close the viewers, the host and the worker (a child process) before leaving.
  const onSignal = () => void stop().finally(() => process.exit(130))
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, onSignal)

  const header =
    '| method | viewers | consumers | worker CPU (% core) | consumers per core | viewers per core | loss | generator (% core per viewer) | connect p50 / p95 (ms) | first key frame p50 / p95 (ms) | below top layer | machine busy |'
  const rows: string[] = []
  const print = (row: string) => {
    rows.push(row)
    log(row)
  }
  const reached = { plain: 0, webrtc: 0 }
  let webrtcStoppedBecause = `every step done (${options.steps.join(', ')})`
  let stoppedByLimit = false
  let generatorPercentPerViewer: number | null = null
  try {
    const workerPids = layer.pool.pids()
    await sleep(2000)
    const baseline = await measureWindows(workerPids)
    log(
      `workers: ${options.workers} (pids ${workerPids.join(', ')}); host: simulcast VP8 ${SIMULCAST_720P.map((l) => `${l.height}p ${l.kbps}`).join(' / ')} kbit/s + Opus 32 kbit/s`,
    )
    log(
      `baseline (host only): worker ${pct(baseline.workerCores)} % of a core, bench process ${pct(baseline.processCores)} %, machine ${pct(baseline.machineBusy)} % busy\n`,
    )
    log(header)

    // (a) PlainTransport consumers: one video (simulcast, top layer) and one audio consumer per "viewer".
    for (const viewers of options.steps) {
      while (plain.length < viewers) {
        const router = await room.routerForRecv()
        const transport = await router.createPlainTransport({ listenInfo: { protocol: 'udp', ip: '127.0.0.1' }, rtcpMux: true, comedia: false })
        await transport.connect(DISCARD)
        for (const producer of Object.values(publisher.producers)) {
          await transport.consume({ producerId: producer.id, rtpCapabilities: router.rtpCapabilities })
        }
        plain.push(transport)
      }
      await sleep(SETTLE_MS)
      const measured = await measureWindows(workerPids)
      const marginal = Math.max(measured.workerCores - baseline.workerCores, 1e-9)
      reached.plain = viewers
      print(
        `| plain | ${viewers} | ${viewers * 2} | ${pct(measured.workerCores)} | ${Math.round((viewers * 2) / marginal)} | ${Math.round(viewers / marginal)} | n/a | n/a | n/a | n/a | n/a | ${pct(measured.machineBusy)} % |`,
      )
      if (measured.workerCores > options.maxWorkerCores) break
    }
    for (const transport of plain.splice(0)) transport.close()
    await sleep(SETTLE_MS)

    // (b) Real WebRTC viewers, added fleet by fleet.
    let started = 0
    for (const viewers of options.steps) {
      const fleet = startWebRtcViewers({ baseUrl, sessionId: session.id, count: viewers - started, firstIndex: started, rampPerSecond: options.rampPerSecond })
      fleets.push(fleet)
      started = viewers
      const ready = await fleet.ready
      await sleep(SETTLE_MS)
      const before = fleets.map((candidate) => candidate.stats())
      const measured = await measureWindows(workerPids)
      const totals = sumSnapshots(fleets.map((candidate) => candidate.stats()))
      const start = sumSnapshots(before)
      const lost = totals.lost - start.lost
      const expected = totals.expected - start.expected
      const marginal = Math.max(measured.workerCores - baseline.workerCores, 1e-9)
      generatorPercentPerViewer = ((measured.processCores - baseline.processCores) / Math.max(1, totals.receiving)) * 100
      const all = fleets.flatMap((candidate) => candidate.viewers())
      const receiving = all.filter((viewer) => viewer.state === 'receiving')
      const connect = summarize(receiving.map((viewer) => Math.round(viewer.connectMs ?? Number.NaN)))
      const first = summarize(receiving.map((viewer) => Math.round(viewer.firstVideoFrameMs ?? Number.NaN)))
      const top = Math.max(...receiving.map((viewer) => viewer.video?.height ?? 0))
      const below = receiving.filter((viewer) => (viewer.video?.height ?? 0) < top).length
      reached.webrtc = totals.receiving
      print(
        `| webrtc | ${totals.receiving}${totals.failed ? ` (+${totals.failed} failed)` : ''} | ${totals.receiving * 2} | ${pct(measured.workerCores)} | ${Math.round((totals.receiving * 2) / marginal)} | ${Math.round(totals.receiving / marginal)} | ${lost} / ${expected} (${((lost / Math.max(1, expected)) * 100).toFixed(3)} %) | ${generatorPercentPerViewer.toFixed(3)} | ${connect.p50} / ${connect.p95} | ${first.p50} / ${first.p95} | ${below} (top ${top}p) | ${pct(measured.machineBusy)} % |`,
      )
      if (ready.errors.length > 0) log(`  failures: ${ready.errors.slice(0, 5).join('; ')}`)
      log(`  RTCP from viewers into the SFU (receiver reports, NACK, PLI): ${await rtcpBytesPerViewer(room)} bytes/s per viewer transport`)
      const limits = [
        lost > 0 ? `loss (${lost} packets)` : null,
        totals.failed > 0 ? `${totals.failed} viewers failed` : null,
        measured.workerCores > options.maxWorkerCores ? `the worker passed ${pct(options.maxWorkerCores)} % of a core` : null,
        measured.processCores > options.maxBenchProcessCores
          ? `this process (generator + host + server) passed ${pct(options.maxBenchProcessCores)} % of a core`
          : null,
      ].filter((limit): limit is string => limit !== null)
      if (limits.length > 0) {
        webrtcStoppedBecause = `${limits.join(', ')} at ${viewers} viewers (machine ${pct(measured.machineBusy)} % busy)`
        stoppedByLimit = true
        break
      }
    }
    return { header, rows, reached, webrtcStoppedBecause, stoppedByLimit, generatorPercentPerViewer }
  } finally {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.off(signal, onSignal)
    await stop()
  }
}
