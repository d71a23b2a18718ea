import { redirect } from 'react-router'
import type { Route } from './+types/logout'
import { destroyUserSession } from '~/domain/accounts/session.server'
import { validateCsrf } from '~/utils/csrf.server'
import { redirectWithToast } from '~/utils/toast.server'

// Signing out changes state, so it is a POST with a CSRF token; a GET just goes home.
export function loader() {
  throw redirect('/')
}

export async function action({ request }: Route.ActionArgs) {
  await validateCsrf(request, await request.formData())
  const headers = new Headers()
  headers.append('Set-Cookie', await destroyUserSession(request))
  return redirectWithToast('/', { kind: 'info', messageKey: 'auth.signedOut' }, { headers })
}
