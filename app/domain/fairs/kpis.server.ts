/**
 * Export KPIs of one trade fair — the definitions the organizer reports to public agencies.
 *
 * Every figure is an SQL aggregate over the fair's rows (one round trip per block, no per-row loops):
 *
 * - Registered buyers / exporters: FairRegistration rows of the fair, APPROVED (PENDING shown beside),
 *   by country — the buyer profile's country; exporters are Korean companies (country KR).
 * - Live sessions: the fair's approved showcases with their exact statistics (unique viewers, peak
 *   concurrency, watch seconds — maintained from LiveSessionView rows) and chat activity (messages not
 *   removed by moderators).
 * - Replays, kept apart from live: per showcase its recording's unique replay viewers (distinct accounts and
 *   guest browsers that watched at least a second) and replay watch seconds (maintained from ReplayView
 *   rows, each heartbeat capped by the wall clock); a replay removed since keeps the views it had. The
 *   funnel's viewers stay the live ones.
 * - Consultation: one export consultation with the fair = an Inquiry whose fairId is the fair (any status)
 *   or a Meeting of the fair that was HELD. Its date is the inquiry's creation or the meeting's start.
 * - Consultation value (USD): the recorded consultation values (consultationValueUsdCents), 0 when none.
 * - Contract value (USD): signed inquiries' contract values (outcome stage CONTRACT_SIGNED or SHIPPED, see
 *   docs/outcome-stages.md) + held meetings' contract values. A signed inquiry
 *   without a recorded contract value counts its latest quote (unit price × quantity, in the quote's
 *   currency) converted to USD with the ExchangeRate valid at the deal's date (the latest rate whose
 *   validFrom ≤ contractSignedAt); a missing rate leaves it out and is counted as `unconverted`.
 * - HS chapter: the first two digits of the inquired product's HS code; meetings have no product ("—").
 * - Funnel: viewers (sum of the sessions' unique viewers) → inquiries → meetings requested (all
 *   meetings of the fair) → won (signed inquiries + meetings with a contract value above 0).
 * - Outcome stages (outcomeFunnel): consultation → quote → sample → LOI → contract signed → shipped, counts and USD
 *   values per stage, with "being pursued" (expected) kept apart from "signed" and "shipped" (docs/outcome-stages.md).
 */
import { Prisma } from '~/generated/prisma/client'
import { PRICE_CURRENCIES } from '~/domain/catalog/product-rules'
import { pickLocalized } from '~/domain/catalog/translations'
import { getPrisma } from '~/domain/db.server'
import { currencyFractionDigits } from '~/lib/money'
import { dayInZone } from '~/lib/time'
import { contentLanguageOf } from '~/lib/languages'
import { outcomeFunnel } from './outcome-funnel.server'

const num = (value: bigint | number | null | undefined) => Number(value ?? 0)

/** Minor-unit digits of every currency a quote may use, as an inline SQL table. */
function digitsTable() {
  return Prisma.join(
    PRICE_CURRENCIES.map((currency) => Prisma.sql`(${currency}, ${currencyFractionDigits(currency)}::int)`),
    ', ',
  )
}

/**
 * The consultations of a fair (or of an exporter, in one fair or overall) as a CTE named `consultations`
 * (see the definitions above).
 */
