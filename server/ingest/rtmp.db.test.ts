import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLiveShowcase } from '../../tests/fixtures'
import { createTestMediaLayer, until } from '../../tests/recording'
import { mediaWorkerBinary } from '../../tests/realtime'
import { rotateIngestToken } from '~/domain/live/ingest.server'
import type { MediaLayer } from '../media/index'
import { h264PassthroughProfile, RtmpIngest } from './rtmp'
import { IngestService } from './service'

// RTMP ingest end to end inside one process: ffmpeg publishes a test pattern (H.264 + AAC over FLV) to the
// node-media-server listener with the showcase's stream key; the producers reach the room with media
// flowing; a wrong key is refused with no media; a second publisher for the same show is refused.

const bin = mediaWorkerBinary()

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  return typeof address === 'object' && address ? address.port : 0
}

function publish(url: string, seconds = 30, video = 'libx264', profile?: 'main' | 'baseline'): ChildProcess {
  return spawn(
    'ffmpeg',
    [
      ...['-hide_banner', '-loglevel', 'error', '-re', '-f', 'lavfi', '-i', 'testsrc=size=640x360:rate=30', '-re', '-f', 'lavfi', '-i', 'sine'],
      ...[
        '-c:v',
        video,
        ...(video === 'libx264' ? ['-preset', 'veryfast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p'] : []),
        ...(profile ? ['-profile:v', profile] : []),
        '-g',
        '30',
        '-c:a',
        'aac',
        '-t',
        String(seconds),
        '-f',
        'flv',
        url,
      ],
    ],
    { stdio: ['ignore', 'ignore', 'ignore'] },
  )
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', resolve)))

describe.skipIf(!bin)('RTMP ingest (node-media-server listener → ffmpeg → PlainTransports)', () => {
  let media: MediaLayer
  let ingest: IngestService
  let rtmp: RtmpIngest
  const children: ChildProcess[] = []

  beforeAll(async () => {
    media = await createTestMediaLayer(bin!, { min: 47200, max: 47399 })
    const logger = pino({ level: process.env.INGEST_TEST_LOG ?? 'silent' })
    ingest = new IngestService({ media, logger })
    rtmp = await RtmpIngest.start({ port: await freePort(), host: '127.0.0.1', ingest, logger, videoKbps: 800 })
  }, 60_000)

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL')
    await rtmp.close()
    ingest.close()
    media.close()
  })

  it('refuses a wrong stream key: the encoder is disconnected and no media is set up', async () => {
    const { session } = await createLiveShowcase('RTMP wrong key')
    const child = publish(`rtmp://127.0.0.1:${rtmp.port}/live/${'W'.repeat(43)}`, 20)
    children.push(child)
    expect(await exited(child)).not.toBe(0)
    expect(media.room(session.id)).toBeUndefined()
    expect(ingest.status(session.id)).toBeNull()
  })

  it('carries a published stream into the room as the host’s camera and microphone, with health figures; a second publisher is refused', async () => {
    const { exporter, session } = await createLiveShowcase('RTMP showcase')
    const key = await rotateIngestToken(session.id, exporter.user.id, new Date())
    const child = publish(`rtmp://127.0.0.1:${rtmp.port}/live/${key}`, 40)
    children.push(child)
    await until(() => ingest.status(session.id)?.state === 'receiving', 'RTMP media arriving', 30_000)
    const room = media.room(session.id)
    expect(
      room
        ?.hostProducers()
        .map((producer) => [producer.kind, producer.source, producer.ownerId])
        .sort(),
    ).toEqual([
      ['audio', 'microphone', exporter.user.id],
      ['video', 'camera', exporter.user.id],
    ])
    await until(() => (ingest.status(session.id)?.health.videoBitrateKbps ?? 0) > 50, 'video bitrate measured', 10_000)
    const status = ingest.status(session.id)
    expect(status).toMatchObject({ kind: 'rtmp', state: 'receiving', health: { width: 640, height: 360, codecs: ['video/VP8', 'audio/opus'] } })
    expect(status?.health.fps).toBeGreaterThan(20)

    const second = publish(`rtmp://127.0.0.1:${rtmp.port}/live/${key}`, 20)
    children.push(second)
    expect(await exited(second)).not.toBe(0)
    expect(ingest.status(session.id)?.state).toBe('receiving')

    // The encoder stops: the ingest stops and its producers leave the room.
    child.kill('SIGTERM')
    await until(() => ingest.status(session.id)?.state === 'stopped', 'ingest stopped', 15_000)
    expect(room?.hostProducers()).toEqual([])
  })

  it('copies H.264 Main without B-frames into the room (no transcode); a viewer with H.264 can consume it', async () => {
    const { exporter, session } = await createLiveShowcase('RTMP H.264 copy')
    const key = await rotateIngestToken(session.id, exporter.user.id, new Date())
    const child = publish(`rtmp://127.0.0.1:${rtmp.port}/live/${key}`, 40, 'libx264', 'main')
    children.push(child)
    await until(() => ingest.status(session.id)?.state === 'receiving', 'RTMP media arriving', 30_000)
    await until(() => (ingest.status(session.id)?.health.videoBitrateKbps ?? 0) > 50, 'video bitrate measured', 10_000)
    expect(ingest.status(session.id)).toMatchObject({ kind: 'rtmp', health: { width: 640, height: 360, codecs: ['video/H264', 'audio/opus'] } })
    const room = media.room(session.id)!
    const video = room.hostProducers().find((producer) => producer.kind === 'video')!
    const router = room.routerForSend()
    expect(router.canConsume({ producerId: video.producerId, rtpCapabilities: router.rtpCapabilities })).toBe(true)
    child.kill('SIGTERM')
    await until(() => ingest.status(session.id)?.state === 'stopped', 'ingest stopped', 15_000)
  })

  it('chooses the copy only for what viewers decode as it is', () => {
    const stream = { codec: 'h264', width: 1280, height: 720, fps: 30, profile: 'Main', bFrames: 0, pixFmt: 'yuv420p' }
    expect(h264PassthroughProfile(stream)).toBe('4d001f')
    expect(h264PassthroughProfile({ ...stream, profile: 'Constrained Baseline' })).toBe('42e01f')
    expect(h264PassthroughProfile({ ...stream, profile: 'High' })).toBeNull()
    expect(h264PassthroughProfile({ ...stream, bFrames: 2 })).toBeNull()
    expect(h264PassthroughProfile({ ...stream, pixFmt: 'yuv422p' })).toBeNull()
    expect(h264PassthroughProfile({ ...stream, codec: 'hevc' })).toBeNull()
    expect(h264PassthroughProfile(null)).toBeNull()
  })
})
