import { clsx } from 'clsx'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Route } from './+types/room'
import { DeviceErrorNote } from '~/components/live-media/device-error-note'
import { MeetingTile } from '~/components/live-media/meeting-tile'
import { Button } from '~/components/ui/button'
import { Card } from '~/components/ui/card'
import { requireUser } from '~/domain/accounts/session.server'
import { getMeetingView, requireMeetingParticipant } from '~/domain/meetings/queries.server'
import { roomState } from '~/domain/meetings/room-window'
import { formatSlotInZone } from '~/domain/matchmaking/slot-finder'
import { formatDateTime } from '~/lib/time'
import { useMeetingRoom, type MeetingPhase } from '~/media/use-meeting-room'
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
      <section aria-labelledby="room-times" className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <h2 id="room-times" className="sr-only">
          {t('meetings.room.localTimes')}
        </h2>
        <dl className="grid gap-3 text-sm sm:grid-cols-3">
          {times.map((time) => (
            <div key={time.key} data-testid={`room-time-${time.key}`}>
              <dt className="text-slate-500">{time.key === 'viewer' ? t('meetings.room.yourTime', { zone: time.label }) : time.label}</dt>
              <dd className="font-medium">{time.text}</dd>
            </div>
          ))}
        </dl>
      </section>
      {room === 'open' && liveSessionId ? (
        // The route guards who and when; the /media gateway checks both again at every join.
        <MeetingVideo meetingId={meetingId} sessionId={liveSessionId} />
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

const BADGE_TONE: Record<MeetingPhase, string> = {
  connecting: 'bg-slate-200 text-slate-800',
  connected: 'bg-emerald-100 text-emerald-900',
  reconnecting: 'bg-amber-100 text-amber-900',
  left: 'bg-slate-800 text-white',
  error: 'bg-red-100 text-red-800',
}

/** The video room: your preview, a tile per other participant (and per shared screen), controls. */
function MeetingVideo({ meetingId, sessionId }: { meetingId: string; sessionId: string }) {
  const { t } = useTranslation()
  const meeting = useMeetingRoom(sessionId)
  const roleLabel = (role: string) => t(`meetings.room.tileRoles.${role}`)
  return (
    <section
      aria-label={t('meetings.room.videoLabel')}
      data-testid="meeting-video"
      data-meeting-id={meetingId}
      data-live-session-id={sessionId}
      data-phase={meeting.phase}
      className="space-y-3"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span
          role="status"
          aria-live="polite"
          data-testid="meeting-state"
          data-phase={meeting.phase}
          className={clsx('inline-flex rounded-full px-3 py-1 text-xs font-semibold', BADGE_TONE[meeting.phase])}
        >
          {t(`meetings.room.state.${meeting.phase}`)}
        </span>
        {meeting.phase === 'left' ? (
          <Button variant="secondary" onClick={() => window.location.reload()}>
            {t('meetings.room.rejoin')}
          </Button>
        ) : (
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" aria-pressed={!meeting.cameraOn} onClick={meeting.toggleCamera}>
              {meeting.cameraOn ? t('meetings.room.turnCameraOff') : t('meetings.room.turnCameraOn')}
            </Button>
            <Button variant="secondary" aria-pressed={!meeting.micOn} onClick={meeting.toggleMic}>
              {meeting.micOn ? t('meetings.room.muteMic') : t('meetings.room.unmuteMic')}
            </Button>
            <Button variant="secondary" aria-pressed={meeting.sharing} onClick={() => void meeting.toggleScreen()}>
              {meeting.sharing ? t('meetings.room.stopSharing') : t('meetings.room.shareScreen')}
            </Button>
            <Button variant="danger" onClick={meeting.leave}>
              {t('meetings.room.leave')}
            </Button>
          </div>
        )}
      </div>
      {meeting.error ? (
        <p role="alert" className="text-sm text-red-700">
          {t(`meetings.room.errors.${meeting.error.code}`, { defaultValue: t('meetings.room.errors.internal') })}
        </p>
      ) : null}
      {meeting.deviceError && meeting.phase !== 'left' ? <DeviceErrorNote failure={meeting.deviceError} /> : null}
      {meeting.phase === 'left' ? (
        <p className="text-sm text-slate-600">{t('meetings.room.leftNote')}</p>
      ) : (
        <div className="grid gap-3 sm:grid-cols-2">
          <MeetingTile
            local
            stream={meeting.local}
            label={meeting.self ? t('meetings.room.you', { name: meeting.self.name }) : t('meetings.room.yourPreview')}
            sublabel={meeting.self ? roleLabel(meeting.self.role) : undefined}
            placeholder={meeting.cameraOn ? null : t('meetings.room.cameraOff')}
            data-testid="meeting-tile-local"
          />
          {meeting.remotes.map((remote) => (
            <MeetingTile
              key={remote.peerId}
              stream={remote.stream}
              label={remote.name}
              sublabel={[roleLabel(remote.role), remote.micMuted ? t('meetings.room.micMuted') : null].filter(Boolean).join(' · ')}
              placeholder={remote.hasVideo ? null : t('meetings.room.cameraOff')}
              data-testid="meeting-tile-remote"
              data-peer-id={remote.peerId}
              data-role={remote.role}
              data-frames-decoded={remote.stats.framesDecoded}
              data-frame-width={remote.stats.frameWidth}
              data-audio-packets={remote.stats.audioPacketsReceived}
            />
          ))}
          {meeting.remotes
            .filter((remote) => remote.screen)
            .map((remote) => (
              <MeetingTile
                key={`${remote.peerId}-screen`}
                stream={remote.screen}
                label={t('meetings.room.screenOf', { name: remote.name })}
                className="sm:col-span-2"
                data-testid="meeting-tile-screen"
              />
            ))}
        </div>
      )}
      {meeting.phase === 'connected' && meeting.remotes.length === 0 ? <p className="text-sm text-slate-600">{t('meetings.room.waitingForOthers')}</p> : null}
    </section>
  )
}
