import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Route } from './+types/watch'
import { StudioCredit } from '~/components/studio/studio-parts'
import { studioProductionOf } from '~/domain/studio/bookings.server'
import { SessionAudienceCount } from '~/components/live/audience-count'
import { ViewerRoom } from '~/components/live/live-room-panels'
import { ReplayRoom } from '~/components/replays/replay-room'
import { HlsVideo } from '~/components/live-media/hls-video'
import { PhaseBadge } from '~/components/live-media/phase-badge'
import { RecordingBadge } from '~/components/live-media/recording-badge'
import { VideoView } from '~/components/live-media/video-view'
import { Button } from '~/components/ui/button'
import { getOptionalUser } from '~/domain/accounts/session.server'
import { RsvpPanel } from '~/components/engagement/rsvp-panel'
import { hasRsvped, isReminderMailOff } from '~/domain/engagement/rsvps.server'
import { findQuotableShowcaseProduct } from '~/domain/live/quote-from-stream.server'
import { readyFeaturedProducts } from '~/domain/readiness/buyer-readiness.server'
import { loadWatchSession } from '~/domain/live/sessions.server'
import { isPaymentsEnabled } from '~/domain/payments/stripe.server'
import { findReplay, replayStartSeconds } from '~/domain/replays/replay-page.server'
import { useLivePlayback } from '~/media/use-live-playback'
import { useWatch } from '~/media/use-watch'
import { QUALITY_CHOICES, type QualityChoice } from '~/protocol/media'
import { resolveLocale } from '~/utils/preferences.server'
import type { LanguageAlternatesHandle } from '~/lib/language-alternates'
import { pageTitle } from '~/lib/meta'

// A public page: the document lists its language versions (hreflang) and its canonical URL.
export const handle: LanguageAlternatesHandle = { alternates: true }

export const meta: Route.MetaFunction = (args) => {
  const { session } = args.loaderData
  const title = pageTitle(args, (t) => [session.access === 'watch' ? session.title : t('pageTitle.live')])
  // oEmbed discovery (app/routes/oembed.ts) for a showcase anyone may watch: a CMS given this link finds the player.
  if (session.access !== 'watch' || !session.isPublic) return title
  const origin = (args.matches.find((match) => match?.id === 'root')?.loaderData as { origin?: string } | undefined)?.origin
  if (!origin) return title
  const href = `${origin}/oembed?${new URLSearchParams({ url: `${origin}/live/${session.id}`, format: 'json' })}`
  return [...title, { tagName: 'link', rel: 'alternate', type: 'application/json+oembed', href, title: session.title }]
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await getOptionalUser(request)
  const locale = await resolveLocale(request, user)
  const session = await loadWatchSession(params.sessionId, user, locale)
  // After the show: its replay, when there is one this visitor may see; otherwise the ended room as before.
  const replay = session.access === 'watch' && session.status === 'ENDED' ? await findReplay(session.id, user, locale) : null
  // A buyer back from signing in to ask a quote (?rfq=<product>): the form opens, for this showcase's products only.
  const rfqProductId = new URL(request.url).searchParams.get('rfq')
  const quoteProduct = session.access === 'watch' && user?.role === 'BUYER' ? await findQuotableShowcaseProduct(session.id, rfqProductId, locale) : null
  const buyerCountry = user?.buyerProfile?.country ?? null
  // "Ready for your market" on pinned products: the featured products ready for the viewer's country, once.
  const readyForViewer = session.access === 'watch' && !replay ? await readyFeaturedProducts(session.id, buyerCountry) : null
  // A public show still to come takes RSVPs (reminders by mail, and in-app for accounts).
  const rsvp =
    session.access === 'watch' && session.status === 'SCHEDULED' && session.isPublic && !session.isHost
      ? { going: await hasRsvped(user?.id, session.id), mailOff: user ? await isReminderMailOff(user.email) : false }
      : null
  // Produced in the hub's studio (docs/studio-booking.md): "Produced at <studio>, interpreter <languages>".
  const studioProduction = session.access === 'watch' ? await studioProductionOf(session.id) : null
  return {
    rsvp,
    studioProduction,
    session,
    replay,
    startAtSeconds: replay ? replayStartSeconds(new URL(request.url)) : 0,
    paymentsEnabled: isPaymentsEnabled(),
    buyerCountry,
    readyForViewer,
    quoteProduct,
  }
}

