import { z } from 'zod'
import { HhmmSchema, HOURS_ORDER_ISSUE, hoursInOrder } from '~/lib/business-hours'
import { COMPANY_ROLES } from '~/domain/accounts/permissions'
import { MARKET_BLOCS } from '~/domain/catalog/markets'
import { isCountryCode } from '~/lib/countries'
import { SUPPORTED_LOCALES } from '~/lib/i18n'
import { isLanguageCode } from '~/lib/languages'
import { isPlainText, PLAIN_TEXT_ERROR } from '~/lib/plain-text'
import { RECORD_ID_PATTERN } from '~/lib/record-id'
import { isValidTimeZone } from '~/lib/time'
import { EmbedOriginsSchema } from './embed-origins'

// Client-safe form schemas for the exporter area (company profile, team, certifications).
// Messages are i18n keys; conform coerces "" to undefined and numbers/checkboxes from text.

const requiredText = (max: number) =>
  z
    .string({ error: 'errors.required' })
    .trim()
    .min(1, { error: 'errors.required' })
    .max(max, { error: 'errors.tooLong' })
    .refine(isPlainText, { error: PLAIN_TEXT_ERROR })
const optionalText = (max: number) => z.string().trim().max(max, { error: 'errors.tooLong' }).refine(isPlainText, { error: PLAIN_TEXT_ERROR }).optional()

const email = z
  .string({ error: 'errors.required' })
  .trim()
  .toLowerCase()
  .max(254, { error: 'errors.tooLong' })
  .pipe(z.email({ error: 'errors.invalidEmail' }))

