import type { Server } from 'socket.io'
import { mintGuestCookie, readGuestKey } from '../../app/utils/guest-key.server.ts'

const installed = new WeakSet<Server>()

/**
 * Guests get a signed browser key on their first handshake (any namespace) so their views and
 * sanctions stick to them. Installed once per server, whichever namespace asks first.
 */
export function installGuestCookie(io: Server): void {
  if (installed.has(io)) return
  installed.add(io)
  io.engine.on('initial_headers', (headers: Record<string, string | string[]>, request: { headers: { cookie?: string }; tradecastGuestKey?: string }) => {
    if (readGuestKey(request.headers.cookie)) return
    const { key, setCookie } = mintGuestCookie()
    request.tradecastGuestKey = key
    headers['set-cookie'] = setCookie
  })
}
