-- Sites an exporter lets embed its showcase player (/embed/:sessionId): the origins go into that page's
-- Content-Security-Policy frame-ancestors (server/security.ts). Validated by app/domain/exporters/embed-origins.ts.
ALTER TABLE "ExporterCompany" ADD COLUMN "embedOrigins" TEXT[] DEFAULT ARRAY[]::TEXT[];
