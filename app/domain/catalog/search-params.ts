import { z } from 'zod'
import { isCountryCode } from '~/lib/countries'
import { MARKET_BLOCS } from './markets'
import { INCOTERMS, normalizeHsPrefix } from './product-rules'

export const SORTS = ['relevance', 'newest', 'price_asc', 'price_desc', 'moq_asc'] as const
export const PAGE_SIZE = 24

const FIELDS = {
  q: z.string().trim().min(1).max(200),
  category: z.string().regex(/^[a-z0-9-]{1,60}$/),
  hs: z.string().transform((v, ctx) => normalizeHsPrefix(v) ?? (ctx.addIssue({ code: 'custom', message: 'catalog.errors.hsPrefix' }), z.NEVER)),
  market: z.string().regex(/^([A-Z]{2}|EU|GCC|EAEU)$/),
  certType: z.string().regex(/^[A-Z0-9_-]{2,20}$/),
  /** "Ready for my market": a country (ISO alpha-2) or a bloc; readiness from the requirements catalogue. */
  readyFor: z
    .string()
    .regex(/^([A-Z]{2}|EU|GCC|EAEU)$/)
    .refine((value) => MARKET_BLOCS.includes(value) || isCountryCode(value)),
  maxMoq: z.coerce.number().int().min(1).max(100_000_000),
  priceMin: z.coerce.number().min(0).max(10_000_000),
  priceMax: z.coerce.number().min(0).max(10_000_000),
  // No control characters: PostgreSQL refuses a NUL byte in text, which failed the whole search.
  region: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .regex(/^\P{Cc}+$/u),
  incoterm: z.enum(INCOTERMS),
  sort: z.enum(SORTS),
  page: z.coerce.number().int().min(1).max(1000),
} as const

/** Filters other listings share with the catalog, so a link reads the same everywhere. */
export const CATEGORY_PARAM = FIELDS.category
export const REGION_PARAM = FIELDS.region
/** "Ready for" a market (country or bloc): the catalog filter, and the market a product page assesses. */
export const READY_FOR_PARAM = FIELDS.readyFor

type QueryOf<F extends Record<string, z.ZodType>> = { -readonly [K in keyof F]?: z.output<F[K]> }

/**
 * Reads query parameters one by one, each with its own schema: a bad one is dropped and its name reported
 * (so a hand-edited link still shows results); a repeated one counts by its first value; empty means unset.
 */
export function parseQueryFields<F extends Record<string, z.ZodType>>(params: URLSearchParams, fields: F): { query: QueryOf<F>; rejected: string[] } {
  const query: Record<string, unknown> = {}
  const rejected: string[] = []
  for (const [key, schema] of Object.entries(fields)) {
    const raw = params.get(key)
    if (raw === null || raw === '') continue
    const parsed = schema.safeParse(raw)
    if (parsed.success) query[key] = parsed.data
    else rejected.push(key)
  }
  return { query: query as QueryOf<F>, rejected }
}

export type CatalogQuery = {
  -readonly [K in keyof typeof FIELDS]?: z.output<(typeof FIELDS)[K]>
}

/**
 * Reads catalog filters from a URL. Each parameter is checked on its own: a bad one is dropped and
 * reported (so a hand-edited link still shows results) instead of failing the whole search.
 */
export function parseCatalogQuery(params: URLSearchParams): { query: CatalogQuery; rejected: string[] } {
  const { query: typed, rejected } = parseQueryFields(params, FIELDS)
  if (typed.priceMin !== undefined && typed.priceMax !== undefined && typed.priceMin > typed.priceMax) {
    rejected.push('priceMax')
    delete typed.priceMax
  }
  return { query: typed, rejected }
}
