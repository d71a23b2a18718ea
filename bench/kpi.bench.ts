/**
 * Fair KPI dashboard benchmark: one large fair (300 exporters, 2,000 buyers, 500 showcases with chat,
 * 20,000 inquiries and 20,000 meetings, quotes in KRW/EUR converted with dated rates) and the server
 * time of the dashboard loader's domain call (`getFairKpis`), on embedded PGlite and on PostgreSQL
 * (when BENCH_POSTGRES_URL answers), side by side.
 *
 *   npm run bench:kpi
 *
 * The parent process runs one child per database (the app's database module is one per process).
 * BENCH_EXTRA_INDEXES=1 adds the candidate indexes below with raw CREATE INDEX before measuring.
 */
import { fileURLToPath } from 'node:url'
import { benchTargets, runBenchChild } from './databases.ts'
import { describeMachine, summarize } from './machine.ts'

const EXPORTERS = 300
const BUYERS = 2_000
const SESSIONS = 500
const INQUIRIES = Number(process.env.BENCH_INQUIRIES ?? 20_000)
const MEETINGS = Number(process.env.BENCH_MEETINGS ?? 20_000)
const CHAT_PER_SESSION = 40
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30)
const FAIR_ID = 'bench-fair'

/** Candidate indexes (not in the schema); measured only with BENCH_EXTRA_INDEXES=1. */
const EXTRA_INDEXES = [
  'CREATE INDEX IF NOT EXISTS "Inquiry_fairId_status_idx" ON "Inquiry" ("fairId", "status")',
  'CREATE INDEX IF NOT EXISTS "LiveSession_fairId_approvedAt_idx" ON "LiveSession" ("fairId", "approvedAt")',
]

type Prisma = Awaited<ReturnType<(typeof import('../app/domain/db.server.ts'))['getPrisma']>>

