// Pure parts of restreaming: the publisher's ffmpeg arguments, backoff, why a publisher ended, its
// progress lines, and scrubbing stream keys out of anything that is logged.

/**
 * One publisher: the shared encode's MPEG-TS on stdin, copied (no re-encode) into FLV over RTMP/RTMPS.
 * Progress (bytes, time sent) comes on stdout once a second; warnings on stderr.
 */
export function publisherArgs(url: string): string[] {
  return [
    '-hide_banner',
    '-nostdin',
    '-loglevel',
    'warning',
    // The encode starts each 2-s segment with a key frame (SPS/PPS repeated): probing 3 s finds both tracks
    // without ffmpeg's default 5 MB / 5 s wait.
    '-analyzeduration',
    '3000000',
    '-probesize',
    '3000000',
    '-f',
    'mpegts',
    '-i',
    'pipe:0',
    '-map',
    '0:v?',
    '-map',
    '0:a?',
    '-c',
    'copy',
    '-f',
    'flv',
    // A live FLV has no length to write back at the end.
    '-flvflags',
    'no_duration_filesize',
    '-progress',
    'pipe:1',
    '-stats_period',
    '1',
    // A platform that accepts the connection but stops reading ends the run within 10 s (µs).
    '-rw_timeout',
    '10000000',
    url,
  ]
}

/** Restart delays after a publisher ended: 1, 2, 4, 8, 16, then 30 s (attempt 1 is the first retry). */
export function backoffMs(attempt: number, baseMs = 1000, maxMs = 30_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1))
}

export type PublisherEndReason = 'unreachable' | 'rejected' | 'dropped' | 'exited'

/** Why a publisher's ffmpeg ended, from its last stderr lines. */
export function classifyPublisherEnd(stderr: string): PublisherEndReason {
  if (
    /connection refused|no route to host|network is unreachable|timed out|failed to resolve|name or service not known|cannot assign requested address/i.test(
      stderr,
    )
  ) {
    return 'unreachable'
  }
  if (/server error|badname|unauthori[sz]ed|forbidden|\b40[13]\b|rejected|handshake|certificate|tls/i.test(stderr)) return 'rejected'
  if (/broken pipe|connection reset|end of file|input\/output error/i.test(stderr)) return 'dropped'
  return 'exited'
}

export type PublisherProgress = { totalBytes: number; outTimeMs: number }

/**
 * Reads ffmpeg's `-progress` key=value lines; returns the progress at each block's end (`progress=`),
 * keeping an unfinished line in `rest`.
 */
export function parseProgress(buffer: string): { blocks: PublisherProgress[]; rest: string } {
  const lines = buffer.split('\n')
  const rest = lines.pop() ?? ''
  const blocks: PublisherProgress[] = []
  let current: PublisherProgress = { totalBytes: 0, outTimeMs: 0 }
  for (const line of lines) {
    const [key, value = ''] = line.trim().split('=', 2)
    if (key === 'total_size') current.totalBytes = Number(value) || 0
    else if (key === 'out_time_us' || key === 'out_time_ms') current.outTimeMs = Math.max(0, Math.round((Number(value) || 0) / 1000))
    else if (key === 'progress') {
      blocks.push(current)
      current = { totalBytes: 0, outTimeMs: 0 }
    }
  }
  return { blocks, rest }
}

const MASK = '••••'

/**
 * The text with every given secret (and its URL-encoded form) masked, and the last path segment of any
 * rtmp/rtmps URL masked too (that is where a stream key sits), so ffmpeg's messages can be logged.
 */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let scrubbed = text
  for (const secret of secrets) {
    if (secret.length < 4) continue
    for (const form of new Set([secret, encodeURIComponent(secret)])) scrubbed = scrubbed.split(form).join(MASK)
  }
  return scrubbed.replace(/(rtmps?:\/\/[^\s'"]*\/)[^\s/'"]+/gi, `$1${MASK}`)
}

/** A publish URL for logs: scheme, host and path without the key. */
export function urlForLogs(url: string): string {
  return scrubSecrets(url, [])
}
