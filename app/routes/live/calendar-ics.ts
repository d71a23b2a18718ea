import type { Route } from './+types/calendar-ics'
import { getOptionalUser } from '~/domain/accounts/session.server'
import { showcaseCalendarFile } from '~/domain/live/calendar.server'
import { requestNow } from '~/utils/clock.server'
import { resolveLocale } from '~/utils/preferences.server'
import { appOrigin } from '~/utils/request.server'

/** "Add to calendar" (.ics) of a listed showcase, for anyone; private or unapproved showcases: 404. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await getOptionalUser(request)
  const locale = await resolveLocale(request, user)
  const ics = await showcaseCalendarFile(params.sessionId, { now: requestNow(request), appUrl: appOrigin(request), locale })
  return new Response(ics, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="tradecast-showcase-${params.sessionId}.ics"`,
      // Worded in the visitor's language, and a show may be moved or cancelled: private and short-lived.
      'Cache-Control': 'private, max-age=300',
    },
  })
}
