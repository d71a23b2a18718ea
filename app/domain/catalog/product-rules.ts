import { z } from 'zod'

// Client-safe trade vocabulary shared by the product editor, the catalog filters and RFQs.

/** Incoterms 2020. */
export const INCOTERMS = ['EXW', 'FCA', 'FAS', 'FOB', 'CFR', 'CIF', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP'] as const
export type IncotermCode = (typeof INCOTERMS)[number]

/**
 * Content languages a product can be described in (plain language codes: `zh` is what the zh-Hans UI
 * reads, see contentLanguageOf); English is required, the rest fall back to it.
 */
export const PRODUCT_LOCALES = ['en', 'ko', 'zh', 'ja', 'ru', 'mn'] as const

/** Currencies accepted for prices (ISO 4217). */
export const PRICE_CURRENCIES = ['USD', 'EUR', 'KRW', 'JPY', 'CNY', 'RUB', 'MNT', 'VND'] as const

/** "3304.99", "3304 99 00" → "33049900"-style digits; null when it is not 6–10 digits. */
export function normalizeHsCode(input: string): string | null {
  const digits = input.replace(/[\s.-]/g, '')
  return /^\d{6,10}$/.test(digits) ? digits : null
}

/** HS chapter: the first two digits. */
export function hsChapter(hsCode: string): string {
  return hsCode.slice(0, 2)
}

/** Display form: 3304.99 or 3304.99.00.10 */
export function formatHsCode(hsCode: string): string {
  const head = `${hsCode.slice(0, 4)}.${hsCode.slice(4, 6)}`
  const rest = hsCode.slice(6).match(/.{1,2}/g) ?? []
  return [head, ...rest].join('.')
}

export const HsCodeSchema = z.string({ error: 'errors.required' }).transform((value, ctx) => {
  const normalized = normalizeHsCode(value)
  if (!normalized) {
    ctx.addIssue({ code: 'custom', message: 'catalog.errors.hsCode' })
    return z.NEVER
  }
  return normalized
})

/** HS prefix used as a catalog filter: 2 to 10 digits. */
export function normalizeHsPrefix(input: string): string | null {
  const digits = input.replace(/[\s.-]/g, '')
  return /^\d{2,10}$/.test(digits) ? digits : null
}
