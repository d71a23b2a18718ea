import type { Logger } from 'pino'
import { closeViewSpan, openViewSpan, refreshViewStats, touchViewSpans, type ViewerRef } from '../../../app/domain/live/viewers.server.ts'

/**
 * View spans of the viewers on this process (the watch-time figures organizers report): opened at
 * media:ready, moved forward every heartbeat, closed when the viewer leaves or the server stops; the
 * stats of sessions whose viewers changed are refreshed at the next heartbeat.
 */
export class ViewerSpans {
  private readonly open = new Map<string, string>() // spanId → sessionId
  private readonly dirty = new Set<string>()
  private readonly heartbeat: NodeJS.Timeout

  constructor(
    private readonly now: () => Date,
    private readonly logger: Logger,
    heartbeatMs: number,
  ) {
    this.heartbeat = setInterval(() => {
      void this.beat().catch((error: unknown) => logger.warn({ err: error }, 'viewer heartbeat failed'))
    }, heartbeatMs)
    this.heartbeat.unref()
  }

  /** Opens a span; `stillThere` is asked once the row is written (the viewer may have left meanwhile). */
  async start(sessionId: string, viewer: ViewerRef, stillThere: () => boolean): Promise<string> {
    const spanId = await openViewSpan(sessionId, viewer, this.now())
    this.open.set(spanId, sessionId)
    this.dirty.add(sessionId)
    if (!stillThere()) {
      this.open.delete(spanId)
      await closeViewSpan(spanId, this.now())
    }
    return spanId
  }

  async close(spanId: string, sessionId: string): Promise<void> {
    this.open.delete(spanId)
    await closeViewSpan(spanId, this.now()).catch((error: unknown) => this.logger.warn({ err: error }, 'closing a view span failed'))
    this.dirty.add(sessionId)
  }

  /** The session's viewer figures changed (went live, a viewer came or left). */
  changed(sessionId: string): void {
    this.dirty.add(sessionId)
  }

  /** Final figures now (after the showcase ended and its viewers left). */
  async settle(sessionId: string): Promise<void> {
    await refreshViewStats(sessionId, this.now())
    this.dirty.delete(sessionId)
  }

  private async beat(): Promise<void> {
    const at = this.now()
    await touchViewSpans([...this.open.keys()], at)
    for (const sessionId of new Set(this.open.values())) this.dirty.add(sessionId)
    const sessions = [...this.dirty]
    this.dirty.clear()
    for (const sessionId of sessions) await refreshViewStats(sessionId, at)
  }

  /** Stops the heartbeat and closes the spans at this instant, so watch time is exact up to shutdown. */
  async shutdown(): Promise<void> {
    clearInterval(this.heartbeat)
    const at = this.now()
    const spans = [...this.open.entries()]
    this.open.clear()
    await touchViewSpans(
      spans.map(([spanId]) => spanId),
      at,
    ).catch(() => undefined)
    for (const sessionId of new Set(spans.map(([, sessionId]) => sessionId))) await refreshViewStats(sessionId, at).catch(() => undefined)
  }
}
