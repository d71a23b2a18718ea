import { redirect } from 'react-router'
import type { Route } from './+types/dashboard'
import { DASHBOARD_PATH } from '~/domain/accounts/permissions'
import { requireUser } from '~/domain/accounts/session.server'

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request)
  throw redirect(DASHBOARD_PATH[user.role])
}
