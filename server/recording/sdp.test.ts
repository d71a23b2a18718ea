import { describe, expect, it } from 'vitest'
import { recordingSdp } from './sdp'

const destination = (rtpPort: number) => ({ producerId: `p${rtpPort}`, ip: '127.0.0.1', rtpPort, rtcpPort: rtpPort + 1 })

describe('recordingSdp', () => {
  it('keeps an H.264 consumer’s fmtp (profile, packetization mode) for ffmpeg, beside Opus', () => {
    const sdp = recordingSdp([
      {
        producerId: 'p5000',
        kind: 'video',
        codec: {
          mimeType: 'video/H264',
          payloadType: 102,
          clockRate: 90_000,
          parameters: { 'packetization-mode': 1, 'profile-level-id': '42e01f', 'level-asymmetry-allowed': 1 },
          rtcpFeedback: [],
        },
        destination: destination(5000),
      },
      {
        producerId: 'p5002',
        kind: 'audio',
        codec: { mimeType: 'audio/opus', payloadType: 100, clockRate: 48_000, channels: 2, parameters: { useinbandfec: 1 }, rtcpFeedback: [] },
        destination: destination(5002),
      },
    ])
    expect(sdp.split('\r\n')).toEqual([
      'v=0',
      'o=- 0 0 IN IP4 127.0.0.1',
      's=Tradecast recording',
      'c=IN IP4 127.0.0.1',
      't=0 0',
      'm=video 5000 RTP/AVP 102',
      'c=IN IP4 127.0.0.1',
      'a=rtcp:5001',
      'a=rtpmap:102 H264/90000',
      'a=fmtp:102 packetization-mode=1;profile-level-id=42e01f;level-asymmetry-allowed=1',
      'a=recvonly',
      'm=audio 5002 RTP/AVP 100',
      'c=IN IP4 127.0.0.1',
      'a=rtcp:5003',
      'a=rtpmap:100 opus/48000/2',
      'a=fmtp:100 useinbandfec=1',
      'a=recvonly',
      '',
    ])
  })

  it('drops parameters that could add lines (a hostile sprop or key)', () => {
    const sdp = recordingSdp([
      {
        producerId: 'p6000',
        kind: 'video',
        codec: {
          mimeType: 'video/H264',
          payloadType: 102,
          clockRate: 90_000,
          parameters: { 'packetization-mode': 1, 'sprop-parameter-sets': 'Z0LAHpZUBQHtgIgAAAMACAAAAwHgeLF1\r\nc=IN IP4 10.0.0.1', 'bad key': 1 },
          rtcpFeedback: [],
        },
        destination: destination(6000),
      },
    ])
    expect(sdp).toContain('a=fmtp:102 packetization-mode=1\r\n')
    expect(sdp).not.toContain('10.0.0.1')
  })
})
