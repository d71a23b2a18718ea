import { z } from 'zod'
import { PRICE_CURRENCIES } from '~/domain/catalog/product-rules'
import { isValidTimeZone } from '~/lib/time'
import { isPlainText, PLAIN_TEXT_ERROR } from '~/lib/plain-text'
import { RECORD_ID_PATTERN } from '~/lib/record-id'
import { SHOWCASE_LANGUAGES, SHOWCASE_MAX_MINUTES, SHOWCASE_MIN_MINUTES } from '~/domain/live/schedule'

// Client-safe form schemas for fair management, registration and the programme. Messages are i18n keys.

export const FAIR_STATUSES = ['DRAFT', 'OPEN', 'LIVE', 'CLOSED'] as const
export const FAIR_LANGUAGES = SHOWCASE_LANGUAGES
/** What happens to the recordings of a fair's showcases (TradeFair.replayPolicy). */
export const REPLAY_POLICIES = ['PUBLISH', 'REVIEW', 'OFF'] as const
export const REPLAY_RETENTION_MAX_DAYS = 3650

const text = (max: number) =>
  z
    .string({ error: 'errors.required' })
    .trim()
    .min(1, { error: 'errors.required' })
    .max(max, { error: 'errors.tooLong' })
    .refine(isPlainText, { error: PLAIN_TEXT_ERROR })
const optionalText = (max: number) => z.string().trim().max(max, { error: 'errors.tooLong' }).refine(isPlainText, { error: PLAIN_TEXT_ERROR }).default('')
/** `YYYY-MM-DDTHH:mm` from a datetime-local input: a wall-clock time in the fair's zone. */
const wallClock = z.string({ error: 'errors.required' }).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: 'fairs.errors.dateTime' })
const id = z.string().regex(RECORD_ID_PATTERN)

export const FairSchema = z
  .object({
    intent: z.literal('save'),
    name: text(120),
    nameKo: optionalText(120),
    slug: z
      .string({ error: 'errors.required' })
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'fairs.errors.slug' })
      .max(60, { error: 'errors.tooLong' }),
    startsAt: wallClock,
    endsAt: wallClock,
    timeZone: z.string({ error: 'errors.required' }).refine(isValidTimeZone, { error: 'fairs.errors.timeZone' }),
    description: optionalText(5000),
    descriptionKo: optionalText(5000),
    languages: z.array(z.enum(FAIR_LANGUAGES)).max(FAIR_LANGUAGES.length).default([]),
    status: z.enum(FAIR_STATUSES, { error: 'errors.invalidChoice' }).default('DRAFT'),
    replayPolicy: z.enum(REPLAY_POLICIES, { error: 'errors.invalidChoice' }).default('PUBLISH'),
    /** Empty: replays are kept. */
    replayRetentionDays: z.coerce
      .number({ error: 'replayAdmin.errors.retentionDays' })
      .int({ error: 'replayAdmin.errors.retentionDays' })
      .min(1, { error: 'replayAdmin.errors.retentionDays' })
      .max(REPLAY_RETENTION_MAX_DAYS, { error: 'replayAdmin.errors.retentionDays' })
      .optional(),
  })
  .refine((fair) => fair.endsAt > fair.startsAt, { error: 'fairs.errors.endBeforeStart', path: ['endsAt'] })
export type FairInput = z.infer<typeof FairSchema>

export const HallSchema = z.object({ intent: z.literal('hall'), name: text(120), nameKo: optionalText(120) })
export const DecisionSchema = z.object({ intent: z.enum(['approve', 'reject']), registrationId: id })
export const BoothSchema = z.object({
  intent: z.literal('booth'),
  boothId: id,
  code: z
    .string({ error: 'errors.required' })
    .trim()
    .regex(/^[A-Za-z0-9-]{1,12}$/, { error: 'fairs.errors.boothCode' }),
  hallId: z.union([z.literal(''), z.string().regex(RECORD_ID_PATTERN)]).optional(),
  headline: optionalText(200),
})
export const PlaceSessionSchema = z.object({
  intent: z.literal('place'),
  sessionId: id,
  startsAt: wallClock,
  durationMinutes: z.coerce
    .number({ error: 'fairs.errors.duration' })
    .int()
    .min(10, { error: 'fairs.errors.duration' })
    .max(480, { error: 'fairs.errors.duration' }),
})
export const UnapproveSessionSchema = z.object({ intent: z.literal('unplace'), sessionId: id })
/** The organizer takes a replay of the fair offline (the exporter may publish it again). */
export const UnpublishReplaySchema = z.object({ intent: z.literal('unpublish-replay'), recordingId: id })

export const ManageFairActionSchema = z.discriminatedUnion('intent', [
  HallSchema,
  DecisionSchema,
  BoothSchema,
  PlaceSessionSchema,
  UnapproveSessionSchema,
  UnpublishReplaySchema,
])

export const RegisterSchema = z.object({ intent: z.literal('register') })
export const ProposeSessionSchema = z.object({
  intent: z.literal('propose'),
  title: text(140),
  description: optionalText(2000),
  language: z.enum(FAIR_LANGUAGES).default('en'),
  preferredStart: wallClock,
  // Client hint and early answer; the rule itself is assertShowcaseTiming, which both forms pass through.
  durationMinutes: z.coerce
    .number({ error: 'fairs.errors.duration' })
    .int()
    .min(SHOWCASE_MIN_MINUTES, { error: 'fairs.errors.duration' })
    .max(SHOWCASE_MAX_MINUTES, { error: 'fairs.errors.duration' }),
})
export const RegistrationActionSchema = z.discriminatedUnion('intent', [RegisterSchema, ProposeSessionSchema])
export type ProposeSessionInput = z.infer<typeof ProposeSessionSchema>

export const RATE_CURRENCIES = PRICE_CURRENCIES.filter((c) => c !== 'USD')
export const RateSchema = z.object({
  intent: z.literal('rate'),
  currency: z.enum(RATE_CURRENCIES as [string, ...string[]], { error: 'errors.invalidChoice' }),
  usdPerUnit: z.coerce.number({ error: 'fairs.errors.rate' }).positive({ error: 'fairs.errors.rate' }).max(100_000, { error: 'fairs.errors.rate' }),
  validFrom: z.iso.date({ error: 'fairs.errors.date' }),
})
export type RateInput = z.infer<typeof RateSchema>
