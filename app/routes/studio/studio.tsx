import { useTranslation } from 'react-i18next'
import { useEffect, useState } from 'react'
import { Form, Link, useNavigation, useRevalidator } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/studio'
import { PhaseBadge } from '~/components/live-media/phase-badge'
import { RecordingBadge } from '~/components/live-media/recording-badge'
import { RestreamPanel } from '~/components/live-media/restream-panel'
import { CsrfInput } from '~/components/csrf-input'
import { VideoView } from '~/components/live-media/video-view'
import { IngestPanel, StudioSourceChoice, type StudioSource } from '~/components/live-media/ingest-panel'
import { ingestStatusOf } from '~/domain/live/ingest-status.server'
import { Button } from '~/components/ui/button'
import { Card } from '~/components/ui/card'
import { companyRoleHasPermission } from '~/domain/accounts/permissions'
import { requireUser } from '~/domain/accounts/session.server'
import { requireStudioSession } from '~/domain/live/sessions.server'
import { DomainError } from '~/domain/errors'
import { useBroadcast } from '~/media/use-broadcast'
import { SessionAudienceCount } from '~/components/live/audience-count'
import { HostRoomPanel } from '~/components/live/live-room-panels'
import { loadHostRoomOptions } from '~/domain/live/pinned-products.server'
import { getSessionStatistics } from '~/domain/live/session-statistics.server'
import { setShowcaseRecording, studioRecordingSettings } from '~/domain/replays/recordings.server'
import { requestNow } from '~/utils/clock.server'
import { validateCsrf } from '~/utils/csrf.server'
import { resolveLocale } from '~/utils/preferences.server'
import { redirectWithToast } from '~/utils/toast.server'
import { pageTitle } from '~/lib/meta'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [args.loaderData.session.title, t('pageTitle.studio')])

export async function loader({ request, params }: Route.LoaderArgs) {
  // The showcase's managers: its company's members by role, or an agency granted SHOWCASES (requireStudioSession).
  const user = await requireUser(request)
  const session = await requireStudioSession(params.sessionId, user)
  const locale = await resolveLocale(request, user)
  const membership = user.exporterMember
  const [room, stats, recording] = await Promise.all([
    loadHostRoomOptions(session.companyId, locale),
    getSessionStatistics(session.id),
    studioRecordingSettings(session.id),
  ])
  // An encoder already feeding the show: the studio opens on the encoder source.
  const ingestState = ingestStatusOf(session.id)?.state
  const encoderActive = ingestState !== undefined && ingestState !== 'stopped'
  // The blocked words are the company's own: never an agency's (assertShowcaseManagement refuses them too).
  const canEditBlockedWords = membership?.company.id === session.companyId && companyRoleHasPermission(membership.role, 'manage:blocked-words:own')
  return { session, room, stats, recording, encoderActive, canEditBlockedWords }
}

const RecordingSettingSchema = z.strictObject({ csrf: z.string(), intent: z.literal('recording'), enabled: z.enum(['true', 'false']) })

/** Recording on or off, before going live (the one setting the studio changes over HTTP). */
export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireUser(request)
  const session = await requireStudioSession(params.sessionId, user)
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const parsed = RecordingSettingSchema.safeParse(Object.fromEntries(formData))
  // Only a hand-made request sends anything else: a plain 400 through the error boundary.
  if (!parsed.success) throw new DomainError('invalid', { status: 400, messageKey: 'liveMedia.recording.errors.invalid' })
  const enabled = parsed.data.enabled === 'true'
  await setShowcaseRecording(session.id, user.id, enabled, requestNow(request))
  return redirectWithToast(`/studio/${session.id}`, enabled ? 'liveMedia.recording.turnedOn' : 'liveMedia.recording.turnedOff')
}

const STATS_REFRESH_MS = 15_000

