import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { closeRedisClient, connectWithin, createRedisClient, type RedisCommandClient } from '../../app/utils/redis.server.ts'
import { getLogger } from '../../app/utils/logger.server.ts'

/**
 * A refused or failed call. `code` is the handler's own error code when it threw one (MediaError,
 * ProtocolError), else one of: invalid, unknown-method, timeout, node-down (nodeDown() was called),
 * unreachable (the request reached no one: Redis refused it, or nothing listens on that node's channel,
 * e.g. it is gone or its subscriber is reconnecting; the request did not run), closed, internal.
 */
export class RpcError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'RpcError'
  }
}

const requestSchema = z.object({
  kind: z.enum(['request', 'notify']),
  id: z.string(),
  from: z.string(),
  method: z.string(),
  // Optional: JSON drops a key whose value is undefined.
  payload: z.unknown().optional(),
})
const replySchema = z.discriminatedUnion('ok', [
  z.object({ kind: z.literal('reply'), id: z.string(), from: z.string(), ok: z.literal(true), result: z.unknown().optional() }),
  z.object({ kind: z.literal('reply'), id: z.string(), from: z.string(), ok: z.literal(false), code: z.string(), message: z.string() }),
])
type Request = z.infer<typeof requestSchema>
type Reply = z.infer<typeof replySchema>
type Outcome = { ok: true; result?: unknown } | { ok: false; code: string; message: string }

type Handler = { schema: z.ZodType; handle: (payload: unknown, from: string) => Promise<unknown> }
type PendingCall = { nodeId: string; resolve: (result: unknown) => void; reject: (error: RpcError) => void; timer: NodeJS.Timeout }

const DEFAULT_TIMEOUT_MS = 5000
const GENERIC_FAILURE = 'the handler failed on the serving node (details in its log)'

/**
 * Request/response between media nodes over Redis pub/sub. Each node listens for requests on
 * `<prefix>:rpc:<nodeId>` and for answers to its own calls on `<prefix>:rpc-reply:<nodeId>`; a call
 * carries a random id that its answer repeats. Payloads are validated on the serving side with the
 * method's schema; a call to this node itself runs the handler directly, with the same JSON round trip
 * and validation, so callers need not care where a peer lives.
 *
 * Pub/sub delivers at most once: a request published while the target is not subscribed is lost, so a
 * request nobody hears fails at once ('unreachable'), and one that is lost later times out.
 */
export class NodeRpc {
  readonly nodeId: string
  readonly #commands: RedisCommandClient
  readonly #subscriber: RedisCommandClient
  readonly #prefix: string
  readonly #handlers = new Map<string, Handler>()
  readonly #pending = new Map<string, PendingCall>()
  #closed = false

  private constructor(options: { commands: RedisCommandClient; subscriber: RedisCommandClient; prefix: string; nodeId: string }) {
    this.nodeId = options.nodeId
    this.#commands = options.commands
    this.#subscriber = options.subscriber
    this.#prefix = options.prefix
  }

