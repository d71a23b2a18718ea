// The one error type of `npm run backup` / `npm run restore`: a code that says what went wrong and
// decides the exit code, and an English message for the operator (these are operator tools, not UI).

export type BackupErrorCode =
  /** Bad arguments or environment. */
  | 'usage'
  /** A program the job needs (pg_dump, pg_restore) is missing or too old for the server. */
  | 'tool'
  /** The source or target is held by another process (a running server on a PGlite folder). */
  | 'in-use'
  /** The target already holds data and --force was not given. */
  | 'not-empty'
  /** The backup is incomplete, corrupted, unsafe or does not fit this app or target. */
  | 'bad-backup'
  /** The restored data does not match the manifest. */
  | 'verify'
  /** Anything else that failed while running (a database error, a full disk). */
  | 'failed'

/** Exit codes, documented in docs/backups.md. */
export const EXIT_CODES: Record<BackupErrorCode, number> = {
  failed: 1,
  usage: 2,
  tool: 3,
  'in-use': 4,
  'not-empty': 5,
  'bad-backup': 6,
  verify: 7,
}

export class BackupError extends Error {
  readonly code: BackupErrorCode
  constructor(code: BackupErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'BackupError'
    this.code = code
  }
}
