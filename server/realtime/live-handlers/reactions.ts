import { REACTIONS } from '../../../app/protocol/live.ts'
import { ProtocolError } from '../gateway/index.ts'
import { type LiveContext, type LiveHandlers, liveRoomName } from './context.ts'

/** Reactions are summed here and sent once a second, not one broadcast per click. */
export function reactions(context: LiveContext): { handlers: LiveHandlers; stop: () => void } {
  const counts = new Map<string, Map<string, number>>()
  const timer = setInterval(() => {
    for (const [sessionId, byEmoji] of counts) {
      const payload = Object.fromEntries([...byEmoji].filter(([emoji]) => (REACTIONS as readonly string[]).includes(emoji)))
      context.nsp.to(liveRoomName(sessionId)).emit('room:reactions', { counts: payload })
    }
    counts.clear()
  }, 1000)

  return {
    handlers: {
      'room:react': async (socket, { sessionId, emoji }) => {
        if (!socket.data.joined.has(sessionId)) throw new ProtocolError('not-joined', 'Join the session first.')
        const byEmoji = counts.get(sessionId) ?? new Map<string, number>()
        byEmoji.set(emoji, (byEmoji.get(emoji) ?? 0) + 1)
        counts.set(sessionId, byEmoji)
        return {}
      },
    },
    stop: () => clearInterval(timer),
  }
}
