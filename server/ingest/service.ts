import { randomUUID } from 'node:crypto'
import { EventEmitter } from 'node:events'
import type { types } from 'mediasoup'
import type { Logger } from 'pino'
import { onIngestRevoked, publishIngestStatus } from '../../app/domain/live/ingest-status.server.ts'
import type { MediaLayer, Room } from '../media/index.ts'
import { KEY_FRAME_REQUEST_SPACING_MS } from '../media/peer.ts'
import { IngestSession, type IngestKind, type IngestStatus } from './ingest-session.ts'
import { translateOffer, writeAnswer } from './whip-sdp.ts'

/** Encoders send more than a browser's simulcast: the bandwidth the WebRTC ingest transport lets in. */
export const INGEST_MAX_INCOMING_BITRATE = 10_000_000

export class IngestError extends Error {
  constructor(
    readonly code: 'busy' | 'browser-broadcasting' | 'closed',
    message: string,
  ) {
    super(message)
    this.name = 'IngestError'
  }
}

export type IngestTargetRef = { sessionId: string; hostId: string; status: string }

export type IngestServiceOptions = {
  media: MediaLayer
  logger: Logger
  /** Producers of an ingest joined a room (the recorder and restreaming start beside a live show). */
  onProducing?: (target: IngestTargetRef, room: Room) => void
  now?: () => Date
}

/**
 * Every encoder ingest of this process, one per showcase at most (a second one, WHIP or RTMP, is
 * refused). The service owns the IngestSessions; each owns its transports and producers, which join
 * the showcase's room as the host's camera and microphone (Room.addExternalProducer).
 */
export class IngestService extends EventEmitter<{ state: [{ sessionId: string; status: IngestStatus }] }> {
  readonly #active = new Map<string, IngestSession>()
  readonly #last = new Map<string, IngestStatus>()
  #closed = false

  readonly #healthTimer: NodeJS.Timeout

  constructor(private readonly options: IngestServiceOptions) {
    super()
    this.#healthTimer = setInterval(() => this.#publishHealth(), 1000)
    this.#healthTimer.unref()
    this.#stopListening = onIngestRevoked((sessionId) => this.stop(sessionId, 'the ingest token was rotated or revoked'))
  }

  readonly #stopListening: () => void

  get media(): MediaLayer {
    return this.options.media
  }

  /** The ingest feeding the showcase now, or the last one's final status; null if none ever did here. */
  status(sessionId: string): IngestStatus | null {
    return this.#active.get(sessionId)?.status() ?? this.#last.get(sessionId) ?? null
  }

  /** Health figures move every sample without a state change: the studio's status table gets them too. */
  #publishHealth(): void {
    for (const [sessionId, session] of this.#active) publishIngestStatus(sessionId, session.status())
  }

  active(sessionId: string): IngestSession | undefined {
    const session = this.#active.get(sessionId)
    return session && !session.closed ? session : undefined
  }

