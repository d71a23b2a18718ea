import type { TradeFair } from '~/generated/prisma/client'
import { DomainError } from '~/domain/errors'
import { pickLocalized, pickLocalizedText, pickTranslation } from '~/domain/catalog/translations'
import { getPrisma } from '~/domain/db.server'
import { showTiming, type ShowTiming } from '~/domain/live/show-timing'
import { LISTED_SHOWCASE } from '~/domain/live/upcoming.server'

type Viewer = { id: string; role: string } | null

/** A visible fair: not a DRAFT, unless the viewer organises it (or is an admin). */
async function findVisibleFair(slug: string, viewer: Viewer) {
  const prisma = await getPrisma()
  const fair = await prisma.tradeFair.findUnique({ where: { slug } })
  if (!fair) throw new DomainError('not-found', { status: 404 })
  const manages = viewer !== null && (viewer.role === 'ADMIN' || viewer.id === fair.organizerId)
  if (fair.status === 'DRAFT' && !manages) throw new DomainError('not-found', { status: 404 })
  return { fair, manages }
}

type ProgrammeEntry = { id: string; title: string; state: ShowTiming; startsAt: string }

/** The exhibitor's showcase a booth card leads to: the one live now, else the next in the programme. */
function boothShowcase(programme: readonly ProgrammeEntry[], sessions: ReadonlyArray<{ id: string; companyId: string }>, companyId: string) {
  const own = new Set(sessions.filter((s) => s.companyId === companyId).map((s) => s.id))
  const mine = programme.filter((s) => own.has(s.id))
  const next = mine.find((s) => s.state === 'live') ?? mine.find((s) => s.state === 'soon' || s.state === 'upcoming')
  return next ? { id: next.id, title: next.title, live: next.state === 'live', startsAt: next.startsAt } : null
}

const sessionSelect = {
  id: true,
  title: true,
  titleI18n: true,
  status: true,
  language: true,
  scheduledStartAt: true,
  scheduledEndAt: true,
  uniqueViewers: true,
  company: { select: { name: true, nameI18n: true, slug: true } },
} as const

type FairSummarySource = Pick<
  TradeFair,
  'id' | 'slug' | 'name' | 'nameI18n' | 'description' | 'descriptionI18n' | 'status' | 'startsAt' | 'endsAt' | 'timeZone'
>

/** What a visitor reads of any fair (its page and its card in the index), in the reader's language. */
function fairSummary(fair: FairSummarySource, locale: string) {
  return {
    id: fair.id,
    slug: fair.slug,
    name: pickLocalized(fair.name, fair.nameI18n, locale),
    description: pickLocalized(fair.description, fair.descriptionI18n, locale),
    status: fair.status,
    startsAt: fair.startsAt.toISOString(),
    endsAt: fair.endsAt.toISOString(),
    timeZone: fair.timeZone,
  }
}

