/**
 * The HLS player's state without a browser: what the <video> element and hls.js report, folded into
 * one state (a reducer), the live latency, and which recovery step a fatal hls.js error calls for.
 * use-hls-player.ts wires these to the real element and library.
 */
import type { HlsConfig } from 'hls.js'

export type HlsPlayerStatus = 'idle' | 'loading' | 'playing' | 'paused' | 'buffering' | 'error'

/**
 * Why playback stopped: the browser plays no HLS at all, the stream is not there (404, e.g. a live
 * rendition nobody records yet), the network failed, or the media could not be decoded.
 */
export type HlsPlayerError = 'unsupported' | 'not-found' | 'network' | 'media'

export type HlsPlayerState = {
  state: HlsPlayerStatus
  currentTimeMs: number
  /** Null while unknown and for a live stream (no end). */
  durationMs: number | null
  /** Seconds between the capture instant of the frame on screen and now (live streams with PROGRAM-DATE-TIME only). */
  latencySeconds: number | null
  /** Frames the browser decoded and did not drop (HTMLVideoElement.getVideoPlaybackQuality). */
  framesDecoded: number
  /** True while a live stream is not there yet and the player tries again every few seconds. */
  waiting: boolean
  error: HlsPlayerError | null
}

export const initialHlsPlayerState: HlsPlayerState = {
  state: 'idle',
  currentTimeMs: 0,
  durationMs: null,
  latencySeconds: null,
  framesDecoded: 0,
  waiting: false,
  error: null,
}

export type HlsPlayerEvent =
  /** No source (or unmounted). */
  | { type: 'reset' }
  /** A source is being loaded (first time, retry, or after a wait). */
  | { type: 'load' }
  /** A live stream is not there yet (404): the player keeps trying. */
  | { type: 'missing' }
  | { type: 'playing' }
  | { type: 'pause' }
  /** The element waits for data (stall), or hls.js is recovering from an error. */
  | { type: 'buffering' }
  | { type: 'progress'; currentTimeMs: number; durationMs: number | null; latencySeconds: number | null; framesDecoded: number }
  | { type: 'fatal'; error: HlsPlayerError }

export function hlsPlayerReducer(current: HlsPlayerState, event: HlsPlayerEvent): HlsPlayerState {
  switch (event.type) {
    case 'reset':
      return initialHlsPlayerState
    case 'load':
      return { ...current, state: 'loading', error: null }
    case 'missing':
      return current.state === 'loading' && current.waiting && current.error === null
        ? current
        : { ...current, state: 'loading', waiting: true, error: null, latencySeconds: null }
    case 'playing':
      return current.state === 'playing' && !current.waiting ? current : { ...current, state: 'playing', waiting: false, error: null }
    case 'pause':
      // A pause while loading or after a failure is the element giving up, not the viewer pausing.
      return current.state === 'playing' || current.state === 'buffering' ? { ...current, state: 'paused' } : current
    case 'buffering':
      return current.state === 'playing' ? { ...current, state: 'buffering' } : current
    case 'progress': {
      const latencySeconds = event.latencySeconds ?? (current.state === 'error' ? null : current.latencySeconds)
      if (
        current.currentTimeMs === event.currentTimeMs &&
        current.durationMs === event.durationMs &&
        current.latencySeconds === latencySeconds &&
        current.framesDecoded === event.framesDecoded
      ) {
        return current
      }
      return { ...current, currentTimeMs: event.currentTimeMs, durationMs: event.durationMs, latencySeconds, framesDecoded: event.framesDecoded }
    }
    case 'fatal':
      return { ...current, state: 'error', waiting: false, error: event.error }
  }
}

/** Milliseconds of a media duration as the element reports it (NaN while unknown, Infinity for live). */
export function durationMsOf(seconds: number): number | null {
  return Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : null
}

/**
 * How far behind the capture instant the picture on screen is, in seconds (one decimal), from the
 * program date of the playing frame (hls.js `playingDate`: #EXT-X-PROGRAM-DATE-TIME plus the offset
 * into the segment). Null without a date; never negative (clocks of server and viewer may disagree).
 */
