import { getPrisma } from '~/domain/db.server'

// The fair KPIs' on-site / online split (docs/fair-on-site.md):
// - Checked in: approved registrations with a check-in (one per person, however often scanned), by kind.
// - On-site booth leads: booth scans of buyers (one per exhibitor and visitor).
// - Meetings: accepted or held meetings of the fair with a venue table (on site) or without (online).
// - Online viewers: distinct accounts and guest browsers that watched a showcase of the fair live.
// - Both: checked-in people who also watched a showcase of the fair online.

export type OnSiteKpis = {
  checkedIn: { buyers: number; exhibitors: number; total: number }
  approved: { buyers: number; exhibitors: number }
  boothLeads: number
  companiesWithBoothLeads: number
  meetings: { onSite: number; online: number }
  onlineViewers: number
  checkedInAlsoOnline: number
  meetingTables: number
}

const num = (value: bigint | number | null | undefined) => Number(value ?? 0)

export async function onSiteKpis(fairId: string): Promise<OnSiteKpis> {
  const prisma = await getPrisma()
  const [registrations, checkIns, leads, meetings, viewers, both, setup] = await Promise.all([
    prisma.fairRegistration.groupBy({ by: ['kind'], where: { fairId, status: 'APPROVED' }, _count: { _all: true } }),
    prisma.$queryRaw<Array<{ kind: string; n: bigint }>>`
      SELECT r."kind"::text AS "kind", count(*) AS "n"
      FROM "FairCheckIn" c JOIN "FairRegistration" r ON r."id" = c."registrationId"
      WHERE c."fairId" = ${fairId} GROUP BY r."kind"`,
    prisma.$queryRaw<Array<{ leads: bigint; companies: bigint }>>`
      SELECT count(*) AS "leads", count(DISTINCT "companyId") AS "companies" FROM "BoothLead" WHERE "fairId" = ${fairId}`,
    prisma.$queryRaw<Array<{ onSite: bigint; online: bigint }>>`
      SELECT count(t."meetingId") AS "onSite", count(*) - count(t."meetingId") AS "online"
      FROM "Meeting" m LEFT JOIN "MeetingTable" t ON t."meetingId" = m."id"
      WHERE m."fairId" = ${fairId} AND m."status" IN ('ACCEPTED', 'HELD')`,
    prisma.$queryRaw<Array<{ n: bigint }>>`
      SELECT count(DISTINCT COALESCE('u:' || v."userId", 'g:' || v."guestKey")) AS "n"
      FROM "LiveSessionView" v JOIN "LiveSession" s ON s."id" = v."sessionId"
      WHERE s."fairId" = ${fairId} AND (v."userId" IS NOT NULL OR v."guestKey" IS NOT NULL)`,
    prisma.$queryRaw<Array<{ n: bigint }>>`
      SELECT count(DISTINCT r."userId") AS "n"
      FROM "FairCheckIn" c JOIN "FairRegistration" r ON r."id" = c."registrationId"
      WHERE c."fairId" = ${fairId} AND EXISTS (
        SELECT 1 FROM "LiveSessionView" v JOIN "LiveSession" s ON s."id" = v."sessionId"
        WHERE s."fairId" = ${fairId} AND v."userId" = r."userId")`,
    prisma.fairOnSite.findUnique({ where: { fairId }, select: { meetingTables: true } }),
  ])
  const approvedOf = (kind: string) => registrations.find((r) => r.kind === kind)?._count._all ?? 0
  const checkedOf = (kind: string) => num(checkIns.find((r) => r.kind === kind)?.n)
  return {
    checkedIn: { buyers: checkedOf('BUYER'), exhibitors: checkedOf('EXHIBITOR'), total: checkedOf('BUYER') + checkedOf('EXHIBITOR') },
    approved: { buyers: approvedOf('BUYER'), exhibitors: approvedOf('EXHIBITOR') },
    boothLeads: num(leads[0]?.leads),
    companiesWithBoothLeads: num(leads[0]?.companies),
    meetings: { onSite: num(meetings[0]?.onSite), online: num(meetings[0]?.online) },
    onlineViewers: num(viewers[0]?.n),
    checkedInAlsoOnline: num(both[0]?.n),
    meetingTables: setup?.meetingTables ?? 0,
  }
}
