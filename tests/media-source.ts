import { type ChildProcess, spawn } from 'node:child_process'
import type { types } from 'mediasoup'
import type { Room } from '../server/media/index.ts'

// A host without a browser: ffmpeg encodes a test pattern (VP8, or H.264 like OBS's WHIP output; moving) and a tone (Opus) and sends
// them as RTP into PlainTransports of the room's router, whose producers join the room as the host's.

export type TestSource = {
  producers: types.Producer[]
  process: ChildProcess
  stop: () => Promise<void>
}

const VIDEO_SSRC = 11_111_111
const AUDIO_SSRC = 22_222_222

/** H.264 as OBS's WHIP output sends it: constrained baseline, packetization mode 1 (ffmpeg's RTP default). */
const H264_PARAMETERS = { 'packetization-mode': 1, 'profile-level-id': '42e01f', 'level-asymmetry-allowed': 1 }

export async function startTestSource(
  room: Room,
  options: { ownerId?: string; video?: boolean; audio?: boolean; size?: string; videoCodec?: 'vp8' | 'h264'; keyFrameInterval?: number } = {},
): Promise<TestSource> {
  const router = room.routerForSend()
  const ownerId = options.ownerId ?? 'test-host'
  const outputs: string[] = []
  const producers: types.Producer[] = []
  const transports: types.PlainTransport[] = []
  const input = [
    '-hide_banner',
    '-nostdin',
    '-loglevel',
    'error',
    '-re',
    '-f',
    'lavfi',
    '-i',
    `testsrc2=size=${options.size ?? '640x360'}:rate=30`,
    '-re',
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=440:sample_rate=48000',
  ]
  if (options.video !== false) {
    const transport = await router.createPlainTransport({ listenInfo: { protocol: 'udp', ip: '127.0.0.1' }, rtcpMux: false, comedia: true })
    transports.push(transport)
    const h264 = options.videoCodec === 'h264'
    const producer = await transport.produce({
      kind: 'video',
      rtpParameters: {
        codecs: [
          h264
            ? { mimeType: 'video/H264', payloadType: 102, clockRate: 90_000, parameters: H264_PARAMETERS }
            : { mimeType: 'video/VP8', payloadType: 101, clockRate: 90_000 },
        ],
        encodings: [{ ssrc: VIDEO_SSRC }],
      },
      appData: { source: 'camera' },
    })
    producers.push(producer)
    const encoder = h264
      ? ['-c:v', 'libx264', '-profile:v', 'baseline', '-pix_fmt', 'yuv420p', '-preset', 'veryfast', '-tune', 'zerolatency']
      : ['-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8']
    outputs.push(
      ...['-map', '0:v', ...encoder, '-b:v', '800k', '-g', String(options.keyFrameInterval ?? 30), '-keyint_min', String(options.keyFrameInterval ?? 30)],
      ...[
        '-payload_type',
        h264 ? '102' : '101',
        '-ssrc',
        String(VIDEO_SSRC),
        '-f',
        'rtp',
        `rtp://127.0.0.1:${transport.tuple.localPort}?rtcpport=${transport.rtcpTuple?.localPort}&pkt_size=1200`,
      ],
    )
  }
  if (options.audio !== false) {
    const transport = await router.createPlainTransport({ listenInfo: { protocol: 'udp', ip: '127.0.0.1' }, rtcpMux: false, comedia: true })
    transports.push(transport)
    const producer = await transport.produce({
      kind: 'audio',
      rtpParameters: { codecs: [{ mimeType: 'audio/opus', payloadType: 100, clockRate: 48_000, channels: 2 }], encodings: [{ ssrc: AUDIO_SSRC }] },
      appData: { source: 'microphone' },
    })
    producers.push(producer)
    outputs.push(
      ...['-map', '1:a', '-c:a', 'libopus', '-b:a', '64k', '-ac', '2'],
      ...[
        '-payload_type',
        '100',
        '-ssrc',
        String(AUDIO_SSRC),
        '-f',
        'rtp',
        `rtp://127.0.0.1:${transport.tuple.localPort}?rtcpport=${transport.rtcpTuple?.localPort}`,
      ],
    )
  }
  const child = spawn('ffmpeg', [...input, ...outputs], { stdio: ['ignore', 'ignore', 'pipe'] })
  child.stderr.resume()
  for (const producer of producers) await room.addExternalProducer(ownerId, producer)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return {
    producers,
    process: child,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL')
        await exited
      }
      for (const transport of transports) transport.close()
    },
  }
}
