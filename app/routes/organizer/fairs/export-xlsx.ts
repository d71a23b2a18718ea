import type { Route } from './+types/export-xlsx'
import { requireFairManager } from '~/domain/fairs/access.server'
import { buildConsultationXlsx } from '~/domain/fairs/export.server'
import { requestNow } from '~/utils/clock.server'
import { resolveLocale } from '~/utils/preferences.server'

/** The fair's consultations as an .xlsx workbook in the export agency's layout (organizer of the fair or admin). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, fair } = await requireFairManager(request, params.fairId)
  // In the language of whoever downloads it.
  const { filename, body } = await buildConsultationXlsx(fair.id, await resolveLocale(request, user), requestNow(request))
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
