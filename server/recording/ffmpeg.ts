import { type ChildProcess, spawn } from 'node:child_process'
import { FfmpegError, runProcess } from '../../app/utils/ffmpeg.server.ts'

export type FfmpegCheck = { ok: true; version: string } | { ok: false; reason: string }

/** Whether the configured ffmpeg runs and has what recording needs (libx264, aac, the HLS muxer). */
export async function checkFfmpeg(program: string): Promise<FfmpegCheck> {
  try {
    const about = await runProcess(program, ['-hide_banner', '-version'], { timeoutMs: 10_000 })
    if (about.code !== 0) return { ok: false, reason: `${program} does not run (exit ${about.code ?? about.signal ?? '?'})` }
    const version = /ffmpeg version (\S+)/.exec(about.stdout)?.[1] ?? 'unknown'
    const encoders = await runProcess(program, ['-hide_banner', '-encoders'], { timeoutMs: 10_000 })
    const missing = ['libx264', 'aac'].filter((name) => !new RegExp(`\\s${name}\\s`).test(encoders.stdout))
    if (missing.length > 0) return { ok: false, reason: `ffmpeg ${version} lacks the encoders ${missing.join(', ')}` }
    return { ok: true, version }
  } catch (error) {
    // runProcess rejects only when the program cannot start at all.
    return { ok: false, reason: error instanceof FfmpegError ? `${program} is not installed (${error.message})` : String(error) }
  }
}

export type EncodeSettings = {
  /** Output video height (16:9 canvas; camera and screen share are letterboxed into it). */
  height: number
  videoKbps: number
  /** Seconds per HLS segment; a key frame starts each one, so clips cut without re-encoding. */
  segmentSeconds: number
}

export const DEFAULT_ENCODE: EncodeSettings = { height: 720, videoKbps: 2500, segmentSeconds: 2 }

/**
 * ffmpeg arguments of one recording part: RTP in (the SDP), H.264 + AAC out as MPEG-TS HLS segments
 * listed in an EVENT playlist. H.264/AAC in TS plays everywhere (hls.js, Safari's native HLS, and the
 * RTMP restream can share the encode); the browser sends VP8/Opus, so this transcodes (ADR 014).
 */
export function recordingArgs(
  input: {
    sdpFile: string
    /** The HLS outputs; null: recording is off and the encode only feeds the restream. */
    hls: { playlist: string; segmentPattern: string } | null
    /** Also write the encode as MPEG-TS on stdout, for the restream relay (issue 17, ADR 018). */
    stream?: boolean
    hasVideo: boolean
    hasAudio: boolean
  },
  settings = DEFAULT_ENCODE,
): string[] {
  const width = Math.round((settings.height * 16) / 9 / 2) * 2
  const args = [
    '-hide_banner',
    '-nostdin',
    '-loglevel',
    'warning',
    '-protocol_whitelist',
    'file,udp,rtp',
    // How long ffmpeg waits for the first packet before giving up (it does not stop when RTP stops later:
    // the recorder stops it, or its parent-death signal does).
    '-listen_timeout',
    '15',
    '-reorder_queue_size',
    '256',
    '-fflags',
    '+genpts',
    '-analyzeduration',
    '2000000',
    '-probesize',
    '2000000',
    // Listen on loopback only (ffmpeg's default is every interface): only the local tap sends here.
    '-localaddr',
    '127.0.0.1',
    '-i',
    input.sdpFile,
  ]
  if (input.hasVideo) {
    args.push(
      '-map',
      '0:v:0',
      '-vf',
      `scale=${width}:${settings.height}:force_original_aspect_ratio=decrease:force_divisible_by=2,pad=${width}:${settings.height}:(ow-iw)/2:(oh-ih)/2,setsar=1,fps=30`,
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-tune',
      'zerolatency',
      '-profile:v',
      'main',
      '-pix_fmt',
      'yuv420p',
      '-b:v',
      `${settings.videoKbps}k`,
      '-maxrate',
      `${settings.videoKbps}k`,
      '-bufsize',
      `${settings.videoKbps * 2}k`,
      '-force_key_frames',
      `expr:gte(t,n_forced*${settings.segmentSeconds})`,
      '-sc_threshold',
      '0',
    )
  }
  if (input.hasAudio) args.push('-map', '0:a:0', '-c:a', 'aac', '-b:a', '128k', '-ac', '2', '-ar', '48000')
  const hls = input.hls
  const hlsOptions: Array<[string, string]> = hls
    ? [
        ['hls_time', String(settings.segmentSeconds)],
        ['hls_list_size', '0'],
        ['hls_playlist_type', 'event'],
        // Segments are written aside and renamed when complete: a listed segment is always whole.
        ['hls_flags', 'independent_segments+temp_file'],
        ['hls_segment_filename', hls.segmentPattern],
      ]
    : []
  if (hls && input.stream) {
    // One encode, two outputs: HLS exactly as without restreaming, and MPEG-TS on stdout. A failing
    // stdout (the relay gone) must not end the recording: onfail=ignore.
    const options = hlsOptions.map(([key, value]) => `${key}=${escapeTeeOptionValue(value)}`).join(':')
    args.push('-f', 'tee', `[f=hls:${options}]${escapeTeeName(hls.playlist)}|[f=mpegts:onfail=ignore]pipe:1`)
  } else if (hls) {
    args.push('-f', 'hls', ...hlsOptions.flatMap(([key, value]) => [`-${key}`, value]), hls.playlist)
  } else {
    args.push('-f', 'mpegts', 'pipe:1')
  }
  return args
}

