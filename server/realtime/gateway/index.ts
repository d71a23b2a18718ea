import type { Namespace, Server, Socket } from 'socket.io'
import type { RateLimiterAbstract } from 'rate-limiter-flexible'
import type { z } from 'zod'
import type { NoResult, RequestSchemas } from '../../../app/protocol/catalogue.ts'
import { getLogger } from '../../../app/utils/logger.server.ts'
import { authenticateHandshake, type HandshakeIdentity, joinIdentityRooms, revalidateRecovered } from './identity.ts'
import { refuseUnknownEvents } from './unknown-events.ts'
import { spend } from './budget.ts'
import { installGuestCookie } from './guest-cookie.ts'
import { describeIssues, ProtocolError, type Refusal, type RefusalPolicy, refusalFrom } from './errors.ts'

export { spend } from './budget.ts'
export { describeIssues, knownCode, ProtocolError, type Refusal, type RefusalPolicy } from './errors.ts'

// The socket gateway: each namespace declares its catalogue in app/protocol (a request schema and a
// result type per event) and its handlers; the gateway authenticates the handshake, spends the
// connection's budget, answers unknown events, validates with the catalogue's schemas, runs the
// handler and turns whatever it throws into the ack's refusal (errors.ts).

/** What the gateway keeps on every socket: who it is (from the handshake) and the database session it came from. */
export type ConnectionData = { identity: HandshakeIdentity; authSessionId: string | null }

/**
 * The namespace `name` typed with its catalogue. Socket.io's Server is typed for the main namespace
 * only; this is the one cast between the two.
 */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the one cast, named by the caller (see above)
export function typedNamespace<N extends Namespace>(io: Server, name: string): N {
  return io.of(name) as unknown as N
}

/** A handler of one request: its validated input in, its result out (or a throw, answered as a refusal). */
export type RequestHandler<Input, Result, S> = (socket: S, input: Input) => Promise<Result>

/** Handlers of a catalogue, by event (a missing one answers `not-found`, e.g. test hooks when off). */
export type CatalogueHandlers<Schemas extends RequestSchemas, Results extends { [E in keyof Schemas]: object }, S> = {
  [E in keyof Schemas]?: RequestHandler<z.output<Schemas[E]>, Results[E], S>
}

export type GatewaySpec<Schemas extends RequestSchemas, Results extends { [E in keyof Schemas]: object }, Code extends string, S extends Socket> = {
  schemas: Schemas
  handlers: CatalogueHandlers<Schemas, Results, S>
  /** The state a socket starts with when it is new, or recovered under another identity. */
  freshState: (socket: S) => void
  /** Every request, valid or not, spends a point of the connection's budget (`perEvent` for those with their own). */
  budget: { limiter: RateLimiterAbstract; perEvent?: Partial<Record<keyof Schemas, RateLimiterAbstract>>; withRetryAfter: boolean }
  refusals: RefusalPolicy<Code>
  /** A refused request sent without an acknowledgement callback (default: nothing comes back). */
  refusedWithoutAck?: (socket: S, event: string, refusal: Refusal<Code>) => void
  /** Per-connection set-up beyond the catalogue (e.g. what to do on disconnect). */
  onConnection?: (socket: S) => void
}

/**
 * Serves a namespace's catalogue. Order per request: budget, handler, payload (`undefined` reads as
 * `{}`), handler run; the answer is `{ ok: true, ...result }` or `{ ok: false, error }`.
 */
export function serveCatalogue<Schemas extends RequestSchemas, Results extends { [E in keyof Schemas]: object }, Code extends string, S extends Socket>(
  nsp: Namespace,
  spec: GatewaySpec<Schemas, Results, Code, S>,
): void {
  const logger = getLogger().child({ ns: nsp.name })
  const { refusals } = spec
  // Guests get a signed browser key on their first handshake so their views and sanctions stick to them.
  installGuestCookie(nsp.server)

  // Socket.io ignores a middleware's promise: every outcome, failure included, goes through next().
  nsp.use((socket, next) => void admit(socket, next))
  async function admit(socket: Socket, next: (error?: Error) => void): Promise<void> {
    try {
      const { identity, authSessionId } = await authenticateHandshake(socket.request)
      const data = socket.data as ConnectionData
      data.authSessionId = authSessionId
      // A recovered connection keeps its state only while its identity still holds.
      if (!revalidateRecovered(socket, identity)) {
        data.identity = identity
        spec.freshState(socket as S)
      }
      next()
    } catch (error) {
      logger.error({ err: error }, 'handshake failed')
      next(new Error('authentication failed'))
    }
  }

  const events = Object.keys(spec.schemas)
  nsp.on('connection', (socket: Socket) => {
    const typed = socket as S
    const data = socket.data as ConnectionData
    void joinIdentityRooms(socket, data.identity, data.authSessionId)

    const answer = (event: string, ack: unknown, result: { ok: true } | { ok: false; error: Refusal }) => {
      if (typeof ack === 'function') (ack as (result: unknown) => void)(result)
      else if (!result.ok) spec.refusedWithoutAck?.(typed, event, result.error as Refusal<Code>)
    }
    const refuse = (event: string, ack: unknown, error: unknown) => answer(event, ack, { ok: false, error: refusalFrom(error, refusals) })

    refuseUnknownEvents(socket, events, async (event, ack) => {
      try {
        await spend(spec.budget.limiter, socket.id, refusals.rateLimited, spec.budget.withRetryAfter)
        throw new ProtocolError('invalid', refusals.unknownEvent(event))
      } catch (error) {
        refuse(event, ack, error)
      }
    })

    for (const event of events) {
      socket.on(event, async (payload: unknown, ack?: unknown) => {
        try {
          await spend(spec.budget.perEvent?.[event as keyof Schemas] ?? spec.budget.limiter, socket.id, refusals.rateLimited, spec.budget.withRetryAfter)
          const handler = spec.handlers[event as keyof Schemas] as RequestHandler<unknown, NoResult, S> | undefined
          if (!handler) throw new ProtocolError('not-found', refusals.unknownEvent(event))
          const schema = spec.schemas[event]
          if (!schema) throw new ProtocolError('not-found', refusals.unknownEvent(event))
          const parsed = schema.safeParse(payload ?? {})
          if (!parsed.success) throw new ProtocolError('invalid', describeIssues(parsed.error))
          answer(event, ack, { ok: true, ...(await handler(typed, parsed.data)) })
        } catch (error) {
          refuse(event, ack, error)
        }
      })
    }
    spec.onConnection?.(typed)
  })
}
