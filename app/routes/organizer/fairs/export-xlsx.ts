import type { Route } from './+types/export-xlsx'
import { requireFairManager } from '~/domain/fairs/access.server'
import { buildConsultationXlsx } from '~/domain/fairs/export.server'

/** The fair's consultations as an .xlsx workbook in the export agency's layout (organizer of the fair or admin). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { fair } = await requireFairManager(request, params.fairId)
  const { filename, body } = await buildConsultationXlsx(fair.id)
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
