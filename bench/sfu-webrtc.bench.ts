// SFU capacity, side by side (issue 18): viewers per core of mediasoup worker CPU when each viewer is
// (a) two PlainTransport consumers sending to a discard port (bench/sfu.bench.ts's method: no ICE, DTLS,
// SRTP or RTCP from a receiver) and (b) a real WebRTC viewer from bench/webrtc-load (ICE, DTLS, SRTP,
// receiver reports, NACK; no transport-cc or REMB), joined through the real `/media` namespace. The host is
// bench/webrtc-load/synthetic-publisher.ts: simulcast VP8 (180p 150 kbit/s, 360p 500, 720p 1500) + Opus,
// and every viewer receives the top layer. Ramps up the viewer count until loss appears, a viewer fails,
// the worker passes BENCH_SFU_MAX_WORKER_CORES, or the machine's CPU is spent. Prints the machine.
//
//   export MEDIASOUP_WORKER_BIN="$(tools/mediasoup-worker/build.sh)"; npm run bench:sfu:webrtc
//   BENCH_SFU_WEBRTC_STEPS=50,100 npm run bench:sfu:webrtc
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readFileSync } from 'node:fs'
import type { types } from 'mediasoup'
import { sleep, useScratchApp } from './harness.ts'
import { describeMachine, measureCores, summarize } from './machine.ts'
import { type FleetSnapshot, startWebRtcViewers, type WebRtcViewers } from './webrtc-load/index.ts'
import { SIMULCAST_720P, SyntheticPublisher } from './webrtc-load/synthetic-publisher.ts'

const STEPS = (process.env.BENCH_SFU_WEBRTC_STEPS ?? '100,200,400,800').split(',').map(Number)
// One worker by default: the figure is per core of one worker's CPU, as in the outside measurement.
const WORKERS = Number(process.env.MEDIASOUP_WORKERS ?? 1)
const RAMP_PER_SECOND = Number(process.env.BENCH_SFU_WEBRTC_RAMP ?? 50)
const WINDOWS = 3
const WINDOW_MS = 4000
const SETTLE_MS = 3000
const MAX_WORKER_CORES = Number(process.env.BENCH_SFU_MAX_WORKER_CORES ?? 0.95)
// The viewers, the host and the server's Node side share this process: past this, the generator limits the figures.
const MAX_BENCH_PROCESS_CORES = 1.8
const DISCARD = { ip: '127.0.0.1', port: 9 }

