// Recording benchmark (issue 16): what recording one showcase costs and how soon its outputs are there.
// The host is a headless Chromium page (bench/sfu-page.ts) publishing a 640×480 canvas at 30 fps (VP8 up to
// 1.2 Mbit/s, the top simulcast layer the recorder taps in the app) with Date.now() drawn into every frame as
// 32 black/white cells, and a tone (Opus), into a Room of server/media on one mediasoup worker.
//
//  1. CPU of recording: ffmpeg's CPU plus the worker's extra CPU for the tap, (a) as shipped (recordingArgs:
//     VP8/Opus → H.264/AAC, 2-s MPEG-TS HLS segments, 1280×720) and (b) the same RTP copied into WebM
//     (`-c copy`, the alternative ADR 014 rejects for playback), measured alternately in one run.
//  2. Live HLS glass-to-glass latency: the recording service → the live playlist route's loader and the
//     signed segment route (mounted in a small express app on loopback) → a Chromium page playing it with
//     the app's hls.js settings (hlsJsConfig) → the cells read back from every decoded frame.
//  3. Time from the end of a show to a playable replay: endLive + sessionEnded (as the media signalling
//     does), until the replay playlist route's loader answers with a finished VOD playlist.
//
//   npm run bench:recording   # the worker binary as the server finds it (tools/mediasoup-worker/build.sh, MEDIASOUP_WORKER_BIN)
//   BENCH_RECORDING_SECONDS=10 BENCH_RECORDING_LIVE_SECONDS=20 BENCH_RECORDING_ROUNDS=1 BENCH_RECORDING_SHOWS=2 npm run bench:recording
//
// Embedded PGlite and the recordings live in a temporary folder, removed at the end; only 127.0.0.1 is used.
import { createSocket } from 'node:dgram'
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import express from 'express'
import type { types } from 'mediasoup'
import pino from 'pino'
import type { Page } from 'playwright-core'
import { partPlaylistName, partSegmentPattern } from '../app/domain/replays/playlist.ts'
import { hlsJsConfig } from '../app/media/hls-player-state.ts'
import { MediaLayer, type Room } from '../server/media/index.ts'
import { KEY_FRAME_REQUEST_SPACING_MS } from '../server/media/peer.ts'
import { resolveWorkerBinary } from '../server/media/worker-binary.ts'
import { checkFfmpeg, DEFAULT_ENCODE, recordingArgs, type RunningFfmpeg, spawnFfmpeg } from '../server/recording/ffmpeg.ts'
import { findFreePortPairs } from '../server/recording/ports.ts'
import { recordingSdp } from '../server/recording/sdp.ts'
import { bundleSfuPage, launchBenchChromium, sleep, until, useScratchApp } from './harness.ts'
import { describeMachine, measureCores, summarize } from './machine.ts'

