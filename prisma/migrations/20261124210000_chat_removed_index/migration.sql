-- Catch-up after a reconnect lists the messages removed since a given time.
CREATE INDEX "ChatMessage_sessionId_removedAt_idx" ON "ChatMessage"("sessionId", "removedAt");
