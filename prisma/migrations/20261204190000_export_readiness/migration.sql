-- Issue 22: export readiness — the market requirements catalogue, its audit, and stored readiness per product and jurisdiction.
CREATE TABLE "MarketRequirement" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "market" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "documentTypes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "hsPrefixes" TEXT[],
    "exceptHsPrefixes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "nameI18n" JSONB NOT NULL,
    "howToGetI18n" JSONB NOT NULL,
    "issuerTypes" TEXT[],
    "leadTimeMinDays" INTEGER NOT NULL,
    "leadTimeMaxDays" INTEGER NOT NULL,
    "voucherEligible" BOOLEAN NOT NULL,
    "sourceUrl" TEXT NOT NULL,
    "checkedOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "MarketRequirement_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "MarketRequirement_code_key" ON "MarketRequirement"("code");
CREATE INDEX "MarketRequirement_market_idx" ON "MarketRequirement"("market");

CREATE TABLE "MarketRequirementChange" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "actorEmail" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MarketRequirementChange_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "MarketRequirementChange_code_createdAt_idx" ON "MarketRequirementChange"("code", "createdAt");
CREATE INDEX "MarketRequirementChange_createdAt_idx" ON "MarketRequirementChange"("createdAt");

CREATE TABLE "ProductMarketReadiness" (
    "productId" TEXT NOT NULL,
    "market" TEXT NOT NULL,
    "required" INTEGER NOT NULL,
    "missing" INTEGER NOT NULL,
    "readyUntil" TIMESTAMP(3),
    "computedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "ProductMarketReadiness_pkey" PRIMARY KEY ("productId","market")
);
CREATE INDEX "ProductMarketReadiness_market_productId_idx" ON "ProductMarketReadiness"("market", "productId");
ALTER TABLE "ProductMarketReadiness" ADD CONSTRAINT "ProductMarketReadiness_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;