const numberFromEnv = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`)
  return value
}
/** Seconds of each CPU window, and of each show in part 3. */
const SECONDS = numberFromEnv('BENCH_RECORDING_SECONDS', 20)
const ROUNDS = numberFromEnv('BENCH_RECORDING_ROUNDS', 3)
const LIVE_SECONDS = numberFromEnv('BENCH_RECORDING_LIVE_SECONDS', 60)
const SHOWS = numberFromEnv('BENCH_RECORDING_SHOWS', 5)
const SHOW_SECONDS = numberFromEnv('BENCH_RECORDING_SHOW_SECONDS', SECONDS)
const HOST_KBPS = numberFromEnv('BENCH_RECORDING_HOST_KBPS', 1200)
const PARTS = new Set((process.env.BENCH_RECORDING_PARTS ?? 'cpu,live,replay').split(','))
/** ffmpeg probes its input for 2 s (-analyzeduration) before it encodes: not part of the steady state. */
const SETTLE_MS = 4000
/** hls.js starts, buffers and settles near its target latency: the first samples are left out. */
const LIVE_WARMUP_MS = 10_000
const REPLAY_TIMEOUT_MS = 60_000

const median = (values: readonly number[]) => summarize(values).p50
const withTimeout = <T>(promise: Promise<T>, ms: number, what: string) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms).unref())])

const scratch = await useScratchApp('recording', { RECORDING_ENABLED: 'true' })
const { disconnectPrisma, getPrisma } = await import('../app/domain/db.server.ts')
const { endLive } = await import('../app/domain/live/lifecycle.server.ts')
const { getEnv } = await import('../app/utils/env.server.ts')
const { createRecordingService } = await import('../server/recording/setup.ts')
const { mountRecordingFiles } = await import('../server/recording/media-files.ts')
const livePlaylist = await import('../app/routes/live/live-playlist.ts')
const replayPlaylist = await import('../app/routes/live/replay-playlist.ts')
const { createLiveShowcase } = await import('../tests/fixtures.ts')

type RecordingService = Awaited<ReturnType<typeof createRecordingService>>
type PlaylistLoader = (args: { request: Request; params: { sessionId: string } }) => Promise<Response>
/** The playlist routes' loaders, called as React Router calls them (no cookie: a guest). */
const loaders = {
  live: livePlaylist.loader as unknown as PlaylistLoader,
  replay: replayPlaylist.loader as unknown as PlaylistLoader,
}
async function playlist(kind: keyof typeof loaders, origin: string, sessionId: string): Promise<{ status: number; body: string }> {
  try {
    const response = await loaders[kind]({ request: new Request(`${origin}/live/${sessionId}/${kind}.m3u8`), params: { sessionId } })
    return { status: response.status, body: await response.text() }
  } catch (error) {
    // DomainError not-found: the route answers 404 (no recording, not live, not ready yet).
    const status = (error as { status?: unknown }).status
    if (typeof status === 'number') return { status, body: '' }
    throw error
  }
}

// ——— the host ———

/** The page's RPC into the room: a send transport and producers that join the room as the host's. */
function hostRpc(room: Room) {
  const host = room.addPeer('bench-host', 'host')
  room.peerJoined(host)
  const transports = new Map<string, types.WebRtcTransport>()
  const transportOf = (data: Record<string, unknown>) => {
    const transport = transports.get(data.transportId as string)
    if (!transport) throw new Error('unknown transport')
    return transport
  }
  return async (method: string, data: Record<string, unknown> = {}) => {
    switch (method) {
      case 'caps':
        return room.rtpCapabilities
      case 'transport': {
        const transport = await room.routerForSend().createWebRtcTransport({
          listenInfos: [{ protocol: 'udp', ip: '127.0.0.1' }],
          initialAvailableOutgoingBitrate: 1_000_000,
        })
        transports.set(transport.id, transport)
        return { id: transport.id, iceParameters: transport.iceParameters, iceCandidates: transport.iceCandidates, dtlsParameters: transport.dtlsParameters }
      }
      case 'connect':
        return transportOf(data).connect({ dtlsParameters: data.dtlsParameters as types.DtlsParameters })
      case 'produce': {
        const kind = data.kind as types.MediaKind
        const producer = await transportOf(data).produce({
          kind,
          rtpParameters: data.rtpParameters as types.RtpParameters,
          ...(kind === 'video' ? { keyFrameRequestDelay: KEY_FRAME_REQUEST_SPACING_MS } : {}),
          appData: { source: kind === 'video' ? 'camera' : 'microphone' },
        })
        await room.producerAdded(host, producer)
        return producer.id
      }
      default:
        throw new Error(`unknown rpc ${method}`)
    }
  }
}

// ——— 1. CPU of recording ———

type Mode = 'transcode' | 'copy'
type CpuSample = { ffmpeg: number; worker: number; kbps: number }

/** (b): the recorder's own input options (same SDP, same RTP), the tracks copied into WebM without decoding. */
function copyArgs(shipped: string[], tracks: { hasVideo: boolean; hasAudio: boolean }, output: string): string[] {
  const input = shipped.slice(0, shipped.indexOf('-i') + 2)
  return [...input, ...(tracks.hasVideo ? ['-map', '0:v:0'] : []), ...(tracks.hasAudio ? ['-map', '0:a:0'] : []), '-c', 'copy', '-f', 'webm', output]
}

async function folderBytes(folder: string): Promise<number> {
  let total = 0
  for (const file of await readdir(folder)) if (!file.endsWith('.sdp')) total += (await stat(path.join(folder, file))).size
  return total
}

/** Resolves once every port is bound by another process (ffmpeg listening), as the recorder waits. */
async function portsBound(ports: number[], timeoutMs: number): Promise<void> {
  const free = (port: number) =>
    new Promise<boolean>((resolve) => {
      const socket = createSocket('udp4')
      socket.once('error', () => {
        socket.close()
        resolve(false)
      })
      socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(true)))
    })
  for (const port of ports) await until(async () => !(await free(port)), `ffmpeg listening on ${port}`, timeoutMs)
}

async function stopFfmpeg(ffmpeg: RunningFfmpeg): Promise<void> {
  if (ffmpeg.child.exitCode !== null || ffmpeg.child.signalCode !== null) return
  ffmpeg.child.kill('SIGINT')
  const killer = setTimeout(() => ffmpeg.child.kill('SIGKILL'), 5000)
  await ffmpeg.exited
  clearTimeout(killer)
}

/** One window of one mode: a tap of the host's tracks into a fresh ffmpeg; its CPU and the worker's, after settling. */
async function recordOnce(room: Room, workerPids: number[], mode: Mode, folder: string): Promise<CpuSample> {
  await mkdir(folder, { recursive: true })
  // The recorder's choice of tracks: the host's newest unpaused producer of each kind.
  const byKind = new Map<string, string>()
  for (const producer of room.hostProducers()) if (!producer.paused) byKind.set(producer.kind, producer.producerId)
  const producerIds = [...byKind.values()].sort()
  const ports = await findFreePortPairs(producerIds.length)
  const tap = await room.openTap(
    producerIds.map((producerId, i) => ({ producerId, ip: '127.0.0.1', rtpPort: ports[i]!.rtpPort, rtcpPort: ports[i]!.rtcpPort })),
  )
  let ffmpeg: RunningFfmpeg | null = null
  try {
    const sdpFile = path.join(folder, 'input.sdp')
    await writeFile(sdpFile, recordingSdp(tap.tracks))
    const tracks = { hasVideo: tap.tracks.some((track) => track.kind === 'video'), hasAudio: tap.tracks.some((track) => track.kind === 'audio') }
    const shipped = recordingArgs({ sdpFile, hls: { playlist: partPlaylistName(0), segmentPattern: partSegmentPattern(0) }, ...tracks }, DEFAULT_ENCODE)
    ffmpeg = await spawnFfmpeg('ffmpeg', mode === 'transcode' ? shipped : copyArgs(shipped, tracks, 'recording.webm'), folder)
    await portsBound(
      ports.map((pair) => pair.rtpPort),
      5000,
    )
    await tap.start()
    const flowing = performance.now()
    for (const delay of [700, 1800]) setTimeout(() => void tap.requestKeyFrame(), delay).unref()
    await sleep(SETTLE_MS)
    const pid = ffmpeg.child.pid
    if (pid === undefined || ffmpeg.child.exitCode !== null) throw new Error(`ffmpeg (${mode}) is not running: ${ffmpeg.stderrTail().slice(-400)}`)
    const [ffmpegCores = Number.NaN, workerCores = Number.NaN] = await measureCores([[pid], workerPids], SECONDS * 1000)
    // Output rate over the whole run (WebM is written in clusters of several seconds, so not over the window).
    await stopFfmpeg(ffmpeg)
    const kbps = (await folderBytes(folder)) / 125 / ((performance.now() - flowing) / 1000)
    if (kbps <= 0) throw new Error(`ffmpeg (${mode}) wrote nothing: ${ffmpeg.stderrTail().slice(-400)}`)
    return { ffmpeg: ffmpegCores, worker: workerCores, kbps }
  } finally {
    if (ffmpeg) await stopFfmpeg(ffmpeg)
    tap.close()
    await rm(folder, { recursive: true, force: true })
  }
}

async function benchCpu(room: Room, workerPids: number[]) {
  console.log(`\n## 1. CPU of recording one showcase (${ROUNDS} rounds × ${SECONDS} s per mode, alternating; after ${SETTLE_MS / 1000} s of settling)`)
  const samples: Record<Mode, Array<CpuSample & { workerExtra: number }>> = { transcode: [], copy: [] }
  const baselines: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    const [baseline = Number.NaN] = await measureCores([workerPids], SECONDS * 1000)
    baselines.push(baseline)
    const order: Mode[] = round % 2 === 0 ? ['transcode', 'copy'] : ['copy', 'transcode']
    const line = [`round ${round + 1}: worker without a tap ${(baseline * 100).toFixed(1)} %`]
    for (const mode of order) {
      const sample = await recordOnce(room, workerPids, mode, path.join(scratch, `cpu-${mode}-${round}`))
      samples[mode].push({ ...sample, workerExtra: sample.worker - baseline })
      line.push(`${mode}: ffmpeg ${(sample.ffmpeg * 100).toFixed(1)} %, worker ${(sample.worker * 100).toFixed(1)} %, output ${Math.round(sample.kbps)} kbit/s`)
    }
    console.log(line.join('; '))
  }
  const row = (mode: Mode) => {
    const ffmpeg = median(samples[mode].map((s) => s.ffmpeg))
    const worker = median(samples[mode].map((s) => s.workerExtra))
    const total = median(samples[mode].map((s) => s.ffmpeg + s.workerExtra))
    return { ffmpeg, worker, total, kbps: median(samples[mode].map((s) => s.kbps)) }
  }
  const transcode = row('transcode')
  const copy = row('copy')
  const { height, videoKbps, segmentSeconds } = DEFAULT_ENCODE
  console.log('\n| recording | ffmpeg (cores) | worker, extra for the tap (cores) | total (cores) | output (kbit/s) |')
  console.log('|---|---|---|---|---|')
  console.log(
    `| (a) transcode → H.264 ${height}p ${videoKbps} kbit/s + AAC, ${segmentSeconds}-s TS HLS (ships) | ${transcode.ffmpeg.toFixed(3)} | ${transcode.worker.toFixed(3)} | ${transcode.total.toFixed(3)} | ${Math.round(transcode.kbps)} |`,
  )
  console.log(
    `| (b) copy VP8/Opus → WebM (-c copy) | ${copy.ffmpeg.toFixed(3)} | ${copy.worker.toFixed(3)} | ${copy.total.toFixed(3)} | ${Math.round(copy.kbps)} |`,
  )
  console.log(
    `ratio (a)/(b): ffmpeg ${(transcode.ffmpeg / copy.ffmpeg).toFixed(1)}×, total ${(transcode.total / copy.total).toFixed(1)}×; worker without a tap: ${(median(baselines) * 100).toFixed(1)} % of a core (median)`,
  )
}

