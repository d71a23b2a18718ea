import { getPrisma, lockRecordKey } from '~/domain/db.server'
import type { Prisma } from '~/generated/prisma/client'
import { toVerifiedBadge, VERIFIED_BADGE_SELECT, verifiedBadgeRowOfUser } from '~/domain/buyers/verification.server'
import { countGraphemes } from '~/lib/chat-length'
import { CHAT_MAX_LENGTH, type ChatMessageView, type ChatVerifiedBuyer } from '~/protocol/live'
import { findBlockedWord } from './blocked-words'
import type { RoomContext } from './room-access.server'
import type { RoomIdentity } from './room-identity'

const HISTORY_SIZE = 50
// A viewer back from a short drop gets up to this many missed messages (what the chat list keeps).
const CATCH_UP_SIZE = 200
const CATCH_UP_OVERLAP_MS = 10_000

/** The columns a chat message view is made of (toMessageView); the replay's chat uses them too. */
export const MESSAGE_SELECT = {
  id: true,
  body: true,
  language: true,
  createdAt: true,
  guestKey: true,
  guestName: true,
  authorId: true,
  author: { select: { id: true, name: true, role: true, buyerProfile: { select: VERIFIED_BADGE_SELECT } } },
} as const

type MessageRow = {
  id: string
  body: string
  language: string | null
  createdAt: Date
  guestKey: string | null
  guestName: string | null
  authorId: string | null
  author: { id: string; name: string; role: string; buyerProfile?: Parameters<typeof toVerifiedBadge>[0] } | null
}

export function toMessageView(row: MessageRow): ChatMessageView {
  // The verified-buyer badge comes from the database (the author's buyer profile), never from the sender;
  // only the badge (when, how) goes out: no verifier's name in a payload every viewer, guests too, receives.
  const badge = row.author ? toVerifiedBadge(row.author.buyerProfile) : null
  const verifiedBuyer: ChatVerifiedBuyer | null = badge ? { verified: true, verifiedAt: badge.verifiedAt, method: badge.method } : null
  return {
    id: row.id,
    body: row.body,
    language: row.language,
    createdAt: row.createdAt.toISOString(),
    author: row.author
      ? { kind: 'user', id: row.author.id, name: row.author.name, role: row.author.role, ...(verifiedBuyer ? { verifiedBuyer } : {}) }
      : { kind: 'guest', key: row.guestKey ?? '', name: row.guestName ?? 'Guest' },
  }
}

/**
 * The latest messages (oldest first), or, when catching up after a reconnect, those from a little
 * before `sinceMessageId` on. Viewers receive messages in per-process batches, not strictly in stored
 * order (another process's batch can arrive later with older messages), so the catch-up overlaps by
 * CATCH_UP_OVERLAP_MS and the client drops the ones it already has (by id).
 */
export async function listRecentMessages(sessionId: string, sinceMessageId?: string): Promise<ChatMessageView[]> {
  const since = sinceMessageId ? await createdAtOf(sessionId, sinceMessageId) : null
  if (since) return listMessagesSince(sessionId, since)
  const prisma = await getPrisma()
  const rows = await prisma.chatMessage.findMany({
    where: { sessionId, removedAt: null },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: HISTORY_SIZE,
    select: MESSAGE_SELECT,
  })
  return rows.reverse().map(toMessageView)
}

/**
 * Ids of messages removed since a little before `sinceMessageId` (same overlap as the catch-up): a
 * viewer back from a drop it could not recover from drops them from its list.
 */
export async function listRemovedMessageIds(sessionId: string, sinceMessageId: string): Promise<string[]> {
  const since = await createdAtOf(sessionId, sinceMessageId)
  return since ? listRemovedSince(sessionId, since) : []
}

/**
 * Messages stored from a little before `since` on (oldest first; the latest `limit` of them): a
 * reader's catch-up, and what a process re-sends its rooms after a Redis outage hid other processes' chat.
 */
