// Restream benchmark (issue 17): what restreaming one showcase to N RTMP destinations costs, N = 1, 3, 5,
// measured side by side in one run. The host is ffmpeg (tests/media-source.ts: a moving 640×480 test pattern as
// VP8 + an Opus tone over RTP) into a Room of server/media on one mediasoup worker; the recording service
// and the restream service are built as the server builds them, so the encode is the recorder's one
// encode with the tee (HLS + MPEG-TS on stdout) and each destination is one `ffmpeg -c copy` publisher fed
// by the relay in this Node process. The "platform" is node-media-server on loopback, in its own process
// (not counted). Per round, N goes through 1, 3, 5 (rotated); each N is measured over
// BENCH_RESTREAM_SECONDS after every publisher is live and 4 s of settling. CPU = utime + stime from
// /proc/<pid>/stat: the encode's ffmpeg, the N publishers, and this process (the relay; it also runs the
// benchmark, so it is an upper bound).
//
//   npm run bench:restream
//   BENCH_RESTREAM_SECONDS=8 BENCH_RESTREAM_ROUNDS=1 npm run bench:restream
//
// Embedded PGlite and the recordings live in a temporary folder, removed at the end; only 127.0.0.1 is used.
import { rm } from 'node:fs/promises'
import pino from 'pino'
import { MediaLayer } from '../server/media/index.ts'
import { resolveWorkerBinary } from '../server/media/worker-binary.ts'
import { checkFfmpeg } from '../server/recording/ffmpeg.ts'
import { sleep, until, useScratchApp } from './harness.ts'
import { describeMachine, measureCores, summarize } from './machine.ts'

