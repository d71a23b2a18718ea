import { execFileSync } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import { describe, it } from 'vitest'
import { MediaLayer } from './index.ts'
import { WorkerPool } from './worker-pool.ts'

// Test helper: the real mediasoup worker the media tests run on. MEDIASOUP_WORKER_BIN when set, else
// the offline-built binary (tools/mediasoup-worker/build.sh prints its path in 0.01 s when cached).
function findWorkerBin(): string | undefined {
  const configured = process.env.MEDIASOUP_WORKER_BIN
  if (configured) return isExecutable(configured) ? configured : undefined
  try {
    return execFileSync('tools/mediasoup-worker/build.sh', { encoding: 'utf8', timeout: 5000, stdio: ['ignore', 'pipe', 'ignore'] })
      .trim()
      .split('\n')
      .pop()
  } catch {
    return undefined
  }
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}

export const testWorkerBin = findWorkerBin()

const NO_WORKER = process.env.MEDIASOUP_WORKER_BIN
  ? `MEDIASOUP_WORKER_BIN=${process.env.MEDIASOUP_WORKER_BIN} is not an executable mediasoup worker`
  : 'no mediasoup worker: set MEDIASOUP_WORKER_BIN to a worker binary, or build one with tools/mediasoup-worker/build.sh'

/**
 * Call once at the top of a test file that needs real workers. CI must run these tests: a missing
 * worker there is a failure, not a skip. Locally the reason for the skip is printed.
 */
export function requireTestWorker(file: string): void {
  describe.runIf(!testWorkerBin && process.env.CI === 'true')('mediasoup worker under CI', () => {
    it('is available', () => {
      throw new Error(NO_WORKER)
    })
  })
  if (!testWorkerBin && process.env.CI !== 'true') process.stdout.write(`${file}: skipped, ${NO_WORKER}\n`)
}

export const testWorkerFactory = WorkerPool.mediasoupFactory({ logLevel: 'error', ...(testWorkerBin ? { workerBin: testWorkerBin } : {}) })

/** A media layer of real workers on loopback for tests (the caller closes it). */
export function testMediaLayer(options: { workers: number; consumersPerRouter?: number; minPort: number; maxPort: number }): Promise<MediaLayer> {
  return MediaLayer.create(
    {
      workers: options.workers,
      listenIp: '127.0.0.1',
      minPort: options.minPort,
      maxPort: options.maxPort,
      consumersPerRouter: options.consumersPerRouter ?? 500,
      peerJoinTimeoutMs: 10_000,
      iceServers: [],
      logLevel: 'error',
      ...(testWorkerBin ? { workerBin: testWorkerBin } : {}),
    },
    testWorkerFactory,
  )
}
