/**
 * The outcome-stage funnel of a fair, of an exporter, or of an exporter in one fair (docs/outcome-stages.md).
 *
 * A deal is a consultation as the fair KPIs count it (consultationsCte): an inquiry of the scope, or a HELD meeting.
 * - An inquiry is at its outcome stage (Inquiry.status). It has reached a stage when it is at it or further, or
 *   when that stage's date (or a later stage's) is set — so a LOST deal still counts where it got to.
 * - A held meeting is at CONSULTATION, or at CONTRACT_SIGNED when its contract value is above 0.
 * - Value of the deals now at a stage: CONSULTATION their consultation values; QUOTE and SAMPLE the quote value;
 *   LOI the letter's value (else the quote's); CONTRACT_SIGNED the contract value (consultationsCte's, so a
 *   signed inquiry without one counts its latest quote converted at the signing date's rate); SHIPPED the shipped
 *   value (else the contract's).
 * - Being pursued (expected, not signed): the deals now at QUOTE, SAMPLE or LOI with those values, plus held
 *   meetings without a contract whose expected contract value is above 0.
 * - Signed: the deals now at CONTRACT_SIGNED or SHIPPED, with their contract values. Shipped: the deals now at
 *   SHIPPED, with their shipped values. Lost: the deals now at LOST (they add to no value).
 * One SQL aggregate, one round trip.
 */
import { FUNNEL_STAGES, type DealStage } from '~/domain/inquiries/pipeline'
import { getPrisma } from '~/domain/db.server'
import { consultationsCte } from './kpis.server'

const num = (value: bigint | number | null | undefined) => Number(value ?? 0)

export type FunnelStage = (typeof FUNNEL_STAGES)[number]
export type OutcomeFunnel = Awaited<ReturnType<typeof outcomeFunnel>>

