// The two commands as an operator (or cron) runs them: what goes wrong is one line on stderr and an
// exit code that says what kind of problem it is (docs/backups.md lists them).
import { spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXIT_CODES } from './errors.ts'

let tmp: string

function run(script: 'backup' | 'restore', args: string[], env: Record<string, string> = {}) {
  const inherited = { ...process.env }
  for (const name of ['DATABASE_URL', 'PGLITE_DATA_DIR', 'UPLOAD_DIR', 'RECORDINGS_DIR', 'BACKUP_DIR', 'BACKUP_KEEP']) Reflect.deleteProperty(inherited, name)
  const child = spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
    env: { ...inherited, BACKUP_DIR: path.join(tmp, 'backups'), UPLOAD_DIR: path.join(tmp, 'uploads'), RECORDINGS_DIR: path.join(tmp, 'recordings'), ...env },
    encoding: 'utf8',
  })
  return { status: child.status, stderr: child.stderr, stdout: child.stdout }
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'tradecast-backup-cli-'))
})

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true })
})

describe('npm run backup / restore exit codes', () => {
  it('usage: no backup named, an unknown option, a bad --keep', () => {
    const missing = run('restore', [])
    expect(missing.status).toBe(EXIT_CODES.usage)
    expect(missing.stderr).toContain('name the backup to restore')
    expect(missing.stderr).toContain('Usage: npm run restore')
    expect(run('backup', ['--bogus']).status).toBe(EXIT_CODES.usage)
    const keep = run('backup', ['--keep', '0'])
    expect(keep.status).toBe(EXIT_CODES.usage)
    expect(keep.stderr).toContain('--keep')
  })

  it('usage: a password on the command line is refused (ps shows it to every user), and not echoed', () => {
    const result = run('restore', ['latest', '--database-url', 'postgresql://tradecast:s3cret-pw@127.0.0.1:5432/tradecast_drill'])
    expect(result.status).toBe(EXIT_CODES.usage)
    expect(result.stderr).toContain('PGPASSWORD')
    expect(result.stderr).not.toContain('s3cret-pw')
  })

  it('in use: a PGlite folder whose lock a live process holds', async () => {
    const dataDir = path.join(tmp, 'held')
    await mkdir(dataDir, { recursive: true })
    await writeFile(path.join(dataDir, 'PG_VERSION'), '17\n')
    // This test's own process stands in for the server that holds the folder.
    await writeFile(`${dataDir}.lock`, String(process.pid))
    const result = run('backup', [], { PGLITE_DATA_DIR: dataDir })
    expect(result.status).toBe(EXIT_CODES['in-use'])
    expect(result.stderr).toContain(`in use by process ${process.pid}`)
    expect(result.stderr).not.toContain('    at ') // a message, not a stack trace
  })

  it('bad backup: a folder without a manifest', async () => {
    const notABackup = path.join(tmp, 'not-a-backup')
    await mkdir(notABackup)
    const result = run('restore', [notABackup], { PGLITE_DATA_DIR: path.join(tmp, 'target') })
    expect(result.status).toBe(EXIT_CODES['bad-backup'])
    expect(result.stderr).toContain('no manifest.json')
  })
})
