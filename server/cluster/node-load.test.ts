import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { type CpuMeasurable, workerCpuSampler } from './node-load.ts'

/** A worker whose CPU counters the test sets (ms, as mediasoup reports them). */
class FakeWorker implements CpuMeasurable {
  user = 0
  system = 0
  dead = false
  getResourceUsage() {
    if (this.dead) return Promise.reject(new Error('worker closed'))
    return Promise.resolve({ ru_utime: this.user, ru_stime: this.system })
  }
}

describe('workerCpuSampler', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['performance'] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('returns the share of the workers’ cores used since the previous call', async () => {
    const workers = [new FakeWorker(), new FakeWorker()]
    const sample = workerCpuSampler(() => workers)
    expect(await sample()).toBe(0)
    vi.advanceTimersByTime(1000)
    // 600 + 200 ms on one worker, 400 ms on the other: 1,200 of 2,000 core-ms.
    workers[0]!.user = 600
    workers[0]!.system = 200
    workers[1]!.user = 400
    expect(await sample()).toBeCloseTo(0.6, 9)
    vi.advanceTimersByTime(500)
    // Only the increase since the previous call counts: 250 + 250 of 1,000 core-ms.
    workers[0]!.user += 250
    workers[1]!.system += 250
    expect(await sample()).toBeCloseTo(0.5, 9)
    vi.advanceTimersByTime(1000)
    expect(await sample()).toBe(0)
  })

  it('counts 0 for a replaced worker or a counter that went backwards, and never exceeds 1', async () => {
    const workers = [new FakeWorker(), new FakeWorker()]
    workers[0]!.user = 5000
    workers[1]!.user = 5000
    const sample = workerCpuSampler(() => workers)
    await sample()
    vi.advanceTimersByTime(1000)
    // Worker 0 died and was replaced by a fresh one (its counter starts again, here at 300 ms).
    workers[0] = new FakeWorker()
    workers[0].user = 300
    workers[1]!.user += 500
    expect(await sample()).toBeCloseTo(0.25, 9)
    vi.advanceTimersByTime(1000)
    // From now on the new worker counts: 700 ms on it, 100 on the other.
    workers[0].user = 1000
    workers[1]!.user += 100
    expect(await sample()).toBeCloseTo(0.4, 9)
    vi.advanceTimersByTime(1000)
    // The same worker object reporting less (a counter reset) counts 0, not a negative share.
    workers[0].user = 10
    workers[1]!.user += 1000
    expect(await sample()).toBeCloseTo(0.5, 9)
    vi.advanceTimersByTime(100)
    // More CPU than wall time (a coarse counter): capped at 1.
    workers[0].user += 1000
    workers[1]!.user += 1000
    expect(await sample()).toBe(1)
  })

  it('counts 0 for a worker that fails to answer and 0 overall without workers', async () => {
    const workers = [new FakeWorker(), new FakeWorker()]
    const sample = workerCpuSampler(() => workers)
    await sample()
    vi.advanceTimersByTime(1000)
    workers[0]!.user = 800
    workers[1]!.user = 800
    workers[1]!.dead = true
    expect(await sample()).toBeCloseTo(0.4, 9)
    const empty = workerCpuSampler(() => [])
    await empty()
    vi.advanceTimersByTime(1000)
    expect(await empty()).toBe(0)
  })
})
