// Client-safe address arithmetic for budgets and bans keyed on where a client connects from.

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

/**
 * The key a per-address budget counts on: the IPv4 address, or the IPv6 /64 (one subscriber's usual
 * allocation: keyed on the full IPv6 address, one client would get a fresh budget per address it picks).
 */
export function addressBudgetKey(address: string): string {
  const prefix = networkPrefix(address)
  return prefix?.endsWith('/64') ? prefix : address
}
