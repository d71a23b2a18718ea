import { readSendTime, vp8FrameStart, wallClockMs } from './send-time.ts'

/**
 * What one received RTP stream (one consumer) looked like, from the decrypted packets alone: packets,
 * bytes, frames, loss from sequence numbers (a gap is NACKed; a packet that arrives late or as an RTX
 * retransmission is recovered), and for VP8 the first key frame and the size it announces.
 */
export type StreamStats = {
  packets: number
  bytes: number
  /** Video: frames completed (marker bit). */
  frames: number
  keyFrames: number
  /** Sequence numbers never received (after NACK and RTX), plus those still missing now. */
  lost: number
  /** Expected packets: highest − first sequence number + 1. */
  expected: number
  nacksSent: number
  recovered: number
  rtcpPackets: number
  /** ms since the viewer started, when the first packet (audio) or first key-frame packet (video) arrived. */
  firstMediaMs: number | null
  /** Size announced by the last VP8 key frame. */
  width: number | null
  height: number | null
}

const NACK_RETRY_MS = 60
const NACK_TRIES = 3
const GIVE_UP_MS = 1000
const MAX_TRACKED_GAP = 500
/** Latency samples kept until taken (a fleet nobody measures latency of must not grow without end). */
const MAX_LATENCY_SAMPLES = 2000

export class RtpReceiver {
  readonly stats: StreamStats = {
    packets: 0,
    bytes: 0,
    frames: 0,
    keyFrames: 0,
    lost: 0,
    expected: 0,
    nacksSent: 0,
    recovered: 0,
    rtcpPackets: 0,
    firstMediaMs: null,
    width: null,
    height: null,
  }
  private firstSeq: number | null = null
  private highest = 0 // extended sequence number
  /** Extended sequence number → when it went missing and how many NACKs asked for it. */
  private readonly missing = new Map<number, { since: number; tries: number }>()
  /** Video: ms from the publisher sending each frame's first packet to its arrival here (send-time.ts). */
  private latencies: number[] = []

  constructor(
    private readonly kind: 'audio' | 'video',
    private readonly ssrc: number,
    private readonly rtxSsrc: number | null,
    private readonly startedAt: number,
    private readonly sendRtcp: (packet: Buffer) => void,
  ) {}

  /** One decrypted packet from the track (RTP or RTCP). */
  onPacket(packet: Buffer, now: number): void {
    if (packet.length < 12) return
    const payloadType = packet[1]! & 0x7f
    if (payloadType >= 64 && payloadType <= 95) {
      this.stats.rtcpPackets++
      return
    }
    const ssrc = packet.readUInt32BE(8)
    const payloadOffset = rtpPayloadOffset(packet)
    if (payloadOffset === null) return
    if (ssrc === this.rtxSsrc) {
      // RTX (RFC 4588): the original sequence number leads the payload; padding-only probes have none.
      if (packet.length >= payloadOffset + 2) this.received(packet.readUInt16BE(payloadOffset), now, true)
      return
    }
    if (ssrc !== this.ssrc) return
    this.stats.packets++
    this.stats.bytes += packet.length
    this.received(packet.readUInt16BE(2), now, false)
    if (this.kind === 'audio') {
      this.stats.firstMediaMs ??= now - this.startedAt
      return
    }
    if (packet[1]! & 0x80) this.stats.frames++
    const sentAt = readSendTime(packet, payloadOffset)
    if (sentAt !== null) {
      if (this.latencies.length >= MAX_LATENCY_SAMPLES) this.latencies.splice(0, MAX_LATENCY_SAMPLES / 2)
      this.latencies.push(wallClockMs(now) - sentAt)
    }
    const keyFrame = vp8KeyFrame(packet, payloadOffset)
    if (keyFrame) {
      this.stats.keyFrames++
      this.stats.firstMediaMs ??= now - this.startedAt
      this.stats.width = keyFrame.width
      this.stats.height = keyFrame.height
    }
  }