export function consultationsCte(scope: string | { fairId?: string | null; companyId?: string }) {
  const { fairId = null, companyId } = typeof scope === 'string' ? { fairId: scope } : scope
  const where = (alias: 'i' | 'm') =>
    Prisma.join(
      [
        fairId ? Prisma.sql`${Prisma.raw(alias)}."fairId" = ${fairId}` : Prisma.sql`TRUE`,
        companyId ? Prisma.sql`${Prisma.raw(alias)}."companyId" = ${companyId}` : Prisma.sql`TRUE`,
      ],
      ' AND ',
    )
  return Prisma.sql`
    WITH digits("currency", "digits") AS (VALUES ${digitsTable()}),
    -- Only signed inquiries without a recorded contract value look up their latest quote and its dated rate
    -- (kept apart so the planner costs the lookup for those few rows, not for every inquiry).
    quoted AS (
      SELECT i."id", q."usdCents"
      FROM "Inquiry" i
      LEFT JOIN LATERAL (
        SELECT ROUND(qq."unitPriceMinor"::numeric * qq."quantity"
                     * (CASE WHEN qq."currency" = 'USD' THEN 1 ELSE r."usdPerUnit" END)
                     * 100 / (10::numeric ^ COALESCE(d."digits", 2)))::bigint AS "usdCents"
        FROM "Quote" qq
        LEFT JOIN digits d ON d."currency" = qq."currency"
        LEFT JOIN LATERAL (
          SELECT er."usdPerUnit" FROM "ExchangeRate" er
          WHERE er."currency" = qq."currency" AND er."validFrom" <= COALESCE(i."contractSignedAt", i."updatedAt")
          ORDER BY er."validFrom" DESC LIMIT 1
        ) r ON true
        WHERE qq."inquiryId" = i."id"
        ORDER BY qq."createdAt" DESC LIMIT 1
      ) q ON true
      WHERE ${where('i')} AND i."status" IN ('CONTRACT_SIGNED', 'SHIPPED') AND i."contractValueUsdCents" IS NULL
    ),
    consultations AS (
      SELECT 'INQUIRY'::text AS "kind", i."id", i."createdAt" AS "at", i."companyId", i."buyerId", i."productId",
        i."status"::text AS "status",
        COALESCE(i."consultationValueUsdCents", 0)::bigint AS "consultationUsdCents",
        (CASE WHEN i."status" IN ('CONTRACT_SIGNED', 'SHIPPED') THEN COALESCE(i."contractValueUsdCents", q."usdCents", 0) ELSE 0 END)::bigint AS "contractUsdCents",
        (q."id" IS NOT NULL AND q."usdCents" IS NULL) AS "unconverted"
      FROM "Inquiry" i
      LEFT JOIN quoted q ON q."id" = i."id"
      WHERE ${where('i')}
      UNION ALL
      SELECT 'MEETING'::text, m."id", m."startsAt", m."companyId", m."buyerId", NULL, m."status"::text,
        COALESCE(m."consultationValueUsdCents", 0)::bigint, COALESCE(m."contractValueUsdCents", 0)::bigint, false
      FROM "Meeting" m
      WHERE ${where('m')} AND m."status" = 'HELD'
    )`
}

type Breakdown = {
  key: string
  label: string
  consultations: number
  inquiries: number
  meetings: number
  consultationUsdCents: number
  contractUsdCents: number
}

export async function consultationBreakdowns(fairId: string, locale: string) {
  const prisma = await getPrisma()
  const rows = await prisma.$queryRaw<
    Array<{
      gCompany: number
      gCountry: number
      gHs: number
      companyId: string | null
      country: string | null
      hsChapter: string | null
      consultations: number
      inquiries: number
      meetings: number
      consultationUsdCents: bigint | null
      contractUsdCents: bigint | null
      unconverted: number
    }>
  >`${consultationsCte(fairId)}
    SELECT GROUPING(c."companyId")::int AS "gCompany", GROUPING(b."country")::int AS "gCountry", GROUPING(LEFT(p."hsCode", 2))::int AS "gHs",
      c."companyId", b."country", LEFT(p."hsCode", 2) AS "hsChapter",
      count(*)::int AS "consultations",
      (count(*) FILTER (WHERE c."kind" = 'INQUIRY'))::int AS "inquiries",
      (count(*) FILTER (WHERE c."kind" = 'MEETING'))::int AS "meetings",
      sum(c."consultationUsdCents")::bigint AS "consultationUsdCents",
      sum(c."contractUsdCents")::bigint AS "contractUsdCents",
      (count(*) FILTER (WHERE c."unconverted"))::int AS "unconverted"
    FROM consultations c
    JOIN "BuyerProfile" b ON b."id" = c."buyerId"
    LEFT JOIN "Product" p ON p."id" = c."productId"
    GROUP BY GROUPING SETS ((c."companyId"), (b."country"), (LEFT(p."hsCode", 2)), ())`
  const companyIds = rows.flatMap((r) => (r.gCompany === 0 && r.companyId ? [r.companyId] : []))
  const companies = await prisma.exporterCompany.findMany({ where: { id: { in: companyIds } }, select: { id: true, name: true, nameI18n: true } })
  const companyName = new Map(companies.map((c) => [c.id, pickLocalized(c.name, c.nameI18n, locale)]))
  const toBreakdown = (row: (typeof rows)[number], key: string, label: string): Breakdown => ({
    key,
    label,
    consultations: row.consultations,
    inquiries: row.inquiries,
    meetings: row.meetings,
    consultationUsdCents: num(row.consultationUsdCents),
    contractUsdCents: num(row.contractUsdCents),
  })
  const byValue = (a: Breakdown, b: Breakdown) =>
    b.contractUsdCents - a.contractUsdCents || b.consultationUsdCents - a.consultationUsdCents || a.label.localeCompare(b.label, locale)
  const total = rows.find((r) => r.gCompany === 1 && r.gCountry === 1 && r.gHs === 1)
  return {
    totals: {
      consultations: total?.consultations ?? 0,
      inquiries: total?.inquiries ?? 0,
      heldMeetings: total?.meetings ?? 0,
      consultationUsdCents: num(total?.consultationUsdCents),
      contractUsdCents: num(total?.contractUsdCents),
      unconverted: total?.unconverted ?? 0,
    },
    byExporter: rows
      .filter((r) => r.gCompany === 0)
      .map((r) => toBreakdown(r, r.companyId ?? '', companyName.get(r.companyId ?? '') ?? '—'))
      .sort(byValue),
    byBuyerCountry: rows
      .filter((r) => r.gCountry === 0)
      .map((r) => toBreakdown(r, r.country ?? '', r.country ?? '—'))
      .sort(byValue),
    byHsChapter: rows
      .filter((r) => r.gHs === 0)
      .map((r) => toBreakdown(r, r.hsChapter ?? '', r.hsChapter ?? '—'))
      .sort(byValue),
  }
}

