/**
 * Remembers a loaded value for `ttlMs`, and shares one load between concurrent callers. The `/live`
 * namespace keeps a session's room facts this way, so a busy chat costs one session query per
 * second instead of one per message; whatever this process changes it invalidates at once, and
 * other processes see a change within `ttlMs`.
 */
export class ExpiringCache<V> {
  private readonly entries = new Map<string, { value: Promise<V>; expiresAt: number }>()

  constructor(
    private readonly ttlMs: number,
    private readonly load: (key: string) => Promise<V>,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get(key: string): Promise<V> {
    const now = this.now()
    const entry = this.entries.get(key)
    if (entry && entry.expiresAt > now) return entry.value
    if (this.entries.size >= 1000) this.sweep(now)
    const value = this.load(key)
    this.entries.set(key, { value, expiresAt: now + this.ttlMs })
    // A failed load is not remembered: the next caller tries again.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key)
    })
    return value
  }

  /**
   * Loads afresh and caches the result. The pending load sits in the cache, so an invalidation that
   * arrives while it runs removes it: a read that started before a change never outlives the change.
   */
  refresh(key: string): Promise<V> {
    this.entries.delete(key)
    return this.get(key)
  }

  invalidate(key: string): void {
    this.entries.delete(key)
  }

  clear(): void {
    this.entries.clear()
  }

  private sweep(now: number) {
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key)
  }
}
