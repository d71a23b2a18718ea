import type { Route } from './+types/now'
import { getOptionalUser } from '~/domain/accounts/session.server'
import { directoryDataFor } from '~/domain/live/directory-request.server'
import { getDirectoryNow } from '~/domain/live/directory.server'
import { requestNow } from '~/utils/clock.server'
import { resolveLocale } from '~/utils/preferences.server'

// The part of /live that moves by the minute (live now with viewers and stills, starting soon), for the
// page's refresh timer: the filters and the rest of the page are not read again.
export async function loader({ request }: Route.LoaderArgs) {
  const user = await getOptionalUser(request)
  const locale = await resolveLocale(request, user)
  const now = requestNow(request)
  const { where } = await directoryDataFor(new URL(request.url).searchParams, user, now)
  return { ...(await getDirectoryNow({ now, locale, where })), loadedAt: Date.now() }
}
