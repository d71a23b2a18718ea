// Ingest-to-viewer latency (issue 17): an encoder feeds a showcase over WHIP or RTMP, a Chromium viewer
// consumes the room's video through mediasoup and reads back the time drawn into each decoded frame.
//
// - WHIP: a Chromium page draws Date.now() as 32 black/white cells into a 640x480 canvas (bench/sfu-page.ts
//   reads the same cells), sends it over WHIP (fetch POST offer / answer) to the real endpoint
//   (server/ingest/whip-http.ts) → glass-to-glass.
// - RTMP: ffmpeg draws the cells itself from wall-clock time (geq on the start instant + the stream time,
//   paced with -re), encodes H.264 + AAC to FLV and publishes to the real RTMP listener
//   (server/ingest/rtmp.ts), which transcodes to VP8 for the room (RTMP: H.264 High) or copies the H.264
//   as it is (RTMP copy: H.264 Main, no B-frames). Includes ffmpeg's start-up offset (the stream time
//   starts when ffmpeg reads its first frame, a few tens of ms after the recorded instant). The CPU column
//   is the ingest's own ffmpeg (children of this process other than the publishing encoder).
//
//   export MEDIASOUP_WORKER_BIN="$(tools/mediasoup-worker/build.sh)"; npm run bench:ingest
//   BENCH_INGEST_SECONDS=20 npm run bench:ingest
import { type ChildProcess, spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import type { types } from 'mediasoup'
import pino from 'pino'
import { MediaLayer } from '../server/media/index.ts'
import { resolveWorkerBinary } from '../server/media/worker-binary.ts'
import { bundleSfuPage, freePort, launchBenchChromium, sleep, until, useScratchApp } from './harness.ts'
import { describeMachine, summarize } from './machine.ts'

const SECONDS = Number(process.env.BENCH_INGEST_SECONDS ?? 30)

await useScratchApp('ingest')
const { disconnectPrisma } = await import('../app/domain/db.server.ts')
const { rotateIngestToken } = await import('../app/domain/live/ingest.server.ts')
const { createLiveShowcase } = await import('../tests/fixtures.ts')
const { IngestService } = await import('../server/ingest/service.ts')
const { mountWhip } = await import('../server/ingest/whip-http.ts')
const { RtmpIngest } = await import('../server/ingest/rtmp.ts')

/** The WHIP encoder page: the sfu-page cells on a canvas, sent over WHIP. */
const WHIP_PUBLISH = `async ({ whipUrl, token }) => {
  const canvas = document.createElement('canvas')
  canvas.width = 640
  canvas.height = 480
  document.body.append(canvas)
  const ctx = canvas.getContext('2d')
  const draw = () => {
    const now = Date.now() % 2 ** 32
    ctx.fillStyle = '#336'
    ctx.fillRect(0, 0, 640, 480)
    ctx.fillStyle = '#fc3'
    ctx.fillRect((now / 5) % 600, 200, 40, 200)
    for (let bit = 0; bit < 32; bit++) {
      ctx.fillStyle = (now >>> bit) & 1 ? '#fff' : '#000'
      ctx.fillRect(bit * 20, 0, 20, 20)
    }
    requestAnimationFrame(draw)
  }
  draw()
  const pc = new RTCPeerConnection()
  pc.addTransceiver(canvas.captureStream(30).getVideoTracks()[0], { direction: 'sendonly' })
  const offer = await pc.createOffer()
  await pc.setLocalDescription(offer)
  const response = await fetch(whipUrl, { method: 'POST', headers: { 'content-type': 'application/sdp', authorization: 'Bearer ' + token }, body: offer.sdp })
  if (response.status !== 201) throw new Error('WHIP ' + response.status + ' ' + (await response.text()))
  await pc.setRemoteDescription({ type: 'answer', sdp: await response.text() })
  window.__whip = pc
}`

/** CPU seconds used so far by this process's ffmpeg children, except `exclude` (the publishing encoder). */
function ffmpegChildrenCpuSeconds(exclude: number | undefined): number {
  let ticks = 0
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === exclude) continue
    let stat: string
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
    } catch {
      continue
    }
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // fields[1] is the parent pid; fields[11], fields[12] user and system time in clock ticks (100 a second).
    if (comm !== 'ffmpeg' || Number(fields[1]) !== process.pid) continue
    ticks += Number(fields[11]) + Number(fields[12])
  }
  return ticks / 100
}

