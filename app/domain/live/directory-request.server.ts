import type { SessionUser } from '~/domain/accounts/session.server'
import { parseDirectoryFilters } from './directory'
import { directoryWhere } from './directory.server'

/**
 * The directory's filters as one request reads them. "Ready for my market" needs a signed-in buyer with
 * a country; for anyone else it is dropped (the page does not offer it to them).
 */
export function directoryDataFor(params: URLSearchParams, user: SessionUser | null, now: Date) {
  const { filters, rejected } = parseDirectoryFilters(params)
  const buyerCountry = user?.role === 'BUYER' ? (user.buyerProfile?.country ?? null) : null
  if (!buyerCountry) delete filters.ready
  return { filters, rejected, buyerCountry, where: directoryWhere(filters, { now, buyerCountry }) }
}
