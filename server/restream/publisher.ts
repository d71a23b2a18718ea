import { lookup } from 'node:dns/promises'
import { EventEmitter } from 'node:events'
import os from 'node:os'
import type { Logger } from 'pino'
import { isPrivateAddress, publishUrl, type RestreamPlatform } from '../../app/domain/restream/destinations.ts'
import type { RestreamDestinationState, RestreamFailure } from '../../app/protocol/media.ts'
import { type RunningFfmpeg, spawnFfmpeg } from '../recording/ffmpeg.ts'
import { backoffMs, classifyPublisherEnd, parseProgress, publisherArgs, scrubSecrets, urlForLogs } from './publisher-args.ts'

export type PublisherTiming = {
  /** First retry delay; doubles per failure in a row up to `backoffMaxMs`. */
  backoffBaseMs: number
  backoffMaxMs: number
  /** Failures in a row (never reaching the platform) before giving up with `failed`. */
  maxAttempts: number
  /** A run that was live this long starts the backoff afresh when it drops. */
  liveResetMs: number
  /** Bytes a publisher may have waiting on its stdin; beyond that its input is dropped, never buffered. */
  maxBufferBytes: number
  /** A stop waits this long for ffmpeg to finish before SIGKILL. */
  stopGraceMs: number
  /** A live run's bytes and seconds are saved this often, so a run a crash leaves open keeps its real length. */
  progressSaveMs: number
}

export const DEFAULT_PUBLISHER_TIMING: PublisherTiming = {
  backoffBaseMs: 1000,
  backoffMaxMs: 30_000,
  maxAttempts: 12,
  liveResetMs: 30_000,
  maxBufferBytes: 4 * 1024 * 1024,
  stopGraceMs: 3000,
  progressSaveMs: 30_000,
}

export type RunRecords = {
  start(destination: { id: string; platform: RestreamPlatform; label: string }, startedAt: Date): Promise<string>
  end(runId: string, end: { endedAt: Date; bytesSent: number; secondsSent: number; reason: 'stopped' | 'dropped' | 'encoder' }): Promise<void>
  /** What a live run has sent so far (saved every `progressSaveMs`). */
  progress(runId: string, sent: { bytesSent: number; secondsSent: number }): Promise<void>
}

export type PublisherOptions = {
  sessionId: string
  destination: { id: string; platform: RestreamPlatform; label: string; serverUrl: string; streamKey: string }
  ffmpeg: string
  logger: Logger
  now: () => Date
  records: RunRecords
  timing?: Partial<PublisherTiming>
  /** RESTREAM_ALLOW_PRIVATE_HOSTS: when false, a host resolving to a private address is refused right before each start. */
  allowPrivateHosts: boolean
  /** Every address of a host name (node:dns lookup with `all`; tests may replace it). */
  resolveHost?: (host: string) => Promise<string[]>
}

const lookupAll = async (host: string): Promise<string[]> => (await lookup(host, { all: true, order: 'verbatim' })).map((entry) => entry.address)

type Run = {
  ffmpeg: RunningFfmpeg
  /** Why we ended it (null: it ended by itself, a drop). */
  endedBy: 'stream-ended' | 'closed' | null
  totalBytes: number
  outTimeMs: number
  droppedBytes: number
  liveAt: number | null
  record: Promise<string | null> | null
  /** When its progress was last saved (ms, the injected clock). */
  savedAt: number
}

/**
 * One destination's publisher: a small ffmpeg copying the shared encode's MPEG-TS (fed on stdin) to the
 * platform over RTMP/RTMPS. It is (re)started on every part of the encode, retried with backoff when the
 * platform drops it, and never holds up the encode (input beyond a bound is dropped). Its state is what
 * the studio shows; nothing here throws into its caller.
 */
