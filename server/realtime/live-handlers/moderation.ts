import { strongestSanction } from '../../../app/domain/live/chat.server.ts'
import { sanctionParticipant, setBlockedWords, setSlowMode, unbanParticipant } from '../../../app/domain/live/moderation.server.ts'
import { assertShowcaseManagement } from '../../../app/domain/live/room-access.server.ts'
import type { ParticipantTarget } from '../../../app/protocol/live.ts'
import { actorId, type LiveContext, type LiveHandlers, personalRoomName } from './context.ts'

/** Sanctions (mute, ban, unban), slow mode and the company's blocked words. */
export function moderationHandlers(context: LiveContext): LiveHandlers {
  /**
   * Tells a participant's sockets (on any process) where they stand after a moderator's decision:
   * the strongest sanction now in force (a mute on top of a ban still leaves them banned), or none.
   */
  async function notifyParticipant(sessionId: string, target: ParticipantTarget) {
    const strongest = strongestSanction(await context.sanctions.get(sessionId), target, new Date())
    const key = 'userId' in target ? `u:${target.userId}` : `g:${target.guestKey}`
    context.nsp.to(personalRoomName(sessionId, key)).emit('you:sanctioned', { kind: strongest?.kind ?? null, until: strongest?.until?.toISOString() ?? null })
  }

  return {
    'mod:sanction': async (socket, input) => {
      const { room, identity } = await context.roomFor(socket, input.sessionId)
      // A guest's ban also covers the network it is on now (as this room sees it, on any process).
      const target = 'guestKey' in input.target ? (await context.presentIdentities(input.sessionId)).get(`g:${input.target.guestKey}`) : undefined
      await sanctionParticipant(room, actorId(identity), input, new Date(), target?.kind === 'guest' ? (target.network ?? null) : null)
      context.sessionChanged(input.sessionId)
      await notifyParticipant(input.sessionId, input.target)
      return {}
    },

    'mod:unban': async (socket, input) => {
      const { room, identity } = await context.roomFor(socket, input.sessionId)
      await unbanParticipant(room, actorId(identity), input.target)
      context.sessionChanged(input.sessionId)
      await notifyParticipant(input.sessionId, input.target)
      return {}
    },

    'mod:slow-mode': async (socket, input) => {
      const { room, identity } = await context.roomFor(socket, input.sessionId)
      await setSlowMode(room, actorId(identity), input.seconds)
      context.sessionChanged(input.sessionId)
      context.toRoom(input.sessionId).emit('room:slow-mode', { seconds: input.seconds })
      return {}
    },

    'mod:blocked-words': async (socket, input) => {
      const { room, identity } = await context.roomFor(socket, input.sessionId)
      // The company role is read again now: a member may moderate chat, not rewrite the list.
      await assertShowcaseManagement(input.sessionId, actorId(identity), 'manage:blocked-words:own')
      const words = await setBlockedWords(room, input.words)
      // The list belongs to the company: every session of it, on every process, must see it now.
      context.sessionChanged(null)
      return { words }
    },
  }
}
