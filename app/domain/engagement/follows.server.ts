import type { SessionUser } from '~/domain/accounts/session.server'
import { pickLocalized } from '~/domain/catalog/translations'
import { getPrisma } from '~/domain/db.server'
import { DomainError } from '~/domain/errors'
import { RECORD_ID_PATTERN } from '~/lib/record-id'

// Buyers follow exporters and fairs; followers get "now live" (in-app and mail) when a followed exporter's
// showcase, or an approved showcase of a followed fair, goes live (reminders.server.ts).

export type FollowTarget = 'exporter' | 'fair'

function requireBuyer(user: Pick<SessionUser, 'role'>) {
  if (user.role !== 'BUYER') throw new DomainError('buyers-only', { status: 403, messageKey: 'engagement.follow.buyersOnly' })
}

/** Follows (or stops following) an exporter or a fair; following twice is one follow. Returns the new state. */
export async function setFollowing(user: Pick<SessionUser, 'id' | 'role'>, target: FollowTarget, id: string, following: boolean): Promise<boolean> {
  requireBuyer(user)
  if (!RECORD_ID_PATTERN.test(id)) throw new DomainError('not-found', { status: 404 })
  const prisma = await getPrisma()
  if (target === 'exporter') {
    const company = await prisma.exporterCompany.findUnique({ where: { id }, select: { id: true } })
    if (!company) throw new DomainError('not-found', { status: 404 })
    if (following) await prisma.exporterFollow.createMany({ data: [{ userId: user.id, companyId: id }], skipDuplicates: true })
    else await prisma.exporterFollow.deleteMany({ where: { userId: user.id, companyId: id } })
  } else {
    // Draft fairs are not public: nobody can follow what they cannot see.
    const fair = await prisma.tradeFair.findFirst({ where: { id, status: { not: 'DRAFT' } }, select: { id: true } })
    if (!fair) throw new DomainError('not-found', { status: 404 })
    if (following) await prisma.fairFollow.createMany({ data: [{ userId: user.id, fairId: id }], skipDuplicates: true })
    else await prisma.fairFollow.deleteMany({ where: { userId: user.id, fairId: id } })
  }
  return following
}

export async function isFollowing(userId: string | undefined, target: FollowTarget, id: string): Promise<boolean> {
  if (!userId) return false
  const prisma = await getPrisma()
  return target === 'exporter'
    ? (await prisma.exporterFollow.count({ where: { userId, companyId: id } })) > 0
    : (await prisma.fairFollow.count({ where: { userId, fairId: id } })) > 0
}

/** The buyer's follows, newest first, with names in their language (the buyer area's "Following" page). */
export async function listFollowing(userId: string, locale: string) {
  const prisma = await getPrisma()
  const [exporters, fairs] = await Promise.all([
    prisma.exporterFollow.findMany({
      where: { userId },
      orderBy: { createdAt: 'desc' },
      select: { createdAt: true, company: { select: { id: true, slug: true, name: true, nameI18n: true } } },
    }),
    prisma.fairFollow.findMany({
      where: { userId, fair: { status: { not: 'DRAFT' } } },
      orderBy: { createdAt: 'desc' },
      select: { createdAt: true, fair: { select: { id: true, slug: true, name: true, nameI18n: true } } },
    }),
  ])
  return {
    exporters: exporters.map(({ company, createdAt }) => ({
      id: company.id,
      slug: company.slug,
      name: pickLocalized(company.name, company.nameI18n, locale),
      since: createdAt.toISOString(),
    })),
    fairs: fairs.map(({ fair, createdAt }) => ({
      id: fair.id,
      slug: fair.slug,
      name: pickLocalized(fair.name, fair.nameI18n, locale),
      since: createdAt.toISOString(),
    })),
  }
}