export class DestinationPublisher extends EventEmitter<{ state: [RestreamDestinationState] }> {
  #state: RestreamDestinationState = { state: 'connecting' }
  #run: Run | null = null
  #starting = false
  #streamOn = false
  #attempt = 0
  #retryTimer: NodeJS.Timeout | null = null
  #closed = false
  readonly #timing: PublisherTiming
  readonly #url: string

  constructor(readonly options: PublisherOptions) {
    super()
    this.#timing = { ...DEFAULT_PUBLISHER_TIMING, ...options.timing }
    this.#url = publishUrl(options.destination.serverUrl, options.destination.streamKey)
  }

  get state(): RestreamDestinationState {
    return this.#state
  }

  get id(): string {
    return this.options.destination.id
  }

  /** The running ffmpeg (fault tests and the benchmark look at it). */
  get pid(): number | null {
    return this.#run?.ffmpeg.child.pid ?? null
  }

  /** Bytes of input dropped because this publisher could not keep up (current run). */
  get droppedBytes(): number {
    return this.#run?.droppedBytes ?? 0
  }

  /** The encode began a part: publish it (unless waiting for a retry or given up). */
  streamStarted(): void {
    this.#streamOn = true
    // The encode is back (a Retry, or new media from the host): a destination that failed for want of it goes on.
    if (this.#state.state === 'failed' && this.#state.reason === 'encoder') {
      this.#attempt = 0
      this.#setState({ state: 'connecting' })
    }
    if (this.#closed || this.#retryTimer || this.#state.state === 'failed') return
    void this.#start()
  }

  /** A chunk of the encode's MPEG-TS. Dropped (never queued without bound) when the publisher is behind. */
  data(chunk: Buffer): void {
    const run = this.#run
    const stdin = run?.ffmpeg.child.stdin
    if (!run || !stdin || !stdin.writable || run.endedBy) return
    if (stdin.writableLength > this.#timing.maxBufferBytes) {
      run.droppedBytes += chunk.length
      return
    }
    stdin.write(chunk)
  }

  /** The encode's part ended (a new one follows, or the show ends): this run ends with it, not as a failure. */
  streamEnded(): void {
    this.#streamOn = false
    const run = this.#run
    if (!run) return
    run.endedBy ??= 'stream-ended'
    run.ffmpeg.child.stdin?.end()
  }

  /** The encode gave up (recording's `ffmpeg-failed`): nothing will come to publish until it is retried. */
  encodeFailed(): void {
    if (this.#closed) return
    this.#streamOn = false
    this.#clearRetry()
    this.#setState({ state: 'failed', reason: 'encoder' })
  }

  /** The host asks for a try now: the wait and the failure count are forgotten. */
  retryNow(): void {
    if (this.#closed) return
    this.#clearRetry()
    this.#attempt = 0
    if (this.#run || this.#starting) return
    this.#setState({ state: 'connecting' })
    if (this.#streamOn) void this.#start()
  }

  /** Stops publishing for good (show ended, destination removed or turned off). Idempotent. */
  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    this.#clearRetry()
    const run = this.#run
    if (run) {
      run.endedBy ??= 'closed'
      run.ffmpeg.child.stdin?.end()
      const killer = setTimeout(() => run.ffmpeg.child.kill('SIGKILL'), this.#timing.stopGraceMs)
      killer.unref()
      // ffmpeg finishes the FLV on end of input; SIGINT makes a stuck one hurry.
      setTimeout(() => run.ffmpeg.child.kill('SIGINT'), 200).unref()
      await run.ffmpeg.exited
      clearTimeout(killer)
      await this.#settled
    }
    this.#setState({ state: 'off' })
  }

  #settled: Promise<void> = Promise.resolve()

  /** Read after an await: close() may have run meanwhile (a getter keeps the type checker from narrowing it). */
  #isClosed(): boolean {
    return this.#closed
  }

  #clearRetry(): void {
    if (this.#retryTimer) clearTimeout(this.#retryTimer)
    this.#retryTimer = null
  }

  #setState(state: RestreamDestinationState): void {
    if (JSON.stringify(state) === JSON.stringify(this.#state)) return
    this.#state = state
    this.emit('state', state)
  }

  async #start(): Promise<void> {
    if (this.#closed || this.#run || this.#starting) return
    this.#starting = true
    this.#setState({ state: 'connecting' })
    // The form checked the URL's host as written; here its addresses are checked as ffmpeg will find them now
    // (a public name may point at the server's own network, or be changed to since it was saved).
    if (!this.options.allowPrivateHosts) {
      const refusal = await this.#hostRefusal()
      if (refusal) {
        this.#starting = false
        if (refusal === 'private-host') {
          this.options.logger.warn(
            { sessionId: this.options.sessionId, destinationId: this.id, url: urlForLogs(this.#url) },
            'restream destination resolves to a private address; refused',
          )
          this.#setState({ state: 'failed', reason: 'private-host' })
        } else {
          this.#failedRun('unreachable', 0)
        }
        return
      }
      if (this.#isClosed()) {
        this.#starting = false
        return
      }
    }
    let ffmpeg: RunningFfmpeg
    try {
      ffmpeg = await spawnFfmpeg(this.options.ffmpeg, publisherArgs(this.#url), os.tmpdir(), { stdin: true, stdout: true })
    } catch (error) {
      this.#starting = false
      this.options.logger.warn({ err: error, destinationId: this.id }, 'a restream publisher could not start')
      this.#failedRun('exited', 0)
      return
    } finally {
      this.#starting = false
    }
    const run: Run = { ffmpeg, endedBy: null, totalBytes: 0, outTimeMs: 0, droppedBytes: 0, liveAt: null, record: null, savedAt: 0 }
    this.#run = run
    // A closed stdin (ffmpeg gave up) is an exit to handle, not an error to throw.
    ffmpeg.child.stdin?.on('error', () => undefined)
    let pending = ''
    ffmpeg.child.stdout?.setEncoding('utf8')
    ffmpeg.child.stdout?.on('data', (text: string) => {
      const { blocks, rest } = parseProgress(pending + text)
      pending = rest
      for (const block of blocks) this.#progress(run, block.totalBytes, block.outTimeMs)
    })
    // The stream ended (or the publisher closed) while ffmpeg was starting.
    if (this.#isClosed() || !this.#streamOn) {
      run.endedBy ??= this.#isClosed() ? 'closed' : 'stream-ended'
      ffmpeg.child.stdin?.end()
    }
    this.#settled = ffmpeg.exited
      .then((exit) => this.#exited(run, exit))
      .catch((error: unknown) => {
        this.options.logger.error({ err: error, destinationId: this.id }, 'restream publisher bookkeeping failed')
      })
  }

  /** 'private-host' when any address of the destination's host is private; 'unresolved' when it has none. */
  async #hostRefusal(): Promise<'private-host' | 'unresolved' | null> {
    const host = new URL(this.options.destination.serverUrl).hostname
    let addresses: string[]
    try {
      addresses = await (this.options.resolveHost ?? lookupAll)(host)
    } catch {
      return 'unresolved'
    }
    if (addresses.length === 0) return 'unresolved'
    return addresses.some(isPrivateAddress) ? 'private-host' : null
  }

  #progress(run: Run, totalBytes: number, outTimeMs: number): void {
    run.totalBytes = Math.max(run.totalBytes, totalBytes)
    run.outTimeMs = Math.max(run.outTimeMs, outTimeMs)
    if (run.liveAt !== null) {
      this.#saveProgress(run)
      return
    }
    if (run.totalBytes === 0 || run.endedBy) return
    // The platform takes the stream: the FLV header and the first packets went out.
    const now = this.options.now()
    run.liveAt = now.getTime()
    run.savedAt = run.liveAt
    const { id, platform, label } = this.options.destination
    run.record = this.options.records.start({ id, platform, label }, now).catch((error: unknown) => {
      this.options.logger.warn({ err: error, destinationId: id }, 'restream uptime record not started')
      return null
    })
    this.#setState({ state: 'live', since: now.toISOString() })
    this.options.logger.info({ sessionId: this.options.sessionId, destinationId: id, platform, url: urlForLogs(this.#url) }, 'restream destination live')
  }

  /** Saves a live run's length now and then (a crash would otherwise leave it at zero). */
  #saveProgress(run: Run): void {
    const now = this.options.now().getTime()
    if (run.endedBy || now - run.savedAt < this.#timing.progressSaveMs) return
    run.savedAt = now
    const sent = { bytesSent: run.totalBytes, secondsSent: run.outTimeMs / 1000 }
    void run.record?.then((recordId) =>
      recordId
        ? this.options.records
            .progress(recordId, sent)
            .catch((error: unknown) => this.options.logger.warn({ err: error, destinationId: this.id }, 'restream uptime progress not saved'))
        : undefined,
    )
  }

  async #exited(run: Run, exit: { code: number | null; signal: NodeJS.Signals | null }): Promise<void> {
    if (this.#run === run) this.#run = null
    const stderr = scrubSecrets(run.ffmpeg.stderrTail(), [this.options.destination.streamKey])
    // A publisher closed meanwhile (the show ended: its encode may have stopped a moment earlier) was stopped.
    const reason: 'stopped' | 'dropped' | 'encoder' =
      run.endedBy === 'closed' || this.#isClosed() ? 'stopped' : run.endedBy === 'stream-ended' ? 'encoder' : 'dropped'
    const recordId = await run.record
    if (recordId) {
      await this.options.records
        .end(recordId, { endedAt: this.options.now(), bytesSent: run.totalBytes, secondsSent: run.outTimeMs / 1000, reason })
        .catch((error: unknown) => this.options.logger.warn({ err: error, destinationId: this.id }, 'restream uptime record not closed'))
    }
    if (this.#closed) return
    if (run.endedBy === 'stream-ended') {
      // The encode gave up while this run was ending (its exit can come after encodeFailed on a busy
      // machine): the destination stays failed until the encode is retried.
      if (this.#state.state === 'failed') return
      // The encode moved to a new part (or paused): publish it as soon as it flows.
      this.#setState({ state: 'connecting' })
      if (this.#streamOn && !this.#retryTimer) void this.#start()
      return
    }
    const failure = classifyPublisherEnd(stderr)
    this.options.logger.warn(
      {
        sessionId: this.options.sessionId,
        destinationId: this.id,
        code: exit.code,
        signal: exit.signal,
        failure,
        stderr: stderr.slice(-600),
        url: urlForLogs(this.#url),
      },
      'restream publisher ended; retrying',
    )
    this.#failedRun(failure, run.liveAt === null ? 0 : this.options.now().getTime() - run.liveAt)
  }

  /** After a run that failed or dropped: retry after 1, 2, 4… s, or give up after too many failures in a row. */
  #failedRun(reason: RestreamFailure, liveForMs: number): void {
    if (this.#closed) return
    if (liveForMs >= this.#timing.liveResetMs) this.#attempt = 0
    this.#attempt++
    if (this.#attempt > this.#timing.maxAttempts) {
      this.#setState({ state: 'failed', reason })
      return
    }
    const delay = backoffMs(this.#attempt, this.#timing.backoffBaseMs, this.#timing.backoffMaxMs)
    const retryAt = new Date(this.options.now().getTime() + delay).toISOString()
    this.#setState({ state: 'retrying', retryInSeconds: Math.ceil(delay / 1000), retryAt, reason })
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null
      if (this.#closed) return
      this.#setState({ state: 'connecting' })
      if (this.#streamOn) void this.#start()
    }, delay)
    this.#retryTimer.unref()
  }
}