export default function WatchRoute({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { session } = loaderData
  if (session.access !== 'watch') {
    // Someone who may not watch learns nothing about the showcase beyond that.
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold tracking-tight">{t('liveMedia.watch.privateTitle')}</h1>
        {session.access === 'sign-in' ? (
          <>
            <p>{t('liveMedia.watch.privateNote')}</p>
            <Link to={`/login?${new URLSearchParams({ redirectTo: `/live/${session.id}` })}`} className="text-brand-700 hover:underline">
              {t('liveMedia.watch.signIn')}
            </Link>
          </>
        ) : (
          <p>{t('liveMedia.errors.forbidden')}</p>
        )}
      </div>
    )
  }
  if (loaderData.replay) {
    return (
      <ReplayRoom
        replay={loaderData.replay}
        startAtSeconds={loaderData.startAtSeconds}
        paymentsEnabled={loaderData.paymentsEnabled}
        buyerCountry={loaderData.buyerCountry}
        initialQuoteProduct={loaderData.quoteProduct}
      />
    )
  }
  const room = (
    <ViewerRoom
      sessionId={session.id}
      paymentsEnabled={loaderData.paymentsEnabled}
      buyerCountry={loaderData.buyerCountry}
      readyForViewer={loaderData.readyForViewer}
      initialQuoteProduct={loaderData.quoteProduct}
      video={
        <Player
          sessionId={session.id}
          title={session.title}
          companyName={session.companyName}
          companySlug={session.companySlug}
          description={session.description}
        />
      }
    />
  )
  const credit = loaderData.studioProduction ? <StudioCredit production={loaderData.studioProduction} /> : null
  if (!loaderData.rsvp && !credit) return room
  return (
    <div className="space-y-4">
      {loaderData.rsvp ? <RsvpPanel sessionId={session.id} title={session.title} going={loaderData.rsvp.going} mailOff={loaderData.rsvp.mailOff} /> : null}
      {credit}
      {room}
    </div>
  )
}

