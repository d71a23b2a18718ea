import type { Route } from './+types/readiness-csv'
import { requireExporterMember } from '~/domain/accounts/permissions.server'
import { companyReadinessMatrix, parseShipDate, readinessMatrixCsv } from '~/domain/exporters/readiness.server'
import { isoDay } from '~/lib/time'
import { resolveLocale } from '~/utils/preferences.server'

/** The company's readiness matrix as CSV (what /exporter/readiness shows; `?ship=` as there), in the reader's language. */
export async function loader({ request }: Route.LoaderArgs) {
  const { user, membership } = await requireExporterMember(request)
  const locale = await resolveLocale(request, user)
  const now = new Date()
  const matrix = await companyReadinessMatrix(membership.company.id, { now, shipDate: parseShipDate(new URL(request.url).searchParams.get('ship')), locale })
  return new Response(readinessMatrixCsv(matrix, locale), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="export-readiness-${isoDay(now)}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
