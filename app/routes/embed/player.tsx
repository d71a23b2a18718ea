import { useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isRouteErrorResponse, useRouteError } from 'react-router'
import type { Route } from './+types/player'
import { EmbedProducts, EmbedShell, NotAvailable, Overlay } from './+shared/embed-parts'
import { HlsVideo } from '~/components/live-media/hls-video'
import { PhaseBadge } from '~/components/live-media/phase-badge'
import { VideoView } from '~/components/live-media/video-view'
import { Button } from '~/components/ui/button'
import { loadEmbed, type EmbedView } from '~/domain/live/embed.server'
import { pinnedAt } from '~/domain/replays/timeline'
import { useLiveRoom } from '~/live/use-live-room'
import { formatDateTime } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'
import { useHlsPlayer } from '~/media/use-hls-player'
import { useLivePlayback } from '~/media/use-live-playback'
import { useWatch } from '~/media/use-watch'
import { resolveLocale } from '~/utils/preferences.server'
import { pageTitle } from '~/lib/meta'

// The embeddable player: a page for an <iframe> on the exporter's own sites (the sites listed on the
// company profile; server/security.ts writes them into this page's CSP frame-ancestors). No header or
// footer (handle.chromeless), always a guest's view (a third-party frame has no session cookie), and every
// link to Tradecast opens a new tab. Live over WebRTC (the live HLS rendition as the watch page falls back
// to it), the replay over HLS once the show ended, a "starts at" poster before.

export const handle = { chromeless: true }

export const meta: Route.MetaFunction = (args) => [...pageTitle(args, () => [args.loaderData?.title]), { name: 'robots', content: 'noindex' }]

export async function loader({ request, params }: Route.LoaderArgs) {
  // The frame is a guest's, whoever the browser may be signed in as elsewhere: the guest's language too.
  const locale = await resolveLocale(request, null)
  return loadEmbed(params.sessionId, locale)
}

export default function EmbedPlayerRoute({ loaderData }: Route.ComponentProps) {
  const embed = loaderData
  if (embed.replay) return <ReplayEmbed embed={embed} replay={embed.replay} />
  // Upcoming, live or just ended: the live player follows the room (waiting → live → ended) by itself.
  return <LiveEmbed embed={embed} />
}

function LiveEmbed({ embed }: { embed: EmbedView }) {
  const { t } = useTranslation()
  const { locale, timeZone } = useRootData()
  const watch = useWatch(embed.id)
  const room = useLiveRoom(embed.id)
  const [muted, setMuted] = useState(true)
  const hlsVideo = useRef<HTMLVideoElement>(null)
  const { onHls, noBackup, hls, phase, playing } = useLivePlayback(watch, embed.id, hlsVideo, { ended: embed.state === 'ended' })
  // The room's list once joined; until then what the page was served with.
  const products = room.state.you !== null ? room.state.pinnedProducts : embed.pinnedProducts

  const message =
    phase === 'ended'
      ? t('embed.player.ended')
      : phase === 'waiting' || (phase === 'connecting' && embed.state === 'upcoming')
        ? `${t('embed.player.notStarted')} ${t('embed.player.startsAt', { date: formatDateTime(embed.scheduledStartAt, { locale, timeZone, withZone: true }) })}`
        : onHls && hls.error
          ? t(`liveMedia.watch.hls.errors.${hls.error}`)
          : noBackup
            ? t('liveMedia.watch.hls.noBackup')
            : t(`liveMedia.watch.overlay.${phase}`)
  return (
    <EmbedShell embed={embed} badge={<PhaseBadge phase={phase} />} products={<EmbedProducts sessionId={embed.id} products={products} />}>
      <div
        className="relative h-full w-full bg-slate-950"
        data-testid="embed-player"
        data-phase={phase}
        data-transport={watch.transport}
        data-frames-decoded={onHls ? hls.framesDecoded : (watch.stats?.framesDecoded ?? 0)}
      >
        {onHls ? (
          <HlsVideo
            videoRef={hlsVideo}
            muted={muted}
            aria-label={t('embed.player.videoLabel', { title: embed.title })}
            className="h-full w-full object-contain"
          />
        ) : (
          <VideoView
            stream={watch.stream}
            muted={muted}
            aria-label={t('embed.player.videoLabel', { title: embed.title })}
            className="h-full w-full object-contain"
          />
        )}
        {playing ? null : (
          <Overlay>
            <p>{message}</p>
            {onHls && hls.error ? (
              <Button variant="secondary" onClick={hls.retry}>
                {t('embed.player.retry')}
              </Button>
            ) : null}
          </Overlay>
        )}
        {playing ? (
          <Button className="absolute bottom-2 left-2 min-h-8 px-3 py-1 text-xs" onClick={() => setMuted((was) => !was)} aria-pressed={!muted}>
            {muted ? t('embed.player.unmute') : t('embed.player.mute')}
          </Button>
        ) : null}
      </div>
    </EmbedShell>
  )
}

function ReplayEmbed({ embed, replay }: { embed: EmbedView; replay: NonNullable<EmbedView['replay']> }) {
  const { t } = useTranslation()
  const videoRef = useRef<HTMLVideoElement>(null)
  const player = useHlsPlayer(videoRef, replay.playlistUrl, { live: false })
  const productsById = useMemo(() => new Map(replay.products.map((product) => [product.id, product])), [replay.products])
  const onScreen = pinnedAt(player.currentTimeMs, replay.chapters).flatMap((id) => productsById.get(id) ?? [])
  const waiting = player.state === 'idle' || player.state === 'loading' || player.state === 'buffering'
  return (
    <EmbedShell
      embed={embed}
      badge={
        <span role="status" className="inline-flex items-center rounded-full bg-slate-200 px-3 py-1 text-xs font-semibold text-slate-800">
          {t('embed.player.replay')}
        </span>
      }
      // Before the first chapter, the products shown in the replay; then those on screen at this moment.
      products={<EmbedProducts sessionId={embed.id} products={onScreen.length > 0 || replay.chapters.length === 0 ? onScreen : replay.products} />}
    >
      <div
        className="relative h-full w-full bg-slate-950"
        data-testid="embed-player"
        data-phase={player.state === 'playing' ? 'replay' : player.state}
        data-transport="hls"
        data-frames-decoded={player.framesDecoded}
      >
        <video
          ref={videoRef}
          controls
          autoPlay
          muted
          playsInline
          poster={replay.posterUrl ?? undefined}
          aria-label={t('embed.player.videoLabel', { title: embed.title })}
          className="h-full w-full object-contain"
        />
        {waiting ? (
          <div role="status" className="pointer-events-none absolute inset-x-0 top-0 flex justify-center p-2">
            <span className="rounded-full bg-slate-900/70 px-3 py-1 text-xs font-medium text-white">{t(`replayPage.state.${player.state}`)}</span>
          </div>
        ) : null}
        {player.state === 'error' ? (
          <Overlay>
            <p>{t(`replayPage.errors.${player.error ?? 'media'}`)}</p>
            {player.error !== 'unsupported' ? (
              <Button variant="secondary" onClick={player.retry}>
                {t('embed.player.retry')}
              </Button>
            ) : null}
          </Overlay>
        ) : null}
      </div>
    </EmbedShell>
  )
}

/** Private, unapproved, cancelled, removed or unknown: one answer, inside the frame. */
export function ErrorBoundary() {
  const error = useRouteError()
  const notFound = isRouteErrorResponse(error) && error.status === 404
  return <NotAvailable notFound={notFound} />
}
