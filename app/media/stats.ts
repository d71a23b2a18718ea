import type { types } from 'mediasoup-client'

export type PlaybackStats = {
  framesDecoded: number
  frameWidth: number
  frameHeight: number
  videoBytesReceived: number
  audioPacketsReceived: number
  /** Audio decoded into samples, and its energy: silence or a stalled decoder would not grow them. */
  audioSamplesReceived: number
  audioEnergy: number
  /** In a cluster of media nodes: the node whose SFU this viewer receives from. */
  mediaNode: string | null
  /** What the host is showing: camera or screen. */
  source: string | null
  /** The video consumer's codec (`video/VP8` from a browser studio, `video/H264` from an encoder such as OBS). */
  videoCodec: string | null
  updatedAt: number
}

type StatsWindow = Window & { __tradecastStats?: PlaybackStats }

/** Inbound RTP figures of the playing consumers (frames decoded, resolution, audio packets). */
export async function readPlaybackStats(
  video: types.Consumer | null,
  audio: types.Consumer | null,
  source: string | null,
  mediaNode: string | null = null,
): Promise<PlaybackStats> {
  const stats: PlaybackStats = {
    framesDecoded: 0,
    frameWidth: 0,
    frameHeight: 0,
    videoBytesReceived: 0,
    audioPacketsReceived: 0,
    audioSamplesReceived: 0,
    audioEnergy: 0,
    mediaNode,
    source,
    videoCodec: video && !video.closed ? (video.rtpParameters.codecs[0]?.mimeType ?? null) : null,
    updatedAt: Date.now(),
  }
  if (video && !video.closed) {
    ;(await video.getStats()).forEach((report: Record<string, unknown>) => {
      if (report.type !== 'inbound-rtp') return
      stats.framesDecoded = Number(report.framesDecoded ?? 0)
      stats.frameWidth = Number(report.frameWidth ?? 0)
      stats.frameHeight = Number(report.frameHeight ?? 0)
      stats.videoBytesReceived = Number(report.bytesReceived ?? 0)
    })
  }
  if (audio && !audio.closed) {
    ;(await audio.getStats()).forEach((report: Record<string, unknown>) => {
      if (report.type !== 'inbound-rtp') return
      stats.audioPacketsReceived = Number(report.packetsReceived ?? 0)
      stats.audioSamplesReceived = Number(report.totalSamplesReceived ?? 0)
      stats.audioEnergy = Number(report.totalAudioEnergy ?? 0)
    })
  }
  return stats
}

/** Exposed for tests and support: `window.__tradecastStats`. */
export function publishPlaybackStats(stats: PlaybackStats): void {
  ;(window as StatsWindow).__tradecastStats = stats
}
