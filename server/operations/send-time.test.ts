import { describe, expect, it } from 'vitest'
import { vp8KeyFrame } from '../../bench/webrtc-load/rtp-receiver.ts'
import { readSendTime, SEND_TIME_BYTES, vp8FrameStart, writeSendTime } from '../../bench/webrtc-load/send-time.ts'

// The send time the synthetic host writes into each VP8 frame's first packet and the viewers read back
// (bench/webrtc-load/send-time.ts, for bench:cascade's glass-to-glass latency). It lives in bench/, which
// the unit project does not collect, hence this file here. Packets built byte by byte as the host builds them.

const RTP_HEADER = 12
/** Descriptor as the synthetic host writes it: X; S on a first packet; I (15-bit picture id), L, T. */
function descriptor(firstPacket: boolean): number[] {
  return [0x80 | (firstPacket ? 0x10 : 0), 0x80 | 0x40 | 0x20, 0x80 | 0x12, 0x34, 0x07, 0x20]
}

/** An RTP packet around a VP8 payload of `size` bytes after the 6-byte descriptor; key frames carry start code and size. */
function vp8Packet(options: { first: boolean; key: boolean; size: number; sendTimeMs?: number }): Buffer {
  const payload = Buffer.alloc(6 + options.size)
  payload.set(descriptor(options.first), 0)
  if (options.first) {
    payload[6] = options.key ? 0x10 : 0x11
    if (options.key) {
      payload.set([0x9d, 0x01, 0x2a], 9)
      payload.writeUInt16LE(1280, 12)
      payload.writeUInt16LE(720, 14)
    }
    if (options.sendTimeMs !== undefined) writeSendTime(payload, 6, options.sendTimeMs)
  }
  const packet = Buffer.alloc(RTP_HEADER + payload.length)
  packet[0] = 0x80
  packet[1] = 101
  payload.copy(packet, RTP_HEADER)
  return packet
}

describe('send time in VP8 packets', () => {
  it('reads back the exact float64 written after a key frame header, which stays valid (1280×720)', () => {
    const sent = 1_796_400_000_123.456
    const packet = vp8Packet({ first: true, key: true, size: 1000, sendTimeMs: sent })
    expect(readSendTime(packet, RTP_HEADER)).toBe(sent)
    expect(vp8KeyFrame(packet, RTP_HEADER)).toEqual({ width: 1280, height: 720 })
    // Mark and time sit right after the descriptor (6) and the frame header (10).
    expect(packet.subarray(RTP_HEADER + 16, RTP_HEADER + 20).toString('latin1')).toBe('TCst')
  })

  it('reads it from a delta frame too, which stays a delta frame', () => {
    const packet = vp8Packet({ first: true, key: false, size: 400, sendTimeMs: 42.5 })
    expect(readSendTime(packet, RTP_HEADER)).toBe(42.5)
    expect(vp8KeyFrame(packet, RTP_HEADER)).toBeNull()
  })

  it('finds none in a frame’s later packets, in a first packet without the mark, or in one too short to hold it', () => {
    expect(readSendTime(vp8Packet({ first: false, key: false, size: 1000 }), RTP_HEADER)).toBeNull()
    expect(readSendTime(vp8Packet({ first: true, key: true, size: 1000 }), RTP_HEADER)).toBeNull()
    // 10 header bytes + 11: one byte short of mark and time; nothing is written.
    const short = Buffer.alloc(6 + 10 + SEND_TIME_BYTES - 1)
    short.set(descriptor(true), 0)
    expect(writeSendTime(short, 6, 1)).toBe(false)
    expect(short.subarray(16).every((byte) => byte === 0)).toBe(true)
    const fits = Buffer.alloc(6 + 10 + SEND_TIME_BYTES)
    expect(writeSendTime(fits, 6, 1)).toBe(true)
  })

  it('skips descriptors of every length: with a 7-bit picture id, with none, and without the extension byte', () => {
    // X with I (7-bit id, M clear) only: 3 bytes of descriptor.
    expect(vp8FrameStart(Buffer.from([0x90, 0x80, 0x05, 0x10]), 0)).toBe(3)
    // X with L and T/K only: 4 bytes.
    expect(vp8FrameStart(Buffer.from([0x90, 0x60, 0x01, 0x20, 0x10]), 0)).toBe(4)
    // No X: 1 byte.
    expect(vp8FrameStart(Buffer.from([0x10, 0x10]), 0)).toBe(1)
    // Not the start of partition 0: no frame header here.
    expect(vp8FrameStart(Buffer.from([0x11, 0x10]), 0)).toBeNull()
    // A descriptor with nothing after it.
    expect(vp8FrameStart(Buffer.from([0x90, 0x80, 0x05]), 0)).toBeNull()
  })
})
