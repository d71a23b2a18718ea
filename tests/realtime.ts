import { createServer, type Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { io as connect, type Socket as ClientSocket } from 'socket.io-client'
import type { Ack } from '../app/protocol/live.ts'
import { createRealtimeServer } from '../server/realtime/index.ts'

// Socket.io servers with the production wiring (connection-state recovery, chat batching, the Redis
// adapter on a key of their own) and clients for them, for the realtime integration suites.

export type RealtimeNode = { http: HttpServer; realtime: Awaited<ReturnType<typeof createRealtimeServer>>; url: string }

export async function startRealtimeNode(redis?: { url: string; key: string }): Promise<RealtimeNode> {
  const http = createServer()
  const realtime = await createRealtimeServer(http, redis ? { redis } : {})
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  return { http, realtime, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/live` }
}

export async function stopRealtimeNode(node: RealtimeNode): Promise<void> {
  await node.realtime.close()
  node.http.close()
}

export function connectLive(url: string, cookie: string | undefined, opened: ClientSocket[]): Promise<ClientSocket> {
  const socket = connect(url, { transports: ['websocket'], extraHeaders: cookie ? { Cookie: cookie } : {}, reconnection: false })
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
