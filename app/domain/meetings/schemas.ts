import { z } from 'zod'
import { isLanguageCode } from '~/lib/languages'
import { isPlainText, PLAIN_TEXT_ERROR } from '~/lib/plain-text'
import { RECORD_ID_PATTERN } from '~/lib/record-id'

// Client-safe form schemas for meeting requests, responses and outcomes. Messages are i18n keys.

const MAX_DEAL_USD = 10_000_000_000

const slotStart = z.iso.datetime({ error: 'meetings.errors.slot' })

const usdAmount = z.coerce
  .number({ error: 'meetings.errors.amount' })
  .min(0, { error: 'meetings.errors.amount' })
  .max(MAX_DEAL_USD, { error: 'meetings.errors.amount' })

export const RequestMeetingSchema = z.object({
  intent: z.literal('request'),
  slotStart,
  interpreterLanguage: z.string().refine(isLanguageCode, { error: 'errors.invalidChoice' }).optional(),
  agenda: z.string().trim().max(2000, { error: 'errors.tooLong' }).refine(isPlainText, { error: PLAIN_TEXT_ERROR }).default(''),
})
export type RequestMeetingInput = z.infer<typeof RequestMeetingSchema>

export const AcceptSchema = z.object({ intent: z.literal('accept') })
export const DeclineSchema = z.object({ intent: z.literal('decline') })
export const CancelSchema = z.object({ intent: z.literal('cancel') })
export const ProposeSchema = z.object({ intent: z.literal('propose'), slotStart })
/** Attendance (docs/meeting-attendance.md): the 24 h confirmation's two answers, and the one-click reschedule. */
export const ConfirmAttendanceSchema = z.object({ intent: z.literal('confirm-attendance') })
export const CantMakeItSchema = z.object({ intent: z.literal('cant-make-it') })
export const RescheduleSchema = z.object({ intent: z.literal('reschedule') })
/** The confirmation page of a mail's signed link: the answer is the button pressed. */
export const AttendanceAnswerSchema = z.object({ answer: z.enum(['confirm', 'decline'], { error: 'errors.invalidChoice' }) })

export const OUTCOME_STATUSES = ['HELD', 'NO_SHOW'] as const

export const OutcomeSchema = z
  .object({
    intent: z.literal('outcome'),
    status: z.enum(OUTCOME_STATUSES, { error: 'errors.invalidChoice' }),
    consultationValueUsd: usdAmount.optional(),
    expectedContractValueUsd: usdAmount.optional(),
    /** A contract signed after the meeting: the deal reaches CONTRACT_SIGNED in the outcome stages (docs/outcome-stages.md). */
    contractValueUsd: usdAmount.optional(),
    nextStep: z.string().trim().max(500, { error: 'errors.tooLong' }).refine(isPlainText, { error: PLAIN_TEXT_ERROR }).optional(),
    outcomeNotes: z.string().trim().max(5000, { error: 'errors.tooLong' }).refine(isPlainText, { error: PLAIN_TEXT_ERROR }).optional(),
  })
  .refine((outcome) => outcome.contractValueUsd === undefined || outcome.status === 'HELD', {
    path: ['contractValueUsd'],
    error: 'outcomes.errors.meetingContractHeld',
  })
export type OutcomeInput = z.infer<typeof OutcomeSchema>

/** "Who I want to meet at this fair": the level, or NONE to clear it. One schema for the booth page and the exporter's recommendations. */
export const PREFERENCE_CHOICES = ['MUST_MEET', 'WOULD_LIKE', 'NONE'] as const
export const PreferenceSchema = z.object({
  intent: z.literal('preference'),
  level: z.enum(PREFERENCE_CHOICES, { error: 'errors.invalidChoice' }),
  /** Set by the exporter's form (which fair, which buyer); the booth page takes both from its URL. */
  fairId: z.string().regex(RECORD_ID_PATTERN).optional(),
  buyerId: z.string().regex(RECORD_ID_PATTERN).optional(),
})
export const SeatInterpreterSchema = z.object({
  intent: z.literal('seat-interpreter'),
  email: z.email({ error: 'meetings.errors.interpreterEmail' }).trim().toLowerCase().max(254, { error: 'errors.tooLong' }),
})

export const MeetingActionSchema = z.discriminatedUnion('intent', [
  AcceptSchema,
  DeclineSchema,
  CancelSchema,
  ProposeSchema,
  OutcomeSchema,
  SeatInterpreterSchema,
  ConfirmAttendanceSchema,
  CantMakeItSchema,
  RescheduleSchema,
])
