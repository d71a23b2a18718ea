import { getPrisma } from '~/domain/db.server'
import { pickLocalized } from '~/domain/catalog/translations'

/** Live now and next scheduled public showcases, soonest first. */
export async function listUpcomingShowcases({ now, locale, take = 6, companyId }: { now: Date; locale: string; take?: number; companyId?: string }) {
  const prisma = await getPrisma()
  const sessions = await prisma.liveSession.findMany({
    where: {
      kind: 'SHOWCASE',
      ...(companyId ? { companyId } : { isPublic: true }),
      OR: [{ status: 'LIVE' }, { status: 'SCHEDULED', scheduledStartAt: { gte: new Date(now.getTime() - 60 * 60 * 1000) } }],
    },
    orderBy: [{ status: 'asc' }, { scheduledStartAt: 'asc' }],
    take,
    select: {
      id: true,
      title: true,
      titleI18n: true,
      status: true,
      language: true,
      scheduledStartAt: true,
      scheduledEndAt: true,
      company: { select: { name: true, nameI18n: true, slug: true, region: true } },
      fair: { select: { name: true, slug: true } },
    },
  })
  return sessions.map((session) => ({
    id: session.id,
    title: pickLocalized(session.title, session.titleI18n, locale),
    status: session.status,
    language: session.language,
    scheduledStartAt: session.scheduledStartAt.toISOString(),
    scheduledEndAt: session.scheduledEndAt.toISOString(),
    companyName: pickLocalized(session.company.name, session.company.nameI18n, locale),
    companySlug: session.company.slug,
    fairName: session.fair?.name ?? null,
  }))
}

export type UpcomingShowcase = Awaited<ReturnType<typeof listUpcomingShowcases>>[number]
