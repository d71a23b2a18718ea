import * as sdpTransform from 'sdp-transform'
import type { ConsumerParameters, MediaResponses, TransportInfo } from '../../app/protocol/media.ts'

type RouterCapabilities = MediaResponses['media:join']['routerRtpCapabilities']
type DtlsParameters = TransportInfo['dtlsParameters']

/**
 * What a generator viewer says it can receive (media:ready): the router's Opus and VP8 with their RTX,
 * NACK, PLI and FIR, and the MID header extension. No transport-cc and no REMB: the viewer sends no
 * bandwidth-estimation feedback, so mediasoup forwards the preferred (top) layer without estimating.
 */
export function viewerRtpCapabilities(router: RouterCapabilities): RouterCapabilities {
  const wanted = new Set(['audio/opus', 'video/vp8'])
  const codecs = (router.codecs ?? []).filter((codec) => wanted.has(codec.mimeType.toLowerCase()))
  const payloadTypes = new Set(codecs.map((codec) => codec.preferredPayloadType))
  const rtx = (router.codecs ?? []).filter((codec) => codec.mimeType.toLowerCase().endsWith('/rtx') && payloadTypes.has(Number(codec.parameters?.apt)))
  return {
    codecs: [...codecs, ...rtx].map((codec) => ({
      ...codec,
      rtcpFeedback: (codec.rtcpFeedback ?? []).filter((feedback) => feedback.type === 'nack' || feedback.type === 'ccm'),
    })),
    headerExtensions: (router.headerExtensions ?? []).filter((extension) => extension.uri === 'urn:ietf:params:rtp-hdrext:sdes:mid'),
  }
}

/**
 * The SDP offer of mediasoup's side of a receive transport (ICE-lite, the consumers as send-only m-lines
 * bundled on one transport), as mediasoup-client builds it from the same parameters.
 */
export function receiveOffer(transport: TransportInfo, consumers: readonly ConsumerParameters[]): string {
  const fingerprint = transport.dtlsParameters.fingerprints.find((candidate) => candidate.algorithm === 'sha-256') ?? transport.dtlsParameters.fingerprints[0]
  if (!fingerprint) throw new Error('the transport has no DTLS fingerprint')
  const candidates = transport.iceCandidates
    .filter((candidate) => candidate.protocol === 'udp')
    .map((candidate, index) => ({
      foundation: candidate.foundation || String(index),
      component: 1,
      transport: 'udp',
      priority: candidate.priority,
      ip: candidate.address,
      port: candidate.port,
      type: 'host',
    }))
  const media: sdpTransform.MediaDescription[] = consumers.map((consumer, index) => {
    const { codecs, encodings = [], headerExtensions = [], rtcp } = consumer.rtpParameters
    const encoding = encodings[0]
    if (encoding?.ssrc === undefined) throw new Error(`consumer ${consumer.id} has no SSRC`)
    const cname = rtcp?.cname ?? 'mediasoup'
    const ssrcs = [{ id: encoding.ssrc, attribute: 'cname', value: cname }]
    if (encoding.rtx) ssrcs.push({ id: encoding.rtx.ssrc, attribute: 'cname', value: cname })
    return {
      type: consumer.kind,
      port: 7,
      protocol: 'UDP/TLS/RTP/SAVPF',
      payloads: codecs.map((codec) => codec.payloadType).join(' '),
      connection: { version: 4, ip: '127.0.0.1' },
      mid: String(index),
      direction: 'sendonly',
      iceUfrag: transport.iceParameters.usernameFragment,
      icePwd: transport.iceParameters.password,
      candidates,
      endOfCandidates: 'end-of-candidates',
      setup: 'actpass',
      rtcpMux: 'rtcp-mux',
      rtcpRsize: 'rtcp-rsize',
      rtp: codecs.map((codec) => ({
        payload: codec.payloadType,
        codec: codec.mimeType.split('/')[1] ?? '',
        rate: codec.clockRate,
        ...(codec.channels && codec.channels > 1 ? { encoding: codec.channels } : {}),
      })),
      fmtp: codecs
        .filter((codec) => codec.parameters && Object.keys(codec.parameters).length > 0)
        .map((codec) => ({
          payload: codec.payloadType,
          config: Object.entries(codec.parameters ?? {})
            .map(([key, value]) => `${key}=${String(value)}`)
            .join(';'),
        })),
      rtcpFb: codecs.flatMap((codec) =>
        (codec.rtcpFeedback ?? []).map((feedback) => ({
          payload: codec.payloadType,
          type: feedback.type,
          ...(feedback.parameter ? { subtype: feedback.parameter } : {}),
        })),
      ),
      ext: headerExtensions.map((extension) => ({ value: extension.id, uri: extension.uri })),
      ssrcs,
      ...(encoding.rtx ? { ssrcGroups: [{ semantics: 'FID', ssrcs: `${encoding.ssrc} ${encoding.rtx.ssrc}` }] } : {}),
    }
  })
  return sdpTransform.write({
    version: 0,
    origin: { username: 'mediasoup', sessionId: Date.now(), sessionVersion: 1, netType: 'IN', ipVer: 4, address: '0.0.0.0' },
    name: '-',
    timing: { start: 0, stop: 0 },
    icelite: 'ice-lite',
    fingerprint: { type: fingerprint.algorithm, hash: fingerprint.value },
    groups: [{ type: 'BUNDLE', mids: media.map((section) => section.mid).join(' ') }],
    msidSemantic: { semantic: 'WMS', token: '*' },
    media,
  })
}

/** The DTLS parameters of the viewer's answer, for media:connect-transport (active answers are the DTLS client). */
export function answerDtlsParameters(answer: string): DtlsParameters {
  const parsed = sdpTransform.parse(answer)
  const section = parsed.media[0]
  const fingerprint = parsed.fingerprint ?? section?.fingerprint
  if (!fingerprint) throw new Error('the answer has no DTLS fingerprint')
  const setup = section?.setup ?? parsed.setup
  return {
    role: setup === 'passive' ? 'server' : 'client',
    fingerprints: [{ algorithm: fingerprint.type as DtlsParameters['fingerprints'][number]['algorithm'], value: fingerprint.hash }],
  }
}
