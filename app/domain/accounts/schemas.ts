import { z } from 'zod'
import { isCountryCode } from '~/lib/countries'
import { isPlainText, PLAIN_TEXT_ERROR } from '~/lib/plain-text'
import { SUPPORTED_LOCALES } from '~/lib/i18n'
import { isValidTimeZone } from '~/lib/time'

// Client-safe: conform uses these for hints in the browser, the actions for the truth.
// Messages are i18n keys, translated where they are shown.

const email = z
  .string({ error: 'errors.required' })
  .trim()
  .toLowerCase()
  .max(254, { error: 'errors.tooLong' })
  .pipe(z.email({ error: 'errors.invalidEmail' }))

export const LoginSchema = z.object({
  email,
  password: z.string({ error: 'errors.required' }).max(200, { error: 'errors.passwordTooLong' }),
  redirectTo: z.string().optional(),
})

const newPassword = z.string({ error: 'errors.required' }).min(10, { error: 'errors.passwordTooShort' }).max(200, { error: 'errors.passwordTooLong' })

const requiredText = (max: number) =>
  z
    .string({ error: 'errors.required' })
    .trim()
    .min(1, { error: 'errors.required' })
    .max(max, { error: 'errors.tooLong' })
    .refine(isPlainText, { error: PLAIN_TEXT_ERROR })

const timeZone = z.string({ error: 'errors.required' }).refine(isValidTimeZone, { error: 'errors.invalidTimeZone' })

export const BUYER_TYPES = ['IMPORTER', 'DISTRIBUTOR', 'RETAILER', 'ECOMMERCE', 'WHOLESALER', 'MANUFACTURER', 'OTHER'] as const

const commonSignup = {
  name: requiredText(100),
  email,
  password: newPassword,
  companyName: requiredText(150),
  timeZone,
}

export const SignupSchema = z.discriminatedUnion(
  'accountType',
  [
    z.object({
      accountType: z.literal('BUYER'),
      ...commonSignup,
      country: z.string({ error: 'errors.invalidCountry' }).refine(isCountryCode, { error: 'errors.invalidCountry' }),
      businessType: z.enum(BUYER_TYPES, { error: 'errors.invalidChoice' }),
    }),
    z
      .object({
        accountType: z.literal('EXPORTER'),
        ...commonSignup,
        region: requiredText(80),
        industry: requiredText(80),
        /** An overseas Korean entrepreneur (docs/consultations.md): an exporter company abroad, with its country of residence. */
        overseasKorean: z.boolean().optional(),
        residenceCountry: z.string().refine(isCountryCode, { error: 'errors.invalidCountry' }).optional(),
      })
      .refine((input) => !input.overseasKorean || input.residenceCountry !== undefined, {
        path: ['residenceCountry'],
        error: 'consultations.signup.residenceRequired',
      }),
  ],
  { error: 'errors.invalidChoice' },
)

export type SignupInput = z.infer<typeof SignupSchema>

/** Name of the sign-up form's honeypot: a field hidden from people that robots fill in. */
export const SIGNUP_HONEYPOT_FIELD = 'website'

export const ChangePasswordSchema = z
  .object({
    intent: z.literal('change-password'),
    currentPassword: z.string({ error: 'errors.required' }).max(200, { error: 'errors.passwordTooLong' }),
    newPassword,
    confirmPassword: z.string({ error: 'errors.required' }),
  })
  .refine((value) => value.newPassword === value.confirmPassword, { error: 'account.errors.passwordMismatch', path: ['confirmPassword'] })

export const ForgotPasswordSchema = z.object({ email })

export const ResetPasswordSchema = z
  .object({ password: newPassword, confirmPassword: z.string({ error: 'errors.required' }) })
  .refine((value) => value.password === value.confirmPassword, { error: 'account.errors.passwordMismatch', path: ['confirmPassword'] })

/** Settings forms that end sessions; the handle is matched against the user's own sessions on the server. */
export const RevokeSessionSchema = z.object({ intent: z.literal('revoke-session'), session: z.string().min(1).max(100) })
export const RevokeOtherSessionsSchema = z.object({ intent: z.literal('revoke-other-sessions') })

/** The profile part of /settings. */
export const ProfileSchema = z.object({
  intent: z.literal('profile'),
  name: requiredText(100),
  locale: z.enum(SUPPORTED_LOCALES, { error: 'errors.invalidChoice' }),
  timeZone,
})
