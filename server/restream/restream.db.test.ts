import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pino from 'pino'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { getPrisma } from '../../app/domain/db.server.ts'
import { loadPartPlaylists } from '../../app/domain/replays/recordings.server.ts'
import { closeOpenRuns } from '../../app/domain/restream/destinations.server.ts'
import { LocalRecordingStorage } from '../../app/domain/replays/storage.server.ts'
import type { RestreamDestinationState } from '../../app/protocol/media.ts'
import { sealSecret } from '../../app/utils/sealed-secrets.server.ts'
import { createLiveShowcase } from '../../tests/fixtures.ts'
import { startTestSource, type TestSource } from '../../tests/media-source.ts'
import { mediaWorkerBinary } from '../../tests/realtime.ts'
import { createTestMediaLayer, until } from '../../tests/recording.ts'
import { freeTcpPort, probeStream, type RtmpPlatform, startRtmpPlatform } from '../../tests/rtmp-platform.ts'
import type { MediaLayer } from '../media/index.ts'
import { checkFfmpeg, DEFAULT_ENCODE } from '../recording/ffmpeg.ts'
import { RecordingService } from '../recording/service.ts'
import type { PublisherTiming } from './publisher.ts'
import { RestreamService } from './service.ts'

const workerBin = mediaWorkerBinary()
const ffmpegReady = (await checkFfmpeg('ffmpeg')).ok
const logger = pino({ level: 'silent' })
const ENCODE = { ...DEFAULT_ENCODE, height: 360, videoKbps: 800 }

