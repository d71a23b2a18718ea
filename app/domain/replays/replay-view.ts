// What the replay page receives (replay-page.server.ts makes it) and the pure rules of its playback UI:
// which chat messages and chapters belong to a playback time. Client-safe.
import type { ChatMessageView, PinnedProductView } from '~/protocol/live'
import type { ClipView } from './clip-schema'
import type { Chapter } from './timeline'

/** A chat message of the show with where it falls on the replay's playback time. */
export type ReplayChatMessage = ChatMessageView & { offsetMs: number }

/** One recorded part: when its media started (wall clock) and where it starts on the playback time. */
export type ReplayPart = { index: number; startedAt: string; durationMs: number; offsetMs: number }

export type ReplayView = {
  sessionId: string
  recordingId: string
  title: string
  companyName: string
  companySlug: string
  description: string
  /** When the show went live (ISO instant). */
  airedAt: string
  durationMs: number
  published: boolean
  playlistUrl: string
  posterUrl: string | null
  parts: ReplayPart[]
  /** Ordered by start; they may overlap (up to three products are pinned at once). */
  chapters: Chapter[]
  /** The cards of the chaptered products (still published), in chapter order. */
  products: PinnedProductView[]
  /** Oldest first, ordered by offset. */
  messages: ReplayChatMessage[]
  /** More messages than the replay keeps (REPLAY_CHAT_LIMIT): only the first ones are here. */
  chatTruncated: boolean
  /** Published clips cut from this replay; its managers see every clip (processing, failed, unpublished). */
  clips: ClipView[]
  /** The hosting company, the fair's organizer or an admin: sees it unpublished, may cut clips. */
  canManage: boolean
}

/**
 * How many of the (offset-ordered) messages were written by this playback time: the chat replay shows
 * exactly those, so seeking back hides the later ones again.
 */
export function messagesShownAt(messages: ReadonlyArray<Pick<ReplayChatMessage, 'offsetMs'>>, offsetMs: number): number {
  let low = 0
  let high = messages.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((messages[middle]?.offsetMs ?? Infinity) <= offsetMs) low = middle + 1
    else high = middle
  }
  return low
}

/** Whether a chapter is playing at this playback time (its product is on screen). */
export function chapterPlaying(chapter: Pick<Chapter, 'startMs' | 'endMs'>, offsetMs: number): boolean {
  return chapter.startMs <= offsetMs && offsetMs < chapter.endMs
}
