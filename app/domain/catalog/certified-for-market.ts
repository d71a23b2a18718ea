// When a certification counts: valid at an instant. Matchmaking and export readiness (app/domain/readiness)
// share it; the /live "ready for my market" filter now uses the readiness rule (readyForMarketWhere).

export type CertificationValidity = { validFrom: Date | null; validUntil: Date | null }

/** Valid at `now`: started (or no start) and not yet expired; a certificate expiring exactly now no longer counts. */
export function isCertificationValidAt(certification: CertificationValidity, now: Date): boolean {
  const time = now.getTime()
  if (certification.validFrom && certification.validFrom.getTime() > time) return false
  if (certification.validUntil && certification.validUntil.getTime() <= time) return false
  return true
}
