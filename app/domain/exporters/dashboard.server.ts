import { SIGNED_STAGES } from '~/domain/inquiries/pipeline'
import { getPrisma } from '~/domain/db.server'
import { pickLocalized, pickTranslation } from '~/domain/catalog/translations'
import { listUpcomingShowcases } from '~/domain/live/upcoming.server'

const DAY_MS = 24 * 60 * 60 * 1000
const OPEN_INQUIRY = ['CONSULTATION', 'QUOTE', 'SAMPLE', 'LOI'] as const

export async function getExporterDashboard(companyId: string, { now, locale }: { now: Date; locale: string }) {
  const prisma = await getPrisma()
  const in30Days = new Date(now.getTime() + 30 * DAY_MS)
  const [company, productCount, certifications, openInquiries, won, recentInquiries, meetings, sessions] = await Promise.all([
    prisma.exporterCompany.findUniqueOrThrow({
      where: { id: companyId },
      select: { name: true, nameI18n: true, region: true, city: true, industry: true, exportMarkets: true },
    }),
    prisma.product.count({ where: { companyId, status: 'PUBLISHED' } }),
    prisma.certification.findMany({
      where: { companyId },
      orderBy: { validUntil: 'asc' },
      select: { id: true, type: true, market: true, number: true, validUntil: true },
    }),
    prisma.inquiry.count({ where: { companyId, status: { in: [...OPEN_INQUIRY] } } }),
    prisma.inquiry.aggregate({ where: { companyId, status: { in: [...SIGNED_STAGES] } }, _sum: { contractValueUsdCents: true } }),
    prisma.inquiry.findMany({
      where: { companyId },
      orderBy: { createdAt: 'desc' },
      take: 5,
      select: {
        id: true,
        status: true,
        quantity: true,
        unit: true,
        createdAt: true,
        buyer: { select: { companyName: true, country: true } },
        product: { select: { translations: { select: { locale: true, name: true } } } },
      },
    }),
    prisma.meeting.findMany({
      where: { companyId, status: { in: ['REQUESTED', 'ACCEPTED', 'RESCHEDULE_PROPOSED'] }, endsAt: { gte: now } },
      orderBy: { startsAt: 'asc' },
      take: 5,
      select: {
        id: true,
        status: true,
        startsAt: true,
        interpreterLanguage: true,
        buyer: { select: { companyName: true, country: true, timeZone: true } },
      },
    }),
    listUpcomingShowcases({ now, locale, companyId, take: 5, audience: 'company' }),
  ])

  return {
    company: { ...company, name: pickLocalized(company.name, company.nameI18n, locale) },
    productCount,
    certifications: {
      total: certifications.length,
      expired: certifications.filter((c) => c.validUntil && c.validUntil < now).length,
      expiringSoon: certifications
        .filter((c) => c.validUntil && c.validUntil >= now && c.validUntil <= in30Days)
        .map((c) => ({ ...c, validUntil: c.validUntil?.toISOString() ?? null })),
    },
    openInquiries,
    wonContractUsdCents: Number(won._sum.contractValueUsdCents ?? 0n),
    recentInquiries: recentInquiries.map((inquiry) => ({
      id: inquiry.id,
      status: inquiry.status,
      quantity: inquiry.quantity,
      unit: inquiry.unit,
      createdAt: inquiry.createdAt.toISOString(),
      buyerCompany: inquiry.buyer.companyName,
      buyerCountry: inquiry.buyer.country,
      productName: inquiry.product ? (pickTranslation(inquiry.product.translations, locale)?.name ?? null) : null,
    })),
    upcomingMeetings: meetings.map((meeting) => ({
      id: meeting.id,
      status: meeting.status,
      startsAt: meeting.startsAt.toISOString(),
      interpreterLanguage: meeting.interpreterLanguage,
      counterpart: meeting.buyer.companyName,
      counterpartCountry: meeting.buyer.country,
      counterpartTimeZone: meeting.buyer.timeZone,
    })),
    upcomingSessions: sessions,
  }
}
