import { isSameProfile, parseSdpProfileLevelId, Profile } from 'h264-profile-level-id'
import type { types } from 'mediasoup'
import * as sdpTransform from 'sdp-transform'

// WHIP (RFC 9725) SDP ⇄ mediasoup: an encoder's offer becomes one produce() per m-line on a
// WebRtcTransport (ICE-lite, DTLS role from the offer's a=setup); the answer describes that transport
// (ICE parameters and candidates, DTLS fingerprint) and the codecs chosen. Parsing and writing go
// through sdp-transform; nothing here touches a transport, so it is tested on plain data.

export class WhipSdpError extends Error {
  constructor(
    /** 'invalid-sdp' → 400, 'unsupported-codec' → 422. */
    readonly code: 'invalid-sdp' | 'unsupported-codec',
    message: string,
  ) {
    super(message)
    this.name = 'WhipSdpError'
  }
}

/** One m-line of the offer, translated: what produce() gets, and what its answer m-line says. */
export type OfferedTrack = {
  mid: string
  kind: types.MediaKind
  rtpParameters: types.RtpParameters
  /** Index of the m-line in the offer (the answer keeps the order). */
  index: number
}

export type TranslatedOffer = {
  tracks: OfferedTrack[]
  /** The remote's DTLS parameters, with the role mediasoup's side must take (the opposite of ours). */
  dtlsParameters: types.DtlsParameters
  /** Our a=setup in the answer. */
  localSetup: 'active' | 'passive'
  iceUfrag: string
  icePwd: string
  parsed: sdpTransform.SessionDescription
}

const PROFILE_NAMES: Record<Profile, string> = {
  [Profile.ConstrainedBaseline]: 'Constrained Baseline',
  [Profile.Baseline]: 'Baseline',
  [Profile.Main]: 'Main',
  [Profile.ConstrainedHigh]: 'Constrained High',
  [Profile.High]: 'High',
  [Profile.PredictiveHigh444]: 'High 4:4:4 Predictive',
}

/** "Main 4d001f": an H.264 profile-level-id as people read it (RFC 6184 default 42000a when absent). */
function h264Profile(parameters: Record<string, unknown> | undefined): string {
  const value = parameters?.['profile-level-id']
  const id = typeof value === 'string' || typeof value === 'number' ? String(value) : '42000a'
  const parsed = parseSdpProfileLevelId(parameters ?? {})
  if (parsed) return `${PROFILE_NAMES[parsed.profile]} ${id}`
  // The library knows levels up to 5.2 and the WebRTC profiles only: name the others by profile_idc.
  const profileIdc = Number.parseInt(id.slice(0, 2), 16)
  const name = PROFILE_IDC_NAMES[profileIdc]
  return name ? `${name} ${id}` : `unknown profile ${id}`
}

const PROFILE_IDC_NAMES: Record<number, string> = {
  0x42: 'Baseline',
  0x4d: 'Main',
  0x58: 'Extended',
  0x64: 'High',
  0x6e: 'High 10',
  0x7a: 'High 4:2:2',
  0xf4: 'High 4:4:4',
}

/** "audio opus, video VP8, video H264 (Constrained Baseline 42e01f, Main 4d001f; packetization-mode 1)": what the router accepts, for the refusal message. */
export function acceptedCodecs(capabilities: types.RtpCapabilities): string {
  const names: string[] = []
  const h264: string[] = []
  for (const codec of capabilities.codecs ?? []) {
    const name = codec.mimeType.split('/')[1] ?? codec.mimeType
    if (name.toLowerCase() === 'rtx') continue
    if (name.toLowerCase() === 'h264') {
      if (h264.length === 0) names.push(`${codec.kind} ${name}`)
      h264.push(h264Profile(codec.parameters))
      continue
    }
    names.push(`${codec.kind} ${name}`)
  }
  return names.map((name) => (name.toLowerCase().endsWith('h264') ? `${name} (${h264.join(', ')}; packetization-mode 1)` : name)).join(', ')
}

