import { z } from 'zod'
import { BUYER_TYPES } from '~/domain/accounts/schemas'
import { HS_CHAPTER_CODES } from '~/domain/catalog/hs-chapters'
import { WebsiteSchema } from '~/domain/exporters/schemas'
import { isCountryCode } from '~/lib/countries'
import { isLanguageCode } from '~/lib/languages'
import { HhmmSchema, HOURS_ORDER_ISSUE, hoursInOrder } from '~/lib/business-hours'
import { isValidTimeZone } from '~/lib/time'
import { isPlainText, PLAIN_TEXT_ERROR } from '~/lib/plain-text'

// Client-safe schema of the buyer profile form. Messages are i18n keys.

export const VOLUME_BANDS = ['UNDER_50K', 'FROM_50K_TO_250K', 'FROM_250K_TO_1M', 'FROM_1M_TO_5M', 'OVER_5M'] as const

export const BuyerProfileSchema = z
  .object({
    companyName: z
      .string({ error: 'errors.required' })
      .trim()
      .min(1, { error: 'errors.required' })
      .max(150, { error: 'errors.tooLong' })
      .refine(isPlainText, { error: PLAIN_TEXT_ERROR }),
    country: z.string({ error: 'errors.invalidCountry' }).refine(isCountryCode, { error: 'errors.invalidCountry' }),
    businessType: z.enum(BUYER_TYPES, { error: 'errors.invalidChoice' }),
    website: WebsiteSchema.optional(),
    interests: z
      .array(z.string().regex(/^[a-z0-9-]{1,60}$/))
      .max(50)
      .default([]),
    hsChapters: z
      .array(z.string().refine((code) => HS_CHAPTER_CODES.includes(code), { error: 'errors.invalidChoice' }))
      .max(100)
      .default([]),
    yearlyVolume: z.enum(VOLUME_BANDS, { error: 'errors.invalidChoice' }).optional(),
    languages: z
      .array(z.string().refine(isLanguageCode, { error: 'errors.invalidChoice' }))
      .max(30)
      .default([]),
    timeZone: z.string({ error: 'errors.required' }).refine(isValidTimeZone, { error: 'errors.invalidTimeZone' }),
    businessHoursStart: HhmmSchema,
    businessHoursEnd: HhmmSchema,
  })
  .refine(hoursInOrder, HOURS_ORDER_ISSUE)
export type BuyerProfileInput = z.infer<typeof BuyerProfileSchema>
