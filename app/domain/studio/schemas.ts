import { z } from 'zod'
import { HhmmSchema } from '~/lib/business-hours'
import { isLanguageCode } from '~/lib/languages'
import { isValidTimeZone } from '~/lib/time'

// One zod schema per form of the studio pages (client hints and server truth). Client-safe.

export const RESOURCE_KINDS = ['SET', 'CREW', 'EQUIPMENT'] as const
export const CREW_ROLES = ['CAMERA', 'HOST', 'INTERPRETER'] as const
export type ResourceKind = (typeof RESOURCE_KINDS)[number]
export type CrewRole = (typeof CREW_ROLES)[number]

const Id = z.string({ error: 'errors.required' }).trim().min(1, { error: 'errors.required' }).max(64)
const Text = (max: number) => z.string({ error: 'errors.required' }).trim().min(1, { error: 'errors.required' }).max(max, { error: 'errors.tooLong' })
const OptionalText = (max: number) => z.string().trim().max(max, { error: 'errors.tooLong' }).optional()
const Language = z.string().refine(isLanguageCode, { error: 'errors.invalid' })
/** A checkbox group posts nothing, one value or several. */
const many = <T extends z.ZodType>(item: T, max: number) =>
  z.preprocess((value): unknown[] => (value === undefined ? [] : Array.isArray(value) ? (value as unknown[]) : [value]), z.array(item).max(max))
const Day = z.string({ error: 'errors.required' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'errors.invalid' })

export const ResourceSchema = z
  .object({
    intent: z.literal('resource'),
    resourceId: Id.optional(),
    kind: z.enum(RESOURCE_KINDS, { error: 'errors.required' }),
    name: Text(120),
    crewRole: z.enum(CREW_ROLES).optional(),
    languages: many(Language, 12),
    active: z.preprocess((value) => value === 'on' || value === 'true', z.boolean()).default(false),
  })
  .refine((value) => value.kind !== 'CREW' || value.crewRole !== undefined, { error: 'studioBooking.errors.crewRoleRequired', path: ['crewRole'] })
  .refine((value) => value.crewRole !== 'INTERPRETER' || value.languages.length > 0, {
    error: 'studioBooking.errors.interpreterLanguages',
    path: ['languages'],
  })
export type ResourceInput = z.infer<typeof ResourceSchema>

export const DeleteResourceSchema = z.object({ intent: z.literal('delete-resource'), resourceId: Id })

const optionalHhmm = z.preprocess((value) => (value === '' ? undefined : value), HhmmSchema.optional())

export const HoursSchema = z
  .object({
    intent: z.literal('hours'),
    name: Text(120),
    timeZone: z.string({ error: 'errors.required' }).refine(isValidTimeZone, { error: 'errors.invalid' }),
    freeCancelHours: z.coerce.number({ error: 'errors.invalid' }).int({ error: 'errors.invalid' }).min(0).max(336),
    ...(Object.fromEntries(
      [0, 1, 2, 3, 4, 5, 6].flatMap((day) => [
        [`open${day}`, optionalHhmm],
        [`close${day}`, optionalHhmm],
      ]),
    ) as Record<`open${0 | 1 | 2 | 3 | 4 | 5 | 6}` | `close${0 | 1 | 2 | 3 | 4 | 5 | 6}`, typeof optionalHhmm>),
  })
  .superRefine((value, ctx) => {
    for (const day of [0, 1, 2, 3, 4, 5, 6] as const) {
      const open = value[`open${day}`]
      const close = value[`close${day}`]
      if ((open === undefined) !== (close === undefined)) ctx.addIssue({ code: 'custom', message: 'studioBooking.errors.hoursPair', path: [`close${day}`] })
      else if (open !== undefined && close !== undefined && open >= close) ctx.addIssue({ code: 'custom', message: 'errors.hoursOrder', path: [`close${day}`] })
    }
  })
export type HoursInput = z.infer<typeof HoursSchema>

export const BlackoutSchema = z.object({ intent: z.literal('blackout'), day: Day, reason: Text(200) })
export const DeleteBlackoutSchema = z.object({ intent: z.literal('delete-blackout'), blackoutId: Id })

export const ApproveSchema = z.object({ intent: z.literal('approve'), bookingId: Id, crewIds: many(Id, 12) })
export const DeclineSchema = z.object({ intent: z.literal('decline'), bookingId: Id, reason: Text(500) })
export const OperatorCancelSchema = z.object({ intent: z.literal('cancel'), bookingId: Id, reason: Text(500) })

/** The exporter's request: a day and wall-clock start/end in the STUDIO's zone. */
export const BookingRequestSchema = z
  .object({
    intent: z.literal('request'),
    studioId: Id,
    sessionId: Id,
    setId: Id,
    day: Day,
    start: HhmmSchema,
    end: HhmmSchema,
    crewNeeded: many(z.enum(CREW_ROLES), 3),
    languages: many(Language, 6),
    showing: Text(1000),
  })
  .refine((value) => value.start < value.end, { error: 'errors.hoursOrder', path: ['end'] })
  .refine((value) => !value.crewNeeded.includes('INTERPRETER') || value.languages.length > 0, {
    error: 'studioBooking.errors.interpreterLanguages',
    path: ['languages'],
  })
export type BookingRequestInput = z.infer<typeof BookingRequestSchema>

export const ExporterCancelSchema = z.object({ intent: z.literal('cancel'), bookingId: Id, reason: OptionalText(500) })
