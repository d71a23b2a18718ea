import { endLiveAsManager, goLiveAsManager } from '../../../app/domain/live/lifecycle.server.ts'
import { assertShowcaseManagement, loadSessionFacts } from '../../../app/domain/live/room-access.server.ts'
import type { SessionStatus } from '../../../app/protocol/media.ts'
import { ProtocolError } from '../gateway/index.ts'
import { type MediaContext, type MediaHandlers, type MediaSocket, mediaRoomName, requireProducer } from './context.ts'

/** Each session's lifecycle status as this process last saw it (joins and this namespace's go-live/end keep it current). */
export class SessionStatuses {
  private readonly known = new Map<string, SessionStatus>()

  set(sessionId: string, status: SessionStatus): void {
    this.known.set(sessionId, status)
  }

  async get(sessionId: string): Promise<SessionStatus> {
    const known = this.known.get(sessionId)
    if (known) return known
    const { status } = await loadSessionFacts(sessionId)
    this.known.set(sessionId, status)
    return status
  }
}

/** The host's user id; going live and ending are for signed-in managers (their right is read again by the domain call). */
function signedInHost(socket: MediaSocket, refusal: string): string {
  const identity = socket.data.identity
  if (identity.kind !== 'user') throw new ProtocolError('forbidden', refusal)
  return identity.userId
}

/** media:go-live and media:end: SCHEDULED → LIVE → ENDED, told to the whole room. */
export function lifecycleHandlers({ nsp, now, rooms, statuses, spans, recordings, restreams, onSessionEnded, cluster }: MediaContext): MediaHandlers {
  return {
    'media:go-live': async (socket) => {
      const joined = requireProducer(socket, 'host')
      // Only those who manage the showcase (an agency's go-live is recorded with it).
      const userId = signedInHost(socket, 'Only the host can go live.')
      const result = await goLiveAsManager(joined.sessionId, userId, now())
      statuses.set(joined.sessionId, 'LIVE')
      cluster?.sessionStatus(joined.sessionId, 'LIVE')
      nsp.to(mediaRoomName(joined.sessionId)).emit('media:status', { status: 'LIVE' })
      spans.changed(joined.sessionId)
      // Not awaited: the recording starts beside the show, never in its way.
      void recordings?.sessionLive(joined.sessionId, joined.local.room)
      void restreams?.sessionLive(joined.sessionId, joined.local.room)
      return { status: 'LIVE', startedAt: result.startedAt.toISOString() }
    },

    'media:end': async (socket) => {
      const { sessionId, local } = requireProducer(socket, 'host')
      const userId = signedInHost(socket, 'Only the host can end the showcase.')
      const result = await endLiveAsManager(sessionId, userId, now())
      statuses.set(sessionId, 'ENDED')
      nsp.to(mediaRoomName(sessionId)).emit('media:status', { status: 'ENDED' })
      onSessionEnded?.(sessionId)
      // The last part closes and the replay is finalised in the background (the end is answered now).
      // Destinations first: their uptime records end as stopped, not as the encode going away.
      void restreams?.sessionEnded(sessionId)
      void recordings?.sessionEnded(sessionId)
      // Closing the room leaves every socket of it (their spans close at this instant), then final stats.
      local.room.close('ended')
      // Every other media node closes its room of the show too, and its sockets leave.
      cluster?.sessionStatus(sessionId, 'ENDED')
      await rooms.leaveAll(sessionId)
      await spans.settle(sessionId)
      return { status: 'ENDED', endedAt: result.endedAt.toISOString() }
    },

    'media:restream-retry': async (socket, { destinationId }) => {
      const { sessionId } = requireProducer(socket, 'host')
      // Nothing is written (the destination is tried again now), so nothing is recorded for an agency.
      await assertShowcaseManagement(sessionId, signedInHost(socket, 'Only the host can retry a destination.'), 'manage:showcase:own')
      // A destination that is not this show's, or a show not live here, has nothing to retry.
      restreams?.retry(sessionId, destinationId)
      return {}
    },
  }
}
