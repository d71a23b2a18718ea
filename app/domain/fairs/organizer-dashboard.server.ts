import { getPrisma } from '~/domain/db.server'
import { pickLocalized } from '~/domain/catalog/translations'

/** The organizer's fairs with registration, booth and programme counts (admins see all fairs). */
export async function getOrganizerDashboard(user: { id: string; role: string }, { locale }: { locale: string }) {
  const prisma = await getPrisma()
  const fairs = await prisma.tradeFair.findMany({
    where: user.role === 'ADMIN' ? {} : { organizerId: user.id },
    orderBy: { startsAt: 'desc' },
    select: {
      id: true,
      slug: true,
      name: true,
      nameI18n: true,
      status: true,
      startsAt: true,
      endsAt: true,
      timeZone: true,
      _count: { select: { booths: true, liveSessions: true, meetings: true, inquiries: true } },
    },
  })
  const registrationCounts = await prisma.fairRegistration.groupBy({
    by: ['fairId', 'kind', 'status'],
    where: { fairId: { in: fairs.map((fair) => fair.id) } },
    _count: { _all: true },
  })
  return fairs.map((fair) => {
    const rows = registrationCounts.filter((row) => row.fairId === fair.id)
    const count = (kind: 'EXHIBITOR' | 'BUYER', status?: string) =>
      rows.filter((row) => row.kind === kind && (!status || row.status === status)).reduce((sum, row) => sum + row._count._all, 0)
    return {
      id: fair.id,
      slug: fair.slug,
      name: pickLocalized(fair.name, fair.nameI18n, locale),
      status: fair.status,
      startsAt: fair.startsAt.toISOString(),
      endsAt: fair.endsAt.toISOString(),
      timeZone: fair.timeZone,
      booths: fair._count.booths,
      sessions: fair._count.liveSessions,
      meetings: fair._count.meetings,
      inquiries: fair._count.inquiries,
      exhibitors: { approved: count('EXHIBITOR', 'APPROVED'), pending: count('EXHIBITOR', 'PENDING') },
      buyers: { approved: count('BUYER', 'APPROVED'), pending: count('BUYER', 'PENDING') },
    }
  })
}