/** One level of ffmpeg's quoting (ffmpeg-utils "Quoting and escaping"): the characters the tee muxer splits on. */
function escapeTeeLevel(value: string): string {
  return value.replace(/[\\'[\]|:=]/g, '\\$&')
}

/** A tee slave's file name: unescaped once (the split on `|`). */
export function escapeTeeName(name: string): string {
  return escapeTeeLevel(name)
}

/** A tee slave's option value: unescaped twice (the split on `|`, then the option list's `:` and `=`). */
export function escapeTeeOptionValue(value: string): string {
  return escapeTeeLevel(escapeTeeLevel(value))
}

/** One still of a segment, scaled for lists and the player's poster. */
export function posterArgs(segmentFile: string, posterFile: string): string[] {
  return [
    '-hide_banner',
    '-nostdin',
    '-loglevel',
    'error',
    '-y',
    '-i',
    segmentFile,
    '-frames:v',
    '1',
    '-vf',
    'scale=640:-2',
    '-q:v',
    '4',
    '-f',
    'image2',
    posterFile,
  ]
}

export type RunningFfmpeg = {
  child: ChildProcess
  /** Resolves when the process has exited (code, or the signal that ended it). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** The last lines ffmpeg wrote to stderr (its warnings and errors). */
  stderrTail: () => string
}

let deathSignalWrapper: Promise<boolean> | undefined

/**
 * Whether util-linux's setpriv can give ffmpeg a parent-death signal. ffmpeg does not stop when its RTP
 * input stops (it reports a timeout and waits), so without this a server killed mid-show would leave its
 * recorders running; with it they get SIGINT, close their last segment and exit.
 */
export function canSignalOnParentDeath(): Promise<boolean> {
  deathSignalWrapper ??= runProcess('setpriv', ['--help'], { timeoutMs: 5000 }).then(
    ({ stdout }) => process.platform === 'linux' && stdout.includes('--pdeathsig'),
    () => false,
  )
  return deathSignalWrapper
}

/** Starts a long-running ffmpeg (a recording part); it is told to finish if this process dies. */
export async function spawnFfmpeg(program: string, args: string[], cwd: string, pipes: { stdin?: boolean; stdout?: boolean } = {}): Promise<RunningFfmpeg> {
  const [command, commandArgs] = (await canSignalOnParentDeath()) ? ['setpriv', ['--pdeathsig', 'INT', '--', program, ...args]] : [program, args]
  // setpriv execs ffmpeg in place: the pid, the signals and the exit status are ffmpeg's own.
  const child = spawn(command, commandArgs, { cwd, stdio: [pipes.stdin ? 'pipe' : 'ignore', pipes.stdout ? 'pipe' : 'ignore', 'pipe'] })
  let tail = ''
  child.stderr?.setEncoding('utf8')
  child.stderr?.on('data', (chunk: string) => {
    tail = (tail + chunk).slice(-4000)
  })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('error', () => resolve({ code: -1, signal: null }))
    child.once('exit', (code, signal) => resolve({ code, signal }))
  })
  return { child, exited, stderrTail: () => tail }
}