  /** Reserves the showcase for one ingest (synchronously, so two requests cannot both pass). */
  claim(sessionId: string, kind: IngestKind): IngestSession {
    if (this.#closed) throw new IngestError('closed', 'The server is shutting down.')
    const current = this.active(sessionId)
    if (current) throw new IngestError('busy', `An ${current.kind.toUpperCase()} ingest already feeds this showcase; stop it first.`)
    const session = new IngestSession(sessionId, kind, randomUUID(), this.options.now)
    this.#active.set(sessionId, session)
    const publish = (status: IngestStatus) => {
      if (status.state === 'stopped') this.#last.set(sessionId, status)
      publishIngestStatus(sessionId, status)
      this.emit('state', { sessionId, status })
    }
    session.on('state', publish)
    session.once('closed', () => {
      if (this.#active.get(sessionId) === session) this.#active.delete(sessionId)
    })
    publish(session.status())
    return session
  }

  /** The showcase's room, refusing when the host is broadcasting from the browser studio. */
  async roomFor(target: IngestTargetRef): Promise<Room> {
    const room = await this.options.media.openRoom(target.sessionId)
    if (room.hostProducers().some((producer) => producer.ownerId !== target.hostId)) {
      throw new IngestError('browser-broadcasting', 'The studio is broadcasting from the browser camera; switch the studio to the encoder first.')
    }
    return room
  }

  /** Adds a producer to the room as the host's camera or microphone. */
  async join(session: IngestSession, target: IngestTargetRef, room: Room, producer: types.Producer): Promise<void> {
    session.addProducer(producer)
    await room.addExternalProducer(target.hostId, producer)
  }

  /** Wires a session to its room (the room closing stops it) and tells the recorder. */
  attached(session: IngestSession, target: IngestTargetRef, room: Room): void {
    const onRoomClosed = () => session.close('the media room closed')
    room.once('closed', onRoomClosed)
    session.onClose(() => room.off('closed', onRoomClosed))
    this.options.onProducing?.(target, room)
  }

  /**
   * WHIP: the offer onto a WebRtcTransport of the room's send router; one producer per m-line.
   * Throws WhipSdpError (nothing set up) or IngestError; answers the SDP answer and the resource id.
   */
  async startWhip(target: IngestTargetRef, offerSdp: string): Promise<{ resourceId: string; answer: string; session: IngestSession }> {
    const previous = this.status(target.sessionId)
    const session = this.claim(target.sessionId, 'whip')
    try {
      const room = await this.roomFor(target)
      // Refused offers (no codec, broken SDP) never reach a transport.
      const offer = translateOffer(offerSdp, room.rtpCapabilities)
      const { listenIp, announcedAddress, minPort, maxPort } = this.options.media.config
      const listenInfo = (protocol: 'udp' | 'tcp'): types.TransportListenInfo => ({
        protocol,
        ip: listenIp,
        ...(announcedAddress ? { announcedAddress } : {}),
        portRange: { min: minPort, max: maxPort },
      })
      const transport = await room.routerForSend().createWebRtcTransport({
        listenInfos: [listenInfo('udp'), listenInfo('tcp')],
        enableUdp: true,
        enableTcp: true,
        preferUdp: true,
        appData: { ingest: 'whip', sessionId: target.sessionId },
      })
      session.own(transport)
      if (session.closed) throw new IngestError('closed', 'The ingest was stopped while it was being set up.')
      await transport.setMaxIncomingBitrate(INGEST_MAX_INCOMING_BITRATE).catch(() => undefined)
      await transport.connect({ dtlsParameters: offer.dtlsParameters })
      transport.on('dtlsstatechange', (state) => {
        if (state === 'failed' || state === 'closed') session.close(`DTLS ${state}`)
      })
      for (const track of offer.tracks) {
        const producer = await transport.produce({
          kind: track.kind,
          rtpParameters: track.rtpParameters,
          ...(track.kind === 'video' ? { keyFrameRequestDelay: KEY_FRAME_REQUEST_SPACING_MS } : {}),
          appData: { source: track.kind === 'video' ? 'camera' : 'microphone', ingest: 'whip' },
        })
        await this.join(session, target, room, producer)
      }
      this.attached(session, target, room)
      const answer = writeAnswer(offer, transport)
      this.options.logger.info({ sessionId: target.sessionId, resourceId: session.resourceId, tracks: offer.tracks.length }, 'WHIP ingest started')
      return { resourceId: session.resourceId, answer, session }
    } catch (error) {
      session.close('refused')
      // A refused attempt leaves no "stopped" status behind: the previous state stays what the studio shows.
      this.#last.delete(target.sessionId)
      publishIngestStatus(target.sessionId, previous ?? session.status())
      throw error
    }
  }

  /** WHIP DELETE: true when this resource was the showcase's ingest and is now stopped. */
  stopResource(sessionId: string, resourceId: string): boolean {
    const session = this.#active.get(sessionId)
    if (session?.resourceId !== resourceId) return false
    session.close('stopped by the encoder')
    return true
  }

  /** Stops whatever feeds the showcase (the token was rotated, the show ended). */
  stop(sessionId: string, reason: string): void {
    this.#active.get(sessionId)?.close(reason)
  }

  close(): void {
    if (this.#closed) return
    this.#closed = true
    clearInterval(this.#healthTimer)
    this.#stopListening()
    for (const session of [...this.#active.values()]) session.close('shutdown')
  }
}
