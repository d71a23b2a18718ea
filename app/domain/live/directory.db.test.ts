import { randomUUID } from 'node:crypto'
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBuyer, createExporter, createProduct, createUser } from '../../../tests/fixtures'
import { getRequest } from '../../../tests/http'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { readyForMarketWhere, readyProductIds, refreshReadiness } from '~/domain/readiness/readiness.server'
import { createRequirement } from '~/domain/readiness/requirement-fixtures'
import { listVisibleReplays } from '~/domain/replays/lists.server'
import { LocalRecordingStorage, setRecordingStorage } from '~/domain/replays/storage.server'
import { loader as directoryLoader } from '~/routes/live/index'
import { loader as nowLoader } from '~/routes/live/now'
import { groupByDay, parseDirectoryFilters } from './directory'
import { directoryWhere, getDirectoryFacets, getShowcaseDirectory, listLiveNow } from './directory.server'
import { listUpcomingShowcases } from './upcoming.server'
import { publishAudience } from './viewers.server'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY_MS = 24 * HOUR
const NOW = new Date()

let recordingsDir = ''
beforeAll(async () => {
  await getPrisma()
  recordingsDir = await mkdtemp(path.join(tmpdir(), 'directory-'))
  setRecordingStorage(new LocalRecordingStorage(recordingsDir))
})
afterAll(async () => {
  setRecordingStorage(undefined)
  await rm(recordingsDir, { recursive: true, force: true })
  await disconnectPrisma()
})

type SessionData = {
  status?: 'SCHEDULED' | 'LIVE' | 'ENDED' | 'CANCELLED'
  isPublic?: boolean
  fairId?: string
  approvedAt?: Date
  language?: string
  startsIn?: number
  startedAgo?: number
}

/** An exporter in a region of its own (so each test reads only its own showcases from a shared database). */
async function world() {
  const prisma = await getPrisma()
  const region = `Region ${randomUUID().slice(0, 8)}`
  const exporter = await createExporter()
  await prisma.exporterCompany.update({ where: { id: exporter.company.id }, data: { region } })
  const make = (title: string, data: SessionData = {}) => {
    const startsAt = new Date(NOW.getTime() + (data.startsIn ?? HOUR))
    return prisma.liveSession.create({
      data: {
        title,
        status: data.status ?? 'SCHEDULED',
        isPublic: data.isPublic ?? true,
        language: data.language ?? 'en',
        hostId: exporter.user.id,
        companyId: exporter.company.id,
        fairId: data.fairId ?? null,
        approvedAt: data.approvedAt ?? null,
        scheduledStartAt: startsAt,
        scheduledEndAt: new Date(startsAt.getTime() + HOUR),
        startedAt: data.status === 'LIVE' || data.status === 'ENDED' ? new Date(NOW.getTime() - (data.startedAgo ?? 5 * MINUTE)) : null,
      },
    })
  }
  const directory = (query = '') =>
    getShowcaseDirectory({
      now: NOW,
      locale: 'en',
      filters: { ...parseDirectoryFilters(new URLSearchParams(query)).filters, region },
    })
  return { prisma, exporter, region, make, directory }
}

async function createFair(status: 'DRAFT' | 'OPEN' | 'LIVE' = 'LIVE') {
  const prisma = await getPrisma()
  const organizer = await createUser('ORGANIZER')
  return prisma.tradeFair.create({
    data: {
      slug: `fair-${randomUUID().slice(0, 8)}`,
      name: 'Gangwon Expo',
      startsAt: new Date(NOW.getTime() - HOUR),
      endsAt: new Date(NOW.getTime() + 48 * HOUR),
      timeZone: 'Asia/Seoul',
      status,
      organizerId: organizer.user.id,
    },
  })
}

const titles = (entries: ReadonlyArray<{ title: string }>) => entries.map((entry) => entry.title)