function parseFmtp(config: string | undefined): Record<string, string | number> {
  if (!config) return {}
  const parameters = sdpTransform.parseParams(config) as Record<string, string | number>
  // sdp-transform reads an all-digit value as a number; a profile-level-id is hex text (640032, 420028).
  const profileLevelId = parameters['profile-level-id']
  if (typeof profileLevelId === 'number') parameters['profile-level-id'] = String(profileLevelId)
  return parameters
}

function codecMatches(offered: types.RtpCodecParameters, cap: types.RtpCodecCapability): boolean {
  if (offered.mimeType.toLowerCase() !== cap.mimeType.toLowerCase()) return false
  if (offered.clockRate !== cap.clockRate) return false
  if (cap.kind === 'audio' && (offered.channels ?? 1) !== (cap.channels ?? 1)) return false
  if (offered.mimeType.toLowerCase() === 'video/h264') {
    const a = offered.parameters ?? {}
    const b = cap.parameters ?? {}
    if (Number(a['packetization-mode'] ?? 0) !== Number(b['packetization-mode'] ?? 0)) return false
    if (!isSameProfile(a, b)) return false
  }
  return true
}

function midOf(media: sdpTransform.MediaDescription): string | undefined {
  const mid: unknown = media.mid
  return typeof mid === 'string' || typeof mid === 'number' ? `${mid}` || undefined : undefined
}

function ssrcsOf(media: sdpTransform.MediaDescription): { ssrc?: number; rtxSsrc?: number; cname?: string } {
  const ssrcLines = media.ssrcs ?? []
  const first = ssrcLines[0]?.id
  const fid = (media.ssrcGroups ?? []).find((group) => group.semantics === 'FID')
  const [primary, rtx] = fid ? fid.ssrcs.split(' ').map(Number) : [first, undefined]
  const cname = ssrcLines.find((line) => line.attribute === 'cname')?.value
  return {
    ...(primary !== undefined && Number.isFinite(primary) ? { ssrc: primary } : {}),
    ...(rtx !== undefined && Number.isFinite(rtx) ? { rtxSsrc: rtx } : {}),
    ...(cname ? { cname } : {}),
  }
}

/**
 * Reads a WHIP offer against the router's capabilities. Throws WhipSdpError('invalid-sdp') for what is
 * not a usable WebRTC offer, and ('unsupported-codec') when an audio or video m-line offers no codec
 * the router takes (the message names the accepted ones).
 */
