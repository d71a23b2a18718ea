import type { SessionUser } from '~/domain/accounts/session.server'
import { isMarketCoveredInDb } from '~/domain/readiness/readiness.server'
import { parseDirectoryFilters } from './directory'
import { directoryWhere } from './directory.server'

/**
 * The directory's filters as one request reads them. "Ready for my market" needs a signed-in buyer with
 * a country; for anyone else it is dropped (the page does not offer it to them). For a country the
 * requirements catalogue does not cover it is dropped too (everything would pass) and `readyNotCovered`
 * says so, for the page to tell the buyer.
 */
export async function directoryDataFor(params: URLSearchParams, user: SessionUser | null, now: Date) {
  const { filters, rejected } = parseDirectoryFilters(params)
  const buyerCountry = user?.role === 'BUYER' ? (user.buyerProfile?.country ?? null) : null
  if (!buyerCountry) delete filters.ready
  const readyNotCovered = Boolean(filters.ready && buyerCountry && !(await isMarketCoveredInDb(buyerCountry)))
  if (readyNotCovered) delete filters.ready
  return { filters, rejected, buyerCountry, readyNotCovered, where: directoryWhere(filters, { now, buyerCountry }) }
}
