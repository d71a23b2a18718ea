import { getPrisma } from '~/domain/db.server'
import { pickLocalized, pickTranslation } from '~/domain/catalog/translations'
import { listUpcomingShowcases } from '~/domain/live/upcoming.server'

export async function getBuyerDashboard(userId: string, { now, locale }: { now: Date; locale: string }) {
  const prisma = await getPrisma()
  const profile = await prisma.buyerProfile.findUnique({
    where: { userId },
    select: { id: true, companyName: true, country: true, businessType: true, interests: true, timeZone: true },
  })
  if (!profile) return { profile: null, inquiries: [], meetings: [], showcases: await listUpcomingShowcases({ now, locale }) }
  const [inquiries, meetings, showcases] = await Promise.all([
    prisma.inquiry.findMany({
      where: { buyerId: profile.id },
      orderBy: { updatedAt: 'desc' },
      take: 8,
      select: {
        id: true,
        status: true,
        quantity: true,
        unit: true,
        updatedAt: true,
        company: { select: { name: true, nameI18n: true } },
        product: { select: { translations: { select: { locale: true, name: true } } } },
      },
    }),
    prisma.meeting.findMany({
      where: { buyerId: profile.id, status: { in: ['REQUESTED', 'ACCEPTED', 'RESCHEDULE_PROPOSED'] }, endsAt: { gte: now } },
      orderBy: { startsAt: 'asc' },
      take: 5,
      select: {
        id: true,
        status: true,
        startsAt: true,
        interpreterLanguage: true,
        company: { select: { name: true, nameI18n: true, timeZone: true } },
      },
    }),
    listUpcomingShowcases({ now, locale }),
  ])
  return {
    profile,
    inquiries: inquiries.map((inquiry) => ({
      id: inquiry.id,
      status: inquiry.status,
      quantity: inquiry.quantity,
      unit: inquiry.unit,
      updatedAt: inquiry.updatedAt.toISOString(),
      companyName: pickLocalized(inquiry.company.name, inquiry.company.nameI18n, locale),
      productName: inquiry.product ? (pickTranslation(inquiry.product.translations, locale)?.name ?? null) : null,
    })),
    meetings: meetings.map((meeting) => ({
      id: meeting.id,
      status: meeting.status,
      startsAt: meeting.startsAt.toISOString(),
      interpreterLanguage: meeting.interpreterLanguage,
      counterpart: pickLocalized(meeting.company.name, meeting.company.nameI18n, locale),
      counterpartTimeZone: meeting.company.timeZone,
    })),
    showcases,
  }
}
