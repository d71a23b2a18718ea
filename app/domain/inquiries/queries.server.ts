import { Prisma } from '~/generated/prisma/client'
import { pickLocalized, pickTranslation } from '~/domain/catalog/translations'
import { getPrisma } from '~/domain/db.server'
import { toVerifiedBadge, VERIFIED_BADGE_SELECT } from '~/domain/buyers/verification.server'
import { DEAL_STAGES, STATUS_TIMESTAMP, stageValueColumn, type DealStage, type InquiryStatusName } from './pipeline'

/** `verifiedOnly`/`verifiedFirst`: the exporter's filter and priority for verified buyers (docs/verified-buyers.md). */
export type InboxFilter = { status?: InquiryStatusName; unreadOnly?: boolean; verifiedOnly?: boolean; verifiedFirst?: boolean }

/**
 * The exporter's inbox or the buyer's "my inquiries": newest activity first, with unread counts
 * (messages and status changes from the other side since this side last read the thread).
 */
export async function listInquiries(owner: { kind: 'exporter'; companyId: string } | { kind: 'buyer'; buyerId: string }, filter: InboxFilter, locale: string) {
  const prisma = await getPrisma()
  const ownerClause = owner.kind === 'exporter' ? Prisma.sql`i."companyId" = ${owner.companyId}` : Prisma.sql`i."buyerId" = ${owner.buyerId}`
  const readColumn = owner.kind === 'exporter' ? Prisma.sql`i."exporterLastReadAt"` : Prisma.sql`i."buyerLastReadAt"`
  // The buyer's own user writes on the buyer side; anyone else writes on the exporter side.
  const fromOtherSide = owner.kind === 'exporter' ? Prisma.sql`= bp."userId"` : Prisma.sql`IS DISTINCT FROM bp."userId"`
  const rows = await prisma.$queryRaw<Array<{ id: string; unread: bigint; lastActivityAt: Date }>>`
    SELECT i."id",
      (SELECT count(*) FROM "InquiryMessage" m
        WHERE m."inquiryId" = i."id" AND m."authorId" ${fromOtherSide}
          AND m."createdAt" > coalesce(${readColumn}, 'epoch'::timestamp))
      + (SELECT count(*) FROM "InquiryStatusEvent" e
        WHERE e."inquiryId" = i."id" AND e."actorId" ${fromOtherSide}
          AND e."createdAt" > coalesce(${readColumn}, 'epoch'::timestamp)) AS unread,
      greatest(i."createdAt",
        (SELECT max(m."createdAt") FROM "InquiryMessage" m WHERE m."inquiryId" = i."id"),
        (SELECT max(e."createdAt") FROM "InquiryStatusEvent" e WHERE e."inquiryId" = i."id")) AS "lastActivityAt"
    FROM "Inquiry" i JOIN "BuyerProfile" bp ON bp."id" = i."buyerId"
    WHERE ${ownerClause} ${filter.status ? Prisma.sql`AND i."status" = ${filter.status}::"InquiryStatus"` : Prisma.empty}
      ${filter.verifiedOnly ? Prisma.sql`AND bp."currentVerificationId" IS NOT NULL` : Prisma.empty}
    ORDER BY ${filter.verifiedFirst ? Prisma.sql`(bp."currentVerificationId" IS NOT NULL) DESC,` : Prisma.empty} "lastActivityAt" DESC
    LIMIT 200`
  const visible = filter.unreadOnly ? rows.filter((row) => row.unread > 0n) : rows
  const details = await prisma.inquiry.findMany({
    where: { id: { in: visible.map((row) => row.id) } },
    select: {
      id: true,
      status: true,
      quantity: true,
      unit: true,
      destinationCountry: true,
      liveSessionId: true,
      buyer: { select: { companyName: true, country: true, ...VERIFIED_BADGE_SELECT } },
      company: { select: { name: true, nameI18n: true } },
      product: { select: { id: true, translations: { select: { locale: true, name: true } } } },
    },
  })
  const byId = new Map(details.map((detail) => [detail.id, detail]))
  const items = visible.flatMap((row) => {
    const detail = byId.get(row.id)
    if (!detail) return []
    return [
      {
        id: detail.id,
        status: detail.status,
        quantity: detail.quantity,
        unit: detail.unit,
        destinationCountry: detail.destinationCountry,
        fromLiveSession: detail.liveSessionId !== null,
        buyerCompany: detail.buyer.companyName,
        buyerCountry: detail.buyer.country,
        buyerVerified: toVerifiedBadge(detail.buyer),
        companyName: pickLocalized(detail.company.name, detail.company.nameI18n, locale),
        productName: detail.product ? (pickTranslation(detail.product.translations, locale)?.name ?? null) : null,
        unread: Number(row.unread),
        lastActivityAt: row.lastActivityAt.toISOString(),
      },
    ]
  })
  const statusCounts = await prisma.inquiry.groupBy({
    by: ['status'],
    where: owner.kind === 'exporter' ? { companyId: owner.companyId } : { buyerId: owner.buyerId },
    _count: { _all: true },
  })
  return {
    items,
    unreadTotal: rows.reduce((sum, row) => sum + (row.unread > 0n ? 1 : 0), 0),
    statusCounts: Object.fromEntries(statusCounts.map((row) => [row.status, row._count._all])) as Partial<Record<InquiryStatusName, number>>,
  }
}

