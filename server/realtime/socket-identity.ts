import type { IncomingMessage } from 'node:http'
import { findActiveSessionUser, readSessionId } from '../../app/domain/accounts/session.server.ts'
import type { RoomIdentity } from '../../app/domain/live/room-identity.ts'
import { readGuestKey } from '../../app/utils/guest-key.server.ts'

type RequestWithGuest = IncomingMessage & { tradecastGuestKey?: string }

/** Identity from the handshake's cookies: the signed-in user, else the browser's guest key. */
export async function identityFromHandshake(request: RequestWithGuest, guestName?: string): Promise<RoomIdentity | { kind: 'anonymous' }> {
  const cookie = request.headers.cookie ?? null
  const sessionId = await readSessionId(cookie)
  const user = sessionId ? await findActiveSessionUser(sessionId) : null
  if (user) {
    return {
      kind: 'user',
      userId: user.id,
      name: user.name,
      role: user.role,
      companyId: user.exporterMember?.company.id ?? null,
      locale: user.locale,
    }
  }
  const guestKey = readGuestKey(cookie) ?? request.tradecastGuestKey ?? null
  if (guestKey) return { kind: 'guest', guestKey, name: guestName ?? 'Guest' }
  return { kind: 'anonymous' }
}
