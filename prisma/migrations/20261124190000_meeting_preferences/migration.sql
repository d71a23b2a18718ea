
-- CreateEnum
CREATE TYPE "PreferenceLevel" AS ENUM ('MUST_MEET', 'WOULD_LIKE');

-- CreateTable
CREATE TABLE "MeetingPreference" (
    "id" TEXT NOT NULL,
    "fairId" TEXT NOT NULL,
    "buyerId" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "side" "MeetingRole" NOT NULL,
    "level" "PreferenceLevel" NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingPreference_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MeetingPreference_fairId_idx" ON "MeetingPreference"("fairId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingPreference_fairId_buyerId_companyId_side_key" ON "MeetingPreference"("fairId", "buyerId", "companyId", "side");

-- AddForeignKey
ALTER TABLE "MeetingPreference" ADD CONSTRAINT "MeetingPreference_fairId_fkey" FOREIGN KEY ("fairId") REFERENCES "TradeFair"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingPreference" ADD CONSTRAINT "MeetingPreference_buyerId_fkey" FOREIGN KEY ("buyerId") REFERENCES "BuyerProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingPreference" ADD CONSTRAINT "MeetingPreference_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "ExporterCompany"("id") ON DELETE CASCADE ON UPDATE CASCADE;


