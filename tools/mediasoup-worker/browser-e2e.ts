// Browser end-to-end check of the offline-built mediasoup-worker: real ICE,
// DTLS handshake (where Debian's kTLS-enabled OpenSSL crashed the unpatched
// worker), SRTP, VP8 + Opus, in both directions through the SFU.
//
//   node_modules/.bin/tsx tools/mediasoup-worker/browser-e2e.ts [path/to/mediasoup-worker]
//
// Needs Debian's Chromium (`apt-get install -y chromium`; Playwright's own
// browser download does not work offline) at /usr/bin/chromium or $CHROMIUM_BIN.
// Everything listens on 127.0.0.1. Exits 0 when the page decoded video frames
// that went browser -> mediasoup -> browser and every transport reached DTLS
// "connected" without the worker dying.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { chromium } from 'playwright-core'
import * as mediasoup from 'mediasoup'
import type { types } from 'mediasoup'
import { resolveWorkerBin } from './worker-bin.ts'
import type { E2eResult } from './browser-client.ts'

const here = dirname(fileURLToPath(import.meta.url))
const chromiumBin = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium'

async function main(): Promise<number> {
  if (!existsSync(chromiumBin)) {
    console.error(`${chromiumBin} not found: apt-get install -y chromium (or set CHROMIUM_BIN)`)
    return 2
  }
  const workerBin = resolveWorkerBin()
  console.log(`workerBin: ${workerBin}`)

  const bundle = await build({
    entryPoints: [join(here, 'browser-client.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'warning',
  })
  const clientJs = bundle.outputFiles[0]?.text ?? ''

  const worker = await mediasoup.createWorker({ workerBin, logLevel: 'warn' })
  let workerDied: string | undefined
  worker.on('died', (error) => {
    workerDied = String(error)
    console.error(`worker died: ${workerDied}`)
  })
  const router = await worker.createRouter({
    mediaCodecs: [
      { kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 },
      { kind: 'video', mimeType: 'video/VP8', clockRate: 90000, parameters: {} },
    ],
  })

  const transports = new Map<string, types.WebRtcTransport>()
  const consumers = new Map<string, types.Consumer>()
  const dtlsStates: string[] = []
  const dtlsConnected = new Set<string>()

  // The page's only signalling channel (exposed as window.msRequest).
  async function handle(method: string, data: Record<string, unknown> = {}): Promise<unknown> {
    const transport = (): types.WebRtcTransport => {
      const t = transports.get(String(data.transportId))
      if (!t) throw new Error(`unknown transport ${String(data.transportId)}`)
      return t
    }
    switch (method) {
      case 'getRouterRtpCapabilities':
        return router.rtpCapabilities
      case 'createWebRtcTransport': {
        const t = await router.createWebRtcTransport({
          listenInfos: [{ protocol: 'udp', ip: '127.0.0.1' }],
        })
        t.on('dtlsstatechange', (state) => {
          dtlsStates.push(`${t.id.slice(0, 8)}:${state}`)
          if (state === 'connected') dtlsConnected.add(t.id)
        })
        transports.set(t.id, t)
        return {
          id: t.id,
          iceParameters: t.iceParameters,
          iceCandidates: t.iceCandidates,
          dtlsParameters: t.dtlsParameters,
        }
      }
      case 'connectWebRtcTransport':
        await transport().connect({ dtlsParameters: data.dtlsParameters as types.DtlsParameters })
        return {}
      case 'produce': {
        const producer = await transport().produce({
          kind: data.kind as types.MediaKind,
          rtpParameters: data.rtpParameters as types.RtpParameters,
        })
        return { id: producer.id }
      }
      case 'consume': {
        const consumer = await transport().consume({
          producerId: String(data.producerId),
          rtpCapabilities: data.rtpCapabilities as types.RtpCapabilities,
          paused: true,
        })
        consumers.set(consumer.id, consumer)
        return {
          id: consumer.id,
          producerId: consumer.producerId,
          kind: consumer.kind,
          rtpParameters: consumer.rtpParameters,
        }
      }
      case 'resumeConsumer':
        await consumers.get(String(data.consumerId))?.resume()
        return {}
      default:
        throw new Error(`unknown method ${method}`)
    }
  }

  const server = createServer((request, response) => {
    if (request.url === '/client.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(clientJs)
    } else {
      response
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><meta charset="utf-8"><title>mediasoup e2e</title><script src="/client.js"></script>')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  const browser = await chromium.launch({
    executablePath: chromiumBin,
    headless: true,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--allow-loopback-in-peer-connection',
    ],
  })
  let exitCode = 1
  try {
    const page = await browser.newPage()
    page.on('console', (message) => console.error(`[page] ${message.text()}`))
    page.on('pageerror', (error) => console.error(`[page error] ${error.message}`))
    await page.exposeFunction('msRequest', (method: string, data?: Record<string, unknown>) => handle(method, data))
    await page.goto(`http://127.0.0.1:${port}/`)
    const result = (await Promise.race([
      page.evaluate('window.runE2e()'),
      new Promise((_, reject) => setTimeout(() => reject(new Error('e2e timed out after 60 s')), 60_000)),
    ])) as E2eResult

    // The page closes its transports at the end, so check they *reached* connected.
    const serverTransportsConnected = [...transports.keys()].every((id) => dtlsConnected.has(id))
    console.log(`chromium: ${browser.version()}, mediasoup-client handler: ${result.handlerName}`)
    console.log(
      `video: framesDecoded=${result.framesDecoded} ${result.frameWidth}x${result.frameHeight} ` +
        `bytesReceived=${result.videoBytesReceived}; audio: packetsReceived=${result.audioPacketsReceived}; ` +
        `${result.elapsedMs} ms`,
    )
    console.log(`server DTLS states: ${dtlsStates.join(' ')}`)
    const ok = result.framesDecoded > 0 && result.audioPacketsReceived > 0 && transports.size === 2 && serverTransportsConnected && workerDied === undefined
    console.log(ok ? 'browser e2e: PASS' : 'browser e2e: FAIL')
    console.log(`${ok ? 1 : 0} passed, ${ok ? 0 : 1} failed`)
    exitCode = ok ? 0 : 1
  } catch (error) {
    console.error(error)
    if (workerDied !== undefined) console.error(`(the worker died first: ${workerDied})`)
    console.log('browser e2e: FAIL')
    console.log('0 passed, 1 failed')
  } finally {
    await browser.close()
    server.close()
    worker.close()
  }
  return exitCode
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
