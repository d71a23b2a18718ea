import type { Server } from 'socket.io'
import { mintGuestCookie, readGuestKey } from '../../../app/utils/guest-key.server.ts'
import type { HandshakeRequest } from '../handshake-guard.ts'

const installed = new WeakSet<Server>()

/**
 * Guests get a signed browser key on their first handshake (any namespace) so their views and
 * sanctions stick to them. Installed once per server, whichever namespace asks first. Over the
 * network's budget of new guests (see handshake-guard.ts) the key lives for this connection only:
 * no cookie, so the next connection asks the budget again.
 */
export function installGuestCookie(io: Server): void {
  if (installed.has(io)) return
  installed.add(io)
  io.engine.on('initial_headers', (headers: Record<string, string | string[]>, request: HandshakeRequest) => {
    if (readGuestKey(request.headers.cookie)) return
    const { key, setCookie } = mintGuestCookie()
    request.tradecastGuestKey = key
    if (!request.tradecastGuestOverBudget) headers['set-cookie'] = setCookie
  })
}
