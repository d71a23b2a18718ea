import { spawn } from 'node:child_process'
import path from 'node:path'
import { getEnv } from './env.server'

// Running ffmpeg and ffprobe (Debian's package by default; FFMPEG_PATH names another build). One helper for
// every short job the app runs (clip cuts, probes), usable by the recorder too: no shell (arguments are
// passed as they are, never parsed), stdin closed, stderr kept only as a bounded tail for the log, a time
// limit after which the process is killed, and an AbortSignal for shutdown.

/** What a finished run left: its exit code (null when killed) and the last lines it wrote on stderr. */
export type ProcessResult = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderrTail: string; timedOut: boolean }

export class FfmpegError extends Error {
  constructor(
    message: string,
    readonly result?: ProcessResult,
    options?: ErrorOptions,
  ) {
    super(message, options)
    this.name = 'FfmpegError'
  }
}

const STDERR_TAIL_BYTES = 4096
const STDOUT_MAX_BYTES = 1024 * 1024

/** The ffmpeg program (FFMPEG_PATH). */
export function ffmpegPath(): string {
  return getEnv().FFMPEG_PATH
}

/** ffprobe beside it: same folder, or looked up on PATH when FFMPEG_PATH is a bare name. */
export function ffprobePath(ffmpeg = ffmpegPath()): string {
  const base = path.basename(ffmpeg)
  const probe = base.replace(/ffmpeg/i, 'ffprobe')
  if (probe === base) return 'ffprobe'
  return ffmpeg.includes(path.sep) ? path.join(path.dirname(ffmpeg), probe) : probe
}

export type RunOptions = {
  /** Killed (SIGKILL) after this long; the result says timedOut. */
  timeoutMs?: number
  signal?: AbortSignal
  cwd?: string
}

/** Runs a program to its end. Rejects only when it cannot start (ENOENT: not installed); a failing exit is a result. */
export function runProcess(program: string, args: readonly string[], { timeoutMs = 120_000, signal, cwd }: RunOptions = {}): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], shell: false, windowsHide: true })
    let stdout = ''
    let stderr = ''
    let timedOut = false
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (stdout.length < STDOUT_MAX_BYTES) stdout += chunk
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_TAIL_BYTES)
    })
    const kill = () => child.kill('SIGKILL')
    const timer = setTimeout(() => {
      timedOut = true
      kill()
    }, timeoutMs)
    timer.unref()
    signal?.addEventListener('abort', kill, { once: true })
    child.once('error', (error) => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', kill)
      reject(new FfmpegError(`${path.basename(program)} could not start: ${error.message}`, undefined, { cause: error }))
    })
    child.once('close', (code, exitSignal) => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', kill)
      resolve({ code, signal: exitSignal, stdout, stderrTail: stderr, timedOut })
    })
  })
}

/** Runs ffmpeg (quiet, never asking questions) and throws FfmpegError unless it exits with 0. */
export async function runFfmpeg(args: readonly string[], options: RunOptions = {}): Promise<ProcessResult> {
  const result = await runProcess(ffmpegPath(), ['-hide_banner', '-nostdin', '-loglevel', 'error', ...args], options)
  if (result.code !== 0) {
    throw new FfmpegError(result.timedOut ? 'ffmpeg timed out' : `ffmpeg exited with ${result.code ?? result.signal ?? 'nothing'}`, result)
  }
  return result
}

export type ProbedMedia = {
  /** Length of the file as its container reports it (the longest stream). */
  durationMs: number
  /** Presentation time of its first packet. */
  startMs: number
  streams: Array<{ type: string; codec: string; durationMs: number | null }>
}

type ProbeJson = {
  format?: { duration?: string; start_time?: string }
  streams?: Array<{ codec_type?: string; codec_name?: string; duration?: string }>
}

const seconds = (value: string | undefined) => {
  const parsed = value === undefined ? Number.NaN : Number.parseFloat(value)
  return Number.isFinite(parsed) ? Math.round(parsed * 1000) : null
}

/** ffprobe's view of a media file or playlist; throws FfmpegError when it cannot read it. */
export async function probeMedia(file: string, options: RunOptions = {}): Promise<ProbedMedia> {
  const result = await runProcess(
    ffprobePath(),
    ['-v', 'error', '-show_entries', 'format=duration,start_time:stream=codec_type,codec_name,duration', '-of', 'json', file],
    { timeoutMs: 30_000, ...options },
  )
  if (result.code !== 0) throw new FfmpegError(`ffprobe could not read ${path.basename(file)}`, result)
  let parsed: ProbeJson
  try {
    parsed = JSON.parse(result.stdout) as ProbeJson
  } catch (error) {
    throw new FfmpegError('ffprobe wrote no JSON', result, { cause: error })
  }
  const durationMs = seconds(parsed.format?.duration)
  if (durationMs === null) throw new FfmpegError(`ffprobe found no duration in ${path.basename(file)}`, result)
  return {
    durationMs,
    startMs: seconds(parsed.format?.start_time) ?? 0,
    streams: (parsed.streams ?? []).map((stream) => ({
      type: stream.codec_type ?? 'unknown',
      codec: stream.codec_name ?? 'unknown',
      durationMs: seconds(stream.duration),
    })),
  }
}

/** ffmpeg's timestamp syntax for a millisecond offset: seconds with three decimals. */
export function ffmpegSeconds(ms: number): string {
  return (Math.max(0, ms) / 1000).toFixed(3)
}
