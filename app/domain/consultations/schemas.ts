import { z } from 'zod'
import { HhmmSchema } from '~/lib/business-hours'
import { isCountryCode } from '~/lib/countries'
import { isLanguageCode } from '~/lib/languages'
import { isPlainText, PLAIN_TEXT_ERROR } from '~/lib/plain-text'
import { RECORD_ID_PATTERN } from '~/lib/record-id'
import { isValidTimeZone } from '~/lib/time'
import { CONSULTATION_TOPICS, SLOT_LENGTHS, WEEKDAYS_MONDAY_FIRST } from './topics'

// Client-safe form schemas of the consultations area (one per form, each with its `intent`). Messages are
// i18n keys.

const plain = (max: number) => z.string().trim().max(max, { error: 'errors.tooLong' }).refine(isPlainText, { error: PLAIN_TEXT_ERROR })
const requiredPlain = (max: number) => plain(max).min(1, { error: 'errors.required' })
const recordId = z.string().regex(RECORD_ID_PATTERN, { error: 'errors.invalidChoice' })

/** "MN, kz ru" → ['MN', 'KZ', 'RU']; every code checked. */
const codeList = (check: (code: string) => boolean, error: string, { upper }: { upper: boolean }) =>
  z
    .string({ error: 'errors.required' })
    .transform((text) => [
      ...new Set(
        text
          .split(/[\s,;]+/)
          .filter(Boolean)
          .map((code) => (upper ? code.toUpperCase() : code)),
      ),
    ])
    .refine((codes) => codes.length > 0 && codes.length <= 30, { error: 'errors.required' })
    .refine((codes) => codes.every(check), { error })

const optionalHhmm = z.preprocess((value) => (value === '' ? undefined : value), HhmmSchema.optional())

const WEEKLY_HOUR_FIELDS = {
  start0: optionalHhmm,
  end0: optionalHhmm,
  start1: optionalHhmm,
  end1: optionalHhmm,
  start2: optionalHhmm,
  end2: optionalHhmm,
  start3: optionalHhmm,
  end3: optionalHhmm,
  start4: optionalHhmm,
  end4: optionalHhmm,
  start5: optionalHhmm,
  end5: optionalHhmm,
  start6: optionalHhmm,
  end6: optionalHhmm,
}

/** The officer's profile and weekly hours: one start/end pair per weekday (`start1`/`end1` = Monday; empty = no hours). */
export const OfficerProfileSchema = z
  .object({
    intent: z.literal('profile'),
    officeName: requiredPlain(120),
    markets: codeList(isCountryCode, 'consultations.errors.markets', { upper: true }),
    languages: codeList(isLanguageCode, 'consultations.errors.languages', { upper: false }),
    timeZone: z.string({ error: 'errors.required' }).refine(isValidTimeZone, { error: 'errors.invalidTimeZone' }),
    slotMinutes: z.coerce
      .number({ error: 'errors.invalidChoice' })
      .refine((minutes) => (SLOT_LENGTHS as readonly number[]).includes(minutes), { error: 'errors.invalidChoice' }),
    bio: plain(2000).default(''),
    ...WEEKLY_HOUR_FIELDS,
  })
  .superRefine((value, context) => {
    const fields = value as Record<string, unknown>
    for (const day of WEEKDAYS_MONDAY_FIRST) {
      const start = fields[`start${day}`]
      const end = fields[`end${day}`]
      if ((start === undefined) !== (end === undefined)) context.addIssue({ code: 'custom', path: [`end${day}`], message: 'consultations.errors.hoursPair' })
      else if (typeof start === 'string' && typeof end === 'string' && start >= end)
        context.addIssue({ code: 'custom', path: [`end${day}`], message: 'errors.hoursOrder' })
    }
  })
export type OfficerProfileInput = z.infer<typeof OfficerProfileSchema>

/** The weekly hours of a parsed profile form, in weekday order. */
export function weeklyHoursOf(input: OfficerProfileInput): Array<{ weekday: number; start: string; end: string }> {
  const fields = input as unknown as Record<string, string | undefined>
  return WEEKDAYS_MONDAY_FIRST.flatMap((weekday) => {
    const start = fields[`start${weekday}`]
    const end = fields[`end${weekday}`]
    return start && end ? [{ weekday, start, end }] : []
  })
}

/** An exporter books a slot the booking page offered. */
export const BookConsultationSchema = z.object({
  intent: z.literal('book'),
  slotStart: z.iso.datetime({ error: 'consultations.errors.slot' }),
  market: z
    .string({ error: 'errors.invalidCountry' })
    .transform((code) => code.toUpperCase())
    .refine(isCountryCode, { error: 'errors.invalidCountry' }),
  topic: z.enum(CONSULTATION_TOPICS, { error: 'errors.invalidChoice' }),
  question: requiredPlain(4000),
  productIds: z
    .preprocess(
      (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? (value as unknown[]) : [value]),
      z.array(recordId).max(10, { error: 'consultations.errors.tooManyProducts' }),
    )
    .default([]),
})
export type BookConsultationInput = z.infer<typeof BookConsultationSchema>

export const ConfirmConsultationSchema = z.object({ intent: z.literal('confirm') })
export const CancelConsultationSchema = z.object({ intent: z.literal('cancel') })
export const NotesSchema = z.object({ intent: z.literal('notes'), advisorNotes: plain(10_000).default('') })
export const OUTCOMES = ['HELD', 'NO_SHOW'] as const
export const OutcomeSchema = z.object({ intent: z.literal('outcome'), status: z.enum(OUTCOMES, { error: 'errors.invalidChoice' }) })
export const AddTaskSchema = z.object({
  intent: z.literal('add-task'),
  title: requiredPlain(300),
  dueOn: z.preprocess((value) => (value === '' ? undefined : value), z.iso.date({ error: 'consultations.errors.dueOn' }).optional()),
})
export const ToggleTaskSchema = z.object({ intent: z.literal('toggle-task'), taskId: recordId, done: z.enum(['true', 'false']).transform((v) => v === 'true') })

/** Search of officers on the exporter's page (query string; unknown values are ignored, not errors). */
export const OfficerSearchSchema = z.object({
  market: z
    .string()
    .transform((code) => code.toUpperCase())
    .refine(isCountryCode)
    .optional()
    .catch(undefined),
  language: z.string().refine(isLanguageCode).optional().catch(undefined),
})

/** Every form of the consultation page, told apart by `intent`. */
export const ConsultationActionSchema = z.discriminatedUnion('intent', [
  ConfirmConsultationSchema,
  CancelConsultationSchema,
  NotesSchema,
  OutcomeSchema,
  AddTaskSchema,
  ToggleTaskSchema,
])