export function translateOffer(offerSdp: string, capabilities: types.RtpCapabilities): TranslatedOffer {
  let parsed: sdpTransform.SessionDescription
  try {
    parsed = sdpTransform.parse(offerSdp)
  } catch {
    throw new WhipSdpError('invalid-sdp', 'The body is not an SDP offer.')
  }
  // sdp-transform parses anything; a real offer has a version line and media sections.
  if (!Array.isArray(parsed.media) || parsed.media.length === 0 || parsed.version !== 0) {
    throw new WhipSdpError('invalid-sdp', 'The SDP offer has no media sections.')
  }
  const routerCodecs = capabilities.codecs ?? []
  const routerExtensions = capabilities.headerExtensions ?? []
  const tracks: OfferedTrack[] = []
  let iceUfrag = parsed.iceUfrag
  let icePwd = parsed.icePwd
  let fingerprint = parsed.fingerprint
  let setup = parsed.setup

  parsed.media.forEach((media, index) => {
    iceUfrag ??= media.iceUfrag
    icePwd ??= media.icePwd
    fingerprint ??= media.fingerprint
    setup ??= media.setup
    if (media.type !== 'audio' && media.type !== 'video') return
    if (media.port === 0 || media.direction === 'recvonly' || media.direction === 'inactive') return
    const kind = media.type
    // sdp-transform reads a numeric mid as a number, whatever its types say.
    const mid = midOf(media)
    if (mid === undefined) throw new WhipSdpError('invalid-sdp', `The ${kind} section has no a=mid.`)
    if (!media.protocol.includes('SAVPF')) throw new WhipSdpError('invalid-sdp', `The ${kind} section is not UDP/TLS/RTP/SAVPF.`)

    const fmtpOf = (payload: number) => parseFmtp(media.fmtp.find((line) => line.payload === payload)?.config)
    // The encoder's order is its preference: the first offered codec the router takes.
    let chosen: { codec: types.RtpCodecParameters; cap: types.RtpCodecCapability } | null = null
    for (const rtp of media.rtp) {
      const name = rtp.codec.toLowerCase()
      if (name === 'rtx' || name === 'red' || name === 'ulpfec' || name === 'flexfec-03') continue
      const codec: types.RtpCodecParameters = {
        mimeType: `${kind}/${rtp.codec}`,
        payloadType: rtp.payload,
        clockRate: rtp.rate ?? 90_000,
        ...(kind === 'audio' ? { channels: rtp.encoding ?? 1 } : {}),
        parameters: fmtpOf(rtp.payload),
        rtcpFeedback: [],
      }
      const cap = routerCodecs.find((candidate) => candidate.kind === kind && codecMatches(codec, candidate))
      if (cap) {
        chosen = { codec, cap }
        break
      }
    }
    if (!chosen) {
      const offered = media.rtp.map((rtp) => rtp.codec).join(', ') || 'none'
      const h264Offered = media.rtp.filter((rtp) => rtp.codec.toLowerCase() === 'h264').map((rtp) => fmtpOf(rtp.payload))
      const routerH264 = routerCodecs.some((cap) => cap.mimeType.toLowerCase() === 'video/h264')
      if (h264Offered.length > 0 && routerH264) {
        // The usual case: an encoder set to the High profile. Viewers' browsers do not decode it over WebRTC.
        const described = h264Offered
          .map((parameters) => `${h264Profile(parameters)}, packetization-mode ${Number(parameters['packetization-mode'] ?? 0)}`)
          .join('; ')
        throw new WhipSdpError(
          'unsupported-codec',
          `The encoder offered H.264 ${described}, which the showcase does not take (viewers' browsers decode no High profile over WebRTC). Set the encoder's H.264 profile to baseline or main (packetization mode 1). Accepted codecs: ${acceptedCodecs(capabilities)}.`,
        )
      }
      throw new WhipSdpError('unsupported-codec', `No supported ${kind} codec offered (offered: ${offered}). Accepted codecs: ${acceptedCodecs(capabilities)}.`)
    }
    const { codec, cap } = chosen
    // Feedback the encoder offered for this payload that the router also does for the codec.
    const feedback = (media.rtcpFb ?? []).filter((fb) => String(fb.payload) === String(codec.payloadType) || fb.payload === '*')
    codec.rtcpFeedback = feedback
      .map((fb) => ({ type: fb.type, parameter: fb.subtype ?? '' }))
      .filter((fb) => (cap.rtcpFeedback ?? []).some((supported) => supported.type === fb.type && (supported.parameter ?? '') === fb.parameter))
    const codecs: types.RtpCodecParameters[] = [codec]
    const rtx = media.rtp.find((rtp) => rtp.codec.toLowerCase() === 'rtx' && Number(fmtpOf(rtp.payload).apt) === codec.payloadType)
    const hasRtxCap = routerCodecs.some((candidate) => candidate.kind === kind && candidate.mimeType.toLowerCase() === `${kind}/rtx`)
    if (rtx && hasRtxCap) {
      codecs.push({
        mimeType: `${kind}/rtx`,
        payloadType: rtx.payload,
        clockRate: rtx.rate ?? codec.clockRate,
        parameters: { apt: codec.payloadType },
        rtcpFeedback: [],
      })
    }
    const headerExtensions: types.RtpHeaderExtensionParameters[] = (media.ext ?? [])
      .filter((ext) => ext.direction !== 'recvonly' && ext.direction !== 'inactive')
      .filter((ext) => routerExtensions.some((candidate) => candidate.kind === kind && candidate.uri === ext.uri && candidate.direction !== 'sendonly'))
      .map((ext) => ({ uri: ext.uri as types.RtpHeaderExtensionUri, id: ext.value, encrypt: false, parameters: {} }))

    const { ssrc, rtxSsrc, cname } = ssrcsOf(media)
    const sendRids = (media.rids ?? []).filter((rid) => rid.direction === 'send').map((rid) => String(rid.id))
    let encodings: types.RtpEncodingParameters[]
    if (media.simulcast && sendRids.length > 1) {
      // a=simulcast:send a;b;c (alternatives after ',' and paused '~' ones are not used): one encoding per rid.
      const order = media.simulcast.list1
        .split(';')
        .map((alternatives) => alternatives.split(',')[0]?.replace(/^~/, '') ?? '')
        .filter((rid) => sendRids.includes(rid))
      encodings = (order.length > 0 ? order : sendRids).map((rid) => ({ rid }))
    } else if (ssrc !== undefined) {
      encodings = [{ ssrc, ...(rtxSsrc !== undefined && codecs.length > 1 ? { rtx: { ssrc: rtxSsrc } } : {}) }]
    } else if (sendRids.length === 1) {
      encodings = [{ rid: sendRids[0] }]
    } else {
      // No SSRC announced: mediasoup tells the stream apart by its MID header extension.
      if (!headerExtensions.some((ext) => ext.uri === 'urn:ietf:params:rtp-hdrext:sdes:mid')) {
        throw new WhipSdpError('invalid-sdp', `The ${kind} section announces neither an SSRC nor the MID header extension.`)
      }
      encodings = [{}]
    }
    tracks.push({
      mid,
      kind,
      index,
      rtpParameters: {
        mid,
        codecs,
        headerExtensions,
        encodings,
        rtcp: { ...(cname ? { cname } : {}), reducedSize: media.rtcpRsize === 'rtcp-rsize' },
      },
    })
  })

  if (tracks.length === 0) throw new WhipSdpError('invalid-sdp', 'The SDP offer sends no audio or video.')
  if (tracks.filter((track) => track.kind === 'video').length > 1 || tracks.filter((track) => track.kind === 'audio').length > 1) {
    throw new WhipSdpError('invalid-sdp', 'A showcase takes one video and one audio track.')
  }
  if (!iceUfrag || !icePwd) throw new WhipSdpError('invalid-sdp', 'The SDP offer has no ICE credentials.')
  if (!fingerprint) throw new WhipSdpError('invalid-sdp', 'The SDP offer has no DTLS fingerprint.')
  const algorithm = fingerprint.type.toLowerCase()
  if (!['sha-1', 'sha-224', 'sha-256', 'sha-384', 'sha-512'].includes(algorithm)) {
    throw new WhipSdpError('invalid-sdp', 'The DTLS fingerprint algorithm is not supported.')
  }
  // Offer setup actpass/active → the encoder is the DTLS client and we answer passive; passive → we connect.
  const remoteRole: types.DtlsRole = setup === 'passive' ? 'server' : 'client'
  return {
    tracks,
    dtlsParameters: { role: remoteRole, fingerprints: [{ algorithm: algorithm as types.FingerprintAlgorithm, value: fingerprint.hash }] },
    localSetup: remoteRole === 'server' ? 'active' : 'passive',
    iceUfrag,
    icePwd,
    parsed,
  }
}

