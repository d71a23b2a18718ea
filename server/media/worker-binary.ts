import { existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { version } from 'mediasoup'

/**
 * Where the mediasoup worker binary is: MEDIASOUP_WORKER_BIN when set, otherwise the copy that
 * tools/mediasoup-worker/build.sh cached for the installed mediasoup version. mediasoup's own
 * download is disabled (ADR 006), so without either the server cannot start media.
 */
export function resolveWorkerBinary(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MEDIASOUP_WORKER_BIN) {
    if (existsSync(env.MEDIASOUP_WORKER_BIN)) return env.MEDIASOUP_WORKER_BIN
    throw new Error(`MEDIASOUP_WORKER_BIN points at ${env.MEDIASOUP_WORKER_BIN}, which does not exist`)
  }
  const cacheRoot = env.TRADECAST_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'tradecast')
  const cached = path.join(cacheRoot, 'mediasoup-worker', version, 'mediasoup-worker')
  if (existsSync(cached)) return cached
  throw new Error(`No mediasoup worker for mediasoup ${version}: run tools/mediasoup-worker/build.sh (or set MEDIASOUP_WORKER_BIN)`)
}
