// What the studio shows of an encoder ingest (WHIP / RTMP): shared by the server, which measures it, and the
// studio page, which polls it (app/routes/studio/ingest.ts). Client-safe: types only.

/** waiting: set up, no media yet · receiving · stalled: media stopped arriving · stopped (final). */
export type IngestState = 'waiting' | 'receiving' | 'stalled' | 'stopped'
export type IngestKind = 'whip' | 'rtmp'

export type IngestHealth = {
  /** Sum over the tracks, kbit/s, from mediasoup's producer stats. */
  bitrateKbps: number
  videoBitrateKbps: number
  audioBitrateKbps: number
  /** Share of packets lost (0..1), from the receive streams' fraction lost. */
  packetLoss: number
  /** mediasoup's 0..10 score of the video stream (10: perfect). */
  score: number | null
  /** From the encoder side when known (RTMP: ffmpeg's reading of the input); for WHIP the studio's preview measures them. */
  width: number | null
  height: number | null
  fps: number | null
  codecs: string[]
}

export type IngestStatus = {
  kind: IngestKind
  state: IngestState
  since: string
  health: IngestHealth
  /** Why it stopped or is retrying, in English for logs (the studio shows the state through i18n). */
  detail: string | null
}
