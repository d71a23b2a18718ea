import type { Route } from './+types/booth-scan-scans'
import { isDomainError } from '~/domain/errors'
import { requireBoothScanner } from '~/domain/on-site/access.server'
import { recordBoothLead } from '~/domain/on-site/booth-leads.server'
import { ScanSchema } from '~/domain/on-site/scan'
import { requestNow } from '~/utils/clock.server'
import { validateCsrf } from '~/utils/csrf.server'
import { resolveLocale } from '~/utils/preferences.server'

const noStore = { 'Cache-Control': 'no-store' }

/** Only POST is served here. */
export function loader() {
  return new Response(null, { status: 405, headers: { Allow: 'POST', ...noStore } })
}

/**
 * One badge scanned at the company's booth, with its note (app/components/on-site/badge-scanner.tsx), sent at
 * once or from the offline queue: JSON { state: 'lead-recorded' | 'lead-updated', … } (idempotent by scanId;
 * one lead per company and visitor), or { state: 'invalid', reason } for a badge that makes no lead.
 */
export async function action({ request, params }: Route.ActionArgs) {
  const { user, company, fair, locale } = await requireBoothScanner(request, params.fairId, (member) => resolveLocale(request, member))
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const parsed = ScanSchema.safeParse(Object.fromEntries(formData))
  const rawScanId = formData.get('scanId')
  const scanId = typeof rawScanId === 'string' ? rawScanId.slice(0, 64) : ''
  if (!parsed.success) return Response.json({ state: 'invalid', scanId, reason: 'onSite.errors.bad-scan' }, { status: 400, headers: noStore })
  try {
    const outcome = await recordBoothLead({ fairId: fair.id, companyId: company.id, userId: user.id }, parsed.data, { now: requestNow(request), locale })
    return Response.json(outcome, { headers: noStore })
  } catch (error) {
    if (!isDomainError(error)) throw error
    return Response.json({ state: 'invalid', scanId: parsed.data.scanId, reason: error.messageKey }, { status: error.status, headers: noStore })
  }
}
