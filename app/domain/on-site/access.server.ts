import { requireExporterMember, requirePermission } from '~/domain/accounts/permissions.server'
import { assertFairManager } from '~/domain/fairs/access.server'
import { requireExhibitingFair } from './booth-leads.server'

/** The check-in desk: permission 'check-in:fair' and the fair's own organizer (or an admin); others' fairs are 404. */
export async function requireFairCheckIn(request: Request, fairId: string) {
  const user = await requirePermission(request, 'check-in:fair')
  const fair = await assertFairManager(user, fairId)
  return { user, fair }
}

/** The booth scanner: a member of a company exhibiting at the fair (404 for a fair where it does not exhibit). */
export async function requireBoothScanner(
  request: Request,
  fairId: string,
  locale: (user: Awaited<ReturnType<typeof requireExporterMember>>['user']) => Promise<string>,
) {
  const { user, membership } = await requireExporterMember(request)
  const userLocale = await locale(user)
  const fair = await requireExhibitingFair(membership.company.id, fairId, { locale: userLocale })
  return { user, company: membership.company, fair, locale: userLocale }
}
