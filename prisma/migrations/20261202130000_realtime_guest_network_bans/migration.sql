-- Bans of a guest also cover the guest's network prefix for a while (issue 13 item 8).
ALTER TABLE "LiveSessionSanction" ADD COLUMN "networkPrefix" TEXT;
ALTER TABLE "LiveSessionSanction" ADD COLUMN "networkUntil" TIMESTAMP(3);

CREATE INDEX "LiveSessionSanction_sessionId_networkPrefix_idx" ON "LiveSessionSanction"("sessionId", "networkPrefix");
