import { Prisma } from '~/generated/prisma/client'

type Db = Pick<Prisma.TransactionClient, '$executeRaw'>

/**
 * Rebuilds the denormalised search fields of products: `searchText` (every locale's name and
 * description, HS code, category, company) and `minPriceUsdCents` (lowest tier price converted with the
 * newest exchange rate valid at `now`). Call it in the same transaction as any product change.
 */
export async function refreshProductIndex(db: Db, { productIds, now = new Date() }: { productIds?: readonly string[]; now?: Date } = {}) {
  const only = productIds ? Prisma.sql`AND p."id" IN (${Prisma.join(productIds.length ? productIds : [''])})` : Prisma.empty
  return db.$executeRaw`
    UPDATE "Product" p SET
      "searchText" = concat_ws(' ',
        (SELECT string_agg(t."name" || ' ' || t."description", ' ') FROM "ProductTranslation" t WHERE t."productId" = p."id"),
        p."hsCode",
        (SELECT cat."slug" || ' ' || cat."nameI18n"::text FROM "Category" cat WHERE cat."id" = p."categoryId"),
        (SELECT co."name" || ' ' || co."nameI18n"::text || ' ' || coalesce(co."city", '') FROM "ExporterCompany" co WHERE co."id" = p."companyId")
      ),
      "minPriceUsdCents" = (
        SELECT min(round(
          tier."unitPriceMinor"::numeric
          / (CASE WHEN tier."currency" IN ('KRW', 'JPY', 'VND') THEN 1 ELSE 100 END)
          * (CASE WHEN tier."currency" = 'USD' THEN 1 ELSE (
              SELECT r."usdPerUnit" FROM "ExchangeRate" r
              WHERE r."currency" = tier."currency" AND r."validFrom" <= ${now}
              ORDER BY r."validFrom" DESC LIMIT 1) END)
          * 100))::int
        FROM "PriceTier" tier WHERE tier."productId" = p."id"
      )
    WHERE true ${only}`
}