export type AnswerTransport = {
  iceParameters: types.IceParameters
  iceCandidates: types.IceCandidate[]
  dtlsParameters: types.DtlsParameters
}

/** The SDP answer: ICE-lite, our candidates and fingerprint, per accepted m-line the chosen codec (and RTX), recvonly. */
export function writeAnswer(offer: TranslatedOffer, transport: AnswerTransport, sessionVersion = 1): string {
  const accepted = new Map(offer.tracks.map((track) => [track.index, track]))
  const fingerprint = transport.dtlsParameters.fingerprints.find((candidate) => candidate.algorithm === 'sha-256') ?? transport.dtlsParameters.fingerprints[0]
  if (!fingerprint) throw new Error('the transport has no DTLS fingerprint')
  const bundle = offer.tracks.map((track) => track.mid)
  const media: sdpTransform.MediaDescription[] = offer.parsed.media.map((offered, index) => {
    const track = accepted.get(index)
    if (!track) {
      // Rejected: port 0, same kind and protocol, one format (RFC 8843 keeps it out of the bundle).
      const payloads = offered.payloads?.split(' ')[0] ?? '0'
      return {
        type: offered.type,
        port: 0,
        protocol: offered.protocol,
        payloads,
        ...(midOf(offered) !== undefined ? { mid: midOf(offered) } : {}),
        direction: 'inactive',
        rtp: [],
        fmtp: [],
      }
    }
    const { rtpParameters } = track
    const rtp = rtpParameters.codecs.map((codec) => ({
      payload: codec.payloadType,
      codec: codec.mimeType.split('/')[1] ?? codec.mimeType,
      rate: codec.clockRate,
      ...(codec.channels && codec.channels > 1 ? { encoding: codec.channels } : {}),
    }))
    const fmtp = rtpParameters.codecs
      .filter((codec) => Object.keys(codec.parameters ?? {}).length > 0)
      .map((codec) => ({
        payload: codec.payloadType,
        config: Object.entries(codec.parameters ?? {})
          .map(([key, value]) => `${key}=${String(value)}`)
          .join(';'),
      }))
    const rtcpFb = rtpParameters.codecs.flatMap((codec) =>
      (codec.rtcpFeedback ?? []).map((fb) => ({ payload: codec.payloadType, type: fb.type, ...(fb.parameter ? { subtype: fb.parameter } : {}) })),
    )
    const rids = rtpParameters.encodings?.filter((encoding) => encoding.rid).map((encoding) => encoding.rid as string) ?? []
    return {
      type: track.kind,
      port: 9,
      protocol: offered.protocol,
      payloads: rtp.map((line) => line.payload).join(' '),
      connection: { version: 4, ip: '0.0.0.0' },
      mid: track.mid,
      direction: 'recvonly',
      iceUfrag: transport.iceParameters.usernameFragment,
      icePwd: transport.iceParameters.password,
      fingerprint: { type: fingerprint.algorithm, hash: fingerprint.value },
      setup: offer.localSetup,
      rtcpMux: 'rtcp-mux',
      ...(rtpParameters.rtcp?.reducedSize ? { rtcpRsize: 'rtcp-rsize' as const } : {}),
      rtp,
      fmtp,
      rtcpFb,
      ext: (rtpParameters.headerExtensions ?? []).map((ext) => ({ value: ext.id, uri: ext.uri })),
      candidates: transport.iceCandidates.map((candidate, position) => ({
        foundation: candidate.foundation,
        component: 1,
        transport: candidate.protocol,
        priority: candidate.priority,
        ip: candidate.address,
        port: candidate.port,
        type: candidate.type,
        ...(candidate.tcpType ? { tcptype: candidate.tcpType } : {}),
        generation: 0,
        'network-id': position + 1,
      })),
      endOfCandidates: 'end-of-candidates',
      ...(rids.length > 1 ? { rids: rids.map((id) => ({ id, direction: 'recv' })), simulcast: { dir1: 'recv' as const, list1: rids.join(';') } } : {}),
    }
  })
  const answer: sdpTransform.SessionDescription = {
    version: 0,
    origin: { username: 'tradecast', sessionId: String(Date.now()), sessionVersion, netType: 'IN', ipVer: 4, address: '127.0.0.1' },
    name: '-',
    timing: { start: 0, stop: 0 },
    icelite: 'ice-lite',
    groups: bundle.length > 0 ? [{ type: 'BUNDLE', mids: bundle.join(' ') }] : [],
    msidSemantic: { semantic: 'WMS', token: '*' },
    media,
  }
  return sdpTransform.write(answer)
}
