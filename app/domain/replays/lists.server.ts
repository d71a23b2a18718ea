import type { Prisma } from '~/generated/prisma/client'
import { pickLocalized } from '~/domain/catalog/translations'
import { getPrisma } from '~/domain/db.server'
import { LISTABLE_SHOWCASE } from '~/domain/live/upcoming.server'
import { POSTER_FILE, type ReplayVisitor } from './recordings.server'
import { signedMediaUrl } from './media-urls.server'
import { formatOffset } from './timeline'

/** How many replays a list shows (newest first). */
export const REPLAY_LIST_SIZE = 12

/**
 * The replays anyone may find listed (the rule recordingForVisitor applies to one replay, for people who
 * do not manage it): finished (READY, so not removed or failed) and published recordings of showcases
 * that are listed (a fair's showcase once approved) and that the visitor could watch — public ones for
 * guests, private ones too for a signed-in account.
 */
export function visibleReplayWhere(visitor: ReplayVisitor, scope: ReplayScope = {}): Prisma.RecordingWhereInput {
  const session: Prisma.LiveSessionWhereInput = {
    ...LISTABLE_SHOWCASE,
    ...(visitor ? {} : { isPublic: true }),
    ...(scope.companyId ? { companyId: scope.companyId } : {}),
    ...(scope.fairId ? { fairId: scope.fairId } : {}),
    ...(scope.session ? { AND: [scope.session] } : {}),
  }
  return { status: 'READY', published: true, removedAt: null, session }
}

/** Whose replays: one company's, one fair's, and/or showcases matching a filter (the directory's). */
export type ReplayScope = { companyId?: string; fairId?: string; session?: Prisma.LiveSessionWhereInput }

export type ReplayListItem = {
  sessionId: string
  title: string
  companyName: string
  /** When the showcase went live (ISO); shown in the visitor's zone. */
  airedAt: string
  durationMs: number
  /** "12:34" or "1:02:03" */
  duration: string
  /** A signed link to the poster, or null (the list shows a neutral placeholder). */
  posterUrl: string | null
}

/** The replays of one company's or one fair's showcases this visitor may watch, newest first. */
export async function listVisibleReplays(
  scope: ReplayScope,
  visitor: ReplayVisitor,
  locale: string,
  { take = REPLAY_LIST_SIZE, now = Date.now() }: { take?: number; now?: number } = {},
): Promise<ReplayListItem[]> {
  const prisma = await getPrisma()
  const recordings = await prisma.recording.findMany({
    where: visibleReplayWhere(visitor, scope),
    orderBy: [{ startedAt: 'desc' }, { id: 'asc' }],
    take,
    select: {
      id: true,
      startedAt: true,
      durationMs: true,
      hasPoster: true,
      session: { select: { id: true, title: true, titleI18n: true, startedAt: true, company: { select: { name: true, nameI18n: true } } } },
    },
  })
  return recordings.map((recording) => ({
    sessionId: recording.session.id,
    title: pickLocalized(recording.session.title, recording.session.titleI18n, locale),
    companyName: pickLocalized(recording.session.company.name, recording.session.company.nameI18n, locale),
    airedAt: (recording.session.startedAt ?? recording.startedAt).toISOString(),
    durationMs: recording.durationMs,
    duration: formatOffset(recording.durationMs),
    posterUrl: recording.hasPoster ? signedMediaUrl(recording.id, POSTER_FILE, { now }) : null,
  }))
}
