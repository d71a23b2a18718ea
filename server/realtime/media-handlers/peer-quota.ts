import { ProtocolError } from '../gateway/index.ts'

/**
 * Media peers one person, and one client network, may hold at once on this process. Each peer brings
 * transports and RTC ports; per-connection caps (server/media/peer.ts) alone let one guest cookie, or a
 * script minting throw-away guests, open connections until the port range is spent. A person gets a few
 * tabs; a network (IPv4 address or IPv6 /64, see addressBudgetKey) room for an office or a fair hall behind
 * one NAT.
 */
export const MEDIA_PEER_QUOTA = { perIdentity: 5, perAddress: 100 }

export class PeerQuota {
  private readonly held = new Map<string, number>()

  constructor(private readonly limits = MEDIA_PEER_QUOTA) {}

  /** Refuses with `too-many` when the person or the network is at its limit. */
  check({ identity, address }: { identity: string; address: string }): void {
    if ((this.held.get(`i:${identity}`) ?? 0) >= this.limits.perIdentity) {
      throw new ProtocolError('too-many', 'Too many media connections for one person: close another tab first.')
    }
    if ((this.held.get(`a:${address}`) ?? 0) >= this.limits.perAddress) {
      throw new ProtocolError('too-many', 'Too many media connections from this network right now.')
    }
  }

  /** Counts the peer against both until it closes, however it closes (leave, timeout, worker death). */
  hold(peer: { once(event: 'closed', listener: () => void): unknown }, { identity, address }: { identity: string; address: string }): void {
    const keys = [`i:${identity}`, `a:${address}`]
    for (const key of keys) this.held.set(key, (this.held.get(key) ?? 0) + 1)
    peer.once('closed', () => {
      for (const key of keys) {
        const left = (this.held.get(key) ?? 1) - 1
        if (left > 0) this.held.set(key, left)
        else this.held.delete(key)
      }
    })
  }
}
