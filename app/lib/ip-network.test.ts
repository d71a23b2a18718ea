import { describe, expect, it } from 'vitest'
import { addressBudgetKey, networkPrefix } from './ip-network'

describe('networkPrefix', () => {
  it.each([
    ['203.0.113.7', '203.0.113.0/24'],
    ['::ffff:203.0.113.7', '203.0.113.0/24'],
    ['2001:db8:5:6::1', '2001:db8:5:6::/64'],
    ['2001:0db8:0005:0006:ffff:0:0:9', '2001:db8:5:6::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
  ])('%s is on %s', (ip, prefix) => {
    expect(networkPrefix(ip)).toBe(prefix)
  })

  it.each(['unknown', '', '256.1.1.1', '1.2.3', '2001:db8::1::2', '1:2:3:4:5:6:7:8:9', 'g::1'])('%s is no address', (ip) => {
    expect(networkPrefix(ip)).toBeNull()
  })
})

describe('addressBudgetKey', () => {
  it('counts an IPv4 client by its address and an IPv6 client by its /64, so picking new addresses in one /64 buys no budget', () => {
    expect(addressBudgetKey('203.0.113.7')).toBe('203.0.113.7')
    expect(addressBudgetKey('2001:db8:5:6::1')).toBe('2001:db8:5:6::/64')
    expect(addressBudgetKey('2001:db8:5:6:aaaa:bbbb:cccc:dddd')).toBe(addressBudgetKey('2001:db8:5:6::1'))
    expect(addressBudgetKey('unknown')).toBe('unknown')
  })
})
