import { getPrisma } from '~/domain/db.server'
import { DomainError, isDomainError } from '~/domain/errors'
import { findReplay } from '~/domain/replays/replay-page.server'
import { listPinnedProducts } from './pinned-products.server'
import { liveStillUrl } from './directory.server'
import { embedIframeHtml, OEMBED_THUMBNAIL, oembedSize } from './oembed'
import { loadWatchSession } from './sessions.server'

// The embeddable player (/embed/:sessionId, oEmbed): what a guest may see of a showcase inside another
// site's frame. A third-party frame carries no session cookie, so the embed is always a guest's view: the
// public watch page's rules for a visitor who is not signed in, and a little stricter, since an embed
// publishes the show on other sites: private, a fair proposal the organizer has not approved, cancelled,
// or ended with its recording removed → 404, one answer for all, so the frame says nothing about why.

/** What the frame shows: before the show, live, the replay after it, or the ended show without a replay. */
export type EmbedState = 'upcoming' | 'live' | 'replay' | 'ended'

/** Whether the embed of a showcase plays for a guest (loadEmbed's one rule), for the exporter's snippets. */
export async function isEmbeddable(sessionId: string, locale: string, now = new Date()): Promise<boolean> {
  try {
    await loadEmbed(sessionId, locale, now)
    return true
  } catch (error) {
    if (isDomainError(error) && error.status === 404) return false
    throw error
  }
}

export async function loadEmbed(sessionId: string, locale: string, now = new Date()) {
  const session = await loadWatchSession(sessionId, null, locale)
  if (session.access !== 'watch' || session.status === 'CANCELLED') throw new DomainError('not-found', { status: 404 })
  const prisma = await getPrisma()
  const extra = await prisma.liveSession.findUniqueOrThrow({
    where: { id: session.id },
    select: { fairId: true, approvedAt: true, recording: { select: { status: true } } },
  })
  if ((extra.fairId !== null && extra.approvedAt === null) || extra.recording?.status === 'REMOVED') throw new DomainError('not-found', { status: 404 })
  const replay = session.status === 'ENDED' ? await findReplay(session.id, null, locale, now) : null
  const state: EmbedState = session.status === 'LIVE' ? 'live' : session.status === 'ENDED' ? (replay ? 'replay' : 'ended') : 'upcoming'
  return {
    id: session.id,
    state,
    title: session.title,
    companyName: session.companyName,
    companySlug: session.companySlug,
    scheduledStartAt: session.scheduledStartAt,
    // Live: the products on screen now (the room's socket keeps them current); a replay has its own.
    pinnedProducts: state === 'live' || state === 'upcoming' ? await listPinnedProducts(session.id, locale, now) : [],
    replay: replay
      ? {
          playlistUrl: replay.playlistUrl,
          posterUrl: replay.posterUrl,
          durationMs: replay.durationMs,
          chapters: replay.chapters,
          products: replay.products,
        }
      : null,
  }
}

export type EmbedView = Awaited<ReturnType<typeof loadEmbed>>

/** A recent still of a live show that is being recorded (the directory's), else null. */
async function liveStill(sessionId: string, now: Date): Promise<string | null> {
  const prisma = await getPrisma()
  const recording = await prisma.recording.findUnique({ where: { sessionId }, select: { id: true, status: true } })
  return recording?.status === 'RECORDING' ? liveStillUrl(recording.id, now) : null
}

/**
 * The oEmbed answer for a showcase a guest may watch (404 DomainError otherwise, via loadEmbed): a "video"
 * whose html is the embed page's iframe. The thumbnail is the replay's poster, or a live show's recent still
 * (a signed link that expires, as every recording file's does), when there is one.
 */
export async function oembedFor(
  sessionId: string,
  options: { origin: string; locale: string; lang?: string | undefined; maxwidth?: number | undefined; maxheight?: number | undefined },
) {
  const now = new Date()
  const embed = await loadEmbed(sessionId, options.locale, now)
  const { width, height } = oembedSize(options.maxwidth, options.maxheight)
  const poster = embed.replay?.posterUrl ?? (embed.state === 'live' ? await liveStill(embed.id, now) : null)
  return {
    version: '1.0' as const,
    type: 'video' as const,
    title: embed.title,
    author_name: embed.companyName,
    author_url: `${options.origin}/exporters/${encodeURIComponent(embed.companySlug)}`,
    provider_name: 'Tradecast',
    provider_url: `${options.origin}/`,
    cache_age: 300,
    html: embedIframeHtml({ origin: options.origin, sessionId: embed.id, title: embed.title, width, height, lang: options.lang }),
    width,
    height,
    ...(poster ? { thumbnail_url: `${options.origin}${poster}`, thumbnail_width: OEMBED_THUMBNAIL.width, thumbnail_height: OEMBED_THUMBNAIL.height } : {}),
  }
}