  /** Connects a subscriber of its own (a subscribed connection cannot send commands) and listens. */
  static async start(options: { commands: RedisCommandClient; url: string; prefix: string; nodeId: string }): Promise<NodeRpc> {
    const subscriber = await connectWithin(createRedisClient(options.url, 'media node rpc (subscribe)'), 10_000, 'media node rpc')
    const rpc = new NodeRpc({ ...options, subscriber })
    try {
      await subscriber.subscribe(rpc.#requestChannel(rpc.nodeId), (message) => void rpc.#onRequest(message))
      await subscriber.subscribe(rpc.#replyChannel(rpc.nodeId), (message) => rpc.#onReply(message))
    } catch (error) {
      await closeRedisClient(subscriber)
      throw error
    }
    return rpc
  }

  /** Answers `method`; the payload is parsed with `schema` first (a failure answers 'invalid'). */
  serve<S extends z.ZodType>(method: string, schema: S, handler: (payload: z.infer<S>, from: string) => Promise<unknown>): void {
    if (this.#handlers.has(method)) throw new Error(`rpc method ${method} is served already`)
    this.#handlers.set(method, { schema, handle: (payload, from) => handler(payload as z.infer<S>, from) })
  }

  call<T>(nodeId: string, method: string, payload: unknown, options: { timeoutMs?: number } = {}): Promise<T> {
    if (this.#closed) return Promise.reject(new RpcError('closed', 'the rpc endpoint is closed'))
    const id = randomUUID()
    let message: string
    try {
      message = JSON.stringify({ kind: 'request', id, from: this.nodeId, method, payload } satisfies Request)
    } catch (error) {
      return Promise.reject(new RpcError('invalid', `the payload cannot be sent as JSON: ${String(error)}`))
    }
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
    const answer = new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id)
        reject(new RpcError('timeout', `${method} on node ${nodeId} did not answer within ${timeoutMs} ms`))
      }, timeoutMs)
      timer.unref()
      this.#pending.set(id, { nodeId, resolve: resolve as (result: unknown) => void, reject, timer })
    })
    if (nodeId === this.nodeId) {
      const request = requestSchema.parse(JSON.parse(message))
      void this.#run(request).then((outcome) => {
        // Through JSON as a remote caller would receive it, so a call to itself behaves the same.
        const reply = replySchema.parse(JSON.parse(encodeReply({ kind: 'reply', id, from: nodeId, ...outcome }, method)))
        this.#settle(id, nodeId, reply)
      })
    } else {
      this.#commands.publish(this.#requestChannel(nodeId), message).then(
        (receivers) => {
          if (receivers === 0) this.#fail(id, new RpcError('unreachable', `nothing listens for node ${nodeId}`))
        },
        (error: unknown) => this.#fail(id, new RpcError('unreachable', `the request to node ${nodeId} could not be sent: ${String(error)}`)),
      )
    }
    return answer
  }

  /** Fire and forget: nobody hears of the outcome except this node's log when it cannot be sent. */
  notify(nodeId: string, method: string, payload: unknown): void {
    if (this.#closed) return
    let message: string
    try {
      message = JSON.stringify({ kind: 'notify', id: randomUUID(), from: this.nodeId, method, payload } satisfies Request)
    } catch (error) {
      getLogger().warn({ err: error, method, nodeId }, 'media node rpc: a notification cannot be sent as JSON')
      return
    }
    if (nodeId === this.nodeId) {
      void this.#onRequest(message)
      return
    }
    this.#commands.publish(this.#requestChannel(nodeId), message).catch((error: unknown) => {
      getLogger().warn({ err: error, method, nodeId }, 'media node rpc: a notification could not be sent')
    })
  }

  /** Fails every call waiting on `nodeId` at once (the registry saw it go down): no one waits for timeouts. */
  nodeDown(nodeId: string): void {
    for (const [id, call] of this.#pending) {
      if (call.nodeId === nodeId) this.#fail(id, new RpcError('node-down', `node ${nodeId} went down`))
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    for (const id of [...this.#pending.keys()]) this.#fail(id, new RpcError('closed', 'the rpc endpoint closed'))
    await closeRedisClient(this.#subscriber)
  }

  async #onRequest(message: string): Promise<void> {
    const request = parseMessage(message, requestSchema)
    if (!request) {
      getLogger().warn({ nodeId: this.nodeId, message: message.slice(0, 200) }, 'media node rpc: dropping a malformed request')
      return
    }
    const outcome = await this.#run(request)
    if (request.kind === 'notify') {
      if (!outcome.ok) getLogger().warn({ method: request.method, from: request.from, code: outcome.code }, 'media node rpc: a notification failed')
      return
    }
    const reply = encodeReply({ kind: 'reply', id: request.id, from: this.nodeId, ...outcome }, request.method)
    await this.#commands.publish(this.#replyChannel(request.from), reply).catch((error: unknown) => {
      getLogger().warn({ err: error, method: request.method, to: request.from }, 'media node rpc: an answer could not be sent')
    })
  }

  /** Validates and runs one request; every failure becomes an outcome, never an exception. */
  async #run(request: Request): Promise<Outcome> {
    const handler = this.#handlers.get(request.method)
    if (!handler) return { ok: false, code: 'unknown-method', message: `node ${this.nodeId} serves no method ${request.method}` }
    const parsed = handler.schema.safeParse(request.payload)
    if (!parsed.success) return { ok: false, code: 'invalid', message: z.prettifyError(parsed.error) }
    try {
      return { ok: true, result: await handler.handle(parsed.data, request.from) }
    } catch (error) {
      const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined
      if (typeof code === 'string') return { ok: false, code, message: error instanceof Error ? error.message : code }
      getLogger().error({ err: error, method: request.method, from: request.from }, 'media node rpc: a handler failed')
      return { ok: false, code: 'internal', message: GENERIC_FAILURE }
    }
  }

  #onReply(message: string): void {
    const reply = parseMessage(message, replySchema)
    if (!reply) {
      getLogger().warn({ nodeId: this.nodeId, message: message.slice(0, 200) }, 'media node rpc: dropping a malformed answer')
      return
    }
    // An answer after the timeout (or to another process that used this id once) finds no call.
    this.#settle(reply.id, reply.from, reply)
  }

  #settle(id: string, from: string, outcome: Outcome): void {
    const call = this.#pending.get(id)
    if (call?.nodeId !== from) return
    this.#pending.delete(id)
    clearTimeout(call.timer)
    if (outcome.ok) call.resolve(outcome.result)
    else call.reject(new RpcError(outcome.code, outcome.message))
  }

  #fail(id: string, error: RpcError): void {
    const call = this.#pending.get(id)
    if (!call) return
    this.#pending.delete(id)
    clearTimeout(call.timer)
    call.reject(error)
  }

  #requestChannel(nodeId: string): string {
    return `${this.#prefix}:rpc:${nodeId}`
  }

  #replyChannel(nodeId: string): string {
    return `${this.#prefix}:rpc-reply:${nodeId}`
  }
}

function parseMessage<S extends z.ZodType>(message: string, schema: S): z.infer<S> | null {
  try {
    const parsed = schema.safeParse(JSON.parse(message))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** The answer as JSON; a result JSON cannot carry (a BigInt, a cycle) becomes an 'internal' failure. */
function encodeReply(reply: Reply, method: string): string {
  try {
    return JSON.stringify(reply)
  } catch (error) {
    getLogger().error({ err: error, method }, 'media node rpc: a handler returned a result JSON cannot carry')
    return JSON.stringify({ kind: 'reply', id: reply.id, from: reply.from, ok: false, code: 'internal', message: GENERIC_FAILURE } satisfies Reply)
  }
}
