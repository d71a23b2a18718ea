-- Outcome stages (issue 21): an inquiry's status becomes the deal's outcome stage
-- CONSULTATION → QUOTE → SAMPLE → LOI → CONTRACT_SIGNED → SHIPPED (+ LOST), with a date and a USD value per stage.
-- Existing rows keep their meaning (docs/outcome-stages.md):
--   NEW → CONSULTATION, QUOTED → QUOTE, SAMPLE_SENT → SAMPLE, WON → CONTRACT_SIGNED, LOST → LOST,
--   NEGOTIATING → SAMPLE when a sample had been sent, else QUOTE (terms under discussion, no letter of intent yet).

ALTER TABLE "Inquiry"
  ADD COLUMN "quoteValueUsdCents" BIGINT,
  ADD COLUMN "loiValueUsdCents" BIGINT,
  ADD COLUMN "shippedValueUsdCents" BIGINT,
  ADD COLUMN "loiAt" TIMESTAMP(3),
  ADD COLUMN "shippedAt" TIMESTAMP(3);

ALTER TABLE "Inquiry" RENAME COLUMN "wonAt" TO "contractSignedAt";

-- A deal negotiated without a quote or sample on file reached the quote stage when negotiation began.
UPDATE "Inquiry" SET "quotedAt" = "negotiatingAt"
WHERE "quotedAt" IS NULL AND "sampleSentAt" IS NULL AND "negotiatingAt" IS NOT NULL;
-- Every signed contract has its date.
UPDATE "Inquiry" SET "contractSignedAt" = "updatedAt" WHERE "status" = 'WON' AND "contractSignedAt" IS NULL;

-- The quote value of every existing deal with a quote (otherwise the funnel and the KPIs would count the deals
-- being pursued at $0): its latest quote's total, unit price (in the minor units of the quote's currency: KRW, JPY
-- and VND have none, the others two) × quantity, in USD cents at the ExchangeRate valid on the quote's date (the
-- latest whose validFrom ≤ the quote's createdAt; 1 for USD), rounded to the cent — what addQuote stores for a new
-- quote (quoteUsdCents in app/domain/inquiries/pipeline.ts) and the KPIs' `quoted` CTE computes. Without a rate
-- for the latest quote's currency on that date the value stays NULL. Runs unchanged on the current schema too
-- (app/domain/inquiries/quote-value-backfill.db.test.ts checks it against quoteUsdCents).
-- backfill:quote-value begin
UPDATE "Inquiry" i SET "quoteValueUsdCents" = v."usdCents"
FROM (
  SELECT DISTINCT ON (q."inquiryId") q."inquiryId",
    ROUND(q."unitPriceMinor"::numeric * q."quantity"
          * (CASE WHEN q."currency" = 'USD' THEN 1 ELSE r."usdPerUnit" END) * 100
          / (10::numeric ^ (CASE WHEN q."currency" IN ('KRW', 'JPY', 'VND') THEN 0 ELSE 2 END)))::bigint AS "usdCents"
  FROM "Quote" q
  LEFT JOIN LATERAL (
    SELECT er."usdPerUnit" FROM "ExchangeRate" er
    WHERE er."currency" = q."currency" AND er."validFrom" <= q."createdAt"
    ORDER BY er."validFrom" DESC LIMIT 1
  ) r ON true
  ORDER BY q."inquiryId", q."createdAt" DESC, q."id" DESC
) v
WHERE v."inquiryId" = i."id" AND i."quoteValueUsdCents" IS NULL AND v."usdCents" IS NOT NULL;
-- backfill:quote-value end

ALTER TYPE "InquiryStatus" RENAME TO "InquiryStatus_old";
CREATE TYPE "InquiryStatus" AS ENUM ('CONSULTATION', 'QUOTE', 'SAMPLE', 'LOI', 'CONTRACT_SIGNED', 'SHIPPED', 'LOST');

ALTER TABLE "Inquiry" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "Inquiry" ALTER COLUMN "status" TYPE "InquiryStatus" USING (
  CASE "status"::text
    WHEN 'NEW' THEN 'CONSULTATION'
    WHEN 'QUOTED' THEN 'QUOTE'
    WHEN 'SAMPLE_SENT' THEN 'SAMPLE'
    WHEN 'NEGOTIATING' THEN CASE WHEN "sampleSentAt" IS NOT NULL THEN 'SAMPLE' ELSE 'QUOTE' END
    WHEN 'WON' THEN 'CONTRACT_SIGNED'
    ELSE 'LOST'
  END
)::"InquiryStatus";
ALTER TABLE "Inquiry" ALTER COLUMN "status" SET DEFAULT 'CONSULTATION';

-- The history: a NEGOTIATING event becomes the stage the deal was at then.
ALTER TABLE "InquiryStatusEvent" ADD COLUMN "stage" "InquiryStatus";
UPDATE "InquiryStatusEvent" e SET "stage" = (
  CASE e."status"::text
    WHEN 'NEW' THEN 'CONSULTATION'
    WHEN 'QUOTED' THEN 'QUOTE'
    WHEN 'SAMPLE_SENT' THEN 'SAMPLE'
    WHEN 'NEGOTIATING' THEN CASE WHEN i."sampleSentAt" IS NOT NULL AND i."sampleSentAt" <= e."createdAt" THEN 'SAMPLE' ELSE 'QUOTE' END
    WHEN 'WON' THEN 'CONTRACT_SIGNED'
    ELSE 'LOST'
  END
)::"InquiryStatus"
FROM "Inquiry" i WHERE i."id" = e."inquiryId";
ALTER TABLE "InquiryStatusEvent" DROP COLUMN "status";
ALTER TABLE "InquiryStatusEvent" RENAME COLUMN "stage" TO "status";
ALTER TABLE "InquiryStatusEvent" ALTER COLUMN "status" SET NOT NULL;

ALTER TABLE "Inquiry" DROP COLUMN "negotiatingAt";
DROP TYPE "InquiryStatus_old";
