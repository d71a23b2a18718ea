import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import type { Socket as ClientSocket } from 'socket.io-client'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { getLogger } from '~/utils/logger.server'
import type { ChatMessageView } from '~/protocol/live'
import { createBuyer, createLiveShowcase } from '../../tests/fixtures'
import { connectLive, emitAck, mediaWorkerBinary, nextEvent, type RealtimeNode, startRealtimeNode, stopRealtimeNode } from '../../tests/realtime'
import { MediaLayer } from '../media/index'
import { Readiness } from './health'
import { createOperations, mountOperations, type Operations } from './index'
import { getMetrics, OperationsMetrics } from './metrics'

// GET /metrics over real HTTP: disabled without a token, refused with a wrong one, and with the right one
// real figures from real sources (requests served, a live chat on the production /live wiring, a
// mediasoup consumer on a real worker) under low-cardinality labels.

const TOKEN = 'metrics-test-token-0123456789abcdef'
const cleanups: Array<() => unknown> = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

async function serve(operations: Partial<Operations>): Promise<string> {
  const ops = createOperations({ readiness: new Readiness(), metrics: new OperationsMetrics(), metricsToken: TOKEN, ...operations })
  const app = express()
  app.use(ops.metrics.httpMiddleware())
  mountOperations(app, ops)
  const server: Server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  cleanups.push(() => new Promise((resolve) => server.close(resolve)))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

async function scrape(base: string): Promise<string> {
  const response = await fetch(`${base}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } })
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toContain('text/plain; version=0.0.4')
  return response.text()
}

/** The value of one sample of the exposition, or undefined when it is not there. */
function sample(body: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of body.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line)
    if (match?.[1] !== name) continue
    const found = new Map([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((pair) => [pair[1], pair[2]]))
    if (Object.entries(labels).every(([key, value]) => found.get(key) === value)) return Number(match[3])
  }
  return undefined
}

describe('/metrics access', () => {
  it('answers 404 while METRICS_TOKEN is not set', async () => {
    const base = await serve({ metricsToken: null })
    expect((await fetch(`${base}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(404)
  })

  it('answers 401 without the right bearer token (logged at warn, never the token), and the figures with it', async () => {
    const base = await serve({})
    const warn = vi.spyOn(getLogger(), 'warn').mockImplementation(() => undefined)
    cleanups.push(() => warn.mockRestore())
    const refused = [undefined, 'Bearer wrong-token-0123456789abcdef', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`, TOKEN]
    for (const authorization of refused) {
      const response = await fetch(`${base}/metrics`, { headers: authorization ? { Authorization: authorization } : {} })
      expect(response.status, authorization).toBe(401)
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="metrics"')
      expect(await response.text()).not.toContain('tradecast_')
    }
    const refusals = warn.mock.calls.filter((call) => call[1] === 'metrics: bearer token refused')
    expect(refusals.map((call) => (call[0] as { presented: string }).presented)).toEqual(['none', 'wrong', 'wrong', 'wrong', 'wrong'])
    for (const secret of ['wrong-token-0123456789abcdef', TOKEN]) expect(JSON.stringify(refusals)).not.toContain(secret)
    const body = await scrape(base)
    // Node's default process metrics: memory, event-loop lag, GC.
    for (const name of ['process_resident_memory_bytes', 'nodejs_heap_size_used_bytes']) expect(sample(body, name), name).toBeGreaterThan(0)
    expect(sample(body, 'nodejs_eventloop_lag_p99_seconds')).toBeGreaterThanOrEqual(0)
    expect(body).toContain('nodejs_gc_duration_seconds')
  })
})

describe('/metrics figures', () => {
  it('counts HTTP requests by method, status class and route group, never by raw URL', async () => {
    const base = await serve({})
    const before = await scrape(base)
    const count = (body: string, labels: Record<string, string>) => sample(body, 'tradecast_http_request_duration_seconds_count', labels) ?? 0
    await fetch(`${base}/healthz/live`)
    await fetch(`${base}/healthz/live`)
    await fetch(`${base}/catalog/cm-secret-product-id-4711?token=abc`)
    const after = await scrape(base)
    expect(count(after, { method: 'GET', status: '2xx', route: 'health' }) - count(before, { method: 'GET', status: '2xx', route: 'health' })).toBe(2)
    expect(count(after, { method: 'GET', status: '4xx', route: 'catalog' }) - count(before, { method: 'GET', status: '4xx', route: 'catalog' })).toBe(1)
    // The scrape itself is measured too, under its own group.
    expect(count(after, { method: 'GET', status: '2xx', route: 'metrics' })).toBeGreaterThanOrEqual(1)
    // No raw path, query or secret in any label.
    for (const secret of ['cm-secret-product-id-4711', 'token=abc', TOKEN]) expect(after).not.toContain(secret)
  })

  it('reports queue depths and service states from their sources, and leaves out a source that does not answer', async () => {
    const metrics = new OperationsMetrics()
    const base = await serve({ metrics })
    const pending = ['a', 'b', 'c']
    metrics.watchQueue('clip-cuts', () => pending.length)
    metrics.watchQueue('email-outbox', () => new Promise<number>(() => undefined))
    metrics.watchStates('restream-publishers', () => ['live', 'live', 'retrying'])
    const body = await scrape(base)
    expect(sample(body, 'tradecast_queue_depth', { queue: 'clip-cuts' })).toBe(3)
    expect(sample(body, 'tradecast_queue_depth', { queue: 'email-outbox' })).toBeUndefined()
    expect(sample(body, 'tradecast_restream_publishers', { state: 'live' })).toBe(2)
    expect(sample(body, 'tradecast_restream_publishers', { state: 'retrying' })).toBe(1)
  })
})

describe('/metrics of live chat on the production /live wiring', () => {
  let node: RealtimeNode
  const clients: ClientSocket[] = []

  beforeAll(async () => {
    await getPrisma()
    node = await startRealtimeNode()
  })

  afterAll(async () => {
    for (const socket of clients) socket.disconnect()
    await stopRealtimeNode(node)
    await disconnectPrisma()
  })

  it('counts connections per namespace, accepted messages and their deliveries to the room’s sockets', async () => {
    // The /live namespace reports to the process's metrics (getMetrics), as in production.
    const metrics = getMetrics()
    const unwatch = metrics.watchSockets(node.realtime.io)
    cleanups.push(unwatch)
    const base = await serve({ metrics })

    const { exporter, session } = await createLiveShowcase('Metrics', { isPublic: true })
    const buyer = await createBuyer()
    const before = await scrape(base)
    const host = await connectLive(node.url, exporter.cookie, clients)
    const viewer = await connectLive(node.url, buyer.cookie, clients)
    for (const socket of [host, viewer]) expect((await emitAck(socket, 'live:join', { sessionId: session.id })).ok).toBe(true)
    expect(sample(await scrape(base), 'tradecast_socketio_connections', { namespace: '/live' })).toBe(2)

    const received = nextEvent<{ messages: ChatMessageView[] }>(viewer, 'chat:messages')
    expect((await emitAck(viewer, 'chat:send', { sessionId: session.id, body: 'Counted once, delivered twice' })).ok).toBe(true)
    await received
    const after = await scrape(base)
    const delta = (name: string) => (sample(after, name) ?? 0) - (sample(before, name) ?? 0)
    expect(delta('tradecast_chat_messages_accepted_total')).toBe(1)
    // One message to the room's two sockets (the host and the viewer).
    expect(delta('tradecast_chat_deliveries_total')).toBe(2)
    // The batch went out: nothing waits.
    expect(sample(after, 'tradecast_queue_depth', { queue: 'chat-batch' })).toBe(0)
  })
})

const workerBin = mediaWorkerBinary()
describe.skipIf(!workerBin)('/metrics of mediasoup workers', () => {
  it('shows producers and consumers per worker as they come and go, and each worker’s CPU time', async () => {
    const layer = await MediaLayer.create({
      workers: 2,
      workerBin: workerBin!,
      listenIp: '127.0.0.1',
      minPort: 45000,
      maxPort: 45999,
      consumersPerRouter: 500,
      peerJoinTimeoutMs: 10_000,
      iceServers: [],
      logLevel: 'error',
    })
    cleanups.push(() => layer.close())
    const metrics = new OperationsMetrics()
    cleanups.push(metrics.watchMedia(layer))
    const base = await serve({ metrics })

    const room = await layer.openRoom('metrics-room')
    const router = room.routerForSend()
    const worker = String(layer.pool.pids().indexOf(room.workerPids()[0]!))
    const other = worker === '0' ? '1' : '0'
    const send = await router.createDirectTransport()
    const producer = await send.produce({
      kind: 'audio',
      rtpParameters: { codecs: [{ mimeType: 'audio/opus', payloadType: 100, clockRate: 48000, channels: 2 }], encodings: [{ ssrc: 2222 }] },
    })
    const receive = await router.createDirectTransport()
    const consumer = await receive.consume({ producerId: producer.id, rtpCapabilities: router.rtpCapabilities })

    let body = await scrape(base)
    expect(sample(body, 'tradecast_mediasoup_producers', { worker })).toBe(1)
    expect(sample(body, 'tradecast_mediasoup_consumers', { worker })).toBe(1)
    expect(sample(body, 'tradecast_mediasoup_consumers', { worker: other })).toBe(0)
    expect(sample(body, 'tradecast_mediasoup_worker_pid', { worker })).toBe(room.workerPids()[0])
    expect(sample(body, 'tradecast_mediasoup_worker_cpu_seconds_total', { worker })).toBeGreaterThan(0)
    expect(sample(body, 'tradecast_media_rooms')).toBe(1)

    consumer.close()
    body = await scrape(base)
    expect(sample(body, 'tradecast_mediasoup_consumers', { worker })).toBe(0)
    expect(sample(body, 'tradecast_mediasoup_producers', { worker })).toBe(1)
    room.close('ended')
    body = await scrape(base)
    expect(sample(body, 'tradecast_mediasoup_producers', { worker })).toBe(0)
    expect(sample(body, 'tradecast_media_rooms')).toBe(0)
  })
})
