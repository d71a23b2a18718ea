import { DomainError, type DomainErrorStatus } from '~/domain/errors'

/** Order requests the user can fix or should be told about; routes show them as `payments.errors.<code>`. */
export const ORDER_ERRORS = [
  'no-samples',
  'over-max',
  'payments-disabled',
  'checkout-failed',
  'invalid-transition',
  'conflict',
  'nothing-to-refund',
  'refund-failed',
  'no-fee',
  'already-paid',
  'session-closed',
  'too-many-free',
] as const
export type OrderErrorCode = (typeof ORDER_ERRORS)[number]

/** 400 by default (409 for a conflict, 429 with the seconds until the budget allows another, 502 for Stripe). */
export function orderError(code: OrderErrorCode, status: Extract<DomainErrorStatus, 400 | 409 | 429 | 502> = 400, retryAfterSeconds?: number) {
  return new DomainError<OrderErrorCode>(code, {
    status,
    messageKey: `payments.errors.${code}`,
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  })
}
