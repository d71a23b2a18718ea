// `npm run bench:backup`: how long `npm run backup` and `npm run restore` take for the demo data on this
// machine (the RPO/RTO figures of docs/backups.md), on embedded PGlite and on PostgreSQL when the local
// server answers; then again with synthetic media (BENCH_BACKUP_MEDIA_MB of incompressible recording
// parts, default 200, plus 10 MB of uploads) to show the file throughput. Each command runs as the
// operator runs it (a fresh process, startup included), three times; restores go into fresh targets.
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createScratchDatabase, databaseUrlOf, dropScratchDatabase, postgresAnswers } from '../tests/postgres.ts'
import { describeMachine, summarize } from './machine.ts'

const RUNS = 3
const MEDIA_MB = Number(process.env.BENCH_BACKUP_MEDIA_MB ?? 200)
const adminUrl = process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'
const prefix = `tradecast_bench_backup_${process.pid}`

type Env = Record<string, string>

/** Runs an npm script's program the way `npm run` does (tsx on this Node) and returns its wall time. */
function timed(script: string, args: string[], env: Env): number {
  const started = performance.now()
  const inherited = { ...process.env }
  // Only what each run names: a DATABASE_URL of the caller's shell must not turn a PGlite run into PostgreSQL.
  for (const name of ['DATABASE_URL', 'PGLITE_DATA_DIR', 'UPLOAD_DIR', 'RECORDINGS_DIR', 'BACKUP_DIR', 'BACKUP_KEEP']) Reflect.deleteProperty(inherited, name)
  const child = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { env: { ...inherited, ...env }, encoding: 'utf8' })
  const ms = performance.now() - started
  if (child.status !== 0) throw new Error(`${script} ${args.join(' ')} failed (${child.status}):\n${child.stderr}`)
  return ms
}

async function writeMedia(dir: string): Promise<void> {
  const uploads = path.join(dir, 'uploads')
  await mkdir(uploads, { recursive: true })
  for (let i = 0; i < 50; i += 1) await writeFile(path.join(uploads, `${randomBytes(16).toString('hex')}.jpg`), randomBytes(200 * 1024))
  const segments = Math.round(MEDIA_MB / 2)
  for (let r = 0; r < Math.ceil(segments / 50); r += 1) {
    const recording = path.join(dir, 'recordings', `benchrecording${String(r).padStart(4, '0')}`)
    await mkdir(recording, { recursive: true })
    for (let s = 0; s < Math.min(50, segments - r * 50); s += 1)
      await writeFile(path.join(recording, `p000-${String(s).padStart(5, '0')}.ts`), randomBytes(2 * 1024 * 1024))
  }
}

const format = (ms: readonly number[]) => {
  const s = summarize(ms)
  return `p50 ${(s.p50 / 1000).toFixed(2)} s, max ${(s.max / 1000).toFixed(2)} s`
}

async function main(): Promise<void> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'tradecast-bench-backup-'))
  const withPostgres = await postgresAnswers(adminUrl)
  const sources: Array<{ label: string; env: Env; restoreTarget: (run: string) => { env: Env; database?: string } }> = [
    {
      label: 'PGlite',
      env: { PGLITE_DATA_DIR: path.join(scratch, 'source-pglite') },
      restoreTarget: (run) => ({ env: { PGLITE_DATA_DIR: path.join(scratch, run, 'pglite') } }),
    },
  ]
  if (withPostgres) {
    const sourceUrl = await createScratchDatabase(adminUrl, `${prefix}_source`)
    sources.push({
      label: 'PostgreSQL',
      env: { DATABASE_URL: sourceUrl },
      restoreTarget: (run) => {
        const database = `${prefix}_${run.replaceAll('-', '_')}`
        return { env: { DATABASE_URL: databaseUrlOf(adminUrl, database) }, database }
      },
    })
  }
  const common: Env = { NODE_ENV: 'production', LOG_LEVEL: 'warn', SEED_DEMO_DATA: 'false' }
  console.log(`backup/restore of the demo data (${RUNS} runs each, whole command incl. process start)`)
  console.log(describeMachine())
  try {
    for (const source of sources) {
      const env = { ...common, ...source.env }
      timed('prisma/seed.ts', [], env)
      for (const media of [false, true]) {
        const files = path.join(scratch, `${source.label}-files-${media ? 'media' : 'none'}`)
        if (media) await writeMedia(files)
        const folderEnv = { UPLOAD_DIR: path.join(files, 'uploads'), RECORDINGS_DIR: path.join(files, 'recordings') }
        const backupRoot = path.join(scratch, `${source.label}-backups-${media ? 'media' : 'none'}`)
        const backups: number[] = []
        const restores: number[] = []
        for (let run = 0; run < RUNS; run += 1) {
          backups.push(timed('scripts/backup.ts', [], { ...env, ...folderEnv, BACKUP_DIR: backupRoot }))
          const target = `restore-${source.label.toLowerCase()}-${media ? 'media' : 'none'}-${run}`
          const restoreTarget = source.restoreTarget(target)
          const targetEnv = {
            ...common,
            ...restoreTarget.env,
            UPLOAD_DIR: path.join(scratch, target, 'uploads'),
            RECORDINGS_DIR: path.join(scratch, target, 'recordings'),
            BACKUP_DIR: backupRoot,
          }
          restores.push(timed('scripts/restore.ts', ['latest'], targetEnv))
          await rm(path.join(scratch, target), { recursive: true, force: true })
          if (restoreTarget.database) await dropScratchDatabase(adminUrl, restoreTarget.database)
        }
        const what = media ? `demo data + ${MEDIA_MB} MB recordings + 10 MB uploads` : 'demo data only (no media files)'
        console.log(`${source.label.padEnd(10)} ${what.padEnd(48)} backup ${format(backups)} | restore ${format(restores)}`)
      }
    }
  } finally {
    if (withPostgres) await dropScratchDatabase(adminUrl, `${prefix}_source`)
    await rm(scratch, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