describe('showcase directory', () => {
  it('lists only what anyone may see: private shows and fair proposals awaiting approval never appear', async () => {
    const { prisma, exporter, make, directory } = await world()
    const fair = await createFair()
    await make('Open live', { status: 'LIVE' })
    await make('Private live', { status: 'LIVE', isPublic: false })
    await make('Proposed live', { status: 'LIVE', fairId: fair.id })
    await make('Approved live', { status: 'LIVE', fairId: fair.id, approvedAt: NOW, startedAgo: 20 * MINUTE })
    await make('Private later', { isPublic: false, startsIn: 3 * HOUR })
    await make('Proposed later', { fairId: fair.id, startsIn: 3 * HOUR })
    await make('Open later', { startsIn: 3 * HOUR })
    await make('Cancelled later', { status: 'CANCELLED', startsIn: 3 * HOUR })
    const listed = await directory()
    expect(titles(listed.liveNow)).toEqual(['Open live', 'Approved live'])
    expect(titles(listed.upcoming)).toEqual(['Open later'])
    expect(listed.startingSoon).toEqual([])

    // Nor without a filter (the unfiltered conditions, read over this test's own company so other tests'
    // rows cannot push ours out of a page), nor on the landing page's strip.
    const own = { companyId: exporter.company.id }
    const unfiltered = await prisma.liveSession.findMany({
      where: { AND: [directoryWhere({}, { now: NOW, buyerCountry: null }), own] },
      select: { title: true },
    })
    expect(titles(unfiltered).sort()).toEqual(['Approved live', 'Cancelled later', 'Open later', 'Open live'])
    const strip = await listLiveNow({ now: NOW, locale: 'en', where: own, take: 100 })
    expect(titles(strip)).toEqual(['Open live', 'Approved live'])
  })

  it('sorts into live now (newest first), starting soon (late starters included), upcoming and replays', async () => {
    const { prisma, make, directory } = await world()
    await make('Live a while', { status: 'LIVE', startedAgo: 40 * MINUTE })
    await make('Live just now', { status: 'LIVE', startedAgo: MINUTE })
    await make('Late start', { startsIn: -5 * MINUTE })
    await make('In ten minutes', { startsIn: 10 * MINUTE })
    await make('In two hours', { startsIn: 2 * HOUR })
    await make('Slot over, never started', { startsIn: -2 * HOUR })
    const ended = await make('Yesterday', { status: 'ENDED', startsIn: -24 * HOUR })
    await prisma.recording.create({ data: { sessionId: ended.id, status: 'READY', startedAt: ended.scheduledStartAt, durationMs: 90_000 } })
    const endedPrivate = await make('Yesterday private', { status: 'ENDED', isPublic: false, startsIn: -24 * HOUR })
    await prisma.recording.create({ data: { sessionId: endedPrivate.id, status: 'READY', startedAt: endedPrivate.scheduledStartAt, durationMs: 90_000 } })

    const listed = await directory()
    expect(titles(listed.liveNow)).toEqual(['Live just now', 'Live a while'])
    expect(titles(listed.startingSoon)).toEqual(['Late start', 'In ten minutes'])
    expect(titles(listed.upcoming)).toEqual(['In two hours'])
    expect(titles(listed.replays)).toEqual(['Yesterday'])
    expect(listed.liveNow[0]).toMatchObject({ language: 'en', viewerCount: 0, stillUrl: null })
  })

  it('filters by category and HS chapter of the same published product, language and fair', async () => {
    const { prisma, exporter, make, directory } = await world()
    const fair = await createFair()
    const cosmetics = `cosmetics-${randomUUID().slice(0, 6)}`
    const food = `food-${randomUUID().slice(0, 6)}`
    const cream = await createProduct(exporter.company.id, { categorySlug: cosmetics, hsCode: '330499' })
    const noodles = await createProduct(exporter.company.id, { categorySlug: food, hsCode: '190230' })
    const draft = await createProduct(exporter.company.id, { categorySlug: cosmetics, hsCode: '330410', status: 'DRAFT' })
    const creamShow = await make('Cream show', { language: 'ko' })
    const noodleShow = await make('Noodle show', { fairId: fair.id, approvedAt: NOW })
    const draftShow = await make('Draft product show')
    await prisma.liveSessionProduct.createMany({
      data: [
        { sessionId: creamShow.id, productId: cream.id },
        { sessionId: noodleShow.id, productId: noodles.id },
        { sessionId: draftShow.id, productId: draft.id },
      ],
    })
    expect(titles((await directory(`category=${cosmetics}`)).upcoming)).toEqual(['Cream show'])
    expect(titles((await directory('hs=33')).upcoming)).toEqual(['Cream show'])
    expect(titles((await directory('hs=19')).upcoming)).toEqual(['Noodle show'])
    // A cosmetics product and a chapter-19 product in two different shows: no show has both.
    expect(titles((await directory(`category=${cosmetics}&hs=19`)).upcoming)).toEqual([])
    expect(titles((await directory('language=ko')).upcoming)).toEqual(['Cream show'])
    expect(titles((await directory(`fair=${fair.slug}`)).upcoming)).toEqual(['Noodle show'])
    expect(titles((await directory()).upcoming).sort()).toEqual(['Cream show', 'Draft product show', 'Noodle show'])
  })

  it('narrows to “ready for my market” for a buyer: a published product holding every requirement on file for their country now', async () => {
    const { prisma, exporter, make } = await world()
    // The catalogue's rule for the test's HS heading (6601, umbrellas: no seeded rule uses it) in the buyer's bloc.
    await createRequirement({ market: 'EU', scope: 'product', documentTypes: ['UMB-CE'], hs: ['6601'] })
    const product = (hsCode: string, status: 'PUBLISHED' | 'DRAFT' = 'PUBLISHED') => createProduct(exporter.company.id, { hsCode, status })
    const certify = async (productId: string, market: string, validity: { validFrom?: Date; validUntil?: Date } = {}) => {
      const certification = await prisma.certification.create({
        data: {
          companyId: exporter.company.id,
          type: 'UMB-CE',
          market,
          number: randomUUID(),
          validFrom: validity.validFrom ?? null,
          validUntil: validity.validUntil ?? null,
        },
      })
      await prisma.productCertification.create({ data: { productId, certificationId: certification.id } })
    }
    const feature = async (title: string, productId: string, startsIn = HOUR) => {
      const show = await make(title, { startsIn })
      await prisma.liveSessionProduct.create({ data: { sessionId: show.id, productId } })
    }
    const eu = await product('660110')
    await certify(eu.id, 'EU')
    await feature('EU certified', eu.id, 10 * MINUTE)
    const global = await product('660191')
    await certify(global.id, 'global')
    await feature('Globally certified', global.id)
    // Valid when the readiness was stored, expired by the time the buyer looks.
    const expired = await product('660110')
    await certify(expired.id, 'FR', { validUntil: NOW })
    await feature('Expired in France', expired.id)
    const future = await product('660110')
    await certify(future.id, 'FR', { validFrom: new Date(NOW.getTime() + HOUR) })
    await feature('Not yet valid', future.id)
    const us = await product('660110')
    await certify(us.id, 'US')
    await feature('US only', us.id)
    const draft = await product('660110', 'DRAFT')
    await certify(draft.id, 'FR')
    await feature('Draft product certified', draft.id)
    await make('Nothing featured')
    await refreshReadiness(prisma, { companyId: exporter.company.id }, { now: new Date(NOW.getTime() - HOUR) })

    const french = await createBuyer({ country: 'FR' })
    const pageFor = async (cookie: string | undefined, query: string) => {
      const request = getRequest(`/live?${query}`, cookie ? [cookie] : [])
      return directoryLoader({ request, params: {}, context: {} } as never)
    }
    const region = encodeURIComponent((await prisma.exporterCompany.findUniqueOrThrow({ where: { id: exporter.company.id } })).region)
    const ready = await pageFor(french.cookie, `ready=1&region=${region}`)
    expect(ready.readyCountry).toBe('FR')
    expect(ready.readyNotCovered).toBe(false)
    expect(titles(ready.startingSoon)).toEqual(['EU certified'])
    expect(titles(ready.upcoming)).toEqual(['Globally certified'])
    // Combined with a chapter, the same product must be both.
    const cosmetics = await pageFor(french.cookie, `ready=1&hs=33&region=${region}`)
    expect([...titles(cosmetics.startingSoon), ...titles(cosmetics.upcoming)]).toEqual([])
    const umbrellas = await pageFor(french.cookie, `ready=1&hs=66&region=${region}`)
    expect([...titles(umbrellas.startingSoon), ...titles(umbrellas.upcoming)]).toEqual(['EU certified', 'Globally certified'])
    // The refresh route applies the same rule.
    const refresh = await nowLoader({ request: getRequest(`/live/now?ready=1&region=${region}`, [french.cookie]), params: {}, context: {} } as never)
    expect(titles(refresh.startingSoon)).toEqual(['EU certified'])
    expect(refresh).not.toHaveProperty('upcoming')

    // A buyer from a market without any requirement on file: the filter is not applied, and the page says so.
    const uruguayan = await createBuyer({ country: 'UY' })
    expect(await prisma.marketRequirement.count({ where: { market: 'UY' } })).toBe(0)
    const uncovered = await pageFor(uruguayan.cookie, `ready=1&region=${region}`)
    expect(uncovered.readyCountry).toBe('UY')
    expect(uncovered.readyNotCovered).toBe(true)
    expect(uncovered.filters).toEqual({ region: expect.any(String) })
    expect(uncovered.startingSoon.length + uncovered.upcoming.length).toBe(7)

    // A guest, an exporter, and a buyer without a country are not offered it, and the parameter is ignored.
    for (const cookie of [undefined, exporter.cookie]) {
      const page = await pageFor(cookie, `ready=1&region=${region}`)
      expect(page.readyCountry).toBeNull()
      expect(page.filters).toEqual({ region: expect.any(String) })
      expect(page.startingSoon.length + page.upcoming.length).toBe(7)
    }
  })

  it('its readiness condition is the catalog’s: readyForMarketWhere and readyForMarketSql select the same products', async () => {
    const prisma = await getPrisma()
    const exporter = await createExporter()
    await createRequirement({ market: 'GCC', scope: 'company', documentTypes: ['UMB-HALAL'], hs: ['6601'] })
    await createRequirement({ market: 'SA', scope: 'product', documentTypes: ['UMB-SASO'], hs: ['660110'] })
    const at = new Date(NOW.getTime() - DAY_MS)
    const validities = [null, new Date(NOW.getTime() - HOUR), NOW, new Date(NOW.getTime() + HOUR)]
    const ids: string[] = []
    for (const halal of validities) {
      for (const saso of [...validities, 'none' as const]) {
        const created = await createProduct(exporter.company.id, { hsCode: saso === 'none' ? '660191' : '660110' })
        ids.push(created.id)
        const halalCert = await prisma.certification.create({
          data: { companyId: exporter.company.id, type: 'UMB-HALAL', market: 'GCC', number: randomUUID(), validUntil: halal },
        })
        await prisma.productCertification.create({ data: { productId: created.id, certificationId: halalCert.id } })
        if (saso !== 'none') {
          const sasoCert = await prisma.certification.create({
            data: { companyId: exporter.company.id, type: 'UMB-SASO', market: 'SA', number: randomUUID(), validUntil: saso },
          })
          await prisma.productCertification.create({ data: { productId: created.id, certificationId: sasoCert.id } })
        }
      }
    }
    await refreshReadiness(prisma, { companyId: exporter.company.id }, { now: at })
    for (const market of ['SA', 'AE', 'GCC']) {
      for (const now of [new Date(NOW.getTime() - 2 * HOUR), NOW, new Date(NOW.getTime() + 2 * HOUR)]) {
        const viaWhere = await prisma.product.findMany({ where: { id: { in: ids }, ...readyForMarketWhere(market, now) }, select: { id: true } })
        const viaSql = await readyProductIds(ids, market, now)
        expect(viaWhere.map((row) => row.id).sort()).toEqual([...viaSql].sort())
      }
    }
    // The company-wide halal certificate of the first row never expires, so some products are ready for the UAE.
    expect((await readyProductIds(ids, 'AE', NOW)).size).toBeGreaterThan(0)
  })

  it('offers the HS chapters of listed showcases’ published products, read again at most once a minute', async () => {
    const { prisma, exporter, make } = await world()
    // A chapter no other test uses (97: works of art), so its presence is this test's doing.
    const feature = async (hsCode: string, status: 'PUBLISHED' | 'DRAFT' = 'PUBLISHED', isPublic = true) => {
      const product = await createProduct(exporter.company.id, { hsCode, status })
      const show = await make(`Show ${hsCode}`, { isPublic })
      await prisma.liveSessionProduct.create({ data: { sessionId: show.id, productId: product.id } })
    }
    const base = Date.now() + 365 * 24 * HOUR
    const chapters = async (atMs: number) => (await getDirectoryFacets('en', atMs)).hsChapters.map((option) => option.value)
    await feature('970110', 'DRAFT')
    await feature('970190', 'PUBLISHED', false)
    expect(await chapters(base)).not.toContain('97')
    await feature('970300')
    // Within the minute: the options read a moment ago.
    expect(await chapters(base + 59_000)).not.toContain('97')
    expect(await chapters(base + 60_000)).toContain('97')
    expect((await getDirectoryFacets('en', base + 60_000)).hsChapters.find((option) => option.value === '97')?.label).toMatch(/^97 · \S/)
  })

  it('does not list a DRAFT fair’s showcases under its slug', async () => {
    const { make, directory } = await world()
    const draftFair = await createFair('DRAFT')
    await make('Draft fair show', { fairId: draftFair.id, approvedAt: NOW })
    expect((await directory(`fair=${draftFair.slug}`)).upcoming).toEqual([])
  })

  it('stops listing a fair’s approved showcases, live, scheduled or replayed, once the fair is set back to DRAFT', async () => {
    const { prisma, exporter, make, directory } = await world()
    const fair = await createFair('LIVE')
    await make('Fair live', { status: 'LIVE', fairId: fair.id, approvedAt: NOW })
    await make('Fair later', { fairId: fair.id, approvedAt: NOW, startsIn: 3 * HOUR })
    const aired = await make('Fair aired', { status: 'ENDED', fairId: fair.id, approvedAt: NOW, startsIn: -24 * HOUR })
    await prisma.recording.create({ data: { sessionId: aired.id, status: 'READY', startedAt: aired.scheduledStartAt, durationMs: 60_000 } })
    const member = await createUser('BUYER')
    const listed = async () => {
      const page = await directory()
      const landing = await listUpcomingShowcases({ now: NOW, locale: 'en', companyId: exporter.company.id, take: 10 })
      const replaysForAccount = await listVisibleReplays({ companyId: exporter.company.id }, member.user as never, 'en', { now: NOW.getTime() })
      return [...titles(page.liveNow), ...titles(page.upcoming), ...titles(page.replays), ...titles(landing), ...titles(replaysForAccount)]
    }
    expect((await listed()).sort()).toEqual(['Fair aired', 'Fair aired', 'Fair later', 'Fair later', 'Fair live', 'Fair live'])

    await prisma.tradeFair.update({ where: { id: fair.id }, data: { status: 'DRAFT' } })
    expect(await listed()).toEqual([])
  })

  it('shows the figure the room published (LiveSession.audienceNow), zero where none was', async () => {
    const { make, directory } = await world()
    const show = await make('Watched show', { status: 'LIVE' })
    await make('Quiet show', { status: 'LIVE', startedAgo: 30 * MINUTE })
    await publishAudience(show.id, 3)
    const listed = await directory()
    expect(listed.liveNow.map((entry) => [entry.title, entry.viewerCount])).toEqual([
      ['Watched show', 3],
      ['Quiet show', 0],
    ])
    await publishAudience(show.id, 2)
    expect((await directory()).liveNow[0]).toMatchObject({ title: 'Watched show', viewerCount: 2 })
  })

  it('shows the live preview, else the poster, else no still (the page shows the company instead)', async () => {
    const { prisma, make, directory } = await world()
    const show = await make('Recorded show', { status: 'LIVE' })
    const unrecorded = await make('Unrecorded show', { status: 'LIVE', startedAgo: 30 * MINUTE })
    const recording = await prisma.recording.create({ data: { sessionId: show.id, status: 'RECORDING', startedAt: NOW } })
    const still = async () => (await directory()).liveNow.find((entry) => entry.id === show.id)?.stillUrl ?? null
    expect(await still()).toBeNull()

    const folder = path.join(recordingsDir, recording.id)
    await mkdir(folder, { recursive: true })
    await writeFile(path.join(folder, 'poster.jpg'), 'jpeg')
    expect(await still()).toMatch(new RegExp(`^/media/recordings/${recording.id}/poster\\.jpg\\?exp=\\d+&sig=[\\w-]{43}&v=\\d+$`))

    await writeFile(path.join(folder, 'preview.jpg'), 'jpeg')
    await utimes(path.join(folder, 'preview.jpg'), new Date(1_800_000_000_000), new Date(1_800_000_000_000))
    const first = await still()
    expect(first).toMatch(new RegExp(`^/media/recordings/${recording.id}/preview\\.jpg\\?exp=\\d+&sig=[\\w-]{43}&v=1800000000$`))
    // A refreshed preview gets a new link, so browsers do not keep the old still.
    await utimes(path.join(folder, 'preview.jpg'), new Date(1_800_000_060_000), new Date(1_800_000_060_000))
    expect(await still()).toMatch(/&v=1800000060$/)
    expect((await directory()).liveNow.find((entry) => entry.id === unrecorded.id)?.stillUrl).toBeNull()
  })

  it('groups upcoming shows by day in the visitor’s zone, across midnight', async () => {
    const { make, directory } = await world()
    // Two shows an hour apart straddling midnight in Seoul (15:00 UTC).
    const tomorrow = new Date(NOW.getTime() + 24 * HOUR)
    const midnightSeoul = Date.UTC(tomorrow.getUTCFullYear(), tomorrow.getUTCMonth(), tomorrow.getUTCDate(), 15)
    await make('Before midnight', { startsIn: midnightSeoul - 30 * MINUTE - NOW.getTime() })
    await make('After midnight', { startsIn: midnightSeoul + 30 * MINUTE - NOW.getTime() })
    const { upcoming } = await directory()
    const seoul = groupByDay(upcoming, 'Asia/Seoul').map(({ items }) => titles(items))
    expect(seoul).toEqual([['Before midnight'], ['After midnight']])
    expect(groupByDay(upcoming, 'Europe/London').map(({ items }) => titles(items))).toEqual([['Before midnight', 'After midnight']])
  })

  it('answers hostile query strings with the page, ignoring what it cannot read', async () => {
    const hostile = [
      "category=' OR 1=1 --&hs=<script>&region=" + 'x'.repeat(5000),
      'language=../../etc/passwd&fair=%E0%A4%A&hs=33&hs=34',
      'category[]=a&fair[$ne]=1&region=%00',
      '%%%&&&===',
    ]
    for (const query of hostile) {
      const data = await directoryLoader({ request: getRequest(`/live?${query}`), params: {}, context: {} } as never)
      expect(data).toMatchObject({ liveNow: expect.any(Array), upcoming: expect.any(Array), replays: expect.any(Array) })
    }
    const data = await directoryLoader({ request: getRequest(`/live?category=${encodeURIComponent("' OR 1=1")}&hs=33`), params: {}, context: {} } as never)
    expect(data.rejected).toEqual(['category'])
    expect(data.filters).toEqual({ hs: '33' })
  })
})

describe('the landing page’s showcase list', () => {
  it('keeps what is live now ahead of a full page of scheduled shows', async () => {
    const { exporter, make } = await world()
    for (const minutes of [20, 40, 60, 80]) await make(`Scheduled ${minutes}`, { startsIn: minutes * MINUTE })
    await make('On air', { status: 'LIVE' })
    const list = await listUpcomingShowcases({ now: NOW, locale: 'en', companyId: exporter.company.id, take: 3 })
    expect(list.map((entry) => [entry.title, entry.status])).toEqual([
      ['On air', 'LIVE'],
      ['Scheduled 20', 'SCHEDULED'],
      ['Scheduled 40', 'SCHEDULED'],
    ])
  })
})
