import { redirect } from 'react-router'
import type { Route } from './+types/dashboard'
import { requirePermission } from '~/domain/accounts/permissions.server'

// An organizer's home is their list of fairs, each with its registrations, programme and KPIs.
export async function loader({ request }: Route.LoaderArgs) {
  await requirePermission(request, 'view:organizer-dashboard')
  throw redirect('/organizer/fairs')
}