function Player({
  sessionId,
  title,
  companyName,
  companySlug,
  description,
}: {
  sessionId: string
  title: string
  companyName: string
  companySlug: string
  description: string
}) {
  const { t } = useTranslation()
  const watch = useWatch(sessionId)
  const [muted, setMuted] = useState(true)
  // The live HLS rendition when WebRTC is out of reach (use-watch decides): loaded until the show ends.
  const hlsVideo = useRef<HTMLVideoElement>(null)
  const { onHls, noBackup, hls, hlsShowing, hlsError, phase, playing } = useLivePlayback(watch, sessionId, hlsVideo)
  const overlay = hlsError
    ? t(`liveMedia.watch.hls.errors.${hlsError}`)
    : noBackup && phase !== 'ended'
      ? t('liveMedia.watch.hls.noBackup')
      : onHls && phase === 'live'
        ? t('liveMedia.watch.hls.trying')
        : t(`liveMedia.watch.overlay.${phase}`)
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
          <p className="text-sm text-slate-600">
            {t('liveMedia.watch.host')}{' '}
            <Link to={`/exporters/${companySlug}`} className="text-brand-700 hover:underline">
              {companyName}
            </Link>
          </p>
        </div>
        <div className="flex items-center gap-3">
          <PhaseBadge phase={phase} />
          {watch.recording ? <RecordingBadge state={watch.recording} audience="viewer" /> : null}
          {onHls ? (
            <span className="inline-flex items-center rounded-full bg-amber-100 px-3 py-1 text-xs font-semibold text-amber-900" data-testid="hls-badge">
              {t('liveMedia.watch.hls.badge')}
            </span>
          ) : null}
          <SessionAudienceCount sessionId={sessionId} className="text-sm text-slate-700" />
        </div>
      </div>

      <div
        className="relative aspect-video overflow-hidden rounded-xl bg-slate-900"
        data-testid="player"
        data-phase={phase}
        data-transport={watch.transport}
        data-source={watch.source ?? ''}
        data-frames-decoded={onHls ? hls.framesDecoded : (watch.stats?.framesDecoded ?? 0)}
        data-frame-width={watch.stats?.frameWidth ?? 0}
        data-audio-packets={watch.stats?.audioPacketsReceived ?? 0}
        data-current-time-ms={onHls ? hls.currentTimeMs : undefined}
        data-latency-seconds={onHls ? (hls.latencySeconds ?? '') : undefined}
      >
        {onHls ? (
          <HlsVideo videoRef={hlsVideo} muted={muted} aria-label={t('liveMedia.watch.videoLabel', { title })} className="h-full w-full object-contain" />
        ) : (
          <VideoView stream={watch.stream} muted={muted} aria-label={t('liveMedia.watch.videoLabel', { title })} className="h-full w-full object-contain" />
        )}
        {!playing ? (
          <div className="absolute inset-0 grid place-items-center p-6 text-center text-white">
            <div className="space-y-3">
              <p className="text-lg font-medium">{overlay}</p>
              {hlsError ? (
                <Button variant="secondary" onClick={hls.retry}>
                  {t('liveMedia.watch.hls.retry')}
                </Button>
              ) : null}
            </div>
          </div>
        ) : null}
        {playing && muted ? (
          <Button className="absolute bottom-4 left-4" onClick={() => setMuted(false)}>
            {t('liveMedia.watch.tapToUnmute')}
          </Button>
        ) : null}
      </div>

      {onHls && phase !== 'ended' ? (
        <div className="flex flex-wrap items-center gap-3 rounded-md bg-amber-50 p-3 text-sm text-amber-900" data-testid="hls-fallback">
          {watch.fallback ? <span>{t(`liveMedia.watch.hls.reason.${watch.fallback}`)}</span> : null}
          {hls.latencySeconds !== null && hlsShowing ? (
            <span className="font-medium" data-testid="hls-latency">
              {t('liveMedia.watch.hls.behind', { count: Math.max(1, Math.round(hls.latencySeconds)) })}
            </span>
          ) : null}
          {watch.fallback === 'room-full' ? (
            <Button variant="secondary" onClick={watch.retryWebRtc}>
              {t('liveMedia.watch.hls.retryWebRtc')}
            </Button>
          ) : null}
        </div>
      ) : null}

      <div className="flex flex-wrap items-center gap-4 text-sm text-slate-700">
        {playing && !muted ? (
          <Button variant="secondary" onClick={() => setMuted(true)}>
            {t('liveMedia.watch.mute')}
          </Button>
        ) : null}
        {onHls ? null : (
          <label className="flex items-center gap-2">
            {t('liveMedia.watch.quality')}
            <select
              className="rounded-md border border-slate-300 bg-white px-2 py-1"
              value={watch.quality}
              onChange={(event) => watch.setQuality(event.target.value as QualityChoice)}
            >
              {QUALITY_CHOICES.map((quality) => (
                <option key={quality} value={quality}>
                  {t(`liveMedia.quality.${quality}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        {watch.layer !== null ? <span>{t('liveMedia.watch.receiving', { layer: t(`liveMedia.layer.${watch.layer}`) })}</span> : null}
        {watch.source === 'screen' ? <span>{t('liveMedia.watch.screenShared')}</span> : null}
        {watch.hostMuted ? <span>{t('liveMedia.watch.hostMuted')}</span> : null}
      </div>
      {watch.error ? (
        <p role="alert" className="text-sm text-red-700">
          {t(`liveMedia.errors.${watch.error.code}`, { defaultValue: t('liveMedia.errors.internal') })}
        </p>
      ) : null}
      {description ? <p className="whitespace-pre-line text-slate-700">{description}</p> : null}
    </div>
  )
}
