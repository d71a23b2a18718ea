import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { ConnectWatchdog, fallbackReasonFor, hasWebRtc, ICE_CONNECT_TIMEOUT_MS, livePlaylistUrl } from './live-fallback'
import { MediaSessionClosedError } from './media-session'
import { MediaRequestError } from './signalling'

describe('fallbackReasonFor', () => {
  test('a full room (too-many) falls back at any step', () => {
    for (const step of ['join', 'connect', 'ready', 'consume'] as const) {
      expect(fallbackReasonFor(new MediaRequestError('too-many', 'Too many media connections from this network right now.'), step)).toBe('room-full')
    }
  })

  test('a browser whose WebRTC fails (device load, transport) falls back; the same error from the join does not', () => {
    const noHandler = Object.assign(new Error('device not supported'), { name: 'UnsupportedError' })
    expect(fallbackReasonFor(noHandler, 'connect')).toBe('no-webrtc')
    expect(fallbackReasonFor(new TypeError('RTCPeerConnection is not a constructor'), 'consume')).toBe('no-webrtc')
    expect(fallbackReasonFor(new MediaRequestError('unsupported', 'cannot consume'), 'consume')).toBe('no-webrtc')
    expect(fallbackReasonFor(new TypeError('boom'), 'join')).toBeNull()
  })

  test('transient failures, other refusals and a closed session are handled as before', () => {
    expect(fallbackReasonFor(new MediaRequestError('restarting', 'restarting'), 'connect')).toBeNull()
    expect(fallbackReasonFor(new MediaRequestError('timeout', 'media:join timed out'), 'join')).toBeNull()
    expect(fallbackReasonFor(new MediaRequestError('forbidden', 'no'), 'join')).toBeNull()
    expect(fallbackReasonFor(new MediaRequestError('rate-limited', 'slow down'), 'consume')).toBeNull()
    expect(fallbackReasonFor(new MediaSessionClosedError(), 'connect')).toBeNull()
  })
})

test('hasWebRtc looks for RTCPeerConnection', () => {
  expect(hasWebRtc({})).toBe(false)
  expect(hasWebRtc({ RTCPeerConnection: undefined })).toBe(false)
  expect(hasWebRtc({ RTCPeerConnection: function RTCPeerConnection() {} })).toBe(true)
})

test('livePlaylistUrl is the live route of the session', () => {
  expect(livePlaylistUrl('cm1abc')).toBe('/live/cm1abc/live.m3u8')
})

describe('ConnectWatchdog', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  test('fails when the transport has not connected in time after being armed', () => {
    const onFail = vi.fn()
    const watchdog = new ConnectWatchdog(onFail)
    vi.advanceTimersByTime(ICE_CONNECT_TIMEOUT_MS * 2)
    expect(onFail).not.toHaveBeenCalled() // not armed: nothing to connect yet (no consumer)
    watchdog.arm()
    watchdog.state('connecting')
    vi.advanceTimersByTime(ICE_CONNECT_TIMEOUT_MS - 1)
    expect(onFail).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(onFail).toHaveBeenCalledTimes(1)
    watchdog.state('failed')
    expect(onFail).toHaveBeenCalledTimes(1)
  })

  test('fails at once when ICE fails, and only once', () => {
    const onFail = vi.fn()
    const watchdog = new ConnectWatchdog(onFail)
    watchdog.arm()
    watchdog.state('failed')
    expect(onFail).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(ICE_CONNECT_TIMEOUT_MS)
    expect(onFail).toHaveBeenCalledTimes(1)
  })

  test('stays quiet once connected, even when the connection drops later', () => {
    const onFail = vi.fn()
    const watchdog = new ConnectWatchdog(onFail)
    watchdog.arm()
    vi.advanceTimersByTime(2000)
    watchdog.state('connected')
    watchdog.state('disconnected')
    watchdog.state('failed')
    watchdog.arm()
    vi.advanceTimersByTime(ICE_CONNECT_TIMEOUT_MS * 2)
    expect(onFail).not.toHaveBeenCalled()
  })

  test('a stopped watchdog (the session closed) never fails', () => {
    const onFail = vi.fn()
    const watchdog = new ConnectWatchdog(onFail)
    watchdog.arm()
    watchdog.stop()
    vi.advanceTimersByTime(ICE_CONNECT_TIMEOUT_MS * 2)
    watchdog.state('failed')
    expect(onFail).not.toHaveBeenCalled()
  })
})
