import type { Route } from './+types/attendance-csv'
import { requireFairManager } from '~/domain/fairs/access.server'
import { buildAttendanceCsv } from '~/domain/fairs/attendance-kpis.server'
import { requestNow } from '~/utils/clock.server'
import { resolveLocale } from '~/utils/preferences.server'

/** The fair's meeting attendance (held/accepted, no-show rates by buyer country and exporter) as CSV. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, fair } = await requireFairManager(request, params.fairId)
  const { filename, body } = await buildAttendanceCsv(fair.id, { locale: await resolveLocale(request, user), now: requestNow(request) })
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
