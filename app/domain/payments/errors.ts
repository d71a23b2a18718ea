/**
 * An order request the user can fix or should be told about; routes turn `code` into the form error
 * `payments.errors.<code>` with status 400 (or 409 for a conflict).
 */
export class OrderError extends Error {
  constructor(
    readonly code:
      | 'no-samples'
      | 'over-max'
      | 'payments-disabled'
      | 'checkout-failed'
      | 'invalid-transition'
      | 'conflict'
      | 'nothing-to-refund'
      | 'refund-failed'
      | 'no-fee'
      | 'already-paid'
      | 'session-closed'
      | 'too-many-free',
    readonly status: 400 | 409 | 429 | 502 = 400,
    /** For 429: seconds until the budget allows another. */
    readonly retryAfterSeconds?: number,
  ) {
    super(code)
    this.name = 'OrderError'
  }
}
