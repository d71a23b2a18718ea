import { clsx } from 'clsx'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Route } from './+types/room'
import { DeviceErrorNote } from '~/components/live-media/device-error-note'
import { MeetingTile } from '~/components/live-media/meeting-tile'
import { Button } from '~/components/ui/button'
import { Card } from '~/components/ui/card'
import { requireUser } from '~/domain/accounts/session.server'
import { getConsultationFor } from '~/domain/consultations/consultations.server'
import { roomState } from '~/domain/meetings/room-window'
import { formatSlotInZone } from '~/domain/matchmaking/slot-finder'
import { pageTitle } from '~/lib/meta'
import { formatDateTime } from '~/lib/time'
import { useMeetingRoom, type MeetingPhase } from '~/media/use-meeting-room'
import { requestNow } from '~/utils/clock.server'
import { resolveLocale, resolveTimeZone } from '~/utils/preferences.server'

// A consultation's video room: the meetings' room machinery (useMeetingRoom over the /media gateway, which
// admits exactly the consultation's two participants: app/domain/consultations/room-access.server.ts).

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('consultations.room.pageTitle')])

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request)
  const { consultation } = await getConsultationFor(user, params.consultationId)
  const locale = await resolveLocale(request, user)
  const viewerZone = resolveTimeZone(request, user).timeZone
  const interval = { start: consultation.startsAt, end: consultation.endsAt }
  const room = consultation.status === 'CONFIRMED' ? roomState(consultation, requestNow(request)) : { state: 'closed' as const, closedAt: interval.end }
  const exporterZone = consultation.requester.timeZone ?? consultation.company.timeZone
  return {
    consultationId: consultation.id,
    liveSessionId: consultation.liveSessionId,
    room: room.state,
    opensAt: room.state === 'early' ? formatDateTime(room.opensAt, { locale, timeZone: viewerZone, withZone: true }) : null,
    title: `${consultation.officer.officeName} × ${consultation.company.name}`,
    times: [
      { key: 'viewer', label: viewerZone, text: formatSlotInZone(interval, { locale, timeZone: viewerZone }) },
      { key: 'exporter', label: `${consultation.company.name} · ${exporterZone}`, text: formatSlotInZone(interval, { locale, timeZone: exporterZone }) },
      {
        key: 'officer',
        label: `${consultation.officer.officeName} · ${consultation.officer.timeZone}`,
        text: formatSlotInZone(interval, { locale, timeZone: consultation.officer.timeZone }),
      },
    ],
  }
}

export default function ConsultationRoom({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { consultationId, room, opensAt, title, times, liveSessionId } = loaderData
  return (
    <div className="space-y-6">
      <header>
        <p className="text-sm text-slate-600">
          <Link to={`/consultations/${consultationId}`} className="hover:underline">
            {t('consultations.room.back')}
          </Link>
        </p>
        <h1 className="text-2xl font-bold tracking-tight">{t('consultations.room.title', { title })}</h1>
      </header>
      <section aria-labelledby="room-times" className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <h2 id="room-times" className="sr-only">
          {t('consultations.detail.times')}
        </h2>
        <dl className="grid gap-3 text-sm sm:grid-cols-3">
          {times.map((time) => (
            <div key={time.key} data-testid={`room-time-${time.key}`}>
              <dt className="text-slate-600">{time.key === 'viewer' ? t('consultations.detail.yourTime', { zone: time.label }) : time.label}</dt>
              <dd className="font-medium">{time.text}</dd>
            </div>
          ))}
        </dl>
      </section>
      {room === 'open' && liveSessionId ? (
        <ConsultationVideo consultationId={consultationId} sessionId={liveSessionId} />
      ) : (
        <Card id="room-status" title={room === 'early' ? t('consultations.room.notYetTitle') : t('consultations.room.closedTitle')}>
          <p className="text-sm" role="status">
            {room === 'early' ? t('consultations.room.opensAt', { time: opensAt }) : t('consultations.room.closed')}
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

/** Your preview and the other participant's tile (and shared screen), with camera, mic, share and leave. */
function ConsultationVideo({ consultationId, sessionId }: { consultationId: string; sessionId: string }) {
  const { t } = useTranslation()
  const meeting = useMeetingRoom(sessionId)
  const roleLabel = (role: string) => t(`consultations.room.roles.${role === 'ADVISOR' ? 'ADVISOR' : 'EXPORTER'}`)
  return (
    <section
      aria-label={t('consultations.room.videoLabel')}
      data-testid="meeting-video"
      data-consultation-id={consultationId}
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
          {t(`consultations.room.errors.${meeting.error.code}`, { defaultValue: t('meetings.room.errors.internal') })}
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
      {meeting.phase === 'connected' && meeting.remotes.length === 0 ? <p className="text-sm text-slate-600">{t('consultations.room.waiting')}</p> : null}
    </section>
  )
}
