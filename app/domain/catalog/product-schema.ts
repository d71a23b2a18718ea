import { z } from 'zod'
import { currencyFractionDigits } from '~/lib/money'
import { isCountryCode } from '~/lib/countries'
import { isPlainText, PLAIN_TEXT_ERROR } from '~/lib/plain-text'
import { RECORD_ID_PATTERN } from '~/lib/record-id'
import { HsCodeSchema, INCOTERMS, PRICE_CURRENCIES, PRODUCT_LOCALES } from './product-rules'

// Client-safe schema of the product editor: the browser uses it for hints, the action for the truth
// (plus server-only checks in product-editor.server.ts). Messages are i18n keys.

export const PRODUCT_STATUSES = ['DRAFT', 'PUBLISHED', 'ARCHIVED'] as const
export const MAX_PRICE_TIERS = 10
export const MAX_PRODUCT_IMAGES = 8
export const MAX_QUANTITY = 100_000_000
/** Per unit, in major units of the currency (e.g. 10 000 000 USD or 10 000 000 KRW). */
export const MAX_UNIT_PRICE = 10_000_000
/** Suggestions for the unit field; any short unit name is accepted. */
export const PRODUCT_UNITS = [
  'pcs',
  'unit',
  'box',
  'carton',
  'case',
  'set',
  'pair',
  'pack',
  'bottle',
  'jar',
  'bag',
  'roll',
  'sheet',
  'kg',
  'g',
  'ton',
  'L',
  'mL',
  'm',
  'm2',
] as const

const trimmed = (max: number) => z.string().trim().max(max, { error: 'errors.tooLong' }).refine(isPlainText, { error: PLAIN_TEXT_ERROR })

const positiveInt = (max: number, key: string) => z.number({ error: key }).int({ error: key }).min(1, { error: key }).max(max, { error: key })

const translation = z.object({
  name: trimmed(200).optional(),
  description: trimmed(10_000).optional(),
})

/** True when `amount` has no more decimals than the currency's minor unit allows (JPY 0, USD 2…). */
export function fitsMinorUnits(amount: number, currency: string): boolean {
  const scaled = amount * 10 ** currencyFractionDigits(currency)
  return Math.abs(scaled - Math.round(scaled)) < 1e-6
}

/** Major units (as typed) → integer minor units (USD cents; KRW/JPY/VND as is). */
export function toMinorUnits(amount: number, currency: string): number {
  return Math.round(amount * 10 ** currencyFractionDigits(currency))
}

export function fromMinorUnits(minor: number, currency: string): number {
  return minor / 10 ** currencyFractionDigits(currency)
}

const currency = z.enum(PRICE_CURRENCIES, { error: 'errors.invalidChoice' })
const unitPrice = z
  .number({ error: 'exporter.products.errors.price' })
  .positive({ error: 'exporter.products.errors.price' })
  .max(MAX_UNIT_PRICE, { error: 'exporter.products.errors.price' })

const priceTier = z
  .object({
    minQuantity: positiveInt(MAX_QUANTITY, 'exporter.products.errors.quantity'),
    unitPrice,
    currency,
  })
  .refine((tier) => fitsMinorUnits(tier.unitPrice, tier.currency), { error: 'exporter.products.errors.priceDecimals', path: ['unitPrice'] })