export async function registrationsByCountry(fairId: string) {
  const prisma = await getPrisma()
  const rows = await prisma.$queryRaw<Array<{ kind: 'EXHIBITOR' | 'BUYER'; country: string; approved: number; pending: number }>>`
    SELECT r."kind"::text AS "kind", CASE WHEN r."kind" = 'BUYER' THEN COALESCE(bp."country", '—') ELSE 'KR' END AS "country",
      (count(*) FILTER (WHERE r."status" = 'APPROVED'))::int AS "approved",
      (count(*) FILTER (WHERE r."status" = 'PENDING'))::int AS "pending"
    FROM "FairRegistration" r
    LEFT JOIN "BuyerProfile" bp ON bp."userId" = r."userId"
    WHERE r."fairId" = ${fairId}
    GROUP BY 1, 2
    ORDER BY 3 DESC, 2`
  return rows
}

export const TOP_SESSIONS = 20

export async function sessionStats(fairId: string, locale: string) {
  const prisma = await getPrisma()
  const rows = await prisma.$queryRaw<
    Array<{
      id: string
      title: string
      titleI18n: unknown
      company: string
      startsAt: Date
      uniqueViewers: number
      peakViewers: number
      watchSeconds: bigint
      replayUniqueViewers: number
      replayWatchSeconds: bigint
      chatMessages: number
      sessions: number
      replays: number
      totalReplayUniqueViewers: bigint | null
      totalReplayWatchSeconds: bigint | null
      totalUniqueViewers: bigint | null
      maxPeakViewers: number | null
      totalWatchSeconds: bigint | null
      totalChatMessages: bigint | null
    }>
  >`
    WITH chat AS (
      SELECT cm."sessionId", count(*)::int AS "n"
      FROM "ChatMessage" cm JOIN "LiveSession" s2 ON s2."id" = cm."sessionId"
      WHERE s2."fairId" = ${fairId} AND cm."removedAt" IS NULL
      GROUP BY cm."sessionId"
    )
    SELECT s."id", s."title", s."titleI18n", co."name" AS "company", s."scheduledStartAt" AS "startsAt",
      s."uniqueViewers", s."peakViewers", s."watchSeconds", COALESCE(chat."n", 0)::int AS "chatMessages",
      COALESCE(rec."uniqueViewers", 0)::int AS "replayUniqueViewers", COALESCE(rec."watchSeconds", 0)::bigint AS "replayWatchSeconds",
      (count(*) OVER ())::int AS "sessions",
      (count(rec."id") FILTER (WHERE rec."status" = 'READY') OVER ())::int AS "replays",
      sum(COALESCE(rec."uniqueViewers", 0)) OVER () AS "totalReplayUniqueViewers",
      sum(COALESCE(rec."watchSeconds", 0)) OVER () AS "totalReplayWatchSeconds",
      sum(s."uniqueViewers") OVER () AS "totalUniqueViewers",
      max(s."peakViewers") OVER () AS "maxPeakViewers",
      sum(s."watchSeconds") OVER () AS "totalWatchSeconds",
      sum(COALESCE(chat."n", 0)) OVER () AS "totalChatMessages"
    FROM "LiveSession" s
    JOIN "ExporterCompany" co ON co."id" = s."companyId"
    LEFT JOIN chat ON chat."sessionId" = s."id"
    LEFT JOIN "Recording" rec ON rec."sessionId" = s."id"
    WHERE s."fairId" = ${fairId} AND s."approvedAt" IS NOT NULL
    ORDER BY s."uniqueViewers" DESC, s."scheduledStartAt" ASC, s."id"
    LIMIT ${TOP_SESSIONS}`
  const first = rows[0]
  return {
    totals: {
      sessions: first?.sessions ?? 0,
      uniqueViewers: num(first?.totalUniqueViewers),
      peakViewers: first?.maxPeakViewers ?? 0,
      watchSeconds: num(first?.totalWatchSeconds),
      chatMessages: num(first?.totalChatMessages),
      replays: first?.replays ?? 0,
      replayUniqueViewers: num(first?.totalReplayUniqueViewers),
      replayWatchSeconds: num(first?.totalReplayWatchSeconds),
    },
    top: rows.map((r) => ({
      id: r.id,
      title: pickLocalized(r.title, r.titleI18n, locale),
      company: r.company,
      startsAt: r.startsAt.toISOString(),
      uniqueViewers: r.uniqueViewers,
      peakViewers: r.peakViewers,
      watchSeconds: num(r.watchSeconds),
      replayUniqueViewers: r.replayUniqueViewers,
      replayWatchSeconds: num(r.replayWatchSeconds),
      chatMessages: r.chatMessages,
    })),
  }
}

