// The stock Prisma CLI driving the stand-in engine, on a temporary PGlite folder and a
// temporary schema and migrations (never the project's own).
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { pgliteUrl, projectRoot } from './database-url.ts'
import { GOOD_MIGRATIONS, makeTempDir, SCHEMA, writeMigrations } from './test-fixtures.ts'

const run = promisify(execFile)
const SLOW = 120_000
const engineBinary = path.join(projectRoot, 'prisma/engine/schema-engine')
// npx must find the project's Node 24 (prisma's `#!/usr/bin/env node`) before the system one.
const env = { ...process.env, PATH: `${path.join(projectRoot, 'node_modules/.bin')}:${process.env.PATH}`, DATABASE_URL: '' }

describe('prisma CLI through the stand-in schema engine', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>
  let configPath: string
  let dataDir: string

  const prisma = (...args: string[]) => run('npx', ['--no-install', 'prisma', ...args, '--config', configPath], { cwd: projectRoot, env })

  beforeAll(async () => {
    temp = await makeTempDir('engine-cli')
    dataDir = path.join(temp.dir, 'pglite')
    await writeFile(path.join(temp.dir, 'schema.prisma'), SCHEMA)
    await writeMigrations(path.join(temp.dir, 'migrations'), GOOD_MIGRATIONS)
    // A plain object: `prisma/config` does not resolve from a folder outside the project.
    configPath = path.join(temp.dir, 'prisma.config.ts')
    await writeFile(
      configPath,
      `process.env.PRISMA_SCHEMA_ENGINE_BINARY = ${JSON.stringify(engineBinary)}
export default {
  schema: ${JSON.stringify(path.join(temp.dir, 'schema.prisma'))},
  migrations: { path: ${JSON.stringify(path.join(temp.dir, 'migrations'))} },
  datasource: { url: ${JSON.stringify(pgliteUrl(dataDir))} },
}
`,
    )
  })

  afterAll(async () => {
    await temp.remove()
  })

  it('prints the engines hash for --version', async () => {
    const { stdout } = await run(engineBinary, ['--version'])
    expect(stdout.trim()).toBe('schema-engine-cli 0edf323efd1d98336f3f0a68684b56f689b900d3')
  })

  it(
    'runs migrate deploy, then migrate status reports the database up to date',
    async () => {
      const deploy = await prisma('migrate', 'deploy')
      expect(deploy.stdout).toMatch(/All migrations have been successfully applied/)
      expect(existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true)

      const status = await prisma('migrate', 'status')
      expect(status.stdout).toMatch(/2 migrations found/)
      expect(status.stdout).toMatch(/Database schema is up to date!/)
      // The CLI does not wait for the engine to exit; it must release the folder shortly after.
      await vi.waitFor(() => expect(existsSync(`${dataDir}.lock`)).toBe(false), { timeout: 10_000, interval: 100 })
    },
    SLOW,
  )
})
