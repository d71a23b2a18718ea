import { z } from 'zod'
import { SUPPORTED_LOCALES } from '~/lib/i18n'
import { isPlainText, PLAIN_TEXT_ERROR } from '~/lib/plain-text'
import { RECORD_ID_PATTERN } from '~/lib/record-id'

// Client-safe: the admin's staff-accounts form (/admin/staff). Exporters and buyers sign themselves up;
// the people who run the hub get their account from an admin (docs/hub-staff.md).

/** Roles only an admin hands out. */
export const STAFF_ROLES = ['ORGANIZER', 'STUDIO_OPERATOR', 'TRADE_OFFICER', 'AGENCY'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

export const StaffActionSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('create-staff'),
    name: z
      .string({ error: 'errors.required' })
      .trim()
      .min(1, { error: 'errors.required' })
      .max(100, { error: 'errors.tooLong' })
      .refine(isPlainText, { error: PLAIN_TEXT_ERROR }),
    email: z
      .string({ error: 'errors.required' })
      .trim()
      .toLowerCase()
      .max(254, { error: 'errors.tooLong' })
      .pipe(z.email({ error: 'errors.invalidEmail' })),
    role: z.enum(STAFF_ROLES, { error: 'errors.invalidChoice' }),
    locale: z.enum(SUPPORTED_LOCALES, { error: 'errors.invalidChoice' }),
  }),
  z.object({ intent: z.literal('resend-invite'), userId: z.string().trim().regex(RECORD_ID_PATTERN, 'errors.invalidValue') }),
])
export type StaffAction = z.infer<typeof StaffActionSchema>
