import { type RefObject, useEffect, useEffectEvent } from 'react'
import { useRevalidator } from 'react-router'
import { livePlaylistUrl } from './live-fallback'
import { useHlsPlayer } from './use-hls-player'
import type { Watch, WatchPhase } from './use-watch'

/** After a recorded show ends, the page asks for its data again this often, for this long, until the replay is there. */
const REPLAY_POLL_MS = 3000
const REPLAY_WAIT_MS = 90_000

/**
 * What a viewer of a live show sees, whichever way the media arrives: WebRTC, or the live HLS rendition when
 * WebRTC cannot connect. One rule for the watch page and the embedded player. `ended` is the page's own word
 * that the show is over (its loader read it), which wins over a room that has not said so yet.
 */
export function useLivePlayback(watch: Watch, sessionId: string, hlsVideo: RefObject<HTMLVideoElement | null>, { ended = false } = {}) {
  const onHls = watch.transport === 'hls'
  // Without a recording there is no live rendition to fall back to: say so rather than wait for it.
  const noBackup = onHls && (watch.recording?.state === 'off' || watch.recording?.state === 'stopped')
  const hls = useHlsPlayer(hlsVideo, onHls && !noBackup && watch.phase !== 'ended' ? livePlaylistUrl(sessionId) : null, { live: true })
  const hlsShowing = onHls && (hls.state === 'playing' || hls.state === 'paused' || hls.state === 'buffering')
  // Playing HLS is a live show even while the room's status is not known (a full room refused the join).
  const phase: WatchPhase = ended ? 'ended' : hlsShowing && (watch.phase === 'waiting' || watch.phase === 'connecting') ? 'live' : watch.phase
  const playing = phase !== 'ended' && (onHls ? hlsShowing : watch.phase === 'live' && watch.stream !== null)
  const hlsError = onHls && phase !== 'ended' ? hls.error : null
  const replayComing = phase === 'ended' && watch.recording !== null && watch.recording.state !== 'off' && watch.recording.state !== 'stopped'
  useReplayWhenReady(replayComing)
  return { onHls, noBackup, hls, hlsShowing, hlsError, phase, playing, replayComing }
}

/**
 * A viewer who watched to the end gets the replay without reloading: the loader is asked again every few
 * seconds while the recording is finalised (seconds, see bench/README.md), and the route then renders it.
 */
function useReplayWhenReady(expected: boolean) {
  const revalidator = useRevalidator()
  const askAgain = useEffectEvent(() => {
    if (revalidator.state === 'idle') void revalidator.revalidate()
  })
  useEffect(() => {
    if (!expected) return
    const started = Date.now()
    const timer = setInterval(() => {
      if (Date.now() - started > REPLAY_WAIT_MS) clearInterval(timer)
      else askAgain()
    }, REPLAY_POLL_MS)
    return () => clearInterval(timer)
  }, [expected])
}
