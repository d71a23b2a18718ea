import type { Route } from './+types/rsvp-ics'
import { getOptionalUser } from '~/domain/accounts/session.server'
import { rsvpCalendarFile } from '~/domain/engagement/rsvps.server'
import { DomainError } from '~/domain/errors'
import { requestNow } from '~/utils/clock.server'
import { appOrigin } from '~/utils/request.server'

/**
 * The calendar file of an RSVP, written in its reader's language and zone: a guest's by the token of their
 * confirmation link (`?token=`), else the signed-in account's. No RSVP: 404.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const token = new URL(request.url).searchParams.get('token')
  let who: Parameters<typeof rsvpCalendarFile>[1]
  if (token) who = { token }
  else {
    const user = await getOptionalUser(request)
    if (!user) throw new DomainError('not-found', { status: 404 })
    who = { user: { id: user.id, locale: user.locale, timeZone: user.timeZone } }
  }
  const ics = await rsvpCalendarFile(params.sessionId, who, { now: requestNow(request), appUrl: appOrigin(request) })
  return new Response(ics, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="tradecast-showcase-${params.sessionId}.ics"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
