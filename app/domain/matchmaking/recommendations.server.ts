// Loads matching inputs with a handful of queries (no per-candidate round trips) and ranks them with the
// pure scorer. Interactions: inquiries per (buyer, company) and showcase views per (buyer user, company).
import type { Prisma } from '~/generated/prisma/client'
import { pickLocalized } from '~/domain/catalog/translations'
import { getPrisma } from '~/domain/db.server'
import {
  rankBuyersForExporter,
  rankExportersForBuyer,
  type InteractionCounts,
  type MatchBuyer,
  type MatchCaution,
  type MatchExporter,
  type MatchReason,
} from './match-score.ts'

const buyerSelect = {
  id: true,
  userId: true,
  companyName: true,
  country: true,
  interests: true,
  hsChapters: true,
  yearlyVolume: true,
  languages: true,
  timeZone: true,
} satisfies Prisma.BuyerProfileSelect

const exporterSelect = {
  id: true,
  slug: true,
  name: true,
  nameI18n: true,
  city: true,
  region: true,
  industry: true,
  timeZone: true,
  exportMarkets: true,
  languages: true,
  products: {
    where: { status: 'PUBLISHED' },
    select: { id: true, hsCode: true, moq: true, minPriceUsdCents: true, targetMarkets: true, category: { select: { slug: true } } },
  },
  certifications: { select: { id: true, type: true, market: true, validFrom: true, validUntil: true } },
} satisfies Prisma.ExporterCompanySelect

type BuyerRow = Prisma.BuyerProfileGetPayload<{ select: typeof buyerSelect }>
type ExporterRow = Prisma.ExporterCompanyGetPayload<{ select: typeof exporterSelect }>

export function toMatchBuyer(row: BuyerRow): MatchBuyer {
  return {
    id: row.id,
    country: row.country,
    interests: row.interests,
    hsChapters: row.hsChapters,
    yearlyVolume: row.yearlyVolume,
    languages: row.languages,
  }
}

export function toMatchExporter(row: ExporterRow): MatchExporter {
  return {
    id: row.id,
    exportMarkets: row.exportMarkets,
    languages: row.languages,
    products: row.products.map((product) => ({
      id: product.id,
      categorySlug: product.category.slug,
      hsCode: product.hsCode,
      moq: product.moq,
      unitPriceUsdCents: product.minPriceUsdCents,
      targetMarkets: product.targetMarkets,
    })),
    certifications: row.certifications,
  }
}

/** Buyers (with match inputs) by profile id; all buyers when `ids` is omitted. */
export async function loadMatchBuyers(ids?: readonly string[]) {
  const prisma = await getPrisma()
  return prisma.buyerProfile.findMany({ where: ids ? { id: { in: [...ids] } } : {}, select: buyerSelect, orderBy: { id: 'asc' } })
}

/** Exporter companies with published products and certifications; all of them when `ids` is omitted. */
export async function loadMatchExporters(ids?: readonly string[]) {
  const prisma = await getPrisma()
  return prisma.exporterCompany.findMany({ where: ids ? { id: { in: [...ids] } } : {}, select: exporterSelect, orderBy: { id: 'asc' } })
}

const pairKey = (buyerId: string, companyId: string) => `${buyerId}|${companyId}`

/** Inquiry and view counts per (buyer profile, company) for the given side, in two queries. */
async function loadInteractions(where: { buyerId: string } | { companyId: string }): Promise<Map<string, InteractionCounts>> {
  const prisma = await getPrisma()
  const [inquiries, views] = await Promise.all([
    prisma.inquiry.groupBy({ by: ['buyerId', 'companyId'], where, _count: { _all: true } }),
    prisma.liveSessionView.findMany({
      where: {
        userId: { not: null },
        ...('buyerId' in where
          ? { user: { buyerProfile: { id: where.buyerId } } }
          : { session: { companyId: where.companyId }, user: { buyerProfile: { isNot: null } } }),
      },
      select: { session: { select: { companyId: true } }, user: { select: { buyerProfile: { select: { id: true } } } } },
      take: 20_000,
    }),
  ])
  const counts = new Map<string, InteractionCounts>()
  const entry = (key: string) => {
    let value = counts.get(key)
    if (!value) counts.set(key, (value = { views: 0, inquiries: 0 }))
    return value
  }
  for (const row of inquiries) entry(pairKey(row.buyerId, row.companyId)).inquiries += row._count._all
  for (const view of views) {
    const buyerId = view.user?.buyerProfile?.id
    if (buyerId) entry(pairKey(buyerId, view.session.companyId)).views += 1
  }
  return counts
}

