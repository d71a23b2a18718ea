-- AlterEnum
ALTER TYPE "MeetingStatus" ADD VALUE 'EXPIRED';

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "attendanceMarkedAt" TIMESTAMP(3),
ADD COLUMN     "buyerAbsent" BOOLEAN,
ADD COLUMN     "buyerConfirmedAt" TIMESTAMP(3),
ADD COLUMN     "cancelReason" TEXT,
ADD COLUMN     "cancelledBySide" "MeetingRole",
ADD COLUMN     "confirmationSentAt" TIMESTAMP(3),
ADD COLUMN     "exporterAbsent" BOOLEAN,
ADD COLUMN     "exporterConfirmedAt" TIMESTAMP(3),
ADD COLUMN     "rescheduledFromId" TEXT,
ADD COLUMN     "respondBy" TIMESTAMP(3);

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_rescheduledFromId_key" ON "Meeting"("rescheduledFromId");

-- CreateIndex
CREATE INDEX "Meeting_status_respondBy_idx" ON "Meeting"("status", "respondBy");

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_rescheduledFromId_fkey" FOREIGN KEY ("rescheduledFromId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;



-- Open proposals made before this migration get a respondBy: 72 h after their last change but at least a
-- day from now, never later than the start (MEETING_REQUEST_EXPIRY_HOURS applies to new ones).
UPDATE "Meeting" SET "respondBy" = LEAST(GREATEST("updatedAt" + interval '72 hours', now() + interval '24 hours'), "startsAt")
WHERE "status" IN ('REQUESTED', 'RESCHEDULE_PROPOSED') AND "respondBy" IS NULL;

-- Accepted meetings that had started before this migration: the room did not record joins for (all of) them,
-- so the attendance job must not judge them (it would mark both sides absent); people record the outcome.
UPDATE "Meeting" SET "attendanceMarkedAt" = now() WHERE "status" = 'ACCEPTED' AND "startsAt" < now();