export function liveLatencySeconds(playingDate: Date | number | null | undefined, nowMs: number): number | null {
  if (playingDate === null || playingDate === undefined) return null
  const instant = typeof playingDate === 'number' ? playingDate : playingDate.getTime()
  if (!Number.isFinite(instant) || instant <= 0) return null
  return Math.max(0, Math.round((nowMs - instant) / 100) / 10)
}

/** A fatal hls.js error as far as the recovery decision needs it. */
export type HlsFault = {
  /** hls.js ErrorTypes: 'networkError' | 'mediaError' | 'keySystemError' | 'muxError' | 'otherError'. */
  type: string
  /** hls.js ErrorDetails, e.g. 'manifestLoadError', 'levelLoadError', 'bufferStalledError'. */
  details: string
  /** HTTP status of the failed request, if there was one. */
  httpStatus?: number | undefined
}

export type RecoveryAttempts = { network: number; media: number }

export const RECOVERY_LIMITS = { network: 3, media: 2 } as const

export type RecoveryAction =
  /** Live stream not there (yet): tear down, wait a few seconds, load again — as long as the viewer stays. */
  | { kind: 'wait-and-reload'; afterMs: number }
  /** hls.startLoad(): the hls.js way to resume after a network error. */
  | { kind: 'start-load' }
  /** hls.recoverMediaError(), the second time after swapping the audio codec. */
  | { kind: 'recover-media'; swapAudioCodec: boolean }
  | { kind: 'give-up'; error: HlsPlayerError }

export const LIVE_RELOAD_AFTER_MS = 3000

/**
 * The player's hls.js settings (bench/recording.bench.ts measures live latency with these): no web worker
 * (the CSP has no worker-src for blob: URLs), no low-latency HLS (the recorder writes whole 2-s segments);
 * a live stream plays three segments behind its edge (speeding up to 1.2× to get back there) and jumps
 * forward when it falls eight behind. A VOD starts at `startPosition` seconds (-1: from the beginning).
 */
export function hlsJsConfig(live: boolean, startPosition = -1): Partial<HlsConfig> {
  return {
    enableWorker: false,
    lowLatencyMode: false,
    startPosition: live ? -1 : startPosition,
    ...(live ? { liveSyncDurationCount: 3, liveMaxLatencyDurationCount: 8, maxLiveSyncPlaybackRate: 1.2 } : {}),
  }
}

const PLAYLIST_ERRORS = new Set(['manifestLoadError', 'manifestLoadTimeOut', 'manifestParsingError', 'levelLoadError', 'levelEmptyError'])

/**
 * What to do about a fatal hls.js error, given the attempts made since playback last ran: a bounded
 * number of startLoad()s for network errors and recoverMediaError()s for media errors, then give up.
 * A live playlist that is missing (404) or empty is waited for instead (the recorder may start later).
 */
export function recoveryFor(fault: HlsFault, attempts: RecoveryAttempts, live: boolean): RecoveryAction {
  const missing = fault.httpStatus === 404 || fault.httpStatus === 410 || fault.details === 'levelEmptyError'
  if (live && PLAYLIST_ERRORS.has(fault.details) && (missing || fault.type === 'networkError')) {
    return { kind: 'wait-and-reload', afterMs: LIVE_RELOAD_AFTER_MS }
  }
  if (fault.type === 'networkError') {
    if (missing) return { kind: 'give-up', error: 'not-found' }
    // The manifest itself never arrived: startLoad() would not fetch it again.
    if (fault.details.startsWith('manifest')) return { kind: 'give-up', error: 'network' }
    return attempts.network < RECOVERY_LIMITS.network ? { kind: 'start-load' } : { kind: 'give-up', error: 'network' }
  }
  if (fault.type === 'mediaError') {
    return attempts.media < RECOVERY_LIMITS.media ? { kind: 'recover-media', swapAudioCodec: attempts.media > 0 } : { kind: 'give-up', error: 'media' }
  }
  return { kind: 'give-up', error: 'media' }
}
