-- Catalog search for Cyrillic (Russian, Mongolian) on any database ctype.
-- Under ctype C, lower(), ILIKE and to_tsvector leave Cyrillic letters as they are, so «ЖЕНЬШЕНЬ» missed
-- «Женьшень». The search text is now stored lower-cased by ICU's root locale, and queries are lower-cased
-- the same way (app/domain/catalog/product-index.server.ts, foldForSearch).
UPDATE "Product" SET "searchText" = lower("searchText" COLLATE "und-x-icu");

-- Russian word forms: «женьшеня», «женьшенем» find «женьшень» (Latin words take the English stemmer in
-- this configuration). Mongolian has no stemmer in PostgreSQL; substrings cover it.
ALTER TABLE "Product" ADD COLUMN "searchVectorRu" tsvector GENERATED ALWAYS AS (to_tsvector('russian'::regconfig, "searchText")) STORED;
CREATE INDEX "Product_searchVectorRu_idx" ON "Product" USING GIN ("searchVectorRu");
