// Smoke test for the offline-built mediasoup-worker (no browser needed).
//
//   node_modules/.bin/tsx tools/mediasoup-worker/smoke-test.ts [path/to/mediasoup-worker]
//
// Binary: argv[2], else $MEDIASOUP_WORKER_BIN, else whatever build.sh prints
// (cached fast path, or a full build). Exits 0 when every check passes.
//
// Checks:
//  1. createWorker({ workerBin }) starts the binary; worker.getResourceUsage().
//  2. Router with VP8 + Opus; two WebRtcTransports on 127.0.0.1 (UDP+TCP)
//     expose ICE candidates and DTLS fingerprints. (A DTLS handshake needs a
//     real ICE/DTLS peer: that is what browser-e2e.ts does.)
//  3. For each SRTP crypto suite (exercises the libsrtp3-on-libsrtp2 shim):
//       DirectTransport producer --RTP--> router
//         --> consumer on PlainTransport B  (srtp_protect, UDP 127.0.0.1)
//         --> PlainTransport A (srtp_unprotect) --> producer A
//         --> consumer on the DirectTransport --> 'rtp' event in Node
//     for Opus and VP8 (keyframes), comparing payloads byte for byte; plus a
//     negative control where a one-bit-wrong key must let nothing through.
import * as mediasoup from 'mediasoup'
import type { types } from 'mediasoup'
import { resolveWorkerBin } from './worker-bin.ts'

const mediaCodecs: types.RouterRtpCodecCapability[] = [
  { kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 },
  { kind: 'video', mimeType: 'video/VP8', clockRate: 90000, parameters: {} },
]

const suites: types.SrtpCryptoSuite[] = ['AEAD_AES_256_GCM', 'AEAD_AES_128_GCM', 'AES_CM_128_HMAC_SHA1_80', 'AES_CM_128_HMAC_SHA1_32']

