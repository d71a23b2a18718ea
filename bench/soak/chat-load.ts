import { LightSocketIoClient } from '../light-client.ts'
import { Histogram } from '../machine.ts'

type Sent = {
  sentAt: number
  client: number
  state: 'pending' | 'acked' | 'refused' | 'no-ack'
  messageId?: string
  refusal?: string
  /** One bit per client: who received it. */
  receivedBy: Uint8Array
}

export type ChatWindow = { fromMs: number; toMs: number }

export type ChatReport = {
  clients: number
  dropped: number
  sent: number
  acked: number
  refused: Record<string, number>
  noAck: number
  /** Acked messages × clients expected to read them, and the deliveries missing from that. */
  expectedDeliveries: number
  missingDeliveries: number
  /** Of the missing: the reader was on another server process than the sender. */
  missingCrossProcess: number
  duplicates: number
  p50: number
  p99: number
  max: number
}

/**
 * Chat load of a live room as people make it: `count` guests (bench/light-client.ts, one guest cookie
 * each) spread over the server processes, each sending a message every `minS`–`maxS` seconds
 * (uniformly random), all reading everything. Every message carries its number and send instant;
 * each reception sets the reader's bit, so loss and duplicates are exact per message and reader.
 */
export class ChatLoad {
  private readonly clients: LightSocketIoClient[] = []
  private readonly serverOf: number[] = []
  private readonly connectedUntil: number[] = []
  private readonly sent: Sent[] = []
  private readonly timers = new Set<NodeJS.Timeout>()
  private readonly pending = new Set<Promise<void>>()
  private sending = false
  private duplicates = 0
  private dropped = 0
  readonly latency = new Histogram(60_000)

  constructor(
    private readonly options: {
      baseUrls: string[]
      sessionId: string
      count: number
      minS: number
      maxS: number
      mintCookie: () => string
      forwardedFor?: (index: number) => string
    },
  ) {}

  async connect(): Promise<void> {
    const { baseUrls, sessionId, count } = this.options
    for (let first = 0; first < count; first += 100) {
      await Promise.all(
        Array.from({ length: Math.min(100, count - first) }, async (_, offset) => {
          const index = first + offset
          const server = index % baseUrls.length
          const headers: Record<string, string> = { Cookie: this.options.mintCookie() }
          if (this.options.forwardedFor) headers['X-Forwarded-For'] = this.options.forwardedFor(index)
          const client = new LightSocketIoClient(baseUrls[server]!, '/live', headers)
          this.clients[index] = client
          this.serverOf[index] = server
          this.connectedUntil[index] = Number.POSITIVE_INFINITY
          await client.connected
          client.onClose(() => {
            this.connectedUntil[index] = Date.now()
            if (this.sending) this.dropped += 1
          })
          client.on('chat:messages', (payload) => {
            const receivedAt = Date.now()
            for (const message of (payload as { messages: Array<{ body: string }> }).messages) {
              const [tag, seqText, sentAtText] = message.body.split(' ')
              if (tag !== 'soak') continue
              const record = this.sent[Number(seqText)]
              if (!record) continue
              const byte = index >> 3
              const bit = 1 << (index & 7)
              if (record.receivedBy[byte]! & bit) {
                this.duplicates += 1
                continue
              }
              record.receivedBy[byte]! |= bit
              this.latency.add(receivedAt - Number(sentAtText))
            }
          })
          const ack = (await client.emitWithAck('live:join', { sessionId, guestName: `Soak guest ${index}` }, 60_000)) as {
            ok: boolean
            error?: { code: string }
          }
          if (!ack.ok) throw new Error(`chat client ${index}: join refused (${ack.error?.code})`)
        }),
      )
    }
  }

  /** Starts sending: each client's first message at a random moment within its interval, then every minS–maxS s. */
  start(): void {
    this.sending = true
    this.clients.forEach((_, index) => this.schedule(index, Math.random() * this.options.maxS * 1000))
  }

  private schedule(index: number, delayMs: number) {
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      if (!this.sending) return
      this.send(index)
      const { minS, maxS } = this.options
      this.schedule(index, (minS + Math.random() * (maxS - minS)) * 1000)
    }, delayMs)
    this.timers.add(timer)
  }

  private send(index: number) {
    if (this.connectedUntil[index] !== Number.POSITIVE_INFINITY) return
    const seq = this.sent.length
    const sentAt = Date.now()
    const record: Sent = { sentAt, client: index, state: 'pending', receivedBy: new Uint8Array(Math.ceil(this.clients.length / 8)) }
    this.sent.push(record)
    const done = (
      this.clients[index]!.emitWithAck('chat:send', { sessionId: this.options.sessionId, body: `soak ${seq} ${sentAt}` }, 10_000) as Promise<{
        ok: boolean
        message?: { id: string }
        error?: { code: string }
      }>
    ).then(
      (ack) => {
        if (ack.ok && ack.message) {
          record.state = 'acked'
          record.messageId = ack.message.id
        } else {
          record.state = 'refused'
          record.refusal = ack.error?.code ?? 'unknown'
        }
      },
      () => {
        // No answer in 10 s: not counted as acked (the message may or may not have gone out).
        record.state = 'no-ack'
      },
    )
    this.pending.add(done)
    void done.finally(() => this.pending.delete(done))
  }

  /** Stops sending and waits for the answers still due, then `drainMs` for the last deliveries. */
  async stop(drainMs: number): Promise<void> {
    this.sending = false
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
    await Promise.all([...this.pending])
    await new Promise((resolve) => setTimeout(resolve, drainMs))
  }

  close(): void {
    for (const client of this.clients) client.close()
  }

  /** The ids the server acknowledged (to check against the database). */
  ackedMessageIds(window?: ChatWindow): string[] {
    return this.inWindow(window)
      .filter((s) => s.state === 'acked')
      .map((s) => s.messageId!)
  }

  private inWindow(window?: ChatWindow): Sent[] {
    return window ? this.sent.filter((s) => s.sentAt >= window.fromMs && s.sentAt < window.toMs) : this.sent
  }

  /** Figures over the messages sent in `window` (default: all); readers count only while they were connected. */
  report(window?: ChatWindow): ChatReport {
    const messages = this.inWindow(window)
    let expected = 0
    let missing = 0
    let missingCross = 0
    for (const message of messages) {
      if (message.state !== 'acked') continue
      for (let reader = 0; reader < this.clients.length; reader++) {
        if (this.connectedUntil[reader]! <= message.sentAt + 5000) continue
        expected += 1
        if (!(message.receivedBy[reader >> 3]! & (1 << (reader & 7)))) {
          missing += 1
          if (this.serverOf[reader] !== this.serverOf[message.client]) missingCross += 1
        }
      }
    }
    return {
      clients: this.clients.length,
      dropped: this.dropped,
      sent: messages.length,
      acked: messages.filter((s) => s.state === 'acked').length,
      refused: messages.reduce<Record<string, number>>((counts, m) => {
        if (m.refusal) counts[m.refusal] = (counts[m.refusal] ?? 0) + 1
        return counts
      }, {}),
      noAck: messages.filter((s) => s.state === 'no-ack').length,
      expectedDeliveries: expected,
      missingDeliveries: missing,
      missingCrossProcess: missingCross,
      duplicates: this.duplicates,
      p50: this.latency.percentile(50),
      p99: this.latency.percentile(99),
      max: this.latency.percentile(100),
    }
  }
}