/** Everything the thread page shows. Access must be checked before calling this. */
export async function getInquiryThread(inquiryId: string, locale: string) {
  const prisma = await getPrisma()
  const inquiry = await prisma.inquiry.findUniqueOrThrow({
    where: { id: inquiryId },
    select: {
      id: true,
      status: true,
      quantity: true,
      unit: true,
      targetPriceMinor: true,
      targetCurrency: true,
      incoterm: true,
      destinationCountry: true,
      certificationsNeeded: true,
      consultationValueUsdCents: true,
      quoteValueUsdCents: true,
      loiValueUsdCents: true,
      contractValueUsdCents: true,
      shippedValueUsdCents: true,
      quotedAt: true,
      sampleSentAt: true,
      loiAt: true,
      contractSignedAt: true,
      shippedAt: true,
      lostAt: true,
      lostReason: true,
      createdAt: true,
      liveSession: { select: { id: true, title: true } },
      fair: { select: { name: true, slug: true } },
      buyer: { select: { companyName: true, country: true, timeZone: true, user: { select: { name: true } }, ...VERIFIED_BADGE_SELECT } },
      company: { select: { slug: true, name: true, nameI18n: true, timeZone: true } },
      product: { select: { id: true, hsCode: true, translations: { select: { locale: true, name: true } } } },
      messages: { orderBy: { createdAt: 'asc' }, select: { id: true, body: true, createdAt: true, author: { select: { id: true, name: true, role: true } } } },
      quotes: {
        orderBy: { createdAt: 'desc' },
        select: { id: true, unitPriceMinor: true, currency: true, quantity: true, incoterm: true, validUntil: true, terms: true, createdAt: true },
      },
      statusEvents: { orderBy: { createdAt: 'asc' }, select: { id: true, status: true, createdAt: true } },
    },
  })
  // Messages and quotes an export agency sent for the company show "agency X for company Y" (ADR 026).
  const agencyTargets = [...inquiry.messages.map((m) => m.id), ...inquiry.quotes.map((q) => q.id)]
  const agencyActions =
    agencyTargets.length === 0
      ? []
      : await prisma.agencyAction.findMany({
          where: { targetType: { in: ['inquiry-message', 'quote'] }, targetId: { in: agencyTargets } },
          select: { targetId: true, agency: { select: { name: true, nameI18n: true } } },
        })
  const agencyOf = new Map(agencyActions.map((a) => [a.targetId, pickLocalized(a.agency.name, a.agency.nameI18n, locale)]))
  return {
    ...inquiry,
    buyer: { companyName: inquiry.buyer.companyName, country: inquiry.buyer.country, timeZone: inquiry.buyer.timeZone, user: inquiry.buyer.user },
    buyerVerified: toVerifiedBadge(inquiry.buyer),
    createdAt: inquiry.createdAt.toISOString(),
    consultationValueUsdCents: inquiry.consultationValueUsdCents === null ? null : Number(inquiry.consultationValueUsdCents),
    contractValueUsdCents: inquiry.contractValueUsdCents === null ? null : Number(inquiry.contractValueUsdCents),
    companyName: pickLocalized(inquiry.company.name, inquiry.company.nameI18n, locale),
    productName: inquiry.product ? (pickTranslation(inquiry.product.translations, locale)?.name ?? null) : null,
    messages: inquiry.messages.map((m) => ({ ...m, createdAt: m.createdAt.toISOString(), agency: agencyOf.get(m.id) ?? null })),
    quotes: inquiry.quotes.map((q) => ({
      ...q,
      validUntil: q.validUntil.toISOString(),
      createdAt: q.createdAt.toISOString(),
      agency: agencyOf.get(q.id) ?? null,
    })),
    statusEvents: inquiry.statusEvents.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
    quoteValueUsdCents: inquiry.quoteValueUsdCents === null ? null : Number(inquiry.quoteValueUsdCents),
    loiValueUsdCents: inquiry.loiValueUsdCents === null ? null : Number(inquiry.loiValueUsdCents),
    shippedValueUsdCents: inquiry.shippedValueUsdCents === null ? null : Number(inquiry.shippedValueUsdCents),
    stages: stageTimeline(inquiry),
  }
}

/** The outcome stages the deal reached, in order, each with its date and USD value (when it has one). */
function stageTimeline(inquiry: { createdAt: Date; consultationValueUsdCents: bigint | null } & Record<string, unknown>) {
  const dated = [
    { stage: 'CONSULTATION' as DealStage, at: inquiry.createdAt, value: inquiry.consultationValueUsdCents },
    ...DEAL_STAGES.flatMap((stage) => {
      const stampColumn = (STATUS_TIMESTAMP as Partial<Record<DealStage, string>>)[stage]
      const at = stampColumn ? (inquiry[stampColumn] as Date | null | undefined) : null
      if (!at) return []
      const valueColumn = stageValueColumn(stage)
      return [{ stage, at, value: valueColumn ? ((inquiry[valueColumn] as bigint | null | undefined) ?? null) : null }]
    }),
  ]
  return dated.map((s) => ({ stage: s.stage, at: s.at.toISOString(), valueUsdCents: s.value === null ? null : Number(s.value) }))
}
