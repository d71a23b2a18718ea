import { readFileSync } from 'node:fs'
import { getSupportedRtpCapabilities, type types } from 'mediasoup'
import * as sdpTransform from 'sdp-transform'
import { describe, expect, it } from 'vitest'
import { MEDIA_CODECS } from '../media/config'
import { translateOffer, writeAnswer, WhipSdpError } from './whip-sdp'

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')
const CHROMIUM = fixture('chromium-offer.sdp')
const OBS = fixture('obs-offer.sdp')

/** A router's capabilities as mediasoup builds them from media codecs (preferred payload types, RTX after each video codec). */
function routerCapabilities(withH264: boolean): types.RtpCapabilities {
  const supported = getSupportedRtpCapabilities()
  const pick = (mimeType: string): types.RtpCodecCapability => {
    const codec = supported.codecs?.find((candidate) => candidate.mimeType.toLowerCase() === mimeType.toLowerCase())
    if (!codec) throw new Error(`mediasoup does not support ${mimeType}`)
    return { ...codec, preferredPayloadType: codec.preferredPayloadType ?? 0 }
  }
  const opus = { ...pick('audio/opus'), preferredPayloadType: 100 }
  const vp8 = { ...pick('video/VP8'), preferredPayloadType: 101 }
  const codecs: types.RtpCodecCapability[] = [
    opus,
    vp8,
    { kind: 'video', mimeType: 'video/rtx', preferredPayloadType: 102, clockRate: 90_000, parameters: { apt: 101 }, rtcpFeedback: [] },
  ]
  if (withH264) {
    codecs.push(
      { ...pick('video/H264'), preferredPayloadType: 103, parameters: { 'packetization-mode': 1, 'profile-level-id': '42e01f', 'level-asymmetry-allowed': 1 } },
      { kind: 'video', mimeType: 'video/rtx', preferredPayloadType: 104, clockRate: 90_000, parameters: { apt: 103 }, rtcpFeedback: [] },
    )
  }
  return { codecs, headerExtensions: supported.headerExtensions ?? [] }
}

/** Capabilities of a router made from these media codecs, numbered the way mediasoup does (RTX after each video codec). */
function capabilitiesOf(mediaCodecs: types.RouterRtpCodecCapability[]): types.RtpCapabilities {
  let payloadType = 100
  const codecs: types.RtpCodecCapability[] = []
  const supported = getSupportedRtpCapabilities().codecs ?? []
  for (const codec of mediaCodecs) {
    const base = supported.find((candidate) => candidate.mimeType.toLowerCase() === codec.mimeType.toLowerCase())
    const primary = payloadType++
    codecs.push({
      ...codec,
      preferredPayloadType: primary,
      parameters: { ...(base?.parameters ?? {}), ...(codec.parameters ?? {}) },
      rtcpFeedback: base?.rtcpFeedback ?? [],
    })
    if (codec.kind === 'video')
      codecs.push({
        kind: 'video',
        mimeType: 'video/rtx',
        preferredPayloadType: payloadType++,
        clockRate: 90_000,
        parameters: { apt: primary },
        rtcpFeedback: [],
      })
  }
  return { codecs, headerExtensions: getSupportedRtpCapabilities().headerExtensions ?? [] }
}

const TRANSPORT = {
  iceParameters: { usernameFragment: 'srvufrag', password: 'srvpassword0123456789', iceLite: true },
  iceCandidates: [
    { foundation: 'udpcandidate', priority: 1076302079, ip: '127.0.0.1', address: '127.0.0.1', protocol: 'udp' as const, port: 40001, type: 'host' as const },
    {
      foundation: 'tcpcandidate',
      priority: 1076276479,
      ip: '127.0.0.1',
      address: '127.0.0.1',
      protocol: 'tcp' as const,
      port: 40002,
      type: 'host' as const,
      tcpType: 'passive' as const,
    },
  ],
  dtlsParameters: {
    role: 'auto' as const,
    fingerprints: [{ algorithm: 'sha-256' as const, value: 'AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99' }],
  },
}

