// Demo data for Tradecast: Gangwon exporters, overseas buyers and a live "GTI Expo 2026" fair.
//
//   npx tsx prisma/seed.ts        (or: npm run db:seed)
//
// Idempotent: if any demo account or the demo fair already exists, nothing is written.
// Everything is inserted in one transaction with bulk createMany calls, so a failed run leaves no
// partial data behind. Content is deterministic (fixed seeds); dates are relative to `now`.
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { hashPassword } from '../app/domain/accounts/password.server.ts'
import { refreshProductIndex } from '../app/domain/catalog/product-index.server.ts'
import { seedCatalogueIfEmpty } from '../app/domain/readiness/catalogue.server.ts'
import { refreshReadiness } from '../app/domain/readiness/readiness.server.ts'
import type { Prisma, PrismaClient } from '../app/generated/prisma/client.ts'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed/buyers.ts'
import { CATEGORIES } from './seed/data/categories.ts'
import { FAIR_SLUG } from './seed/fair.ts'
import { buildDemoPlan } from './seed/plan.ts'
import { seedLeadActivity } from './seed/leads.ts'
import { seedBuyerVerifications } from './seed/verified-buyers.ts'
import { seedEngagement } from './seed/engagement.ts'
import { seedStudio } from './seed/studio.ts'
import { seedConsultations } from './seed/consultations.ts'
import { seedAgencies } from './seed/agencies.ts'
import { seedOnSite } from './seed/on-site.ts'
import { PLAN_TABLES, type PlanTable, type SeedPlan } from './seed/types.ts'

export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed/buyers.ts'
export { FAIR_SLUG } from './seed/fair.ts'

export type SeedOptions = { now?: Date; log?: (msg: string) => void }
export type SeedResult = { created: boolean; counts: Record<string, number> }

export async function seedDemoData(prisma: PrismaClient, options: SeedOptions = {}): Promise<SeedResult> {
  const now = options.now ?? new Date()
  const log =
    options.log ??
    (() => {
      // Quiet unless the caller asks for progress.
    })
  const started = performance.now()

  const zeroCounts = (): Record<string, number> => Object.fromEntries(['categories', ...PLAN_TABLES].map((t) => [t, 0]))
  const [existingUser, existingFair] = await Promise.all([
    prisma.user.findFirst({ where: { email: { in: Object.values(DEMO_ACCOUNTS) } }, select: { email: true } }),
    prisma.tradeFair.findUnique({ where: { slug: FAIR_SLUG }, select: { id: true } }),
  ])
  if (existingUser || existingFair) {
    log(`Demo data already present (${existingUser ? existingUser.email : `fair ${FAIR_SLUG}`}); nothing to do.`)
    return { created: false, counts: zeroCounts() }
  }

  // One distinct password → one argon2id hash, shared by every demo account.
  const passwordHash = await hashPassword(DEMO_PASSWORD)

  const counts = await prisma.$transaction(
    async (tx) => {
      const categories = await tx.category.createMany({
        data: CATEGORIES.map((c) => ({ slug: c.slug, nameI18n: c.names })),
        skipDuplicates: true,
      })
      const categoryRows = await tx.category.findMany({ where: { slug: { in: CATEGORIES.map((c) => c.slug) } }, select: { id: true, slug: true } })
      const plan = buildDemoPlan({ now, passwordHash, categoryIds: new Map(categoryRows.map((c) => [c.slug, c.id])) })
      const inserted = await insertPlan(tx, plan)
      // The app's own denormalisation: searchText over every locale + HS + category + company, and
      // minPriceUsdCents from the lowest tier converted with the exchange rates inserted above.
      await refreshProductIndex(tx, { now })
      // Export readiness needs the market requirements catalogue (reference data, seeded once) and the certifications above.
      await seedCatalogueIfEmpty(tx)
      await refreshReadiness(tx, { all: true }, { now })
      // Verified buyers (and one product's free samples kept for them), from the rows above.
      await seedBuyerVerifications(tx, { now })
      // Leads (issue 21): pinned products the seeded buyers opened in the ended showcases they watched.
      await seedLeadActivity(tx)
      // Follows and RSVPs (docs/engagement.md): the demo buyer's, so /buyer/following and the RSVP buttons show state.
      await seedEngagement(tx, { now })
      // The hub's studio (docs/studio-booking.md): its operator, resources, hours and bookings of the demo exporter's showcases.
      await seedStudio(tx, { now, passwordHash })
      // Trade-officer consultations (docs/consultations.md): officers in Ulaanbaatar, Almaty and Tokyo, and the demo exporter's earlier consultations.
      await seedConsultations(tx, { now, passwordHash })
      // Export agencies (docs/export-agencies.md): the Gangwon Export Agency, its lead (agency@tradecast.dev) and two companies' grants.
      await seedAgencies(tx, { now, passwordHash })
      // Hybrid fairs on site (docs/fair-on-site.md): venue tables for the fair's meetings, check-ins and the demo exporter's booth leads.
      await seedOnSite(tx)
      // The hub's seeds above add their own accounts (operator, officers, agency members): count them all.
      return { categories: categories.count, ...inserted, users: await tx.user.count() }
    },
    { maxWait: 30_000, timeout: 120_000 },
  )

  const ms = Math.round(performance.now() - started)
  log(
    `Demo data created in ${ms} ms: ${Object.entries(counts)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')}`,
  )
  return { created: true, counts }
}

