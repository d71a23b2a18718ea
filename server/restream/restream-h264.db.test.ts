import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getPrisma } from '../../app/domain/db.server.ts'
import { LocalRecordingStorage } from '../../app/domain/replays/storage.server.ts'
import { sealSecret } from '../../app/utils/sealed-secrets.server.ts'
import { createLiveShowcase } from '../../tests/fixtures.ts'
import { startTestSource } from '../../tests/media-source.ts'
import { mediaWorkerBinary } from '../../tests/realtime.ts'
import { createTestMediaLayer, probePlaylist, until } from '../../tests/recording.ts'
import { probeStream, startRtmpPlatform } from '../../tests/rtmp-platform.ts'
import type { MediaLayer } from '../media/index.ts'
import { checkFfmpeg, DEFAULT_ENCODE } from '../recording/ffmpeg.ts'
import { RecordingService } from '../recording/service.ts'
import { RestreamService } from './service.ts'

// An encoder feeding the show in H.264 (OBS over WHIP) instead of a browser's VP8: the shared encode
// (recording + restream) reads the H.264 RTP and the platform receives H.264 + AAC as with VP8.

const workerBin = mediaWorkerBinary()
const ffmpegReady = (await checkFfmpeg('ffmpeg')).ok
const logger = pino({ level: 'silent' })
const ENCODE = { ...DEFAULT_ENCODE, height: 360, videoKbps: 800 }

describe.runIf(workerBin && ffmpegReady)('restream and recording of an H.264 source', () => {
  let media: MediaLayer
  let folder: string

  beforeAll(async () => {
    media = await createTestMediaLayer(workerBin!, { min: 48500, max: 48599 })
    folder = await mkdtemp(path.join(os.tmpdir(), 'tradecast-restream-h264-'))
  })
  afterAll(async () => {
    media.close()
    await rm(folder, { recursive: true, force: true })
  })

  it('records and restreams an H.264 host: the platform gets H.264 + AAC, the recording plays', async () => {
    const platform = await startRtmpPlatform({ record: true })
    const { session } = await createLiveShowcase('H.264 restreamed showcase')
    const prisma = await getPrisma()
    const destination = await prisma.restreamDestination.create({
      data: { sessionId: session.id, platform: 'CUSTOM', label: 'Platform', serverUrl: platform.serverUrl, streamKeySealed: sealSecret('h264-key-DDDD') },
    })
    const storage = new LocalRecordingStorage(folder)
    const recordings = await RecordingService.create({
      enabled: true,
      ffmpeg: 'ffmpeg',
      storage,
      encode: ENCODE,
      streamEncode: ENCODE,
      minFreeBytes: 0,
      logger,
      timing: { settleMs: 100, watchMs: 500, restartBaseMs: 200 },
    })
    // The platform is on loopback: private hosts allowed.
    const options = { encode: recordings, ffmpeg: 'ffmpeg', logger, reloadMs: 1000, allowPrivateHosts: true }
    const restreams = new RestreamService(options)
    const room = await media.openRoom(session.id)
    const source = await startTestSource(room, { videoCodec: 'h264' })
    try {
      expect(source.producers.find((producer) => producer.kind === 'video')?.rtpParameters.codecs[0]?.mimeType).toBe('video/H264')
      void recordings.sessionLive(session.id, room)
      void restreams.sessionLive(session.id, room)
      const stateOf = () => restreams.statusOf(session.id).destinations.find((entry) => entry.id === destination.id)?.status.state
      await until(() => stateOf() === 'live', 'the destination live', 30_000)
      await new Promise((resolve) => setTimeout(resolve, 6000))
      await restreams.sessionEnded(session.id)
      await recordings.sessionEnded(session.id)
      const [file] = await platform.recordings('h264-key-DDDD')
      const probed = await probeStream(file!)
      expect(probed.video).toEqual({ codec: 'h264', width: 640, height: 360 })
      expect(probed.audio?.codec).toBe('aac')
      expect(probed.duration).toBeGreaterThan(4)
      const recording = await prisma.recording.findFirstOrThrow({ where: { sessionId: session.id } })
      expect(recording.status).toBe('READY')
      const { duration, frames } = await probePlaylist(storage.pathOf(recording.id, 'index.m3u8'))
      expect(duration).toBeGreaterThan(4)
      expect(frames).toBeGreaterThan(duration * 20)
    } finally {
      await restreams.close()
      await recordings.close()
      await source.stop()
      await platform.stop()
    }
  }, 90_000)
})
