import { clsx } from 'clsx'
import { useTranslation } from 'react-i18next'
import { DeviceErrorNote } from '~/components/live-media/device-error-note'
import { MeetingTile } from '~/components/live-media/meeting-tile'
import { Button } from '~/components/ui/button'
import { useMeetingRoom, type MeetingPhase } from '~/media/use-meeting-room'

// The video room shared by meetings and consultations (both run useMeetingRoom over the /media gateway);
// each room names its own roles, error texts and waiting line.

export type RoomTime = { key: string; label: string; text: string }

/** The slot in the reader's zone and in each participant's zone. */
export function RoomTimes({ title, times, yourTime }: { title: string; times: readonly RoomTime[]; yourTime: (zone: string) => string }) {
  return (
    <section aria-labelledby="room-times" className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h2 id="room-times" className="sr-only">
        {title}
      </h2>
      <dl className="grid gap-3 text-sm sm:grid-cols-3">
        {times.map((time) => (
          <div key={time.key} data-testid={`room-time-${time.key}`}>
            <dt className="text-slate-600">{time.key === 'viewer' ? yourTime(time.label) : time.label}</dt>
            <dd className="font-medium">{time.text}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}

const BADGE_TONE: Record<MeetingPhase, string> = {
  connecting: 'bg-slate-200 text-slate-800',
  connected: 'bg-emerald-100 text-emerald-900',
  reconnecting: 'bg-amber-100 text-amber-900',
  left: 'bg-slate-800 text-white',
  error: 'bg-red-100 text-red-800',
}

/** Your preview, a tile per other participant (and per shared screen), with camera, mic, share and leave. */
export function VideoRoom({
  sessionId,
  label,
  roleLabel,
  errorText,
  waiting,
  ...data
}: {
  sessionId: string
  /** The region's accessible name. */
  label: string
  /** A participant's role (the gateway's seat role) in this room's words. */
  roleLabel: (role: string) => string
  /** The message for a join or media error code. */
  errorText: (code: string) => string
  /** Shown while connected and alone. */
  waiting: string
} & Record<`data-${string}`, string>) {
  const { t } = useTranslation()
  const meeting = useMeetingRoom(sessionId)
  return (
    <section aria-label={label} data-testid="meeting-video" {...data} data-live-session-id={sessionId} data-phase={meeting.phase} className="space-y-3">
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
          {errorText(meeting.error.code)}
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
      {meeting.phase === 'connected' && meeting.remotes.length === 0 ? <p className="text-sm text-slate-600">{waiting}</p> : null}
    </section>
  )
}
