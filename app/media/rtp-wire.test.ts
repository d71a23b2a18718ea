import { describe, expect, test } from 'vitest'
import { RtpParametersSchema } from '~/protocol/media'
import { wireRtpParameters } from './rtp-wire'

describe('wireRtpParameters', () => {
  test('keeps every field, drops only parameter values the protocol cannot carry, and passes the server schema', () => {
    const wire = wireRtpParameters({
      mid: '0',
      codecs: [
        {
          mimeType: 'video/VP8',
          payloadType: 96,
          clockRate: 90_000,
          parameters: { 'x-google-start-bitrate': 1000, odd: { nested: true } },
          rtcpFeedback: [{ type: 'nack' }],
        },
      ],
      headerExtensions: [{ uri: 'urn:ietf:params:rtp-hdrext:sdes:mid', id: 1, encrypt: false, parameters: {} }],
      encodings: [{ rid: 'r0', maxBitrate: 150_000 }],
      rtcp: { cname: 'abc', reducedSize: true },
    })
    expect(wire).toEqual({
      mid: '0',
      codecs: [{ mimeType: 'video/VP8', payloadType: 96, clockRate: 90_000, parameters: { 'x-google-start-bitrate': 1000 }, rtcpFeedback: [{ type: 'nack' }] }],
      headerExtensions: [{ uri: 'urn:ietf:params:rtp-hdrext:sdes:mid', id: 1, encrypt: false, parameters: {} }],
      encodings: [{ rid: 'r0', maxBitrate: 150_000 }],
      rtcp: { cname: 'abc', reducedSize: true },
    })
    expect(RtpParametersSchema.safeParse(wire).success).toBe(true)
  })
})
