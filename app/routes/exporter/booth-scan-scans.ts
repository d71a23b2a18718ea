import type { Route } from './+types/booth-scan-scans'
import { requireBoothScanner } from '~/domain/on-site/access.server'
import { recordBoothLead } from '~/domain/on-site/booth-leads.server'
import { requestNow } from '~/utils/clock.server'
import { validateCsrf } from '~/utils/csrf.server'
import { resolveLocale } from '~/utils/preferences.server'
import { answerScan, scanEndpointLoader } from '~/utils/scan-endpoint.server'

export const loader = scanEndpointLoader

/**
 * One badge scanned at the company's booth, with its note (app/components/on-site/badge-scanner.tsx), sent at
 * once or from the offline queue: JSON { state: 'lead-recorded' | 'lead-updated', … } (idempotent by scanId;
 * one lead per company and visitor), or { state: 'invalid', reason } for a badge that makes no lead.
 */
export async function action({ request, params }: Route.ActionArgs) {
  const { user, company, fair, locale } = await requireBoothScanner(request, params.fairId, (member) => resolveLocale(request, member))
  const formData = await request.formData()
  await validateCsrf(request, formData)
  return answerScan(formData, (scan) =>
    recordBoothLead({ fairId: fair.id, companyId: company.id, userId: user.id }, scan, { now: requestNow(request), locale }),
  )
}