await useScratchApp('sfu-webrtc')
const { disconnectPrisma } = await import('../app/domain/db.server.ts')
const { createLiveShowcase } = await import('../tests/fixtures.ts')
const { MediaLayer } = await import('../server/media/index.ts')
type Room = import('../server/media/index.ts').Room
const { createRealtimeServer } = await import('../server/realtime/index.ts')

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
  {
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

async function main() {
  const layer = await MediaLayer.create({
    workers: WORKERS,
    ...(process.env.MEDIASOUP_WORKER_BIN ? { workerBin: process.env.MEDIASOUP_WORKER_BIN } : {}),
    listenIp: '127.0.0.1',
    minPort: 20000,
    maxPort: 59999,
    // One router per worker up to the largest step: the figure is one worker's, without pipe fan-out.
    consumersPerRouter: Number(process.env.MEDIA_CONSUMERS_PER_ROUTER ?? 10_000),
    peerJoinTimeoutMs: 600_000,
    iceServers: [],
    logLevel: 'error',
  })
  const http = createServer()
  const realtime = await createRealtimeServer(http, { media: { layer, iceServers: [], testHooks: false } })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`
  const { session } = await createLiveShowcase('SFU WebRTC bench')
  const room = await layer.openRoom(session.id)
  const publisher = await SyntheticPublisher.start(room)
  const fleets: WebRtcViewers[] = []
  const plain: types.PlainTransport[] = []
  const stop = async () => {
    await Promise.all(fleets.map((fleet) => fleet.close()))
    for (const transport of plain) transport.close()
    publisher.close()
    await realtime.close()
    layer.close()
    http.close()
    await disconnectPrisma()
  }
  // Interrupted: close the viewers, the host and the worker (a child process) before leaving.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop().finally(() => process.exit(130)))

  try {
    const workerPids = layer.pool.pids()
    await sleep(2000)
    const baseline = await measureWindows(workerPids)
    console.log(`machine: ${describeMachine()}`)
    console.log(
      `workers: ${WORKERS} (pids ${workerPids.join(', ')}); host: simulcast VP8 ${SIMULCAST_720P.map((l) => `${l.height}p ${l.kbps}`).join(' / ')} kbit/s + Opus 32 kbit/s`,
    )
    console.log(
      `baseline (host only): worker ${pct(baseline.workerCores)} % of a core, bench process ${pct(baseline.processCores)} %, machine ${pct(baseline.machineBusy)} % busy\n`,
    )
    const header =
      '| method | viewers | consumers | worker CPU (% core) | consumers per core | viewers per core | loss | generator (% core per viewer) | connect p50 / p95 (ms) | first key frame p50 / p95 (ms) | below top layer | machine busy |'
    const rows: string[] = []
    const print = (row: string) => {
      rows.push(row)
      console.log(row)
    }
    console.log(header)

    // (a) PlainTransport consumers: one video (simulcast, top layer) and one audio consumer per "viewer".
    for (const viewers of STEPS) {
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
      print(
        `| plain | ${viewers} | ${viewers * 2} | ${pct(measured.workerCores)} | ${Math.round((viewers * 2) / marginal)} | ${Math.round(viewers / marginal)} | n/a | n/a | n/a | n/a | n/a | ${pct(measured.machineBusy)} % |`,
      )
      if (measured.workerCores > MAX_WORKER_CORES) break
    }
    for (const transport of plain.splice(0)) transport.close()
    await sleep(SETTLE_MS)

    // (b) Real WebRTC viewers, added fleet by fleet.
    let started = 0
    for (const viewers of STEPS) {
      const fleet = startWebRtcViewers({ baseUrl, sessionId: session.id, count: viewers - started, firstIndex: started, rampPerSecond: RAMP_PER_SECOND })
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
      const generatorPerViewer = ((measured.processCores - baseline.processCores) / Math.max(1, totals.receiving)) * 100
      const all = fleets.flatMap((candidate) => candidate.viewers())
      const receiving = all.filter((viewer) => viewer.state === 'receiving')
      const connect = summarize(receiving.map((viewer) => Math.round(viewer.connectMs ?? Number.NaN)))
      const first = summarize(receiving.map((viewer) => Math.round(viewer.firstVideoFrameMs ?? Number.NaN)))
      const top = Math.max(...receiving.map((viewer) => viewer.video?.height ?? 0))
      const below = receiving.filter((viewer) => (viewer.video?.height ?? 0) < top).length
      print(
        `| webrtc | ${totals.receiving}${totals.failed ? ` (+${totals.failed} failed)` : ''} | ${totals.receiving * 2} | ${pct(measured.workerCores)} | ${Math.round((totals.receiving * 2) / marginal)} | ${Math.round(totals.receiving / marginal)} | ${lost} / ${expected} (${((lost / Math.max(1, expected)) * 100).toFixed(3)} %) | ${generatorPerViewer.toFixed(3)} | ${connect.p50} / ${connect.p95} | ${first.p50} / ${first.p95} | ${below} (top ${top}p) | ${pct(measured.machineBusy)} % |`,
      )
      if (ready.errors.length > 0) console.log(`  failures: ${ready.errors.slice(0, 5).join('; ')}`)
      console.log(`  RTCP from viewers into the SFU (receiver reports, NACK, PLI): ${await rtcpBytesPerViewer(room)} bytes/s per viewer transport`)
      if (lost > 0 || totals.failed > 0 || measured.workerCores > MAX_WORKER_CORES || measured.processCores > MAX_BENCH_PROCESS_CORES) break
    }
    console.log(`\n${header}\n|---|---|---|---|---|---|---|---|---|---|---|---|`)
    for (const row of rows) console.log(row)
    console.log(
      '\nconsumers/viewers per core: over the host-only baseline of the worker; generator: this process (viewers, host, server) over its baseline, per receiving viewer.',
    )
  } finally {
    await stop()
  }
}

await main()
process.exit(0)