/** ffmpeg draws the same 32 cells (20 px, top row) from startMs + its stream time t; the rest mid-grey with a moving bar. */
function rtmpPublisher(url: string, startMs: number, profile: 'high' | 'main'): ChildProcess {
  const cell = `mod(floor((${startMs}+floor(T*1000))/pow(2,floor(X/20))),2)`
  const lum = `if(lt(Y,20)*lt(X,640),255*${cell},if(between(X,mod(T*200,600),mod(T*200,600)+40),200,90))`
  return spawn(
    'ffmpeg',
    [
      ...['-hide_banner', '-loglevel', 'error', '-re', '-f', 'lavfi', '-i', 'color=c=gray:size=640x480:rate=30', '-re', '-f', 'lavfi', '-i', 'sine'],
      ...[
        '-vf',
        `geq=lum='${lum}':cb=128:cr=128`,
        '-c:v',
        'libx264',
        '-preset',
        'veryfast',
        '-tune',
        'zerolatency',
        '-g',
        '30',
        '-pix_fmt',
        'yuv420p',
        '-profile:v',
        profile,
      ],
      ...['-c:a', 'aac', '-t', String(SECONDS + 30), '-f', 'flv', url],
    ],
    // Its error lines would carry the RTMP URL, i.e. the stream key: not printed.
    { stdio: ['ignore', 'ignore', 'ignore'] },
  )
}

