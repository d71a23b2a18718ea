import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getPrisma } from '../../app/domain/db.server.ts'
import { endLive } from '../../app/domain/live/lifecycle.server.ts'
import { loadPartPlaylists } from '../../app/domain/replays/recordings.server.ts'
import { LocalRecordingStorage } from '../../app/domain/replays/storage.server.ts'
import type { RecordingState } from '../../app/protocol/media.ts'
import { createLiveShowcase } from '../../tests/fixtures.ts'
import { startTestSource } from '../../tests/media-source.ts'
import { mediaWorkerBinary } from '../../tests/realtime.ts'
import { createTestMediaLayer, probePlaylist, until } from '../../tests/recording.ts'
import type { MediaLayer } from '../media/index.ts'
import { checkFfmpeg, DEFAULT_ENCODE } from './ffmpeg.ts'
import { RecordingService, type RecordingServiceOptions } from './service.ts'

const workerBin = mediaWorkerBinary()
const ffmpegReady = (await checkFfmpeg('ffmpeg')).ok

describe.runIf(workerBin && ffmpegReady)('recording across server restarts', () => {
  let media: MediaLayer
  let folder: string
  let storage: LocalRecordingStorage

  beforeAll(async () => {
    media = await createTestMediaLayer(workerBin!, { min: 46000, max: 46999 })
    folder = await mkdtemp(path.join(os.tmpdir(), 'tradecast-recordings-'))
    storage = new LocalRecordingStorage(folder)
  })
  afterAll(async () => {
    media.close()
    await rm(folder, { recursive: true, force: true })
  })

  const options = (): RecordingServiceOptions => ({
    enabled: true,
    ffmpeg: 'ffmpeg',
    storage,
    encode: { ...DEFAULT_ENCODE, height: 360, videoKbps: 800 },
    minFreeBytes: 0,
    logger: pino({ level: 'silent' }),
    timing: { settleMs: 100, watchMs: 500, restartBaseMs: 200 },
  })
  const recordingOf = async (sessionId: string) => (await getPrisma()).recording.findUniqueOrThrow({ where: { sessionId } })
  const segments = async (recordingId: string) => (await loadPartPlaylists(recordingId, storage)).map((part) => part.segments.length)

  it('continues a recording after a clean restart, in a new part, and finalises it when the show ends', async () => {
    const { session } = await createLiveShowcase('Restarted cleanly')
    const first = await RecordingService.create(options())
    const states: RecordingState[] = []
    first.on('state', ({ state }) => states.push(state))
    const room = await media.openRoom(session.id)
    const source = await startTestSource(room)
    await first.sessionLive(session.id, room)
    const { id: recordingId } = await recordingOf(session.id)
    await until(async () => ((await segments(recordingId))[0] ?? 0) >= 2, 'segments before the restart')
    expect(states.map((s) => s.state)).toEqual(['starting', 'recording'])

    // SIGTERM path: the service closes its parts cleanly; the show is still live.
    await first.close()
    expect((await recordingOf(session.id)).status).toBe('RECORDING')
    const second = await RecordingService.create(options())
    // A show still live is not finalised at start-up (other suites' leftovers may be, on a shared database).
    await second.finalizeLeftovers()
    expect((await recordingOf(session.id)).status).toBe('RECORDING')
    await second.sessionLive(session.id, room)
    // A second encoder starting on a loaded CI machine (other suites encode beside it) may take a while.
    await until(async () => ((await segments(recordingId))[1] ?? 0) >= 2, 'segments after the restart', 45_000)
    await endLive(session.id, new Date())
    await second.sessionEnded(session.id)
    await source.stop()

    const recording = await recordingOf(session.id)
    expect(recording.status).toBe('READY')
    const index = (await storage.readText(recordingId, 'index.m3u8'))!
    expect(index.match(/#EXT-X-DISCONTINUITY/g)).toHaveLength(1)
    const { duration } = await probePlaylist(storage.pathOf(recordingId, 'index.m3u8'))
    expect(Math.abs(duration * 1000 - recording.durationMs)).toBeLessThan(1500)
  }, 90_000)

  it('keeps what was written when the server dies mid-show, and finalises it at the next start-up', async () => {
    const { session } = await createLiveShowcase('Server killed')
    const doomed = await RecordingService.create(options())
    const room = await media.openRoom(session.id)
    const source = await startTestSource(room)
    await doomed.sessionLive(session.id, room)
    const { id: recordingId } = await recordingOf(session.id)
    await until(async () => ((await segments(recordingId))[0] ?? 0) >= 3, 'three segments')
    // The process dies: no clean stop. Its ffmpeg loses its input (the room goes with the process)…
    room.close('shutdown')
    await source.stop()
    const written = await segments(recordingId)
    // …and the show is ended while the server is down (the host ended it from another process).
    await endLive(session.id, new Date())

    const next = await RecordingService.create(options())
    expect(await next.finalizeLeftovers()).toBeGreaterThanOrEqual(1)
    const recording = await recordingOf(session.id)
    expect(recording.status).toBe('READY')
    expect(recording.hasPoster).toBe(true)
    const { duration, frames } = await probePlaylist(storage.pathOf(recordingId, 'index.m3u8'))
    // Every segment written before the death is in the replay.
    expect(duration).toBeGreaterThanOrEqual((written[0] ?? 0) * DEFAULT_ENCODE.segmentSeconds - 1)
    expect(frames).toBeGreaterThan(0)
    await doomed.close()
  }, 90_000)

  it('without ffmpeg: a clear "off" state, nothing recorded, the room untouched', async () => {
    const { session } = await createLiveShowcase('No ffmpeg here')
    const service = await RecordingService.create({ ...options(), ffmpeg: '/nonexistent/ffmpeg' })
    expect(service.unavailable).toBe('ffmpeg-missing')
    const states: RecordingState[] = []
    service.on('state', ({ state }) => states.push(state))
    const room = await media.openRoom(session.id)
    await service.sessionLive(session.id, room)
    expect(states).toEqual([{ state: 'off', reason: 'ffmpeg-missing' }])
    expect(service.stateOf(session.id)).toEqual({ state: 'off', reason: 'ffmpeg-missing' })
    expect(await (await getPrisma()).recording.count({ where: { sessionId: session.id } })).toBe(0)
    expect(room.closed).toBe(false)
  })
})
