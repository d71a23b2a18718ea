import type { Route } from './+types/check-in-scans'
import { requireFairCheckIn } from '~/domain/on-site/access.server'
import { checkInBadge } from '~/domain/on-site/check-in.server'
import { requestNow } from '~/utils/clock.server'
import { validateCsrf } from '~/utils/csrf.server'
import { resolveLocale } from '~/utils/preferences.server'
import { answerScan, scanEndpointLoader } from '~/utils/scan-endpoint.server'

export const loader = scanEndpointLoader

/**
 * One badge scan from the check-in desk (app/components/on-site/badge-scanner.tsx), sent at once or from
 * the offline queue: JSON { state, scanId, attendee, at } (idempotent by scanId and by registration), or
 * { state: 'invalid', reason } with 400/409/410/422 for a scan that will never check anyone in.
 */
export async function action({ request, params }: Route.ActionArgs) {
  const { user, fair } = await requireFairCheckIn(request, params.fairId)
  const formData = await request.formData()
  await validateCsrf(request, formData)
  return answerScan(formData, async (scan) =>
    checkInBadge({ fairId: fair.id, userId: user.id }, scan, { now: requestNow(request), locale: await resolveLocale(request, user) }),
  )
}
