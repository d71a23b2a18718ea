import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pino from 'pino'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { getPrisma } from '../../app/domain/db.server.ts'
import { LIVE_PREVIEW_FILE, loadPartPlaylists, openRecording, POSTER_FILE } from '../../app/domain/replays/recordings.server.ts'
import { LocalRecordingStorage } from '../../app/domain/replays/storage.server.ts'
import type { RecordingState } from '../../app/protocol/media.ts'
import { createLiveShowcase } from '../../tests/fixtures.ts'
import { startTestSource, type TestSource } from '../../tests/media-source.ts'
import { mediaWorkerBinary } from '../../tests/realtime.ts'
import { createTestMediaLayer, probePlaylist, until } from '../../tests/recording.ts'
import type { MediaLayer } from '../media/index.ts'
import { checkFfmpeg, DEFAULT_ENCODE } from './ffmpeg.ts'
import { SessionRecorder } from './recorder.ts'

const workerBin = mediaWorkerBinary()
const ffmpegReady = (await checkFfmpeg('ffmpeg')).ok
const logger = pino({ level: 'silent' })

describe.runIf(workerBin && ffmpegReady)('server-side recording (mediasoup → ffmpeg → HLS)', () => {
  let media: MediaLayer
  let folder: string
  let source: TestSource | null = null
  let recorder: SessionRecorder | null = null

  beforeAll(async () => {
    media = await createTestMediaLayer(workerBin!, { min: 45000, max: 45999 })
    folder = await mkdtemp(path.join(os.tmpdir(), 'tradecast-recordings-'))
  })
  afterEach(async () => {
    await recorder?.shutdown()
    await source?.stop()
    recorder = null
    source = null
  })
  afterAll(async () => {
    media.close()
    await rm(folder, { recursive: true, force: true })
  })

  async function startRecording(
    storage = new LocalRecordingStorage(folder),
    minFreeBytes = 0,
    timing: { previewMs?: number } = {},
    ffmpeg = 'ffmpeg',
    videoCodec: 'vp8' | 'h264' = 'vp8',
    keyFrameInterval = 30,
  ) {
    const { session } = await createLiveShowcase('Recorded showcase')
    const room = await media.openRoom(session.id)
    source = await startTestSource(room, { videoCodec, keyFrameInterval })
    const opened = await openRecording(session.id, new Date())
    if (!opened) throw new Error('no recording opened')
    const states: RecordingState[] = []
    recorder = new SessionRecorder({
      sessionId: session.id,
      recordingId: opened.recordingId,
      storage,
      ffmpeg,
      encode: { ...DEFAULT_ENCODE, height: 360, videoKbps: 800 },
      minFreeBytes,
      logger,
      now: () => new Date(),
      timing: { settleMs: 100, watchMs: 500, restartBaseMs: 200, ...timing },
    })
    recorder.on('state', (state) => states.push(state))
    recorder.attach(room)
    return { session, room, recordingId: opened.recordingId, storage, states }
  }

  const segmentsOf = async (recordingId: string, storage: LocalRecordingStorage) =>
    (await loadPartPlaylists(recordingId, storage)).map((part) => part.segments.length)

  it('records the host into HLS, survives an ffmpeg crash with a new part, and finalises a playable VOD', async () => {
    const { recordingId, storage, states } = await startRecording()
    await until(async () => ((await segmentsOf(recordingId, storage))[0] ?? 0) >= 3, 'three segments of part 0')
    expect(states.map((s) => s.state)).toContain('recording')

    // ffmpeg dies mid-recording: a new part starts, with a discontinuity in the replay.
    process.kill(recorder!.ffmpegPid!, 'SIGKILL')
    await until(() => states.some((s) => s.state === 'restarting'), 'the restart state')
    await until(async () => ((await segmentsOf(recordingId, storage))[1] ?? 0) >= 2, 'two segments of part 1')
    await recorder!.finish()
    expect(recorder!.state).toEqual({ state: 'finished' })

    const prisma = await getPrisma()
    const row = await prisma.recording.findUniqueOrThrow({ where: { id: recordingId }, include: { parts: { orderBy: { index: 'asc' } } } })
    expect(row.status).toBe('READY')
    expect(row.hasPoster).toBe(true)
    expect(row.parts).toHaveLength(2)
    expect(row.durationMs).toBe(row.parts[0]!.durationMs + row.parts[1]!.durationMs)
    const index = (await storage.readText(recordingId, 'index.m3u8'))!
    expect(index).toContain('#EXT-X-DISCONTINUITY')
    expect(index.trimEnd().endsWith('#EXT-X-ENDLIST')).toBe(true)

    // The whole playlist decodes, crash or not: its length is what the rows say, with ~30 fps of frames.
    const { duration, frames } = await probePlaylist(storage.pathOf(recordingId, 'index.m3u8'))
    expect(Math.abs(duration * 1000 - row.durationMs)).toBeLessThan(1500)
    expect(frames).toBeGreaterThan((row.durationMs / 1000) * 20)
  }, 90_000)

  it('records an H.264 source (an encoder over WHIP, e.g. OBS) into a playable HLS part', async () => {
    const { recordingId, storage } = await startRecording(undefined, 0, {}, 'ffmpeg', 'h264')
    expect(source!.producers.find((producer) => producer.kind === 'video')?.rtpParameters.codecs[0]?.mimeType).toBe('video/H264')
    await until(async () => ((await segmentsOf(recordingId, storage))[0] ?? 0) >= 3, 'three segments of an H.264 source')
    await recorder!.finish()
    const row = await (await getPrisma()).recording.findUniqueOrThrow({ where: { id: recordingId } })
    expect(row.status).toBe('READY')
    expect(row.hasPoster).toBe(true)
    const { duration, frames } = await probePlaylist(storage.pathOf(recordingId, 'index.m3u8'))
    expect(Math.abs(duration * 1000 - row.durationMs)).toBeLessThan(1500)
    expect(duration).toBeGreaterThan(4)
    expect(frames).toBeGreaterThan(duration * 20)
  }, 90_000)

  it('records an H.264 source that ignores key-frame requests and sends one every 6 s (an RTMP stream copied): one part from its first key frame', async () => {
    const { recordingId, storage, states } = await startRecording(undefined, 0, {}, 'ffmpeg', 'h264', 180)
    await until(async () => ((await segmentsOf(recordingId, storage))[0] ?? 0) >= 3, 'three segments', 45_000)
    await recorder!.finish()
    const row = await (await getPrisma()).recording.findUniqueOrThrow({ where: { id: recordingId }, include: { parts: true } })
    expect(row.status).toBe('READY')
    expect(row.parts).toHaveLength(1)
    expect(states.map((state) => state.state)).not.toContain('restarting')
    const { duration, frames } = await probePlaylist(storage.pathOf(recordingId, 'index.m3u8'))
    expect(duration).toBeGreaterThan(4)
    expect(frames).toBeGreaterThan(duration * 20)
  }, 90_000)

  it('refreshes a live preview still from the newest segment while live, and drops it when the show ends', async () => {
    const { recordingId, storage } = await startRecording(undefined, 0, { previewMs: 1000 })
    const preview = storage.pathOf(recordingId, LIVE_PREVIEW_FILE)
    const modified = async () => (await stat(preview).catch(() => null))?.mtimeMs ?? null
    await until(async () => (await modified()) !== null, 'a live preview', 30_000)
    const first = (await modified())!
    await until(async () => ((await modified()) ?? 0) > first, 'a refreshed preview', 30_000)
    // A JPEG (SOI marker), written aside and renamed: never half a file.
    expect((await readFile(preview)).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]))
    await recorder!.finish()
    expect(await modified()).toBeNull()
    expect(await storage.list(recordingId)).toContain(POSTER_FILE)
  })

  it('restarts a crashed part while a slow live preview is still running, and aborts that preview when the show ends', async () => {
    // ffmpeg, except that a preview run first marks that it began and then hangs for 12 s (its sleep
    // holds no pipe of ours, so killing the shell ends the run at once).
    const slowPreviewFfmpeg = path.join(folder, 'slow-preview-ffmpeg.sh')
    await writeFile(
      slowPreviewFfmpeg,
      '#!/bin/sh\ncase "$*" in *preview-next.jpg*) touch preview-began; sleep 12 </dev/null >/dev/null 2>&1;; esac\nexec ffmpeg "$@"\n',
    )
    await chmod(slowPreviewFfmpeg, 0o755)
    const { recordingId, storage, states } = await startRecording(undefined, 0, { previewMs: 500 }, slowPreviewFfmpeg)
    const previewBegan = path.join(storage.pathOf(recordingId), 'preview-began')
    await until(async () => (await stat(previewBegan).catch(() => null)) !== null, 'a live preview run', 30_000)

    process.kill(recorder!.ffmpegPid!, 'SIGKILL')
    const crashedAt = states.length
    await until(() => states.slice(crashedAt).some((s) => s.state === 'recording'), 'recording again', 8000)
    // The preview is still hanging: the restart did not wait for it.
    expect(await storage.list(recordingId)).not.toContain(LIVE_PREVIEW_FILE)

    const finishing = Date.now()
    await recorder!.finish()
    expect(Date.now() - finishing).toBeLessThan(8000)
    expect(recorder!.state).toEqual({ state: 'finished' })
    expect(await storage.list(recordingId)).not.toContain(LIVE_PREVIEW_FILE)
  }, 60_000)

  it('stops with disk-full when the disk is short of space, without touching the live room', async () => {
    const { room, recordingId, states } = await startRecording(new LocalRecordingStorage(folder), Number.MAX_SAFE_INTEGER)
    await until(() => states.some((s) => s.state === 'stopped'), 'the stopped state')
    expect(recorder!.state).toEqual({ state: 'stopped', reason: 'disk-full' })
    expect(room.closed).toBe(false)
    expect(room.hostProducers()).toHaveLength(2)
    const prisma = await getPrisma()
    expect((await prisma.recording.findUniqueOrThrow({ where: { id: recordingId } })).stoppedReason).toBe('disk-full')
  }, 30_000)
})
