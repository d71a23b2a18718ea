/**
 * Watched time of a player, without a browser: it runs while playing and pauses with the player; `take()`
 * hands out the whole seconds gathered since the last take and keeps the fraction for the next one, so a
 * run of heartbeats never loses or invents time. Times are milliseconds of a monotonic clock (performance.now()).
 */
export class WatchMeter {
  private playingSince: number | null = null
  private gatheredMs = 0

  get playing(): boolean {
    return this.playingSince !== null
  }

  play(nowMs: number): void {
    this.playingSince ??= nowMs
  }

  pause(nowMs: number): void {
    if (this.playingSince === null) return
    this.gatheredMs += Math.max(0, nowMs - this.playingSince)
    this.playingSince = null
  }

  /** Whole seconds watched and not yet taken (read only). */
  pendingSeconds(nowMs: number): number {
    const running = this.playingSince === null ? 0 : Math.max(0, nowMs - this.playingSince)
    return Math.floor((this.gatheredMs + running) / 1000)
  }

  /** Takes the whole seconds watched so far; the fraction stays. */
  take(nowMs: number): number {
    if (this.playingSince !== null) {
      this.gatheredMs += Math.max(0, nowMs - this.playingSince)
      this.playingSince = nowMs
    }
    const seconds = Math.floor(this.gatheredMs / 1000)
    this.gatheredMs -= seconds * 1000
    return seconds
  }

  /** Puts back seconds that could not be delivered (a failed request), to go with the next heartbeat. */
  giveBack(seconds: number): void {
    this.gatheredMs += Math.max(0, seconds) * 1000
  }
}
