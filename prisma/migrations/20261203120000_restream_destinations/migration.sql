-- Restream out (issue 17): RTMP/RTMPS destinations of a showcase, stream keys sealed
-- (app/utils/sealed-secrets.server.ts), and the uptime record of each publish for the organizer.
CREATE TYPE "RestreamPlatform" AS ENUM ('YOUTUBE', 'FACEBOOK', 'TIKTOK', 'NAVER', 'TWITCH', 'CUSTOM');

CREATE TABLE "RestreamDestination" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "platform" "RestreamPlatform" NOT NULL,
    "label" TEXT NOT NULL,
    "serverUrl" TEXT NOT NULL,
    "streamKeySealed" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RestreamDestination_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "RestreamRun" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "destinationId" TEXT,
    "platform" "RestreamPlatform" NOT NULL,
    "label" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "bytesSent" BIGINT NOT NULL DEFAULT 0,
    "secondsSent" INTEGER NOT NULL DEFAULT 0,
    "endReason" TEXT,

    CONSTRAINT "RestreamRun_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "RestreamDestination_sessionId_idx" ON "RestreamDestination"("sessionId");
CREATE INDEX "RestreamRun_sessionId_startedAt_idx" ON "RestreamRun"("sessionId", "startedAt");
CREATE INDEX "RestreamRun_destinationId_idx" ON "RestreamRun"("destinationId");

ALTER TABLE "RestreamDestination" ADD CONSTRAINT "RestreamDestination_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "LiveSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RestreamRun" ADD CONSTRAINT "RestreamRun_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "LiveSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RestreamRun" ADD CONSTRAINT "RestreamRun_destinationId_fkey" FOREIGN KEY ("destinationId") REFERENCES "RestreamDestination"("id") ON DELETE SET NULL ON UPDATE CASCADE;
