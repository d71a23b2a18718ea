import { describe, expect, it } from 'vitest'
import { chaptersFromPins, formatOffset, pinnedAt, playbackOffsetMs, type PartTiming } from './timeline'

const at = (seconds: number) => new Date(Date.UTC(2026, 11, 2, 10, 0, seconds))
// Part 0: 10:00:00 for 60 s; a restart gap of 30 s; part 1: 10:01:30 for 40 s.
const parts: PartTiming[] = [
  { index: 1, startedAt: at(90), durationMs: 40_000 },
  { index: 0, startedAt: at(0), durationMs: 60_000 },
]

describe('playbackOffsetMs', () => {
  it('maps instants inside parts, skipping the gap between them', () => {
    expect(playbackOffsetMs(at(12), parts)).toBe(12_000)
    expect(playbackOffsetMs(at(95), parts)).toBe(65_000)
  })
  it('clamps instants before, between and after the parts', () => {
    expect(playbackOffsetMs(at(-5), parts)).toBe(0)
    expect(playbackOffsetMs(at(75), parts)).toBe(60_000)
    expect(playbackOffsetMs(at(500), parts)).toBe(100_000)
  })
  it('is null without media', () => {
    expect(playbackOffsetMs(at(1), [])).toBeNull()
    expect(playbackOffsetMs(at(1), [{ index: 0, startedAt: at(0), durationMs: 0 }])).toBeNull()
  })
})

describe('chaptersFromPins', () => {
  it('makes one chapter per pin, ending at the unpin or the end of the recording', () => {
    const chapters = chaptersFromPins(
      [
        { productId: 'b', pinned: true, at: at(95) },
        { productId: 'a', pinned: true, at: at(10) },
        { productId: 'a', pinned: false, at: at(40) },
        { productId: 'a', pinned: true, at: at(50) },
      ],
      parts,
    )
    expect(chapters).toEqual([
      { productId: 'a', startMs: 10_000, endMs: 40_000 },
      { productId: 'a', startMs: 50_000, endMs: 100_000 },
      { productId: 'b', startMs: 65_000, endMs: 100_000 },
    ])
    expect(pinnedAt(70_000, chapters)).toEqual(['a', 'b'])
    expect(pinnedAt(45_000, chapters)).toEqual([])
  })
  it('ignores a repeated pin and an unpin without a pin', () => {
    const chapters = chaptersFromPins(
      [
        { productId: 'a', pinned: false, at: at(5) },
        { productId: 'a', pinned: true, at: at(10) },
        { productId: 'a', pinned: true, at: at(20) },
        { productId: 'a', pinned: false, at: at(30) },
      ],
      parts,
    )
    expect(chapters).toEqual([{ productId: 'a', startMs: 10_000, endMs: 30_000 }])
  })
})

describe('formatOffset', () => {
  it('writes minutes and seconds, hours when needed', () => {
    expect(formatOffset(754_000)).toBe('12:34')
    expect(formatOffset(3_723_000)).toBe('1:02:03')
    expect(formatOffset(-5)).toBe('0:00')
  })
})
