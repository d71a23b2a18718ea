import { z } from 'zod'
import { INCOTERMS, PRICE_CURRENCIES } from '~/domain/catalog/product-rules'
import { isCountryCode } from '~/lib/countries'
import { isPlainText, PLAIN_TEXT_ERROR } from '~/lib/plain-text'
import { RECORD_ID_PATTERN } from '~/lib/record-id'
import { INQUIRY_STATUSES } from './pipeline'

// Client-safe form schemas for RFQs, quotes, messages and pipeline moves. Messages are i18n keys.

const MAX_QUANTITY = 100_000_000
const MAX_UNIT_PRICE = 10_000_000 // in major units, per unit
const MAX_DEAL_USD = 10_000_000_000

const text = (max: number) =>
  z
    .string({ error: 'errors.required' })
    .trim()
    .min(1, { error: 'errors.required' })
    .max(max, { error: 'errors.tooLong' })
    .refine(isPlainText, { error: PLAIN_TEXT_ERROR })

const quantity = z.coerce
  .number({ error: 'inquiries.errors.quantity' })
  .int({ error: 'inquiries.errors.quantity' })
  .min(1, { error: 'inquiries.errors.quantity' })
  .max(MAX_QUANTITY, { error: 'inquiries.errors.quantity' })

const price = z.coerce
  .number({ error: 'inquiries.errors.price' })
  .positive({ error: 'inquiries.errors.price' })
  .max(MAX_UNIT_PRICE, { error: 'inquiries.errors.price' })

const usdAmount = z.coerce
  .number({ error: 'inquiries.errors.amount' })
  .min(0, { error: 'inquiries.errors.amount' })
  .max(MAX_DEAL_USD, { error: 'inquiries.errors.amount' })

/** A deal's value in any quoting currency's major units (converted to USD on the server). */
const dealAmount = z.coerce
  .number({ error: 'inquiries.errors.amount' })
  .min(0, { error: 'inquiries.errors.amount' })
  .max(MAX_DEAL_USD, { error: 'inquiries.errors.amount' })

export const RfqSchema = z.object({
  intent: z.literal('rfq'),
  productId: z.string().regex(RECORD_ID_PATTERN),
  liveSessionId: z.string().regex(RECORD_ID_PATTERN).optional(),
  quantity,
  targetPrice: price.optional(),
  targetCurrency: z.enum(PRICE_CURRENCIES, { error: 'errors.invalidChoice' }).default('USD'),
  incoterm: z.enum(INCOTERMS, { error: 'errors.invalidChoice' }).optional(),
  destinationCountry: z.string({ error: 'errors.invalidCountry' }).refine(isCountryCode, { error: 'errors.invalidCountry' }),
  certificationsNeeded: z
    .array(z.string().regex(/^[A-Z0-9_-]{2,20}$/))
    .max(10)
    .default([]),
  message: text(5000),
})
export type RfqInput = z.infer<typeof RfqSchema>

export const QuoteSchema = z.object({
  intent: z.literal('quote'),
  unitPrice: price,
  currency: z.enum(PRICE_CURRENCIES, { error: 'errors.invalidChoice' }),
  quantity,
  incoterm: z.enum(INCOTERMS, { error: 'errors.invalidChoice' }).optional(),
  validUntil: z.iso.date({ error: 'inquiries.errors.date' }),
  terms: z.string().trim().max(2000, { error: 'errors.tooLong' }).refine(isPlainText, { error: PLAIN_TEXT_ERROR }).default(''),
})
export type QuoteInput = z.infer<typeof QuoteSchema>

export const MessageSchema = z.object({
  intent: z.literal('message'),
  body: text(5000),
})

/**
 * A move to the next outcome stage (pipeline.ts holds the rule): the stage's value in a currency (converted to
 * USD with the dated exchange rates), the day it happened (default today), and for LOST a reason.
 */
export const StatusSchema = z.object({
  intent: z.literal('status'),
  status: z.enum(INQUIRY_STATUSES, { error: 'errors.invalidChoice' }),
  value: dealAmount.optional(),
  currency: z.enum(PRICE_CURRENCIES, { error: 'errors.invalidChoice' }).default('USD'),
  date: z.iso.date({ error: 'inquiries.errors.date' }).optional(),
  consultationValueUsd: usdAmount.optional(),
  lostReason: z.string().trim().max(500, { error: 'errors.tooLong' }).refine(isPlainText, { error: PLAIN_TEXT_ERROR }).optional(),
})
export type StatusInput = z.infer<typeof StatusSchema>

/** The page posts this once it has shown the thread: reading is a change, so never a side effect of a GET. */
export const ReadSchema = z.object({ intent: z.literal('read') })

export const InquiryActionSchema = z.discriminatedUnion('intent', [QuoteSchema, MessageSchema, StatusSchema, ReadSchema])
