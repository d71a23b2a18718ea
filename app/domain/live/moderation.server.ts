import type { LiveSessionEventKind, Prisma } from '~/generated/prisma/client'
import { getPrisma } from '~/domain/db.server'
import { DomainError } from '~/domain/errors'
import type { RoomContext } from './room-access.server'

// Every moderation action requires room.canModerate (checked by the caller's guard below) and is
// written to the session's event log with who did it and when.

export type ModerationErrorCode = 'forbidden' | 'not-found'

function moderationError(code: ModerationErrorCode) {
  return new DomainError<ModerationErrorCode>(code, { status: code === 'forbidden' ? 403 : 404 })
}

function requireModerator(room: RoomContext) {
  if (!room.canModerate) throw moderationError('forbidden')
}

async function logEvent(tx: Prisma.TransactionClient, room: RoomContext, actorId: string, kind: LiveSessionEventKind, data: Prisma.InputJsonValue, now: Date) {
  await tx.liveSessionEvent.create({ data: { sessionId: room.sessionId, kind, actorId, data, createdAt: now } })
}

/** Gone for everyone, kept in the database as removed (who, when). */
export async function removeMessage(room: RoomContext, actorId: string, messageId: string, now = new Date()) {
  requireModerator(room)
  const prisma = await getPrisma()
  await prisma.$transaction(async (tx) => {
    const updated = await tx.chatMessage.updateMany({
      where: { id: messageId, sessionId: room.sessionId, removedAt: null },
      data: { removedAt: now, removedById: actorId },
    })
    if (updated.count === 0) throw moderationError('not-found')
    await tx.liveSession.updateMany({ where: { id: room.sessionId, pinnedMessageId: messageId }, data: { pinnedMessageId: null } })
    await logEvent(tx, room, actorId, 'MESSAGE_REMOVED', { messageId }, now)
  })
}

export async function pinMessage(room: RoomContext, actorId: string, messageId: string | null, now = new Date()) {
  requireModerator(room)
  const prisma = await getPrisma()
  await prisma.$transaction(async (tx) => {
    if (messageId) {
      const exists = await tx.chatMessage.count({ where: { id: messageId, sessionId: room.sessionId, removedAt: null } })
      if (!exists) throw moderationError('not-found')
    }
    await tx.liveSession.update({ where: { id: room.sessionId }, data: { pinnedMessageId: messageId } })
    await logEvent(tx, room, actorId, messageId ? 'MESSAGE_PINNED' : 'MESSAGE_UNPINNED', { messageId }, now)
  })
}

export type SanctionTarget = { userId: string } | { guestKey: string }

/** How long a guest's ban also covers the network it was on (a cookie is free to drop; a network is not). */
export const GUEST_NETWORK_BAN_MS = 24 * 60 * 60 * 1000

export async function sanctionParticipant(
  room: RoomContext,
  actorId: string,
  input: { target: SanctionTarget; kind: 'MUTE' | 'BAN'; minutes?: number | undefined; reason?: string | undefined },
  now = new Date(),
  /** The network a guest target is on (as the room saw it), for bans; accounts are banned by id only. */
  guestNetwork: string | null = null,
) {
  requireModerator(room)
  const prisma = await getPrisma()
  const targetUserId = 'userId' in input.target ? input.target.userId : null
  if (targetUserId === actorId) throw moderationError('forbidden')
  // The hosting company's own members cannot be silenced in their own showcase.
  if (targetUserId) {
    const member = await prisma.exporterMember.count({ where: { userId: targetUserId, companyId: room.companyId } })
    if (member) throw moderationError('forbidden')
  }
  const expiresAt = input.kind === 'MUTE' ? new Date(now.getTime() + (input.minutes ?? 10) * 60_000) : null
  await prisma.$transaction(async (tx) => {
    await tx.liveSessionSanction.create({
      data: {
        sessionId: room.sessionId,
        userId: targetUserId,
        guestKey: 'guestKey' in input.target ? input.target.guestKey : null,
        kind: input.kind,
        reason: input.reason ?? null,
        ...(input.kind === 'BAN' && 'guestKey' in input.target && guestNetwork
          ? { networkPrefix: guestNetwork, networkUntil: new Date(now.getTime() + GUEST_NETWORK_BAN_MS) }
          : {}),
        createdById: actorId,
        createdAt: now,
        expiresAt,
      },
    })
    await logEvent(
      tx,
      room,
      actorId,
      input.kind === 'BAN' ? 'PARTICIPANT_BANNED' : 'PARTICIPANT_MUTED',
      { ...input.target, minutes: input.minutes ?? null },
      now,
    )
  })
  return { expiresAt }
}

export async function unbanParticipant(room: RoomContext, actorId: string, target: SanctionTarget, now = new Date()) {
  requireModerator(room)
  const prisma = await getPrisma()
  await prisma.$transaction(async (tx) => {
    await tx.liveSessionSanction.updateMany({
      where: { sessionId: room.sessionId, ...target, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
      data: { expiresAt: now },
    })
    await logEvent(tx, room, actorId, 'PARTICIPANT_UNBANNED', target, now)
  })
}

export async function setSlowMode(room: RoomContext, actorId: string, seconds: number, now = new Date()) {
  requireModerator(room)
  const prisma = await getPrisma()
  await prisma.$transaction(async (tx) => {
    await tx.liveSession.update({ where: { id: room.sessionId }, data: { slowModeSeconds: seconds } })
    await logEvent(tx, room, actorId, 'SLOW_MODE_CHANGED', { seconds }, now)
  })
}

/** The exporter's blocked words apply to all of its sessions; only its own members change them. */
export async function setBlockedWords(room: RoomContext, words: readonly string[]) {
  if (!room.isHost) throw moderationError('forbidden')
  const prisma = await getPrisma()
  const unique = [...new Set(words.map((w) => w.trim()).filter(Boolean))]
  await prisma.exporterCompany.update({ where: { id: room.companyId }, data: { blockedWords: unique } })
  return unique
}
