import { z } from 'zod'
import type { SessionUser } from '~/domain/accounts/session.server'
import { pickLocalized } from '~/domain/catalog/translations'
import { getPrisma } from '~/domain/db.server'
import { isDomainError } from '~/domain/errors'
import { MESSAGE_SELECT, toMessageView } from '~/domain/live/chat.server'
import { listProductCards } from '~/domain/live/pinned-products.server'
import { listRecordingClips } from './clips.server'
import { signedMediaUrl } from './media-urls.server'
import { POSTER_FILE, recordingForVisitor } from './recordings.server'
import type { ReplayChatMessage, ReplayPart, ReplayView } from './replay-view'
import { chaptersFromPins, playbackOffsetMs, type Chapter, type PartTiming, type PinEvent } from './timeline'

/**
 * The replay's chat keeps this many messages (the first ones of the show): a replay page loads it whole
 * so that seeking never waits for the network. A busier show says that its chat replay is cut short.
 */
export const REPLAY_CHAT_LIMIT = 5000

const PinDataSchema = z.object({ productId: z.string().min(1).max(40) })

/**
 * Everything the replay page of an ended showcase shows: the playable recording, its chapters (one per
 * product pin, from the PRODUCT_PINNED / PRODUCT_UNPINNED events on the recording's playback time), the
 * cards of the chaptered products (those still published), and the chat (messages not removed) with
 * each message's offset. 404 (DomainError) for a visitor who may not see this replay (recordingForVisitor).
 */
export async function loadReplay(sessionId: string, user: SessionUser | null, locale: string, now = new Date()): Promise<ReplayView> {
  const { recording, canManage } = await recordingForVisitor(sessionId, user, 'replay')
  const prisma = await getPrisma()
  const [session, partRows, pinRows, messageRows, clips] = await Promise.all([
    prisma.liveSession.findUniqueOrThrow({
      where: { id: sessionId },
      select: {
        title: true,
        titleI18n: true,
        description: true,
        startedAt: true,
        company: { select: { name: true, nameI18n: true, slug: true } },
      },
    }),
    prisma.recordingPart.findMany({
      where: { recordingId: recording.id },
      orderBy: { index: 'asc' },
      select: { index: true, startedAt: true, durationMs: true },
    }),
    prisma.liveSessionEvent.findMany({
      where: { sessionId, kind: { in: ['PRODUCT_PINNED', 'PRODUCT_UNPINNED'] } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { kind: true, data: true, createdAt: true },
    }),
    prisma.chatMessage.findMany({
      where: { sessionId, removedAt: null },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: REPLAY_CHAT_LIMIT + 1,
      select: MESSAGE_SELECT,
    }),
    listRecordingClips(recording.id, { includeUnpublished: canManage, locale, now: now.getTime() }),
  ])

  const parts: PartTiming[] = partRows
  const pins: PinEvent[] = pinRows.flatMap((row) => {
    const data = PinDataSchema.safeParse(row.data)
    return data.success ? [{ productId: data.data.productId, pinned: row.kind === 'PRODUCT_PINNED', at: row.createdAt }] : []
  })
  const allChapters = chaptersFromPins(pins, parts)
  const products = await listProductCards(
    allChapters.map((chapter) => chapter.productId),
    locale,
    { now, publishedOnly: true },
  )
  // A product withdrawn or deleted since the show keeps no chapter: nothing to show or ask about.
  const shown = new Set(products.map((product) => product.id))
  const chapters: Chapter[] = allChapters.filter((chapter) => shown.has(chapter.productId))

  let before = 0
  const replayParts: ReplayPart[] = partRows.map((part) => {
    const offsetMs = before
    before += Math.max(0, part.durationMs)
    return { index: part.index, startedAt: part.startedAt.toISOString(), durationMs: part.durationMs, offsetMs }
  })

  const messages: ReplayChatMessage[] = messageRows
    .slice(0, REPLAY_CHAT_LIMIT)
    .map((row) => ({ ...toMessageView(row), offsetMs: playbackOffsetMs(row.createdAt, parts) ?? 0 }))
    // Offsets are monotonic in time; the stable sort only settles messages of one instant.
    .sort((a, b) => a.offsetMs - b.offsetMs)

  return {
    sessionId,
    recordingId: recording.id,
    title: pickLocalized(session.title, session.titleI18n, locale),
    companyName: pickLocalized(session.company.name, session.company.nameI18n, locale),
    companySlug: session.company.slug,
    description: session.description,
    airedAt: (session.startedAt ?? recording.startedAt).toISOString(),
    durationMs: recording.durationMs,
    published: recording.published,
    playlistUrl: `/live/${sessionId}/replay.m3u8`,
    posterUrl: recording.hasPoster ? signedMediaUrl(recording.id, POSTER_FILE, { now: now.getTime() }) : null,
    parts: replayParts,
    chapters,
    products,
    messages,
    chatTruncated: messageRows.length > REPLAY_CHAT_LIMIT,
    clips,
    canManage,
  }
}

/** The replay if this visitor may see one, else null (the page then shows the ended showcase as before). */
export async function findReplay(sessionId: string, user: SessionUser | null, locale: string, now = new Date()): Promise<ReplayView | null> {
  try {
    return await loadReplay(sessionId, user, locale, now)
  } catch (error) {
    if (isDomainError(error) && error.code === 'not-found') return null
    throw error
  }
}

/** Where `?t=<seconds>` asks the replay to start ("seen in this showcase at 12:34" links); 0 when absent or invalid. */
export function replayStartSeconds(url: URL): number {
  const parsed = z.coerce
    .number()
    .min(0)
    .max(7 * 24 * 3600)
    .transform(Math.floor)
    .safeParse(url.searchParams.get('t') ?? undefined)
  return parsed.success ? parsed.data : 0
}
