// SFU benchmark: one live host (headless Chromium publishing a ~500 kbps VP8 canvas with the time drawn
// into every frame), N cheap consumers (mediasoup PlainTransports sending to a discard port) placed by
// the Room (pipeToRouter fan-out past MEDIA_CONSUMERS_PER_ROUTER), and one Chromium viewer that reads
// the time back from decoded frames. Prints server CPU per consumer, consumers per core,
// glass-to-glass latency and time to first frame per step, with the machine.
//
//   export MEDIASOUP_WORKER_BIN="$(tools/mediasoup-worker/build.sh)"; npm run bench:sfu
//   BENCH_SFU_STEPS=50,200 npm run bench:sfu        # fewer steps
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import type { types } from 'mediasoup'
import { MediaLayer } from '../server/media/index.ts'
import { KEY_FRAME_REQUEST_SPACING_MS } from '../server/media/peer.ts'
import { bundleSfuPage, launchBenchChromium, sleep } from './harness.ts'
import { describeMachine, measureCores, summarize } from './machine.ts'

const STEPS = (process.env.BENCH_SFU_STEPS ?? '50,200,500,1000').split(',').map(Number)
const WORKERS = Number(process.env.MEDIASOUP_WORKERS ?? os.availableParallelism())
const PER_ROUTER = Number(process.env.MEDIA_CONSUMERS_PER_ROUTER ?? 500)
const MEASURE_MS = 8000
const SETTLE_MS = 3000
const FIRST_FRAME_TRIES = 5
const STEP_TIMEOUT_MS = 90_000
const DISCARD = { ip: '127.0.0.1', port: 9 }

const withTimeout = <T>(promise: Promise<T>, ms: number, what: string) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms))])

async function measureCpu(pids: number[], ms: number): Promise<number> {
  const [cores = Number.NaN] = await measureCores([pids], ms)
  return cores
}

