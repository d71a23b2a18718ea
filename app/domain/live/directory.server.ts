import { stat } from 'node:fs/promises'
import type { Prisma } from '~/generated/prisma/client'
import { getPrisma } from '~/domain/db.server'
import { pickLocalized } from '~/domain/catalog/translations'
import { readyForMarketWhere } from '~/domain/readiness/readiness.server'
import { hsChapterTitle } from '~/domain/catalog/hs-chapters'
import { listVisibleReplays } from '~/domain/replays/lists.server'
import { LIVE_MEDIA_LINK_LIFETIME_SECONDS, signedMediaUrl } from '~/domain/replays/media-urls.server'
import { LIVE_PREVIEW_FILE, POSTER_FILE } from '~/domain/replays/recordings.server'
import { getRecordingStorage } from '~/domain/replays/storage.server'
import type { DirectoryFilters } from './directory'
import { laterWhere, startingSoonWhere } from './show-timing'
import { LISTED_SHOWCASE } from './upcoming.server'
import { audienceOf } from './viewers.server'

/** Per section: a directory page, not an archive. */
const LIVE_LIMIT = 24
const SOON_LIMIT = 24
const UPCOMING_LIMIT = 60

/** Who reads the directory, for the filters that depend on it: the buyer's country for "ready for my market". */
export type DirectoryReader = { buyerCountry: string | null }

/**
 * The filters as conditions on a listed showcase (products count only when published). "Ready for my
 * market" applies only with the reader's buyer country (and only when the requirements catalogue covers it:
 * directoryDataFor drops it otherwise); without one it is ignored. Ready means the export readiness rule
 * (readyForMarketWhere), the same as the catalog's filter and badges.
 */
export function directoryWhere(filters: DirectoryFilters, { now, buyerCountry }: DirectoryReader & { now: Date }): Prisma.LiveSessionWhereInput {
  const and: Prisma.LiveSessionWhereInput[] = [LISTED_SHOWCASE]
  const ready = filters.ready && buyerCountry ? buyerCountry : null
  // Category, chapter and readiness hold for the same product: "a cosmetics product in chapter 33,
  // ready for my market", not one of each.
  if (filters.category || filters.hs || ready) {
    and.push({
      featuredProducts: {
        some: {
          product: {
            status: 'PUBLISHED',
            ...(filters.category ? { category: { slug: filters.category } } : {}),
            ...(filters.hs ? { hsCode: { startsWith: filters.hs } } : {}),
            ...(ready ? readyForMarketWhere(ready, now) : {}),
          },
        },
      },
    })
  }
  if (filters.region) and.push({ company: { region: { equals: filters.region, mode: 'insensitive' } } })
  if (filters.language) and.push({ language: filters.language })
  if (filters.fair) and.push({ fair: { slug: filters.fair, status: { not: 'DRAFT' } } })
  return { AND: and }
}

const entrySelect = {
  id: true,
  title: true,
  titleI18n: true,
  language: true,
  scheduledStartAt: true,
  scheduledEndAt: true,
  startedAt: true,
  company: { select: { name: true, nameI18n: true, slug: true, region: true } },
  fair: { select: { name: true, nameI18n: true, slug: true } },
} satisfies Prisma.LiveSessionSelect

type EntryRow = Prisma.LiveSessionGetPayload<{ select: typeof entrySelect }>

function toEntry(row: EntryRow, locale: string) {
  return {
    id: row.id,
    title: pickLocalized(row.title, row.titleI18n, locale),
    language: row.language,
    startsAt: row.scheduledStartAt.toISOString(),
    endsAt: row.scheduledEndAt.toISOString(),
    companyName: pickLocalized(row.company.name, row.company.nameI18n, locale),
    companySlug: row.company.slug,
    region: row.company.region,
    fairName: row.fair ? pickLocalized(row.fair.name, row.fair.nameI18n, locale) : null,
  }
}

export type DirectoryEntry = ReturnType<typeof toEntry>

/**
 * A recent still of a live show: the recorder's preview (refreshed about every minute), else the poster
 * taken from its first segments, else null (recording off or not started: the page shows the company's
 * name instead). A file look-up per live show, no ffmpeg; the file's time in the link makes browsers
 * fetch a refreshed still (the signature covers the file, the version is only for caches).
 */
export async function liveStillUrl(recordingId: string, now: Date): Promise<string | null> {
  const storage = getRecordingStorage()
  for (const file of [LIVE_PREVIEW_FILE, POSTER_FILE]) {
    const modified = await stat(storage.pathOf(recordingId, file)).then(
      (stats) => Math.floor(stats.mtimeMs / 1000),
      () => null,
    )
    if (modified !== null)
      return `${signedMediaUrl(recordingId, file, { now: now.getTime(), lifetimeSeconds: LIVE_MEDIA_LINK_LIFETIME_SECONDS })}&v=${modified}`
  }
  return null
}

/** Listed showcases live now (optionally narrowed), newest first, with viewers now and a still. */
export async function listLiveNow({
  now,
  locale,
  where = LISTED_SHOWCASE,
  take,
}: {
  now: Date
  locale: string
  where?: Prisma.LiveSessionWhereInput
  take: number
}) {
  const prisma = await getPrisma()
  const live = await prisma.liveSession.findMany({
    where: { AND: [LISTED_SHOWCASE, where, { status: 'LIVE' }] },
    orderBy: [{ startedAt: 'desc' }, { id: 'asc' }],
    take,
    select: { ...entrySelect, status: true, audienceNow: true, recording: { select: { id: true, status: true } } },
  })
  return Promise.all(
    live.map(async (row) => ({
      ...toEntry(row, locale),
      startedAt: (row.startedAt ?? row.scheduledStartAt).toISOString(),
      // The room's own figure, as the realtime server published it (one number on every page).
      viewerCount: audienceOf(row),
      stillUrl: row.recording?.status === 'RECORDING' ? await liveStillUrl(row.recording.id, now) : null,
    })),
  )
}

