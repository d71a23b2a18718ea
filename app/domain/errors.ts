// The one error type of the domain. Domain code knows nothing of HTTP or sockets: it throws a
// DomainError naming what went wrong (`code`), how serious it is as a status class (`status`, read as an
// HTTP status by routes and passed along by the socket gateway) and the message people see
// (`messageKey`, an i18n key). Routes turn it into a form error or a response in one helper
// (app/utils/route-errors.server.ts); the socket gateway turns it into an ack in one helper.

export type DomainErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 422 | 429 | 502 | 503

export type DomainErrorOptions = {
  status?: DomainErrorStatus
  /** i18n key of the message shown to people; defaults to `errors.<code>`. */
  messageKey?: string
  /** For 429: seconds until another attempt may succeed. */
  retryAfterSeconds?: number
  /** The form field the error belongs to, when it is about one field. */
  field?: string
  /** An English sentence for logs and for clients that word refusals themselves; defaults to the code. */
  detail?: string
  cause?: unknown
}

// The server loads this module twice (its own copy, and the app's copy inside the React Router build or
// Vite's module graph), so identity is a registered symbol rather than the class object.
const DOMAIN_ERROR = Symbol.for('tradecast.DomainError')

export class DomainError<Code extends string = string> extends Error {
  readonly [DOMAIN_ERROR] = true
  readonly code: Code
  readonly status: DomainErrorStatus
  readonly messageKey: string
  readonly retryAfterSeconds?: number
  readonly field?: string

  constructor(code: Code, options: DomainErrorOptions = {}) {
    super(options.detail ?? code, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'DomainError'
    this.code = code
    this.status = options.status ?? 400
    this.messageKey = options.messageKey ?? `errors.${code}`
    if (options.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds
    if (options.field !== undefined) this.field = options.field
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError || (error instanceof Error && (error as Partial<Record<typeof DOMAIN_ERROR, boolean>>)[DOMAIN_ERROR] === true)
}
