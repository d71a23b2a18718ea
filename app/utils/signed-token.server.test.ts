import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { getSessionSecret } from './secrets.server'
import { sign, verify } from './signed-token.server'

const NOW = new Date('2026-03-29T00:30:00Z')
const LATER = new Date('2026-03-29T02:00:00Z')

describe('signed tokens', () => {
  it('round-trips a payload without expiry and one with expiry (dots in the payload survive)', () => {
    expect(verify('engagement-mail', sign('engagement-mail', 'abc_DEF-1'), NOW)).toEqual({ ok: true, payload: 'abc_DEF-1', expiresAt: null })
    const token = sign('recording-media', 'rec1.file:poster.jpg', { expiresAt: LATER })
    expect(token).toMatch(/^rec1\.file:poster\.jpg\.1774749600\.[\w-]{43}$/)
    expect(verify('recording-media', token, NOW)).toEqual({ ok: true, payload: 'rec1.file:poster.jpg', expiresAt: LATER })
  })

  it('keys each purpose apart: a token of one purpose never verifies for another', () => {
    const token = sign('meeting-attendance', 'm1.b', { expiresAt: LATER })
    expect(verify('recording-media', token, NOW)).toEqual({ ok: false, reason: 'bad-signature' })
    expect(verify('engagement-mail', sign('engagement-mail', 'x'), NOW).ok).toBe(true)
    expect(verify('meeting-attendance', sign('engagement-mail', 'm1.b.1774749600'), NOW)).toEqual({ ok: false, reason: 'bad-signature' })
  })

  it('keeps the format and key of the signers it replaced (links already mailed still work)', () => {
    const message = 'm1.e.1774749600'
    const legacy = `${message}.${createHmac('sha256', `${getSessionSecret()}:meeting-attendance`).update(message).digest('base64url')}`
    expect(sign('meeting-attendance', 'm1.e', { expiresAt: LATER })).toBe(legacy)
  })

  it('expires at its expiry second, and checks the signature before the expiry', () => {
    const token = sign('meeting-attendance', 'm1.b', { expiresAt: LATER })
    expect(verify('meeting-attendance', token, LATER.getTime() - 1).ok).toBe(true)
    expect(verify('meeting-attendance', token, LATER)).toEqual({ ok: false, reason: 'expired' })
    const forged = token.replace('.1774749600.', '.1774749601.')
    expect(verify('meeting-attendance', forged, LATER)).toEqual({ ok: false, reason: 'bad-signature' })
  })

  it('refuses tampered and hostile input with a reason, never a throw', () => {
    const token = sign('engagement-mail', 'payload')
    const flipped = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A')
    expect(verify('engagement-mail', flipped, NOW)).toEqual({ ok: false, reason: 'bad-signature' })
    expect(verify('engagement-mail', `other.${token.split('.')[1]}`, NOW)).toEqual({ ok: false, reason: 'bad-signature' })
    for (const hostile of [undefined, 42, '', '.', 'nodot', `.${'a'.repeat(43)}`, 'x.short', 'x'.repeat(3000)]) {
      expect(verify('engagement-mail', hostile, NOW)).toEqual({ ok: false, reason: 'malformed' })
    }
    expect(verify('meeting-attendance', `m1.b.${'a'.repeat(43)}`, NOW)).toEqual({ ok: false, reason: 'malformed' })
    expect(verify('meeting-attendance', `m1.b.12x.${'a'.repeat(43)}`, NOW)).toEqual({ ok: false, reason: 'malformed' })
  })

  it('refuses a misuse: an expiring purpose without an expiry, an expiry where none belongs, an empty payload', () => {
    expect(() => sign('meeting-attendance', 'm1.b')).toThrow(/need an expiry/)
    expect(() => sign('engagement-mail', 'x', { expiresAt: LATER })).toThrow(/no expiry/)
    expect(() => sign('engagement-mail', '')).toThrow(/empty payload/)
    expect(() => sign('recording-media', 'r.s', { expiresAt: Number.NaN })).toThrow(/bad expiry/)
  })
})
