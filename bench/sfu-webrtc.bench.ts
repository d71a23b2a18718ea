// SFU capacity, side by side (issue 18): viewers per core of mediasoup worker CPU when each viewer is
// (a) two PlainTransport consumers sending to a discard port (bench/sfu.bench.ts's method: no ICE, DTLS,
// SRTP or RTCP from a receiver) and (b) a real WebRTC viewer from bench/webrtc-load (ICE, DTLS, SRTP,
// receiver reports, NACK; no transport-cc or REMB), joined through the real `/media` namespace. The host is
// bench/webrtc-load/synthetic-publisher.ts: simulcast VP8 (180p 150 kbit/s, 360p 500, 720p 1500) + Opus,
// and every viewer receives the top layer. Ramps up the viewer count until loss appears, a viewer fails,
// the worker passes BENCH_SFU_MAX_WORKER_CORES, or the machine's CPU is spent. Prints the machine. The
// measurement itself is bench/sfu-side-by-side.ts (bench:cascade runs it too).
//
//   export MEDIASOUP_WORKER_BIN="$(tools/mediasoup-worker/build.sh)"; npm run bench:sfu:webrtc
//   BENCH_SFU_WEBRTC_STEPS=50,100 npm run bench:sfu:webrtc
import { useScratchApp } from './harness.ts'
import { describeMachine } from './machine.ts'
import { runSfuSideBySide } from './sfu-side-by-side.ts'

await useScratchApp('sfu-webrtc')
const { disconnectPrisma } = await import('../app/domain/db.server.ts')

try {
  console.log(`machine: ${describeMachine()}`)
  const result = await runSfuSideBySide({
    steps: (process.env.BENCH_SFU_WEBRTC_STEPS ?? '100,200,400,800').split(',').map(Number),
    // One worker by default: the figure is per core of one worker's CPU, as in the outside measurement.
    workers: Number(process.env.MEDIASOUP_WORKERS ?? 1),
    rampPerSecond: Number(process.env.BENCH_SFU_WEBRTC_RAMP ?? 50),
    maxWorkerCores: Number(process.env.BENCH_SFU_MAX_WORKER_CORES ?? 0.95),
    // The viewers, the host and the server's Node side share this process: past this, the generator limits the figures.
    maxBenchProcessCores: 1.8,
    // One router per worker up to the largest step: the figure is one worker's, without pipe fan-out.
    consumersPerRouter: Number(process.env.MEDIA_CONSUMERS_PER_ROUTER ?? 10_000),
    log: (line) => console.log(line),
  })
  console.log(`\n${result.header}\n|---|---|---|---|---|---|---|---|---|---|---|---|`)
  for (const row of result.rows) console.log(row)
  console.log(`\nWebRTC ramp ended: ${result.webrtcStoppedBecause}.`)
  console.log(
    'consumers/viewers per core: over the host-only baseline of the worker; generator: this process (viewers, host, server) over its baseline, per receiving viewer.',
  )
} finally {
  await disconnectPrisma()
}
process.exit(0)
