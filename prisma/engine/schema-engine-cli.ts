// Stand-in for Prisma's native `schema-engine` binary (which the CLI downloads from
// binaries.prisma.sh, unreachable here), backed by the same engine compiled to Wasm.
// The Prisma CLI finds it through PRISMA_SCHEMA_ENGINE_BINARY (set in prisma.config.ts).
//
//   schema-engine --version
//   schema-engine --datasource <json> cli can-connect-to-database|create-database|drop-database
//   schema-engine [--datamodels <file>]... [--datasource <json>] [...]   JSON-RPC 2.0 over stdio
//
// Protocol: one JSON object per line; requests on stdin, answers on stdout, JSON log lines on
// stderr. stdout therefore carries nothing else (console output is rerouted to stderr).
import { readFile } from 'node:fs/promises'
import readline from 'node:readline'
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils'
import { canConnect, createDatabase, dropDatabase, DatabaseAdminError } from './database-admin.ts'
import { PGLITE_MEMORY, targetFromUrl, type DatabaseTarget } from './database-url.ts'
import { openDatabase, type OpenedDatabase } from './database.ts'
import { connectPGliteShadow } from './pglite-adapter.ts'
import { describeEngineError, ENGINES_HASH, openSchemaEngine, PROVIDER_ONLY_SCHEMA, takeLastPanic, type OpenedEngine } from './wasm-engine.ts'

type Args = {
  version: boolean
  datamodels: string[]
  datasource: { url?: string; shadowDatabaseUrl?: string }
  cliCommand: string | undefined
}

function parseArgs(argv: string[]): Args {
  const args: Args = { version: false, datamodels: [], datasource: {}, cliCommand: undefined }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--version' || arg === '-V') args.version = true
    else if (arg === '--datamodels') args.datamodels.push(argv[++i] ?? '')
    else if (arg === '--datasource') args.datasource = JSON.parse(argv[++i] ?? '{}') as Args['datasource']
    else if (arg === 'cli') args.cliCommand = argv[++i]
    else if (arg === '--enabled-preview-features' || arg === '--extension-types') i++ // not needed by the Wasm engine
  }
  return args
}

// ---- stderr logging in the engine's format -------------------------------------------------

function writeLog(level: string, fields: Record<string, unknown>): void {
  process.stderr.write(`${JSON.stringify({ timestamp: new Date().toISOString(), level, fields, target: 'schema_engine::logger' })}\n`)
}

function rerouteConsole(): void {
  const toLog =
    (level: string) =>
    (...parts: unknown[]) =>
      writeLog(level, { message: parts.map(String).join(' ') })
  console.log = console.info = toLog('INFO')
  console.debug = toLog('DEBUG')
  console.warn = toLog('WARN')
  console.error = toLog('ERROR')
}

// ---- the database, opened on first use ---------------------------------------------------------

/** Opens the main database only when the engine first connects: diffs need no database, and
 * a PGlite folder stays free for other processes. */
function lazyDatabase(target: DatabaseTarget, shadowDatabaseUrl: string | undefined) {
  let opened: Promise<OpenedDatabase> | undefined
  const get = () => (opened ??= openDatabase(target, { shadowDatabaseUrl, lockWaitMs: 15_000 }))
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: 'postgres',
    adapterName: target.kind === 'pglite' ? 'pglite-prisma-adapter' : '@prisma/adapter-pg',
    connect: async () => (await get()).adapter.connect(),
    connectToShadowDb: async () => (target.kind === 'pglite' ? connectPGliteShadow() : (await get()).adapter.connectToShadowDb()),
  }
  const close = async () => {
    if (opened) await (await opened).close()
  }
  return { factory, close }
}

// ---- one-shot commands -------------------------------------------------------------------------

async function runCliCommand(command: string, target: DatabaseTarget): Promise<number> {
  writeLog('INFO', { message: `schema-engine stand-in: cli ${command}` }) // the CLI skips the first line
  try {
    if (command === 'can-connect-to-database') await canConnect(target)
    else if (command === 'create-database') await createDatabase(target)
    else if (command === 'drop-database') await dropDatabase(target)
    else throw new Error(`Unknown cli command: ${command}`)
    return 0
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    writeLog('ERROR', { message, ...(error instanceof DatabaseAdminError ? { error_code: error.code } : {}) })
    return 1
  }
}

// ---- JSON-RPC server ---------------------------------------------------------------------------

type RpcRequest = { id: number | string; method: string; params?: Record<string, unknown> }
type RpcResponse = { id: number | string; result?: unknown; error?: unknown }

