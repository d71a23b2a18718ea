import type { Route } from './+types/invite-ics'
import { requireUser } from '~/domain/accounts/session.server'
import { meetingIcs, requireMeetingParticipant } from '~/domain/meetings/queries.server'
import { requestNow } from '~/utils/clock.server'
import { resolveLocale } from '~/utils/preferences.server'
import { appOrigin } from '~/utils/request.server'

/** Calendar invitation of an accepted meeting, for its participants only (everyone else: 404). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request)
  await requireMeetingParticipant(user, params.meetingId)
  const locale = await resolveLocale(request, user)
  const ics = await meetingIcs(params.meetingId, { now: requestNow(request), appUrl: appOrigin(request), locale })
  return new Response(ics, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8; method=REQUEST',
      'Content-Disposition': `attachment; filename="tradecast-meeting-${params.meetingId}.ics"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
