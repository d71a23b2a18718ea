-- Stored tsvector: ranking thousands of matches no longer re-parses every product's text per query.
DROP INDEX IF EXISTS "Product_searchText_fts_idx";
ALTER TABLE "Product" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, "searchText")) STORED;
CREATE INDEX "Product_searchVector_idx" ON "Product" USING GIN ("searchVector");
