import { describe, expect, it } from 'vitest'
import { chapterPlaying, messagesShownAt } from './replay-view'

describe('messagesShownAt', () => {
  const messages = [0, 0, 5_000, 50_000, 50_000, 65_000].map((offsetMs) => ({ offsetMs }))

  it('counts the messages written up to the playback time (inclusive)', () => {
    expect(messagesShownAt(messages, 0)).toBe(2)
    expect(messagesShownAt(messages, 4_999)).toBe(2)
    expect(messagesShownAt(messages, 5_000)).toBe(3)
    expect(messagesShownAt(messages, 50_000)).toBe(5)
    expect(messagesShownAt(messages, 64_999)).toBe(5)
    expect(messagesShownAt(messages, 120_000)).toBe(6)
  })

  it('hides later messages again after a seek back, and shows none of an empty chat', () => {
    expect(messagesShownAt(messages, 70_000)).toBe(6)
    expect(messagesShownAt(messages, 1_000)).toBe(2)
    expect(messagesShownAt([], 1_000)).toBe(0)
    expect(messagesShownAt([{ offsetMs: 10 }], 9)).toBe(0)
  })
})

describe('chapterPlaying', () => {
  it('is the half-open range from the pin to the unpin', () => {
    const chapter = { startMs: 10_000, endMs: 70_000 }
    expect(chapterPlaying(chapter, 9_999)).toBe(false)
    expect(chapterPlaying(chapter, 10_000)).toBe(true)
    expect(chapterPlaying(chapter, 69_999)).toBe(true)
    expect(chapterPlaying(chapter, 70_000)).toBe(false)
  })
})
