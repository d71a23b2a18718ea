// One zod schema per form of the export agencies area (docs/export-agencies.md); each form posts an intent.
import { z } from 'zod'
import { isPlainText, PLAIN_TEXT_ERROR } from '~/lib/plain-text'
import { RECORD_ID_PATTERN } from '~/lib/record-id'
import { AGENCY_SCOPES } from './scopes'

const recordId = z.string().trim().regex(RECORD_ID_PATTERN, 'errors.invalidValue')
// A checkbox group posts each checked value once; none checked posts nothing (refused with a message).
const scopes = z.preprocess(
  (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? (value as unknown[]) : [value]),
  z.array(z.enum(AGENCY_SCOPES)).min(1, 'agency.errors.scopesRequired').max(AGENCY_SCOPES.length),
)

/** The company owner's page (/exporter/agencies): grant, change scopes, revoke. */
export const CompanyAgencyActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('grant'), agencyId: recordId, scopes }),
  z.object({ intent: z.literal('update-scopes'), grantId: recordId, scopes }),
  z.object({ intent: z.literal('revoke'), grantId: recordId }),
])

/** The agency dashboard (/agency): choose the company this session acts for. */
export const AgencyDashboardActionSchema = z.discriminatedUnion('intent', [z.object({ intent: z.literal('act-for'), companyId: recordId })])

/** A member to add to an agency: an existing AGENCY account by address, or a new one (then named). */
const newMember = {
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, 'errors.tooLong')
    .pipe(z.email({ error: 'errors.invalidEmail' })),
  // Required only for an address without an account (the new account's name): checked by addAgencyMember.
  name: z.string().trim().max(100, 'errors.tooLong').refine(isPlainText, { error: PLAIN_TEXT_ERROR }).optional(),
  role: z.enum(['LEAD', 'AGENT']).default('AGENT'),
}

/** The admin's page (/admin/agencies): create an agency, add a member, remove a member. */
export const AdminAgencyActionSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('create-agency'),
    name: z.string({ error: 'errors.required' }).trim().min(2, 'errors.required').max(120, 'errors.tooLong').refine(isPlainText, { error: PLAIN_TEXT_ERROR }),
    nameKo: z.string().trim().max(120, 'errors.tooLong').refine(isPlainText, { error: PLAIN_TEXT_ERROR }).optional(),
    region: z.string({ error: 'errors.required' }).trim().min(2, 'errors.required').max(80, 'errors.tooLong').refine(isPlainText, { error: PLAIN_TEXT_ERROR }),
  }),
  z.object({ intent: z.literal('add-member'), agencyId: recordId, ...newMember }),
  z.object({ intent: z.literal('remove-member'), memberId: recordId }),
])

/** The agency's team page (/agency/team): a lead adds or removes members of their own agency. */
export const AgencyTeamActionSchema = z.discriminatedUnion('intent', [
  // The lead always names the person, so the answer never depends on whether the address has an account.
  z.object({
    intent: z.literal('add-member'),
    ...newMember,
    name: z.string({ error: 'errors.required' }).trim().min(1, 'errors.required').max(100, 'errors.tooLong').refine(isPlainText, { error: PLAIN_TEXT_ERROR }),
  }),
  z.object({ intent: z.literal('remove-member'), memberId: recordId }),
])

/** Filters of the agency inbox (query string; anything else is ignored). */
export const AgencyInboxFilterSchema = z.object({
  company: z.string().regex(RECORD_ID_PATTERN).optional().catch(undefined),
  kind: z.enum(['rfq', 'meeting']).optional().catch(undefined),
})