export async function outcomeFunnel(scope: { fairId?: string | null; companyId?: string }) {
  const prisma = await getPrisma()
  const rows = await prisma.$queryRaw<
    Array<{
      gStage: number
      stage: string | null
      deals: number
      valueUsdCents: bigint | null
      reachedQuote: number
      reachedSample: number
      reachedLoi: number
      reachedSigned: number
      reachedShipped: number
      pursued: number
      pursuedUsdCents: bigint | null
      pursuedFromMeetingsUsdCents: bigint | null
      signed: number
      signedUsdCents: bigint | null
      shipped: number
      shippedUsdCents: bigint | null
    }>
  >`${consultationsCte(scope)},
    deals AS (
      SELECT
        (CASE WHEN c."kind" = 'MEETING' THEN (CASE WHEN c."contractUsdCents" > 0 THEN 'CONTRACT_SIGNED' ELSE 'CONSULTATION' END) ELSE c."status" END) AS "stage",
        c."consultationUsdCents", c."contractUsdCents",
        i."quoteValueUsdCents" AS "quote", i."loiValueUsdCents" AS "loi", i."shippedValueUsdCents" AS "shipped",
        (CASE WHEN c."kind" = 'MEETING' AND c."contractUsdCents" = 0 THEN COALESCE(m."expectedContractValueUsdCents", 0) ELSE 0 END)::bigint AS "expected",
        i."quotedAt", i."sampleSentAt", i."loiAt", i."contractSignedAt", i."shippedAt"
      FROM consultations c
      LEFT JOIN "Inquiry" i ON c."kind" = 'INQUIRY' AND i."id" = c."id"
      LEFT JOIN "Meeting" m ON c."kind" = 'MEETING' AND m."id" = c."id"
    ),
    staged AS (
      SELECT d.*,
        (CASE d."stage"
          WHEN 'CONSULTATION' THEN d."consultationUsdCents"
          WHEN 'QUOTE' THEN COALESCE(d."quote", 0)
          WHEN 'SAMPLE' THEN COALESCE(d."quote", 0)
          WHEN 'LOI' THEN COALESCE(d."loi", d."quote", 0)
          WHEN 'CONTRACT_SIGNED' THEN d."contractUsdCents"
          WHEN 'SHIPPED' THEN COALESCE(d."shipped", d."contractUsdCents")
          ELSE 0 END)::bigint AS "value",
        (d."stage" IN ('QUOTE', 'SAMPLE', 'LOI', 'CONTRACT_SIGNED', 'SHIPPED') OR COALESCE(d."quotedAt", d."sampleSentAt", d."loiAt", d."contractSignedAt", d."shippedAt") IS NOT NULL) AS "rQuote",
        (d."stage" IN ('SAMPLE', 'LOI', 'CONTRACT_SIGNED', 'SHIPPED') OR COALESCE(d."sampleSentAt", d."loiAt", d."contractSignedAt", d."shippedAt") IS NOT NULL) AS "rSample",
        (d."stage" IN ('LOI', 'CONTRACT_SIGNED', 'SHIPPED') OR COALESCE(d."loiAt", d."contractSignedAt", d."shippedAt") IS NOT NULL) AS "rLoi",
        (d."stage" IN ('CONTRACT_SIGNED', 'SHIPPED') OR COALESCE(d."contractSignedAt", d."shippedAt") IS NOT NULL) AS "rSigned",
        (d."stage" = 'SHIPPED' OR d."shippedAt" IS NOT NULL) AS "rShipped"
      FROM deals d
    )
    SELECT GROUPING(s."stage")::int AS "gStage", s."stage",
      count(*)::int AS "deals",
      sum(s."value")::bigint AS "valueUsdCents",
      (count(*) FILTER (WHERE s."rQuote"))::int AS "reachedQuote",
      (count(*) FILTER (WHERE s."rSample"))::int AS "reachedSample",
      (count(*) FILTER (WHERE s."rLoi"))::int AS "reachedLoi",
      (count(*) FILTER (WHERE s."rSigned"))::int AS "reachedSigned",
      (count(*) FILTER (WHERE s."rShipped"))::int AS "reachedShipped",
      (count(*) FILTER (WHERE s."stage" IN ('QUOTE', 'SAMPLE', 'LOI') OR s."expected" > 0))::int AS "pursued",
      (COALESCE(sum(s."value") FILTER (WHERE s."stage" IN ('QUOTE', 'SAMPLE', 'LOI')), 0) + sum(s."expected"))::bigint AS "pursuedUsdCents",
      sum(s."expected")::bigint AS "pursuedFromMeetingsUsdCents",
      (count(*) FILTER (WHERE s."stage" IN ('CONTRACT_SIGNED', 'SHIPPED')))::int AS "signed",
      COALESCE(sum(s."contractUsdCents") FILTER (WHERE s."stage" IN ('CONTRACT_SIGNED', 'SHIPPED')), 0)::bigint AS "signedUsdCents",
      (count(*) FILTER (WHERE s."stage" = 'SHIPPED'))::int AS "shipped",
      COALESCE(sum(s."value") FILTER (WHERE s."stage" = 'SHIPPED'), 0)::bigint AS "shippedUsdCents"
    FROM staged s
    GROUP BY GROUPING SETS ((s."stage"), ())`
  const total = rows.find((r) => r.gStage === 1)
  const at = (stage: DealStage) => rows.find((r) => r.gStage === 0 && r.stage === stage)
  const reached: Record<FunnelStage, number> = {
    CONSULTATION: total?.deals ?? 0,
    QUOTE: total?.reachedQuote ?? 0,
    SAMPLE: total?.reachedSample ?? 0,
    LOI: total?.reachedLoi ?? 0,
    CONTRACT_SIGNED: total?.reachedSigned ?? 0,
    SHIPPED: total?.reachedShipped ?? 0,
  }
  return {
    deals: total?.deals ?? 0,
    stages: FUNNEL_STAGES.map((stage) => ({
      stage,
      reached: reached[stage],
      current: at(stage)?.deals ?? 0,
      currentUsdCents: num(at(stage)?.valueUsdCents),
    })),
    lost: at('LOST')?.deals ?? 0,
    pursued: { count: total?.pursued ?? 0, usdCents: num(total?.pursuedUsdCents), fromMeetingsUsdCents: num(total?.pursuedFromMeetingsUsdCents) },
    signed: { count: total?.signed ?? 0, usdCents: num(total?.signedUsdCents) },
    shipped: { count: total?.shipped ?? 0, usdCents: num(total?.shippedUsdCents) },
  }
}
