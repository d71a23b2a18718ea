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

  /** Puts a value just loaded elsewhere (e.g. by a join that read the database anyway). */
  set(key: string, value: V): void {
    this.entries.set(key, { value: Promise.resolve(value), expiresAt: this.now() + this.ttlMs })
  }

  invalidate(key: string): void {
    this.entries.delete(key)
  }

  private sweep(now: number) {
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key)
  }
}
