import { createClient } from 'redis'
import type { ChildProcess } from 'node:child_process'
import { createScratchDatabase as createDatabase, dropScratchDatabase as dropDatabase, postgresAnswers as answers } from '../tests/postgres'
import { spawnServer, stopServer, untilServerAnswers } from '../tests/server-process'

// Specs that read what the app writes, or need several server processes, run their own production
// server(s) on a scratch PostgreSQL database (PGlite admits one process per data folder, and the
// shared e2e server holds that one). Needs PostgreSQL at E2E_POSTGRES_URL (default the local server).

export const POSTGRES_ADMIN_URL = process.env.E2E_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'

export const postgresAnswers = () => answers(POSTGRES_ADMIN_URL)

/** Whether a Redis answers at `url` (specs that need one skip without it). */
export async function redisAnswers(url: string): Promise<boolean> {
  const client = createClient({ url, socket: { connectTimeout: 2000, reconnectStrategy: false } })
  client.on('error', () => undefined)
  try {
    await client.connect()
    await client.ping()
    await client.quit()
    return true
  } catch {
    return false
  }
}

export const createScratchDatabase = (name: string) => createDatabase(POSTGRES_ADMIN_URL, name)
export const dropScratchDatabase = (name: string) => dropDatabase(POSTGRES_ADMIN_URL, name)

/**
 * Starts `server/index.ts` in production mode on `port` and waits until /healthz answers (at
 * http://localhost:`port`). `commandPrefix` runs it through another command (`ip netns exec <ns>`, see
 * tests/server-process.ts); `onOutput` receives its log (stdout) and stderr, otherwise stderr goes to the
 * test's and the log nowhere.
 */
export async function startOwnServer(options: {
  port: number
  databaseUrl: string
  env?: Record<string, string>
  commandPrefix?: readonly string[]
  onOutput?: (chunk: Buffer) => void
}): Promise<ChildProcess> {
  const baseUrl = `http://localhost:${options.port}`
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(options.port),
    DATABASE_URL: options.databaseUrl,
    SEED_DEMO_DATA: 'true',
    LOG_LEVEL: 'warn',
    SESSION_SECRET: 'e2e-own-server-session-secret-0123456789abcdef',
    APP_URL: baseUrl,
    ...options.env,
  }
  const onOutput = options.onOutput
  const server = onOutput
    ? spawnServer(env, 'pipe', { commandPrefix: options.commandPrefix, stdout: 'pipe' })
    : spawnServer(env, 'inherit', { commandPrefix: options.commandPrefix })
  if (onOutput) for (const stream of [server.stdout!, server.stderr!]) stream.on('data', onOutput)
  await untilServerAnswers(server, { baseUrl, label: `server on port ${options.port}`, timeoutMs: 200_000 })
  return server
}

export async function stopOwnServer(server: ChildProcess | undefined): Promise<void> {
  if (server) await stopServer(server, 'SIGTERM', 15_000)
}
