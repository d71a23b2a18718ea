// Prisma driver adapter factory over one shared PGlite instance (pglite-prisma-adapter), with
// the fixes the schema engine needs. PGlite is single-process: the migration engine and the
// PrismaClient must use this same instance.
import type { PGlite } from '@electric-sql/pglite'
import { createPGlite } from './pglite-create.ts'
import { DriverAdapterError, type SqlDriverAdapter, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils'
import { PrismaPGlite } from 'pglite-prisma-adapter'

type ErrorMapper = { onError?: (error: unknown) => never }

/**
 * pglite-prisma-adapter 0.7.2 does not await `client.exec()` in executeScript, so a failing
 * migration.sql is recorded as applied. Run the script awaited and map errors the way the
 * adapter maps query errors (its internal `onError`), so the engine reports the SQL error.
 */
function awaitScripts(adapter: SqlDriverAdapter, client: PGlite): SqlDriverAdapter {
  adapter.executeScript = async (script: string) => {
    try {
      await client.exec(script)
    } catch (error) {
      const mapper = adapter as unknown as ErrorMapper
      if (typeof mapper.onError === 'function') mapper.onError(error)
      throw asDriverAdapterError(error)
    }
  }
  return adapter
}

function asDriverAdapterError(error: unknown): unknown {
  if (!(error instanceof Error) || typeof (error as { code?: unknown }).code !== 'string') return error
  const e = error as Error & { code: string; severity?: string; detail?: string; hint?: string }
  return new DriverAdapterError({
    kind: 'postgres',
    code: e.code,
    severity: e.severity ?? 'ERROR',
    message: e.message,
    detail: e.detail,
    column: undefined,
    hint: e.hint,
  })
}

export function createPGliteAdapterFactory(client: PGlite): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaPGlite(client)
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect() {
      return awaitScripts(await inner.connect(), client)
    },
    connectToShadowDb: connectPGliteShadow,
  }
}

/** The stock shadow database is an in-memory PGlite that is never closed; this one is closed on dispose. */
export async function connectPGliteShadow(): Promise<SqlDriverAdapter> {
  const shadow = await createPGlite('memory://')
  const adapter = awaitScripts(await new PrismaPGlite(shadow).connect(), shadow)
  adapter.dispose = () => shadow.close()
  return adapter
}
