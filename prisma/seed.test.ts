import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyPassword } from '../app/domain/accounts/password.server.ts'
import { disconnectPrisma, getPrisma } from '../app/domain/db.server.ts'
import type { PrismaClient } from '../app/generated/prisma/client.ts'
import { DEMO_ACCOUNTS, DEMO_PASSWORD, FAIR_SLUG, seedDemoData, type SeedResult } from './seed.ts'
import { COMPANIES } from './seed/data/companies.ts'
import { SUPPORTED_LOCALES } from '../app/lib/i18n.ts'
import { contentLanguageOf } from '../app/lib/languages.ts'
import { outcomeFunnel } from '../app/domain/fairs/outcome-funnel.server.ts'
import { expectedOutcomeFunnel } from '../tests/outcome-funnel-expected.ts'
import { createScratchDatabase, dropScratchDatabase } from '../tests/postgres.ts'

let prisma: PrismaClient
let first: SeedResult
const now = new Date()
const demoSlugs = COMPANIES.map((c) => c.slug)

/** Row counts of every table the seed writes to. */
async function tableCounts(db: PrismaClient): Promise<Record<string, number>> {
  const entries = await Promise.all(
    Object.entries({
      category: db.category.count(),
      user: db.user.count(),
      password: db.password.count(),
      exporterCompany: db.exporterCompany.count(),
      exporterMember: db.exporterMember.count(),
      certification: db.certification.count(),
      product: db.product.count(),
      productTranslation: db.productTranslation.count(),
      priceTier: db.priceTier.count(),
      productImage: db.productImage.count(),
      productCertification: db.productCertification.count(),
      buyerProfile: db.buyerProfile.count(),
      tradeFair: db.tradeFair.count(),
      fairHall: db.fairHall.count(),
      booth: db.booth.count(),
      fairRegistration: db.fairRegistration.count(),
      meetingSlot: db.meetingSlot.count(),
      liveSession: db.liveSession.count(),
      liveSessionProduct: db.liveSessionProduct.count(),
      liveSessionView: db.liveSessionView.count(),
      chatMessage: db.chatMessage.count(),
      inquiry: db.inquiry.count(),
      inquiryStatusEvent: db.inquiryStatusEvent.count(),
      inquiryMessage: db.inquiryMessage.count(),
      quote: db.quote.count(),
      meeting: db.meeting.count(),
      meetingParticipant: db.meetingParticipant.count(),
      notification: db.notification.count(),
      exchangeRate: db.exchangeRate.count(),
    }).map(async ([table, count]) => [table, await count] as const),
  )
  return Object.fromEntries(entries)
}

// This file checks what a first seed creates: on PostgreSQL, where the test files share one database and
// others seed the demo data too (the readiness matrix), it works in a database of its own.
const adminUrl = process.env.TEST_POSTGRES_URL
const onPostgres = Boolean(adminUrl && process.env.DATABASE_URL)
const scratchName = `tradecast_seed_${process.pid}_${Date.now()}`

beforeAll(async () => {
  if (onPostgres) process.env.DATABASE_URL = await createScratchDatabase(adminUrl!, scratchName)
  prisma = await getPrisma()
  first = await seedDemoData(prisma, { now })
}, 60_000)

afterAll(async () => {
  await disconnectPrisma()
  if (onPostgres) await dropScratchDatabase(adminUrl!, scratchName)
})