describe('translateOffer: a Chromium offer (VP8 first, many codecs, RTX, transport-cc)', () => {
  const offer = translateOffer(CHROMIUM, routerCapabilities(false))

  it('chooses Opus and VP8 with their RTX, the offered payload types and SSRCs', () => {
    expect(offer.tracks.map((track) => [track.mid, track.kind])).toEqual([
      ['0', 'audio'],
      ['1', 'video'],
    ])
    const [audio, video] = offer.tracks
    expect(audio?.rtpParameters.codecs).toEqual([
      {
        mimeType: 'audio/opus',
        payloadType: 111,
        clockRate: 48000,
        channels: 2,
        parameters: { minptime: 10, useinbandfec: 1 },
        rtcpFeedback: [{ type: 'transport-cc', parameter: '' }],
      },
    ])
    expect(audio?.rtpParameters.encodings).toEqual([{ ssrc: 2381462381 }])
    expect(video?.rtpParameters.codecs.map((codec) => [codec.mimeType, codec.payloadType])).toEqual([
      ['video/VP8', 96],
      ['video/rtx', 97],
    ])
    expect(video?.rtpParameters.codecs[1]?.parameters).toEqual({ apt: 96 })
    expect(video?.rtpParameters.encodings).toEqual([{ ssrc: 1493051093, rtx: { ssrc: 3521874962 } }])
    expect(video?.rtpParameters.rtcp).toEqual({ cname: 'xYqBo1ZQm3bN0d9f', reducedSize: true })
    expect(video?.rtpParameters.codecs[0]?.rtcpFeedback).toEqual(
      expect.arrayContaining([
        { type: 'nack', parameter: '' },
        { type: 'nack', parameter: 'pli' },
        { type: 'ccm', parameter: 'fir' },
        { type: 'transport-cc', parameter: '' },
      ]),
    )
  })

  it('keeps only header extensions the router knows, with the encoder’s ids', () => {
    const uris = offer.tracks[1]?.rtpParameters.headerExtensions?.map((ext) => `${ext.id} ${ext.uri}`) ?? []
    expect(uris).toContain('4 urn:ietf:params:rtp-hdrext:sdes:mid')
    expect(uris).toContain('3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01')
    expect(uris.some((line) => line.includes('video-timing'))).toBe(false)
  })

  it('takes the DTLS client role from a=setup:actpass and answers passive', () => {
    expect(offer.dtlsParameters).toEqual({ role: 'client', fingerprints: [{ algorithm: 'sha-256', value: expect.stringMatching(/^5B:7C/) }] })
    expect(offer.localSetup).toBe('passive')
  })

  it('writes an ICE-lite recvonly answer with the chosen codecs, candidates and fingerprint', () => {
    const answer = writeAnswer(offer, TRANSPORT)
    const parsed = sdpTransform.parse(answer)
    expect(parsed.icelite).toBe('ice-lite')
    expect(parsed.groups).toEqual([{ type: 'BUNDLE', mids: '0 1' }])
    const [audio, video] = parsed.media
    expect(audio?.direction).toBe('recvonly')
    expect(audio?.rtp.map((rtp) => rtp.codec)).toEqual(['opus'])
    expect(video?.payloads).toBe('96 97')
    expect(video?.fmtp).toEqual([{ payload: 97, config: 'apt=96' }])
    expect(video?.setup).toBe('passive')
    expect(video?.iceUfrag).toBe('srvufrag')
    expect(video?.fingerprint?.hash).toBe(TRANSPORT.dtlsParameters.fingerprints[0]?.value)
    expect(video?.candidates?.map((candidate) => `${candidate.transport} ${candidate.port} ${candidate.tcptype ?? ''}`)).toEqual([
      'udp 40001 ',
      'tcp 40002 passive',
    ])
    expect(answer).toContain('a=rtcp-mux')
  })
})