async function generate(prisma: Prisma) {
  let state = 7
  const random = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31
  const int = (max: number) => Math.floor(random() * max)
  const pick = <T>(items: readonly T[]) => items[int(items.length)] as T
  const countries = ['US', 'DE', 'JP', 'CN', 'VN', 'MN', 'RU', 'FR', 'GB', 'AU', 'CA', 'SG', 'TH', 'ID', 'MY', 'AE']
  const hsCodes = ['190230', '330499', '130219', '030743', '901812', '870829', '480210', '210690', '220890', '200599']
  const start = new Date('2026-05-18T00:00:00Z')
  const BATCH = 2_000
  const inBatches = async <T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH))
  }
  await prisma.exchangeRate.createMany({
    data: [
      { currency: 'KRW', usdPerUnit: '0.00072', validFrom: new Date('2026-01-01') },
      { currency: 'KRW', usdPerUnit: '0.00075', validFrom: new Date('2026-05-20') },
      { currency: 'EUR', usdPerUnit: '1.085', validFrom: new Date('2026-01-01') },
    ],
    skipDuplicates: true,
  })
  await prisma.category.createMany({ data: [{ id: 'bench-cat', slug: 'bench-cat', nameI18n: { en: 'Bench' } }], skipDuplicates: true })
  await prisma.user.create({ data: { id: 'bench-organizer', email: 'bench-organizer@example.test', name: 'Organizer', role: 'ORGANIZER' } })
  await prisma.tradeFair.create({
    data: {
      id: FAIR_ID,
      slug: 'bench-expo',
      name: 'Bench Expo',
      startsAt: start,
      endsAt: new Date(start.getTime() + 7 * 86_400_000),
      timeZone: 'Asia/Seoul',
      status: 'LIVE',
      organizerId: 'bench-organizer',
    },
  })
  const exporterUsers = Array.from({ length: EXPORTERS }, (_, i) => ({
    id: `bench-eu-${i}`,
    email: `bench-eu-${i}@example.test`,
    name: `Exporter ${i}`,
    role: 'EXPORTER' as const,
  }))
  const buyerUsers = Array.from({ length: BUYERS }, (_, i) => ({
    id: `bench-bu-${i}`,
    email: `bench-bu-${i}@example.test`,
    name: `Buyer ${i}`,
    role: 'BUYER' as const,
  }))
  await inBatches([...exporterUsers, ...buyerUsers], (batch) => prisma.user.createMany({ data: batch }))
  await prisma.exporterCompany.createMany({
    data: exporterUsers.map((_, i) => ({ id: `bench-co-${i}`, slug: `bench-co-${i}`, name: `Bench Company ${i}`, region: 'Gangwon', industry: 'Mixed' })),
  })
  await prisma.exporterMember.createMany({ data: exporterUsers.map((u, i) => ({ userId: u.id, companyId: `bench-co-${i}`, role: 'OWNER' as const })) })
  await prisma.product.createMany({
    data: exporterUsers.map((_, i) => ({
      id: `bench-p-${i}`,
      companyId: `bench-co-${i}`,
      categoryId: 'bench-cat',
      slug: `p-${i}`,
      hsCode: pick(hsCodes),
      moq: 100,
      leadTimeDays: 20,
    })),
  })
  await inBatches(
    buyerUsers.map((u, i) => ({
      id: `bench-bp-${i}`,
      userId: u.id,
      companyName: `Buyer Co ${i}`,
      country: pick(countries),
      businessType: 'IMPORTER' as const,
    })),
    (batch) => prisma.buyerProfile.createMany({ data: batch }),
  )
  await inBatches(
    [
      ...exporterUsers.map((u, i) => ({ fairId: FAIR_ID, userId: u.id, kind: 'EXHIBITOR' as const, status: 'APPROVED' as const, companyId: `bench-co-${i}` })),
      ...buyerUsers.map((u) => ({
        fairId: FAIR_ID,
        userId: u.id,
        kind: 'BUYER' as const,
        status: random() < 0.9 ? ('APPROVED' as const) : ('PENDING' as const),
      })),
    ],
    (batch) => prisma.fairRegistration.createMany({ data: batch }),
  )
  await prisma.booth.createMany({ data: exporterUsers.map((_, i) => ({ fairId: FAIR_ID, companyId: `bench-co-${i}`, code: `B-${i}`, approvedAt: start })) })
  const sessions = Array.from({ length: SESSIONS }, (_, i) => {
    const at = new Date(start.getTime() + int(7 * 24) * 3_600_000)
    const c = i % EXPORTERS
    return {
      id: `bench-s-${i}`,
      title: `Showcase ${i}`,
      hostId: `bench-eu-${c}`,
      companyId: `bench-co-${c}`,
      fairId: FAIR_ID,
      approvedAt: random() < 0.95 ? start : null,
      status: 'ENDED' as const,
      scheduledStartAt: at,
      scheduledEndAt: new Date(at.getTime() + 3_600_000),
      uniqueViewers: int(400),
      peakViewers: int(150),
      watchSeconds: BigInt(int(200_000)),
    }
  })
  await prisma.liveSession.createMany({ data: sessions })
  await inBatches(
    sessions.flatMap((s) =>
      Array.from({ length: CHAT_PER_SESSION }, (_, k) => ({ sessionId: s.id, body: `message ${k}`, removedAt: k % 25 === 0 ? start : null })),
    ),
    (batch) => prisma.chatMessage.createMany({ data: batch }),
  )
  const statuses = ['CONSULTATION', 'QUOTE', 'SAMPLE', 'LOI', 'CONTRACT_SIGNED', 'SHIPPED', 'LOST'] as const
  const inquiries = Array.from({ length: INQUIRIES }, (_, i) => {
    const c = int(EXPORTERS)
    const status = pick(statuses)
    const recorded = random() < 0.6
    return {
      id: `bench-i-${i}`,
      buyerId: `bench-bp-${int(BUYERS)}`,
      companyId: `bench-co-${c}`,
      productId: `bench-p-${c}`,
      liveSessionId: random() < 0.3 ? `bench-s-${int(SESSIONS)}` : null,
      fairId: random() < 0.9 ? FAIR_ID : null,
      status,
      quantity: 100 + int(5000),
      destinationCountry: 'US',
      message: 'bench',
      consultationValueUsdCents: random() < 0.7 ? BigInt(int(5_000_000)) : null,
      contractValueUsdCents: (status === 'CONTRACT_SIGNED' || status === 'SHIPPED') && recorded ? BigInt(int(20_000_000)) : null,
      contractSignedAt: status === 'CONTRACT_SIGNED' || status === 'SHIPPED' ? new Date(start.getTime() + int(10) * 86_400_000) : null,
      // Outcome-stage values, from the index (no extra random draws, so the other rows stay as they were).
      quotedAt: status === 'CONSULTATION' ? null : start,
      quoteValueUsdCents: status === 'CONSULTATION' ? null : BigInt(100_000 + (i % 997) * 20_000),
      loiAt: status === 'LOI' ? start : null,
      loiValueUsdCents: status === 'LOI' ? BigInt(100_000 + (i % 991) * 20_000) : null,
      shippedAt: status === 'SHIPPED' ? start : null,
      shippedValueUsdCents: status === 'SHIPPED' ? BigInt(100_000 + (i % 983) * 20_000) : null,
    }
  })
  await inBatches(inquiries, (batch) => prisma.inquiry.createMany({ data: batch }))
  await inBatches(
    inquiries
      .filter((i) => i.status !== 'CONSULTATION')
      .map((i) => ({
        inquiryId: i.id,
        unitPriceMinor: 100 + int(100_000),
        currency: pick(['USD', 'KRW', 'EUR'] as const),
        quantity: i.quantity,
        validUntil: new Date('2027-01-01'),
        createdById: 'bench-organizer',
      })),
    (batch) => prisma.quote.createMany({ data: batch }),
  )
  const meetingStatuses = ['REQUESTED', 'ACCEPTED', 'DECLINED', 'CANCELLED', 'HELD', 'HELD', 'NO_SHOW'] as const
  await inBatches(
    Array.from({ length: MEETINGS }, (_, i) => {
      const at = new Date(start.getTime() + int(7 * 24) * 3_600_000)
      const status = pick(meetingStatuses)
      return {
        id: `bench-m-${i}`,
        buyerId: `bench-bp-${int(BUYERS)}`,
        companyId: `bench-co-${int(EXPORTERS)}`,
        fairId: random() < 0.9 ? FAIR_ID : null,
        status,
        startsAt: at,
        endsAt: new Date(at.getTime() + 1_800_000),
        requestedById: 'bench-organizer',
        consultationValueUsdCents: status === 'HELD' ? BigInt(int(3_000_000)) : null,
        contractValueUsdCents: status === 'HELD' && random() < 0.3 ? BigInt(int(10_000_000)) : null,
      }
    }),
    (batch) => prisma.meeting.createMany({ data: batch }),
  )
}

