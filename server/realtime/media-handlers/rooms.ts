import type { Logger } from 'pino'
import type { MeetingSeatRole, ParticipantInfo, ProducerInfo } from '../../../app/protocol/media.ts'
import type { Room } from '../../media/index.ts'
import { mediaHostsRoomName, mediaNodeRoomName, mediaRoomName, type MediaNamespace, type MediaSocket } from './context.ts'
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

/** How a room's viewer count reaches its sockets: this room's count alone, or the sum over every media node. */
export type ViewerCounting = (room: Room) => Promise<number>

/**
 * Media rooms as sockets see them: room events become broadcasts to the room's sockets (viewer
 * counts at most once a second), and a socket leaving closes its peer and its view span.
 * In a cluster (`nodeId` set) a room's producers and resets go to the sockets whose peers are on
 * this node (mediaNodeRoomName), wherever those sockets are connected; the status and the viewer
 * count go to every socket of the session.
 */
export class MediaRooms {
  private readonly wired = new WeakSet<Room>()
  private readonly viewerTimers = new Map<string, NodeJS.Timeout>()

  constructor(
    private readonly nsp: MediaNamespace,
    private readonly spans: ViewerSpans,
    private readonly logger: Logger,
    private readonly nodeId: string | null = null,
    private readonly countViewers: ViewerCounting = async (room) => room.viewerCount(),
  ) {}

  /** The sockets whose peers are in this process's room of the session. */
  peersRoomName(sessionId: string): string {
    return this.nodeId ? mediaNodeRoomName(this.nodeId, sessionId) : mediaRoomName(sessionId)
  }

  wire(room: Room): void {
    if (this.wired.has(room)) return
    this.wired.add(room)
    const peers = () => this.nsp.to(this.peersRoomName(room.id))
    room.on('produceradded', (producer) => peers().emit('media:producer-added', withOwner(room, { ...producer, paused: false })))
    room.on('producerclosed', (payload) => peers().emit('media:producer-closed', payload))
    room.on('viewers', () => {
      // At most one viewer-count broadcast per second per room.
      if (this.viewerTimers.has(room.id)) return
      this.viewerTimers.set(
        room.id,
        setTimeout(() => {
          this.viewerTimers.delete(room.id)
          if (room.closed) return
          void this.countViewers(room)
            .then((count) => this.nsp.to(mediaRoomName(room.id)).emit('media:viewers', { count }))
            .catch((error: unknown) => this.logger.warn({ err: error }, 'viewer count failed'))
        }, 1000),
      )
    })
    room.once('closed', (reason) => {
      // Tell the room's sockets first (they re-join a fresh room), then drop their peers and spans.
      if (reason === 'worker-died' || reason === 'shutdown') peers().emit('media:reset', { reason })
      void this.leaveAll(room.id, (socket) => socket.data.joined?.local?.room === room).catch((error: unknown) =>
        this.logger.warn({ err: error }, 'leaving a closed room failed'),
      )
    })
  }

  /** Joins the socket to the rooms its membership hears: the session's, and that of the node holding its peer. */
  async enter(socket: MediaSocket, sessionId: string, nodeId: string | null): Promise<void> {
    await socket.join(mediaRoomName(sessionId))
    if (nodeId) await socket.join(mediaNodeRoomName(nodeId, sessionId))
  }

  async leave(socket: MediaSocket): Promise<void> {
    const joined = socket.data.joined
    if (!joined) return
    socket.data.joined = null
    if (joined.seat && joined.media.joined) socket.to(mediaRoomName(joined.sessionId)).emit('media:participant-left', { peerId: joined.media.id })
    joined.media.close()
    await socket.leave(mediaRoomName(joined.sessionId))
    await socket.leave(mediaHostsRoomName(joined.sessionId))
    if (joined.media.nodeId) await socket.leave(mediaNodeRoomName(joined.media.nodeId, joined.sessionId))
    if (joined.spanId) await this.spans.close(joined.spanId, joined.sessionId)
  }

  /**
   * The media node holding these viewers' peers is gone (down) or going (draining): they leave and join
   * again, placed elsewhere. Hosts and meeting seats have their peers where their sockets are.
   */
  async resetNode(nodeId: string, reason: 'node-down' | 'draining'): Promise<number> {
    const moving = [...this.nsp.sockets.values()].flatMap((socket) => {
      const joined = socket.data.joined
      return joined?.media.nodeId === nodeId && joined.role === 'viewer' ? [{ socket, joined }] : []
    })
    // Everyone is told first (each leave writes a view span: a thousand of them one by one take a while);
    // a socket that already joined again meanwhile keeps its new membership.
    for (const { socket } of moving) socket.emit('media:reset', { reason })
    for (const { socket, joined } of moving) if (socket.data.joined === joined) await this.leave(socket)
    return moving.length
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
    const peer = socket.data.joined?.media
    peer?.once('closed', () => {
      if (socket.data.joined?.media === peer && !peer.joined) {
        void this.leave(socket)
        socket.emit('media:reset', { reason: 'peer-timeout' })
      }
    })
  }

  close(): void {
    for (const timer of this.viewerTimers.values()) clearTimeout(timer)
  }
}