// ——— 2. live HLS latency ———

/** What the page's HLS watcher counts (bench/sfu-page.ts). */
type HlsStats = { stalls: number; errors: string[]; playerLatencyMs: number[]; droppedFrames: number; decodedFrames: number }

async function newShowcase(title: string, service: RecordingService, room: Room) {
  const { session } = await createLiveShowcase(title)
  await service.sessionLive(session.id, room)
  await until(() => service.stateOf(session.id).state === 'recording', `recording of "${title}"`, 30_000)
  const recording = await (await getPrisma()).recording.findUniqueOrThrow({ where: { sessionId: session.id } })
  return { sessionId: session.id, recordingId: recording.id }
}

async function benchLive(room: Room, service: RecordingService, viewer: Page, origin: string) {
  console.log(`\n## 2. Live HLS glass-to-glass latency (${LIVE_SECONDS} s of playback after ${LIVE_WARMUP_MS / 1000} s of warm-up)`)
  const { sessionId } = await newShowcase('Live latency', service, room)
  const segments = async () => (await playlist('live', origin, sessionId)).body.split('\n').filter((line) => line.includes('.ts?')).length
  // hls.js starts three segments behind the edge: let the recorder write them first, as for a viewer who arrives mid-show.
  await until(async () => (await segments()) >= 3, 'three live segments', 30_000)
  const { firstFrameMs } = await withTimeout(
    viewer.evaluate<{ firstFrameMs: number }, string>(
      (src) => (window as unknown as { benchHlsWatch: (src: string) => Promise<{ firstFrameMs: number }> }).benchHlsWatch(src),
      `${origin}/live/${sessionId}/live.m3u8`,
    ),
    30_000,
    'the live HLS viewer',
  )
  await sleep(LIVE_WARMUP_MS)
  await viewer.evaluate('window.benchLatency()')
  const before = await viewer.evaluate<HlsStats>('window.benchHlsStats()')
  await sleep(LIVE_SECONDS * 1000)
  const latency = summarize(await viewer.evaluate<number[]>('window.benchLatency()'))
  const stats = await viewer.evaluate<HlsStats>('window.benchHlsStats()')
  await viewer.evaluate('window.benchStopWatch()')
  await endLive(sessionId, new Date())
  await service.sessionEnded(sessionId)
  const player = summarize(stats.playerLatencyMs)
  const { segmentSeconds } = DEFAULT_ENCODE
  console.log(
    '\n| segments | live window | hls.js | glass-to-glass p50 / p95 / max (ms) | frames read | player-reported latency p50 (ms) | first frame (ms) | stalls | fatal errors |',
  )
  console.log('|---|---|---|---|---|---|---|---|---|')
  console.log(
    `| ${segmentSeconds} s | ${livePlaylist.LIVE_WINDOW_SEGMENTS} segments | liveSyncDurationCount ${String(hlsJsConfig(true).liveSyncDurationCount)} | ${latency.p50} / ${latency.p95} / ${latency.max} | ${latency.n} of ${stats.decodedFrames - before.decodedFrames} decoded (${stats.droppedFrames - before.droppedFrames} dropped) | ${player.p50} | ${firstFrameMs} | ${stats.stalls} | ${stats.errors.length ? stats.errors.join(', ') : 0} |`,
  )
  if (latency.n < LIVE_SECONDS * 10) console.log(`warning: only ${latency.n} frames read in ${LIVE_SECONDS} s (expected ~${LIVE_SECONDS * 30})`)
}

