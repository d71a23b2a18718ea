import type { Namespace, Socket } from 'socket.io'
import type {
  MEDIA_REQUEST_SCHEMAS,
  MediaClientToServer,
  MediaResponses,
  MediaServerToClient,
  ParticipantInfo,
  TransportInfo,
} from '../../../app/protocol/media.ts'
import type { Peer, MediaLayer, Room } from '../../media/index.ts'
import type { RecordingService } from '../../recording/service.ts'
import type { RestreamService } from '../../restream/service.ts'
import { type CatalogueHandlers, type ConnectionData, ProtocolError } from '../gateway/index.ts'
import type { MediaRooms } from './rooms.ts'
import type { SessionStatuses } from './lifecycle.ts'
import type { PeerPort } from './peer-port.ts'
import type { ViewerSpans } from './viewer-spans.ts'

/** The connection's place in a media room, from media:join until it leaves. */
export type Joined = {
  sessionId: string
  role: 'host' | 'viewer' | 'participant'
  /** The peer's media, in this process or on another media node (a placed viewer). */
  media: PeerPort
  /** The room and peer when they live in this process: always for hosts and meeting seats. */
  local: LocalMedia | null
  rtpCapabilities?: unknown
  spanId?: string
  seat?: ParticipantInfo
}
export type LocalMedia = { room: Room; peer: Peer }
export type MediaSocketData = ConnectionData & { joined: Joined | null }
export type MediaSocket = Socket<MediaClientToServer, MediaServerToClient, Record<string, never>, MediaSocketData>
export type MediaNamespace = Namespace<MediaClientToServer, MediaServerToClient, Record<string, never>, MediaSocketData>
export type MediaHandlers = CatalogueHandlers<typeof MEDIA_REQUEST_SCHEMAS, MediaResponses, MediaSocket>

/** What the concerns of `/media` share (built once per namespace in media-namespace.ts). */
export type MediaContext = {
  nsp: MediaNamespace
  media: MediaLayer
  iceServers: TransportInfo['iceServers']
  now: () => Date
  rooms: MediaRooms
  statuses: SessionStatuses
  spans: ViewerSpans
  /** Server-side recording of live showcases (absent in suites that do not record). */
  recordings: RecordingService | null
  /** RTMP restreams of live showcases (absent in suites that do not restream). */
  restreams: RestreamService | null
  /** Told when a showcase ended here (the `/live` namespace closes its chat). */
  onSessionEnded?: ((sessionId: string) => void) | undefined
  /** The media nodes of a cluster (REDIS_URL); null: this process holds every room. */
  cluster: MediaClusterPort | null
}

/** What the handlers ask of the cluster of media nodes (media-nodes/cluster.ts). */
export type MediaClusterPort = {
  readonly nodeId: string
  /** The node a new viewer of the session goes to; null when every node is full. */
  placeViewer(sessionId: string): string | null
  /** A viewer's peer on another node; its events reach the socket through the adapter. */
  openRemoteViewer(nodeId: string, viewer: { sessionId: string; peerId: string; counted: boolean }): Promise<{ port: PeerPort; rtpCapabilities: unknown }>
  /** Feeds this node's room of a showcase from its origin node, unless this node is the origin. */
  feed(room: Room): Promise<void>
  /** The showcase's total viewer count over every node. */
  viewerTotal(sessionId: string): Promise<number>
  /** The host changed the showcase's status here: every other node learns it (and closes its room when it ended). */
  sessionStatus(sessionId: string, status: 'LIVE' | 'ENDED'): void
}

/** The room of the node holding a peer's media: its producers' comings and goings, its resets. */
export const mediaNodeRoomName = (nodeId: string, sessionId: string) => `media-node:${nodeId}:${sessionId}`

export const mediaRoomName = (sessionId: string) => `media:${sessionId}`
/** The hosts of a showcase in its media room: they alone see its restream destinations. */
export const mediaHostsRoomName = (sessionId: string) => `media-hosts:${sessionId}`

/** The connection's room membership; it must be joined and its peer still open. */
export function requireJoined(socket: MediaSocket): Joined {
  const joined = socket.data.joined
  if (!joined || joined.media.closed) throw new ProtocolError('not-joined', 'Join the session first.')
  return joined
}

/** `producer`: the showcase host or a meeting participant (their own producers only), whose peer is always local. */
export function requireProducer(socket: MediaSocket, role: 'host' | 'producer'): Joined & { local: LocalMedia } {
  const joined = requireJoined(socket)
  if (role === 'host' && joined.role !== 'host') throw new ProtocolError('forbidden', 'Only the host can do this.')
  if (role === 'producer' && joined.role === 'viewer') throw new ProtocolError('forbidden', 'Only the host can do this.')
  const local = joined.local
  if (!local) throw new ProtocolError('forbidden', 'Only the host can do this.')
  return { ...joined, local }
}
