/**
 * Composed playlists by recording, kept `maxAgeMs`: one composition (a database read and every part
 * playlist parsed) serves every player that reloads within that time. Concurrent misses share one
 * composition; entries of recordings no longer asked for are dropped as the map is read.
 */
export class ComposedPlaylistCache {
  readonly #entries = new Map<string, { at: number; body: Promise<string> }>()

  constructor(private readonly maxAgeMs: number) {}

  get(recordingId: string, compose: () => Promise<string>, now = Date.now()): Promise<string> {
    const entry = this.#entries.get(recordingId)
    if (entry && now - entry.at < this.maxAgeMs) return entry.body
    for (const [id, old] of this.#entries) if (now - old.at >= this.maxAgeMs) this.#entries.delete(id)
    const body = compose()
    this.#entries.set(recordingId, { at: now, body })
    // A failed composition is not kept: the next request tries again.
    body.catch(() => {
      if (this.#entries.get(recordingId)?.body === body) this.#entries.delete(recordingId)
    })
    return body
  }
}
