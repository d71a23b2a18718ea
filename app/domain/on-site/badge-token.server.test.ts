import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { sign } from '~/utils/signed-token.server'
import { BADGE_GRACE_MS, badgeToken, looksLikeBadgeToken, readBadgeToken } from './badge-token.server'

const FAIR = { endsAt: new Date('2026-05-03T09:00:00Z') }
const REG = { id: 'cmreg00000000000000000001', fairId: 'cmfair0000000000000000001' }
const DURING = new Date('2026-05-02T10:00:00Z')

describe('badge tokens', () => {
  it('names the registration and the fair, and reads back during the fair', () => {
    const token = badgeToken(REG, FAIR)
    expect(token.startsWith(`fb1:${REG.id}:${REG.fairId}.`)).toBe(true)
    expect(looksLikeBadgeToken(token)).toBe(true)
    expect(readBadgeToken(token, DURING)).toEqual({ ok: true, registrationId: REG.id, fairId: REG.fairId })
    // A reader may add whitespace around what it decoded.
    expect(readBadgeToken(`  ${token}\n`, DURING)).toEqual({ ok: true, registrationId: REG.id, fairId: REG.fairId })
  })

  it('refuses a forged token: another registration or fair under the same signature, or a signature made with a guessed key', () => {
    const token = badgeToken(REG, FAIR)
    const signature = token.slice(token.lastIndexOf('.'))
    const expires = token.slice(0, token.lastIndexOf('.')).split('.').pop()
    expect(readBadgeToken(`fb1:cmreg00000000000000000002:${REG.fairId}.${expires}${signature}`, DURING)).toEqual({ ok: false, reason: 'bad-signature' })
    expect(readBadgeToken(`fb1:${REG.id}:cmfair0000000000000000002.${expires}${signature}`, DURING)).toEqual({ ok: false, reason: 'bad-signature' })
    const message = `fb1:${REG.id}:${REG.fairId}.9999999999`
    const guessed = createHmac('sha256', 'not-the-secret:fair-badge').update(message).digest('base64url')
    expect(readBadgeToken(`${message}.${guessed}`, DURING)).toEqual({ ok: false, reason: 'bad-signature' })
    // Pushing the expiry out breaks the signature too.
    expect(readBadgeToken(token.replace(`.${expires}.`, '.9999999999.'), DURING)).toEqual({ ok: false, reason: 'bad-signature' })
  })

  it('is keyed to its own purpose: an attendance or media token with the same payload is not a badge', () => {
    const payload = `fb1:${REG.id}:${REG.fairId}`
    const attendance = sign('meeting-attendance', payload, { expiresAt: FAIR.endsAt })
    expect(readBadgeToken(attendance, DURING)).toEqual({ ok: false, reason: 'bad-signature' })
  })

  it('expires a day after the fair ends', () => {
    const token = badgeToken(REG, FAIR)
    expect(readBadgeToken(token, new Date(FAIR.endsAt.getTime() + BADGE_GRACE_MS - 1000)).ok).toBe(true)
    expect(readBadgeToken(token, new Date(FAIR.endsAt.getTime() + BADGE_GRACE_MS))).toEqual({ ok: false, reason: 'expired' })
  })

  it('reads hostile input as malformed, never throwing', () => {
    for (const input of [
      null,
      42,
      '',
      'fb1',
      'fb1:a:b',
      `fb1:a:b.1.${'x'.repeat(43)}`,
      'x'.repeat(5000),
      '<script>alert(1)</script>',
      'fb1:../../etc:passwd.1.abc',
    ]) {
      const result = readBadgeToken(input, DURING)
      expect(result.ok).toBe(false)
    }
    // A well-signed token whose payload is not a badge's (wrong prefix, extra fields, odd ids) is malformed.
    const odd = sign('fair-badge', 'fb2:a:b', { expiresAt: FAIR.endsAt })
    expect(readBadgeToken(odd, DURING)).toEqual({ ok: false, reason: 'malformed' })
    const extra = sign('fair-badge', `fb1:${REG.id}:${REG.fairId}:x`, { expiresAt: FAIR.endsAt })
    expect(readBadgeToken(extra, DURING)).toEqual({ ok: false, reason: 'malformed' })
    const slashes = sign('fair-badge', 'fb1:a/b:c', { expiresAt: FAIR.endsAt })
    expect(readBadgeToken(slashes, DURING)).toEqual({ ok: false, reason: 'malformed' })
  })
})
