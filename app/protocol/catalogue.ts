import type { z } from 'zod'

// What every Socket.io namespace's catalogue shares: client → server requests are declared once, as
// a zod schema per event (validated where they arrive) and a result type per event; both ends derive
// their signatures from those two maps, so neither picks a result type by hand.

/** The request schemas of a namespace, by event name. */
export type RequestSchemas = Record<string, z.ZodType>

/** What the server answers to a request: its result, or a refusal with one of the namespace's codes. */
export type AckOf<Result, Refusal> = ({ ok: true } & Result) | { ok: false; error: Refusal }

/** The client → server event map (Socket.io's typed events) of a catalogue. */
export type RequestEvents<Schemas extends RequestSchemas, Results extends { [E in keyof Schemas]: object }, Refusal> = {
  [E in keyof Schemas]: (payload: z.input<Schemas[E]>, ack: (answer: AckOf<Results[E], Refusal>) => void) => void
}

/** A result without fields (`{ ok: true }`). */
// eslint-disable-next-line @typescript-eslint/no-generated-empty-object-type -- an answer with no fields, on purpose
export type NoResult = Record<never, never>

/** A namespace's catalogue as one type: request schemas, result per request, refusal. */
export type Catalogue<
  Schemas extends RequestSchemas = RequestSchemas,
  Results extends { [E in keyof Schemas]: object } = { [E in keyof Schemas]: object },
  Refusal = unknown,
> = {
  schemas: Schemas
  results: Results
  refusal: Refusal
}

/** What a client sends with request `E` (the schema's input). */
export type RequestOf<C extends Catalogue, E extends keyof C['schemas']> = z.input<C['schemas'][E]>

/** The acknowledgement of request `E`. */
export type AckFor<C extends Catalogue, E extends keyof C['schemas']> = AckOf<C['results'][E & keyof C['results']], C['refusal']>

/**
 * `socket.timeout(ms).emit` for one request of a catalogue, acknowledgement typed by the catalogue.
 * Socket.io's emit types cannot follow a generic event name, hence this one cast for every client.
 */
export function timedEmit<C extends Catalogue, E extends keyof C['schemas'] & string>(
  socket: { timeout(ms: number): unknown },
  timeoutMs: number,
  event: E,
  payload: RequestOf<C, E>,
  ack: (error: Error | null, answer: AckFor<C, E>) => void,
): void {
  const timed = socket.timeout(timeoutMs) as { emit(event: string, payload: unknown, ack: (error: Error | null, answer: AckFor<C, E>) => void): void }
  timed.emit(event, payload, ack)
}
