import { createServer, type Server, type Socket, connect } from 'node:net'

/**
 * A TCP proxy the bench owns, on 127.0.0.1, between the app and a shared service (PostgreSQL, Redis):
 * `cut()` drops every open connection and stops listening, so new connections are refused as if the
 * service were down, without touching the machine's own service; `restore()` listens again on the same
 * port.
 */
export class TcpProxy {
  private server: Server | null = null
  private readonly open = new Set<Socket>()
  private portNumber = 0

  private constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const proxy = new TcpProxy(target.host, target.port)
    await proxy.listen(0)
    return proxy
  }

  get port(): number {
    return this.portNumber
  }

  get isCut(): boolean {
    return this.server === null
  }

  private listen(port: number): Promise<void> {
    const server = createServer((client) => this.pipe(client))
    return new Promise((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, '127.0.0.1', () => {
        const address = server.address()
        this.portNumber = typeof address === 'object' && address ? address.port : port
        this.server = server
        resolve()
      })
    })
  }

  private pipe(client: Socket) {
    const upstream = connect(this.targetPort, this.targetHost)
    for (const socket of [client, upstream]) {
      this.open.add(socket)
      socket.setNoDelay(true)
      socket.on('close', () => this.open.delete(socket))
      // A reset on one side ends the other; the app sees a dropped connection, as with a dead service.
      socket.on('error', () => {
        client.destroy()
        upstream.destroy()
      })
    }
    client.pipe(upstream)
    upstream.pipe(client)
  }

  /** The service "goes away": open connections reset, new ones refused (ECONNREFUSED). */
  async cut(): Promise<void> {
    const server = this.server
    this.server = null
    for (const socket of this.open) socket.resetAndDestroy()
    this.open.clear()
    if (server) await new Promise((resolve) => server.close(resolve))
  }

  /** The service is back on the same address. */
  async restore(): Promise<void> {
    if (this.server) return
    await this.listen(this.portNumber)
  }

  async close(): Promise<void> {
    await this.cut()
  }
}
