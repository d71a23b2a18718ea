-- Trade-officer consultations (issue 23; docs/consultations.md): officers' profiles and weekly hours,
-- consultations with attached products and follow-up tasks, and overseas Korean entrepreneurs' companies.
-- CreateEnum
CREATE TYPE "ConsultationTopic" AS ENUM ('MARKET_ENTRY', 'CERTIFICATION', 'LOGISTICS', 'PRICING', 'PARTNERS', 'OTHER');

-- CreateEnum
CREATE TYPE "ConsultationStatus" AS ENUM ('REQUESTED', 'CONFIRMED', 'CANCELLED', 'HELD', 'NO_SHOW');

-- AlterTable
ALTER TABLE "ExporterCompany" ADD COLUMN     "overseasKorean" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "residenceCountry" TEXT;

-- CreateTable
CREATE TABLE "TradeOfficerProfile" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "officeName" TEXT NOT NULL,
    "markets" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "languages" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "timeZone" TEXT NOT NULL,
    "slotMinutes" INTEGER NOT NULL DEFAULT 30,
    "bio" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TradeOfficerProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsultationHours" (
    "officerId" TEXT NOT NULL,
    "weekday" INTEGER NOT NULL,
    "start" TEXT NOT NULL,
    "end" TEXT NOT NULL,

    CONSTRAINT "ConsultationHours_pkey" PRIMARY KEY ("officerId","weekday")
);

-- CreateTable
CREATE TABLE "Consultation" (
    "id" TEXT NOT NULL,
    "officerId" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "market" TEXT NOT NULL,
    "topic" "ConsultationTopic" NOT NULL,
    "question" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "status" "ConsultationStatus" NOT NULL DEFAULT 'REQUESTED',
    "advisorNotes" TEXT NOT NULL DEFAULT '',
    "requesterJoinedAt" TIMESTAMP(3),
    "officerJoinedAt" TIMESTAMP(3),
    "liveSessionId" TEXT,
    "confirmedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "cancelledById" TEXT,
    "reminderSentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Consultation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsultationProduct" (
    "consultationId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,

    CONSTRAINT "ConsultationProduct_pkey" PRIMARY KEY ("consultationId","productId")
);

-- CreateTable
CREATE TABLE "ConsultationTask" (
    "id" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "dueOn" DATE,
    "doneAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsultationTask_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TradeOfficerProfile_userId_key" ON "TradeOfficerProfile"("userId");

-- CreateIndex
CREATE INDEX "TradeOfficerProfile_markets_idx" ON "TradeOfficerProfile" USING GIN ("markets");

-- CreateIndex
CREATE UNIQUE INDEX "Consultation_liveSessionId_key" ON "Consultation"("liveSessionId");

-- CreateIndex
CREATE INDEX "Consultation_officerId_startsAt_idx" ON "Consultation"("officerId", "startsAt");

-- CreateIndex
CREATE INDEX "Consultation_companyId_startsAt_idx" ON "Consultation"("companyId", "startsAt");

-- CreateIndex
CREATE INDEX "Consultation_startsAt_market_idx" ON "Consultation"("startsAt", "market");

-- CreateIndex
CREATE INDEX "Consultation_status_startsAt_idx" ON "Consultation"("status", "startsAt");

-- CreateIndex
CREATE INDEX "ConsultationProduct_productId_idx" ON "ConsultationProduct"("productId");

-- CreateIndex
CREATE INDEX "ConsultationTask_consultationId_idx" ON "ConsultationTask"("consultationId");

-- AddForeignKey
ALTER TABLE "TradeOfficerProfile" ADD CONSTRAINT "TradeOfficerProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationHours" ADD CONSTRAINT "ConsultationHours_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "TradeOfficerProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "TradeOfficerProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "ExporterCompany"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_liveSessionId_fkey" FOREIGN KEY ("liveSessionId") REFERENCES "LiveSession"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationProduct" ADD CONSTRAINT "ConsultationProduct_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationProduct" ADD CONSTRAINT "ConsultationProduct_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationTask" ADD CONSTRAINT "ConsultationTask_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;


