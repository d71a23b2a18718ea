import type { Route } from './+types/readiness-gaps-csv'
import { requireFairManager } from '~/domain/fairs/access.server'
import { buildReadinessGapsCsv } from '~/domain/readiness/fair-gaps.server'
import { resolveLocale } from '~/utils/preferences.server'

/** The fair's export readiness gaps by market as CSV (organizer of the fair or admin). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, fair } = await requireFairManager(request, params.fairId)
  const { filename, body } = await buildReadinessGapsCsv(fair.id, await resolveLocale(request, user))
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