async function insertPlan(tx: Prisma.TransactionClient, plan: SeedPlan): Promise<Record<PlanTable, number>> {
  const counts = {} as Record<PlanTable, number>
  const run = async (table: PlanTable, insert: () => Promise<{ count: number }>) => {
    counts[table] = plan[table].length === 0 ? 0 : (await insert()).count
  }
  await run('users', () => tx.user.createMany({ data: plan.users }))
  await run('passwords', () => tx.password.createMany({ data: plan.passwords }))
  await run('exporterCompanies', () => tx.exporterCompany.createMany({ data: plan.exporterCompanies }))
  await run('exporterMembers', () => tx.exporterMember.createMany({ data: plan.exporterMembers }))
  await run('certifications', () => tx.certification.createMany({ data: plan.certifications }))
  await run('products', () => tx.product.createMany({ data: plan.products }))
  await run('productTranslations', () => tx.productTranslation.createMany({ data: plan.productTranslations }))
  await run('priceTiers', () => tx.priceTier.createMany({ data: plan.priceTiers }))
  await run('productImages', () => tx.productImage.createMany({ data: plan.productImages }))
  await run('productCertifications', () => tx.productCertification.createMany({ data: plan.productCertifications }))
  await run('buyerProfiles', () => tx.buyerProfile.createMany({ data: plan.buyerProfiles }))
  await run('tradeFairs', () => tx.tradeFair.createMany({ data: plan.tradeFairs }))
  await run('fairHalls', () => tx.fairHall.createMany({ data: plan.fairHalls }))
  await run('booths', () => tx.booth.createMany({ data: plan.booths }))
  await run('fairRegistrations', () => tx.fairRegistration.createMany({ data: plan.fairRegistrations }))
  await run('meetingSlots', () => tx.meetingSlot.createMany({ data: plan.meetingSlots }))
  await run('liveSessions', () => tx.liveSession.createMany({ data: plan.liveSessions }))
  await run('liveSessionProducts', () => tx.liveSessionProduct.createMany({ data: plan.liveSessionProducts }))
  await run('liveSessionModerators', () => tx.liveSessionModerator.createMany({ data: plan.liveSessionModerators }))
  await run('liveSessionViews', () => tx.liveSessionView.createMany({ data: plan.liveSessionViews }))
  await run('chatMessages', () => tx.chatMessage.createMany({ data: plan.chatMessages }))
  for (const pin of plan.pinnedMessages) {
    await tx.liveSession.update({ where: { id: pin.sessionId }, data: { pinnedMessageId: pin.messageId } })
  }
  await run('inquiries', () => tx.inquiry.createMany({ data: plan.inquiries }))
  await run('inquiryStatusEvents', () => tx.inquiryStatusEvent.createMany({ data: plan.inquiryStatusEvents }))
  await run('inquiryMessages', () => tx.inquiryMessage.createMany({ data: plan.inquiryMessages }))
  await run('quotes', () => tx.quote.createMany({ data: plan.quotes }))
  await run('meetings', () => tx.meeting.createMany({ data: plan.meetings }))
  await run('meetingParticipants', () => tx.meetingParticipant.createMany({ data: plan.meetingParticipants }))
  await run('notifications', () => tx.notification.createMany({ data: plan.notifications }))
  await run('exchangeRates', () => tx.exchangeRate.createMany({ data: plan.exchangeRates, skipDuplicates: true }))
  return counts
}

async function main(): Promise<void> {
  const started = performance.now()
  const { getPrisma, disconnectPrisma } = await import('../app/domain/db.server.ts')
  try {
    const prisma = await getPrisma()
    const result = await seedDemoData(prisma, { log: (msg) => console.log(msg) })
    if (result.created) {
      console.log(`Demo accounts (password ${DEMO_PASSWORD}): ${Object.values(DEMO_ACCOUNTS).join(', ')}`)
    }
    console.log(`Done in ${Math.round(performance.now() - started)} ms.`)
  } finally {
    await disconnectPrisma()
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href
if (invokedDirectly) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