// ——— 3. end of show → playable replay ———

async function benchReplay(room: Room, service: RecordingService, origin: string) {
  console.log(`\n## 3. End of a show → playable replay (${SHOWS} shows of ${SHOW_SECONDS} s)`)
  const playable: number[] = []
  const rows: string[] = []
  for (let show = 0; show < SHOWS; show++) {
    const { sessionId, recordingId } = await newShowcase(`Replay timing ${show + 1}`, service, room)
    await sleep(SHOW_SECONDS * 1000)
    const started = performance.now()
    await endLive(sessionId, new Date())
    // As the media signalling does: the end is answered at once, the recording is finalised beside it.
    const finalised = service.sessionEnded(sessionId).then(() => performance.now() - started)
    let playableMs: number | null = null
    while (performance.now() - started < REPLAY_TIMEOUT_MS) {
      const { status, body } = await playlist('replay', origin, sessionId)
      if (status === 200 && body.includes('#EXT-X-ENDLIST') && body.includes('.ts?')) {
        playableMs = performance.now() - started
        break
      }
      await sleep(20)
    }
    const finalisedMs = await withTimeout(finalised, REPLAY_TIMEOUT_MS, 'sessionEnded')
    const recording = await (await getPrisma()).recording.findUniqueOrThrow({ where: { id: recordingId }, include: { parts: true } })
    if (playableMs === null) throw new Error(`show ${show + 1}: no playable replay after ${REPLAY_TIMEOUT_MS} ms (status ${recording.status})`)
    playable.push(playableMs)
    rows.push(
      `| ${show + 1} | ${(recording.durationMs / 1000).toFixed(1)} s in ${recording.parts.length} part(s) | ${Math.round(finalisedMs)} | ${Math.round(playableMs)} | ${recording.status}${recording.hasPoster ? ', poster' : ''} |`,
    )
    console.log(`show ${show + 1}/${SHOWS}: sessionEnded after ${Math.round(finalisedMs)} ms, replay playable after ${Math.round(playableMs)} ms`)
  }
  console.log('\n| show | recorded | sessionEnded resolved (ms) | replay playlist answers (ms) | row |')
  console.log('|---|---|---|---|---|')
  for (const row of rows) console.log(row)
  const summary = summarize(playable)
  console.log(`end of show → playable replay: median ${Math.round(summary.p50)} ms, max ${Math.round(summary.max)} ms (n=${summary.n})`)
}

