import { EventEmitter } from 'node:events'

/**
 * What changed about a person's identity that open connections must learn at once.
 * The domain raises these; the socket gateway (server/realtime) listens and drops or re-checks the
 * person's sockets, so a signed-out session or a removed company member keeps no live connection.
 * Domain code never imports the gateway: this emitter is the only link.
 */
export type IdentityEvent =
  /** Sessions deleted: one (sign-out), several, or all of a user's (`sessionIds` undefined: "sign out everywhere", password change/reset). */
  | { kind: 'sessions-revoked'; userId: string; sessionIds?: string[] }
  /** The user's company membership or company role changed (removed from the team, role lowered). */
  | { kind: 'membership-changed'; userId: string; companyId: string }

const emitter = new EventEmitter()
// One listener per gateway namespace and per test server; never a leak worth a warning.
emitter.setMaxListeners(100)

export function emitIdentityEvent(event: IdentityEvent): void {
  emitter.emit('identity', event)
}

/** Subscribes; returns the unsubscribe function (call it when the gateway closes). */
export function onIdentityEvent(listener: (event: IdentityEvent) => void): () => void {
  emitter.on('identity', listener)
  return () => emitter.off('identity', listener)
}