export async function pipelineCounts(fairId: string) {
  const prisma = await getPrisma()
  const rows = await prisma.$queryRaw<Array<{ source: 'INQUIRY' | 'MEETING'; status: string; count: number; withContract: number }>>`
    SELECT 'INQUIRY' AS "source", i."status"::text AS "status", count(*)::int AS "count", 0 AS "withContract"
    FROM "Inquiry" i WHERE i."fairId" = ${fairId} GROUP BY i."status"
    UNION ALL
    SELECT 'MEETING', m."status"::text, count(*)::int, (count(*) FILTER (WHERE m."contractValueUsdCents" > 0))::int
    FROM "Meeting" m WHERE m."fairId" = ${fairId} GROUP BY m."status"`
  const inquiriesByStatus = rows.filter((r) => r.source === 'INQUIRY').map((r) => ({ status: r.status, count: r.count }))
  const meetingsByStatus = rows.filter((r) => r.source === 'MEETING').map((r) => ({ status: r.status, count: r.count }))
  const sum = (list: Array<{ count: number }>) => list.reduce((total, r) => total + r.count, 0)
  return {
    inquiriesByStatus,
    meetingsByStatus,
    inquiries: sum(inquiriesByStatus),
    meetingsRequested: sum(meetingsByStatus),
    meetingsHeld: meetingsByStatus.find((r) => r.status === 'HELD')?.count ?? 0,
    wonInquiries: inquiriesByStatus.filter((r) => r.status === 'CONTRACT_SIGNED' || r.status === 'SHIPPED').reduce((total, r) => total + r.count, 0),
    meetingsWithContract: rows.filter((r) => r.source === 'MEETING').reduce((total, r) => total + r.withContract, 0),
  }
}

