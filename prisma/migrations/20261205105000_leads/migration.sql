-- CreateEnum
CREATE TYPE "LeadSource" AS ENUM ('LIVE', 'REPLAY');

-- CreateEnum
CREATE TYPE "LeadWebhookDeliveryStatus" AS ENUM ('PENDING', 'DELIVERED', 'FAILED', 'CANCELLED');

-- AlterTable
ALTER TABLE "BuyerProfile" ADD COLUMN "leadListOptOut" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "LeadProductOpen" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "source" "LeadSource" NOT NULL,
    "opens" INTEGER NOT NULL DEFAULT 1,
    "firstOpenedAt" TIMESTAMP(3) NOT NULL,
    "lastOpenedAt" TIMESTAMP(3) NOT NULL,

CONSTRAINT "LeadProductOpen_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LeadWebhook" (
    "companyId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "secretSealed" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

CONSTRAINT "LeadWebhook_pkey" PRIMARY KEY ("companyId")
);

-- CreateTable
CREATE TABLE "LeadWebhookDelivery" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "leadUserId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "LeadWebhookDeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "lastStatusCode" INTEGER,
    "lastAttemptAt" TIMESTAMP(3),
    "nextAttemptAt" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,

CONSTRAINT "LeadWebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LeadProductOpen_userId_idx" ON "LeadProductOpen"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "LeadProductOpen_sessionId_userId_productId_source_key" ON "LeadProductOpen"("sessionId", "userId", "productId", "source");

-- CreateIndex
CREATE UNIQUE INDEX "LeadWebhookDelivery_idempotencyKey_key" ON "LeadWebhookDelivery"("idempotencyKey");

-- CreateIndex
CREATE INDEX "LeadWebhookDelivery_companyId_createdAt_idx" ON "LeadWebhookDelivery"("companyId", "createdAt");

-- CreateIndex
CREATE INDEX "LeadWebhookDelivery_sessionId_leadUserId_createdAt_idx" ON "LeadWebhookDelivery"("sessionId", "leadUserId", "createdAt");

-- CreateIndex
CREATE INDEX "LeadWebhookDelivery_status_nextAttemptAt_idx" ON "LeadWebhookDelivery"("status", "nextAttemptAt");

-- AddForeignKey
ALTER TABLE "LeadProductOpen" ADD CONSTRAINT "LeadProductOpen_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "LiveSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeadProductOpen" ADD CONSTRAINT "LeadProductOpen_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeadWebhook" ADD CONSTRAINT "LeadWebhook_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "ExporterCompany"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeadWebhookDelivery" ADD CONSTRAINT "LeadWebhookDelivery_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "LeadWebhook"("companyId") ON DELETE CASCADE ON UPDATE CASCADE;
