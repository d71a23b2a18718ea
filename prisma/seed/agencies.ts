// Export agencies in the demo (docs/export-agencies.md): the Gangwon Export Agency with a lead
// (agency@tradecast.dev, the demo password) and an agent, granted rights by the demo exporter's company
// (catalogue, RFQs & quotes, meetings) and by a second company (catalogue, showcases), with a first entry in
// its action log, so /agency, /exporter/agencies and the admin's /admin/agencies show something on the first start.
import type { Prisma } from '../../app/generated/prisma/client.ts'
import { DEMO_ACCOUNTS } from './buyers.ts'

export const AGENCY_EMAIL = 'agency@tradecast.dev'

export async function seedAgencies(tx: Prisma.TransactionClient, { now, passwordHash }: { now: Date; passwordHash: string }) {
  const agency = await tx.exportAgency.create({
    data: { slug: 'gangwon-export-agency', name: 'Gangwon Export Agency', nameI18n: { ko: '강원수출지원센터' }, region: 'Gangwon', createdAt: now },
  })
  const people = [
    { email: AGENCY_EMAIL, name: 'Kim Haneul', role: 'LEAD' as const },
    { email: 'agent@tradecast.dev', name: 'Lee Jiwoo', role: 'AGENT' as const },
  ]
  const users = []
  for (const person of people) {
    const user = await tx.user.create({
      data: {
        email: person.email,
        name: person.name,
        role: 'AGENCY',
        locale: 'ko',
        timeZone: 'Asia/Seoul',
        password: { create: { hash: passwordHash } },
        agencyMembership: { create: { agencyId: agency.id, role: person.role, createdAt: now } },
      },
    })
    users.push(user)
  }
  const owner = await tx.exporterMember.findFirst({ where: { user: { email: DEMO_ACCOUNTS.exporter } }, select: { userId: true, companyId: true } })
  if (!owner) return
  const second = await tx.exporterMember.findFirst({
    where: { role: 'OWNER', companyId: { not: owner.companyId } },
    orderBy: { company: { name: 'asc' } },
    select: { userId: true, companyId: true },
  })
  await tx.agencyGrant.create({
    data: {
      companyId: owner.companyId,
      agencyId: agency.id,
      scopes: ['CATALOGUE', 'MEETINGS', 'RFQS_QUOTES'],
      grantedById: owner.userId,
      createdAt: now,
      updatedAt: now,
    },
  })
  if (second) {
    await tx.agencyGrant.create({
      data: {
        companyId: second.companyId,
        agencyId: agency.id,
        scopes: ['CATALOGUE', 'SHOWCASES'],
        grantedById: second.userId,
        createdAt: now,
        updatedAt: now,
      },
    })
  }
  // One earlier edit of the demo company's catalogue, so both logs have a first line.
  const product = await tx.product.findFirst({ where: { companyId: owner.companyId }, orderBy: { createdAt: 'asc' }, select: { id: true } })
  const lead = users[0]
  if (product && lead) {
    await tx.agencyAction.create({
      data: {
        agencyId: agency.id,
        companyId: owner.companyId,
        actorId: lead.id,
        actorName: lead.name,
        action: 'product.update',
        targetType: 'product',
        targetId: product.id,
        createdAt: new Date(now.getTime() - 26 * 60 * 60 * 1000),
      },
    })
  }
}
