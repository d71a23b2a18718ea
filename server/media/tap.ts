import { EventEmitter } from 'node:events'
import type { types } from 'mediasoup'

/** Where one tapped track goes: an RTP/RTCP port pair a local receiver (ffmpeg) listens on. */
export type TapDestination = { producerId: string; ip: string; rtpPort: number; rtcpPort: number }

export type TappedTrack = {
  producerId: string
  kind: types.MediaKind
  /** The codec as sent on the wire (payload type, clock rate, channels, fmtp): what the receiver's SDP declares. */
  codec: types.RtpCodecParameters
  destination: TapDestination
}

/**
 * Media leaving a room as plain RTP: one PlainTransport (no ICE/DTLS, RTCP on its own port so the
 * receiver gets sender reports for lip sync) and one consumer per track. Consumers start paused,
 * like every consumer here: start() resumes them once the receiver listens and asks for a key frame.
 * The room owns its taps and closes them with itself; close() is idempotent.
 */
export class MediaTap extends EventEmitter<{ closed: [] }> {
  #closed = false
  readonly #transports: types.PlainTransport[] = []
  readonly #consumers: types.Consumer[] = []
  readonly tracks: TappedTrack[] = []

  static async open(router: types.Router, destinations: TapDestination[], listenIp: string): Promise<MediaTap> {
    const tap = new MediaTap()
    try {
      for (const destination of destinations) await tap.#add(router, destination, listenIp)
    } catch (error) {
      tap.close()
      throw error
    }
    return tap
  }

  get closed(): boolean {
    return this.#closed
  }

  async #add(router: types.Router, destination: TapDestination, listenIp: string): Promise<void> {
    const transport = await router.createPlainTransport({ listenInfo: { protocol: 'udp', ip: listenIp }, rtcpMux: false, comedia: false })
    this.#transports.push(transport)
    transport.observer.once('close', () => this.close())
    await transport.connect({ ip: destination.ip, port: destination.rtpPort, rtcpPort: destination.rtcpPort })
    // A plain receiver does not speak RTX or answer with NACKs: offer the router's codecs without RTX.
    const rtpCapabilities: types.RtpCapabilities = {
      codecs: (router.rtpCapabilities.codecs ?? []).filter((codec) => !codec.mimeType.toLowerCase().endsWith('/rtx')),
      headerExtensions: [],
    }
    const consumer = await transport.consume({ producerId: destination.producerId, rtpCapabilities, paused: true, enableRtx: false })
    this.#consumers.push(consumer)
    consumer.observer.once('close', () => this.close())
    // Simulcast: the top layer (a plain transport has no bandwidth estimation to lower it).
    if (consumer.type === 'simulcast') await consumer.setPreferredLayers({ spatialLayer: 2, temporalLayer: 2 })
    const codec = consumer.rtpParameters.codecs[0]
    if (!codec) throw new Error('the consumer has no codec')
    this.tracks.push({ producerId: destination.producerId, kind: consumer.kind, codec, destination })
  }

  /** The receiver listens: let media flow and ask the sender for a key frame (else the first seconds are grey). */
  async start(): Promise<void> {
    for (const consumer of this.#consumers) if (!consumer.closed) await consumer.resume()
    await this.requestKeyFrame()
  }

  async requestKeyFrame(): Promise<void> {
    for (const consumer of this.#consumers) if (!consumer.closed && consumer.kind === 'video') await consumer.requestKeyFrame().catch(() => undefined)
  }

  close(): void {
    if (this.#closed) return
    this.#closed = true
    for (const transport of this.#transports) transport.close()
    this.emit('closed')
  }
}
