import { spawnSync } from 'node:child_process'
import pg from 'pg'
import { postgresAnswers } from '../tests/postgres.ts'

// Benchmarks run once per database in a child process (the app's database module is one per
// process): embedded PGlite always, PostgreSQL when BENCH_POSTGRES_URL (or the local server) answers.

export type BenchTarget = { label: string; env: Record<string, string> }

/** PGlite in data/<name>, plus a scratch PostgreSQL database <name> (dropped by cleanup unless BENCH_KEEP=1). */
export async function benchTargets(name: string): Promise<{ targets: BenchTarget[]; cleanup: () => Promise<void> }> {
  const targets: BenchTarget[] = [{ label: 'PGlite (embedded)', env: { PGLITE_DATA_DIR: `data/${name}` } }]
  const adminUrl = process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'
  if (!(await postgresAnswers(adminUrl)))
    return {
      targets,
      cleanup: async () => {
        // No PostgreSQL, no scratch database to drop.
      },
    }
  const database = name.replace(/[^a-z0-9_]/gi, '_')
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database}"`)
  await admin.end()
  const url = new URL(adminUrl)
  url.pathname = `/${database}`
  targets.push({ label: 'PostgreSQL 127.0.0.1', env: { DATABASE_URL: url.toString() } })
  return {
    targets,
    cleanup: async () => {
      if (process.env.BENCH_KEEP === '1') return
      const client = new pg.Client({ connectionString: adminUrl })
      await client.connect()
      await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)
      await client.end()
    },
  }
}

/** Runs `script --child` for the target and returns the JSON object on its last stdout line. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the child's JSON, typed by the caller
export function runBenchChild<T>(script: string, target: BenchTarget): T {
  const child = spawnSync(process.execPath, ['--import', 'tsx', script, '--child'], {
    env: { ...process.env, ...target.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', SEED_DEMO_DATA: 'false' },
    encoding: 'utf8',
    maxBuffer: 10 * 2 ** 20,
  })
  if (child.status !== 0) {
    console.error(child.stderr)
    throw new Error(`${target.label}: benchmark child failed`)
  }
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as T
}
