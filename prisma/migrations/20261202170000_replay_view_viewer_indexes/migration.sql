-- Every replay heartbeat reads the viewer's views of the recording (under a row lock): index them by viewer.
CREATE INDEX "ReplayView_recordingId_userId_idx" ON "ReplayView"("recordingId", "userId");
CREATE INDEX "ReplayView_recordingId_guestKey_idx" ON "ReplayView"("recordingId", "guestKey");
