import type { Namespace, Server } from 'socket.io'
import { onIdentityEvent } from '../../app/domain/accounts/identity-events.server.ts'
import { sessionsNoLongerActive } from '../../app/domain/accounts/session.server.ts'
import { getLogger } from '../../app/utils/logger.server.ts'
import type { ConnectionData } from './gateway/index.ts'
import { authSessionRoom, userRoom } from './gateway/identity.ts'

/** Between processes (Redis adapter): "drop the sockets in these identity rooms". */
const DROP_EVENT = 'identity:drop'

/**
 * Listens to the domain's identity events (sign-out, sessions revoked, membership or role changed)
 * and drops the person's sockets in every namespace, on every process. Dropping closes the
 * underlying connection rather than disconnecting the namespace: the client reconnects by itself,
 * the handshake reads the cookies again (revalidateRecovered) and the person comes back as who they
 * are now (a guest after signing out, without the company's powers after a removal).
 */
/** How often open connections look again at their sign-in session (sessions also lapse with no event). */
export const SESSION_RECHECK_MS = 5 * 60_000

export function watchIdentityEvents(
  io: Server,
  namespaces: readonly Namespace[],
  options: { cluster: boolean; events?: typeof onIdentityEvent; sessionRecheckMs?: number },
): () => void {
  const drop = (rooms: readonly string[]) => {
    for (const nsp of namespaces) {
      for (const room of rooms) {
        for (const socketId of [...(nsp.adapter.rooms.get(room) ?? [])]) nsp.sockets.get(socketId)?.conn.close()
      }
    }
  }
  const main = io.of('/')
  main.on(DROP_EVENT, (rooms: unknown) => {
    if (Array.isArray(rooms) && rooms.every((room): room is string => typeof room === 'string' && room.startsWith('auth:'))) drop(rooms)
  })
  const stopListening = (options.events ?? onIdentityEvent)((event) => {
    const rooms = event.kind === 'sessions-revoked' && event.sessionIds ? event.sessionIds.map(authSessionRoom) : [userRoom(event.userId)]
    drop(rooms)
    if (options.cluster) main.serverSideEmit(DROP_EVENT, rooms)
  })
  // A session that lapses (idle timeout, absolute life) raises no event until someone reads it: this
  // process reads those its connections hold, and drops the sockets of the ones that ended.
  const recheck = setInterval(() => {
    const held = new Set<string>()
    for (const nsp of namespaces) {
      for (const socket of nsp.sockets.values()) {
        const { authSessionId } = socket.data as Partial<ConnectionData>
        if (authSessionId) held.add(authSessionId)
      }
    }
    sessionsNoLongerActive([...held])
      .then((ended) => drop(ended.map(authSessionRoom)))
      .catch((error: unknown) => getLogger().warn({ err: error }, 'could not re-check the sessions of open connections'))
  }, options.sessionRecheckMs ?? SESSION_RECHECK_MS)
  recheck.unref()
  return () => {
    clearInterval(recheck)
    stopListening()
  }
}