  private received(seq: number, now: number, retransmitted: boolean) {
    if (this.firstSeq === null) {
      this.firstSeq = seq
      this.highest = seq
      this.stats.expected = 1
      return
    }
    // Extend the 16-bit number to the one nearest the highest seen (wrap-around either way).
    let extended = (this.highest & ~0xffff) | seq
    if (extended - this.highest > 0x8000) extended -= 0x10000
    else if (this.highest - extended > 0x8000) extended += 0x10000
    if (extended > this.highest) {
      const gap = extended - this.highest - 1
      if (gap > 0) {
        const lost: number[] = []
        for (let missing = Math.max(this.highest + 1, extended - MAX_TRACKED_GAP); missing < extended; missing++) {
          this.missing.set(missing, { since: now, tries: 1 })
          lost.push(missing & 0xffff)
        }
        this.stats.lost += gap - lost.length // older than we track: lost for good
        this.nack(lost)
      }
      this.highest = extended
      this.stats.expected = this.highest - this.firstSeq + 1
    } else if (this.missing.delete(extended)) {
      this.stats.recovered++
      if (retransmitted) {
        this.stats.packets++
      }
    }
  }

  /** Called every few tens of ms: NACK again what is still missing, give up on what is too old. */
  tick(now: number): void {
    if (this.missing.size === 0) return
    const again: number[] = []
    for (const [seq, entry] of this.missing) {
      if (now - entry.since > GIVE_UP_MS) {
        this.missing.delete(seq)
        this.stats.lost++
      } else if (entry.tries < NACK_TRIES && now - entry.since > entry.tries * NACK_RETRY_MS) {
        entry.tries++
        again.push(seq & 0xffff)
      }
    }
    this.nack(again)
  }

  /** The glass-to-glass latencies (ms) collected since the last call, oldest first; they are cleared. */
  takeLatencies(): number[] {
    const taken = this.latencies
    this.latencies = []
    return taken
  }

  /** Loss now: given up plus still missing. */
  lostNow(): number {
    return this.stats.lost + this.missing.size
  }

  /** Generic NACK (RFC 4585 §6.2.1), one FCI per sequence number. */
  private nack(seqs: number[]) {
    if (seqs.length === 0 || this.kind !== 'video') return
    const packet = Buffer.alloc(12 + 4 * seqs.length)
    packet[0] = 0x81
    packet[1] = 205
    packet.writeUInt16BE(packet.length / 4 - 1, 2)
    packet.writeUInt32BE(1, 4)
    packet.writeUInt32BE(this.ssrc, 8)
    seqs.forEach((seq, index) => packet.writeUInt16BE(seq, 12 + 4 * index))
    this.sendRtcp(packet)
    this.stats.nacksSent += seqs.length
  }
}

/** Where the payload starts: after CSRCs and the header extension; null for a malformed packet. */
export function rtpPayloadOffset(packet: Buffer): number | null {
  let offset = 12 + 4 * (packet[0]! & 0x0f)
  if (packet[0]! & 0x10) {
    if (packet.length < offset + 4) return null
    offset += 4 + 4 * packet.readUInt16BE(offset + 2)
  }
  return offset <= packet.length ? offset : null
}

/** A VP8 key frame's first packet (RFC 7741 payload descriptor, then the frame tag): its announced size. */
export function vp8KeyFrame(packet: Buffer, offset: number): { width: number; height: number } | null {
  const at = vp8FrameStart(packet, offset)
  if (at === null) return null
  const tag = packet[at]
  if (tag === undefined || tag & 0x01) return null
  if (packet.length < at + 10 || packet[at + 3] !== 0x9d || packet[at + 4] !== 0x01 || packet[at + 5] !== 0x2a) return { width: 0, height: 0 }
  return { width: packet.readUInt16LE(at + 6) & 0x3fff, height: packet.readUInt16LE(at + 8) & 0x3fff }
}
