import { describe, expect, it } from 'vitest'
import { WatchMeter } from './watch-meter'

describe('WatchMeter', () => {
  it('counts only playing time, across pauses', () => {
    const meter = new WatchMeter()
    meter.play(1_000)
    meter.pause(6_500)
    // Paused: the clock moving on adds nothing.
    expect(meter.pendingSeconds(60_000)).toBe(5)
    meter.play(60_000)
    expect(meter.pendingSeconds(64_000)).toBe(9)
    expect(meter.take(64_000)).toBe(9)
    expect(meter.pendingSeconds(64_000)).toBe(0)
  })

  it('keeps the fraction for the next take, so heartbeats add up to the time watched', () => {
    const meter = new WatchMeter()
    meter.play(0)
    const taken = [meter.take(15_400), meter.take(30_800), meter.take(46_200)]
    expect(taken).toEqual([15, 15, 16])
    meter.pause(46_600)
    expect(meter.take(100_000)).toBe(0)
    expect(taken.reduce((a, b) => a + b, 0) + meter.take(100_000)).toBe(46)
  })

  it('a second play while playing does not restart the span; give-back returns undelivered seconds', () => {
    const meter = new WatchMeter()
    meter.play(0)
    meter.play(5_000)
    expect(meter.take(10_000)).toBe(10)
    meter.giveBack(10)
    meter.pause(12_000)
    expect(meter.take(12_000)).toBe(12)
    expect(meter.playing).toBe(false)
  })
})
