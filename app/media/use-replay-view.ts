import { useEffect, useRef } from 'react'
import { useRouteLoaderData } from 'react-router'
import { WatchMeter } from './watch-meter'

/** How often a playing replay reports its watched time (the server caps each report by the wall clock). */
export const REPLAY_HEARTBEAT_MS = 15_000

type ViewState = {
  meter: WatchMeter
  viewId: string | null
  starting: boolean
  /** The server refused this replay's counter (not visible, CSRF): stop asking until the page changes. */
  refused: boolean
}

function csrfTokenOf(root: unknown): string {
  return typeof root === 'object' && root !== null && 'csrfToken' in root && typeof root.csrfToken === 'string' ? root.csrfToken : ''
}

function viewIdOf(body: unknown): string | null {
  return typeof body === 'object' && body !== null && 'viewId' in body && typeof body.viewId === 'string' ? body.viewId : null
}

/**
 * Counts a replay view: opens one when playback first starts, reports the seconds actually played every
 * 15 s while playing, when playback pauses, and when the page goes away (pagehide, or leaving the replay
 * inside the app) with navigator.sendBeacon. Each request is the same urlencoded form with the page's
 * CSRF token (sendBeacon sends the cookies and our Origin, so the server's CSRF rule holds for it too).
 * Figures only: failures never reach the player.
 */
export function useReplayView(sessionId: string, playing: boolean): void {
  const csrf = csrfTokenOf(useRouteLoaderData('root'))
  const csrfRef = useRef(csrf)
  const stateRef = useRef<ViewState | null>(null)
  const url = `/live/${encodeURIComponent(sessionId)}/replay-views`

  useEffect(() => {
    csrfRef.current = csrf
  }, [csrf])

  // One view state per replay; leaving it (another replay, or unmounting) sends what is still owed.
  useEffect(() => {
    const state: ViewState = { meter: new WatchMeter(), viewId: null, starting: false, refused: false }
    stateRef.current = state
    const onPageHide = () => {
      flush(url, state, csrfRef.current, 'beacon')
    }
    window.addEventListener('pagehide', onPageHide)
    return () => {
      window.removeEventListener('pagehide', onPageHide)
      state.meter.pause(performance.now())
      flush(url, state, csrfRef.current, 'beacon')
      if (stateRef.current === state) stateRef.current = null
    }
  }, [url])

  useEffect(() => {
    const state = stateRef.current
    if (!state || state.refused) return
    if (!playing) {
      state.meter.pause(performance.now())
      flush(url, state, csrfRef.current, 'fetch')
      return
    }
    state.meter.play(performance.now())
    if (!state.viewId) void start(url, state, csrfRef.current)
    const timer = window.setInterval(() => {
      if (!state.viewId) void start(url, state, csrfRef.current)
      else flush(url, state, csrfRef.current, 'fetch')
    }, REPLAY_HEARTBEAT_MS)
    return () => {
      window.clearInterval(timer)
    }
  }, [url, playing])
}

async function start(url: string, state: ViewState, csrf: string): Promise<void> {
  if (state.starting || state.viewId || state.refused || !csrf) return
  state.starting = true
  try {
    const response = await fetch(url, { method: 'POST', body: new URLSearchParams({ intent: 'start', csrf }), credentials: 'same-origin' })
    if (response.ok) {
      state.viewId = viewIdOf(await response.json())
      // No view: a guest over its network's budget of new identities watches uncounted.
      if (!state.viewId) state.refused = true
    }
    // 429: try again at the next heartbeat; anything else (404 not visible, 403 CSRF) will not change on this page.
    else if (response.status !== 429) state.refused = true
  } catch {
    // Offline for a moment: the next heartbeat tries again.
  } finally {
    state.starting = false
  }
}

function flush(url: string, state: ViewState, csrf: string, via: 'fetch' | 'beacon'): void {
  const viewId = state.viewId
  if (!viewId || !csrf) return
  const seconds = state.meter.take(performance.now())
  if (seconds <= 0) return
  const body = new URLSearchParams({ intent: 'heartbeat', viewId, watchedSeconds: String(seconds), csrf })
  if (via === 'beacon' && typeof navigator.sendBeacon === 'function' && navigator.sendBeacon(url, body)) return
  fetch(url, { method: 'POST', body, credentials: 'same-origin', keepalive: true })
    .then((response) => {
      // The view is gone for this visitor (signed in or out meanwhile, replay removed): open a new one next time.
      if (response.status === 404 && state.viewId === viewId) state.viewId = null
      else if (response.status === 429 || response.status >= 500) state.meter.giveBack(seconds)
    })
    .catch(() => {
      state.meter.giveBack(seconds)
    })
}
