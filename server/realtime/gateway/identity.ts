import { randomBytes } from 'node:crypto'
import type { Socket } from 'socket.io'
import { findActiveSessionUser, readSessionId } from '../../../app/domain/accounts/session.server.ts'
import type { RoomIdentity } from '../../../app/domain/live/room-identity.ts'
import { networkPrefix } from '../../../app/lib/ip-network.ts'
import { readGuestKey } from '../../../app/utils/guest-key.server.ts'
import { clientAddress, type HandshakeRequest } from '../handshake-guard.ts'

export type HandshakeIdentity = RoomIdentity | { kind: 'anonymous' }

/**
 * Identity from the handshake's cookies (the signed-in user, else the browser's guest key, with the
 * network it connects from) and the database session it was read from (null for guests), for revocation.
 */
export async function authenticateHandshake(
  request: HandshakeRequest,
  guestName?: string,
): Promise<{ identity: HandshakeIdentity; authSessionId: string | null }> {
  const cookie = request.headers.cookie ?? null
  const sessionId = await readSessionId(cookie)
  const user = sessionId ? await findActiveSessionUser(sessionId) : null
  if (user && sessionId) {
    return {
      identity: {
        kind: 'user',
        userId: user.id,
        name: user.name,
        role: user.role,
        companyId: user.exporterMember?.company.id ?? null,
        locale: user.locale,
      },
      authSessionId: sessionId,
    }
  }
  const network = networkPrefix(request.tradecastClientAddress ?? clientAddress(request))
  const known = readGuestKey(cookie)
  if (known) return { identity: { kind: 'guest', guestKey: known, name: guestName ?? 'Guest', network }, authSessionId: null }
  const minted = request.tradecastGuestKey
  if (minted) {
    const transient = request.tradecastGuestOverBudget === true
    return { identity: { kind: 'guest', guestKey: minted, name: guestName ?? 'Guest', network, ...(transient ? { transient } : {}) }, authSessionId: null }
  }
  return { identity: { kind: 'anonymous' }, authSessionId: null }
}

/** What access decisions depend on; a recovered connection whose signature changed starts afresh. */
function signature(identity: HandshakeIdentity | undefined): string {
  if (!identity) return ''
  if (identity.kind === 'user') return `u:${identity.userId}:${identity.role}:${identity.companyId ?? ''}`
  if (identity.kind === 'guest') return `g:${identity.guestKey}:${identity.transient ? 't' : ''}`
  return 'anonymous'
}

/**
 * Rooms through which identity events reach a person's sockets on every process: one per user and
 * one per database session (sign-out of one session drops only its sockets).
 */
export const userRoom = (userId: string) => `auth:user:${userId}`
export const authSessionRoom = (sessionId: string) => `auth:session:${sessionId}`

/**
 * Connection-state recovery restores a socket's data and rooms from before a drop, including the
 * identity read at the first connect. The handshake runs again on recovery (skipMiddlewares off), and
 * when the person is no longer who they were (signed out, membership or role changed) the recovered
 * state is dropped: rooms left, and a new private id, so the client sees a fresh connection
 * (`socket.recovered` false) and joins again with its current identity.
 * Returns whether the socket keeps its recovered state.
 */
export function revalidateRecovered(socket: Socket, fresh: HandshakeIdentity): boolean {
  if (!socket.recovered) return false
  const previous = (socket.data as { identity?: HandshakeIdentity }).identity
  if (signature(previous) === signature(fresh)) return true
  for (const room of [...socket.rooms]) if (room !== socket.id) void socket.leave(room)
  Object.assign(socket, { recovered: false, pid: randomBytes(15).toString('base64url') })
  return false
}

/** Enters the identity rooms (after the handshake, recovered or not). */
export async function joinIdentityRooms(socket: Socket, identity: HandshakeIdentity, authSessionId: string | null): Promise<void> {
  if (identity.kind !== 'user') return
  await socket.join([userRoom(identity.userId), ...(authSessionId ? [authSessionRoom(authSessionId)] : [])])
}
