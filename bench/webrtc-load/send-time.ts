/**
 * The publisher's send time carried inside VP8 RTP packets, for glass-to-glass latency when the
 * synthetic host and the viewers share one process (one clock). It sits in the first packet of each
 * frame, after the payload descriptor and the ten bytes of VP8 frame header (frame tag; a key frame's
 * start code and size), which mediasoup reads and rewrites nothing of, so key frames stay valid: a
 * 4-byte mark, then the time as a big-endian float64 in ms (performance.timeOrigin + performance.now()).
 */
const MARK = 0x54_43_73_74 // "TCst"
const VP8_FRAME_HEADER_BYTES = 10
export const SEND_TIME_BYTES = 4 + 8

/** Milliseconds since the epoch with sub-millisecond precision: the clock both ends read. */
export function wallClockMs(now = performance.now()): number {
  return performance.timeOrigin + now
}

/**
 * Where the VP8 frame header starts in a packet whose payload starts at `offset` (RFC 7741 payload
 * descriptor), when this packet starts a frame (S bit, partition 0); null otherwise.
 */
export function vp8FrameStart(packet: Buffer, offset: number): number | null {
  const first = packet[offset]
  if (first === undefined || !(first & 0x10) || (first & 0x07) !== 0) return null
  let at = offset + 1
  if (first & 0x80) {
    const extension = packet[at++] ?? 0
    if (extension & 0x80) at += (packet[at] ?? 0) & 0x80 ? 2 : 1
    if (extension & 0x40) at++
    if (extension & 0x30) at++
  }
  return at < packet.length ? at : null
}

/**
 * Writes `sendTimeMs` into a frame's first VP8 payload whose frame header starts at `frameStart`;
 * false (nothing written) when the payload is too short to hold it after the header.
 */
export function writeSendTime(payload: Buffer, frameStart: number, sendTimeMs: number): boolean {
  const at = frameStart + VP8_FRAME_HEADER_BYTES
  if (payload.length < at + SEND_TIME_BYTES) return false
  payload.writeUInt32BE(MARK, at)
  payload.writeDoubleBE(sendTimeMs, at + 4)
  return true
}

/** The send time in an RTP packet whose payload starts at `payloadOffset`, or null when it carries none. */
export function readSendTime(packet: Buffer, payloadOffset: number): number | null {
  const frameStart = vp8FrameStart(packet, payloadOffset)
  if (frameStart === null) return null
  const at = frameStart + VP8_FRAME_HEADER_BYTES
  if (packet.length < at + SEND_TIME_BYTES || packet.readUInt32BE(at) !== MARK) return null
  const sendTimeMs = packet.readDoubleBE(at + 4)
  return Number.isFinite(sendTimeMs) ? sendTimeMs : null
}
