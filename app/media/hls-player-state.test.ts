import { describe, expect, test } from 'vitest'
import {
  durationMsOf,
  hlsPlayerReducer,
  initialHlsPlayerState,
  LIVE_RELOAD_AFTER_MS,
  liveLatencySeconds,
  recoveryFor,
  RECOVERY_LIMITS,
  type HlsPlayerEvent,
  type HlsPlayerState,
} from './hls-player-state'

const run = (events: HlsPlayerEvent[], from: HlsPlayerState = initialHlsPlayerState) => events.reduce(hlsPlayerReducer, from)
const progress = (currentTimeMs: number, latencySeconds: number | null = null, framesDecoded = 0): HlsPlayerEvent => ({
  type: 'progress',
  currentTimeMs,
  durationMs: null,
  latencySeconds,
  framesDecoded,
})

describe('hlsPlayerReducer', () => {
  test('a source loads, plays, stalls, plays again and is paused by the viewer', () => {
    expect(run([{ type: 'load' }]).state).toBe('loading')
    expect(run([{ type: 'load' }, { type: 'playing' }]).state).toBe('playing')
    expect(run([{ type: 'load' }, { type: 'playing' }, { type: 'buffering' }]).state).toBe('buffering')
    expect(run([{ type: 'load' }, { type: 'playing' }, { type: 'buffering' }, { type: 'playing' }]).state).toBe('playing')
    expect(run([{ type: 'load' }, { type: 'playing' }, { type: 'pause' }]).state).toBe('paused')
  })

  test('a pause or a stall before playback started leaves the loading state alone', () => {
    expect(run([{ type: 'load' }, { type: 'pause' }]).state).toBe('loading')
    expect(run([{ type: 'load' }, { type: 'buffering' }]).state).toBe('loading')
  })

  test('a missing live stream keeps the player loading and waiting, until it plays', () => {
    const waiting = run([{ type: 'load' }, progress(0, 4.2), { type: 'missing' }])
    expect(waiting).toMatchObject({ state: 'loading', waiting: true, error: null, latencySeconds: null })
    // Reloading while waiting keeps it waiting; a second 404 changes nothing (no re-render).
    const reloaded = run([{ type: 'load' }], waiting)
    expect(reloaded).toMatchObject({ state: 'loading', waiting: true })
    expect(hlsPlayerReducer(reloaded, { type: 'missing' })).toBe(reloaded)
    expect(run([{ type: 'playing' }], reloaded)).toMatchObject({ state: 'playing', waiting: false })
  })

  test('a fatal error is reported, and a retry clears it', () => {
    const failed = run([{ type: 'load' }, { type: 'playing' }, { type: 'fatal', error: 'network' }])
    expect(failed).toMatchObject({ state: 'error', error: 'network' })
    // The element pauses when hls.js is destroyed: the error stays.
    expect(hlsPlayerReducer(failed, { type: 'pause' })).toBe(failed)
    expect(run([{ type: 'load' }], failed)).toMatchObject({ state: 'loading', error: null })
  })

  test('progress carries time, latency and frames, and returns the same state when nothing moved', () => {
    const playing = run([{ type: 'load' }, { type: 'playing' }, progress(1500, 3.4, 40)])
    expect(playing).toMatchObject({ currentTimeMs: 1500, latencySeconds: 3.4, framesDecoded: 40 })
    expect(hlsPlayerReducer(playing, progress(1500, 3.4, 40))).toBe(playing)
    // A tick without a program date (between segments) keeps the last known latency.
    expect(hlsPlayerReducer(playing, progress(1750, null, 46))).toMatchObject({ currentTimeMs: 1750, latencySeconds: 3.4, framesDecoded: 46 })
  })

  test('reset returns to idle', () => {
    expect(run([{ type: 'load' }, { type: 'playing' }, progress(900, 2, 10), { type: 'reset' }])).toEqual(initialHlsPlayerState)
  })
})