export type ExporterRecommendation = {
  companyId: string
  slug: string
  name: string
  location: string
  industry: string
  timeZone: string
  score: number
  reasons: MatchReason[]
  cautions: MatchCaution[]
}

export type BuyerRecommendation = {
  buyerId: string
  companyName: string
  country: string
  timeZone: string
  score: number
  reasons: MatchReason[]
  cautions: MatchCaution[]
}

/** Best exporters for a buyer profile (4 queries whatever the number of exporters). */
export async function recommendExportersForBuyer(
  buyerProfileId: string,
  { now, locale, limit = 12 }: { now: Date; locale: string; limit?: number },
): Promise<ExporterRecommendation[]> {
  const [buyers, exporters, interactions] = await Promise.all([
    loadMatchBuyers([buyerProfileId]),
    loadMatchExporters(),
    loadInteractions({ buyerId: buyerProfileId }),
  ])
  const buyer = buyers[0]
  if (!buyer) return []
  const byId = new Map(exporters.map((row) => [row.id, row]))
  const ranked = rankExportersForBuyer(toMatchBuyer(buyer), exporters.map(toMatchExporter), {
    now,
    limit,
    interactions: (buyerId, exporterId) => interactions.get(pairKey(buyerId, exporterId)),
  })
  return ranked.flatMap((result) => {
    const row = byId.get(result.exporterId)
    if (!row) return [] // not reached: ranked comes from these rows
    return {
      companyId: row.id,
      slug: row.slug,
      name: pickLocalized(row.name, row.nameI18n, locale),
      location: [row.city, row.region].filter(Boolean).join(', '),
      industry: row.industry,
      timeZone: row.timeZone,
      score: result.score,
      reasons: result.reasons,
      cautions: result.cautions,
    }
  })
}

/** Best buyers for an exporter company. */
export async function recommendBuyersForExporter(companyId: string, { now, limit = 12 }: { now: Date; limit?: number }): Promise<BuyerRecommendation[]> {
  const [exporters, buyers, interactions] = await Promise.all([loadMatchExporters([companyId]), loadMatchBuyers(), loadInteractions({ companyId })])
  const exporter = exporters[0]
  if (!exporter) return []
  const byId = new Map(buyers.map((row) => [row.id, row]))
  const ranked = rankBuyersForExporter(toMatchExporter(exporter), buyers.map(toMatchBuyer), {
    now,
    limit,
    interactions: (buyerId, exporterId) => interactions.get(pairKey(buyerId, exporterId)),
  })
  return ranked.flatMap((result) => {
    const row = byId.get(result.buyerId)
    if (!row) return [] // not reached: ranked comes from these rows
    return {
      buyerId: row.id,
      companyName: row.companyName,
      country: row.country,
      timeZone: row.timeZone,
      score: result.score,
      reasons: result.reasons,
      cautions: result.cautions,
    }
  })
}

/** Category slug → name in the reader's language, for reason texts. */
export async function categoryNames(locale: string): Promise<Record<string, string>> {
  const prisma = await getPrisma()
  const rows = await prisma.category.findMany({ select: { slug: true, nameI18n: true } })
  return Object.fromEntries(rows.map((row) => [row.slug, pickLocalized(row.slug, row.nameI18n, locale)]))
}
