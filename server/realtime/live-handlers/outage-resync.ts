import type { Logger } from 'pino'
import { listMessagesSince, listRemovedSince } from '../../../app/domain/live/chat.server.ts'
import type { RoomBatcher } from '../room-batcher.ts'
import type { ChatMessageView } from '../../../app/protocol/live.ts'
import { type LiveNamespace, liveRoomName } from './context.ts'

// Past this many messages per room an outage's chat is cut to its latest (readers keep fewer anyway).
const OUTAGE_RESEND_LIMIT = 2_000
// node-redis reports ready before it has resubscribed; the resend waits so that nothing published in
// between falls through (readers drop what they already have, by id).
const RESEND_DELAY_MS = 1_000
// A resend covers every room of this process: another process's request for the same outage is redundant.
const REDUNDANT_WITHIN_MS = 30_000

/**
 * Chat published while Redis was down never reached the other processes' sockets (it is stored, and
 * acknowledged to its sender). When a process's Redis connections come back it re-sends its own rooms
 * what was stored since the outage began, and asks the other processes to do the same: their
 * connections may never have dropped (a partial outage) while they missed this process's messages.
 */
export function resyncChatAfterOutages(
  nsp: LiveNamespace,
  options: { chat: RoomBatcher<ChatMessageView>; onRecovered: (listener: (outageStartedAt: Date) => void) => void; logger: Logger },
): { stop: () => void } {
  let lastResend: { since: number; at: number } | null = null
  const timers = new Set<NodeJS.Timeout>()

  async function resendLocalRooms(since: Date) {
    lastResend = { since: since.getTime(), at: Date.now() }
    for (const [name, sockets] of nsp.adapter.rooms) {
      if (!name.startsWith(liveRoomName('')) || sockets.size === 0) continue
      const sessionId = name.slice(liveRoomName('').length)
      const [messages, removed] = await Promise.all([
        listMessagesSince(sessionId, since, OUTAGE_RESEND_LIMIT),
        listRemovedSince(sessionId, since, OUTAGE_RESEND_LIMIT),
      ])
      // Pending chat first, so the re-sent list is never followed by an older batch.
      options.chat.flush(name)
      if (messages.length > 0) nsp.local.to(name).emit('chat:messages', { messages })
      for (const messageId of removed) nsp.local.to(name).emit('chat:removed', { messageId })
    }
  }

  const resend = (since: Date, reason: string) =>
    resendLocalRooms(since).then(
      () => options.logger.info({ since, reason }, 'chat re-sent to this process after a Redis outage'),
      (error: unknown) => options.logger.error({ err: error, since }, 'chat re-send after a Redis outage failed'),
    )

  options.onRecovered((outageStartedAt) => {
    const timer = setTimeout(() => {
      timers.delete(timer)
      void resend(outageStartedAt, 'own outage')
      nsp.serverSideEmit('chat:resync', outageStartedAt.toISOString())
    }, RESEND_DELAY_MS)
    timers.add(timer)
  })

  nsp.on('chat:resync', (startedAt: unknown) => {
    const since = typeof startedAt === 'string' ? new Date(startedAt) : null
    if (!since || Number.isNaN(since.getTime())) return
    if (lastResend && lastResend.since <= since.getTime() && Date.now() - lastResend.at < REDUNDANT_WITHIN_MS) return
    void resend(since, 'another process')
  })

  return {
    stop: () => {
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
    },
  }
}