describe('liveLatencySeconds', () => {
  const now = Date.parse('2026-12-02T10:00:10.000Z')
  test('is the distance from the capture instant of the playing frame to now, to a tenth of a second', () => {
    expect(liveLatencySeconds(new Date('2026-12-02T10:00:04.260Z'), now)).toBe(5.7)
    expect(liveLatencySeconds(Date.parse('2026-12-02T10:00:09.000Z'), now)).toBe(1)
  })
  test('is unknown without a program date and never negative when the clocks disagree', () => {
    expect(liveLatencySeconds(null, now)).toBeNull()
    expect(liveLatencySeconds(new Date(Number.NaN), now)).toBeNull()
    expect(liveLatencySeconds(new Date('2026-12-02T10:00:12.000Z'), now)).toBe(0)
  })
})

test('durationMsOf ignores the unknown (NaN) and live (Infinity) durations', () => {
  expect(durationMsOf(Number.NaN)).toBeNull()
  expect(durationMsOf(Number.POSITIVE_INFINITY)).toBeNull()
  expect(durationMsOf(0)).toBeNull()
  expect(durationMsOf(12.3456)).toBe(12_346)
})

describe('recoveryFor', () => {
  const none = { network: 0, media: 0 }
  test('a live playlist that is not there (404) or unreachable is waited for, without limit', () => {
    const missing = { type: 'networkError', details: 'manifestLoadError', httpStatus: 404 }
    expect(recoveryFor(missing, none, true)).toEqual({ kind: 'wait-and-reload', afterMs: LIVE_RELOAD_AFTER_MS })
    expect(recoveryFor(missing, { network: 99, media: 99 }, true)).toEqual({ kind: 'wait-and-reload', afterMs: LIVE_RELOAD_AFTER_MS })
    expect(recoveryFor({ type: 'networkError', details: 'levelLoadError', httpStatus: 404 }, none, true).kind).toBe('wait-and-reload')
    expect(recoveryFor({ type: 'networkError', details: 'manifestLoadTimeOut' }, none, true).kind).toBe('wait-and-reload')
  })
  test('a missing replay is not found, and a manifest that never arrived is a network error', () => {
    expect(recoveryFor({ type: 'networkError', details: 'manifestLoadError', httpStatus: 404 }, none, false)).toEqual({ kind: 'give-up', error: 'not-found' })
    expect(recoveryFor({ type: 'networkError', details: 'manifestLoadError', httpStatus: 500 }, none, false)).toEqual({ kind: 'give-up', error: 'network' })
  })
  test('network errors on segments restart loading a bounded number of times', () => {
    const fault = { type: 'networkError', details: 'fragLoadError', httpStatus: 503 }
    for (let network = 0; network < RECOVERY_LIMITS.network; network += 1) {
      expect(recoveryFor(fault, { network, media: 0 }, true)).toEqual({ kind: 'start-load' })
    }
    expect(recoveryFor(fault, { network: RECOVERY_LIMITS.network, media: 0 }, true)).toEqual({ kind: 'give-up', error: 'network' })
  })
  test('media errors recover, then recover with the audio codec swapped, then give up', () => {
    const fault = { type: 'mediaError', details: 'bufferAppendError' }
    expect(recoveryFor(fault, none, false)).toEqual({ kind: 'recover-media', swapAudioCodec: false })
    expect(recoveryFor(fault, { network: 0, media: 1 }, false)).toEqual({ kind: 'recover-media', swapAudioCodec: true })
    expect(recoveryFor(fault, { network: 0, media: RECOVERY_LIMITS.media }, false)).toEqual({ kind: 'give-up', error: 'media' })
  })
  test('other fatal errors give up', () => {
    expect(recoveryFor({ type: 'otherError', details: 'internalException' }, none, true)).toEqual({ kind: 'give-up', error: 'media' })
  })
})
