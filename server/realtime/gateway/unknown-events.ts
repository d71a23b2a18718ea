import type { Socket } from 'socket.io'

/**
 * Answers events that are not in the namespace's catalogue. Socket.io would ignore them silently,
 * leaving a client that asked for an acknowledgement waiting for ever; here it gets an error back
 * (through `answer`, which also decides whether the event counts against the connection's budget).
 */
export function refuseUnknownEvents(
  socket: Socket,
  known: readonly string[],
  /** `ack` is null when the client asked for no acknowledgement. */
  answer: (event: string, ack: ((result: { ok: false; error: { code: string; message: string } }) => void) | null) => Promise<void>,
): void {
  const catalogue = new Set(known)
  socket.onAny((event: unknown, ...args: unknown[]) => {
    if (typeof event === 'string' && catalogue.has(event)) return
    const last = args.at(-1)
    const ack = typeof last === 'function' ? (last as (result: unknown) => void) : null
    // Echo at most a short, printable form of a name the client chose.
    const name = String(event)
      .replace(/[^\w:.-]/g, '?')
      .slice(0, 40)
    void answer(name, ack)
  })
}
