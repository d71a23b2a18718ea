import { isChatMessageTooLong, participantRef, postChatMessage, strongestSanction } from '../../../app/domain/live/chat.server.ts'
import { removeMessage } from '../../../app/domain/live/moderation.server.ts'
import { identityKey, type RoomIdentity } from '../../../app/domain/live/room-identity.ts'
import { CHAT_MAX_LENGTH } from '../../../app/protocol/live.ts'
import { getMetrics } from '../../operations/metrics.ts'
import { ProtocolError, spend } from '../gateway/index.ts'
import { actorId, type LiveContext, type LiveHandlers, liveRoomName } from './context.ts'
import { LIVE_REFUSALS } from './refusals.ts'

// What a refused message tells its author (the client shows its own text per code: liveRoom.errors).
const REJECTIONS: Record<string, string> = {
  banned: 'You were removed from this session’s chat.',
  muted: 'You are muted for now.',
  'blocked-word': 'This message contains a word the host does not allow.',
  'chat-closed': 'The chat is closed: this session has ended.',
  'too-long': `Messages are limited to ${CHAT_MAX_LENGTH} characters.`,
  'slow-mode': 'Slow mode is on: wait a moment before the next message.',
  'guest-limit': 'Too many new guests came from your network; sign in to chat.',
}

/** chat:send (batched out per room, room-batcher.ts) and chat:delete. */
export function chatHandlers(context: LiveContext): LiveHandlers {
  const { sanctions, chat } = context
  const cachedSanction = async (sessionId: string, identity: RoomIdentity, now: Date) =>
    strongestSanction(await sanctions.get(sessionId), participantRef(identity), now)

  return {
    'chat:send': async (socket, input) => {
      const { room, identity } = await context.roomFor(socket, input.sessionId)
      // Refused before the limiter: a message the composer would not send costs no chat budget.
      if (isChatMessageTooLong(input.body)) throw new ProtocolError('too-long', REJECTIONS['too-long'] ?? 'too-long')
      // Per person, not per socket: in a cluster the limiter lives in Redis.
      await spend(context.chatLimiter, identityKey(identity), LIVE_REFUSALS.rateLimited, true)
      const result = await postChatMessage(room, identity, input, { findSanction: cachedSanction })
      if (!result.ok) {
        const { rejection } = result
        throw new ProtocolError(rejection.code, REJECTIONS[rejection.code] ?? rejection.code, 'retryAfterMs' in rejection ? rejection.retryAfterMs : undefined)
      }
      chat.push(liveRoomName(input.sessionId), result.message)
      getMetrics().chatAccepted()
      return { message: result.message }
    },

    'chat:delete': async (socket, input) => {
      const { room, identity } = await context.roomFor(socket, input.sessionId)
      await removeMessage(room, actorId(identity), input.messageId)
      context.toRoom(input.sessionId).emit('chat:removed', { messageId: input.messageId })
      return {}
    },
  }
}
