import { clsx } from 'clsx'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ChatMessageText } from '~/components/live/chat-panel'
import { ShoppableProducts } from '~/components/live/live-room-panels'
import { ClipMarker, ReplayClips } from '~/components/replays/clip-marker'
import { Button } from '~/components/ui/button'
import { chapterPlaying, messagesShownAt, type ReplayChatMessage, type ReplayView } from '~/domain/replays/replay-view'
import { formatOffset, pinnedAt, type Chapter } from '~/domain/replays/timeline'
import { formatDateTime } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'
import { useHlsPlayer, type HlsPlayer } from '~/media/use-hls-player'
import { useReplayView } from '~/media/use-replay-view'
import type { PinnedProductView } from '~/protocol/live'

/**
 * The replay of an ended showcase: the recording (HLS) with its product chapters, the products that were
 * on screen at the playback time (with "Request quote" / "Buy samples" as in the live room), and the chat
 * as it was at that moment. `startAtSeconds` comes from a `?t=` link ("seen in this showcase at 12:34").
 * Those who manage the replay mark and publish clips of it under the chapters; everyone sees its clips.
 */
export function ReplayRoom({
  replay,
  startAtSeconds,
  paymentsEnabled,
  buyerCountry,
  initialQuoteProduct = null,
}: {
  replay: ReplayView
  startAtSeconds: number
  paymentsEnabled: boolean
  buyerCountry: string | null
  initialQuoteProduct?: PinnedProductView | null
}) {
  const { t } = useTranslation()
  const { locale, timeZone } = useRootData()
  const videoRef = useRef<HTMLVideoElement>(null)
  // A link past the end (an older replay cut shorter) starts at the beginning instead of at the end.
  const startAt = startAtSeconds * 1000 < replay.durationMs ? startAtSeconds : 0
  const player = useHlsPlayer(videoRef, replay.playlistUrl, { live: false, startAtSeconds: startAt })
  const currentTimeMs = player.currentTimeMs
  // Replay viewers and watch time (kept apart from the live figures).
  useReplayView(replay.sessionId, player.state === 'playing')

  const productsById = useMemo(() => new Map(replay.products.map((product) => [product.id, product])), [replay.products])
  const onScreen = useMemo(
    () => pinnedAt(currentTimeMs, replay.chapters).flatMap((id) => productsById.get(id) ?? []),
    [currentTimeMs, replay.chapters, productsById],
  )

  const seek = (offsetMs: number) => {
    const video = videoRef.current
    if (!video) return
    video.currentTime = offsetMs / 1000
    if (video.paused) void video.play().catch(() => undefined)
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="min-w-0 space-y-4">
        <header className="space-y-1">
          <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">{t('replayPage.kicker')}</p>
          <h1 className="text-2xl font-bold tracking-tight">{replay.title}</h1>
          <p className="text-sm text-slate-600">
            {t('replayPage.host')}{' '}
            <Link to={`/exporters/${replay.companySlug}`} className="text-brand-700 hover:underline">
              {replay.companyName}
            </Link>{' '}
            · {t('replayPage.aired', { date: formatDateTime(replay.airedAt, { locale, timeZone }) })} ·{' '}
            {t('replayPage.length', { duration: formatOffset(replay.durationMs) })}
          </p>
          {!replay.published ? (
            <p role="note" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
              {t('replayPage.unpublished')}
            </p>
          ) : null}
        </header>

        <ReplayPlayer videoRef={videoRef} player={player} title={replay.title} posterUrl={replay.posterUrl} />

        <ChapterList chapters={replay.chapters} productsById={productsById} currentTimeMs={currentTimeMs} onSeek={seek} />

        <ShoppableProducts
          sessionId={replay.sessionId}
          products={onScreen}
          source="replay"
          paymentsEnabled={paymentsEnabled}
          buyerCountry={buyerCountry}
          initialQuoteProduct={initialQuoteProduct}
        />

        {replay.canManage ? (
          <ClipMarker
            sessionId={replay.sessionId}
            currentTimeMs={currentTimeMs}
            durationMs={replay.durationMs}
            products={replay.products.map(({ id, name }) => ({ id, name }))}
          />
        ) : null}
        <ReplayClips clips={replay.clips} />

        {replay.description ? <p className="whitespace-pre-line text-slate-700">{replay.description}</p> : null}
      </div>
      <ChatReplay messages={replay.messages} currentTimeMs={currentTimeMs} truncated={replay.chatTruncated} />
    </div>
  )
}