let failures = 0
let passes = 0
function check(name: string, ok: boolean, detail = ''): void {
  if (ok) passes++
  else failures++
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` (${detail})` : ''}`)
}

function rtpPacket(pt: number, seq: number, ts: number, ssrc: number, payload: Buffer): Buffer {
  const header = Buffer.alloc(12)
  header[0] = 0x80 // V=2, no padding/extension/CSRC
  header[1] = pt & 0x7f
  header.writeUInt16BE(seq & 0xffff, 2)
  header.writeUInt32BE(ts >>> 0, 4)
  header.writeUInt32BE(ssrc >>> 0, 8)
  return Buffer.concat([header, payload])
}

// Payload offset of a (possibly header-extended) RTP packet.
function rtpPayload(packet: Buffer): Buffer {
  const b0 = packet[0] ?? 0
  let offset = 12 + (b0 & 0x0f) * 4
  if (b0 & 0x10) {
    const words = packet.readUInt16BE(offset + 2)
    offset += 4 + words * 4
  }
  let end = packet.length
  if (b0 & 0x20) end -= packet[packet.length - 1] ?? 0
  return packet.subarray(offset, end)
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms))
}

async function srtpRoundTrip(router: types.Router, suite: types.SrtpCryptoSuite, kind: 'audio' | 'video', wrongKey = false): Promise<void> {
  const label = wrongKey ? `SRTP ${suite} ${kind} with a wrong key is rejected` : `SRTP ${suite} ${kind} roundtrip`
  const direct = await router.createDirectTransport()
  const listenInfo: types.TransportListenInfo = { protocol: 'udp', ip: '127.0.0.1' }
  const plainA = await router.createPlainTransport({
    listenInfo,
    rtcpMux: true,
    comedia: false,
    enableSrtp: true,
    srtpCryptoSuite: suite,
  })
  const plainB = await router.createPlainTransport({
    listenInfo,
    rtcpMux: true,
    comedia: false,
    enableSrtp: true,
    srtpCryptoSuite: suite,
  })
  try {
    if (!plainA.srtpParameters || !plainB.srtpParameters) throw new Error('no srtpParameters')
    // Each side decrypts with the peer's sending key.
    await plainB.connect({
      ip: '127.0.0.1',
      port: plainA.tuple.localPort,
      srtpParameters: plainA.srtpParameters,
    })
    // Negative control: A gets a key that differs from B's in one byte, so
    // srtp_unprotect must reject every packet (proves real decryption).
    const keyForA = Buffer.from(plainB.srtpParameters.keyBase64, 'base64')
    if (wrongKey) keyForA[0] = (keyForA[0] ?? 0) ^ 0x01
    await plainA.connect({
      ip: '127.0.0.1',
      port: plainB.tuple.localPort,
      srtpParameters: { cryptoSuite: suite, keyBase64: keyForA.toString('base64') },
    })

    const codec = router.rtpCapabilities.codecs?.find((c) => c.kind === kind)
    if (!codec) throw new Error(`router has no ${kind} codec`)
    const pt = codec.preferredPayloadType
    const srcSsrc = kind === 'audio' ? 11111111 : 22222222
    const source = await direct.produce({
      kind,
      rtpParameters: {
        codecs: [
          {
            mimeType: codec.mimeType,
            payloadType: pt,
            clockRate: codec.clockRate,
            ...(codec.channels ? { channels: codec.channels } : {}),
            parameters: codec.parameters ?? {},
          },
        ],
        encodings: [{ ssrc: srcSsrc }],
      },
    })
    const consumerB = await plainB.consume({
      producerId: source.id,
      rtpCapabilities: router.rtpCapabilities,
    })
    const producerA = await plainA.produce({ kind, rtpParameters: consumerB.rtpParameters })
    const sink = await direct.consume({
      producerId: producerA.id,
      rtpCapabilities: router.rtpCapabilities,
    })

    const sent: Buffer[] = []
    const received: Buffer[] = []
    sink.on('rtp', (packet) => received.push(Buffer.from(rtpPayload(packet))))

    const count = 50
    for (let i = 0; i < count; i++) {
      let payload: Buffer
      if (kind === 'audio') {
        payload = Buffer.alloc(80 + (i % 40))
        for (let j = 0; j < payload.length; j++) payload[j] = (i * 7 + j) & 0xff
      } else {
        // VP8 payload descriptor (S=1, partition 0) + key frame header
        // (frame tag bit 0 = 0, start code 9d 01 2a, 640x480) + filler.
        const head = Buffer.from([0x10, 0x50, 0x02, 0x00, 0x9d, 0x01, 0x2a, 0x80, 0x02, 0xe0, 0x01])
        const filler = Buffer.alloc(300 + i)
        for (let j = 0; j < filler.length; j++) filler[j] = (i * 13 + j) & 0xff
        payload = Buffer.concat([head, filler])
      }
      sent.push(payload)
      const ts = kind === 'audio' ? i * 960 : i * 3000
      source.send(rtpPacket(pt, 1000 + i, ts, srcSsrc, payload))
      await sleep(5)
    }
    for (let t = 0; t < (wrongKey ? 25 : 100) && received.length < count; t++) await sleep(20)

    const matches = received.filter((r) => sent.some((s) => s.equals(r))).length
    const statsA = await plainA.getStats()
    const recvBytes = statsA[0]?.bytesReceived ?? 0
    if (wrongKey) {
      check(label, received.length === 0 && recvBytes > 0, `${received.length} packets got through, transport A received ${recvBytes} bytes`)
      return
    }
    check(
      label,
      received.length >= count * 0.9 && matches === received.length,
      `${received.length}/${count} packets back, ${matches} payloads identical, ` + `transport A received ${recvBytes} encrypted bytes`,
    )
  } finally {
    direct.close()
    plainA.close()
    plainB.close()
  }
}

async function main(): Promise<void> {
  const workerBin = resolveWorkerBin()
  console.log(`workerBin: ${workerBin}`)
  const worker = await mediasoup.createWorker({
    workerBin,
    logLevel: 'warn',
    // The smoke test pins this worker API; move with it.
    /* eslint-disable @typescript-eslint/no-deprecated */
    rtcMinPort: 40000,
    rtcMaxPort: 49999,
    /* eslint-enable @typescript-eslint/no-deprecated */
  })
  let died = false
  worker.on('died', (error) => {
    died = true
    console.error(`worker died: ${String(error)}`)
  })
  check('createWorker', worker.pid > 0, `pid ${worker.pid}, mediasoup ${mediasoup.version}`)
  const usage = await worker.getResourceUsage()
  check('worker.getResourceUsage', usage.ru_maxrss > 0, `maxrss ${usage.ru_maxrss} KiB`)

  const router = await worker.createRouter({ mediaCodecs })
  const mimes = (router.rtpCapabilities.codecs ?? []).map((c) => c.mimeType)
  check('router VP8 + Opus', mimes.includes('video/VP8') && mimes.includes('audio/opus'), mimes.join(' '))

  const webrtc: types.WebRtcTransport[] = []
  for (let i = 0; i < 2; i++) {
    const t = await router.createWebRtcTransport({
      listenInfos: [
        { protocol: 'udp', ip: '127.0.0.1' },
        { protocol: 'tcp', ip: '127.0.0.1' },
      ],
      enableUdp: true,
      enableTcp: true,
      preferUdp: true,
    })
    webrtc.push(t)
    check(
      `WebRtcTransport #${i + 1}`,
      t.iceCandidates.length === 2 && t.iceCandidates.every((c) => c.address === '127.0.0.1' && c.port > 0) && t.dtlsParameters.fingerprints.length > 0,
      t.iceCandidates.map((c) => `${c.protocol}:${c.port}`).join(', ') + `, ${t.dtlsParameters.fingerprints.length} fingerprints`,
    )
  }
  // connect() only stores the remote DTLS role/fingerprint (no handshake without ICE).
  const [w1, w2] = webrtc
  if (w1 && w2) {
    await w1.connect({
      dtlsParameters: { role: 'client', fingerprints: w2.dtlsParameters.fingerprints },
    })
    check('WebRtcTransport.connect (DTLS parameters)', w1.dtlsState === 'new' || w1.dtlsState === 'connecting', w1.dtlsState)
  }

  for (const suite of suites) {
    await srtpRoundTrip(router, suite, 'audio')
    await srtpRoundTrip(router, suite, 'video')
  }
  await srtpRoundTrip(router, 'AEAD_AES_128_GCM', 'audio', true)
  await srtpRoundTrip(router, 'AES_CM_128_HMAC_SHA1_80', 'audio', true)

  // `died` is set by the worker's 'died' event meanwhile (TypeScript cannot see it).
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
  check('worker still alive', !died && !worker.closed)
  worker.close()
  console.log(`${passes} passed, ${failures} failed`)
  process.exit(failures === 0 ? 0 : 1)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
