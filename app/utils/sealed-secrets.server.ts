import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { getEnv } from './env.server'

// Secrets the platform must use again later (restream stream keys, ingest tokens) are sealed with
// AES-256-GCM before they reach the database: a leaked backup or a read-only SQL hole gives nothing usable.
// Sealed form: `v1.<key id>.<iv>.<tag>.<ciphertext>` (base64url); the key id names the key that sealed it,
// so a secret sealed under another key fails with a clear error instead of garbage.

const VERSION = 'v1'
const KEY_BYTES = 32
const IV_BYTES = 12

export class SealedSecretError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SealedSecretError'
  }
}

let cachedKey: Buffer | undefined

/** Reads SECRETS_ENCRYPTION_KEY: 32 bytes as 64 hex characters or base64. */
export function parseSecretsKey(value: string): Buffer {
  const trimmed = value.trim()
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64')
  if (key.length !== KEY_BYTES) throw new SealedSecretError('SECRETS_ENCRYPTION_KEY must be 32 bytes (64 hex characters or base64)')
  return key
}

/**
 * The sealing key. Operators set SECRETS_ENCRYPTION_KEY (and keep it outside the database's backups); a
 * zero-set-up install generates one once in the data folder, as it does the session secret.
 */
function sealingKey(): Buffer {
  if (cachedKey) return cachedKey
  const env = getEnv()
  if (env.SECRETS_ENCRYPTION_KEY) return (cachedKey = parseSecretsKey(env.SECRETS_ENCRYPTION_KEY))
  if (env.NODE_ENV === 'test' || env.PGLITE_DATA_DIR === 'memory://') return (cachedKey = randomBytes(KEY_BYTES))
  const file = path.resolve('data', 'secrets-key')
  try {
    cachedKey = parseSecretsKey(readFileSync(file, 'utf8'))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    mkdirSync(path.dirname(file), { recursive: true })
    cachedKey = randomBytes(KEY_BYTES)
    writeFileSync(file, cachedKey.toString('hex'), { mode: 0o600 })
  }
  return cachedKey
}

function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 8)
}

/** Seals a secret for storage; every call gives a different sealed text (random IV). */
export function sealSecret(plain: string, key: Buffer = sealingKey()): string {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return [VERSION, keyIdOf(key), iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.')
}

/** Opens a sealed secret; throws SealedSecretError when it was sealed with another key or was altered. */
export function openSecret(sealed: string, key: Buffer = sealingKey()): string {
  const [version, keyId, iv, tag, ciphertext, ...rest] = sealed.split('.')
  if (version !== VERSION || !keyId || !iv || !tag || ciphertext === undefined || rest.length > 0) {
    throw new SealedSecretError('not a sealed secret')
  }
  if (keyId !== keyIdOf(key)) throw new SealedSecretError('sealed with another SECRETS_ENCRYPTION_KEY')
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8')
  } catch {
    throw new SealedSecretError('the sealed secret was altered')
  }
}

/** What a person sees of a stored secret: its last four characters, enough to tell two keys apart. */
export function maskSecret(plain: string): string {
  const shown = plain.length > 8 ? plain.slice(-4) : ''
  return `••••••••${shown}`
}
