import { z } from 'zod'
import { isPlainText, PLAIN_TEXT_ERROR } from '~/lib/plain-text'

// Client-safe: the verify/revoke forms (admin buyers list, a fair's registrations) and the badge's shape.
// Messages are i18n keys.

export const BUYER_VERIFICATION_METHODS = ['DOCUMENTS', 'TRADE_REFERENCE', 'OTHER'] as const
export type BuyerVerificationMethodName = (typeof BUYER_VERIFICATION_METHODS)[number]

export const VERIFY_BUYER_INTENTS = ['verify-buyer', 'revoke-buyer'] as const

const BuyerId = z.string({ error: 'errors.required' }).trim().min(1, { error: 'errors.required' }).max(64, { error: 'errors.invalidChoice' })
const Note = z
  .string({ error: 'buyerVerification.errors.note' })
  .trim()
  .min(3, { error: 'buyerVerification.errors.note' })
  .max(500, { error: 'errors.tooLong' })
  .refine(isPlainText, { error: PLAIN_TEXT_ERROR })

/** One schema for both forms, told apart by `intent`. */
export const BuyerVerificationActionSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('verify-buyer'),
    buyerId: BuyerId,
    method: z.enum(BUYER_VERIFICATION_METHODS, { error: 'buyerVerification.errors.method' }),
    note: Note,
  }),
  z.object({ intent: z.literal('revoke-buyer'), buyerId: BuyerId, note: Note }),
])
export type BuyerVerificationAction = z.infer<typeof BuyerVerificationActionSchema>

/** What a badge shows: when, by whom, how. Null: the buyer is not verified. */
export type VerifiedBuyerBadge = { verifiedAt: string; verifierName: string; method: BuyerVerificationMethodName } | null