async function main() {
  const media = await MediaLayer.create({
    workers: 1,
    workerBin: resolveWorkerBinary(),
    listenIp: '127.0.0.1',
    minPort: 20000,
    maxPort: 59999,
    consumersPerRouter: 500,
    peerJoinTimeoutMs: 600_000,
    iceServers: [],
    logLevel: 'error',
  })
  const logger = pino({ level: 'warn' })
  const ingest = new IngestService({ media, logger })
  const rtmp = await RtmpIngest.start({ port: await freePort(), host: '127.0.0.1', ingest, logger, videoKbps: 1500 })

  // The viewer's side: bench/sfu-page.ts's benchWatch() over an RPC into the current showcase's room.
  let sessionId = ''
  const transports = new Map<string, types.WebRtcTransport>()
  const rpc = async (method: string, data: Record<string, unknown> = {}) => {
    const room = media.room(sessionId)
    if (!room) throw new Error('no room')
    switch (method) {
      case 'caps':
        return room.rtpCapabilities
      case 'transport': {
        const router = await room.routerForRecv()
        const transport = await router.createWebRtcTransport({
          listenInfos: [{ protocol: 'udp', ip: '127.0.0.1' }],
          initialAvailableOutgoingBitrate: 1_000_000,
        })
        transports.set(transport.id, transport)
        return { id: transport.id, iceParameters: transport.iceParameters, iceCandidates: transport.iceCandidates, dtlsParameters: transport.dtlsParameters }
      }
      case 'connect':
        return transports.get(data.transportId as string)!.connect({ dtlsParameters: data.dtlsParameters as types.DtlsParameters })
      case 'consume': {
        const video = room.hostProducers().find((producer) => producer.kind === 'video')
        if (!video) throw new Error('no video producer')
        const transport = transports.get(data.transportId as string)!
        const consumer = await transport.consume({ producerId: video.producerId, rtpCapabilities: data.rtpCapabilities as types.RtpCapabilities, paused: true })
        transport.appData.consumer = consumer
        return { id: consumer.id, producerId: consumer.producerId, kind: consumer.kind, rtpParameters: consumer.rtpParameters }
      }
      case 'resume':
        for (const transport of transports.values()) {
          const consumer = transport.appData.consumer as types.Consumer | undefined
          if (consumer && consumer.id === data.consumerId) await consumer.resume()
        }
        return null
      default:
        throw new Error(`unknown rpc ${method}`)
    }
  }

  const pageJs = await bundleSfuPage()
  const app = express()
  mountWhip(app, () => ingest)
  app.get('/page.js', (_req, res) => res.type('text/javascript').send(pageJs))
  app.get('/', (_req, res) => res.type('text/html').send('<!doctype html><meta charset="utf-8"><title>ingest bench</title><script src="/page.js"></script>'))
  const http = createServer(app)
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`

  const browser = await launchBenchChromium()
  const results: string[] = []
  try {
    for (const kind of ['whip', 'rtmp', 'rtmp-copy'] as const) {
      const { exporter, session } = await createLiveShowcase(`Ingest bench ${kind}`)
      sessionId = session.id
      const token = await rotateIngestToken(session.id, exporter.user.id, new Date())
      const encoderPage = await browser.newPage()
      const viewerPage = await browser.newPage()
      for (const page of [encoderPage, viewerPage]) page.on('pageerror', (error) => console.error(`[page error] ${error.message}`))
      let ffmpeg: ChildProcess | null = null
      try {
        if (kind === 'whip') {
          await encoderPage.goto(`${base}/`)
          await encoderPage.evaluate(`(${WHIP_PUBLISH})(${JSON.stringify({ whipUrl: `${base}/whip/${session.id}`, token })})`)
        } else {
          ffmpeg = rtmpPublisher(`rtmp://127.0.0.1:${rtmp.port}/live/${token}`, Date.now() % 2 ** 32, kind === 'rtmp' ? 'high' : 'main')
        }
        await until(() => ingest.status(session.id)?.state === 'receiving', `${kind} media arriving`, 30_000)
        await viewerPage.exposeFunction('rpc', (method: string, data?: Record<string, unknown>) => rpc(method, data))
        await viewerPage.goto(`${base}/`)
        const { firstFrameMs } = await viewerPage.evaluate<{ firstFrameMs: number }>('window.benchWatch()')
        await sleep(3000)
        await viewerPage.evaluate('window.benchLatency()')
        const cpuBefore = ffmpegChildrenCpuSeconds(ffmpeg?.pid)
        await sleep(SECONDS * 1000)
        const cpu = kind === 'whip' ? '–' : ((ffmpegChildrenCpuSeconds(ffmpeg?.pid) - cpuBefore) / SECONDS).toFixed(3)
        const latency = summarize(await viewerPage.evaluate<number[]>('window.benchLatency()'))
        const health = ingest.status(session.id)?.health
        const codec = health?.codecs.find((name) => name.startsWith('video/')) ?? '?'
        const line = `| ${kind.toUpperCase()} | ${latency.p50} | ${latency.p95} | ${latency.max} | ${latency.n} | ${firstFrameMs} | ${health?.videoBitrateKbps ?? '?'} | ${codec} | ${cpu} |`
        results.push(line)
        console.log(line)
      } finally {
        ffmpeg?.kill('SIGTERM')
        ingest.stop(session.id, 'bench step over')
        await encoderPage.close()
        await viewerPage.close()
      }
    }
  } finally {
    await browser.close()
    await rtmp.close()
    ingest.close()
    media.close()
    await new Promise((resolve) => http.close(resolve))
    await disconnectPrisma()
  }
  console.log(`\n${describeMachine()}`)
  console.log(`ingest-to-viewer latency, ${SECONDS} s per path, 640x480 at 30 fps, one viewer (Chromium) on loopback`)
  console.log(
    '| ingest | p50 (ms) | p95 (ms) | max (ms) | frames | viewer first frame (ms) | video into the room (kbit/s) | room codec | ingest ffmpeg CPU (cores) |',
  )
  console.log('|---|---|---|---|---|---|---|---|---|')
  for (const line of results) console.log(line)
}

await main()
process.exit(0)