function ReplayPlayer({
  videoRef,
  player,
  title,
  posterUrl,
}: {
  videoRef: React.RefObject<HTMLVideoElement | null>
  player: HlsPlayer
  title: string
  posterUrl: string | null
}) {
  const { t } = useTranslation()
  // Starts muted (browsers play muted video on their own), like the live page; the viewer unmutes.
  const [muted, setMuted] = useState(true)
  useEffect(() => {
    const video = videoRef.current
    if (!video) return
    video.muted = muted
  }, [videoRef, muted])
  useEffect(() => {
    const video = videoRef.current
    if (!video) return
    // The native controls can unmute too: follow them.
    const onVolume = () => setMuted(video.muted)
    video.addEventListener('volumechange', onVolume)
    return () => video.removeEventListener('volumechange', onVolume)
  }, [videoRef])

  const waiting = player.state === 'idle' || player.state === 'loading' || player.state === 'buffering'
  return (
    <section
      aria-label={t('replayPage.playerLabel')}
      className="relative aspect-video overflow-hidden rounded-xl bg-slate-900"
      data-testid="replay-player"
      data-state={player.state}
      data-current-time-ms={player.currentTimeMs}
      data-frames-decoded={player.framesDecoded}
    >
      {/* eslint-disable-next-line jsx-a11y/media-has-caption -- a recorded showcase has no caption track to offer */}
      <video
        ref={videoRef}
        controls
        autoPlay
        playsInline
        poster={posterUrl ?? undefined}
        aria-label={t('replayPage.videoLabel', { title })}
        className="h-full w-full object-contain"
      />
      {waiting ? (
        <div role="status" className="pointer-events-none absolute inset-x-0 top-0 flex justify-center p-4">
          <span className="rounded-full bg-slate-900/70 px-3 py-1 text-sm font-medium text-white">{t(`replayPage.state.${player.state}`)}</span>
        </div>
      ) : null}
      {player.state === 'error' ? (
        <div role="alert" className="absolute inset-0 grid place-items-center bg-slate-900/80 p-6 text-center text-white">
          <div className="space-y-3">
            <p className="text-lg font-medium">{t(`replayPage.errors.${player.error ?? 'media'}`)}</p>
            {player.error !== 'unsupported' ? <Button onClick={player.retry}>{t('replayPage.retry')}</Button> : null}
          </div>
        </div>
      ) : null}
      {player.state === 'playing' && muted ? (
        <Button className="absolute left-4 top-4" onClick={() => setMuted(false)}>
          {t('liveMedia.watch.tapToUnmute')}
        </Button>
      ) : null}
    </section>
  )
}

function ChapterList({
  chapters,
  productsById,
  currentTimeMs,
  onSeek,
}: {
  chapters: readonly Chapter[]
  productsById: ReadonlyMap<string, PinnedProductView>
  currentTimeMs: number
  onSeek: (offsetMs: number) => void
}) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="replay-chapters-title" className="space-y-2">
      <h2 id="replay-chapters-title" className="font-semibold">
        {t('replayPage.chapters')}
      </h2>
      {chapters.length === 0 ? (
        <p className="text-sm text-slate-500">{t('replayPage.noChapters')}</p>
      ) : (
        <ol aria-label={t('replayPage.chaptersLabel')} className="grid gap-2 sm:grid-cols-2">
          {chapters.map((chapter) => {
            const name = productsById.get(chapter.productId)?.name ?? ''
            const time = formatOffset(chapter.startMs)
            const playing = chapterPlaying(chapter, currentTimeMs)
            return (
              <li key={`${chapter.productId}-${chapter.startMs}`}>
                <button
                  type="button"
                  data-testid="replay-chapter"
                  data-offset-ms={chapter.startMs}
                  data-product-id={chapter.productId}
                  aria-label={t('replayPage.chapterButton', { name, time })}
                  aria-current={playing ? 'true' : undefined}
                  onClick={() => onSeek(chapter.startMs)}
                  className={clsx(
                    'flex min-h-10 w-full items-center gap-3 rounded-lg px-3 py-2 text-left text-sm ring-1 transition-colors',
                    playing ? 'bg-brand-50 font-semibold ring-2 ring-brand-500' : 'bg-white ring-slate-200 hover:bg-slate-50',
                  )}
                >
                  <span className="font-mono tabular-nums text-slate-600">{time}</span>
                  <span className="min-w-0 flex-1 break-words">{name}</span>
                  {playing ? <span className="shrink-0 text-xs text-brand-700">{t('replayPage.nowShowing')}</span> : null}
                </button>
              </li>
            )
          })}
        </ol>
      )}
    </section>
  )
}

function ChatReplay({ messages, currentTimeMs, truncated }: { messages: readonly ReplayChatMessage[]; currentTimeMs: number; truncated: boolean }) {
  const { t } = useTranslation()
  const shown = messagesShownAt(messages, currentTimeMs)
  const listRef = useRef<HTMLOListElement>(null)
  useEffect(() => {
    const list = listRef.current
    if (list) list.scrollTop = list.scrollHeight
  }, [shown])
  return (
    <section aria-labelledby="replay-chat-title" className="flex h-full min-h-80 flex-col rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <header className="border-b border-slate-100 px-3 py-2">
        <h2 id="replay-chat-title" className="font-semibold">
          {t('replayPage.chat')}
        </h2>
      </header>
      {shown === 0 ? <p className="px-3 py-2 text-sm text-slate-500">{t('replayPage.chatEmpty')}</p> : null}
      <ol ref={listRef} aria-label={t('replayPage.chatLabel')} className="flex-1 space-y-0.5 overflow-y-auto p-2" style={{ maxHeight: '28rem' }}>
        {messages.slice(0, shown).map((message) => (
          <li key={message.id} data-testid="replay-chat-message" data-offset-ms={message.offsetMs} className="flex gap-2 rounded-md px-2 py-1">
            <span className="pt-0.5 font-mono text-xs tabular-nums text-slate-500">{formatOffset(message.offsetMs)}</span>
            <div className="min-w-0 flex-1">
              <ChatMessageText message={message} />
            </div>
          </li>
        ))}
      </ol>
      {truncated ? (
        <p className="border-t border-slate-100 px-3 py-2 text-xs text-slate-500">{t('replayPage.chatTruncated', { count: messages.length })}</p>
      ) : null}
    </section>
  )
}
