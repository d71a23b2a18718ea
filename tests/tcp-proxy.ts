import { createConnection, createServer, type Server, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'

/**
 * A TCP proxy to a real service (PostgreSQL, Redis) that a test can cut and restore: cut() drops every
 * open connection and refuses new ones (the port stays the same), restore() accepts again. For outage
 * tests without stopping the shared service. Listens on loopback unless told otherwise (`listen.host`):
 * the media-cascade e2e listens on a bridge address so that processes in network namespaces reach
 * the root namespace's services, and on a fixed port (`listen.port`) to give a page a loopback origin.
 */
export class TcpProxy {
  readonly #sockets = new Set<Socket>()
  #server: Server | null = null

  private constructor(
    readonly target: { host: string; port: number },
    readonly host: string,
    public port: number,
  ) {}

  /** `listen`: the address to listen on (default 127.0.0.1) and port (default: any free one). */
  static async start(target: { host: string; port: number }, listen: { host?: string; port?: number } = {}): Promise<TcpProxy> {
    const proxy = new TcpProxy(target, listen.host ?? '127.0.0.1', listen.port ?? 0)
    await proxy.restore()
    return proxy
  }

  /** The target URL with its host and port replaced by the proxy's. */
  rewrite(url: string): string {
    const parsed = new URL(url)
    parsed.hostname = this.host
    parsed.port = String(this.port)
    return parsed.toString()
  }

  async restore(): Promise<void> {
    if (this.#server) return
    const server = createServer((client) => {
      const upstream = createConnection(this.target)
      for (const socket of [client, upstream]) {
        this.#sockets.add(socket)
        socket.setNoDelay(true)
        socket.once('close', () => this.#sockets.delete(socket))
        // A reset on one side ends the other: the client sees a dropped connection, as with a dead service.
        socket.on('error', () => {
          client.destroy()
          upstream.destroy()
        })
      }
      client.pipe(upstream).pipe(client)
    })
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(this.port, this.host, resolve)
    })
    this.port = (server.address() as AddressInfo).port
    this.#server = server
  }

  /** The service "goes away": open connections reset (RST, not a clean close), new ones refused. */
  async cut(): Promise<void> {
    const server = this.#server
    this.#server = null
    for (const socket of this.#sockets) socket.resetAndDestroy()
    this.#sockets.clear()
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()))
  }

  async close(): Promise<void> {
    await this.cut()
  }
}
