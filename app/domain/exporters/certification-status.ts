// Client-safe: how urgent a certification's expiry is, judged at `now` (passed in, never read here).

export const EXPIRY_WARNING_DAYS = 30
const DAY_MS = 24 * 60 * 60 * 1000

export type CertificationStatus = 'valid' | 'expiring' | 'expired' | 'no-expiry'

/**
 * `validUntil` is stored as UTC midnight of the date on the certificate (shown as a date in UTC), the
 * same instant the exporter dashboard compares against. Expired once `now` is past it; "expiring" when
 * that happens within EXPIRY_WARNING_DAYS.
 */
export function certificationStatus(validUntil: Date | string | null | undefined, now: Date): CertificationStatus {
  if (validUntil === null || validUntil === undefined) return 'no-expiry'
  const until = new Date(validUntil).getTime()
  if (until < now.getTime()) return 'expired'
  if (until - now.getTime() <= EXPIRY_WARNING_DAYS * DAY_MS) return 'expiring'
  return 'valid'
}

/** Whole days left (0 on the last day), or null without an expiry date or once expired. */
export function daysUntilExpiry(validUntil: Date | string | null | undefined, now: Date): number | null {
  if (validUntil === null || validUntil === undefined) return null
  const left = new Date(validUntil).getTime() - now.getTime()
  return left < 0 ? null : Math.floor(left / DAY_MS)
}