describe('translateOffer: an OBS (libdatachannel) offer, H.264 + Opus, session-level ICE and DTLS', () => {
  it('is accepted when the router has H.264 (constrained baseline, packetization mode 1)', () => {
    const offer = translateOffer(OBS, routerCapabilities(true))
    const video = offer.tracks.find((track) => track.kind === 'video')
    expect(video?.rtpParameters.codecs).toEqual([
      {
        mimeType: 'video/H264',
        payloadType: 96,
        clockRate: 90000,
        parameters: { 'profile-level-id': '42e01f', 'packetization-mode': 1, 'level-asymmetry-allowed': 1 },
        rtcpFeedback: [
          { type: 'nack', parameter: '' },
          { type: 'nack', parameter: 'pli' },
          { type: 'goog-remb', parameter: '' },
        ],
      },
    ])
    expect(video?.rtpParameters.encodings).toEqual([{ ssrc: 2837465910 }])
    expect(offer.tracks.find((track) => track.kind === 'audio')?.rtpParameters.codecs[0]?.parameters).toMatchObject({ stereo: 1, useinbandfec: 1 })
    expect(offer.iceUfrag).toBe('tE9Q')
    expect(offer.dtlsParameters.role).toBe('client')
  })

  it('is accepted by the router codecs of server/media/config.ts (VP8 first, then H.264 42e01f and 4d001f)', () => {
    const offer = translateOffer(OBS, capabilitiesOf(MEDIA_CODECS))
    const video = offer.tracks.find((track) => track.kind === 'video')
    expect(video?.rtpParameters.codecs.map((codec) => [codec.mimeType, codec.payloadType, codec.parameters?.['profile-level-id']])).toEqual([
      ['video/H264', 96, '42e01f'],
    ])
    const answer = sdpTransform.parse(writeAnswer(offer, TRANSPORT))
    expect(answer.media[1]?.rtp).toEqual([{ payload: 96, codec: 'H264', rate: 90000 }])
    expect(answer.media[1]?.fmtp).toEqual([{ payload: 96, config: 'profile-level-id=42e01f;packetization-mode=1;level-asymmetry-allowed=1' }])
    // Main (hardware encoders) too, at any level.
    // (An all-digit id such as 4d0032 stays text, not the number sdp-transform would read.)
    const main = translateOffer(OBS.replace('profile-level-id=42e01f', 'profile-level-id=4d0032'), capabilitiesOf(MEDIA_CODECS))
    expect(main.tracks.find((track) => track.kind === 'video')?.rtpParameters.codecs[0]?.parameters?.['profile-level-id']).toBe('4d0032')
    const digits = translateOffer(OBS.replace('profile-level-id=42e01f', 'profile-level-id=424032'), capabilitiesOf(MEDIA_CODECS))
    expect(digits.tracks.find((track) => track.kind === 'video')?.rtpParameters.codecs[0]?.parameters?.['profile-level-id']).toBe('424032')
  })

  it('is refused with the accepted codecs named when the router has no H.264', () => {
    const attempt = () => translateOffer(OBS, routerCapabilities(false))
    expect(attempt).toThrow(WhipSdpError)
    expect(attempt).toThrow('No supported video codec offered (offered: H264). Accepted codecs: audio opus, video VP8.')
    try {
      attempt()
    } catch (error) {
      expect((error as WhipSdpError).code).toBe('unsupported-codec')
    }
  })

  it('refuses High profiles (viewers’ browsers do not decode them) and packetization mode 0, saying what to change', () => {
    const caps = capabilitiesOf(MEDIA_CODECS)
    for (const [id, name] of [
      ['640c1f', 'Constrained High 640c1f'],
      ['64001f', 'High 64001f'],
      ['640032', 'High 640032'],
    ] as const) {
      const high = OBS.replace('profile-level-id=42e01f', `profile-level-id=${id}`)
      expect(() => translateOffer(high, caps)).toThrow(
        `The encoder offered H.264 ${name}, packetization-mode 1, which the showcase does not take (viewers' browsers decode no High profile over WebRTC). Set the encoder's H.264 profile to baseline or main (packetization mode 1). Accepted codecs: audio opus, video VP8, video H264 (Constrained Baseline 42e01f, Main 4d001f; packetization-mode 1).`,
      )
    }
    expect(() => translateOffer(OBS.replace('packetization-mode=1', 'packetization-mode=0'), caps)).toThrow(/Constrained Baseline 42e01f, packetization-mode 0/)
  })
})

describe('translateOffer: what is not a usable offer', () => {
  const caps = routerCapabilities(false)
  const invalid = (sdp: string) => {
    try {
      translateOffer(sdp, caps)
    } catch (error) {
      return error instanceof WhipSdpError ? `${error.code}: ${error.message}` : String(error)
    }
    return 'accepted'
  }

  it('refuses text that is not SDP, and SDP with no media', () => {
    expect(invalid('hello world')).toMatch(/^invalid-sdp/)
    expect(invalid('v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n')).toBe('invalid-sdp: The SDP offer has no media sections.')
  })

  it('refuses an offer without ICE credentials or fingerprint', () => {
    expect(invalid(CHROMIUM.replace(/a=ice-pwd:.*\r\n/g, ''))).toBe('invalid-sdp: The SDP offer has no ICE credentials.')
    expect(invalid(CHROMIUM.replace(/a=fingerprint:.*\r\n/g, ''))).toBe('invalid-sdp: The SDP offer has no DTLS fingerprint.')
  })

  it('refuses an offer that only receives, or sends two videos', () => {
    expect(invalid(CHROMIUM.replace(/a=sendonly/g, 'a=recvonly'))).toBe('invalid-sdp: The SDP offer sends no audio or video.')
    const video = CHROMIUM.slice(CHROMIUM.indexOf('m=video'))
    expect(invalid(CHROMIUM + video.replace('a=mid:1', 'a=mid:2'))).toBe('invalid-sdp: A showcase takes one video and one audio track.')
  })

  it('takes a=setup:passive as "we connect" (DTLS server on the encoder side)', () => {
    const offer = translateOffer(CHROMIUM.replace(/a=setup:actpass/g, 'a=setup:passive'), caps)
    expect(offer.dtlsParameters.role).toBe('server')
    expect(offer.localSetup).toBe('active')
  })
})