async function main() {
  const layer = await MediaLayer.create({
    workers: WORKERS,
    ...(process.env.MEDIASOUP_WORKER_BIN ? { workerBin: process.env.MEDIASOUP_WORKER_BIN } : {}),
    listenIp: '127.0.0.1',
    minPort: 20000,
    maxPort: 59999,
    consumersPerRouter: PER_ROUTER,
    peerJoinTimeoutMs: 600_000,
    iceServers: [],
    logLevel: 'error',
  })
  const room = await layer.openRoom('bench')
  const host = room.addPeer('host', 'host')
  room.peerJoined(host)
  const transports = new Map<string, types.WebRtcTransport>()
  let producer: types.Producer | null = null

  const rpc = async (method: string, data: Record<string, unknown> = {}) => {
    switch (method) {
      case 'caps':
        return room.rtpCapabilities
      case 'transport': {
        const router = data.direction === 'send' ? room.routerForSend() : await room.routerForRecv()
        const transport = await router.createWebRtcTransport({
          listenInfos: [{ protocol: 'udp', ip: '127.0.0.1' }],
          initialAvailableOutgoingBitrate: 1_000_000,
        })
        transports.set(transport.id, transport)
        transport.appData.router = router
        return { id: transport.id, iceParameters: transport.iceParameters, iceCandidates: transport.iceCandidates, dtlsParameters: transport.dtlsParameters }
      }
      case 'connect':
        return transports.get(data.transportId as string)!.connect({ dtlsParameters: data.dtlsParameters as types.DtlsParameters })
      case 'produce': {
        producer = await transports.get(data.transportId as string)!.produce({
          kind: 'video',
          rtpParameters: data.rtpParameters as types.RtpParameters,
          keyFrameRequestDelay: KEY_FRAME_REQUEST_SPACING_MS,
          appData: { source: 'camera' },
        })
        await room.producerAdded(host, producer)
        return producer.id
      }
      case 'consume': {
        const transport = transports.get(data.transportId as string)!
        const consumer = await transport.consume({ producerId: producer!.id, rtpCapabilities: data.rtpCapabilities as types.RtpCapabilities, paused: true })
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
  const http = createServer((request, response) => {
    if (request.url === '/page.js') response.writeHead(200, { 'content-type': 'text/javascript' }).end(pageJs)
    else
      response
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><meta charset="utf-8"><title>sfu bench</title><script src="/page.js"></script>')
  })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/`

  const browser = await launchBenchChromium()
  const plainTransports: types.PlainTransport[] = []
  try {
    const hostPage = await browser.newPage()
    const viewerPage = await browser.newPage()
    for (const page of [hostPage, viewerPage]) {
      page.on('pageerror', (error) => console.error(`[page error] ${error.message}`))
      await page.exposeFunction('rpc', (method: string, data?: Record<string, unknown>) => rpc(method, data))
      await page.goto(url)
    }
    await withTimeout(hostPage.evaluate('window.benchHost()'), 20_000, 'host publish')
    // Set by the host page's rpc callback meanwhile (TypeScript cannot see it).
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
    if (!producer) throw new Error('no producer')
    const producerId = (producer as types.Producer).id
    await withTimeout(viewerPage.evaluate('window.benchWatch()'), 20_000, 'viewer')
    await sleep(2000)

    const pids = () => layer.pool.pids()
    await viewerPage.evaluate('window.benchLatency()')
    const baseline = await measureCpu(pids(), MEASURE_MS)
    const baseLatency = summarize(await viewerPage.evaluate<number[]>('window.benchLatency()'))
    console.log(`machine: ${describeMachine()}`)
    console.log(`workers: ${WORKERS} (pids ${pids().join(', ')}), consumers per router before fan-out: ${PER_ROUTER}`)
    console.log(
      `baseline (host + 1 viewer, 0 extra consumers): server ${(baseline * 100).toFixed(1)} % of a core; glass-to-glass p50 ${baseLatency.p50} ms p95 ${baseLatency.p95} ms (n=${baseLatency.n})`,
    )

    const rows: string[] = []
    const firstFrames: number[] = []
    for (const n of STEPS) {
      try {
        await withTimeout(
          (async () => {
            while (plainTransports.length < n) {
              const router = await room.routerForRecv()
              const plain = await router.createPlainTransport({ listenInfo: { protocol: 'udp', ip: '127.0.0.1' }, rtcpMux: true, comedia: false })
              await plain.connect(DISCARD)
              const consumer = await plain.consume({ producerId, rtpCapabilities: router.rtpCapabilities })
              room.consumerCountChanged(router, 1)
              consumer.observer.once('close', () => room.consumerCountChanged(router, -1))
              plainTransports.push(plain)
            }
          })(),
          STEP_TIMEOUT_MS,
          `adding consumers up to ${n}`,
        )
        await sleep(SETTLE_MS)
        await viewerPage.evaluate('window.benchLatency()')
        const cores = await measureCpu(pids(), MEASURE_MS)
        const latency = summarize(await viewerPage.evaluate<number[]>('window.benchLatency()'))
        const stepFirst: number[] = []
        for (let i = 0; i < FIRST_FRAME_TRIES; i++) {
          const { firstFrameMs } = await withTimeout(viewerPage.evaluate<{ firstFrameMs: number }>('window.benchWatch()'), 10_000, 'first frame')
          stepFirst.push(firstFrameMs)
          if (process.env.BENCH_SFU_DEBUG)
            console.log('first frame phases (ms since join):', JSON.stringify(await viewerPage.evaluate('window.benchPhases')), 'first frame', firstFrameMs)
        }
        firstFrames.push(...stepFirst)
        const first = summarize(stepFirst)
        const marginal = Math.max(cores - baseline, 1e-9)
        const perConsumer = (marginal / n) * 100
        const routers = room
          .routerLoads()
          .map((load) => `w${load.workerIndex}:${load.consumers}`)
          .join(' ')
        const row = `| ${n} | ${(cores * 100).toFixed(1)} | ${perConsumer.toFixed(3)} | ${Math.round(n / marginal)} | ${latency.p50} / ${latency.p95} (n=${latency.n}) | ${first.p50} / ${first.p95} | ${routers} |`
        rows.push(row)
        console.log(row)
      } catch (error) {
        console.log(`| ${n} | step failed: ${(error as Error).message} |`)
        break
      }
    }
    const allFirst = summarize(firstFrames)
    console.log(
      '\n| consumers | server CPU (% of a core) | CPU per consumer (% core, over baseline) | consumers per core | glass-to-glass p50 / p95 (ms) | first frame p50 / p95 (ms) | routers (worker:consumers) |',
    )
    console.log('|---|---|---|---|---|---|---|')
    for (const row of rows) console.log(row)
    console.log(`\nfirst frame over all steps: p50 ${allFirst.p50} ms, p95 ${allFirst.p95} ms (n=${allFirst.n})`)
  } finally {
    for (const plain of plainTransports) plain.close()
    await browser.close()
    http.close()
    layer.close()
  }
}

await main()
process.exit(0)
