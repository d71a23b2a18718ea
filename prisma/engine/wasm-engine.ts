// Loads Prisma's schema engine compiled to Wasm (@prisma/schema-engine-wasm) and wraps its
// lifecycle. The package's own entry uses ESM Wasm imports, which Node does not support, so the
// module is instantiated here by hand with the package's JS glue as its import object.
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils'
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg'
import type { SchemaEngine } from '@prisma/schema-engine-wasm'

export type { SchemaEngine }

/** Hash of the prisma-engines commit this Wasm build comes from (must match the prisma CLI). */
export const ENGINES_HASH = '0edf323efd1d98336f3f0a68684b56f689b900d3'

/** The engine refuses to start without a schema; commands that need none get the provider only. */
export const PROVIDER_ONLY_SCHEMA: [string, string] = ['schema.prisma', 'datasource db {\n  provider = "postgresql"\n}\n']

export type EngineLogger = (line: string) => void

// The engine arms setTimeout()s it never clears, which keeps a finished process alive for ~10 s.
// Timers are tracked so that closing the last engine can clear the leftovers.
const pendingTimers = new Set<NodeJS.Timeout>()
let openEngines = 0
let loaded: Promise<typeof glue.SchemaEngine> | undefined

// The Wasm glue reports Rust panics through this global; without it a panic becomes a TypeError.
// The message is kept so a failed call can say what panicked.
let lastPanic: string | undefined
const panicHost = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } }
panicHost.PRISMA_WASM_PANIC_REGISTRY ??= {
  set_message(message: string) {
    lastPanic = message
  },
}

/** The last Rust panic message reported by the engine, if any (for error reports). */
export function takeLastPanic(): string | undefined {
  const message = lastPanic
  lastPanic = undefined
  return message
}

function trackedSetTimeout(callback: () => void, ms: number): NodeJS.Timeout {
  const timer = setTimeout(() => {
    pendingTimers.delete(timer)
    callback()
  }, ms >>> 0)
  pendingTimers.add(timer)
  return timer
}

async function instantiate(): Promise<typeof glue.SchemaEngine> {
  const require = createRequire(import.meta.url)
  const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')
  const bytes = await readFile(path.join(path.dirname(gluePath), 'schema_engine_bg.wasm'))
  const imports: Record<string, unknown> = { ...glue }
  for (const name of Object.keys(imports)) {
    if (name.startsWith('__wbg_setTimeout_')) imports[name] = trackedSetTimeout
  }
  const { instance } = await WebAssembly.instantiate(bytes, {
    './schema_engine_bg.js': imports as WebAssembly.ModuleImports,
  })
  const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start(): void }
  glue.__wbg_set_wasm(exports)
  exports.__wbindgen_start()
  return glue.SchemaEngine
}

export type EngineFailure = { message: string; migrationName?: string; errorCode?: string }

/**
 * Wasm engine errors carry only a message: the cause, then a span trace. A failed migration is
 * reworded like the native engine's P3018 so the CLI output reads the same.
 */
export function describeEngineError(error: unknown): EngineFailure {
  const raw = error instanceof Error ? error.message : String(error)
  const cause = raw.split(/\n\s+0: /)[0]?.trim() ?? raw
  const appliedName = raw.includes('apply_script') ? /migration_name="([^"]+)"/.exec(raw)?.[1] : undefined
  if (appliedName) {
    return {
      migrationName: appliedName,
      errorCode: 'P3018',
      message:
        'A migration failed to apply. New migrations cannot be applied before the error is recovered from. ' +
        'Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve' +
        `\n\nMigration name: ${appliedName}\n\nDatabase error:\n${cause.replace(/^external connector error\n/, '')}`,
    }
  }
  return { message: cause, migrationName: /The `([^`]+)` migration .* failed/.exec(raw)?.[1] }
}

export type EngineOptions = {
  /** Prisma schema files as [path, content]; may be empty for operations that need no schema. */
  datamodels: Array<[string, string]>
  adapterFactory: SqlMigrationAwareDriverAdapterFactory
  log?: EngineLogger
}

export type OpenedEngine = {
  engine: SchemaEngine
  /** Frees the engine (its connections are owned by the adapter factory, not closed here). */
  close: () => void
}

export async function openSchemaEngine(options: EngineOptions): Promise<OpenedEngine> {
  loaded ??= instantiate()
  const SchemaEngineClass = await loaded
  const log =
    options.log ??
    (() => {
      // Quiet unless the caller asks for progress.
    })
  const engine = await SchemaEngineClass.new(
    { datamodels: options.datamodels },
    (line: string) => log(line),
    bindMigrationAwareSqlAdapterFactory(options.adapterFactory),
  )
  openEngines += 1
  let closed = false
  return {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- made by the class's own static new()
    engine,
    close() {
      if (closed) return
      closed = true
      engine.free()
      openEngines -= 1
      if (openEngines > 0) return
      for (const timer of pendingTimers) clearTimeout(timer)
      pendingTimers.clear()
    },
  }
}