/** Public fair page: details, halls with booths, the approved programme, live-now and starting-soon. */
export async function getPublicFair(slug: string, { now, locale, viewer }: { now: Date; locale: string; viewer: Viewer }) {
  const prisma = await getPrisma()
  const { fair, manages } = await findVisibleFair(slug, viewer)
  const [halls, booths, sessions, counts, registration] = await Promise.all([
    prisma.fairHall.findMany({ where: { fairId: fair.id }, orderBy: { position: 'asc' } }),
    prisma.booth.findMany({
      where: { fairId: fair.id, approvedAt: { not: null } },
      orderBy: { code: 'asc' },
      select: {
        code: true,
        hallId: true,
        headline: true,
        companyId: true,
        company: { select: { name: true, nameI18n: true, industry: true, city: true } },
      },
    }),
    // Listed showcases only: every programme entry links to a viewer page anyone may open.
    prisma.liveSession.findMany({
      where: { AND: [LISTED_SHOWCASE, { fairId: fair.id, approvedAt: { not: null }, status: { not: 'CANCELLED' } }] },
      orderBy: { scheduledStartAt: 'asc' },
      select: { ...sessionSelect, companyId: true },
    }),
    prisma.fairRegistration.groupBy({ by: ['kind'], where: { fairId: fair.id, status: 'APPROVED' }, _count: { _all: true } }),
    viewer
      ? prisma.fairRegistration.findUnique({ where: { fairId_userId: { fairId: fair.id, userId: viewer.id } }, select: { status: true, kind: true } })
      : null,
  ])
  const programme = sessions.map((s) => ({
    id: s.id,
    title: pickLocalized(s.title, s.titleI18n, locale),
    status: s.status,
    state: showTiming(s, now),
    language: s.language,
    startsAt: s.scheduledStartAt.toISOString(),
    endsAt: s.scheduledEndAt.toISOString(),
    companyName: pickLocalized(s.company.name, s.company.nameI18n, locale),
  }))
  const hallName = new Map(halls.map((h) => [h.id, pickLocalized(h.name, h.nameI18n, locale)]))
  const boothRows = booths.map((b) => ({
    code: b.code,
    headline: b.headline,
    hall: b.hallId ? (hallName.get(b.hallId) ?? null) : null,
    hallId: b.hallId,
    companyName: pickLocalized(b.company.name, b.company.nameI18n, locale),
    industry: b.company.industry,
    city: b.company.city,
    showcase: boothShowcase(programme, sessions, b.companyId),
  }))
  return {
    fair: {
      ...fairSummary(fair, locale),
      languages: fair.languages,
      bannerPath: fair.bannerPath,
    },
    manages,
    registration,
    counts: {
      exhibitors: counts.find((c) => c.kind === 'EXHIBITOR')?._count._all ?? 0,
      buyers: counts.find((c) => c.kind === 'BUYER')?._count._all ?? 0,
    },
    halls: [
      ...halls.map((h) => ({ id: h.id, name: hallName.get(h.id) ?? '', booths: boothRows.filter((b) => b.hallId === h.id) })),
      ...(boothRows.some((b) => !b.hallId) ? [{ id: 'none', name: null, booths: boothRows.filter((b) => !b.hallId) }] : []),
    ].filter((h) => h.booths.length > 0),
    industries: [...new Set(boothRows.map((b) => b.industry))].sort(),
    programme,
    liveNow: programme.filter((s) => s.state === 'live'),
    startingSoon: programme.filter((s) => s.state === 'soon'),
  }
}

/** A booth page: company, featured products, upcoming and past showcases of this fair. */
export async function getBoothPage(slug: string, code: string, { now, locale, viewer }: { now: Date; locale: string; viewer: Viewer }) {
  const prisma = await getPrisma()
  const { fair } = await findVisibleFair(slug, viewer)
  const booth = await prisma.booth.findFirst({
    where: { fairId: fair.id, code: code.toUpperCase(), approvedAt: { not: null } },
    select: {
      code: true,
      headline: true,
      hall: { select: { name: true, nameI18n: true } },
      company: {
        select: {
          id: true,
          slug: true,
          name: true,
          nameI18n: true,
          description: true,
          descriptionI18n: true,
          city: true,
          region: true,
          industry: true,
          languages: true,
          exportMarkets: true,
          website: true,
        },
      },
    },
  })
  if (!booth) throw new DomainError('not-found', { status: 404 })
  const [products, sessions] = await Promise.all([
    prisma.product.findMany({
      where: { companyId: booth.company.id, status: 'PUBLISHED' },
      orderBy: { createdAt: 'desc' },
      take: 6,
      select: { id: true, hsCode: true, moq: true, unit: true, translations: { select: { locale: true, name: true } } },
    }),
    prisma.liveSession.findMany({
      // Listed showcases only, as in the programme: each links to a viewer page anyone may open.
      where: { AND: [LISTED_SHOWCASE, { fairId: fair.id, companyId: booth.company.id, approvedAt: { not: null }, status: { not: 'CANCELLED' } }] },
      orderBy: { scheduledStartAt: 'asc' },
      select: sessionSelect,
    }),
  ])
  const programme = sessions.map((s) => ({
    id: s.id,
    title: pickLocalized(s.title, s.titleI18n, locale),
    status: s.status,
    state: showTiming(s, now),
    startsAt: s.scheduledStartAt.toISOString(),
    uniqueViewers: s.uniqueViewers,
  }))
  return {
    fair: { slug: fair.slug, name: pickLocalized(fair.name, fair.nameI18n, locale), timeZone: fair.timeZone },
    booth: {
      code: booth.code,
      headline: booth.headline,
      hall: booth.hall ? pickLocalized(booth.hall.name, booth.hall.nameI18n, locale) : null,
    },
    company: {
      slug: booth.company.slug,
      name: pickLocalized(booth.company.name, booth.company.nameI18n, locale),
      // With its language: the booth marks a description shown in another language than the reader's.
      description: pickLocalizedText(booth.company.description, booth.company.descriptionI18n, locale),
      place: [booth.company.city, booth.company.region].filter(Boolean).join(', '),
      industry: booth.company.industry,
      languages: booth.company.languages,
      exportMarkets: booth.company.exportMarkets,
    },
    products: products.map((p) => {
      const translation = pickTranslation(p.translations, locale)
      return { id: p.id, hsCode: p.hsCode, moq: p.moq, unit: p.unit, name: translation?.name ?? '', nameLang: translation?.locale ?? 'en' }
    }),
    upcoming: programme.filter((s) => s.state !== 'past'),
    past: programme.filter((s) => s.state === 'past'),
  }
}

