import type { Route } from './+types/leads-csv'
import { requireExporterMember } from '~/domain/accounts/permissions.server'
import { leadsCsv } from '~/domain/leads/leads-csv.server'
import { LeadSortSchema, listSessionLeads } from '~/domain/leads/leads.server'
import { isoDay } from '~/lib/time'
import { requestNow } from '~/utils/clock.server'
import { resolveLocale } from '~/utils/preferences.server'

/** A showcase's lead list as CSV (what /exporter/sessions/:id/leads shows, in its order), in the reader's language. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, membership } = await requireExporterMember(request)
  const locale = await resolveLocale(request, user)
  const now = requestNow(request)
  const sort = LeadSortSchema.parse(new URL(request.url).searchParams.get('sort') ?? 'score')
  const { leads } = await listSessionLeads({ sessionId: params.sessionId, companyId: membership.company.id }, { now, sort })
  return new Response(leadsCsv(leads, locale), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="leads-${params.sessionId}-${isoDay(now)}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
