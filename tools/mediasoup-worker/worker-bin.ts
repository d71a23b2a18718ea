// Shared by smoke-test.ts and browser-e2e.ts: which mediasoup-worker to test.
// argv[2], else $MEDIASOUP_WORKER_BIN, else the path build.sh prints on the
// last line of stdout (cached fast path, or a full offline build).
import { execFileSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export function resolveWorkerBin(): string {
  const fromArg = process.argv[2]
  if (fromArg) return fromArg
  const fromEnv = process.env.MEDIASOUP_WORKER_BIN
  if (fromEnv) return fromEnv
  const here = dirname(fileURLToPath(import.meta.url))
  const out = execFileSync(join(here, 'build.sh'), {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const last = out.trim().split('\n').pop()
  if (!last) throw new Error('build.sh printed no path')
  return last
}
