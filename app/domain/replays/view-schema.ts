import { z } from 'zod'
import { RECORD_ID_PATTERN } from '~/lib/record-id'

/** The longest claim one heartbeat may carry (a background tab's timers can be throttled to minutes). */
export const MAX_HEARTBEAT_CLAIM_SECONDS = 24 * 3600

/**
 * The replay view counter's requests (POST /live/:sessionId/replay-views, sent by app/media/use-replay-view.ts
 * with fetch or navigator.sendBeacon as an urlencoded form carrying the CSRF token).
 */
export const ReplayViewActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('start') }),
  z.object({
    intent: z.literal('heartbeat'),
    viewId: z.string().regex(RECORD_ID_PATTERN),
    watchedSeconds: z.number().int().min(0).max(MAX_HEARTBEAT_CLAIM_SECONDS),
  }),
])
