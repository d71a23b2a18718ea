import { createServer, type Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { io as connect, type Socket as ClientSocket } from 'socket.io-client'
import type { Ack } from '../app/protocol/live.ts'
import { MediaLayer } from '../server/media/index.ts'
import { resolveWorkerBinary } from '../server/media/worker-binary.ts'
import { createRealtimeServer, type RealtimeOptions } from '../server/realtime/index.ts'

// Socket.io servers with the production wiring (connection-state recovery, chat batching, the Redis
// adapter on a key of their own) and clients for them, for the realtime integration suites.

export type RealtimeNode = {
  http: HttpServer
  realtime: Awaited<ReturnType<typeof createRealtimeServer>>
  /** The `/live` namespace. */
  url: string
  /** The `/media` namespace (served with `{ media: true }`). */
  mediaUrl: string
  media: MediaLayer | null
}

/** The mediasoup worker binary when this machine has one (media suites skip without it). */
export function mediaWorkerBinary(): string | null {
  try {
    return resolveWorkerBinary()
  } catch {
    return null
  }
}

export async function startRealtimeNode(
  redis?: { url: string; key: string },
  options: {
    media?: boolean
    identityEvents?: RealtimeOptions['identityEvents']
    sessionRecheckMs?: number
    /** With `redis`: this node as a media node of a cluster (its pipes listen on `pipeIp`, default 127.0.0.1). */
    mediaNode?: { nodeId: string; maxViewers: number; pipeIp?: string; drainTimeoutMs?: number }
  } = {},
): Promise<RealtimeNode> {
  const http = createServer()
  const workerBin = options.media ? mediaWorkerBinary() : null
  // One real mediasoup worker on loopback, as production wires it (server/media-setup.ts).
  const media = workerBin
    ? await MediaLayer.create({
        workers: 1,
        workerBin,
        listenIp: '127.0.0.1',
        minPort: 44000,
        maxPort: 44999,
        consumersPerRouter: 500,
        peerJoinTimeoutMs: 15_000,
        iceServers: [],
        logLevel: 'error',
      })
    : null
  const realtime = await createRealtimeServer(http, {
    ...(redis ? { redis } : {}),
    ...(media
      ? {
          media: {
            layer: media,
            iceServers: [],
            testHooks: false,
            ...(options.mediaNode
              ? {
                  node: {
                    nodeId: options.mediaNode.nodeId,
                    maxViewers: options.mediaNode.maxViewers,
                    pipe: { listenIp: options.mediaNode.pipeIp ?? '127.0.0.1' },
                    announcedAddress: '127.0.0.1',
                    drainTimeoutMs: options.mediaNode.drainTimeoutMs ?? 10_000,
                  },
                }
              : {}),
          },
        }
      : {}),
    ...(options.identityEvents ? { identityEvents: options.identityEvents } : {}),
    ...(options.sessionRecheckMs ? { sessionRecheckMs: options.sessionRecheckMs } : {}),
  })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`
  return { http, realtime, url: `${base}/live`, mediaUrl: `${base}/media`, media }
}

export async function stopRealtimeNode(node: RealtimeNode): Promise<void> {
  await node.realtime.close()
  node.media?.close()
  node.http.close()
}

/** A client of one namespace (`/live` or `/media` by the URL); `headers` adds e.g. Origin or X-Forwarded-For. */
export function connectLive(url: string, cookie: string | undefined, opened: ClientSocket[], headers: Record<string, string> = {}): Promise<ClientSocket> {
  const socket = connect(url, {
    transports: ['websocket'],
    extraHeaders: { ...headers, ...(cookie ? { Cookie: cookie } : {}) },
    reconnection: false,
    forceNew: true,
  })
  opened.push(socket)
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket))
    socket.once('connect_error', reject)
  })
}

export function emitAck<T = Record<string, never>>(socket: ClientSocket, event: string, payload: unknown, timeoutMs = 8000): Promise<Ack<T>> {
  return socket.timeout(timeoutMs).emitWithAck(event, payload) as Promise<Ack<T>>
}

export function nextEvent<T>(socket: ClientSocket, event: string, accept: (payload: T) => boolean = () => true): Promise<T> {
  return new Promise((resolve) => {
    const listener = (payload: T) => {
      if (!accept(payload)) return
      socket.off(event, listener)
      resolve(payload)
    }
    socket.on(event, listener)
  })
}
