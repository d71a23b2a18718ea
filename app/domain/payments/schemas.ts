import { z } from 'zod'
import { PRICE_CURRENCIES } from '~/domain/catalog/product-rules'
import { isCountryCode } from '~/lib/countries'
import { RECORD_ID_PATTERN } from '~/lib/record-id'

// Client-safe form schemas for orders and payments. Messages are i18n keys. Prices never come from a
// form: the server computes every amount from the database (see orders.server.ts).

const id = z.string().regex(RECORD_ID_PATTERN)

export const SampleOrderSchema = z.object({
  intent: z.literal('buy-sample'),
  productId: id,
  liveSessionId: id.optional(),
  quantity: z.coerce
    .number({ error: 'payments.errors.quantity' })
    .int({ error: 'payments.errors.quantity' })
    .min(1, { error: 'payments.errors.quantity' })
    .max(1000, { error: 'payments.errors.quantity' }),
  shippingCountry: z.string({ error: 'errors.invalidCountry' }).refine(isCountryCode, { error: 'errors.invalidCountry' }),
})
export type SampleOrderInput = z.infer<typeof SampleOrderSchema>

export const ShipSchema = z.object({
  intent: z.literal('ship'),
  orderId: id,
  trackingNumber: z
    .string({ error: 'errors.required' })
    .trim()
    .min(4, { error: 'payments.errors.tracking' })
    .max(60, { error: 'payments.errors.tracking' })
    .regex(/^[A-Za-z0-9][A-Za-z0-9 .\-/]*$/, { error: 'payments.errors.tracking' }),
})

export const DeliverSchema = z.object({ intent: z.literal('deliver'), orderId: id })
export const RefundSchema = z.object({ intent: z.literal('refund'), orderId: id })

/** Seller-side actions on /exporter/orders and /orders/:id. */
export const FulfilmentSchema = z.discriminatedUnion('intent', [ShipSchema, DeliverSchema, RefundSchema])

/** Buyer-side actions on /orders/:id. */
export const BuyerOrderSchema = z.discriminatedUnion('intent', [z.object({ intent: z.literal('pay') }), z.object({ intent: z.literal('cancel') })])

export const BoothFeeSchema = z.object({
  intent: z.literal('set-fee'),
  /// Major units (e.g. 150.00); empty = free booths
  fee: z.coerce.number({ error: 'payments.errors.fee' }).min(0, { error: 'payments.errors.fee' }).max(1_000_000, { error: 'payments.errors.fee' }).optional(),
  currency: z.enum(PRICE_CURRENCIES, { error: 'errors.invalidChoice' }),
})
export type BoothFeeInput = z.infer<typeof BoothFeeSchema>

export const PayBoothFeeSchema = z.object({ intent: z.literal('pay-booth-fee'), boothId: id })
