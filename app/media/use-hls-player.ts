import type Hls from 'hls.js'
import type { ErrorData } from 'hls.js'
import { useCallback, useEffect, useReducer, useRef, useState, type RefObject } from 'react'
import {
  durationMsOf,
  hlsJsConfig,
  hlsPlayerReducer,
  initialHlsPlayerState,
  LIVE_RELOAD_AFTER_MS,
  liveLatencySeconds,
  recoveryFor,
  type HlsPlayerState,
  type RecoveryAttempts,
} from './hls-player-state'

export type { HlsPlayerError, HlsPlayerState, HlsPlayerStatus } from './hls-player-state'

export type HlsPlayerOptions = {
  /** A live (rolling) playlist: stay near the live edge, report latency, wait for a playlist that is not there yet. */
  live: boolean
  /** Where a VOD starts (read when a source loads; changing it later does not reload). */
  startAtSeconds?: number
}

export type HlsPlayer = HlsPlayerState & {
  /** Load the source again (after an error, or to try the live stream once more). */
  retry: () => void
}

const HLS_MIME = 'application/vnd.apple.mpegurl'

/** Safari's native HLS exposes the program date of the stream's start. */
type NativeHlsVideo = HTMLVideoElement & { getStartDate?: () => Date }

/**
 * Plays an HLS source in a <video>: hls.js (loaded on demand, client only) where Media Source
 * Extensions exist, the browser's own HLS otherwise (Safari on iOS). hls.js runs without a web worker
 * (the CSP has no worker-src for blob: URLs); its media goes through a blob: URL (media-src blob:).
 * Destroys the player when the source changes or the component unmounts.
 */
export function useHlsPlayer(videoRef: RefObject<HTMLVideoElement | null>, src: string | null, options: HlsPlayerOptions): HlsPlayer {
  const { live } = options
  const [state, dispatch] = useReducer(hlsPlayerReducer, initialHlsPlayerState)
  const [loads, setLoads] = useState(0)
  const startAt = useRef(options.startAtSeconds)
  const loadedSrc = useRef<string | null>(null)
  useEffect(() => {
    startAt.current = options.startAtSeconds
  }, [options.startAtSeconds])

  useEffect(() => {
    const video = videoRef.current
    if (!src || !video) {
      loadedSrc.current = null
      dispatch({ type: 'reset' })
      return
    }
    let cancelled = false
    let hls: Hls | null = null
    let reloadTimer: ReturnType<typeof setTimeout> | undefined
    const attempts: RecoveryAttempts = { network: 0, media: 0 }
    const playingDate = (): Date | number | null => {
      if (hls) return hls.playingDate
      const start = (video as NativeHlsVideo).getStartDate?.().getTime()
      return start !== undefined && Number.isFinite(start) ? start + video.currentTime * 1000 : null
    }
    const report = () => {
      const quality = typeof video.getVideoPlaybackQuality === 'function' ? video.getVideoPlaybackQuality() : null
      dispatch({
        type: 'progress',
        currentTimeMs: Math.round(video.currentTime * 1000),
        durationMs: live ? null : durationMsOf(video.duration),
        latencySeconds: live ? liveLatencySeconds(playingDate(), Date.now()) : null,
        framesDecoded: quality ? Math.max(0, quality.totalVideoFrames - quality.droppedVideoFrames) : 0,
      })
    }
    const onPlaying = () => {
      attempts.network = 0
      attempts.media = 0
      dispatch({ type: 'playing' })
    }
    const onPause = () => dispatch({ type: 'pause' })
    const onWaiting = () => dispatch({ type: 'buffering' })
    const elementEvents: Array<[string, () => void]> = [
      ['playing', onPlaying],
      ['pause', onPause],
      ['waiting', onWaiting],
      ['timeupdate', report],
      ['durationchange', report],
    ]
    for (const [name, listener] of elementEvents) video.addEventListener(name, listener)
    // Latency grows while the picture is frozen: read the figures also when no timeupdate comes.
    const ticker = setInterval(report, 1000)

    const waitAndReload = (afterMs: number) => {
      dispatch({ type: 'missing' })
      hls?.destroy()
      hls = null
      clearTimeout(reloadTimer)
      reloadTimer = setTimeout(() => {
        if (!cancelled) setLoads((value) => value + 1)
      }, afterMs)
    }

    const startNative = () => {
      const onError = () => {
        if (live) waitAndReload(LIVE_RELOAD_AFTER_MS)
        else dispatch({ type: 'fatal', error: video.error?.code === MediaError.MEDIA_ERR_NETWORK ? 'network' : 'media' })
      }
      const onLoaded = () => {
        const seconds = startAt.current
        if (!live && seconds !== undefined && seconds > 0) video.currentTime = seconds
      }
      video.addEventListener('error', onError)
      video.addEventListener('loadedmetadata', onLoaded, { once: true })
      elementEvents.push(['error', onError], ['loadedmetadata', onLoaded])
      video.src = src
    }

    const startHlsJs = (HlsClass: typeof Hls) => {
      const instance = new HlsClass(hlsJsConfig(live, startAt.current ?? -1))
      hls = instance
      instance.on(HlsClass.Events.ERROR, (_event, data: ErrorData) => {
        if (!data.fatal || cancelled || hls !== instance) return
        const action = recoveryFor({ type: data.type, details: data.details, httpStatus: data.response?.code }, attempts, live)
        switch (action.kind) {
          case 'wait-and-reload':
            waitAndReload(action.afterMs)
            return
          case 'start-load':
            attempts.network += 1
            dispatch({ type: 'buffering' })
            instance.startLoad()
            return
          case 'recover-media':
            attempts.media += 1
            dispatch({ type: 'buffering' })
            if (action.swapAudioCodec) instance.swapAudioCodec()
            instance.recoverMediaError()
            return
          case 'give-up':
            instance.destroy()
            hls = null
            dispatch({ type: 'fatal', error: action.error })
        }
      })
      instance.attachMedia(video)
      instance.loadSource(src)
    }

    // A new source starts from nothing; a reload of the same one (retry, waiting for a live stream) keeps its figures.
    if (loadedSrc.current !== src) dispatch({ type: 'reset' })
    loadedSrc.current = src
    dispatch({ type: 'load' })
    void import('hls.js')
      .then(({ default: HlsClass }) => {
        if (cancelled) return
        if (HlsClass.isSupported()) startHlsJs(HlsClass)
        else if (video.canPlayType(HLS_MIME)) startNative()
        else dispatch({ type: 'fatal', error: 'unsupported' })
      })
      .catch(() => {
        // The chunk did not load (offline, deploy in between): the browser's own HLS may still do.
        if (cancelled) return
        if (video.canPlayType(HLS_MIME)) startNative()
        else dispatch({ type: 'fatal', error: 'network' })
      })

    return () => {
      cancelled = true
      clearTimeout(reloadTimer)
      clearInterval(ticker)
      for (const [name, listener] of elementEvents) video.removeEventListener(name, listener)
      if (hls) {
        hls.destroy()
        hls = null
      } else if (video.getAttribute('src') === src) {
        video.removeAttribute('src')
        video.load()
      }
    }
  }, [videoRef, src, live, loads])

  const retry = useCallback(() => setLoads((value) => value + 1), [])
  return { ...state, retry }
}