/** How many past fairs the index lists (most recent first). */
export const PAST_FAIRS_SHOWN = 24

/**
 * The public fairs index: current fairs (OPEN or LIVE, between their opening and closing), upcoming
 * ones (not yet open) and past ones (closed, or their closing passed). DRAFT fairs are never listed.
 * Counts are what a visitor can see: approved booths, listed showcases of the programme, shows live now.
 */
export async function listPublicFairs({ now, locale }: { now: Date; locale: string }) {
  const prisma = await getPrisma()
  const programme = { AND: [LISTED_SHOWCASE, { approvedAt: { not: null } }, { status: { not: 'CANCELLED' as const } }] }
  const select = {
    id: true,
    slug: true,
    name: true,
    nameI18n: true,
    description: true,
    descriptionI18n: true,
    status: true,
    startsAt: true,
    endsAt: true,
    timeZone: true,
    _count: {
      select: {
        booths: { where: { approvedAt: { not: null } } },
        liveSessions: { where: programme },
      },
    },
  } as const
  const [current, upcoming, past, liveCounts] = await Promise.all([
    prisma.tradeFair.findMany({
      where: { status: { in: ['OPEN', 'LIVE'] }, startsAt: { lte: now }, endsAt: { gt: now } },
      orderBy: { endsAt: 'asc' },
      select,
    }),
    prisma.tradeFair.findMany({
      where: { status: { in: ['OPEN', 'LIVE'] }, startsAt: { gt: now } },
      orderBy: { startsAt: 'asc' },
      select,
    }),
    prisma.tradeFair.findMany({
      where: { OR: [{ status: 'CLOSED' }, { status: { in: ['OPEN', 'LIVE'] }, endsAt: { lte: now } }] },
      orderBy: { endsAt: 'desc' },
      take: PAST_FAIRS_SHOWN,
      select,
    }),
    prisma.liveSession.groupBy({ by: ['fairId'], where: { AND: [programme, { status: 'LIVE', fairId: { not: null } }] }, _count: { _all: true } }),
  ])
  const liveByFair = new Map(liveCounts.map((row) => [row.fairId, row._count._all]))
  const card = (fair: (typeof current)[number]) => ({
    ...fairSummary(fair, locale),
    exhibitors: fair._count.booths,
    showcases: fair._count.liveSessions,
    liveNow: liveByFair.get(fair.id) ?? 0,
  })
  return { current: current.map(card), upcoming: upcoming.map(card), past: past.map(card) }
}
