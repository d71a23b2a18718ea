import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { pgliteUrl, projectRoot, resolveDatabaseTarget, targetFromUrl } from './database-url.ts'

describe('database targets', () => {
  it('defaults to a PGlite folder under data/pglite', () => {
    expect(resolveDatabaseTarget({})).toEqual({ kind: 'pglite', dataDir: path.join(projectRoot, 'data/pglite') })
  })

  it('uses DATABASE_URL for PostgreSQL', () => {
    const url = 'postgresql://postgres@127.0.0.1:5432/tradecast'
    expect(resolveDatabaseTarget({ DATABASE_URL: url, PGLITE_DATA_DIR: '/x' })).toEqual({ kind: 'postgres', url })
  })

  it('round-trips PGlite folders and memory through the URL convention', () => {
    expect(pgliteUrl('/srv/data dir')).toBe('postgresql://pglite/tradecast?dataDir=%2Fsrv%2Fdata%20dir')
    expect(targetFromUrl(pgliteUrl('/srv/data dir'))).toEqual({ kind: 'pglite', dataDir: '/srv/data dir' })
    expect(targetFromUrl(pgliteUrl('memory://'))).toEqual({ kind: 'pglite', dataDir: 'memory://' })
  })

  it('rejects non-PostgreSQL URLs', () => {
    expect(() => targetFromUrl('mysql://localhost/x')).toThrow(/postgresql/)
  })
})
