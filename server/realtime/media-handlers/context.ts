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
import type { ViewerSpans } from './viewer-spans.ts'

/** The connection's place in a media room, from media:join until it leaves. */
export type Joined = {
  sessionId: string
  role: 'host' | 'viewer' | 'participant'
  room: Room
  peer: Peer
  rtpCapabilities?: unknown
  spanId?: string
  seat?: ParticipantInfo
}
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
}

export const mediaRoomName = (sessionId: string) => `media:${sessionId}`
/** The hosts of a showcase in its media room: they alone see its restream destinations. */
export const mediaHostsRoomName = (sessionId: string) => `media-hosts:${sessionId}`

/** `producer`: the showcase host or a meeting participant (their own producers only). */
export function requireJoined(socket: MediaSocket, role?: 'host' | 'producer'): Joined {
  const joined = socket.data.joined
  if (!joined || joined.peer.closed) throw new ProtocolError('not-joined', 'Join the session first.')
  if (role === 'host' && joined.role !== 'host') throw new ProtocolError('forbidden', 'Only the host can do this.')
  if (role === 'producer' && joined.role === 'viewer') throw new ProtocolError('forbidden', 'Only the host can do this.')
  return joined
}
