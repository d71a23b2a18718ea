import { z } from 'zod'
import { MARKET_BLOCS } from '~/domain/catalog/markets'

// The market requirements catalogue: what a product under some HS codes typically needs before it may be
// sold into a market. One schema for the repository's file (prisma/seed/data/market-requirements.json),
// the admin editor and the database rows, so the three cannot drift.

export const REQUIREMENT_KINDS = ['registration', 'certificate', 'notification', 'testing', 'labelling'] as const
export type RequirementKind = (typeof REQUIREMENT_KINDS)[number]

/**
 * Who has to hold the document: a facility registration (US FDA, China GACC) covers every product of the
 * company; a certificate or notification (EU CPNP, EAC declaration) is per product.
 */
export const REQUIREMENT_SCOPES = ['company', 'product'] as const
export type RequirementScope = (typeof REQUIREMENT_SCOPES)[number]

/** Kinds of issuers, shown translated ("where to get it"). */
export const ISSUER_TYPES = [
  'regulator',
  'certification-body',
  'testing-lab',
  'halal-authority',
  'local-agent',
  'chamber-of-commerce',
  'plant-quarantine',
  'notified-body',
] as const
export type IssuerType = (typeof ISSUER_TYPES)[number]

/** Content languages of the catalogue's texts; English is required, others fall back to it. */
const LocalizedTextSchema = z
  .object({
    en: z.string().trim().min(3).max(300),
    ko: z.string().trim().min(1).max(300).optional(),
    zh: z.string().trim().min(1).max(300).optional(),
    ja: z.string().trim().min(1).max(300).optional(),
    ru: z.string().trim().min(1).max(300).optional(),
    mn: z.string().trim().min(1).max(300).optional(),
  })
  .strict()
export type RequirementText = z.infer<typeof LocalizedTextSchema>

/** An ISO 3166-1 alpha-2 country or a bloc the platform knows (markets.ts). */
export const RequirementMarketSchema = z.string().refine((value) => /^[A-Z]{2}$/.test(value) || MARKET_BLOCS.includes(value), 'readiness.errors.market')

/** An HS code prefix: 2 to 10 digits (a chapter, heading, subheading or national line). */
export const HsPrefixSchema = z.string().regex(/^\d{2,10}$/, 'readiness.errors.hsPrefix')

export const CODE_PATTERN = /^[A-Z0-9]+(-[A-Z0-9]+)*$/

export const MarketRequirementSchema = z
  .object({
    /** Stable id, e.g. "US-FDA-FFR"; Certification rows never reference it (they name a document type). */
    code: z.string().regex(CODE_PATTERN, 'readiness.errors.code').max(40),
    market: RequirementMarketSchema,
    kind: z.enum(REQUIREMENT_KINDS),
    scope: z.enum(REQUIREMENT_SCOPES),
    /** Certification types (Certification.type) that satisfy it. Empty: something to check (a label), not a document. */
    documentTypes: z.array(z.string().regex(/^[A-Z0-9_-]{2,20}$/, 'readiness.errors.documentType')).max(10),
    /** HS prefixes it applies to; with `exceptHs`, the longest prefix of a product's code decides. */
    hs: z.array(HsPrefixSchema).min(1).max(200),
    /** HS prefixes exempted (longer than an `hs` prefix they carve out of). */
    exceptHs: z.array(HsPrefixSchema).max(200).default([]),
    name: LocalizedTextSchema,
    /** Where and how to get it: the issuer, the procedure, what it costs in time. */
    howToGet: LocalizedTextSchema,
    issuerTypes: z.array(z.enum(ISSUER_TYPES)).min(1).max(4),
    leadTimeDays: z
      .object({ min: z.number().int().min(0).max(730), max: z.number().int().min(0).max(730) })
      .refine((range) => range.min <= range.max, 'readiness.errors.leadTime'),
    /** Export vouchers (KOTRA / the province) can fund it. */
    voucherEligible: z.boolean(),
    /** The official source the rule was taken from. */
    sourceUrl: z.url({ protocol: /^https$/ }).max(500),
    /** The day someone last read the source and found the rule in it (ISO date); null: not yet checked. */
    checkedOn: z.iso.date().nullable(),
  })
  .superRefine((requirement, ctx) => {
    for (const prefix of requirement.exceptHs) {
      if (!requirement.hs.some((included) => prefix.startsWith(included) && prefix.length > included.length)) {
        ctx.addIssue({ code: 'custom', path: ['exceptHs'], message: 'readiness.errors.exceptOutside' })
      }
    }
  })

export type MarketRequirement = z.infer<typeof MarketRequirementSchema>

export const RequirementCatalogueFileSchema = z
  .object({
    /** Bumped with every change of the file (semantic: rules added or changed = minor). */
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    disclaimer: z.string().min(20),
    requirements: z.array(MarketRequirementSchema).min(1),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>()
    for (const [index, requirement] of file.requirements.entries()) {
      if (seen.has(requirement.code)) ctx.addIssue({ code: 'custom', path: ['requirements', index, 'code'], message: `duplicate code ${requirement.code}` })
      seen.add(requirement.code)
    }
  })

export type RequirementCatalogueFile = z.infer<typeof RequirementCatalogueFileSchema>
