import type { Route } from './+types/export-csv'
import { requireFairManager } from '~/domain/fairs/access.server'
import { buildConsultationCsv } from '~/domain/fairs/export.server'
import { resolveLocale } from '~/utils/preferences.server'

/** The fair's consultations as CSV in the export agency's layout (organizer of the fair or admin). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, fair } = await requireFairManager(request, params.fairId)
  // In the language of whoever downloads it.
  const { filename, body } = await buildConsultationCsv(fair.id, await resolveLocale(request, user))
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
