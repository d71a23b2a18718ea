import { Prisma } from '~/generated/prisma/client'

type Db = Pick<Prisma.TransactionClient, '$executeRaw'>

/**
 * SQL for `text` lower-cased like the stored search text (ICU root rules, whatever the database's ctype),
 * in the default collation so that comparisons with "searchText" can use its trigram index.
 */
export function foldForSearch(text: string): Prisma.Sql {
  return Prisma.sql`(lower(${text}::text COLLATE "und-x-icu") COLLATE "default")`
}

/**
 * Rebuilds the denormalised search fields of products: `searchText` (every locale's name and
 * description, HS code, category, company) and `minPriceUsdCents` (lowest tier price converted with the
 * newest exchange rate valid at `now`). Call it in the same transaction as any product change.
 *
 * The search text is stored lower-cased by ICU's root locale (`foldForSearch` lowers queries the same
 * way): `lower()` and ILIKE follow the database's ctype, and under ctype C they leave Cyrillic (Russian,
 * Mongolian) as it is, so «ЖЕНЬШЕНЬ» would not find «Женьшень». The `und-x-icu` collation exists on
 * PGlite and on PostgreSQL built with ICU.
 */
export async function refreshProductIndex(db: Db, { productIds, now = new Date() }: { productIds?: readonly string[]; now?: Date } = {}) {
  const only = productIds ? Prisma.sql`AND p."id" IN (${Prisma.join(productIds.length ? productIds : [''])})` : Prisma.empty
  return db.$executeRaw`
    UPDATE "Product" p SET
      "searchText" = lower(concat_ws(' ',
        (SELECT string_agg(t."name" || ' ' || t."description", ' ') FROM "ProductTranslation" t WHERE t."productId" = p."id"),
        p."hsCode",
        (SELECT cat."slug" || ' ' || cat."nameI18n"::text FROM "Category" cat WHERE cat."id" = p."categoryId"),
        (SELECT co."name" || ' ' || co."nameI18n"::text || ' ' || coalesce(co."city", '') FROM "ExporterCompany" co WHERE co."id" = p."companyId")
      ) COLLATE "und-x-icu"),
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
