import { describe, expect, it } from 'vitest'
import {
  ConnectTransportRequestSchema,
  ConsumeRequestSchema,
  JoinRequestSchema,
  MEDIA_REQUEST_SCHEMAS,
  PreferredLayersRequestSchema,
  ProduceRequestSchema,
  ReadyRequestSchema,
} from './media'

const rtpParameters = {
  mid: '0',
  codecs: [{ mimeType: 'video/VP8', payloadType: 96, clockRate: 90000, rtcpFeedback: [{ type: 'nack' }] }],
  headerExtensions: [{ uri: 'urn:ietf:params:rtp-hdrext:sdes:mid', id: 1 }],
  encodings: [{ rid: 'r0', scaleResolutionDownBy: 4, maxBitrate: 150000 }, { rid: 'r1' }, { rid: 'r2' }],
  rtcp: { cname: 'abc', reducedSize: true },
}

describe('media protocol schemas', () => {
  it('accepts well-formed requests', () => {
    expect(JoinRequestSchema.safeParse({ sessionId: 'cm3abc_12', role: 'viewer' }).success).toBe(true)
    expect(ProduceRequestSchema.safeParse({ transportId: 't-1', kind: 'video', rtpParameters, source: 'camera' }).success).toBe(true)
    expect(
      ConnectTransportRequestSchema.safeParse({
        transportId: 't-1',
        dtlsParameters: { role: 'client', fingerprints: [{ algorithm: 'sha-256', value: 'AB:CD:EF:01:23:45:67:89' }] },
      }).success,
    ).toBe(true)
    expect(
      ReadyRequestSchema.safeParse({
        rtpCapabilities: { codecs: [{ kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 }], headerExtensions: [] },
      }).success,
    ).toBe(true)
    expect(PreferredLayersRequestSchema.safeParse({ consumerId: 'c1', quality: 'low' }).success).toBe(true)
  })

  it.each([
    ['a missing payload', JoinRequestSchema, undefined],
    ['a role the client invents', JoinRequestSchema, { sessionId: 's1', role: 'admin' }],
    ['extra keys (identity smuggling)', JoinRequestSchema, { sessionId: 's1', role: 'viewer', userId: 'someone-else' }],
    ['a path-like id', JoinRequestSchema, { sessionId: '../../etc/passwd', role: 'viewer' }],
    ['an oversized id', ConsumeRequestSchema, { transportId: 'x'.repeat(65), producerId: 'p' }],
    ['a prototype-pollution key', ConsumeRequestSchema, JSON.parse('{"transportId":"t","producerId":"p","__proto__":{"admin":true}}')],
    ['audio claiming to be the screen', ProduceRequestSchema, { transportId: 't', kind: 'audio', rtpParameters, source: 'screen' }],
    ['no codecs', ProduceRequestSchema, { transportId: 't', kind: 'video', rtpParameters: { ...rtpParameters, codecs: [] }, source: 'camera' }],
    [
      'a huge codec list',
      ProduceRequestSchema,
      { transportId: 't', kind: 'video', rtpParameters: { ...rtpParameters, codecs: Array(100).fill(rtpParameters.codecs[0]) }, source: 'camera' },
    ],
    [
      'too many encodings',
      ProduceRequestSchema,
      { transportId: 't', kind: 'video', rtpParameters: { ...rtpParameters, encodings: Array(9).fill({}) }, source: 'camera' },
    ],
    [
      'a payload type out of range',
      ProduceRequestSchema,
      { transportId: 't', kind: 'video', rtpParameters: { ...rtpParameters, codecs: [{ ...rtpParameters.codecs[0], payloadType: 1000 }] }, source: 'camera' },
    ],
    [
      'a bogus mime type',
      ProduceRequestSchema,
      {
        transportId: 't',
        kind: 'video',
        rtpParameters: { ...rtpParameters, codecs: [{ ...rtpParameters.codecs[0], mimeType: '<script>' }] },
        source: 'camera',
      },
    ],
    [
      'a non-hex fingerprint',
      ConnectTransportRequestSchema,
      { transportId: 't', dtlsParameters: { fingerprints: [{ algorithm: 'sha-256', value: 'not hex; DROP TABLE' }] } },
    ],
    [
      'an unknown hash',
      ConnectTransportRequestSchema,
      { transportId: 't', dtlsParameters: { fingerprints: [{ algorithm: 'md5', value: 'AB:CD:EF:01:23:45' }] } },
    ],
    ['no fingerprints', ConnectTransportRequestSchema, { transportId: 't', dtlsParameters: { fingerprints: [] } }],
    ['a string instead of an object', ReadyRequestSchema, 'rtpCapabilities'],
    ['an unknown quality', PreferredLayersRequestSchema, { consumerId: 'c', quality: 'ultra' }],
    ['numbers as ids', ConsumeRequestSchema, { transportId: 1, producerId: 2 }],
  ])('rejects %s', (_label, schema, payload) => {
    expect(schema.safeParse(payload).success).toBe(false)
  })

  it('has a schema for every request, and empty requests take no extra keys', () => {
    for (const schema of Object.values(MEDIA_REQUEST_SCHEMAS)) expect(schema).toBeDefined()
    expect(MEDIA_REQUEST_SCHEMAS['media:end'].safeParse({}).success).toBe(true)
    expect(MEDIA_REQUEST_SCHEMAS['media:end'].safeParse({ sessionId: 'other' }).success).toBe(false)
  })
})
