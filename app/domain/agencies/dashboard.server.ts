import { DomainError } from '~/domain/errors'
import { getPrisma } from '~/domain/db.server'
import { pickLocalized, pickTranslation } from '~/domain/catalog/translations'
import { ACTION_LOG_FIELDS, actionLogEntry } from './action-log.server'
import type { AgencyScopeName } from './scopes'

// The agency's dashboard (/agency): one inbox across the companies it represents, those companies with
// their granted scopes, the agency's action log and its KPIs (docs/export-agencies.md).

const OPEN_STAGES = ['CONSULTATION', 'QUOTE', 'SAMPLE', 'LOI'] as const
const INBOX_LIMIT = 200

export type AgencyInboxFilter = { company?: string | undefined; kind?: 'rfq' | 'meeting' | undefined }

/** The user's agency; 403 for an agency account that no agency has added yet. */
export async function requireAgencyMembership(userId: string) {
  const prisma = await getPrisma()
  const member = await prisma.agencyMember.findUnique({
    where: { userId },
    select: { id: true, role: true, agency: { select: { id: true, name: true, nameI18n: true, region: true } } },
  })
  if (!member) throw new DomainError('no-agency', { status: 403, messageKey: 'agency.errors.noAgency' })
  return member
}

export async function loadAgencyDashboard(userId: string, locale: string, filter: AgencyInboxFilter, actingCompanyId: string | null, now = new Date()) {
  const prisma = await getPrisma()
  const member = await requireAgencyMembership(userId)
  const agencyId = member.agency.id
  const grants = await prisma.agencyGrant.findMany({
    where: { agencyId, revokedAt: null },
    select: { id: true, scopes: true, createdAt: true, company: { select: { id: true, slug: true, name: true, nameI18n: true } } },
    orderBy: { company: { name: 'asc' } },
  })
  const companies = grants.map((g) => ({
    id: g.company.id,
    slug: g.company.slug,
    name: pickLocalized(g.company.name, g.company.nameI18n, locale),
    scopes: g.scopes,
    since: g.createdAt.toISOString(),
  }))
  const nameOf = new Map(companies.map((c) => [c.id, c.name]))
  const withScope = (scope: AgencyScopeName) =>
    companies.filter((c) => c.scopes.includes(scope) && (!filter.company || filter.company === c.id)).map((c) => c.id)
  const rfqCompanies = filter.kind === 'meeting' ? [] : withScope('RFQS_QUOTES')
  const meetingCompanies = filter.kind === 'rfq' ? [] : withScope('MEETINGS')

  const [inquiries, meetings, actions, quoteCount, answered, meetingActions] = await Promise.all([
    rfqCompanies.length === 0
      ? []
      : prisma.inquiry.findMany({
          where: { companyId: { in: rfqCompanies }, status: { in: [...OPEN_STAGES] } },
          orderBy: { createdAt: 'desc' },
          take: INBOX_LIMIT,
          select: {
            id: true,
            status: true,
            createdAt: true,
            companyId: true,
            exporterLastReadAt: true,
            buyer: { select: { companyName: true, country: true, userId: true } },
            product: { select: { translations: { select: { locale: true, name: true } } } },
            messages: { orderBy: { createdAt: 'desc' }, take: 1, select: { authorId: true, createdAt: true } },
          },
        }),
    meetingCompanies.length === 0
      ? []
      : prisma.meeting.findMany({
          where: { companyId: { in: meetingCompanies }, status: { in: ['REQUESTED', 'RESCHEDULE_PROPOSED'] }, startsAt: { gt: now } },
          orderBy: { startsAt: 'asc' },
          take: INBOX_LIMIT,
          select: { id: true, status: true, startsAt: true, companyId: true, buyer: { select: { companyName: true, country: true } } },
        }),
    prisma.agencyAction.findMany({
      where: { agencyId },
      orderBy: { createdAt: 'desc' },
      take: 50,
      select: { ...ACTION_LOG_FIELDS, company: { select: { name: true, nameI18n: true } } },
    }),
    prisma.agencyAction.count({ where: { agencyId, action: 'inquiry.quote' } }),
    prisma.agencyAction.findMany({
      where: { agencyId, action: { in: ['inquiry.quote', 'inquiry.message'] } },
      distinct: ['companyId', 'targetType', 'targetId'],
      select: { targetType: true, targetId: true },
    }),
    prisma.agencyAction.count({ where: { agencyId, action: { startsWith: 'meeting.' } } }),
  ])
  // An RFQ needs an answer when nobody quoted yet, or the buyer wrote last.
  const rfqItems = inquiries
    .filter((i) => i.status === 'CONSULTATION' || i.messages[0]?.authorId === i.buyer.userId)
    .map((i) => ({
      kind: 'rfq' as const,
      id: i.id,
      href: `/inquiries/${i.id}`,
      companyId: i.companyId,
      companyName: nameOf.get(i.companyId) ?? '',
      buyer: i.buyer.companyName,
      country: i.buyer.country,
      status: i.status,
      title: i.product ? (pickTranslation(i.product.translations, locale)?.name ?? '') : '',
      at: (i.messages[0]?.createdAt ?? i.createdAt).toISOString(),
    }))
  const meetingItems = meetings.map((m) => ({
    kind: 'meeting' as const,
    id: m.id,
    href: `/meetings/${m.id}`,
    companyId: m.companyId,
    companyName: nameOf.get(m.companyId) ?? '',
    buyer: m.buyer.companyName,
    country: m.buyer.country,
    status: m.status,
    title: '',
    at: m.startsAt.toISOString(),
  }))
  // Answered RFQs: distinct inquiries the agency quoted or wrote on (messages and quotes point at their inquiry).
  const messageIds = answered.filter((a) => a.targetType === 'inquiry-message').map((a) => a.targetId)
  const quoteIds = answered.filter((a) => a.targetType === 'quote').map((a) => a.targetId)
  const [messageInquiries, quoteInquiries] = await Promise.all([
    messageIds.length ? prisma.inquiryMessage.findMany({ where: { id: { in: messageIds } }, select: { inquiryId: true } }) : [],
    quoteIds.length ? prisma.quote.findMany({ where: { id: { in: quoteIds } }, select: { inquiryId: true } }) : [],
  ])
  const rfqsAnswered = new Set([...messageInquiries, ...quoteInquiries].map((row) => row.inquiryId)).size
  const representedIds = companies.map((c) => c.id)
  const meetingsAccepted =
    representedIds.length === 0 ? 0 : await prisma.meeting.count({ where: { companyId: { in: representedIds }, status: { in: ['ACCEPTED', 'HELD'] } } })
  return {
    agency: { id: agencyId, name: pickLocalized(member.agency.name, member.agency.nameI18n, locale), region: member.agency.region, role: member.role },
    companies,
    actingCompanyId: actingCompanyId && nameOf.has(actingCompanyId) ? actingCompanyId : null,
    inbox: [...rfqItems, ...meetingItems].sort((a, b) => b.at.localeCompare(a.at)),
    actions: actions.map((a) => ({ ...actionLogEntry(a), company: pickLocalized(a.company.name, a.company.nameI18n, locale) })),
    kpis: { companies: companies.length, rfqsAnswered, quotes: quoteCount, meetingActions, meetingsAccepted },
  }
}
