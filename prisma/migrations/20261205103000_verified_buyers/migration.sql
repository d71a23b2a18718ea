-- CreateEnum
CREATE TYPE "BuyerVerificationMethod" AS ENUM ('DOCUMENTS', 'TRADE_REFERENCE', 'OTHER');

-- CreateEnum
CREATE TYPE "BuyerVerificationAction" AS ENUM ('VERIFIED', 'REVOKED');

-- AlterTable
ALTER TABLE "BuyerProfile" ADD COLUMN     "currentVerificationId" TEXT;

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "freeSamplesVerifiedOnly" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "BuyerVerification" (
    "id" TEXT NOT NULL,
    "buyerId" TEXT NOT NULL,
    "action" "BuyerVerificationAction" NOT NULL,
    "method" "BuyerVerificationMethod",
    "note" TEXT NOT NULL,
    "verifierId" TEXT,
    "verifierName" TEXT NOT NULL,
    "fairId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BuyerVerification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BuyerVerification_buyerId_createdAt_idx" ON "BuyerVerification"("buyerId", "createdAt");

-- CreateIndex
CREATE INDEX "BuyerVerification_verifierId_idx" ON "BuyerVerification"("verifierId");

-- CreateIndex
CREATE UNIQUE INDEX "BuyerProfile_currentVerificationId_key" ON "BuyerProfile"("currentVerificationId");

-- AddForeignKey
ALTER TABLE "BuyerProfile" ADD CONSTRAINT "BuyerProfile_currentVerificationId_fkey" FOREIGN KEY ("currentVerificationId") REFERENCES "BuyerVerification"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BuyerVerification" ADD CONSTRAINT "BuyerVerification_buyerId_fkey" FOREIGN KEY ("buyerId") REFERENCES "BuyerProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BuyerVerification" ADD CONSTRAINT "BuyerVerification_verifierId_fkey" FOREIGN KEY ("verifierId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BuyerVerification" ADD CONSTRAINT "BuyerVerification_fairId_fkey" FOREIGN KEY ("fairId") REFERENCES "TradeFair"("id") ON DELETE SET NULL ON UPDATE CASCADE;