export type LiveNowEntry = Awaited<ReturnType<typeof listLiveNow>>[number]

/**
 * The part of /live that moves by the minute: what is live now (viewers now, a still) and starting within
 * STARTING_SOON_MINUTES (show-timing.ts). The page refreshes only this part on its timer.
 */
export async function getDirectoryNow({ now, locale, where }: { now: Date; locale: string; where: Prisma.LiveSessionWhereInput }) {
  const prisma = await getPrisma()
  const [live, soon] = await Promise.all([
    listLiveNow({ now, locale, where, take: LIVE_LIMIT }),
    // Late starters (start time passed, not live yet) stay here until their slot ends.
    prisma.liveSession.findMany({
      where: { AND: [where, startingSoonWhere(now)] },
      orderBy: [{ scheduledStartAt: 'asc' }, { id: 'asc' }],
      take: SOON_LIMIT,
      select: entrySelect,
    }),
  ])
  return { liveNow: live, startingSoon: soon.map((row) => toEntry(row, locale)) }
}

/**
 * The showcase directory (/live): what is live now and starting soon (getDirectoryNow), later (soonest
 * first), and the replays, all limited to what anyone may see and narrowed by the filters.
 */
export async function getShowcaseDirectory({
  now,
  locale,
  filters,
  reader = { buyerCountry: null },
}: {
  now: Date
  locale: string
  filters: DirectoryFilters
  reader?: DirectoryReader
}) {
  const prisma = await getPrisma()
  const where = directoryWhere(filters, { now, ...reader })
  const [current, later, replays] = await Promise.all([
    getDirectoryNow({ now, locale, where }),
    prisma.liveSession.findMany({
      where: { AND: [where, laterWhere(now)] },
      orderBy: [{ scheduledStartAt: 'asc' }, { id: 'asc' }],
      take: UPCOMING_LIMIT,
      select: entrySelect,
    }),
    // The directory lists what anyone may see, so replays as a guest sees them (public showcases only).
    listVisibleReplays({ session: where }, null, locale, { now: now.getTime() }),
  ])
  return { ...current, upcoming: later.map((row) => toEntry(row, locale)), replays }
}

/** How long the filter options are reused: they change when a showcase is listed, rarely within a minute. */
const FACETS_MAX_AGE_MS = 60_000
let facetsCache: { at: number; rows: ReturnType<typeof readFacetRows> } | null = null

/** The values that occur among listed showcases, language-neutral (labels are added per reader). */
async function readFacetRows() {
  const prisma = await getPrisma()
  const listedProduct = { status: 'PUBLISHED', featuredIn: { some: { session: LISTED_SHOWCASE } } } satisfies Prisma.ProductWhereInput
  const [categories, hsCodes, regions, languages, fairs] = await Promise.all([
    prisma.category.findMany({ where: { products: { some: listedProduct } }, select: { slug: true, nameI18n: true }, orderBy: { slug: 'asc' } }),
    // Distinct codes in the database (a few thousand at most, however many products): chapters from those.
    prisma.product.groupBy({ by: ['hsCode'], where: listedProduct }),
    prisma.exporterCompany.findMany({
      where: { liveSessions: { some: LISTED_SHOWCASE } },
      distinct: ['region'],
      select: { region: true },
      orderBy: { region: 'asc' },
    }),
    prisma.liveSession.findMany({ where: LISTED_SHOWCASE, distinct: ['language'], select: { language: true }, orderBy: { language: 'asc' } }),
    prisma.tradeFair.findMany({
      where: { status: { not: 'DRAFT' }, liveSessions: { some: LISTED_SHOWCASE } },
      select: { slug: true, name: true, nameI18n: true },
      orderBy: { startsAt: 'desc' },
    }),
  ])
  const chapters = [...new Set(hsCodes.map((row) => row.hsCode.slice(0, 2)))].sort()
  return { categories, chapters, regions, languages, fairs }
}

/**
 * What the filters offer: values that occur among listed showcases (categories and chapters of their
 * products), read at most once a minute per process (`nowMs` is the real clock; tests pass a later one).
 */
export async function getDirectoryFacets(locale: string, nowMs: number = Date.now()) {
  if (!facetsCache || nowMs - facetsCache.at >= FACETS_MAX_AGE_MS || nowMs < facetsCache.at) {
    const rows = readFacetRows()
    facetsCache = { at: nowMs, rows }
    // A failed read is not kept: the next request tries again.
    rows.catch(() => {
      if (facetsCache?.rows === rows) facetsCache = null
    })
  }
  const { categories, chapters, regions, languages, fairs } = await facetsCache.rows
  return {
    categories: categories.map((category) => ({ value: category.slug, label: pickLocalized(category.slug, category.nameI18n, locale) })),
    hsChapters: chapters.map((chapter) => ({ value: chapter, label: `${chapter} · ${hsChapterTitle(chapter, locale) ?? ''}` })),
    regions: regions.map((company) => company.region),
    languages: languages.map((session) => session.language),
    fairs: fairs.map((fair) => ({ value: fair.slug, label: pickLocalized(fair.name, fair.nameI18n, locale) })),
  }
}
