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
  /** Another tab or member is opening this booth fee's checkout right now. */
  'checkout-opening',
  'session-closed',
  'too-many-free',
  /** A free sample the exporter keeps for verified buyers, asked for by an unverified one. */
  'verified-buyers-only',
] as const
export type OrderErrorCode = (typeof ORDER_ERRORS)[number]

/** 400 by default (409 for a conflict, 429 with the seconds until the budget allows another, 502 for Stripe). */
export function orderError(code: OrderErrorCode, status: Extract<DomainErrorStatus, 400 | 403 | 409 | 429 | 502> = 400, retryAfterSeconds?: number) {
  return new DomainError<OrderErrorCode>(code, {
    status,
    // The verified-buyers message lives with that feature's messages (buyer-verification.ts).
    messageKey: code === 'verified-buyers-only' ? 'buyerVerification.samples.refused' : `payments.errors.${code}`,
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  })
}