export const ProductSchema = z
  .object({
    intent: z.literal('save'),
    translations: z
      .object(
        Object.fromEntries(PRODUCT_LOCALES.map((locale) => [locale, translation.default({})])) as Record<
          (typeof PRODUCT_LOCALES)[number],
          z.ZodDefault<typeof translation>
        >,
      )
      .default({ en: {}, ko: {}, zh: {}, ja: {}, ru: {}, mn: {} }),
    categoryId: z.string({ error: 'errors.invalidChoice' }).regex(RECORD_ID_PATTERN, { error: 'errors.invalidChoice' }),
    hsCode: HsCodeSchema,
    moq: positiveInt(MAX_QUANTITY, 'exporter.products.errors.moq'),
    unit: z
      .string({ error: 'errors.required' })
      .trim()
      .min(1, { error: 'errors.required' })
      .max(20, { error: 'errors.tooLong' })
      .regex(/^[\p{L}\p{N}][\p{L}\p{N} ./²³-]*$/u, { error: 'exporter.products.errors.unit' }),
    incoterms: z
      .array(z.enum(INCOTERMS, { error: 'errors.invalidChoice' }))
      .max(INCOTERMS.length)
      .default([]),
    leadTimeDays: z
      .number({ error: 'exporter.products.errors.leadTime' })
      .int({ error: 'exporter.products.errors.leadTime' })
      .min(0, { error: 'exporter.products.errors.leadTime' })
      .max(730, { error: 'exporter.products.errors.leadTime' }),
    priceTiers: z
      .array(priceTier, { error: 'exporter.products.errors.tiersRequired' })
      .min(1, { error: 'exporter.products.errors.tiersRequired' })
      .max(MAX_PRICE_TIERS, { error: 'exporter.products.errors.tooManyTiers' }),
    sampleAvailable: z.boolean().default(false),
    samplePrice: z
      .number({ error: 'exporter.products.errors.samplePrice' })
      .min(0, { error: 'exporter.products.errors.samplePrice' })
      .max(MAX_UNIT_PRICE, { error: 'exporter.products.errors.samplePrice' })
      .optional(),
    sampleCurrency: currency.default('USD'),
    sampleMaxQuantity: positiveInt(10_000, 'exporter.products.errors.sampleQuantity').optional(),
    sampleShippingNote: trimmed(500).optional(),
    /** Free samples only for verified buyers (docs/verified-buyers.md). */
    freeSamplesVerifiedOnly: z.boolean().default(false),
    targetMarkets: z
      .array(z.string().refine(isCountryCode, { error: 'errors.invalidCountry' }))
      .max(250)
      .default([]),
    certificationIds: z.array(z.string().regex(RECORD_ID_PATTERN)).max(50).default([]),
    status: z.enum(PRODUCT_STATUSES, { error: 'errors.invalidChoice' }),
  })
  .superRefine((value, ctx) => {
    const translations = value.translations as Record<string, { name?: string; description?: string } | undefined>
    if (!translations.en?.name) ctx.addIssue({ code: 'custom', message: 'exporter.products.errors.nameEn', path: ['translations', 'en', 'name'] })
    for (const locale of PRODUCT_LOCALES) {
      const entry = translations[locale]
      if (locale !== 'en' && entry?.description && !entry.name) {
        ctx.addIssue({ code: 'custom', message: 'exporter.products.errors.nameForDescription', path: ['translations', locale, 'name'] })
      }
    }
    value.priceTiers.forEach((tier, index) => {
      const previous = value.priceTiers[index - 1]
      if (previous && tier.minQuantity <= previous.minQuantity) {
        ctx.addIssue({ code: 'custom', message: 'exporter.products.errors.tierOrder', path: ['priceTiers', index, 'minQuantity'] })
      }
      const first = value.priceTiers[0]
      if (first && tier.currency !== first.currency) {
        ctx.addIssue({ code: 'custom', message: 'exporter.products.errors.tierCurrency', path: ['priceTiers', index, 'currency'] })
      }
    })
    if (value.sampleAvailable && value.samplePrice !== undefined && !fitsMinorUnits(value.samplePrice, value.sampleCurrency)) {
      ctx.addIssue({ code: 'custom', message: 'exporter.products.errors.priceDecimals', path: ['samplePrice'] })
    }
  })
export type ProductInput = z.infer<typeof ProductSchema>

/** Image management buttons next to the editor; they post without the rest of the form. */
export const ImageActionSchema = z.object({
  intent: z.enum(['image-up', 'image-down', 'image-delete']),
  imageId: z.string().regex(RECORD_ID_PATTERN),
})
