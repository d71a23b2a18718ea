import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Route } from './+types/room'
import { RoomTimes, VideoRoom } from '~/components/live-media/video-room'
import { Card } from '~/components/ui/card'
import { requireUser } from '~/domain/accounts/session.server'
import { getMeetingView, requireMeetingParticipant } from '~/domain/meetings/queries.server'
import { roomState } from '~/domain/meetings/room-window'
import { formatSlotInZone } from '~/domain/matchmaking/slot-finder'
import { formatDateTime } from '~/lib/time'
import { requestNow } from '~/utils/clock.server'
import { resolveLocale, resolveTimeZone } from '~/utils/preferences.server'
import { pageTitle } from '~/lib/meta'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('pageTitle.meetingRoom')])

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request)
  const seat = await requireMeetingParticipant(user, params.meetingId)
  const locale = await resolveLocale(request, user)
  const viewerZone = resolveTimeZone(request, user).timeZone
  const meeting = await getMeetingView(params.meetingId, { locale, viewer: user })
  const interval = { start: new Date(meeting.startsAt), end: new Date(meeting.endsAt) }
  const room =
    meeting.status === 'ACCEPTED'
      ? roomState({ startsAt: interval.start, endsAt: interval.end }, requestNow(request))
      : { state: 'closed' as const, closedAt: interval.end }
  return {
    meetingId: meeting.id,
    role: seat.role,
    liveSessionId: meeting.liveSessionId,
    room: room.state,
    // Formatted here so the server and the browser render identical text.
    opensAt: room.state === 'early' ? formatDateTime(room.opensAt, { locale, timeZone: viewerZone, withZone: true }) : null,
    title: `${meeting.buyer.companyName} × ${meeting.company.name}`,
    times: [
      { key: 'viewer', label: viewerZone, text: formatSlotInZone(interval, { locale, timeZone: viewerZone }) },
      {
        key: 'buyer',
        label: `${meeting.buyer.companyName} · ${meeting.buyer.timeZone}`,
        text: formatSlotInZone(interval, { locale, timeZone: meeting.buyer.timeZone }),
      },
      {
        key: 'exporter',
        label: `${meeting.company.name} · ${meeting.company.timeZone}`,
        text: formatSlotInZone(interval, { locale, timeZone: meeting.company.timeZone }),
      },
    ],
  }
}

export default function MeetingRoomRoute({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { meetingId, room, opensAt, title, times, liveSessionId } = loaderData
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <p className="text-sm text-slate-600">
            <Link to={`/meetings/${meetingId}`} className="hover:underline">
              {t('meetings.room.backToMeeting')}
            </Link>
          </p>
          <h1 className="text-2xl font-bold tracking-tight">{t('meetings.room.title', { title })}</h1>
        </div>
      </header>
      <RoomTimes title={t('meetings.room.localTimes')} times={times} yourTime={(zone) => t('meetings.room.yourTime', { zone })} />
      {room === 'open' && liveSessionId ? (
        // The route guards who and when; the /media gateway checks both again at every join.
        <VideoRoom
          sessionId={liveSessionId}
          label={t('meetings.room.videoLabel')}
          roleLabel={(role) => t(`meetings.room.tileRoles.${role}`)}
          errorText={(code) => t(`meetings.room.errors.${code}`, { defaultValue: t('meetings.room.errors.internal') })}
          waiting={t('meetings.room.waitingForOthers')}
          data-meeting-id={meetingId}
        />
      ) : room === 'open' ? (
        <section
          aria-label={t('meetings.room.videoLabel')}
          data-testid="meeting-video"
          data-meeting-id={meetingId}
          className="flex aspect-video w-full items-center justify-center rounded-xl bg-slate-900 text-sm text-slate-300"
        >
          {t('meetings.room.videoPlaceholder')}
        </section>
      ) : (
        <Card id="room-status" title={room === 'early' ? t('meetings.room.notYetTitle') : t('meetings.room.closedTitle')}>
          <p className="text-sm" role="status">
            {room === 'early' ? t('meetings.room.opensAt', { time: opensAt }) : t('meetings.room.closed')}
          </p>
        </Card>
      )}
    </div>
  )
}
