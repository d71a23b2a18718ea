import type { Device, types } from 'mediasoup-client'
import type { MediaResponses, MediaRole, SessionStatus } from '~/protocol/media'
import { loadDevice } from './device'
import { consumeProducer, openRecvTransport } from './recv-transport'
import { wireRtpCapabilities } from './rtp-wire'
import { openSendTransport, produceAudio, produceVideo } from './send-transport'
import { request, type MediaSocket } from './signalling'

export type JoinAnswer = MediaResponses['media:join']
export type ReadyAnswer = MediaResponses['media:ready']

/** An ended or cancelled session has nothing to load (its join answer carries no capabilities). */
export function isSessionOver(status: SessionStatus): boolean {
  return status === 'ENDED' || status === 'CANCELLED'
}

/** A step of a media session that was closed meanwhile: its hook has moved on, there is nothing to show. */
export class MediaSessionClosedError extends Error {
  constructor() {
    super('The media session was closed.')
    this.name = 'MediaSessionClosedError'
  }
}

/**
 * One join of a `/media` room by this page: `join` → `connect` (device, transports) → `ready` →
 * produce / consume, until `close`. The hooks start a new one at every (re)connection or media reset.
 * It owns the device and the transports (closing a transport closes its producers and consumers);
 * the hooks keep which producer is the camera or the microphone, and which consumer is whose.
 * `close()` is idempotent and makes a join still under way stop at its next step.
 */
export class MediaSession {
  #closed = false
  #device: Device | null = null
  #recv: types.Transport | null = null
  #send: types.Transport | null = null

  constructor(
    private readonly socket: MediaSocket,
    private readonly sessionId: string,
    private readonly role: MediaRole,
  ) {}

  get closed(): boolean {
    return this.#closed
  }

  /** True once `connect` opened the receive transport (producers announced before are listed by `ready`). */
  get canReceive(): boolean {
    return this.#recv !== null && !this.#closed
  }

  /** True once `connect` opened a send transport that is still open. */
  get canSend(): boolean {
    return this.#send !== null && !this.#send.closed
  }

  /** `media:join`: status and title of the session, the router's capabilities, a meeting seat. */
  join(): Promise<JoinAnswer> {
    return this.#step(() => request(this.socket, 'media:join', { sessionId: this.sessionId, role: this.role }))
  }

  /** Loads the device with the room's capabilities, then opens the transports this seat uses (receive first). */
  async connect(joined: JoinAnswer, transports: { recv?: boolean; send?: boolean } = {}): Promise<void> {
    const device = await this.#step(() => loadDevice(joined.routerRtpCapabilities))
    this.#device = device
    if (transports.recv)
      this.#recv = await this.#step(
        () => openRecvTransport(this.socket, device),
        (transport) => transport.close(),
      )
    if (transports.send)
      this.#send = await this.#step(
        () => openSendTransport(this.socket, device),
        (transport) => transport.close(),
      )
  }

  /** `media:ready`: what this browser can receive; answers the producers (and meeting participants) already there. */
  ready(): Promise<ReadyAnswer> {
    return this.#step(() => request(this.socket, 'media:ready', { rtpCapabilities: wireRtpCapabilities(this.#loaded().recvRtpCapabilities) }))
  }

  /**
   * `media:ready` of a viewer who plays the live HLS rendition instead (no WebRTC, or a fallback): in
   * the room for the status, the viewer count and the figures, receiving nothing (no capabilities).
   */
  readyWithoutMedia(): Promise<ReadyAnswer> {
    return this.#step(() => request(this.socket, 'media:ready', { rtpCapabilities: {} }))
  }

  /** Follows the receive transport's ICE/DTLS connection state (nothing before `connect` opened it). */
  onRecvConnectionState(listener: (state: types.ConnectionState) => void): void {
    this.#recv?.on('connectionstatechange', listener)
  }

  /** A new send transport in place of the current one (the studio opens one at each publish). */
  async openSendTransport(): Promise<types.Transport> {
    this.closeSendTransport()
    const transport = await this.#step(
      () => openSendTransport(this.socket, this.#loaded()),
      (opened) => opened.close(),
    )
    this.#send = transport
    return transport
  }

  closeSendTransport(): void {
    this.#send?.close()
    this.#send = null
  }

  /** Sends a camera or screen track (simulcast) through the send transport. */
  produceVideo(track: MediaStreamTrack, source: 'camera' | 'screen'): Promise<types.Producer> {
    return this.#step(
      () => produceVideo(this.#sending(), track, source),
      (producer) => producer.close(),
    )
  }

  produceAudio(track: MediaStreamTrack): Promise<types.Producer> {
    return this.#step(
      () => produceAudio(this.#sending(), track),
      (producer) => producer.close(),
    )
  }

  /** Pauses or resumes a producer here and on the server, which tells the others (muted, camera off). */
  async setProducerPaused(producer: types.Producer, paused: boolean): Promise<void> {
    if (producer.closed) return
    if (paused) producer.pause()
    else producer.resume()
    await request(this.socket, paused ? 'media:pause-producer' : 'media:resume-producer', { producerId: producer.id })
  }

  /** Stops sending a producer (a shared screen) here and on the server. */
  async closeProducer(producer: types.Producer): Promise<void> {
    if (producer.closed) return
    producer.close()
    await request(this.socket, 'media:close-producer', { producerId: producer.id })
  }

  /**
   * Receives one producer; null before the receive transport exists (`ready` lists the producers
   * then). The consumer is resumed on the server only once it exists here (see recv-transport).
   */
  async consume(producerId: string): Promise<types.Consumer | null> {
    const recv = this.#recv
    if (!recv || this.#closed) return null
    return this.#step(
      () => consumeProducer(this.socket, recv, producerId),
      (consumer) => consumer.close(),
    )
  }

  /** Leaves the room for good (meetings): tells the server when still connected, then closes. */
  async leave(): Promise<void> {
    const leaving = this.socket.connected ? request(this.socket, 'media:leave', {}) : null
    this.close()
    await leaving
  }

  close(): void {
    if (this.#closed) return
    this.#closed = true
    this.#recv?.close()
    this.#recv = null
    this.closeSendTransport()
  }

  #loaded(): Device {
    // Shown as is when the studio goes live before its join has loaded the device.
    if (!this.#device) throw new Error('not connected')
    return this.#device
  }

  #sending(): types.Transport {
    if (!this.#send || this.#send.closed) throw new Error('media session: no open send transport')
    return this.#send
  }

  /** Runs one step unless closed; when the session closed meanwhile, disposes of what the step made and stops. */
  async #step<T>(run: () => Promise<T>, dispose?: (made: T) => void): Promise<T> {
    if (this.#closed) throw new MediaSessionClosedError()
    const made = await run()
    // close() may have run while awaiting (TypeScript keeps the narrowing from before the await).
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
    if (this.#closed) {
      dispose?.(made)
      throw new MediaSessionClosedError()
    }
    return made
  }
}
