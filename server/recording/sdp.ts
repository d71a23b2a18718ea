import type { TappedTrack } from '../media/index.ts'

const SAFE_KEY = /^[\w.-]{1,64}$/
const SAFE_VALUE = /^[\w.,:/+=-]{0,256}$/

/**
 * The SDP ffmpeg reads to receive a tap's tracks: one m-line per track on the port pair the tap sends to
 * (RTP on the port, RTCP on the next), with the payload type, codec and fmtp the consumer actually uses.
 */
export function recordingSdp(tracks: readonly TappedTrack[]): string {
  const lines = ['v=0', 'o=- 0 0 IN IP4 127.0.0.1', 's=Tradecast recording', 'c=IN IP4 127.0.0.1', 't=0 0']
  for (const track of tracks) {
    const { codec, destination } = track
    const [, name = ''] = codec.mimeType.split('/')
    const channels = codec.channels && codec.channels > 1 ? `/${codec.channels}` : ''
    lines.push(`m=${track.kind} ${destination.rtpPort} RTP/AVP ${codec.payloadType}`)
    lines.push(`c=IN IP4 ${destination.ip}`)
    lines.push(`a=rtcp:${destination.rtcpPort}`)
    lines.push(`a=rtpmap:${codec.payloadType} ${name}/${codec.clockRate}${channels}`)
    // Codec parameters come from the host's produce request: only plain tokens reach the SDP, so no line break
    // or separator can add lines (another c= or m=) that would point ffmpeg elsewhere.
    const fmtp = Object.entries(codec.parameters ?? {})
      .filter(([key, value]) => SAFE_KEY.test(key) && SAFE_VALUE.test(String(value)))
      .map(([key, value]) => `${key}=${String(value)}`)
      .join(';')
    if (fmtp) lines.push(`a=fmtp:${codec.payloadType} ${fmtp}`)
    lines.push('a=recvonly')
  }
  return `${lines.join('\r\n')}\r\n`
}