const send = (message: object) => process.stdout.write(`${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`)

function rpcError(message: string, isPanic: boolean, errorCode?: string) {
  const data = { is_panic: isPanic, message, meta: null, error_code: errorCode ?? null }
  return { code: 4466, message: 'An error happened. Check the data field for details.', data }
}

async function serveRpc(args: Args, target: DatabaseTarget): Promise<void> {
  const database = lazyDatabase(target, args.datasource.shadowDatabaseUrl)
  const datamodels: Array<[string, string]> = args.datamodels.length
    ? await Promise.all(args.datamodels.map(async (file) => [file, await readFile(file, 'utf8')] as [string, string]))
    : [PROVIDER_ONLY_SCHEMA]
  const enginePromise = openSchemaEngine({
    datamodels,
    adapterFactory: database.factory,
    log: (line) => process.stderr.write(line.endsWith('\n') ? line : `${line}\n`),
  })
  enginePromise.catch(() => {
    // Reported by the first request.
  })

  // The engine hands `diff` output to the CLI with a `print` request and waits for its answer.
  let nextPrintId = 1
  const pendingPrints = new Map<number | string, () => void>()
  const printToCli = (content: string) =>
    new Promise<void>((resolve) => {
      const id = `print-${nextPrintId++}`
      pendingPrints.set(id, resolve)
      send({ id, method: 'print', params: { content } })
    })

  async function dispatch(engine: OpenedEngine['engine'], request: RpcRequest): Promise<unknown> {
    const params = request.params ?? {}
    switch (request.method) {
      case 'diff': {
        const result = await engine.diff(params as never)
        if (result.stdout != null) await printToCli(result.stdout)
        return { exitCode: result.exitCode }
      }
      case 'getDatabaseVersion':
        return engine.version(params as never)
      case 'createDatabase':
        return { databaseName: await createDatabase(target) }
      default: {
        const method = (engine as unknown as Record<string, unknown>)[request.method]
        if (typeof method !== 'function' || request.method === 'free') throw new Error(`Unknown method: ${request.method}`)
        return method.call(engine, params)
      }
    }
  }

  let panicked = false
  async function handle(request: RpcRequest): Promise<void> {
    try {
      const engine = (await enginePromise).engine
      send({ id: request.id, result: (await dispatch(engine, request)) ?? {} })
    } catch (error) {
      // A Rust panic surfaces as a Wasm RuntimeError; its message comes from the panic hook.
      const isPanic = error instanceof WebAssembly.RuntimeError
      const failure = describeEngineError(error)
      const message = (isPanic && takeLastPanic()) || failure.message
      send({ id: request.id, error: rpcError(message, isPanic, failure.errorCode) })
      if (isPanic) panicked = true
    }
  }

  let queue = Promise.resolve()
  let shuttingDown: Promise<void> | undefined
  const shutdown = (exitCode: number) =>
    (shuttingDown ??= (async () => {
      // free() neither closes the connections nor clears the engine's timers: do both, then exit
      // so no pool or timer keeps the process alive.
      await enginePromise
        .then((opened) => opened.close())
        .catch(() => {
          // Exiting anyway; a failed start was reported by the first request.
        })
      await database.close().catch((error: unknown) => writeLog('ERROR', { message: `closing database: ${String(error)}` }))
      process.exit(exitCode)
    })())

  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity })
  lines.on('line', (line) => {
    if (!line.trim()) return
    const message = JSON.parse(line) as RpcRequest | RpcResponse
    if (!('method' in message)) {
      pendingPrints.get(message.id)?.()
      pendingPrints.delete(message.id)
      return
    }
    queue = queue
      .then(() => handle(message))
      .then(() => {
        if (panicked) void shutdown(101)
      })
  })
  // The CLI ends stdin and then sends SIGTERM right away; finish the current request, then close.
  lines.on('close', () => void queue.then(() => shutdown(0)))
  process.on('SIGTERM', () => void queue.then(() => shutdown(0)))
  process.on('SIGINT', () => void shutdown(130))
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  if (args.version) {
    process.stdout.write(`schema-engine-cli ${ENGINES_HASH}\n`)
    return
  }
  rerouteConsole()
  const url = args.datasource.url
  const target: DatabaseTarget = url ? targetFromUrl(url) : { kind: 'pglite', dataDir: PGLITE_MEMORY }
  if (args.cliCommand) process.exit(await runCliCommand(args.cliCommand, target))
  await serveRpc(args, target)
}

await main()