export default function StudioRoute({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { session } = loaderData
  const [source, setSource] = useState<StudioSource>(loaderData.encoderActive ? 'encoder' : 'camera')
  const studio = useBroadcast(session.id, { source })
  const busy = studio.busy !== null
  const onAir = studio.phase === 'live'
  const navigation = useNavigation()
  const { recording } = loaderData
  // The figures row (viewers, chat, pins, inquiries) follows the show while on air.
  const revalidator = useRevalidator()
  useEffect(() => {
    if (!onAir) return
    const timer = setInterval(() => {
      if (revalidator.state === 'idle' && document.visibilityState === 'visible') void revalidator.revalidate()
    }, STATS_REFRESH_MS)
    return () => clearInterval(timer)
  }, [onAir, revalidator])
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <p className="text-sm text-slate-600">{t('liveMedia.studio.kicker')}</p>
          <h1 className="text-2xl font-bold tracking-tight">{session.title}</h1>
        </div>
        <div className="flex items-center gap-3">
          <PhaseBadge phase={studio.phase} />
          {studio.recording ? <RecordingBadge state={studio.recording} audience="host" /> : null}
          <SessionAudienceCount sessionId={session.id} className="text-sm text-slate-700" />
        </div>
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          {source === 'encoder' ? <IngestPanel sessionId={session.id} /> : null}
          <div className={source === 'encoder' ? 'hidden' : 'relative aspect-video overflow-hidden rounded-xl bg-slate-900'}>
            <VideoView stream={studio.preview} muted aria-label={t('liveMedia.studio.preview')} className="h-full w-full object-contain" />
            {studio.busy === 'devices' ? (
              <p className="absolute inset-0 grid place-items-center text-sm text-white">{t('liveMedia.studio.loadingDevices')}</p>
            ) : null}
          </div>
          <p className="mt-2 text-sm text-slate-600" data-testid="transport-state">
            {t('liveMedia.studio.connection', { state: t(`liveMedia.transport.${studio.transport}`) })}
            {studio.sharingScreen ? ` · ${t('liveMedia.studio.sharingScreen')}` : ''}
            {studio.muted ? ` · ${t('liveMedia.studio.mutedNote')}` : ''}
          </p>
        </div>

        <div className="space-y-4">
          <Card id="controls" title={t('liveMedia.studio.controls')}>
            <div className="space-y-3">
              {studio.phase === 'preview' && recording.fairPolicy !== 'OFF' && recording.changeable ? (
                <Form method="post" className="flex items-center justify-between gap-3 rounded-md bg-slate-50 p-2 text-sm" data-testid="recording-setting">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="recording" />
                  <input type="hidden" name="enabled" value={recording.enabled ? 'false' : 'true'} />
                  <span>{t(recording.enabled ? 'liveMedia.recording.willRecord' : 'liveMedia.recording.willNotRecord')}</span>
                  <Button type="submit" variant="secondary" disabled={navigation.state !== 'idle'} aria-pressed={recording.enabled}>
                    {t(recording.enabled ? 'liveMedia.recording.turnOff' : 'liveMedia.recording.turnOn')}
                  </Button>
                </Form>
              ) : null}
              {studio.phase === 'preview' && recording.fairPolicy === 'OFF' ? (
                <p className="text-sm text-slate-600">{t('liveMedia.recording.fairOff')}</p>
              ) : null}
              <StudioSourceChoice value={source} onChange={setSource} disabled={studio.phase !== 'preview' || busy} />
              {studio.phase === 'preview' && source === 'encoder' ? <p className="text-xs text-slate-600">{t('ingest.goLiveNote')}</p> : null}
              {studio.phase === 'preview' ? (
                <Button onClick={() => void studio.goLive()} disabled={busy || studio.socketState !== 'connected' || !studio.joined} className="w-full">
                  {studio.busy === 'go-live' ? t('liveMedia.studio.goingLive') : t('liveMedia.studio.goLive')}
                </Button>
              ) : null}
              {studio.phase === 'resumable' ? (
                <Button onClick={() => void studio.resume()} disabled={busy} className="w-full">
                  {studio.busy === 'resume' ? t('liveMedia.studio.resuming') : t('liveMedia.studio.resume')}
                </Button>
              ) : null}
              {studio.phase === 'connecting' || studio.phase === 'reconnecting' ? (
                <p role="status" className="text-sm text-slate-700">
                  {t(studio.phase === 'connecting' ? 'liveMedia.studio.connecting' : 'liveMedia.studio.reconnecting')}
                </p>
              ) : null}
              <div className="flex flex-wrap gap-2">
                <Button variant="secondary" onClick={studio.toggleMute} aria-pressed={studio.muted} disabled={studio.phase === 'ended'}>
                  {studio.muted ? t('liveMedia.studio.unmute') : t('liveMedia.studio.mute')}
                </Button>
                <Button
                  variant="secondary"
                  onClick={() => void studio.toggleScreen()}
                  aria-pressed={studio.sharingScreen}
                  disabled={busy || studio.phase === 'ended'}
                >
                  {studio.busy === 'screen'
                    ? t('liveMedia.studio.screenWorking')
                    : studio.sharingScreen
                      ? t('liveMedia.studio.stopScreen')
                      : t('liveMedia.studio.shareScreen')}
                </Button>
              </div>
              {onAir || studio.phase === 'resumable' || studio.phase === 'reconnecting' ? (
                <Button
                  variant="danger"
                  className="w-full"
                  disabled={busy || studio.socketState !== 'connected'}
                  onClick={() => {
                    if (window.confirm(t('liveMedia.studio.endConfirm'))) void studio.end()
                  }}
                >
                  {studio.busy === 'end' ? t('liveMedia.studio.ending') : t('liveMedia.studio.end')}
                </Button>
              ) : null}
              {studio.phase === 'ended' ? (
                <p className="text-sm text-slate-700">
                  {t('liveMedia.studio.endedNote')}{' '}
                  <Link to="/exporter/sessions" className="text-brand-700 hover:underline">
                    {t('liveMedia.studio.backToSessions')}
                  </Link>
                </p>
              ) : null}
              {studio.error ? (
                <p role="alert" className="text-sm text-red-700">
                  {'device' in studio.error
                    ? t(`liveMedia.deviceErrors.${studio.error.device}`)
                    : t(`liveMedia.studio.errors.${studio.error.code}`, { defaultValue: t('liveMedia.studio.errors.internal') })}
                </p>
              ) : null}
            </div>
          </Card>

          <Card id="devices" title={t('liveMedia.studio.devices')}>
            <div className="space-y-3">
              <label className="block text-sm font-medium text-slate-800">
                {t('liveMedia.studio.camera')}
                <select
                  className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
                  value={studio.cameraId ?? ''}
                  onChange={(event) => void studio.selectCamera(event.target.value)}
                  disabled={busy}
                >
                  {studio.cameras.map((camera) => (
                    <option key={camera.deviceId} value={camera.deviceId}>
                      {camera.label || t('liveMedia.studio.cameraNumber', { number: camera.number })}
                    </option>
                  ))}
                </select>
              </label>
              <label className="block text-sm font-medium text-slate-800">
                {t('liveMedia.studio.microphone')}
                <select
                  className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
                  value={studio.microphoneId ?? ''}
                  onChange={(event) => void studio.selectMicrophone(event.target.value)}
                  disabled={busy}
                >
                  {studio.microphones.map((microphone) => (
                    <option key={microphone.deviceId} value={microphone.deviceId}>
                      {microphone.label || t('liveMedia.studio.microphoneNumber', { number: microphone.number })}
                    </option>
                  ))}
                </select>
              </label>
              <p className="text-xs text-slate-500">{t('liveMedia.studio.simulcastNote')}</p>
            </div>
          </Card>
          <RestreamPanel sessionId={session.id} status={studio.restream} onRetry={(id) => void studio.retryRestream(id)} />
          <Link to={`/live/${session.id}`} className="block text-sm text-brand-700 hover:underline">
            {t('liveMedia.studio.viewerLink')}
          </Link>
        </div>
      </div>

      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-5" aria-label={t('liveRoom.statistics')}>
        {(
          [
            ['liveRoom.stats.uniqueViewers', loaderData.stats.uniqueViewers],
            ['liveRoom.stats.peakViewers', loaderData.stats.peakViewers],
            ['liveRoom.stats.chatMessages', loaderData.stats.chatMessages],
            ['liveRoom.stats.pins', loaderData.stats.pins],
            ['liveRoom.stats.inquiries', loaderData.stats.inquiries],
          ] as const
        ).map(([label, value]) => (
          <div key={label} className="rounded-lg bg-white p-3 ring-1 ring-slate-200">
            <dt className="text-slate-500">{t(label)}</dt>
            <dd className="text-lg font-semibold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>

      <HostRoomPanel
        sessionId={session.id}
        products={loaderData.room.products}
        blockedWords={loaderData.room.blockedWords}
        canEditBlockedWords={loaderData.canEditBlockedWords}
      />
    </div>
  )
}
