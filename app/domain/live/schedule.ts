import { z } from 'zod'
import { isPlainText, PLAIN_TEXT_ERROR } from '~/lib/plain-text'
import { RECORD_ID_PATTERN } from '~/lib/record-id'

/** The exporter's "schedule a showcase" form; times are wall-clock in the exporter's zone. */
export const ScheduleShowcaseSchema = z
  .object({
    intent: z.literal('schedule'),
    title: z
      .string({ error: 'liveMedia.schedule.errors.title' })
      .trim()
      .min(3, { error: 'liveMedia.schedule.errors.title' })
      .max(120, { error: 'liveMedia.schedule.errors.title' })
      .refine(isPlainText, { error: PLAIN_TEXT_ERROR }),
    description: z.string().trim().max(2000, { error: 'liveMedia.schedule.errors.description' }).refine(isPlainText, { error: PLAIN_TEXT_ERROR }).default(''),
    startsAt: z
      .string({ error: 'liveMedia.schedule.errors.startsAt' })
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: 'liveMedia.schedule.errors.startsAt' }),
    endsAt: z.string({ error: 'liveMedia.schedule.errors.endsAt' }).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: 'liveMedia.schedule.errors.endsAt' }),
    isPublic: z.preprocess((value) => value === 'on' || value === true, z.boolean()).default(false),
    productIds: z.array(z.string().regex(RECORD_ID_PATTERN)).max(10, { error: 'liveMedia.schedule.errors.products' }).default([]),
    /** A fair the company exhibits at: the showcase is proposed for its programme ("" or absent: none). */
    fairId: z
      .string()
      .refine((value) => value === '' || RECORD_ID_PATTERN.test(value), { error: 'fairs.errors.not-exhibitor' })
      .optional()
      .transform((value) => value || undefined),
  })
  .refine((value) => value.endsAt > value.startsAt, { error: 'liveMedia.schedule.errors.order', path: ['endsAt'] })
