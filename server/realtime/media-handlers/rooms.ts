import type { Logger } from 'pino'
import type { MeetingSeatRole, ParticipantInfo, ProducerInfo } from '../../../app/protocol/media.ts'
import type { Room } from '../../media/index.ts'
import { mediaHostsRoomName, mediaRoomName, type MediaNamespace, type MediaSocket } from './context.ts'
import type { ViewerSpans } from './viewer-spans.ts'

/** Meetings: the seat label of a producer's owner (showcase peers have none). */
export function ownerOf(room: Room, ownerId: string): ParticipantInfo | undefined {
  const label = room.peers.get(ownerId)?.label
  return label ? { peerId: ownerId, name: label.name, role: label.role as MeetingSeatRole } : undefined
}

export function withOwner(room: Room, producer: Omit<ProducerInfo, 'owner'> & { ownerId: string }): ProducerInfo {
  const { ownerId, ...info } = producer
  const owner = ownerOf(room, ownerId)
  return owner ? { ...info, owner } : info
}

/**
 * Media rooms as sockets see them: room events become broadcasts to the room's sockets (viewer
 * counts at most once a second), and a socket leaving closes its peer and its view span.
 */
export class MediaRooms {
  private readonly wired = new WeakSet<Room>()
  private readonly viewerTimers = new Map<string, NodeJS.Timeout>()

  constructor(
    private readonly nsp: MediaNamespace,
    private readonly spans: ViewerSpans,
    private readonly logger: Logger,
  ) {}

  wire(room: Room): void {
    if (this.wired.has(room)) return
    this.wired.add(room)
    const to = () => this.nsp.to(mediaRoomName(room.id))
    room.on('produceradded', (producer) => to().emit('media:producer-added', withOwner(room, { ...producer, paused: false })))
    room.on('producerclosed', (payload) => to().emit('media:producer-closed', payload))
    room.on('viewers', () => {
      // At most one viewer-count broadcast per second per room.
      if (this.viewerTimers.has(room.id)) return
      this.viewerTimers.set(
        room.id,
        setTimeout(() => {
          this.viewerTimers.delete(room.id)
          if (!room.closed) to().emit('media:viewers', { count: room.viewerCount() })
        }, 1000),
      )
    })
    room.once('closed', (reason) => {
      // Tell the room's sockets first (they re-join a fresh room), then drop their peers and spans.
      if (reason === 'worker-died' || reason === 'shutdown') to().emit('media:reset', { reason })
      void this.leaveAll(room.id, (socket) => socket.data.joined?.room === room).catch((error: unknown) =>
        this.logger.warn({ err: error }, 'leaving a closed room failed'),
      )
    })
  }

  async leave(socket: MediaSocket): Promise<void> {
    const joined = socket.data.joined
    if (!joined) return
    socket.data.joined = null
    if (joined.seat && joined.peer.joined) socket.to(mediaRoomName(joined.sessionId)).emit('media:participant-left', { peerId: joined.peer.id })
    joined.peer.close()
    await socket.leave(mediaRoomName(joined.sessionId))
    await socket.leave(mediaHostsRoomName(joined.sessionId))
    if (joined.spanId) await this.spans.close(joined.spanId, joined.sessionId)
  }

  /** Every socket of this process in the session's room (those `which` accepts) leaves it. */
  async leaveAll(sessionId: string, which: (socket: MediaSocket) => boolean = () => true): Promise<void> {
    for (const remote of await this.nsp.in(mediaRoomName(sessionId)).fetchSockets()) {
      const local = this.nsp.sockets.get(remote.id)
      if (local && which(local)) await this.leave(local)
    }
  }

  /** A peer closed by the join timeout (it never sent media:ready) rather than by leave(): its socket starts over. */
  resetOnTimeout(socket: MediaSocket): void {
    const peer = socket.data.joined?.peer
    peer?.once('closed', () => {
      if (socket.data.joined?.peer === peer && !peer.joined) {
        void this.leave(socket)
        socket.emit('media:reset', { reason: 'peer-timeout' })
      }
    })
  }

  close(): void {
    for (const timer of this.viewerTimers.values()) clearTimeout(timer)
  }
}
