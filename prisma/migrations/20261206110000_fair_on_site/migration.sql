-- Hybrid fairs on site (issue 23, docs/fair-on-site.md): check-ins, booth leads (LeadSource ON_SITE), venue meeting tables.

-- AlterEnum
ALTER TYPE "LeadSource" ADD VALUE 'ON_SITE';

-- CreateTable
CREATE TABLE "FairOnSite" (
    "fairId" TEXT NOT NULL,
    "meetingTables" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

CONSTRAINT "FairOnSite_pkey" PRIMARY KEY ("fairId")
);

-- CreateTable
CREATE TABLE "FairCheckIn" (
    "id" TEXT NOT NULL,
    "fairId" TEXT NOT NULL,
    "registrationId" TEXT NOT NULL,
    "scanId" TEXT NOT NULL,
    "scannedAt" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "checkedInById" TEXT,

CONSTRAINT "FairCheckIn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BoothLead" (
    "id" TEXT NOT NULL,
    "fairId" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "registrationId" TEXT NOT NULL,
    "source" "LeadSource" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "scanId" TEXT NOT NULL,
    "scannedAt" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "scannedById" TEXT,

CONSTRAINT "BoothLead_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingTable" (
    "meetingId" TEXT NOT NULL,
    "slotId" TEXT NOT NULL,
    "fairId" TEXT NOT NULL,
    "tableNumber" INTEGER NOT NULL,

CONSTRAINT "MeetingTable_pkey" PRIMARY KEY ("meetingId")
);

-- CreateIndex
CREATE UNIQUE INDEX "FairCheckIn_registrationId_key" ON "FairCheckIn"("registrationId");

-- CreateIndex
CREATE UNIQUE INDEX "FairCheckIn_scanId_key" ON "FairCheckIn"("scanId");

-- CreateIndex
CREATE INDEX "FairCheckIn_fairId_scannedAt_idx" ON "FairCheckIn"("fairId", "scannedAt");

-- CreateIndex
CREATE UNIQUE INDEX "BoothLead_scanId_key" ON "BoothLead"("scanId");

-- CreateIndex
CREATE INDEX "BoothLead_fairId_scannedAt_idx" ON "BoothLead"("fairId", "scannedAt");

-- CreateIndex
CREATE UNIQUE INDEX "BoothLead_companyId_registrationId_key" ON "BoothLead"("companyId", "registrationId");

-- CreateIndex
CREATE INDEX "MeetingTable_fairId_idx" ON "MeetingTable"("fairId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingTable_slotId_tableNumber_key" ON "MeetingTable"("slotId", "tableNumber");

-- AddForeignKey
ALTER TABLE "FairOnSite" ADD CONSTRAINT "FairOnSite_fairId_fkey" FOREIGN KEY ("fairId") REFERENCES "TradeFair"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FairCheckIn" ADD CONSTRAINT "FairCheckIn_fairId_fkey" FOREIGN KEY ("fairId") REFERENCES "TradeFair"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FairCheckIn" ADD CONSTRAINT "FairCheckIn_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "FairRegistration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BoothLead" ADD CONSTRAINT "BoothLead_fairId_fkey" FOREIGN KEY ("fairId") REFERENCES "TradeFair"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BoothLead" ADD CONSTRAINT "BoothLead_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "ExporterCompany"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BoothLead" ADD CONSTRAINT "BoothLead_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "FairRegistration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingTable" ADD CONSTRAINT "MeetingTable_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingTable" ADD CONSTRAINT "MeetingTable_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "MeetingSlot"("id") ON DELETE CASCADE ON UPDATE CASCADE;
