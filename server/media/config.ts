import os from 'node:os'
import type { types } from 'mediasoup'

/** ICE servers handed to browsers (STUN/TURN), straight from the ICE_SERVERS env JSON. */
export type IceServer = { urls: string | string[]; username?: string; credential?: string }

export type MediaConfig = {
  /** mediasoup workers; one per core by default. */
  workers: number
  workerBin?: string
  /** Address the WebRTC transports bind to, and the one announced in ICE candidates (NAT / public IP). */
  listenIp: string
  announcedAddress?: string
  minPort: number
  maxPort: number
  /** Consumers a router takes before the room fans its producers out to a router on another worker. */
  consumersPerRouter: number
  /** A peer that does not finish joining within this time is closed. */
  peerJoinTimeoutMs: number
  iceServers: IceServer[]
  logLevel: types.WorkerLogLevel
}

export const DEFAULT_CONSUMERS_PER_ROUTER = 500

export function defaultWorkerCount(): number {
  return Math.max(1, os.availableParallelism())
}

/**
 * Opus, VP8 (simulcast-friendly; what every browser studio sends) and, after it, H.264 for encoders that
 * send nothing else (OBS's WHIP output: constrained baseline 42e01f; hardware encoders often Main 4d001f),
 * packetization mode 1 only. Order matters: mediasoup-client produces with the first video codec of the
 * router that the browser has (Device.load keeps the router's order), so browsers keep sending VP8. Viewers'
 * browsers decode both H.264 profiles (Chromium lists 42e01f, 42001f, 4d001f, f4001f; no High), so High is
 * not offered and a High WHIP offer is refused (ADR 018).
 */
export const MEDIA_CODECS: types.RouterRtpCodecCapability[] = [
  { kind: 'audio', mimeType: 'audio/opus', clockRate: 48_000, channels: 2 },
  { kind: 'video', mimeType: 'video/VP8', clockRate: 90_000, parameters: { 'x-google-start-bitrate': 600 } },
  {
    kind: 'video',
    mimeType: 'video/H264',
    clockRate: 90_000,
    parameters: { 'packetization-mode': 1, 'profile-level-id': '42e01f', 'level-asymmetry-allowed': 1 },
  },
  {
    kind: 'video',
    mimeType: 'video/H264',
    clockRate: 90_000,
    parameters: { 'packetization-mode': 1, 'profile-level-id': '4d001f', 'level-asymmetry-allowed': 1 },
  },
]

/** Per-transport bitrate settings: a showcase is one host and many viewers. */
export const TRANSPORT_BITRATE = {
  initialAvailableOutgoingBitrate: 1_000_000,
  /** Upper bound for the host's incoming simulcast (all three layers). */
  maxIncomingBitrate: 3_000_000,
}
