import WebSocket from 'ws'

/**
 * A minimal Socket.io client (Engine.IO 4 / Socket.IO 5 protocol, WebSocket transport, one namespace,
 * text packets only) for load generation. 2,000 socket.io-client instances cost the bench ≈ 18 µs per
 * received frame, so on one core their own queueing ends up in the measured latency; this client
 * does the same wire work (every frame read, every payload JSON-parsed, pings answered) for ≈ 12 µs.
 * The app itself always uses socket.io-client.
 */
export class LightSocketIoClient {
  private readonly ws: WebSocket
  private readonly prefix: string
  private readonly listeners = new Map<string, (payload: unknown) => void>()
  private readonly acks = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>()
  private nextAckId = 0
  readonly connected: Promise<void>

  /** `localAddress`: the source address to connect from (e.g. one of 127.0.0.0/8, for per-address budgets). */
  constructor(baseUrl: string, namespace: string, headers: Record<string, string>, localAddress?: string) {
    this.prefix = namespace === '/' ? '' : `${namespace},`
    this.ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, {
      headers,
      perMessageDeflate: false,
      ...(localAddress ? { localAddress } : {}),
    })
    this.connected = new Promise((resolve, reject) => {
      this.ws.once('error', reject)
      this.ws.once('close', () => reject(new Error('closed before connecting')))
      this.ws.on('message', (data: Buffer, isBinary: boolean) => {
        if (isBinary) return
        const text = data.toString()
        switch (text[0]) {
          case '0': // Engine.IO open: ask for the namespace
            this.ws.send(`40${this.prefix}`)
            return
          case '2': // ping
            this.ws.send('3')
            return
          case '4':
            this.onSocketIoPacket(text, resolve, reject)
            return
        }
      })
    })
  }

  private onSocketIoPacket(text: string, connected: () => void, refused: (error: Error) => void) {
    const type = text[1]
    const body = text.slice(2 + this.prefix.length)
    if (type === '0') connected()
    else if (type === '4') refused(new Error(`namespace refused: ${body}`))
    else if (type === '2') {
      const [event, payload] = JSON.parse(body) as [string, unknown]
      this.listeners.get(event)?.(payload)
    } else if (type === '3') {
      const bracket = body.indexOf('[')
      const id = Number(body.slice(0, bracket))
      const pending = this.acks.get(id)
      if (!pending) return
      this.acks.delete(id)
      clearTimeout(pending.timer)
      pending.resolve((JSON.parse(body.slice(bracket)) as unknown[])[0])
    }
  }

  /** One listener per event (enough for a load generator). */
  on(event: string, listener: (payload: unknown) => void): void {
    this.listeners.set(event, listener)
  }

  /** Called once when the connection closes (load generators count dropped clients). */
  onClose(listener: () => void): void {
    this.ws.once('close', listener)
  }

  emitWithAck(event: string, payload: unknown, timeoutMs: number): Promise<unknown> {
    const id = this.nextAckId++
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.acks.delete(id)
        reject(new Error(`${event}: no acknowledgement within ${timeoutMs} ms`))
      }, timeoutMs)
      this.acks.set(id, { resolve, reject, timer })
      this.ws.send(`42${this.prefix}${id}${JSON.stringify([event, payload])}`)
    })
  }

  close(): void {
    for (const pending of this.acks.values()) clearTimeout(pending.timer)
    this.acks.clear()
    this.ws.close()
  }
}
