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

/** Opus + VP8 (simulcast-friendly); the browser's fake devices and every supported browser send these. */
export const MEDIA_CODECS: types.RouterRtpCodecCapability[] = [
  { kind: 'audio', mimeType: 'audio/opus', clockRate: 48_000, channels: 2 },
  { kind: 'video', mimeType: 'video/VP8', clockRate: 90_000, parameters: { 'x-google-start-bitrate': 600 } },
]

/** Per-transport bitrate settings: a showcase is one host and many viewers. */
export const TRANSPORT_BITRATE = {
  initialAvailableOutgoingBitrate: 1_000_000,
  /** Upper bound for the host's incoming simulcast (all three layers). */
  maxIncomingBitrate: 3_000_000,
}
