-- Exchange rates are admin-managed and audited (issue 13 item 5): who changed which rate, when, old → new.
CREATE TABLE "ExchangeRateChange" (
    "id" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "validFrom" TIMESTAMP(3) NOT NULL,
    "oldUsdPerUnit" DECIMAL(18,8),
    "newUsdPerUnit" DECIMAL(18,8),
    "actorId" TEXT NOT NULL,
    "actorName" TEXT NOT NULL,
    "actorEmail" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExchangeRateChange_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "ExchangeRateChange_createdAt_idx" ON "ExchangeRateChange"("createdAt");
