// Session instants (pins, chat) on a recording's playback time. A recording is parts of media laid end to
// end; the wall-clock gaps between parts (a restart, a crash) are not in the replay. Pure, zone-free.

export type PartTiming = { index: number; startedAt: Date; durationMs: number }

/**
 * Playback offset (ms) of a wall-clock instant: the sum of the earlier parts' lengths plus the time since
 * its part started, clamped into that part. Before the first part → 0; in a gap between parts → the start
 * of the next part; after the last → the end. Null when nothing was recorded.
 */
export function playbackOffsetMs(instant: Date, parts: readonly PartTiming[]): number | null {
  const ordered = [...parts].filter((part) => part.durationMs > 0).sort((a, b) => a.index - b.index)
  if (ordered.length === 0) return null
  const at = instant.getTime()
  let before = 0
  for (const part of ordered) {
    const start = part.startedAt.getTime()
    if (at < start) return before
    if (at <= start + part.durationMs) return before + (at - start)
    before += part.durationMs
  }
  return before
}

export type PinEvent = { productId: string; pinned: boolean; at: Date }

export type Chapter = { productId: string; startMs: number; endMs: number }

/**
 * One chapter per pin of a product: from its pin until its unpin (or the end of the recording). Chapters
 * may overlap (up to three products are pinned at once); they are ordered by start.
 */
export function chaptersFromPins(events: readonly PinEvent[], parts: readonly PartTiming[]): Chapter[] {
  const total = parts.reduce((sum, part) => sum + Math.max(0, part.durationMs), 0)
  const open = new Map<string, number>()
  const chapters: Chapter[] = []
  for (const event of [...events].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    const offset = playbackOffsetMs(event.at, parts)
    if (offset === null) continue
    const started = open.get(event.productId)
    if (event.pinned && started === undefined) open.set(event.productId, offset)
    else if (!event.pinned && started !== undefined) {
      open.delete(event.productId)
      if (offset > started) chapters.push({ productId: event.productId, startMs: started, endMs: offset })
    }
  }
  for (const [productId, startMs] of open) if (total > startMs) chapters.push({ productId, startMs, endMs: total })
  return chapters.sort((a, b) => a.startMs - b.startMs || a.productId.localeCompare(b.productId))
}

/** Products pinned at a playback offset, in pin order (what the live page showed at that moment). */
export function pinnedAt(offsetMs: number, chapters: readonly Chapter[]): string[] {
  return chapters.filter((chapter) => chapter.startMs <= offsetMs && offsetMs < chapter.endMs).map((chapter) => chapter.productId)
}

/** "12:34" or "1:02:03" for a playback offset. */
export function formatOffset(offsetMs: number): string {
  const total = Math.max(0, Math.floor(offsetMs / 1000))
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = total % 60
  const pad = (value: number) => String(value).padStart(2, '0')
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${minutes}:${pad(seconds)}`
}
