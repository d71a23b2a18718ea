import { useSyncExternalStore } from 'react'

// The audience figure of a session as its live room last heard it (app/live/use-live-room.ts), for the
// parts of the page outside the room's components (the viewer page's and the studio's header): one
// figure, one definition (app/domain/live/audience.ts), wherever it is shown.
const counts = new Map<string, number>()
const listeners = new Set<() => void>()

/** Sets (or, with null, forgets) a session's audience figure. */
export function publishAudience(sessionId: string, count: number | null): void {
  if (count === null) counts.delete(sessionId)
  else counts.set(sessionId, count)
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The session's audience figure, or null until its live room has joined (and on the server). */
export function useAudienceCount(sessionId: string): number | null {
  return useSyncExternalStore(
    subscribe,
    () => counts.get(sessionId) ?? null,
    () => null,
  )
}