// ——— the run ———

async function main() {
  const ffmpegCheck = await checkFfmpeg('ffmpeg')
  if (!ffmpegCheck.ok) throw new Error(ffmpegCheck.reason)
  console.log(`machine: ${describeMachine()}`)
  console.log(
    `ffmpeg ${ffmpegCheck.version}; host: Chromium canvas 640×480 @ 30 fps with a noise patch, VP8 ≤ ${HOST_KBPS} kbit/s + an Opus tone; 1 mediasoup worker`,
  )

  const layer = await MediaLayer.create({
    workers: 1,
    workerBin: resolveWorkerBinary(),
    listenIp: '127.0.0.1',
    minPort: 30000,
    maxPort: 34999,
    consumersPerRouter: 500,
    peerJoinTimeoutMs: 600_000,
    iceServers: [],
    logLevel: 'error',
  })
  const service = await createRecordingService(getEnv(), pino({ level: 'warn' }))
  if (service.unavailable) throw new Error(`recording is unavailable: ${service.unavailable}`)
  let http: Server | null = null
  const browser = await launchBenchChromium()
  try {
    const room = await layer.openRoom('bench-recording')
    const pageJs = await bundleSfuPage()
    // The bench page, the live playlist route and the signed segment route, on one loopback origin.
    const app = express()
    app.get('/page.js', (_req, res) => void res.type('text/javascript').send(pageJs))
    app.get(
      '/',
      (_req, res) => void res.type('text/html').send('<!doctype html><meta charset="utf-8"><title>recording bench</title><script src="/page.js"></script>'),
    )
    app.get('/live/:sessionId/live.m3u8', (req, res, next) => {
      playlist('live', origin, req.params.sessionId).then(
        ({ status, body }) => void res.status(status).type('application/vnd.apple.mpegurl').setHeader('Cache-Control', 'no-store').send(body),
        next,
      )
    })
    mountRecordingFiles(app)
    const server = app.listen(0, '127.0.0.1')
    http = server
    await new Promise<void>((resolve) => server.once('listening', resolve))
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

    const rpc = hostRpc(room)
    const hostPage = await browser.newPage()
    const viewerPage = await browser.newPage()
    for (const page of [hostPage, viewerPage]) {
      page.on('pageerror', (error) => console.error(`[page error] ${error.message}`))
      await page.exposeFunction('rpc', (method: string, data?: Record<string, unknown>) => rpc(method, data))
      await page.goto(`${origin}/`)
    }
    await withTimeout(
      hostPage.evaluate<string, number>(
        (maxBitrate) =>
          (window as unknown as { benchHost: (options: { audio: boolean; maxBitrate: number; noise: boolean }) => Promise<string> }).benchHost({
            audio: true,
            maxBitrate,
            noise: true,
          }),
        HOST_KBPS * 1000,
      ),
      20_000,
      'host publish',
    )
    await until(() => room.hostProducers().length === 2, 'the host audio and video', 10_000)
    await sleep(3000) // the sender's bandwidth estimate ramps up
    const workerPids = layer.pool.pids()

    if (PARTS.has('cpu')) await benchCpu(room, workerPids)
    if (PARTS.has('live')) await benchLive(room, service, viewerPage, origin)
    if (PARTS.has('replay')) await benchReplay(room, service, origin)
    console.log(`\nmachine at the end: ${describeMachine()}`)
  } finally {
    await service.close()
    await browser.close()
    await new Promise((resolve) => (http ? http.close(resolve) : resolve(undefined)))
    layer.close()
    await disconnectPrisma()
    await rm(scratch, { recursive: true, force: true })
  }
}

try {
  await main()
  process.exit(0)
} catch (error) {
  console.error(error)
  await rm(scratch, { recursive: true, force: true })
  process.exit(1)
}