/** http(s) only (a javascript: link would run in visitors' browsers); "example.com" gets https://. */
export const WebsiteSchema = z
  .string()
  .trim()
  .max(300, { error: 'errors.tooLong' })
  .transform((value) => (/^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`))
  .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: 'exporter.errors.website' }))

const intIn = (min: number, max: number, key: string) => z.number({ error: key }).int({ error: key }).min(min, { error: key }).max(max, { error: key })

const countries = z
  .array(z.string().refine(isCountryCode, { error: 'errors.invalidCountry' }))
  .max(250)
  .default([])
const languages = z
  .array(z.string().refine(isLanguageCode, { error: 'errors.invalidChoice' }))
  .max(30)
  .default([])
const timeZone = z.string({ error: 'errors.required' }).refine(isValidTimeZone, { error: 'errors.invalidTimeZone' })

/** The company profile form; `currentYear` bounds the founding year (pass it in, do not read the clock here). */
export function companyProfileSchema(currentYear: number) {
  return z
    .object({
      name: requiredText(150),
      nameKo: optionalText(150),
      region: requiredText(80),
      city: optionalText(80),
      industry: requiredText(80),
      description: optionalText(5000),
      descriptionKo: optionalText(5000),
      website: WebsiteSchema.optional(),
      foundedYear: intIn(1900, currentYear, 'exporter.errors.foundedYear').optional(),
      employeeCount: intIn(1, 1_000_000, 'exporter.errors.employeeCount').optional(),
      exportExperienceYears: intIn(0, 200, 'exporter.errors.experience').default(0),
      exportMarkets: countries,
      languages,
      timeZone,
      // Meetings are offered only inside these hours, in the company's zone.
      businessHoursStart: HhmmSchema,
      businessHoursEnd: HhmmSchema,
      removeLogo: z.boolean().optional(),
      // Sites allowed to frame the showcase player (embed-origins.ts).
      embedOrigins: EmbedOriginsSchema,
    })
    .refine(hoursInOrder, HOURS_ORDER_ISSUE)
}
export type CompanyProfileInput = z.infer<ReturnType<typeof companyProfileSchema>>

export const INVITABLE_ROLES = ['ADMIN', 'MEMBER'] as const satisfies ReadonlyArray<(typeof COMPANY_ROLES)[number]>

export const InviteSchema = z.object({
  intent: z.literal('invite'),
  email,
  role: z.enum(INVITABLE_ROLES, { error: 'errors.invalidChoice' }),
  /** The language of the invitation mail, for someone without an account yet (the form offers the inviter's). */
  locale: z.enum(SUPPORTED_LOCALES, { error: 'errors.invalidChoice' }).optional(),
})
export const RemoveMemberSchema = z.object({ intent: z.literal('remove-member'), memberId: z.string().regex(RECORD_ID_PATTERN) })
export const RevokeInvitationSchema = z.object({ intent: z.literal('revoke-invitation'), invitationId: z.string().regex(RECORD_ID_PATTERN) })
export const TeamActionSchema = z.discriminatedUnion('intent', [InviteSchema, RemoveMemberSchema, RevokeInvitationSchema])

/** A new account created from an invitation (the email is the invited one). */
export const InvitationSignupSchema = z.object({
  intent: z.literal('signup'),
  name: requiredText(100),
  password: z.string({ error: 'errors.required' }).min(10, { error: 'errors.passwordTooShort' }).max(200, { error: 'errors.passwordTooLong' }),
  timeZone,
})
export const InvitationAcceptSchema = z.object({ intent: z.literal('accept') })
export const InvitationActionSchema = z.discriminatedUnion('intent', [InvitationAcceptSchema, InvitationSignupSchema])

export const CERTIFICATION_TYPES = [
  'FDA',
  'CE',
  'HALAL',
  'KC',
  'HACCP',
  'ISO9001',
  'ISO13485',
  'ISO22000',
  'GMP',
  'EAC',
  'NMPA',
  'JAS',
  'KOSHER',
  'ORGANIC',
  'OTHER',
] as const

/** A certificate type as stored (Certification.type): the requirements catalogue's documentTypes use the same shape. */
export const CERTIFICATION_TYPE_PATTERN = /^[A-Z0-9_-]{2,20}$/

export function isCertificationMarket(value: string): boolean {
  return MARKET_BLOCS.includes(value) || isCountryCode(value)
}

const isoDate = z.iso.date({ error: 'exporter.errors.date' })

/** A certificate type's shape; which types exist is the server's check (certificationServerSchema). */
export const CertificationTypeSchema = z
  .string({ error: 'errors.required' })
  .trim()
  .toUpperCase()
  .regex(CERTIFICATION_TYPE_PATTERN, { error: 'errors.invalidChoice' })

/** The certification form around a type field: the client's (shape only) or the server's (a known type). */
export function certificationSchemaWith(type: z.ZodType<string, string>) {
  return z
    .object({
      intent: z.literal('save'),
      certificationId: z.string().regex(RECORD_ID_PATTERN).optional(),
      // The fixed list or a document type the requirements catalogue names.
      type,
      market: z.string({ error: 'exporter.errors.market' }).refine(isCertificationMarket, { error: 'exporter.errors.market' }),
      number: requiredText(100),
      issuer: optionalText(150),
      validFrom: isoDate.optional(),
      validUntil: isoDate.optional(),
      /** From the readiness panel: the product the certificate is for, attached when `attachProduct` is ticked. */
      productId: z.string().regex(RECORD_ID_PATTERN).optional(),
      attachProduct: z.boolean().optional(),
      /** Where to go after saving (only a same-site path is followed). */
      redirectTo: z.string().max(2000).optional(),
    })
    .refine((value) => !value.validFrom || !value.validUntil || value.validFrom <= value.validUntil, {
      error: 'exporter.errors.dateOrder',
      path: ['validUntil'],
    })
}

export const CertificationSchema = certificationSchemaWith(CertificationTypeSchema)
export type CertificationInput = z.infer<typeof CertificationSchema>

export const DeleteCertificationSchema = z.object({ intent: z.literal('delete'), certificationId: z.string().regex(RECORD_ID_PATTERN) })