export async function listMessagesSince(sessionId: string, since: Date, limit = CATCH_UP_SIZE): Promise<ChatMessageView[]> {
  const prisma = await getPrisma()
  const rows = await prisma.chatMessage.findMany({
    where: { sessionId, removedAt: null, createdAt: { gte: new Date(since.getTime() - CATCH_UP_OVERLAP_MS) } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: MESSAGE_SELECT,
  })
  return rows.reverse().map(toMessageView)
}

/** Ids of messages removed from a little before `since` on (the same window as listMessagesSince). */
export async function listRemovedSince(sessionId: string, since: Date, limit = CATCH_UP_SIZE): Promise<string[]> {
  const prisma = await getPrisma()
  const rows = await prisma.chatMessage.findMany({
    where: { sessionId, removedAt: { gte: new Date(since.getTime() - CATCH_UP_OVERLAP_MS) } },
    orderBy: { removedAt: 'desc' },
    take: limit,
    select: { id: true },
  })
  return rows.map((row) => row.id)
}

async function createdAtOf(sessionId: string, messageId: string): Promise<Date | null> {
  const prisma = await getPrisma()
  const row = await prisma.chatMessage.findFirst({ where: { id: messageId, sessionId }, select: { createdAt: true } })
  return row?.createdAt ?? null
}

export async function getMessageView(sessionId: string, messageId: string): Promise<ChatMessageView | null> {
  const prisma = await getPrisma()
  const row = await prisma.chatMessage.findFirst({ where: { id: messageId, sessionId, removedAt: null }, select: MESSAGE_SELECT })
  return row ? toMessageView(row) : null
}

export async function getPinnedMessage(sessionId: string): Promise<ChatMessageView | null> {
  const prisma = await getPrisma()
  const session = await prisma.liveSession.findUnique({ where: { id: sessionId }, select: { pinnedMessageId: true } })
  return session?.pinnedMessageId ? getMessageView(sessionId, session.pinnedMessageId) : null
}

export type ActiveSanction = { kind: 'MUTE' | 'BAN'; until: Date | null }

export type SanctionRow = {
  kind: 'MUTE' | 'BAN'
  userId: string | null
  guestKey: string | null
  expiresAt: Date | null
  networkPrefix?: string | null
  networkUntil?: Date | null
}

/** Who a sanction is about: an account, or a guest's browser key (and the network it came from). */
export type ParticipantRef = { userId: string } | { guestKey: string; network?: string | null | undefined }

export const participantRef = (identity: RoomIdentity): ParticipantRef =>
  identity.kind === 'user' ? { userId: identity.userId } : { guestKey: identity.guestKey, network: identity.network ?? null }

/**
 * Whether a sanction row is about this participant. Accounts are sanctioned by user id only. A guest
 * is matched by its browser key, and by its network while a guest ban's network cover lasts: a banned
 * guest who drops the cookie comes back from the same network and is still banned.
 */
function concerns(row: SanctionRow, who: ParticipantRef, now: Date): boolean {
  if ('userId' in who) return row.userId === who.userId
  if (row.guestKey === who.guestKey) return true
  return row.kind === 'BAN' && !!who.network && row.networkPrefix === who.network && !!row.networkUntil && row.networkUntil > now
}

/** The strongest sanction in force for this participant among `rows` (a ban beats a mute). */
export function strongestSanction(rows: readonly SanctionRow[], who: ParticipantRef, now = new Date()): ActiveSanction | null {
  const own = rows.filter((row) => (row.expiresAt === null || row.expiresAt > now) && concerns(row, who, now))
  const ban = own.find((s) => s.kind === 'BAN')
  if (ban) return { kind: 'BAN', until: ban.expiresAt }
  const mute = own.find((s) => s.kind === 'MUTE')
  return mute ? { kind: 'MUTE', until: mute.expiresAt } : null
}

const SANCTION_SELECT = { kind: true, userId: true, guestKey: true, expiresAt: true, networkPrefix: true, networkUntil: true } as const

/** Every sanction of the session still in force at `now` (few per session; cacheable, see strongestSanction). */
export async function listActiveSanctions(sessionId: string, now = new Date()): Promise<SanctionRow[]> {
  const prisma = await getPrisma()
  return prisma.liveSessionSanction.findMany({ where: { sessionId, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] }, select: SANCTION_SELECT })
}