async function runChild() {
  const { getPrisma, disconnectPrisma } = await import('../app/domain/db.server.ts')
  const { getFairKpis } = await import('../app/domain/fairs/kpis.server.ts')
  const prisma = await getPrisma()
  const seeded = performance.now()
  if (!(await prisma.tradeFair.findUnique({ where: { id: FAIR_ID } }))) await generate(prisma)
  if (process.env.BENCH_EXTRA_INDEXES === '1') for (const sql of EXTRA_INDEXES) await prisma.$executeRawUnsafe(sql)
  await prisma.$executeRawUnsafe('ANALYZE')
  const seedMs = performance.now() - seeded
  const first = await getFairKpis(FAIR_ID, { locale: 'en' }) // warm-up
  const samples: number[] = []
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now()
    await getFairKpis(FAIR_ID, { locale: 'en' })
    samples.push(performance.now() - started)
  }
  await disconnectPrisma()
  const { p50, p95, max } = summarize(samples)
  process.stdout.write(
    `${JSON.stringify({ seedMs, p50, p95, max, consultations: first.consultations.totals.consultations, contractUsdCents: first.consultations.totals.contractUsdCents })}\n`,
  )
}

async function runParent() {
  const self = fileURLToPath(import.meta.url)
  const suffix = `${INQUIRIES}-${MEETINGS}`
  const { targets, cleanup } = await benchTargets(`bench_kpi_${suffix}`)
  console.log(
    `Fair KPI dashboard benchmark — ${EXPORTERS} exporters, ${BUYERS} buyers, ${SESSIONS} sessions, ${INQUIRIES} inquiries, ${MEETINGS} meetings; ${ROUNDS} rounds${process.env.BENCH_EXTRA_INDEXES === '1' ? '; extra indexes' : ''}`,
  )
  console.log(describeMachine())
  const results: Array<{ label: string; seedMs: number; p50: number; p95: number; max: number; consultations: number; contractUsdCents: number }> = []
  for (const target of targets) results.push({ label: target.label, ...runBenchChild<Omit<(typeof results)[number], 'label'>>(self, target) })
  await cleanup()
  for (const r of results) {
    console.log(
      `${r.label.padEnd(22)} getFairKpis p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  max ${r.max.toFixed(1)} ms  (${r.consultations} consultations, contract $${(r.contractUsdCents / 100).toLocaleString('en')}; data ready in ${(r.seedMs / 1000).toFixed(1)} s)`,
    )
  }
  const postgres = results.find((r) => r.label.startsWith('PostgreSQL'))
  if (postgres) console.log(`goal p95 < 200 ms on PostgreSQL: ${postgres.p95 < 200 ? 'met' : 'NOT met'}`)
}

if (process.argv.includes('--child')) await runChild()
else await runParent()
