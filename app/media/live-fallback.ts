import { MediaSessionClosedError } from './media-session'
import { MediaRequestError } from './signalling'

/**
 * When a viewer of a live showcase watches the live HLS rendition instead of WebRTC:
 * - no-webrtc: the browser has no WebRTC (no RTCPeerConnection), or the mediasoup device could not load;
 * - room-full: the media room refused the join or a stream (`too-many`);
 * - ice-failed: the receive transport did not connect (UDP blocked, no TURN) within ICE_CONNECT_TIMEOUT_MS.
 */
export type FallbackReason = 'no-webrtc' | 'room-full' | 'ice-failed'

/** How long ICE + DTLS of the receive transport may take before the viewer falls back to HLS. */
export const ICE_CONNECT_TIMEOUT_MS = 8000

/** The rolling live playlist of a session (served by app/routes/live/live-playlist.ts; 404 while nothing is recorded). */
export function livePlaylistUrl(sessionId: string): string {
  return `/live/${encodeURIComponent(sessionId)}/live.m3u8`
}

/** Whether this page can use WebRTC at all (some embedded browsers and hardened profiles remove it). */
export function hasWebRtc(scope: object = globalThis): boolean {
  return typeof (scope as { RTCPeerConnection?: unknown }).RTCPeerConnection === 'function'
}

/** The step of a WebRTC join that failed. */
export type WatchStep = 'join' | 'connect' | 'ready' | 'consume'

/**
 * Whether a failure of a WebRTC join step calls for the HLS fallback (and why), or is handled as
 * before (null: a transient failure rejoins, anything else is shown as an error).
 */
export function fallbackReasonFor(error: unknown, step: WatchStep): FallbackReason | null {
  if (error instanceof MediaSessionClosedError) return null
  if (error instanceof MediaRequestError) {
    if (error.code === 'too-many') return 'room-full'
    // The router's codecs are nothing this browser can receive.
    if (error.code === 'unsupported' && step !== 'join') return 'no-webrtc'
    return null
  }
  // Not a refusal from the server: the browser's WebRTC failed (device load, transport creation).
  return step === 'connect' || step === 'consume' ? 'no-webrtc' : null
}

type ConnectionState = 'new' | 'connecting' | 'connected' | 'failed' | 'disconnected' | 'closed'

/**
 * Watches the receive transport's first connection: once armed (the first consumer exists, so ICE
 * runs), it fails when the transport reports `failed`, or has not reported `connected` within the
 * timeout. After the first connection it stays quiet (later drops are the reconnect logic's).
 */
export class ConnectWatchdog {
  #timer: ReturnType<typeof setTimeout> | undefined
  #settled = false
  #connected = false

  constructor(
    private readonly onFail: () => void,
    private readonly timeoutMs = ICE_CONNECT_TIMEOUT_MS,
  ) {}

  arm(): void {
    if (this.#settled || this.#connected || this.#timer !== undefined) return
    this.#timer = setTimeout(() => this.#fail(), this.timeoutMs)
  }

  state(state: ConnectionState): void {
    if (this.#settled) return
    if (state === 'connected') {
      this.#connected = true
      this.stop()
    } else if (state === 'failed' && !this.#connected) {
      this.#fail()
    }
  }

  stop(): void {
    this.#settled = true
    clearTimeout(this.#timer)
    this.#timer = undefined
  }

  #fail(): void {
    if (this.#settled) return
    this.stop()
    this.onFail()
  }
}
