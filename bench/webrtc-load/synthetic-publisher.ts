import { createSocket, type Socket } from 'node:dgram'
import type { types } from 'mediasoup'
import type { Room } from '../../server/media/index.ts'
import { wallClockMs, writeSendTime } from './send-time.ts'

/**
 * A host for load tests without an encoder: RTP shaped like a browser's simulcast VP8 (three SSRCs, VP8
 * payload descriptors with picture ids, key frames whose header carries the layer's width and height)
 * plus Opus, sent from Node into a PlainTransport of the room's send router and added to the room as
 * the host's producers. The SFU never decodes, so for it these packets cost what real video of the same
 * sizes and rates costs; it lets a test or a bench fix the bitrate of every layer and answers key-frame
 * requests (PLI/FIR) at the next frame like a browser, at no encoding CPU. Each frame's first packet
 * carries its send time (send-time.ts), so viewers in the same process measure glass-to-glass latency.
 */
export type SyntheticLayer = { width: number; height: number; kbps: number }

export const SIMULCAST_720P: SyntheticLayer[] = [
  { width: 320, height: 180, kbps: 150 },
  { width: 640, height: 360, kbps: 500 },
  { width: 1280, height: 720, kbps: 1500 },
]

const VP8_PT = 101
const OPUS_PT = 100
const FPS = 30
const AUDIO_PACKET_MS = 20
const AUDIO_PAYLOAD_BYTES = 80 // ≈ 32 kbit/s of Opus
const MAX_PAYLOAD = 1100
const KEY_FRAME_SIZE_FACTOR = 4
const SR_INTERVAL_MS = 1000

type Stream = { ssrc: number; seq: number; timestamp: number; packets: number; octets: number }
type VideoStream = Stream & { layer: SyntheticLayer; pictureId: number; tl0: number; keyFrameDue: boolean; sinceKeyFrameMs: number }

export class SyntheticPublisher {
  private readonly timers: NodeJS.Timeout[] = []
  private closed = false
  /** Key frames sent because mediasoup asked for one (PLI or FIR). */
  keyFrameRequests = 0

  private constructor(
    private readonly socket: Socket,
    private readonly transport: types.PlainTransport,
    private readonly video: VideoStream[],
    private readonly audio: Stream,
    readonly producers: { video: types.Producer; audio: types.Producer },
    private readonly keyFrameIntervalMs: number,
  ) {}

