-- Export agencies (issue 23, docs/export-agencies.md, ADR 026): agencies, their members, companies' scoped grants,
-- the "agency X for company Y" action log and each session's acting company.
-- CreateEnum
CREATE TYPE "AgencyScope" AS ENUM ('CATALOGUE', 'SHOWCASES', 'RFQS_QUOTES', 'MEETINGS');

-- CreateEnum
CREATE TYPE "AgencyMemberRole" AS ENUM ('LEAD', 'AGENT');

-- CreateTable
CREATE TABLE "ExportAgency" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameI18n" JSONB NOT NULL DEFAULT '{}',
    "region" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExportAgency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgencyMember" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "role" "AgencyMemberRole" NOT NULL DEFAULT 'AGENT',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgencyMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgencyGrant" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "scopes" "AgencyScope"[],
    "grantedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "revokedById" TEXT,

    CONSTRAINT "AgencyGrant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgencyAction" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgencyAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgencyActingChoice" (
    "sessionId" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgencyActingChoice_pkey" PRIMARY KEY ("sessionId")
);

-- CreateIndex
CREATE UNIQUE INDEX "ExportAgency_slug_key" ON "ExportAgency"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "AgencyMember_userId_key" ON "AgencyMember"("userId");

-- CreateIndex
CREATE INDEX "AgencyMember_agencyId_idx" ON "AgencyMember"("agencyId");

-- CreateIndex
CREATE INDEX "AgencyGrant_companyId_revokedAt_idx" ON "AgencyGrant"("companyId", "revokedAt");

-- CreateIndex
CREATE INDEX "AgencyGrant_agencyId_revokedAt_idx" ON "AgencyGrant"("agencyId", "revokedAt");

-- CreateIndex
CREATE INDEX "AgencyAction_agencyId_createdAt_idx" ON "AgencyAction"("agencyId", "createdAt");

-- CreateIndex
CREATE INDEX "AgencyAction_companyId_createdAt_idx" ON "AgencyAction"("companyId", "createdAt");

-- CreateIndex
CREATE INDEX "AgencyAction_targetType_targetId_idx" ON "AgencyAction"("targetType", "targetId");

-- AddForeignKey
ALTER TABLE "AgencyMember" ADD CONSTRAINT "AgencyMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgencyMember" ADD CONSTRAINT "AgencyMember_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "ExportAgency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgencyGrant" ADD CONSTRAINT "AgencyGrant_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "ExporterCompany"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgencyGrant" ADD CONSTRAINT "AgencyGrant_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "ExportAgency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgencyGrant" ADD CONSTRAINT "AgencyGrant_grantedById_fkey" FOREIGN KEY ("grantedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgencyGrant" ADD CONSTRAINT "AgencyGrant_revokedById_fkey" FOREIGN KEY ("revokedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgencyAction" ADD CONSTRAINT "AgencyAction_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "ExportAgency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgencyAction" ADD CONSTRAINT "AgencyAction_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "ExporterCompany"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgencyAction" ADD CONSTRAINT "AgencyAction_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgencyActingChoice" ADD CONSTRAINT "AgencyActingChoice_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgencyActingChoice" ADD CONSTRAINT "AgencyActingChoice_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "ExporterCompany"("id") ON DELETE CASCADE ON UPDATE CASCADE;



-- At most one active grant per company and agency (revoked grants are kept as history).
CREATE UNIQUE INDEX "AgencyGrant_active_company_agency_key" ON "AgencyGrant"("companyId", "agencyId") WHERE "revokedAt" IS NULL;