describe.runIf(workerBin && ffmpegReady)('restream out: one encode → RTMP destinations', () => {
  let media: MediaLayer
  let folder: string
  let platform: RtmpPlatform | null = null
  let source: TestSource | null = null
  let recordings: RecordingService | null = null
  let restreams: RestreamService | null = null

  beforeAll(async () => {
    media = await createTestMediaLayer(workerBin!, { min: 48000, max: 48499 })
    folder = await mkdtemp(path.join(os.tmpdir(), 'tradecast-restream-'))
  })
  afterEach(async () => {
    await restreams?.close()
    await recordings?.close()
    await source?.stop()
    await platform?.stop()
    restreams = recordings = source = platform = null
  })
  afterAll(async () => {
    media.close()
    await rm(folder, { recursive: true, force: true })
  })

  async function goLive(
    keys: Array<{ key: string; serverUrl: string }>,
    options: {
      recordingEnabled?: boolean
      maxBufferBytes?: number
      publisherTiming?: Partial<PublisherTiming>
      logger?: pino.Logger
      allowPrivateHosts?: boolean
      minFreeBytes?: number
    } = {},
  ) {
    const { session } = await createLiveShowcase('Restreamed showcase')
    const prisma = await getPrisma()
    if (options.recordingEnabled === false) await prisma.liveSession.update({ where: { id: session.id }, data: { recordingEnabled: false } })
    const destinations = []
    for (const [i, { key, serverUrl }] of keys.entries()) {
      destinations.push(
        await prisma.restreamDestination.create({
          data: { sessionId: session.id, platform: 'CUSTOM', label: `Destination ${i + 1}`, serverUrl, streamKeySealed: sealSecret(key) },
        }),
      )
    }
    const storage = new LocalRecordingStorage(folder)
    recordings = await RecordingService.create({
      enabled: true,
      ffmpeg: 'ffmpeg',
      storage,
      encode: ENCODE,
      streamEncode: ENCODE,
      minFreeBytes: options.minFreeBytes ?? 0,
      logger,
      timing: { settleMs: 100, watchMs: 500, restartBaseMs: 200 },
    })
    restreams = new RestreamService({
      encode: recordings,
      ffmpeg: 'ffmpeg',
      logger: options.logger ?? logger,
      reloadMs: 1000,
      // The local platform is on loopback; one test turns the deployment's private-host rule on.
      allowPrivateHosts: options.allowPrivateHosts ?? true,
      publisherTiming: { ...(options.maxBufferBytes ? { maxBufferBytes: options.maxBufferBytes } : {}), ...options.publisherTiming },
    })
    const history = new Map<string, RestreamDestinationState[]>()
    restreams.on('status', ({ status }) => {
      for (const { id, status: state } of status.destinations) {
        const seen = history.get(id) ?? []
        if (JSON.stringify(seen.at(-1)) !== JSON.stringify(state)) seen.push(state)
        history.set(id, seen)
      }
    })
    const room = await media.openRoom(session.id)
    source = await startTestSource(room)
    // What the media signalling does when the host goes live.
    void recordings.sessionLive(session.id, room)
    void restreams.sessionLive(session.id, room)
    const stateOf = (id: string) => restreams!.statusOf(session.id).destinations.find((entry) => entry.id === id)?.status.state
    return { session, room, storage, destinations, history, stateOf }
  }

  it('publishes one encode to two destinations, rides out the platform going away, and stops both when the show ends', async () => {
    platform = await startRtmpPlatform({ record: true })
    const { session, storage, destinations, history, stateOf } = await goLive([
      { key: 'first-key-AAAA', serverUrl: platform.serverUrl },
      { key: 'second-key-BBBB', serverUrl: `${platform.serverUrl}/` },
    ])
    const [one, two] = destinations as [(typeof destinations)[0], (typeof destinations)[0]]
    await until(() => stateOf(one.id) === 'live' && stateOf(two.id) === 'live', 'both destinations live', 30_000)
    const liveAt = Date.now()
    // Each destination is one small process copying the stream, not a second encode.
    const publishers = restreams!.restreamerOf(session.id)!.publishers
    expect(publishers).toHaveLength(2)
    expect(new Set(publishers.map((publisher) => publisher.pid)).size).toBe(2)
    await until(() => Date.now() - liveAt > 12_500, 'twelve seconds live', 20_000)

    // The platform vanishes: both retry, the recording goes on.
    await platform.kill()
    await until(() => stateOf(one.id) === 'retrying' && stateOf(two.id) === 'retrying', 'both retrying', 20_000)
    expect(recordings!.stateOf(session.id)).toEqual({ state: 'recording' })
    for (const key of ['first-key-AAAA', 'second-key-BBBB']) {
      const [first] = await platform.recordings(key)
      const probed = await probeStream(first!)
      expect(probed.video).toEqual({ codec: 'h264', width: 640, height: 360 })
      expect(probed.audio?.codec).toBe('aac')
      expect(probed.duration).toBeGreaterThanOrEqual(10)
    }

    // It comes back: the publishers reconnect by themselves and the stream resumes.
    await platform.start()
    await until(() => stateOf(one.id) === 'live' && stateOf(two.id) === 'live', 'both live again', 40_000)
    await until(
      async () => (await platform!.recordings('first-key-AAAA')).length === 2 && (await platform!.recordings('second-key-BBBB')).length === 2,
      'second publishes',
      10_000,
    )
    await new Promise((resolve) => setTimeout(resolve, 4000))
    const resumed = await probeStream((await platform.recordings('first-key-AAAA'))[1]!)
    expect(resumed.video?.codec).toBe('h264')
    expect(resumed.duration).toBeGreaterThan(1)

    // The show ends: both stop, their uptime is on record.
    const pids = publishers.map((publisher) => publisher.pid)
    await restreams!.sessionEnded(session.id)
    await recordings!.sessionEnded(session.id)
    expect(restreams!.statusOf(session.id)).toEqual({ destinations: [] })
    for (const pid of pids) expect(() => process.kill(pid!, 0)).toThrow()
    for (const destination of destinations) {
      const states = (history.get(destination.id) ?? []).map((state) => state.state)
      expect(states).toEqual(expect.arrayContaining(['connecting', 'live', 'retrying', 'off']))
    }
    const prisma = await getPrisma()
    const runs = await prisma.restreamRun.findMany({ where: { sessionId: session.id }, orderBy: { startedAt: 'asc' } })
    expect(runs).toHaveLength(4)
    for (const destination of destinations) {
      const own = runs.filter((run) => run.destinationId === destination.id)
      expect(own.map((run) => run.endReason)).toEqual(['dropped', 'stopped'])
      expect(own[0]!.secondsSent).toBeGreaterThanOrEqual(10)
      expect(Number(own[0]!.bytesSent)).toBeGreaterThan(100_000)
      expect(own.every((run) => run.endedAt !== null)).toBe(true)
    }
    // The platform's outage did not cut the recording: one part, still whole.
    const recording = await prisma.recording.findUniqueOrThrow({ where: { sessionId: session.id } })
    const parts = await loadPartPlaylists(recording.id, storage)
    expect(parts).toHaveLength(1)
    expect(parts[0]!.segments.length).toBeGreaterThanOrEqual(10)
  }, 150_000)

  it('retries an unreachable destination with growing waits while the recording keeps going', async () => {
    const closedPort = await freeTcpPort()
    const { session, destinations, history, storage } = await goLive([{ key: 'nowhere-key-1234', serverUrl: `rtmp://127.0.0.1:${closedPort}/live` }])
    const id = destinations[0]!.id
    const waits = () => (history.get(id) ?? []).flatMap((state) => (state.state === 'retrying' ? [state.retryInSeconds] : []))
    await until(() => waits().length >= 3, 'three retries', 30_000)
    expect(waits().slice(0, 3)).toEqual([1, 2, 4])
    const firstRetry = (history.get(id) ?? []).find((state) => state.state === 'retrying')
    expect(firstRetry).toMatchObject({ reason: 'unreachable', retryInSeconds: 1 })
    // The studio counts down to retryAt (ISO): one second after the state was announced.
    if (firstRetry?.state === 'retrying') expect(Date.parse(firstRetry.retryAt)).toBeGreaterThan(Date.now() - 60_000)
    expect(recordings!.stateOf(session.id)).toEqual({ state: 'recording' })
    const prisma = await getPrisma()
    const recording = await prisma.recording.findUniqueOrThrow({ where: { sessionId: session.id } })
    expect((await loadPartPlaylists(recording.id, storage))[0]!.segments.length).toBeGreaterThanOrEqual(3)
    // It never reached the platform: no uptime.
    expect(await prisma.restreamRun.count({ where: { sessionId: session.id } })).toBe(0)
  }, 60_000)

  it('gives up on an unreachable destination after its attempts, never logs its key, and starts again on Retry', async () => {
    const closedPort = await freeTcpPort()
    const lines: string[] = []
    const capturing = pino({ level: 'debug' }, { write: (line: string) => void lines.push(line) })
    const key = 'secret-key-ZZ9Q-never-logged'
    const { session, destinations, history, stateOf } = await goLive([{ key, serverUrl: `rtmp://127.0.0.1:${closedPort}/live` }], {
      publisherTiming: { backoffBaseMs: 200, maxAttempts: 2 },
      logger: capturing,
    })
    const id = destinations[0]!.id
    await until(() => stateOf(id) === 'failed', 'failed', 30_000)
    expect(restreams!.statusOf(session.id).destinations[0]!.status).toEqual({ state: 'failed', reason: 'unreachable' })
    const failedAt = history.get(id)!.length
    restreams!.retry(session.id, id)
    await until(
      () =>
        history
          .get(id)!
          .slice(failedAt)
          .some((state) => state.state === 'retrying'),
      'trying again',
      20_000,
    )
    // ffmpeg's messages are logged, with the key masked.
    const logged = lines.join('')
    expect(logged).toContain('restream publisher ended')
    expect(logged).toContain(`rtmp://127.0.0.1:${closedPort}/live/••••`)
    expect(logged).not.toContain(key)
    expect(logged).not.toContain('ZZ9Q')
  }, 60_000)

  it('refuses a destination whose host name resolves to a private address right before publishing (private-host)', async () => {
    platform = await startRtmpPlatform({ record: true })
    // Saved as a name (the form sees no address); it resolves to loopback, where the platform listens.
    const serverUrl = platform.serverUrl.replace('127.0.0.1', 'localhost')
    const { session, destinations, history, stateOf } = await goLive([{ key: 'inside-key-EEEE', serverUrl }], { allowPrivateHosts: false })
    const id = destinations[0]!.id
    await until(() => stateOf(id) === 'failed', 'refused', 20_000)
    expect(restreams!.statusOf(session.id).destinations[0]!.status).toEqual({ state: 'failed', reason: 'private-host' })
    expect((history.get(id) ?? []).map((state) => state.state)).not.toContain('live')
    expect(restreams!.restreamerOf(session.id)!.publishers[0]!.pid).toBeNull()
    expect(await platform.recordings('inside-key-EEEE')).toEqual([])
    const prisma = await getPrisma()
    expect(await prisma.restreamRun.count({ where: { sessionId: session.id } })).toBe(0)
  }, 60_000)

  it('keeps publishing from a restream-only encode while the disk is too full to record', async () => {
    platform = await startRtmpPlatform({ record: true })
    // No disk has this much free: the recording stops at once (disk-full), the restream must not.
    const { session, destinations, storage, stateOf } = await goLive([{ key: 'full-disk-key-FFFF', serverUrl: platform.serverUrl }], {
      minFreeBytes: Number.MAX_SAFE_INTEGER,
    })
    const id = destinations[0]!.id
    await until(() => stateOf(id) === 'live', 'the destination live despite the full disk', 30_000)
    expect(recordings!.stateOf(session.id)).toEqual({ state: 'stopped', reason: 'disk-full' })
    await new Promise((resolve) => setTimeout(resolve, 4000))
    expect(stateOf(id)).toBe('live')
    // Nothing was written for the recording: no HLS part.
    const prisma = await getPrisma()
    const recording = await prisma.recording.findUnique({ where: { sessionId: session.id } })
    if (recording) expect((await loadPartPlaylists(recording.id, storage)).flatMap((part) => part.segments)).toEqual([])
    await restreams!.sessionEnded(session.id)
    await recordings!.sessionEnded(session.id)
    const [file] = await platform.recordings('full-disk-key-FFFF')
    const probed = await probeStream(file!)
    expect(probed.video?.codec).toBe('h264')
    expect(probed.duration).toBeGreaterThan(3)
  }, 60_000)

  it('shows failed: encoder when the encode gives up, and Retry starts the encode again', async () => {
    platform = await startRtmpPlatform()
    const { session, destinations, stateOf } = await goLive([{ key: 'encoder-key-GGGG', serverUrl: platform.serverUrl }])
    const id = destinations[0]!.id
    await until(() => stateOf(id) === 'live', 'the destination live', 30_000)
    // The encode crashes again and again (five times within a minute): the recorder gives up.
    const killed = new Set<number>()
    await until(
      () => {
        const pid = recordings!.encoderPid(session.id)
        if (pid && !killed.has(pid)) {
          killed.add(pid)
          process.kill(pid, 'SIGKILL')
        }
        const state = recordings!.stateOf(session.id)
        return state.state === 'stopped' && state.reason === 'ffmpeg-failed'
      },
      'the encode given up',
      45_000,
    )
    await until(() => stateOf(id) === 'failed', 'the destination failed', 10_000)
    expect(restreams!.statusOf(session.id).destinations[0]!.status).toEqual({ state: 'failed', reason: 'encoder' })
    // Retry forces the encode again and the destination follows it.
    restreams!.retry(session.id, id)
    await until(() => recordings!.stateOf(session.id).state === 'recording', 'the encode running again', 20_000)
    await until(() => stateOf(id) === 'live', 'the destination live again', 30_000)
  }, 120_000)

  it('saves a live run’s length as it goes, so a run a crash leaves open keeps its real length', async () => {
    platform = await startRtmpPlatform()
    const { session, destinations, stateOf } = await goLive([{ key: 'long-run-key-HHHH', serverUrl: platform.serverUrl }], {
      publisherTiming: { progressSaveMs: 1000 },
    })
    await until(() => stateOf(destinations[0]!.id) === 'live', 'the destination live', 30_000)
    const prisma = await getPrisma()
    // While live, the open run's row already has the seconds and bytes sent (what a crash would leave behind).
    await until(
      async () => ((await prisma.restreamRun.findFirst({ where: { sessionId: session.id, endedAt: null } }))?.secondsSent ?? 0) >= 4,
      'progress saved',
      20_000,
    )
    const open = await prisma.restreamRun.findFirstOrThrow({ where: { sessionId: session.id, endedAt: null } })
    expect(Number(open.bytesSent)).toBeGreaterThan(50_000)
    // The start-up sweep after a crash closes it at its saved length, not at zero.
    expect(await closeOpenRuns(new Date(Date.now() + 3_600_000))).toBeGreaterThanOrEqual(1)
    const closed = await prisma.restreamRun.findUniqueOrThrow({ where: { id: open.id } })
    expect(closed.endedAt!.getTime() - closed.startedAt.getTime()).toBeGreaterThanOrEqual(4000)
    expect(closed.endReason).toBe('stopped')
  }, 60_000)

  it('drops the input of a publisher that stops reading instead of holding up the encode', async () => {
    platform = await startRtmpPlatform()
    const { session, destinations, storage, stateOf } = await goLive([{ key: 'frozen-key-DDDD', serverUrl: platform.serverUrl }], {
      maxBufferBytes: 128 * 1024,
    })
    await until(() => stateOf(destinations[0]!.id) === 'live', 'the destination live', 30_000)
    const publisher = restreams!.restreamerOf(session.id)!.publishers[0]!
    const encoder = recordings!.encoderPid(session.id)
    const prisma = await getPrisma()
    const recording = await prisma.recording.findUniqueOrThrow({ where: { sessionId: session.id } })
    const segments = async () => (await loadPartPlaylists(recording.id, storage))[0]?.segments.length ?? 0
    // The publisher freezes (a stuck process): its stdin fills up.
    process.kill(publisher.pid!, 'SIGSTOP')
    try {
      const before = await segments()
      await until(() => publisher.droppedBytes > 0, 'its input dropped', 20_000)
      await until(async () => (await segments()) >= before + 2, 'the recording going on', 20_000)
      // Same encode all along: nothing waited for the frozen publisher.
      expect(recordings!.encoderPid(session.id)).toBe(encoder)
      expect(recordings!.stateOf(session.id)).toEqual({ state: 'recording' })
    } finally {
      process.kill(publisher.pid!, 'SIGCONT')
    }
  }, 60_000)

  it('encodes for the restream alone when the show is not recorded', async () => {
    platform = await startRtmpPlatform({ record: true })
    const { session, destinations, stateOf } = await goLive([{ key: 'solo-key-CCCC', serverUrl: platform.serverUrl }], { recordingEnabled: false })
    await until(() => stateOf(destinations[0]!.id) === 'live', 'the destination live', 30_000)
    await new Promise((resolve) => setTimeout(resolve, 5000))
    expect(recordings!.stateOf(session.id)).toEqual({ state: 'off' })
    const prisma = await getPrisma()
    expect(await prisma.recording.count({ where: { sessionId: session.id } })).toBe(0)
    await restreams!.sessionEnded(session.id)
    await recordings!.sessionEnded(session.id)
    const [file] = await platform.recordings('solo-key-CCCC')
    const probed = await probeStream(file!)
    expect(probed.video).toEqual({ codec: 'h264', width: 640, height: 360 })
    expect(probed.audio?.codec).toBe('aac')
    expect(probed.duration).toBeGreaterThan(3)
  }, 60_000)
})