  /** Starts sending and adds a video (simulcast) and an audio producer to `room` as `ownerId`'s. */
  static async start(room: Room, options: { layers?: SyntheticLayer[]; keyFrameIntervalMs?: number; ownerId?: string } = {}): Promise<SyntheticPublisher> {
    const layers = options.layers ?? SIMULCAST_720P
    const transport = await room.routerForSend().createPlainTransport({ listenInfo: { protocol: 'udp', ip: '127.0.0.1' }, rtcpMux: true, comedia: true })
    const base = 0x1000_0000 + Math.floor(Math.random() * 0x1000_0000)
    const video = layers.map((layer, index) => ({
      ...newStream(base + index),
      layer,
      pictureId: 0,
      tl0: 0,
      keyFrameDue: true,
      sinceKeyFrameMs: 0,
    }))
    const audio = newStream(base + 100)
    const videoProducer = await transport.produce({
      kind: 'video',
      rtpParameters: {
        codecs: [
          {
            mimeType: 'video/VP8',
            payloadType: VP8_PT,
            clockRate: 90_000,
            rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }, { type: 'ccm', parameter: 'fir' }],
          },
        ],
        encodings: video.map(({ ssrc }) => ({ ssrc })),
      },
      appData: { source: 'camera' },
    })
    const audioProducer = await transport.produce({
      kind: 'audio',
      rtpParameters: {
        codecs: [{ mimeType: 'audio/opus', payloadType: OPUS_PT, clockRate: 48_000, channels: 2, parameters: { useinbandfec: 1 } }],
        encodings: [{ ssrc: audio.ssrc }],
      },
      appData: { source: 'microphone' },
    })
    const socket = createSocket('udp4')
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve))
    const publisher = new SyntheticPublisher(
      socket,
      transport,
      video,
      audio,
      { video: videoProducer, audio: audioProducer },
      options.keyFrameIntervalMs ?? 2000,
    )
    socket.on('message', (packet) => publisher.onRtcp(packet))
    publisher.run(transport.tuple.localPort)
    const ownerId = options.ownerId ?? 'synthetic-host'
    await room.addExternalProducer(ownerId, videoProducer)
    await room.addExternalProducer(ownerId, audioProducer)
    return publisher
  }

  private run(port: number) {
    const send = (packet: Buffer) => this.socket.send(packet, port, '127.0.0.1')
    this.timers.push(
      setInterval(() => {
        for (const stream of this.video) for (const packet of this.nextFrame(stream)) send(packet)
      }, 1000 / FPS),
      setInterval(() => {
        const payload = Buffer.alloc(AUDIO_PAYLOAD_BYTES, 0x5a)
        send(rtpPacket(this.audio, OPUS_PT, true, payload))
        this.audio.timestamp = (this.audio.timestamp + (48_000 * AUDIO_PACKET_MS) / 1000) >>> 0
      }, AUDIO_PACKET_MS),
      setInterval(() => {
        for (const stream of [...this.video, this.audio]) send(senderReport(stream))
      }, SR_INTERVAL_MS),
    )
  }

  private nextFrame(stream: VideoStream): Buffer[] {
    stream.sinceKeyFrameMs += 1000 / FPS
    const key = stream.keyFrameDue || stream.sinceKeyFrameMs >= this.keyFrameIntervalMs
    if (key) {
      stream.keyFrameDue = false
      stream.sinceKeyFrameMs = 0
    }
    const averageBytes = (stream.layer.kbps * 1000) / 8 / FPS
    let remaining = Math.round(key ? averageBytes * KEY_FRAME_SIZE_FACTOR : averageBytes)
    stream.pictureId = (stream.pictureId + 1) & 0x7fff
    if (key) stream.tl0 = (stream.tl0 + 1) & 0xff
    const packets: Buffer[] = []
    let first = true
    while (remaining > 0) {
      const size = Math.min(remaining, MAX_PAYLOAD)
      remaining -= size
      const payload = Buffer.alloc(6 + size)
      // VP8 payload descriptor (RFC 7741): X, S on a frame's first packet, partition 0; I (15-bit
      // picture id), L (TL0PICIDX), T (TID 0, layer sync).
      payload[0] = 0x80 | (first ? 0x10 : 0)
      payload[1] = 0x80 | 0x40 | 0x20
      payload.writeUInt16BE(0x8000 | stream.pictureId, 2)
      payload[4] = stream.tl0
      payload[5] = 0x20
      if (first) {
        // VP8 frame tag: bit 0 clear on a key frame, show_frame set; a key frame's start code and size follow.
        payload[6] = key ? 0x10 : 0x11
        if (key && size >= 10) {
          payload.set([0x9d, 0x01, 0x2a], 9)
          payload.writeUInt16LE(stream.layer.width, 12)
          payload.writeUInt16LE(stream.layer.height, 14)
        }
        // The send time after the frame header, for glass-to-glass latency (send-time.ts).
        writeSendTime(payload, 6, wallClockMs())
      }
      packets.push(rtpPacket(stream, VP8_PT, remaining === 0, payload))
      first = false
    }
    stream.timestamp = (stream.timestamp + 90_000 / FPS) >>> 0
    return packets
  }

  /** PLI (206/1) and FIR (206/4) from mediasoup: that layer's next frame is a key frame. */
  private onRtcp(packet: Buffer) {
    let offset = 0
    while (offset + 12 <= packet.length) {
      const format = packet[offset]! & 0x1f
      const type = packet[offset + 1]!
      const length = (packet.readUInt16BE(offset + 2) + 1) * 4
      if (type === 206 && (format === 1 || format === 4)) {
        const ssrc = format === 1 ? packet.readUInt32BE(offset + 8) : offset + 16 <= packet.length ? packet.readUInt32BE(offset + 12) : 0
        const stream = this.video.find((candidate) => candidate.ssrc === ssrc)
        if (stream) {
          stream.keyFrameDue = true
          this.keyFrameRequests++
        }
      }
      offset += length
    }
  }

  /** Stops sending and closes the producers (the room tells its viewers). */
  close(): void {
    if (this.closed) return
    this.closed = true
    for (const timer of this.timers) clearInterval(timer)
    this.transport.close()
    this.socket.close()
  }
}

function newStream(ssrc: number): Stream {
  return { ssrc, seq: Math.floor(Math.random() * 0xffff), timestamp: Math.floor(Math.random() * 0xffff_ffff), packets: 0, octets: 0 }
}

function rtpPacket(stream: Stream, payloadType: number, marker: boolean, payload: Buffer): Buffer {
  const packet = Buffer.alloc(12 + payload.length)
  packet[0] = 0x80
  packet[1] = (marker ? 0x80 : 0) | payloadType
  packet.writeUInt16BE(stream.seq, 2)
  packet.writeUInt32BE(stream.timestamp, 4)
  packet.writeUInt32BE(stream.ssrc, 8)
  payload.copy(packet, 12)
  stream.seq = (stream.seq + 1) & 0xffff
  stream.packets++
  stream.octets += payload.length
  return packet
}

/** RTCP SR (RFC 3550 §6.4.1) with the wall clock as NTP time, so receivers can send RRs against it. */
function senderReport(stream: Stream): Buffer {
  const packet = Buffer.alloc(28)
  packet[0] = 0x80
  packet[1] = 200
  packet.writeUInt16BE(6, 2)
  packet.writeUInt32BE(stream.ssrc, 4)
  const now = Date.now()
  const ntpSeconds = Math.floor(now / 1000) + 2_208_988_800
  packet.writeUInt32BE(ntpSeconds >>> 0, 8)
  packet.writeUInt32BE(Math.floor(((now % 1000) / 1000) * 2 ** 32) >>> 0, 12)
  // The RTP timestamp of "now": the last one sent is close enough for a synthetic stream.
  packet.writeUInt32BE(stream.timestamp, 16)
  packet.writeUInt32BE(stream.packets >>> 0, 20)
  packet.writeUInt32BE(stream.octets >>> 0, 24)
  return packet
}
