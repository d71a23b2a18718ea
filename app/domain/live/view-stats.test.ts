import { describe, expect, it } from 'vitest'
import { computeViewStats, type ViewSpan } from './view-stats'

const t0 = Date.UTC(2026, 10, 24, 10, 0, 0)
const at = (seconds: number) => new Date(t0 + seconds * 1000)
const span = (viewerKey: string, from: number, to: number | null): ViewSpan => ({ viewerKey, joinedAt: at(from), leftAt: to === null ? null : at(to) })
const window = { start: at(0), end: at(3600) }

describe('computeViewStats', () => {
  it('counts nothing without spans or with an empty window', () => {
    expect(computeViewStats([], window)).toEqual({ uniqueViewers: 0, peakViewers: 0, watchSeconds: 0 })
    expect(computeViewStats([span('a', 0, 10)], { start: at(10), end: at(10) })).toEqual({ uniqueViewers: 0, peakViewers: 0, watchSeconds: 0 })
  })

  it('is exact for overlapping and disjoint viewers', () => {
    const stats = computeViewStats([span('a', 0, 100), span('b', 50, 150), span('c', 120, 130), span('d', 200, 260)], window)
    expect(stats).toEqual({ uniqueViewers: 4, peakViewers: 2, watchSeconds: 100 + 100 + 10 + 60 })
  })

  it('merges one viewer’s overlapping spans (two tabs, a reconnect) so they count once', () => {
    const stats = computeViewStats([span('a', 0, 100), span('a', 50, 120), span('a', 120, 130), span('b', 60, 70)], window)
    expect(stats).toEqual({ uniqueViewers: 2, peakViewers: 2, watchSeconds: 130 + 10 })
  })

  it('does not count back-to-back spans of different viewers as concurrent', () => {
    expect(computeViewStats([span('a', 0, 100), span('b', 100, 200)], window).peakViewers).toBe(1)
  })

  it('clips to the live window and ends open spans at its end', () => {
    const stats = computeViewStats([span('early', -300, 30), span('late', 3590, 4000), span('open', 3000, null), span('before', -100, -50)], window)
    expect(stats).toEqual({ uniqueViewers: 3, peakViewers: 2, watchSeconds: 30 + 10 + 600 })
  })

  it('finds the exact peak among many staggered viewers', () => {
    // Viewer i watches [i, i + 10): at most 10 at once.
    const spans = Array.from({ length: 100 }, (_, i) => span(`v${i}`, i, i + 10))
    expect(computeViewStats(spans, window)).toEqual({ uniqueViewers: 100, peakViewers: 10, watchSeconds: 1000 })
  })

  it('floors sub-second watch time only once, on the total', () => {
    const spans: ViewSpan[] = [
      { viewerKey: 'a', joinedAt: new Date(t0), leftAt: new Date(t0 + 1500) },
      { viewerKey: 'b', joinedAt: new Date(t0), leftAt: new Date(t0 + 1500) },
    ]
    expect(computeViewStats(spans, window).watchSeconds).toBe(3)
  })
})
