/**
 * Who is in a live room: a signed-in user, or a named guest of a public showcase. A guest carries
 * the network prefix it connected from (bans of guests also cover it for a while) and is `transient`
 * when its network was over the budget of new guest identities: it may watch, but it gets no chat
 * identity and is not counted as a viewer.
 */
export type RoomIdentity =
  | { kind: 'user'; userId: string; name: string; role: 'EXPORTER' | 'BUYER' | 'ORGANIZER' | 'ADMIN'; companyId: string | null; locale: string }
  | { kind: 'guest'; guestKey: string; name: string; network?: string | null; transient?: boolean }

/** A stable key for presence lists and sanctions: "u:<id>" or "g:<key>". */
export function identityKey(identity: RoomIdentity): string {
  return identity.kind === 'user' ? `u:${identity.userId}` : `g:${identity.guestKey}`
}

/**
 * The network a client address belongs to, as one household or office sees it: IPv4 /24, IPv6 /64
 * (an IPv4-mapped IPv6 address counts as IPv4). Null for anything that is not an IP address.
 */
export function networkPrefix(ip: string): string | null {
  const address = ip.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '')
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address)
  if (v4) {
    const octets = v4.slice(1).map(Number)
    return octets.every((n) => n <= 255) ? `${octets[0]}.${octets[1]}.${octets[2]}.0/24` : null
  }
  const v6 = address.replace(/%.*$/, '').toLowerCase()
  if (!/^[0-9a-f:]+$/.test(v6) || !v6.includes(':')) return null
  const halves = v6.split('::')
  if (halves.length > 2) return null
  const head = halves[0] ? halves[0].split(':') : []
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : []
  const missing = 8 - head.length - tail.length
  if ((halves.length === 2 && missing < 1) || (halves.length === 1 && missing !== 0)) return null
  const groups = [...head, ...Array<string>(missing).fill('0'), ...tail]
  if (groups.some((g) => g.length === 0 || g.length > 4)) return null
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(':')}::/64`
}
