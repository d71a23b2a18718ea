import { randomBytes } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { maskSecret, openSecret, parseSecretsKey, SealedSecretError, sealSecret } from './sealed-secrets.server'

describe('sealed secrets', () => {
  const key = randomBytes(32)

  test('opens what it sealed, and seals the same secret differently each time', () => {
    const first = sealSecret('live_abcd-1234-efgh', key)
    const second = sealSecret('live_abcd-1234-efgh', key)
    expect(first).not.toBe(second)
    expect(first).not.toContain('abcd')
    expect(openSecret(first, key)).toBe('live_abcd-1234-efgh')
    expect(openSecret(second, key)).toBe('live_abcd-1234-efgh')
    expect(openSecret(sealSecret('', key), key)).toBe('')
  })

  test('refuses a secret sealed under another key, an altered one, and text that was never sealed', () => {
    const sealed = sealSecret('stream-key', key)
    expect(() => openSecret(sealed, randomBytes(32))).toThrow(new SealedSecretError('sealed with another SECRETS_ENCRYPTION_KEY'))
    const parts = sealed.split('.')
    const flipped = Buffer.from(parts[4] ?? '', 'base64url')
    flipped[0] = (flipped[0] ?? 0) ^ 1
    parts[4] = flipped.toString('base64url')
    expect(() => openSecret(parts.join('.'), key)).toThrow('the sealed secret was altered')
    expect(() => openSecret('stream-key', key)).toThrow('not a sealed secret')
    expect(() => openSecret(`${sealed}.extra`, key)).toThrow('not a sealed secret')
  })

  test('reads the key as 64 hex characters or base64 of 32 bytes, and nothing else', () => {
    const raw = randomBytes(32)
    expect(parseSecretsKey(raw.toString('hex')).equals(raw)).toBe(true)
    expect(parseSecretsKey(raw.toString('base64')).equals(raw)).toBe(true)
    expect(() => parseSecretsKey('too-short')).toThrow('SECRETS_ENCRYPTION_KEY must be 32 bytes')
  })

  test('masks all but the last four characters, and all of a short secret', () => {
    expect(maskSecret('abcd-efgh-ijkl-mnop')).toBe('••••••••mnop')
    expect(maskSecret('short')).toBe('••••••••')
  })
})
