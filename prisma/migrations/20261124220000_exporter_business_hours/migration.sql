-- Exporters set their own business hours (wall-clock HH:mm in the company's zone); meetings are
-- offered only inside them. Existing companies keep the previous fixed 09:00–18:00.
ALTER TABLE "ExporterCompany" ADD COLUMN "businessHoursStart" TEXT NOT NULL DEFAULT '09:00',
ADD COLUMN "businessHoursEnd" TEXT NOT NULL DEFAULT '18:00';