const numberFromEnv = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`)
  return value
}
const SECONDS = numberFromEnv('BENCH_RESTREAM_SECONDS', 15)
const ROUNDS = numberFromEnv('BENCH_RESTREAM_ROUNDS', 3)
const COUNTS = [1, 3, 5] as const
const SETTLE_MS = 4000

const median = (values: readonly number[]) => summarize(values).p50

// The local RTMP 'platform' listens on loopback, which real destinations may not use.
const scratch = await useScratchApp('restream', { RECORDING_ENABLED: 'true', RESTREAM_ALLOW_PRIVATE_HOSTS: 'true' })
const { disconnectPrisma } = await import('../app/domain/db.server.ts')
const { getEnv } = await import('../app/utils/env.server.ts')
const { createRecordingService } = await import('../server/recording/setup.ts')
const { RestreamService } = await import('../server/restream/service.ts')
const { createLiveShowcase } = await import('../tests/fixtures.ts')
const { startTestSource } = await import('../tests/media-source.ts')
const { startRtmpPlatform } = await import('../tests/rtmp-platform.ts')

type Sample = { encode: number; publishers: number; relay: number; worker: number }

async function main() {
  const ffmpegCheck = await checkFfmpeg('ffmpeg')
  if (!ffmpegCheck.ok) throw new Error(ffmpegCheck.reason)
  const env = getEnv()
  console.log(`machine: ${describeMachine()}`)
  console.log(
    `ffmpeg ${ffmpegCheck.version}; host: ffmpeg testsrc2 640×480 @ 30 fps → VP8 + Opus RTP; encode: H.264 veryfast ${env.RESTREAM_HEIGHT}p ${env.RESTREAM_VIDEO_KBPS} kbit/s + AAC (tee: HLS + MPEG-TS); 1 mediasoup worker`,
  )
  const layer = await MediaLayer.create({
    workers: 1,
    workerBin: resolveWorkerBinary(),
    listenIp: '127.0.0.1',
    minPort: 35000,
    maxPort: 35999,
    consumersPerRouter: 500,
    peerJoinTimeoutMs: 600_000,
    iceServers: [],
    logLevel: 'error',
  })
  const platform = await startRtmpPlatform()
  const recordings = await createRecordingService(env, pino({ level: 'warn' }))
  if (recordings.unavailable) throw new Error(`recording is unavailable: ${recordings.unavailable}`)
  let wanted = 0
  const destinations = Array.from({ length: Math.max(...COUNTS) }, (_, i) => ({
    id: `bench-destination-${i}`,
    platform: 'CUSTOM' as const,
    label: `Bench ${i + 1}`,
    serverUrl: platform.serverUrl,
    streamKey: `bench-key-${i}`,
  }))
  const restreams = new RestreamService({
    encode: recordings,
    ffmpeg: env.FFMPEG_PATH,
    logger: pino({ level: 'warn' }),
    reloadMs: 600_000,
    loadDestinations: () => Promise.resolve(destinations.slice(0, wanted)),
    records: { start: () => Promise.resolve('bench-run'), end: () => Promise.resolve(), progress: () => Promise.resolve() },
  })
  const { session } = await createLiveShowcase('Restream bench')
  const room = await layer.openRoom(session.id)
  const source = await startTestSource(room, { size: '640x480' })
  const samples = new Map<number, Sample[]>(COUNTS.map((count) => [count, []]))
  try {
    await recordings.sessionLive(session.id, room)
    for (let round = 0; round < ROUNDS; round++) {
      const order = COUNTS.map((_, i) => COUNTS[(i + round) % COUNTS.length]!)
      for (const count of order) {
        wanted = count
        await restreams.sessionLive(session.id, room)
        await restreams.reload(session.id)
        const restreamer = restreams.restreamerOf(session.id)!
        await until(
          () =>
            restreamer.publishers.length === count && restreamer.publishers.every((publisher) => publisher.state.state === 'live' && publisher.pid !== null),
          `${count} live destinations`,
          60_000,
        )
        await sleep(SETTLE_MS)
        const encoder = recordings.encoderPid(session.id)
        if (encoder === null) throw new Error('no encode running')
        const publisherPids = restreamer.publishers.map((publisher) => publisher.pid!)
        const [encode = Number.NaN, publishers = Number.NaN, relay = Number.NaN, worker = Number.NaN] = await measureCores(
          [[encoder], publisherPids, [process.pid], layer.pool.pids()],
          SECONDS * 1000,
        )
        const dropped = restreamer.publishers.reduce((sum, publisher) => sum + publisher.droppedBytes, 0)
        if (restreamer.publishers.some((publisher) => publisher.state.state !== 'live')) throw new Error(`a destination left 'live' during N = ${count}`)
        samples.get(count)!.push({ encode, publishers, relay, worker })
        console.log(
          `round ${round + 1}, N = ${count}: encode ${encode.toFixed(3)}, publishers ${publishers.toFixed(3)} (${(publishers / count).toFixed(4)} each), relay/node ${relay.toFixed(3)}, worker ${worker.toFixed(3)} cores; dropped ${dropped} bytes`,
        )
      }
    }
    console.log(`\n| N destinations | encode (cores) | N publishers (cores) | per publisher | relay, this process (cores) | total (cores) |`)
    console.log('|---|---|---|---|---|---|')
    for (const count of COUNTS) {
      const rows = samples.get(count)!
      const encode = median(rows.map((row) => row.encode))
      const publishers = median(rows.map((row) => row.publishers))
      const relay = median(rows.map((row) => row.relay))
      const total = median(rows.map((row) => row.encode + row.publishers + row.relay))
      console.log(
        `| ${count} | ${encode.toFixed(3)} | ${publishers.toFixed(3)} | ${(publishers / count).toFixed(4)} | ${relay.toFixed(3)} | ${total.toFixed(3)} |`,
      )
    }
    console.log(
      `(medians of ${ROUNDS} × ${SECONDS} s; worker forwarding is the same for every N: ${median([...samples.values()].flat().map((row) => row.worker)).toFixed(3)} cores)`,
    )
    console.log(`\nmachine at the end: ${describeMachine()}`)
  } finally {
    await restreams.close()
    await recordings.close()
    await source.stop()
    layer.close()
    await platform.stop()
    await disconnectPrisma()
    await rm(scratch, { recursive: true, force: true })
  }
}

await main()
