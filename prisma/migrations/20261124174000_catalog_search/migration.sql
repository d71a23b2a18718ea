-- Catalog search: denormalised price for filters, full-text and trigram indexes over searchText.

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "minPriceUsdCents" INTEGER;

-- CreateIndex
CREATE INDEX "Product_status_minPriceUsdCents_idx" ON "Product"("status", "minPriceUsdCents");

-- CreateIndex
CREATE INDEX "Product_status_moq_idx" ON "Product"("status", "moq");

-- CreateIndex
CREATE INDEX "Product_status_createdAt_idx" ON "Product"("status", "createdAt");

-- Word search (English stemming; Korean and Russian words separated by spaces match as words too).
CREATE INDEX "Product_searchText_fts_idx" ON "Product" USING GIN (to_tsvector('english', "searchText"));

-- Substring search for Chinese and Japanese (no spaces between words) and partial words.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Product_searchText_trgm_idx" ON "Product" USING GIN ("searchText" gin_trgm_ops);

-- Filters on certifications valid for a market.
CREATE INDEX "Certification_market_validUntil_idx" ON "Certification"("market", "validUntil");
