-- Issue 16: every showcase recorded (HLS parts on the storage folder), replays with chapters, clips and replay figures.
CREATE TYPE "ReplayPolicy" AS ENUM ('PUBLISH', 'REVIEW', 'OFF');
CREATE TYPE "RecordingStatus" AS ENUM ('RECORDING', 'READY', 'FAILED', 'REMOVED');
CREATE TYPE "ClipStatus" AS ENUM ('PROCESSING', 'READY', 'FAILED', 'REMOVED');

ALTER TABLE "LiveSession" ADD COLUMN "recordingEnabled" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "TradeFair" ADD COLUMN "replayPolicy" "ReplayPolicy" NOT NULL DEFAULT 'PUBLISH';
ALTER TABLE "TradeFair" ADD COLUMN "replayRetentionDays" INTEGER;

CREATE TABLE "Recording" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "status" "RecordingStatus" NOT NULL DEFAULT 'RECORDING',
    "published" BOOLEAN NOT NULL DEFAULT true,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finalizedAt" TIMESTAMP(3),
    "durationMs" INTEGER NOT NULL DEFAULT 0,
    "hasPoster" BOOLEAN NOT NULL DEFAULT false,
    "stoppedReason" TEXT,
    "removedAt" TIMESTAMP(3),
    "removedById" TEXT,
    "uniqueViewers" INTEGER NOT NULL DEFAULT 0,
    "watchSeconds" BIGINT NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Recording_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Recording_sessionId_key" ON "Recording"("sessionId");
CREATE INDEX "Recording_status_published_idx" ON "Recording"("status", "published");
ALTER TABLE "Recording" ADD CONSTRAINT "Recording_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "LiveSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "RecordingPart" (
    "recordingId" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "durationMs" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "RecordingPart_pkey" PRIMARY KEY ("recordingId", "index")
);
ALTER TABLE "RecordingPart" ADD CONSTRAINT "RecordingPart_recordingId_fkey" FOREIGN KEY ("recordingId") REFERENCES "Recording"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "RecordingClip" (
    "id" TEXT NOT NULL,
    "recordingId" TEXT NOT NULL,
    "productId" TEXT,
    "title" TEXT NOT NULL,
    "startMs" INTEGER NOT NULL,
    "endMs" INTEGER NOT NULL,
    "status" "ClipStatus" NOT NULL DEFAULT 'PROCESSING',
    "published" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMP(3),
    CONSTRAINT "RecordingClip_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "RecordingClip_recordingId_idx" ON "RecordingClip"("recordingId");
CREATE INDEX "RecordingClip_productId_status_idx" ON "RecordingClip"("productId", "status");
ALTER TABLE "RecordingClip" ADD CONSTRAINT "RecordingClip_recordingId_fkey" FOREIGN KEY ("recordingId") REFERENCES "Recording"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RecordingClip" ADD CONSTRAINT "RecordingClip_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "ReplayView" (
    "id" TEXT NOT NULL,
    "recordingId" TEXT NOT NULL,
    "userId" TEXT,
    "guestKey" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "watchedSeconds" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "ReplayView_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ReplayView_recordingId_startedAt_idx" ON "ReplayView"("recordingId", "startedAt");
ALTER TABLE "ReplayView" ADD CONSTRAINT "ReplayView_recordingId_fkey" FOREIGN KEY ("recordingId") REFERENCES "Recording"("id") ON DELETE CASCADE ON UPDATE CASCADE;
