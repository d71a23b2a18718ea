-- Engagement (issue 21): follows, showcase RSVPs, reminder deliveries and opt-outs; List-Unsubscribe on mail

-- AlterTable
ALTER TABLE "EmailOutbox" ADD COLUMN     "listUnsubscribe" TEXT;

-- CreateTable
CREATE TABLE "ExporterFollow" (
    "userId" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExporterFollow_pkey" PRIMARY KEY ("userId","companyId")
);

-- CreateTable
CREATE TABLE "FairFollow" (
    "userId" TEXT NOT NULL,
    "fairId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FairFollow_pkey" PRIMARY KEY ("userId","fairId")
);

-- CreateTable
CREATE TABLE "ShowcaseRsvp" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "userId" TEXT,
    "email" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "timeZone" TEXT,
    "confirmedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShowcaseRsvp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReminderDelivery" (
    "sessionId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderDelivery_pkey" PRIMARY KEY ("sessionId","kind","recipient")
);

-- CreateTable
CREATE TABLE "ReminderOptOut" (
    "email" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderOptOut_pkey" PRIMARY KEY ("email","scope")
);

-- CreateIndex
CREATE INDEX "ExporterFollow_companyId_idx" ON "ExporterFollow"("companyId");

-- CreateIndex
CREATE INDEX "FairFollow_fairId_idx" ON "FairFollow"("fairId");

-- CreateIndex
CREATE INDEX "ShowcaseRsvp_userId_idx" ON "ShowcaseRsvp"("userId");

-- CreateIndex
CREATE INDEX "ShowcaseRsvp_email_idx" ON "ShowcaseRsvp"("email");

-- CreateIndex
CREATE UNIQUE INDEX "ShowcaseRsvp_sessionId_userId_key" ON "ShowcaseRsvp"("sessionId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "ShowcaseRsvp_sessionId_email_key" ON "ShowcaseRsvp"("sessionId", "email");

-- AddForeignKey
ALTER TABLE "ExporterFollow" ADD CONSTRAINT "ExporterFollow_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExporterFollow" ADD CONSTRAINT "ExporterFollow_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "ExporterCompany"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FairFollow" ADD CONSTRAINT "FairFollow_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FairFollow" ADD CONSTRAINT "FairFollow_fairId_fkey" FOREIGN KEY ("fairId") REFERENCES "TradeFair"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShowcaseRsvp" ADD CONSTRAINT "ShowcaseRsvp_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "LiveSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShowcaseRsvp" ADD CONSTRAINT "ShowcaseRsvp_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
