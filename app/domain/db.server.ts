import { Prisma, PrismaClient } from '~/generated/prisma/client'
import { applyMigrations, openDatabase, resolveDatabaseTarget } from '../../prisma/engine/database.ts'
import { getLogger } from '~/utils/logger.server'

// The HTTP server (run by tsx) and the bundled app each load their own copy of this module;
// the client lives on globalThis so both share one database (PGlite allows one opener per folder).
const DB_KEY = Symbol.for('tradecast.db')

type OpenedDb = { prisma: PrismaClient; close: () => Promise<void> }
type GlobalWithDb = typeof globalThis & { [DB_KEY]?: Promise<OpenedDb> }

async function open(): Promise<OpenedDb> {
  const started = performance.now()
  const target = resolveDatabaseTarget(process.env)
  const database = await openDatabase(target)
  const { applied } = await applyMigrations(database)
  const prisma = new PrismaClient({ adapter: database.adapter })
  getLogger().info({ database: target.kind, migrationsApplied: applied.length, ms: Math.round(performance.now() - started) }, 'database ready')
  return {
    prisma,
    close: async () => {
      await prisma.$disconnect()
      await database.close()
    },
  }
}

function opened(): Promise<OpenedDb> {
  const holder = globalThis as GlobalWithDb
  holder[DB_KEY] ??= open().catch((error: unknown) => {
    Reflect.deleteProperty(holder, DB_KEY)
    throw error
  })
  return holder[DB_KEY]
}

/** The Prisma client, with all migrations applied on first use. */
export async function getPrisma(): Promise<PrismaClient> {
  return (await opened()).prisma
}

export async function disconnectPrisma(): Promise<void> {
  const holder = globalThis as GlobalWithDb
  const current = holder[DB_KEY]
  if (!current) return
  Reflect.deleteProperty(holder, DB_KEY)
  await (await current).close()
}

/** A unique index refused the write (P2002): the one test for "someone made the same row first". */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002'
}

/** A 32-bit advisory lock key for one record of a kind (FNV-1a of `kind:id`), for locks where no row can be taken. */
export function advisoryLockKey(kind: string, id: string): number {
  let hash = 0x811c9dc5
  for (const char of `${kind}:${id}`) {
    hash ^= char.charCodeAt(0)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash | 0
}

/** Holds the advisory lock of one record of a kind until the transaction ends (callers of the same kind and id queue). */
export async function lockRecordKey(tx: Prisma.TransactionClient, kind: string, id: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${advisoryLockKey(kind, id)}::int)`
}
