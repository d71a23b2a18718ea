-- Issue 17: encoder ingest (WHIP / RTMP) — one sealed ingest secret per showcase, found by its SHA-256.
CREATE TABLE "ShowcaseIngest" (
    "sessionId" TEXT NOT NULL,
    "tokenSealed" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "rotatedAt" TIMESTAMP(3) NOT NULL,
    "rotatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ShowcaseIngest_pkey" PRIMARY KEY ("sessionId")
);
CREATE UNIQUE INDEX "ShowcaseIngest_tokenHash_key" ON "ShowcaseIngest"("tokenHash");
ALTER TABLE "ShowcaseIngest" ADD CONSTRAINT "ShowcaseIngest_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "LiveSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;
