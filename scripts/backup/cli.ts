// What the two npm scripts share: the backup root from the environment, and turning an error into
// a message and an exit code.
import path from 'node:path'
import { z } from 'zod'
import { BackupError, EXIT_CODES } from './errors.ts'

const BackupEnvSchema = z.object({
  /// Folder that holds the backups, relative to the working directory
  BACKUP_DIR: z
    .string()
    .trim()
    .optional()
    .transform((value) => path.resolve(value || 'backups')),
  /// Keep only the newest N backups after each successful one (unset: keep all)
  BACKUP_KEEP: z.coerce.number().int().min(1).max(10_000).optional(),
})

export function backupEnv(env: NodeJS.ProcessEnv = process.env): z.infer<typeof BackupEnvSchema> {
  const parsed = BackupEnvSchema.safeParse(env)
  if (!parsed.success) throw new BackupError('usage', `Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  return parsed.data
}

/** Parses the options parseArgs produced with a zod schema; a mistake is a usage error with the help text. */
export function parseOptions<T extends z.ZodType>(schema: T, values: unknown, usage: string): z.infer<T> {
  const parsed = schema.safeParse(values)
  if (!parsed.success) {
    throw new BackupError('usage', `${parsed.error.issues.map((i) => `${i.path.length ? `--${i.path.join('.')}: ` : ''}${i.message}`).join('; ')}\n\n${usage}`)
  }
  return parsed.data
}

export function progress(line: string): void {
  process.stderr.write(`[tradecast] ${line}\n`)
}

/** Runs a command's main function: the error's message on stderr and its exit code; no stack for known errors. */
export function runCli(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof BackupError) {
      process.stderr.write(`error (${error.code}): ${error.message}\n`)
      process.exitCode = EXIT_CODES[error.code]
      return
    }
    // parseArgs throws TypeErrors with codes like ERR_PARSE_ARGS_UNKNOWN_OPTION for unknown flags.
    if ((error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`error (usage): ${(error as Error).message}\n`)
      process.exitCode = EXIT_CODES.usage
      return
    }
    process.stderr.write(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exitCode = EXIT_CODES.failed
  })
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`
}
