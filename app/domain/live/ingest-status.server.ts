import type { IngestStatus } from './ingest-status'

// The ingest of a showcase runs in the process that holds its media room (server/ingest); the studio's
// status route reads it here. The server loads app modules twice (its own copy and the React Router
// build's), so the table lives on globalThis under a registered symbol rather than in a module variable.

const KEY = Symbol.for('tradecast.ingestStatuses')
type Table = Map<string, IngestStatus>

function table(): Table {
  const holder = globalThis as { [KEY]?: Table }
  holder[KEY] ??= new Map<string, IngestStatus>()
  return holder[KEY]
}

export function publishIngestStatus(sessionId: string, status: IngestStatus): void {
  table().set(sessionId, status)
}

export function ingestStatusOf(sessionId: string): IngestStatus | null {
  return table().get(sessionId) ?? null
}

// Rotating or revoking the secret ends the ingest it admitted (a revoked token keeps no media flowing).
const REVOKED = Symbol.for('tradecast.ingestRevoked')
type Listener = (sessionId: string) => void

function listeners(): Set<Listener> {
  const holder = globalThis as { [REVOKED]?: Set<Listener> }
  holder[REVOKED] ??= new Set<Listener>()
  return holder[REVOKED]
}

export function announceIngestRevoked(sessionId: string): void {
  for (const listener of listeners()) listener(sessionId)
}

/** The ingest service listens here; returns the unsubscribe. */
export function onIngestRevoked(listener: Listener): () => void {
  listeners().add(listener)
  return () => listeners().delete(listener)
}
