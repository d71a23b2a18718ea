import { describe, expect, it } from 'vitest'
import { countAudience } from './audience'
import type { RoomIdentity } from './room-identity'

const user = (userId: string, companyId: string | null = null): RoomIdentity => ({
  kind: 'user',
  userId,
  name: userId,
  role: companyId ? 'EXPORTER' : 'BUYER',
  companyId,
  locale: 'en',
})
const guest = (guestKey: string, transient = false): RoomIdentity => ({ kind: 'guest', guestKey, name: guestKey, transient })

describe('countAudience', () => {
  it('counts the viewers, not the hosting company’s team', () => {
    expect(countAudience([user('host', 'c1'), user('colleague', 'c1'), user('buyer')], 'c1')).toBe(1)
  })

  it('counts another company’s exporter watching', () => {
    expect(countAudience([user('host', 'c1'), user('rival', 'c2')], 'c1')).toBe(1)
  })

  it('counts a person once, whatever the number of tabs', () => {
    expect(countAudience([user('buyer'), user('buyer'), guest('g1'), guest('g1')], 'c1')).toBe(2)
  })

  it('leaves out guests who watch without a chat identity', () => {
    expect(countAudience([guest('g1'), guest('g2', true)], 'c1')).toBe(1)
  })

  it('is zero for an empty room or the host alone', () => {
    expect(countAudience([], 'c1')).toBe(0)
    expect(countAudience([user('host', 'c1')], 'c1')).toBe(0)
  })
})
