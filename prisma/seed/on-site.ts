// Hybrid fairs on site in the demo (docs/fair-on-site.md), decided from the rows the plan inserted so it stays
// deterministic: the GTI Expo has 8 meeting tables and its accepted/held meetings sit at them (lowest free
// table per slot, as the app assigns them); every third approved buyer and every fourth exhibitor's staff
// member checked in at the entrance on the fair's first morning; and the demo exporter scanned three buyers
// at its booth, with notes. The demo buyer and the demo exporter are left unchecked-in, so their badges can
// be scanned in a demo (and in e2e/fair-on-site.spec.ts).
import type { Prisma } from '../../app/generated/prisma/client.ts'
import { DEMO_ACCOUNTS } from './buyers.ts'
import { FAIR_SLUG } from './fair.ts'

const MEETING_TABLES = 8
const MINUTE = 60_000
const NOTES = [
  'Asked for the HACCP certificate and a price list for 40 ft containers',
  'Wants samples of the dried pollock snacks shipped to Ulaanbaatar',
  'Distributor for Kazakhstan; follow up after the fair with FOB quotes',
]

export async function seedOnSite(tx: Prisma.TransactionClient): Promise<{ checkIns: number; boothLeads: number; seated: number }> {
  const fair = await tx.tradeFair.findUniqueOrThrow({ where: { slug: FAIR_SLUG }, select: { id: true, startsAt: true, organizerId: true } })
  await tx.fairOnSite.create({ data: { fairId: fair.id, meetingTables: MEETING_TABLES } })

  // Tables: per slot, in the order the meetings were made.
  const meetings = await tx.meeting.findMany({
    where: { fairId: fair.id, slotId: { not: null }, status: { in: ['ACCEPTED', 'HELD'] } },
    orderBy: [{ startsAt: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, slotId: true },
  })
  const used = new Map<string, number>()
  let seated = 0
  for (const meeting of meetings) {
    if (!meeting.slotId) continue
    const table = (used.get(meeting.slotId) ?? 0) + 1
    if (table > MEETING_TABLES) continue
    used.set(meeting.slotId, table)
    await tx.meetingTable.create({ data: { meetingId: meeting.id, slotId: meeting.slotId, fairId: fair.id, tableNumber: table } })
    seated++
  }

  const registrations = await tx.fairRegistration.findMany({
    where: { fairId: fair.id, status: 'APPROVED' },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, kind: true, user: { select: { email: true } } },
  })
  const doors = fair.startsAt.getTime()
  let checkIns = 0
  const buyers = registrations.filter((r) => r.kind === 'BUYER')
  const exhibitors = registrations.filter((r) => r.kind === 'EXHIBITOR')
  const arriving = [
    ...buyers.filter((r, index) => index % 3 === 0 && r.user.email !== DEMO_ACCOUNTS.buyer),
    ...exhibitors.filter((r, index) => index % 4 === 0 && r.user.email !== DEMO_ACCOUNTS.exporter),
  ]
  for (const [index, registration] of arriving.entries()) {
    const at = new Date(doors + (index * 3 + 1) * MINUTE)
    await tx.fairCheckIn.create({
      data: {
        fairId: fair.id,
        registrationId: registration.id,
        scanId: `seed-check-in-${registration.id}`,
        scannedAt: at,
        receivedAt: at,
        checkedInById: fair.organizerId,
      },
    })
    checkIns++
  }

  const exporter = await tx.user.findUnique({ where: { email: DEMO_ACCOUNTS.exporter }, select: { id: true, exporterMember: { select: { companyId: true } } } })
  let boothLeads = 0
  if (exporter?.exporterMember) {
    const visitors = buyers.filter((r) => r.user.email !== DEMO_ACCOUNTS.buyer).slice(0, NOTES.length)
    for (const [index, visitor] of visitors.entries()) {
      const at = new Date(doors + (90 + index * 25) * MINUTE)
      await tx.boothLead.create({
        data: {
          fairId: fair.id,
          companyId: exporter.exporterMember.companyId,
          registrationId: visitor.id,
          source: 'ON_SITE',
          note: NOTES[index] ?? '',
          scanId: `seed-booth-${visitor.id}`,
          scannedAt: at,
          receivedAt: at,
          scannedById: exporter.id,
        },
      })
      boothLeads++
    }
  }
  return { checkIns, boothLeads, seated }
}
