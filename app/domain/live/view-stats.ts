/** One viewer connection span (a LiveSessionView row). `leftAt` null = still open. */
export type ViewSpan = { viewerKey: string; joinedAt: Date; leftAt: Date | null }

export type ViewStats = { uniqueViewers: number; peakViewers: number; watchSeconds: number }

/**
 * Exact viewer figures from the spans, counted inside the live window [start, end) only:
 * - a viewer's overlapping spans (two tabs, a reconnect) merge first, so one person counts once;
 * - uniqueViewers: viewers with any time inside the window;
 * - peakViewers: the most viewers present at the same instant (sweep over join/leave events;
 *   a leave at t sorts before a join at t, so back-to-back spans never count twice);
 * - watchSeconds: total merged watch time, floored to whole seconds.
 * Open spans end at `end`.
 */
export function computeViewStats(spans: readonly ViewSpan[], window: { start: Date; end: Date }): ViewStats {
  const start = window.start.getTime()
  const end = window.end.getTime()
  if (!(end > start)) return { uniqueViewers: 0, peakViewers: 0, watchSeconds: 0 }

  const byViewer = new Map<string, Array<[number, number]>>()
  for (const span of spans) {
    const from = Math.max(start, span.joinedAt.getTime())
    const to = Math.min(end, span.leftAt ? span.leftAt.getTime() : end)
    if (!(to > from)) continue
    const list = byViewer.get(span.viewerKey) ?? []
    list.push([from, to])
    byViewer.set(span.viewerKey, list)
  }

  const events: Array<[number, 1 | -1]> = []
  let watchMs = 0
  for (const list of byViewer.values()) {
    list.sort((a, b) => a[0] - b[0])
    const [first, ...rest] = list
    if (!first) continue
    let [curFrom, curTo] = first
    for (const [from, to] of rest) {
      if (from <= curTo) curTo = Math.max(curTo, to)
      else {
        events.push([curFrom, 1], [curTo, -1])
        watchMs += curTo - curFrom
        ;[curFrom, curTo] = [from, to]
      }
    }
    events.push([curFrom, 1], [curTo, -1])
    watchMs += curTo - curFrom
  }

  events.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  let current = 0
  let peak = 0
  for (const [, delta] of events) {
    current += delta
    if (current > peak) peak = current
  }
  return { uniqueViewers: byViewer.size, peakViewers: peak, watchSeconds: Math.floor(watchMs / 1000) }
}