/** All KPI blocks of the organizer's fair dashboard. */
export async function getFairKpis(fairId: string, { locale }: { locale: string }) {
  const [consultations, registrations, sessions, pipeline, outcomes] = await Promise.all([
    consultationBreakdowns(fairId, locale),
    registrationsByCountry(fairId),
    sessionStats(fairId, locale),
    pipelineCounts(fairId),
    outcomeFunnel({ fairId }),
  ])
  return {
    registrations: {
      buyers: registrations.filter((r) => r.kind === 'BUYER').map(({ country, approved, pending }) => ({ country, approved, pending })),
      exporters: registrations.filter((r) => r.kind === 'EXHIBITOR').map(({ country, approved, pending }) => ({ country, approved, pending })),
      buyersApproved: registrations.filter((r) => r.kind === 'BUYER').reduce((t, r) => t + r.approved, 0),
      exportersApproved: registrations.filter((r) => r.kind === 'EXHIBITOR').reduce((t, r) => t + r.approved, 0),
    },
    sessions,
    pipeline,
    consultations,
    outcomes,
    funnel: [
      { stage: 'viewers', count: sessions.totals.uniqueViewers },
      { stage: 'inquiries', count: pipeline.inquiries },
      { stage: 'meetings', count: pipeline.meetingsRequested },
      { stage: 'won', count: pipeline.wonInquiries + pipeline.meetingsWithContract },
    ],
  }
}
/** One row per consultation, in the layout of an export agency's report (for CSV and .xlsx). */
export async function listConsultationRows(fairId: string, { locale, timeZone }: { locale: string; timeZone: string }) {
  const prisma = await getPrisma()
  const rows = await prisma.$queryRaw<
    Array<{
      kind: string
      at: Date
      exporter: string
      exporterI18n: unknown
      buyer: string
      country: string
      hsCode: string | null
      productName: string | null
      consultationUsdCents: bigint
      contractUsdCents: bigint
      pursuedUsdCents: bigint
      shippedUsdCents: bigint
      status: string
    }>
  >`${consultationsCte(fairId)}
    SELECT c."kind", c."at", co."name" AS "exporter", co."nameI18n" AS "exporterI18n", b."companyName" AS "buyer", b."country",
      p."hsCode", COALESCE(pt."name", pten."name") AS "productName", c."consultationUsdCents", c."contractUsdCents", c."status",
      -- Outcome stages (outcome-funnel.server.ts): the value still being pursued, and the shipped value.
      (CASE WHEN c."kind" = 'MEETING' THEN (CASE WHEN c."contractUsdCents" = 0 THEN COALESCE(m."expectedContractValueUsdCents", 0) ELSE 0 END)
            WHEN c."status" IN ('QUOTE', 'SAMPLE') THEN COALESCE(i."quoteValueUsdCents", 0)
            WHEN c."status" = 'LOI' THEN COALESCE(i."loiValueUsdCents", i."quoteValueUsdCents", 0)
            ELSE 0 END)::bigint AS "pursuedUsdCents",
      (CASE WHEN c."kind" = 'INQUIRY' AND c."status" = 'SHIPPED' THEN COALESCE(i."shippedValueUsdCents", c."contractUsdCents") ELSE 0 END)::bigint AS "shippedUsdCents"
    FROM consultations c
    LEFT JOIN "Inquiry" i ON c."kind" = 'INQUIRY' AND i."id" = c."id"
    LEFT JOIN "Meeting" m ON c."kind" = 'MEETING' AND m."id" = c."id"
    JOIN "ExporterCompany" co ON co."id" = c."companyId"
    JOIN "BuyerProfile" b ON b."id" = c."buyerId"
    LEFT JOIN "Product" p ON p."id" = c."productId"
    LEFT JOIN "ProductTranslation" pt ON pt."productId" = p."id" AND pt."locale" = ${contentLanguageOf(locale)}
    LEFT JOIN "ProductTranslation" pten ON pten."productId" = p."id" AND pten."locale" = 'en'
    ORDER BY c."at", c."id"`
  return rows.map((r) => ({
    kind: r.kind as 'INQUIRY' | 'MEETING',
    date: dayInZone(r.at, timeZone),
    exporter: pickLocalized(r.exporter, r.exporterI18n, locale),
    buyer: r.buyer,
    buyerCountry: r.country,
    product: r.productName ?? '',
    hsCode: r.hsCode ?? '',
    consultationUsdCents: num(r.consultationUsdCents),
    contractUsdCents: num(r.contractUsdCents),
    pursuedUsdCents: num(r.pursuedUsdCents),
    shippedUsdCents: num(r.shippedUsdCents),
    status: r.status,
  }))
}
export type ConsultationRow = Awaited<ReturnType<typeof listConsultationRows>>[number]
