import type { Prisma } from '~/generated/prisma/client'
import { marketsCoveringCountry } from './markets'

// "Certified for the buyer's market": a certification whose market covers the buyer's country and that is
// valid now. One rule for matchmaking (in memory) and the /live "ready for my market" filter (in the
// database); the two forms below must stay equivalent (certified-for-market.db.test.ts checks them).

export type CertificationValidity = { validFrom: Date | null; validUntil: Date | null }

/** Valid at `now`: started (or no start) and not yet expired; a certificate expiring exactly now no longer counts. */
export function isCertificationValidAt(certification: CertificationValidity, now: Date): boolean {
  const time = now.getTime()
  if (certification.validFrom && certification.validFrom.getTime() > time) return false
  if (certification.validUntil && certification.validUntil.getTime() <= time) return false
  return true
}

/** The same rule as conditions on a Certification row: valid at `now` for sales into `country`. */
export function certifiedForCountryWhere(country: string, now: Date): Prisma.CertificationWhereInput {
  return {
    market: { in: marketsCoveringCountry(country), mode: 'insensitive' },
    AND: [{ OR: [{ validFrom: null }, { validFrom: { lte: now } }] }, { OR: [{ validUntil: null }, { validUntil: { gt: now } }] }],
  }
}
