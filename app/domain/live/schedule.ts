import { z } from 'zod'
import { DomainError } from '~/domain/errors'
import { isPlainText, PLAIN_TEXT_ERROR } from '~/lib/plain-text'
import { RECORD_ID_PATTERN } from '~/lib/record-id'

/** The languages a showcase may be spoken in (the /live directory filters on it); a fair offers the same. */
export const SHOWCASE_LANGUAGES = ['en', 'ko', 'zh', 'ja', 'ru', 'mn', 'vi'] as const
export type ShowcaseLanguage = (typeof SHOWCASE_LANGUAGES)[number]

/** A showcase lasts 10 minutes to 8 hours, whichever form schedules it. */
export const SHOWCASE_MIN_MINUTES = 10
export const SHOWCASE_MAX_MINUTES = 480
/** A start this close to now still counts (the form took a moment to fill in). */
export const SHOWCASE_START_GRACE_MS = 5 * 60_000

/** The company's first spoken language when it is one a showcase may use, else English. */
export function defaultShowcaseLanguage(companyLanguages: readonly string[]): ShowcaseLanguage {
  return SHOWCASE_LANGUAGES.find((code) => code === companyLanguages[0]) ?? 'en'
}

/**
 * THE timing rule of a scheduled showcase, for the exporter's schedule form and a fair's proposal form
 * alike: it does not start in the past and lasts SHOWCASE_MIN_MINUTES to SHOWCASE_MAX_MINUTES.
 * Throws a DomainError naming the field (startsAt / endsAt; forms with other fields map them).
 */
export function assertShowcaseTiming(timing: { start: Date; end: Date }, now: Date): void {
  if (timing.start.getTime() < now.getTime() - SHOWCASE_START_GRACE_MS)
    throw new DomainError('showcase-past', { status: 400, field: 'startsAt', messageKey: 'liveMedia.schedule.errors.past' })
  const minutes = (timing.end.getTime() - timing.start.getTime()) / 60_000
  if (!(minutes >= SHOWCASE_MIN_MINUTES && minutes <= SHOWCASE_MAX_MINUTES))
    throw new DomainError('showcase-duration', { status: 400, field: 'endsAt', messageKey: 'liveMedia.schedule.errors.duration' })
}

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
    language: z.enum(SHOWCASE_LANGUAGES, { error: 'errors.invalidChoice' }).default('en'),
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
export type ScheduleShowcaseInput = z.infer<typeof ScheduleShowcaseSchema>
