-- Mail is retried with a backoff instead of tried once (docs/operations.md#mail). Mail that failed before
-- this change stays as it was: given up, with its error.
-- AlterTable
ALTER TABLE "EmailOutbox" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "failedAt" TIMESTAMP(3),
ADD COLUMN     "lastAttemptAt" TIMESTAMP(3),
ADD COLUMN     "nextAttemptAt" TIMESTAMP(3);

UPDATE "EmailOutbox" SET "attempts" = 1 WHERE "sentAt" IS NOT NULL OR "error" IS NOT NULL;
UPDATE "EmailOutbox" SET "failedAt" = "createdAt" WHERE "sentAt" IS NULL AND "error" IS NOT NULL;

-- CreateIndex
CREATE INDEX "EmailOutbox_sentAt_failedAt_idx" ON "EmailOutbox"("sentAt", "failedAt");
