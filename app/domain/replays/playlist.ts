// HLS media playlists of recordings (RFC 8216). ffmpeg writes one playlist per part (one continuous
// run); these pure functions read those and compose what players get: the whole recording as one
// VOD playlist with a discontinuity between parts, or a rolling window for live viewers.

export type Segment = { file: string; durationMs: number }

export type PartPlaylist = {
  index: number
  /** Wall-clock instant of the part's first media (RecordingPart.startedAt). */
  startedAt: Date
  segments: Segment[]
  /** ffmpeg finished the part cleanly (#EXT-X-ENDLIST). */
  ended: boolean
}

export const partPlaylistName = (index: number) => `p${String(index).padStart(3, '0')}.m3u8`
export const partSegmentPattern = (index: number) => `p${String(index).padStart(3, '0')}-%05d.ts`
export const PART_PLAYLIST = /^p(\d{3,})\.m3u8$/

/** Segments of one ffmpeg playlist; lines it does not know are skipped, segments outside the part are refused. */
export function parseMediaPlaylist(text: string, partIndex: number): { segments: Segment[]; ended: boolean } {
  const prefix = `p${String(partIndex).padStart(3, '0')}-`
  const segments: Segment[] = []
  let pendingDuration: number | null = null
  let ended = false
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (line.startsWith('#EXTINF:')) {
      const seconds = Number.parseFloat(line.slice('#EXTINF:'.length))
      pendingDuration = Number.isFinite(seconds) && seconds >= 0 ? Math.round(seconds * 1000) : null
    } else if (line === '#EXT-X-ENDLIST') {
      ended = true
    } else if (line && !line.startsWith('#')) {
      if (pendingDuration !== null && line.startsWith(prefix) && /^p\d{3,}-\d{5,}\.ts$/.test(line)) segments.push({ file: line, durationMs: pendingDuration })
      pendingDuration = null
    }
  }
  return { segments, ended }
}

export function partDurationMs(part: { segments: ReadonlyArray<Pick<Segment, 'durationMs'>> }): number {
  return part.segments.reduce((sum, segment) => sum + segment.durationMs, 0)
}

const extinf = (durationMs: number) => `#EXTINF:${(durationMs / 1000).toFixed(3)},`
const targetDuration = (segments: Segment[]) => Math.max(1, ...segments.map((segment) => Math.ceil(segment.durationMs / 1000)))

/** The whole recording: parts in order, a discontinuity where one ends and the next starts. */
export function composeVodPlaylist(parts: PartPlaylist[], options: { ended: boolean; urlOf: (file: string) => string }): string {
  const withMedia = parts.filter((part) => part.segments.length > 0).sort((a, b) => a.index - b.index)
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    `#EXT-X-TARGETDURATION:${targetDuration(withMedia.flatMap((part) => part.segments))}`,
    '#EXT-X-MEDIA-SEQUENCE:0',
    `#EXT-X-PLAYLIST-TYPE:${options.ended ? 'VOD' : 'EVENT'}`,
  ]
  withMedia.forEach((part, position) => {
    if (position > 0) lines.push('#EXT-X-DISCONTINUITY')
    for (const segment of part.segments) lines.push(extinf(segment.durationMs), options.urlOf(segment.file))
  })
  if (options.ended) lines.push('#EXT-X-ENDLIST')
  return `${lines.join('\n')}\n`
}

/**
 * The live edge for viewers who cannot use WebRTC: the last `windowSize` segments, numbered as in
 * the whole recording (media and discontinuity sequence), each stamped with the wall-clock instant
 * it was captured (#EXT-X-PROGRAM-DATE-TIME), from which players show how far behind they are.
 */
export function composeLivePlaylist(parts: PartPlaylist[], options: { windowSize: number; urlOf: (file: string) => string }): string {
  const entries: Array<{ segment: Segment; capturedAt: number; part: number; sequence: number; discontinuities: number }> = []
  let sequence = 0
  let discontinuities = 0
  const withMedia = parts.filter((part) => part.segments.length > 0).sort((a, b) => a.index - b.index)
  withMedia.forEach((part, position) => {
    if (position > 0) discontinuities++
    let offset = 0
    for (const segment of part.segments) {
      entries.push({ segment, capturedAt: part.startedAt.getTime() + offset, part: part.index, sequence: sequence++, discontinuities })
      offset += segment.durationMs
    }
  })
  const window = entries.slice(-Math.max(1, options.windowSize))
  const first = window[0]
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    // Over the whole recording, not the window: a live playlist's target duration must not change between
    // reloads (RFC 8216 6.2.1), and a longest segment only ever grows.
    `#EXT-X-TARGETDURATION:${targetDuration(entries.map((entry) => entry.segment))}`,
    `#EXT-X-MEDIA-SEQUENCE:${first?.sequence ?? 0}`,
    `#EXT-X-DISCONTINUITY-SEQUENCE:${first?.discontinuities ?? 0}`,
  ]
  window.forEach((entry, position) => {
    const previous = window[position - 1]
    if (previous && previous.part !== entry.part) lines.push('#EXT-X-DISCONTINUITY')
    lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(entry.capturedAt).toISOString()}`, extinf(entry.segment.durationMs), options.urlOf(entry.segment.file))
  })
  return `${lines.join('\n')}\n`
}
