
-- CreateEnum
CREATE TYPE "LiveSessionEventKind" AS ENUM ('PRODUCT_PINNED', 'PRODUCT_UNPINNED', 'MESSAGE_PINNED', 'MESSAGE_UNPINNED', 'MESSAGE_REMOVED', 'PARTICIPANT_MUTED', 'PARTICIPANT_BANNED', 'PARTICIPANT_UNBANNED', 'SLOW_MODE_CHANGED');

-- AlterTable
ALTER TABLE "ChatMessage" ADD COLUMN     "guestKey" TEXT;

-- CreateTable
CREATE TABLE "LiveSessionEvent" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "kind" "LiveSessionEventKind" NOT NULL,
    "actorId" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LiveSessionEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LiveSessionEvent_sessionId_kind_idx" ON "LiveSessionEvent"("sessionId", "kind");

-- CreateIndex
CREATE INDEX "ChatMessage_sessionId_authorId_createdAt_idx" ON "ChatMessage"("sessionId", "authorId", "createdAt");

-- CreateIndex
CREATE INDEX "LiveSessionSanction_sessionId_userId_idx" ON "LiveSessionSanction"("sessionId", "userId");

-- CreateIndex
CREATE INDEX "LiveSessionSanction_sessionId_guestKey_idx" ON "LiveSessionSanction"("sessionId", "guestKey");

-- AddForeignKey
ALTER TABLE "LiveSessionEvent" ADD CONSTRAINT "LiveSessionEvent_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "LiveSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;