/** The strongest sanction in force for this participant (a ban beats a mute). */
export async function findActiveSanction(sessionId: string, identity: RoomIdentity, now = new Date()): Promise<ActiveSanction | null> {
  const prisma = await getPrisma()
  const rows = await prisma.liveSessionSanction.findMany({
    where: {
      sessionId,
      AND: [
        identity.kind === 'user'
          ? { userId: identity.userId }
          : {
              OR: [
                { guestKey: identity.guestKey },
                ...(identity.network ? [{ kind: 'BAN' as const, networkPrefix: identity.network, networkUntil: { gt: now } }] : []),
              ],
            },
        { OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
      ],
    },
    select: SANCTION_SELECT,
  })
  return strongestSanction(rows, participantRef(identity), now)
}

export type PostRejection =
  { code: 'banned' | 'muted' | 'blocked-word' | 'chat-closed' | 'guest-limit' | 'too-long' } | { code: 'slow-mode'; retryAfterMs: number }

/** Whether people may still write in a session of this status (an ended or cancelled session's chat is read-only). */
export function isChatOpen(status: RoomContext['status']): boolean {
  return status !== 'ENDED' && status !== 'CANCELLED'
}

/** Over CHAT_MAX_LENGTH characters as people count them (the composer counts with the same function). */
export function isChatMessageTooLong(body: string): boolean {
  return countGraphemes(body) > CHAT_MAX_LENGTH
}

/**
 * Stores a chat message after every server-side rule: the session is open, the author is neither
 * banned nor muted, the message is at most CHAT_MAX_LENGTH characters as people count them (the
 * composer counts with the same function), no blocked word, slow mode respected. Nothing is stored
 * when a rule refuses.
 */
export async function postChatMessage(
  room: RoomContext,
  identity: RoomIdentity,
  input: { body: string; language?: string | undefined },
  options: { now?: Date; findSanction?: (sessionId: string, identity: RoomIdentity, now: Date) => Promise<ActiveSanction | null> } = {},
): Promise<{ ok: true; message: ChatMessageView } | { ok: false; rejection: PostRejection }> {
  const now = options.now ?? new Date()
  if (!isChatOpen(room.status)) return { ok: false, rejection: { code: 'chat-closed' } }
  // A guest minted over its network's budget watches only: it has no identity sanctions could stick to.
  if (identity.kind === 'guest' && identity.transient) return { ok: false, rejection: { code: 'guest-limit' } }
  // The realtime server passes a per-process cached lookup; the rule stays here.
  const sanction = await (options.findSanction ?? findActiveSanction)(room.sessionId, identity, now)
  if (sanction) return { ok: false, rejection: { code: sanction.kind === 'BAN' ? 'banned' : 'muted' } }
  if (isChatMessageTooLong(input.body)) return { ok: false, rejection: { code: 'too-long' } }
  if (!room.canModerate && findBlockedWord(input.body, room.blockedWords)) return { ok: false, rejection: { code: 'blocked-word' } }
  const prisma = await getPrisma()
  const author = identity.kind === 'user' ? { authorId: identity.userId } : { guestKey: identity.guestKey }
  const slowMode = room.slowModeSeconds > 0 && !room.canModerate
  const store = async (db: Prisma.TransactionClient) => {
    if (slowMode) {
      // Sends from two tabs at once would both pass the check below: one sender's sends queue here.
      await lockRecordKey(db, 'chat-slow-mode', `${room.sessionId}:${identity.kind === 'user' ? identity.userId : identity.guestKey}`)
      const last = await db.chatMessage.findFirst({
        where: { sessionId: room.sessionId, ...author },
        orderBy: { createdAt: 'desc' },
        select: { createdAt: true },
      })
      const waitMs = last ? last.createdAt.getTime() + room.slowModeSeconds * 1000 - now.getTime() : 0
      if (waitMs > 0) return { kind: 'refused' as const, rejection: { code: 'slow-mode' as const, retryAfterMs: waitMs } }
    }
    // Only the stored columns come back (one INSERT … RETURNING); the author is the identity itself.
    const row = await db.chatMessage.create({
      data: {
        sessionId: room.sessionId,
        authorId: identity.kind === 'user' ? identity.userId : null,
        guestKey: identity.kind === 'guest' ? identity.guestKey : null,
        guestName: identity.kind === 'guest' ? identity.name : null,
        body: input.body,
        language: input.language ?? (identity.kind === 'user' ? identity.locale : null),
        createdAt: now,
      },
      select: { id: true, body: true, language: true, createdAt: true, guestKey: true, guestName: true, authorId: true },
    })
    return { kind: 'stored' as const, row }
  }
  const stored = slowMode ? await prisma.$transaction(store) : await store(prisma)
  if (stored.kind === 'refused') return { ok: false, rejection: stored.rejection }
  const { row } = stored
  // A buyer's badge is read here (one indexed lookup, buyers only): the identity carries no verification.
  const buyerProfile = identity.kind === 'user' && identity.role === 'BUYER' ? await verifiedBadgeRowOfUser(identity.userId) : null
  const authorView = identity.kind === 'user' ? { id: identity.userId, name: identity.name, role: identity.role, buyerProfile } : null
  return { ok: true, message: toMessageView({ ...row, author: authorView }) }
}
