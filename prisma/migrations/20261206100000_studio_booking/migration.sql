-- Studio booking (issue 23, docs/studio-booking.md, ADR 024)

-- CreateEnum
CREATE TYPE "StudioResourceKind" AS ENUM ('SET', 'CREW', 'EQUIPMENT');

-- CreateEnum
CREATE TYPE "StudioCrewRole" AS ENUM ('CAMERA', 'HOST', 'INTERPRETER');

-- CreateEnum
CREATE TYPE "StudioBookingStatus" AS ENUM ('REQUESTED', 'APPROVED', 'DECLINED', 'CANCELLED', 'NO_SHOW', 'COMPLETED');

-- CreateEnum
CREATE TYPE "StudioCancelSide" AS ENUM ('EXPORTER', 'OPERATOR');

-- CreateTable
CREATE TABLE "Studio" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Asia/Seoul',
    "openingHours" JSONB NOT NULL DEFAULT '{}',
    "freeCancelHours" INTEGER NOT NULL DEFAULT 24,
    "ingestTokenSealed" TEXT,
    "ingestTokenHash" TEXT,
    "ingestRotatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

CONSTRAINT "Studio_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StudioResource" (
    "id" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "kind" "StudioResourceKind" NOT NULL,
    "name" TEXT NOT NULL,
    "crewRole" "StudioCrewRole",
    "languages" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

CONSTRAINT "StudioResource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StudioBlackout" (
    "id" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

CONSTRAINT "StudioBlackout_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StudioBooking" (
    "id" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "requesterId" TEXT,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "showing" TEXT NOT NULL,
    "languages" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "crewNeeded" "StudioCrewRole"[] DEFAULT ARRAY[]::"StudioCrewRole"[],
    "status" "StudioBookingStatus" NOT NULL DEFAULT 'REQUESTED',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "declineReason" TEXT,
    "cancelledAt" TIMESTAMP(3),
    "cancelledBy" "StudioCancelSide",
    "cancelReason" TEXT,
    "lateCancellation" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

CONSTRAINT "StudioBooking_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StudioBookingResource" (
    "bookingId" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,

CONSTRAINT "StudioBookingResource_pkey" PRIMARY KEY ("bookingId","resourceId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Studio_ingestTokenHash_key" ON "Studio"("ingestTokenHash");

-- CreateIndex
CREATE INDEX "StudioResource_studioId_kind_idx" ON "StudioResource"("studioId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "StudioBlackout_studioId_day_key" ON "StudioBlackout"("studioId", "day");

-- CreateIndex
CREATE INDEX "StudioBooking_studioId_startsAt_idx" ON "StudioBooking"("studioId", "startsAt");

-- CreateIndex
CREATE INDEX "StudioBooking_sessionId_idx" ON "StudioBooking"("sessionId");

-- CreateIndex
CREATE INDEX "StudioBooking_companyId_createdAt_idx" ON "StudioBooking"("companyId", "createdAt");

-- CreateIndex
CREATE INDEX "StudioBooking_status_endsAt_idx" ON "StudioBooking"("status", "endsAt");

-- CreateIndex
CREATE INDEX "StudioBookingResource_resourceId_startsAt_idx" ON "StudioBookingResource"("resourceId", "startsAt");

-- AddForeignKey
ALTER TABLE "StudioResource" ADD CONSTRAINT "StudioResource_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudioBlackout" ADD CONSTRAINT "StudioBlackout_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudioBooking" ADD CONSTRAINT "StudioBooking_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudioBooking" ADD CONSTRAINT "StudioBooking_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "ExporterCompany"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudioBooking" ADD CONSTRAINT "StudioBooking_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "LiveSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudioBooking" ADD CONSTRAINT "StudioBooking_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudioBooking" ADD CONSTRAINT "StudioBooking_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudioBookingResource" ADD CONSTRAINT "StudioBookingResource_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "StudioBooking"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudioBookingResource" ADD CONSTRAINT "StudioBookingResource_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "StudioResource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A booking ends after it starts
ALTER TABLE "StudioBooking" ADD CONSTRAINT "StudioBooking_interval_check" CHECK ("endsAt" > "startsAt");
