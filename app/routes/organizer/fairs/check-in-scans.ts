import type { Route } from './+types/check-in-scans'
import { isDomainError } from '~/domain/errors'
import { requireFairCheckIn } from '~/domain/on-site/access.server'
import { checkInBadge } from '~/domain/on-site/check-in.server'
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
 * One badge scan from the check-in desk (app/components/on-site/badge-scanner.tsx), sent at once or from
 * the offline queue: JSON { state, scanId, attendee, at } (idempotent by scanId and by registration), or
 * { state: 'invalid', reason } with 400/409/410/422 for a scan that will never check anyone in.
 */
export async function action({ request, params }: Route.ActionArgs) {
  const { user, fair } = await requireFairCheckIn(request, params.fairId)
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const parsed = ScanSchema.safeParse(Object.fromEntries(formData))
  const rawScanId = formData.get('scanId')
  const scanId = typeof rawScanId === 'string' ? rawScanId.slice(0, 64) : ''
  if (!parsed.success) return Response.json({ state: 'invalid', scanId, reason: 'onSite.errors.bad-scan' }, { status: 400, headers: noStore })
  const locale = await resolveLocale(request, user)
  try {
    const outcome = await checkInBadge({ fairId: fair.id, userId: user.id }, parsed.data, { now: requestNow(request), locale })
    return Response.json(outcome, { headers: noStore })
  } catch (error) {
    if (!isDomainError(error)) throw error
    return Response.json({ state: 'invalid', scanId: parsed.data.scanId, reason: error.messageKey }, { status: error.status, headers: noStore })
  }
}
