import { z } from 'zod'
import { isPlainText, PLAIN_TEXT_ERROR } from '~/lib/plain-text'
import { RECORD_ID_PATTERN } from '~/lib/record-id'

// Client-safe: the clip form (the replay page's clip marker) and the replay management forms. Messages
// are i18n keys; the same schema gives the browser its hints and the server its truth.

export const CLIP_MIN_MS = 3_000
export const CLIP_MAX_MS = 180_000
export const CLIP_TITLE_MAX = 120

const CLOCK = /^(?:(\d{1,2}):)?(\d{1,3}):([0-5]\d)$/

/** "12:34" or "1:02:03" → milliseconds; null when it is not such a time. */
export function parseClock(value: string): number | null {
  const match = CLOCK.exec(value.trim())
  if (!match) return null
  const [, hours = '0', minutes = '0', secs = '0'] = match
  if (match[1] !== undefined && Number(minutes) > 59) return null
  return ((Number(hours) * 60 + Number(minutes)) * 60 + Number(secs)) * 1000
}

const clock = z
  .string({ error: 'errors.required' })
  .trim()
  .min(1, { error: 'errors.required' })
  .transform((value, context) => {
    const ms = parseClock(value)
    if (ms === null) {
      context.issues.push({ code: 'custom', message: 'clips.errors.clock', input: value })
      return z.NEVER
    }
    return ms
  })

export const CreateClipSchema = z
  .object({
    intent: z.literal('create-clip'),
    title: z
      .string({ error: 'errors.required' })
      .trim()
      .min(1, { error: 'errors.required' })
      .max(CLIP_TITLE_MAX, { error: 'errors.tooLong' })
      .refine(isPlainText, { error: PLAIN_TEXT_ERROR }),
    start: clock,
    end: clock,
    productId: z
      .union([z.literal(''), z.string().regex(RECORD_ID_PATTERN)])
      .optional()
      .transform((value) => value || undefined),
  })
  .refine((clip) => clip.end - clip.start >= CLIP_MIN_MS, { error: 'clips.errors.tooShort', path: ['end'] })
  .refine((clip) => clip.end - clip.start <= CLIP_MAX_MS, { error: 'clips.errors.tooLong', path: ['end'] })
export type CreateClipForm = z.infer<typeof CreateClipSchema>

const id = z.string().regex(RECORD_ID_PATTERN)

/** The exporter's replay page: publish, unpublish or delete a replay or one of its clips. */
export const ManageReplaySchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.enum(['publish', 'unpublish', 'delete']), recordingId: id }),
  z.object({ intent: z.enum(['publish-clip', 'unpublish-clip', 'delete-clip']), clipId: id }),
])
export type ManageReplayInput = z.infer<typeof ManageReplaySchema>

/** A clip as pages show it (listRecordingClips, listProductClips in clips.server.ts). */
export type ClipView = {
  id: string
  title: string
  productId: string | null
  productName?: string
  /** Playback offsets in the replay, as cut. */
  startMs: number
  endMs: number
  status: 'PROCESSING' | 'READY' | 'FAILED' | 'REMOVED'
  published: boolean
  /** Signed link to the clip's file, when READY. */
  url: string | null
}

export type ProductClip = ClipView & { sessionId: string; sessionTitle: string }
