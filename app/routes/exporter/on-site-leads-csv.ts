import type { Route } from './+types/on-site-leads-csv'
import { requireBoothScanner } from '~/domain/on-site/access.server'
import { boothLeadsCsv, listBoothLeads } from '~/domain/on-site/booth-leads.server'
import { isoDay } from '~/lib/time'
import { requestNow } from '~/utils/clock.server'
import { resolveLocale } from '~/utils/preferences.server'

/** The company's on-site leads at a fair as CSV (what the booth scan page lists), in the reader's language. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { company, fair, locale } = await requireBoothScanner(request, params.fairId, (user) => resolveLocale(request, user))
  const { leads } = await listBoothLeads(company.id, fair.id)
  return new Response(boothLeadsCsv(leads, locale), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="on-site-leads-${fair.slug}-${isoDay(requestNow(request))}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