describe('seedDemoData', () => {
  it('creates the demo data set', () => {
    expect(first.created).toBe(true)
    expect(first.counts.exporterCompanies).toBeGreaterThanOrEqual(20)
    expect(first.counts.products).toBeGreaterThanOrEqual(150)
    expect(first.counts.buyerProfiles).toBeGreaterThanOrEqual(40)
  })

  it('has 20+ Gangwon exporters with 150+ products, each with valid HS code, English name and a price', async () => {
    const companies = await prisma.exporterCompany.findMany({ where: { slug: { in: demoSlugs } }, select: { region: true, timeZone: true } })
    expect(companies.length).toBeGreaterThanOrEqual(20)
    expect(companies.every((c) => c.region === 'Gangwon' && c.timeZone === 'Asia/Seoul')).toBe(true)

    const products = await prisma.product.findMany({
      where: { company: { slug: { in: demoSlugs } } },
      select: {
        slug: true,
        hsCode: true,
        searchText: true,
        minPriceUsdCents: true,
        translations: { select: { locale: true } },
        priceTiers: { select: { minQuantity: true, currency: true } },
        images: { select: { path: true } },
      },
    })
    expect(products.length).toBeGreaterThanOrEqual(150)
    for (const product of products) {
      expect(product.hsCode, product.slug).toMatch(/^\d{6,10}$/)
      expect(
        product.translations.map((t) => t.locale),
        product.slug,
      ).toContain('en')
      expect(product.priceTiers.length, product.slug).toBeGreaterThanOrEqual(1)
      expect(product.priceTiers.length, product.slug).toBeLessThanOrEqual(4)
      expect(product.images.length, product.slug).toBeGreaterThanOrEqual(1)
      expect(product.searchText, product.slug).toContain(product.hsCode)
      expect(product.minPriceUsdCents, product.slug).toBeGreaterThan(0)
    }
    const locales = new Set(products.flatMap((p) => p.translations.map((t) => t.locale)))
    expect([...locales].sort()).toEqual(['en', 'ja', 'ko', 'mn', 'ru', 'zh'])
  })

  it('lets each of the six UI languages be seen on first start: accounts that chose it, exporters who speak it, products and a company described in it', async () => {
    const users = await prisma.user.findMany({
      where: { OR: [{ buyerProfile: { isNot: null } }, { exporterMember: { company: { slug: { in: demoSlugs } } } }] },
      select: { locale: true, role: true },
    })
    for (const role of ['BUYER', 'EXPORTER'] as const) {
      // Every seeded account's language is one the UI offers (zh-Hans, never a bare zh), and all six are someone's.
      const chosen = new Set(users.filter((user) => user.role === role).map((user) => user.locale))
      expect([...chosen].sort(), role).toEqual([...SUPPORTED_LOCALES].sort())
    }

    const spoken = new Set(
      (await prisma.exporterCompany.findMany({ where: { slug: { in: demoSlugs } }, select: { languages: true } })).flatMap((c) => c.languages),
    )
    for (const locale of SUPPORTED_LOCALES) expect(spoken, locale).toContain(contentLanguageOf(locale))

    for (const locale of SUPPORTED_LOCALES) {
      const content = contentLanguageOf(locale)
      const products = await prisma.productTranslation.count({
        where: { locale: content, product: { status: 'PUBLISHED', company: { slug: { in: demoSlugs } } } },
      })
      expect(products, locale).toBeGreaterThanOrEqual(20)
    }
    const demo = await prisma.exporterCompany.findUniqueOrThrow({ where: { slug: COMPANIES[0]?.slug ?? '' }, select: { descriptionI18n: true } })
    expect(Object.keys(demo.descriptionI18n as object).sort()).toEqual(['ja', 'ko', 'mn', 'ru', 'zh'])
  })

  it('has 40+ buyers with profiles', async () => {
    const buyers = await prisma.buyerProfile.findMany({
      where: { user: { role: 'BUYER', OR: [{ email: { endsWith: '@example.com' } }, { email: DEMO_ACCOUNTS.buyer }] } },
      select: { country: true, timeZone: true, interests: true },
    })
    expect(buyers.length).toBeGreaterThanOrEqual(40)
    expect(new Set(buyers.map((b) => b.country))).toEqual(new Set(['US', 'CN', 'JP', 'DE', 'FR', 'NL', 'PL', 'IT', 'ES', 'MN', 'RU', 'VN', 'MY', 'ID', 'AE']))
    expect(buyers.every((b) => b.timeZone.includes('/') && b.interests.length > 0)).toBe(true)
  })

  it('creates the four demo accounts with the documented password', async () => {
    const users = await prisma.user.findMany({
      where: { email: { in: Object.values(DEMO_ACCOUNTS) } },
      select: {
        email: true,
        role: true,
        password: { select: { hash: true } },
        exporterMember: { select: { role: true, company: { select: { city: true } } } },
      },
    })
    const byEmail = new Map(users.map((u) => [u.email, u]))
    expect(byEmail.get(DEMO_ACCOUNTS.exporter)?.role).toBe('EXPORTER')
    expect(byEmail.get(DEMO_ACCOUNTS.exporter)?.exporterMember).toEqual({ role: 'OWNER', company: { city: 'Chuncheon' } })
    expect(byEmail.get(DEMO_ACCOUNTS.buyer)?.role).toBe('BUYER')
    expect(byEmail.get(DEMO_ACCOUNTS.organizer)?.role).toBe('ORGANIZER')
    expect(byEmail.get(DEMO_ACCOUNTS.admin)?.role).toBe('ADMIN')
    const hash = byEmail.get(DEMO_ACCOUNTS.buyer)?.password?.hash
    expect(hash && (await verifyPassword(hash, DEMO_PASSWORD))).toBe(true)
  })

  it('runs GTI Expo 2026 live now, with upcoming showcases in the future', async () => {
    const fair = await prisma.tradeFair.findUniqueOrThrow({
      where: { slug: FAIR_SLUG },
      select: { status: true, startsAt: true, endsAt: true, organizer: { select: { email: true } }, _count: { select: { booths: true, meetingSlots: true } } },
    })
    expect(fair.status).toBe('LIVE')
    expect(fair.startsAt.getTime()).toBeLessThan(now.getTime())
    expect(fair.endsAt.getTime()).toBeGreaterThan(now.getTime())
    expect(fair.organizer.email).toBe(DEMO_ACCOUNTS.organizer)
    expect(fair._count.booths).toBeGreaterThanOrEqual(15)
    expect(fair._count.meetingSlots).toBeGreaterThan(0)

    const scheduled = await prisma.liveSession.findMany({
      where: { status: 'SCHEDULED', company: { slug: { in: demoSlugs } } },
      select: { scheduledStartAt: true, _count: { select: { featuredProducts: true } } },
    })
    expect(scheduled.length).toBeGreaterThanOrEqual(3)
    for (const session of scheduled) {
      expect(session.scheduledStartAt.getTime()).toBeGreaterThan(now.getTime())
      expect(session._count.featuredProducts).toBeGreaterThan(0)
    }
  })

  it('stores exact viewer statistics for the ended session', async () => {
    const ended = await prisma.liveSession.findFirstOrThrow({
      where: { status: 'ENDED', company: { slug: { in: demoSlugs } } },
      select: {
        id: true,
        uniqueViewers: true,
        peakViewers: true,
        watchSeconds: true,
        endedAt: true,
        pinnedMessageId: true,
        _count: { select: { chatMessages: true } },
      },
    })
    const views = await prisma.liveSessionView.findMany({
      where: { sessionId: ended.id },
      select: { userId: true, guestKey: true, joinedAt: true, leftAt: true },
    })
    const unique = new Set(views.map((v) => (v.userId ? `u:${v.userId}` : `g:${v.guestKey}`))).size
    // Sweep over join/leave instants; a leave at the same instant as a join is counted first.
    const events = views.flatMap((v) => [
      { t: v.joinedAt.getTime(), d: 1 },
      { t: (v.leftAt ?? ended.endedAt)!.getTime(), d: -1 },
    ])
    events.sort((a, b) => a.t - b.t || a.d - b.d)
    let current = 0
    let peak = 0
    for (const e of events) peak = Math.max(peak, (current += e.d))
    const watchSeconds = Math.round(views.reduce((sum, v) => sum + (v.leftAt!.getTime() - v.joinedAt.getTime()), 0) / 1000)

    expect(unique).toBeGreaterThan(20)
    expect(ended.uniqueViewers).toBe(unique)
    expect(ended.peakViewers).toBe(peak)
    expect(ended.watchSeconds).toBe(BigInt(watchSeconds))
    expect(ended.pinnedMessageId).not.toBeNull()
    expect(ended._count.chatMessages).toBeGreaterThanOrEqual(3)
  })

  it('covers every inquiry status, each with a matching status history', async () => {
    const inquiries = await prisma.inquiry.findMany({
      where: { company: { slug: { in: demoSlugs } } },
      select: {
        status: true,
        contractValueUsdCents: true,
        statusEvents: { orderBy: { createdAt: 'asc' }, select: { status: true } },
        _count: { select: { quotes: true, messages: true } },
      },
    })
    expect(new Set(inquiries.map((i) => i.status))).toEqual(new Set(['CONSULTATION', 'QUOTE', 'SAMPLE', 'LOI', 'CONTRACT_SIGNED', 'SHIPPED', 'LOST']))
    for (const inquiry of inquiries) {
      expect(inquiry.statusEvents[0]?.status).toBe('CONSULTATION')
      expect(inquiry.statusEvents.at(-1)?.status).toBe(inquiry.status)
      expect(inquiry._count.messages).toBeGreaterThanOrEqual(1)
      if (inquiry.status !== 'CONSULTATION') expect(inquiry._count.quotes).toBeGreaterThanOrEqual(1)
      if (inquiry.status === 'CONTRACT_SIGNED' || inquiry.status === 'SHIPPED') expect(inquiry.contractValueUsdCents).toBeGreaterThan(0n)
    }
    const interpreted = await prisma.meeting.findFirstOrThrow({
      where: { interpreterLanguage: 'ru', fair: { slug: FAIR_SLUG } },
      select: { status: true, participants: { select: { role: true } } },
    })
    expect(interpreted.status).toBe('ACCEPTED')
    expect(interpreted.participants.map((p) => p.role)).toContain('INTERPRETER')
  })

  it('gives the demo fair a believable outcome funnel, equal to what its rows add up to', async () => {
    const fair = await prisma.tradeFair.findUniqueOrThrow({ where: { slug: FAIR_SLUG }, select: { id: true } })
    const funnel = await outcomeFunnel({ fairId: fair.id })
    expect(funnel).toEqual(await expectedOutcomeFunnel(prisma, { fairId: fair.id }))
    // Every stage has a deal at it, the funnel narrows, and pursued, signed and shipped all carry value.
    expect(funnel.stages.every((s) => s.current > 0)).toBe(true)
    const reached = funnel.stages.map((s) => s.reached)
    expect(reached).toEqual([...reached].sort((x, y) => y - x))
    expect(funnel.lost).toBeGreaterThan(0)
    expect(funnel.pursued.usdCents).toBeGreaterThan(funnel.signed.usdCents)
    expect(funnel.signed.usdCents).toBeGreaterThan(funnel.shipped.usdCents)
    expect(funnel.shipped.usdCents).toBeGreaterThan(0)
  })

  it('creates nothing on a second run', async () => {
    const before = await tableCounts(prisma)
    const second = await seedDemoData(prisma, { now: new Date() })
    expect(second.created).toBe(false)
    expect(Object.values(second.counts).every((n) => n === 0)).toBe(true)
    expect(await tableCounts(prisma)).toEqual(before)
  })
})
