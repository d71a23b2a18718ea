import type { Prisma } from '~/generated/prisma/client'
import { getPrisma } from '~/domain/db.server'
import { pickLocalized } from '~/domain/catalog/translations'
import { aheadWhere } from './show-timing'

/**
 * Where a showcase may be listed at all: a showcase that is not a fair proposal still waiting for the
 * organizer, nor part of a fair set back to DRAFT (its name must not leak through its shows). Who may
 * see it is separate: LISTED_SHOWCASE for anyone, the replay lists add private ones for accounts.
 */
export const LISTABLE_SHOWCASE = {
  kind: 'SHOWCASE',
  OR: [{ fairId: null }, { approvedAt: { not: null }, fair: { status: { not: 'DRAFT' } } }],
} satisfies Prisma.LiveSessionWhereInput

/** What anyone may see listed: public showcases that may be listed. */
export const LISTED_SHOWCASE = { ...LISTABLE_SHOWCASE, isPublic: true } satisfies Prisma.LiveSessionWhereInput

/**
 * Live now (newest first) and next scheduled showcases (soonest first): the listed ones (optionally of one company), or
 * with `audience: 'company'` all of that company's own (its members' dashboard).
 */
export async function listUpcomingShowcases({
  now,
  locale,
  take = 6,
  companyId,
  audience = 'public',
}: {
  now: Date
  locale: string
  take?: number
  companyId?: string
  audience?: 'public' | 'company'
}) {
  const prisma = await getPrisma()
  const scope: Prisma.LiveSessionWhereInput =
    audience === 'company' && companyId ? { kind: 'SHOWCASE', companyId } : { ...LISTED_SHOWCASE, ...(companyId ? { companyId } : {}) }
  const select = {
    id: true,
    title: true,
    titleI18n: true,
    status: true,
    language: true,
    scheduledStartAt: true,
    scheduledEndAt: true,
    company: { select: { name: true, nameI18n: true, slug: true, region: true } },
    fair: { select: { name: true, slug: true } },
  } satisfies Prisma.LiveSessionSelect
  // Live shows first, then the next ones: sorting by the status enum put SCHEDULED before LIVE, so a page
  // of scheduled shows pushed what was live out of the list.
  const [live, next] = await Promise.all([
    prisma.liveSession.findMany({ where: { AND: [scope, { status: 'LIVE' }] }, orderBy: [{ startedAt: 'desc' }, { id: 'asc' }], take, select }),
    prisma.liveSession.findMany({
      where: { AND: [scope, aheadWhere(now)] },
      orderBy: [{ scheduledStartAt: 'asc' }, { id: 'asc' }],
      take,
      select,
    }),
  ])
  const sessions = [...live, ...next].slice(0, take)
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
