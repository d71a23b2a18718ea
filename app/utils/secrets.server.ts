import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { getEnv } from './env.server'

let cachedSecret: string | undefined

/**
 * Secret for signing cookies. Operators set SESSION_SECRET; a zero-set-up install generates one
 * once and keeps it in the data folder so sessions survive restarts.
 */
export function getSessionSecret(): string {
  if (cachedSecret) return cachedSecret
  const env = getEnv()
  if (env.SESSION_SECRET) return (cachedSecret = env.SESSION_SECRET)
  if (env.NODE_ENV === 'test' || env.PGLITE_DATA_DIR === 'memory://') {
    return (cachedSecret = randomBytes(32).toString('hex'))
  }
  const file = path.resolve('data', 'session-secret')
  try {
    cachedSecret = readFileSync(file, 'utf8').trim()
  } catch {
    mkdirSync(path.dirname(file), { recursive: true })
    cachedSecret = randomBytes(32).toString('hex')
    writeFileSync(file, cachedSecret, { mode: 0o600 })
  }
  return cachedSecret
}

export function isCookieSecure(): boolean {
  const env = getEnv()
  if (env.COOKIE_SECURE !== 'auto') return env.COOKIE_SECURE === 'true'
  return env.APP_URL?.startsWith('https://') ?? false
}
