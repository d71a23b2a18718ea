/**
 * Catalog search benchmark: 10,000 generated products, server-side search time for typical filter
 * combinations, on embedded PGlite and on PostgreSQL (when BENCH_POSTGRES_URL answers), side by side.
 *
 *   npm run bench:catalog
 *
 * The parent process runs one child per database (the app's database module is one per process).
 */
import { fileURLToPath } from 'node:url'
import { benchTargets, runBenchChild } from './databases.ts'
import { describeMachine, summarize } from './machine.ts'

const PRODUCT_COUNT = Number(process.env.BENCH_PRODUCTS ?? 10_000)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30)
/** The market of the readiness scenarios: about half the products are ready for it (see generateReadiness). */
const READY_MARKET = 'US'

const SCENARIOS: Array<[string, Record<string, string>]> = [
  ['browse (newest, page 1)', {}],
  ['text "ginseng"', { q: 'ginseng' }],
  ['text Korean "홍삼"', { q: '홍삼' }],
  ['category + sort price', { category: 'cat-3', sort: 'price_asc' }],
  ['HS prefix 3304 + MOQ ≤ 500', { hs: '3304', maxMoq: '500' }],
  ['cert valid for DE (EU bloc)', { market: 'DE' }],
  ['text + cert HALAL MY + FOB', { q: 'snack', market: 'MY', certType: 'HALAL', incoterm: 'FOB' }],
  ['price 5–20 USD + region + page 3', { priceMin: '5', priceMax: '20', region: 'Wonju', page: '3' }],
  // Export readiness (issue 22): stored per product × jurisdiction, rebuilt from the repository's catalogue.
  [`ready for ${READY_MARKET}`, { readyFor: READY_MARKET }],
  [`text "ginseng" + ready for ${READY_MARKET}`, { q: 'ginseng', readyFor: READY_MARKET }],
  [`ready for DE (EU bloc) + category`, { readyFor: 'DE', category: 'cat-3' }],
]

async function runChild() {
  const { getPrisma, disconnectPrisma } = await import('../app/domain/db.server.ts')
  const { refreshProductIndex } = await import('../app/domain/catalog/product-index.server.ts')
  const { parseCatalogQuery } = await import('../app/domain/catalog/search-params.ts')
  const { readinessFilterFor, searchProductIds } = await import('../app/domain/catalog/search.server.ts')
  // What searchCatalog does before it reads the cards: the readiness filter's coverage check (a count, only
  // with readyFor), then the one search round trip.
  const search = async (query: Parameters<typeof searchProductIds>[0]) => {
    const readiness = await readinessFilterFor(query)
    return searchProductIds(readiness && !readiness.applied ? { ...query, readyFor: undefined } : query)
  }
  const prisma = await getPrisma()
  const seeded = performance.now()
  if ((await prisma.product.count()) < PRODUCT_COUNT) await generate(prisma, refreshProductIndex)
  // Also for a data set kept from before the readiness scenarios existed.
  if ((await prisma.productMarketReadiness.count()) === 0) await generateReadiness(prisma)
  const seedMs = performance.now() - seeded
  const ready = await prisma.$queryRaw<Array<{ n: bigint }>>`
    SELECT count(*) AS n FROM "Product" p WHERE ${(await import('../app/domain/readiness/readiness.server.ts')).readyForMarketSql(READY_MARKET, new Date())}`
  const readyShare = Number(ready[0]?.n ?? 0) / PRODUCT_COUNT
  const results: Array<{ name: string; p50: number; p95: number; total: number }> = []
  for (const [name, params] of SCENARIOS) {
    const { query } = parseCatalogQuery(new URLSearchParams(params))
    await search(query) // warm-up
    const samples: number[] = []
    let total = 0
    for (let i = 0; i < ROUNDS; i++) {
      const started = performance.now()
      total = (await search(query)).total
      samples.push(performance.now() - started)
    }
    const { p50, p95 } = summarize(samples)
    results.push({ name, p50, p95, total })
  }
  await disconnectPrisma()
  process.stdout.write(`${JSON.stringify({ seedMs, readyShare, results })}\n`)
}

async function generate(
  prisma: Awaited<ReturnType<(typeof import('../app/domain/db.server.ts'))['getPrisma']>>,
  refresh: (typeof import('../app/domain/catalog/product-index.server.ts'))['refreshProductIndex'],
) {
  // Deterministic pseudo-random numbers so both databases hold the same catalog.
  let state = 42
  const random = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T
  const words = [
    'ginseng',
    'buckwheat',
    'snack',
    'mask',
    'serum',
    'noodle',
    'squid',
    'seaweed',
    'monitor',
    'gel',
    'bearing',
    'filter',
    'paper',
    'tea',
    'honey',
    'kimchi',
  ]
  const koWords = ['홍삼', '메밀', '과자', '마스크팩', '세럼', '국수', '오징어', '김', '모니터', '젤']
  const hsCodes = ['330499', '190230', '130219', '030743', '901812', '870829', '480210', '210690', '330410', '200599']
  const cities = ['Chuncheon', 'Wonju', 'Gangneung', 'Sokcho', 'Donghae', 'Samcheok']
  await prisma.exchangeRate.upsert({
    where: { currency_validFrom: { currency: 'KRW', validFrom: new Date('2026-01-01') } },
    update: {},
    create: { currency: 'KRW', usdPerUnit: '0.00072', validFrom: new Date('2026-01-01') },
  })
  await prisma.category.createMany({
    data: Array.from({ length: 10 }, (_, i) => ({ id: `cat-${i}`, slug: `cat-${i}`, nameI18n: { en: `Category ${i}` } })),
    skipDuplicates: true,
  })
  const companies = Array.from({ length: 100 }, (_, i) => ({
    id: `bench-co-${i}`,
    slug: `bench-co-${i}`,
    name: `Bench Company ${i}`,
    region: 'Gangwon',
    city: pick(cities),
    industry: 'Mixed',
  }))
  await prisma.exporterCompany.createMany({ data: companies, skipDuplicates: true })
  const certs = companies.flatMap((company, i) => [
    {
      id: `bench-cert-${i}-a`,
      companyId: company.id,
      type: pick(['HALAL', 'CE', 'FDA', 'HACCP']),
      market: pick(['MY', 'EU', 'US', 'ID']),
      number: `N${i}`,
      validUntil: new Date(Date.now() + (random() - 0.2) * 4e10),
    },
  ])
  await prisma.certification.createMany({ data: certs, skipDuplicates: true })
  const BATCH = 1000
  for (let start = 0; start < PRODUCT_COUNT; start += BATCH) {
    const products = Array.from({ length: Math.min(BATCH, PRODUCT_COUNT - start) }, (_, k) => {
      const i = start + k
      const company = companies[i % companies.length]!
      return {
        id: `bench-p-${i}`,
        companyId: company.id,
        categoryId: `cat-${i % 10}`,
        slug: `bench-p-${i}`,
        hsCode: pick(hsCodes) + (random() < 0.5 ? '00' : ''),
        moq: 10 + Math.floor(random() * 2000),
        incoterms: [pick(['FOB', 'CIF', 'EXW'] as const), pick(['DAP', 'FCA'] as const)],
        leadTimeDays: 7 + Math.floor(random() * 60),
        createdAt: new Date(Date.now() - i * 60_000),
      }
    })
    await prisma.product.createMany({ data: products, skipDuplicates: true })
    await prisma.productTranslation.createMany({
      data: products.flatMap((p) => [
        {
          productId: p.id,
          locale: 'en',
          name: `${pick(words)} ${pick(words)} ${p.id}`,
          description: `${pick(words)} ${pick(words)} ${pick(words)} premium quality from Gangwon`,
        },
        { productId: p.id, locale: 'ko', name: `${pick(koWords)} ${pick(koWords)}`, description: `강원도 ${pick(koWords)}` },
      ]),
      skipDuplicates: true,
    })
    await prisma.priceTier.createMany({
      data: products.flatMap((p) => {
        const krw = random() < 0.3
        const base = krw ? 1000 + Math.floor(random() * 50_000) : 50 + Math.floor(random() * 5000)
        return [
          { productId: p.id, minQuantity: p.moq, unitPriceMinor: base, currency: krw ? 'KRW' : 'USD' },
          { productId: p.id, minQuantity: p.moq * 10, unitPriceMinor: Math.round(base * 0.85), currency: krw ? 'KRW' : 'USD' },
        ]
      }),
      skipDuplicates: true,
    })
    await prisma.productCertification.createMany({
      data: products.filter(() => random() < 0.6).map((p) => ({ productId: p.id, certificationId: `bench-cert-${Number(p.companyId.split('-').pop())}-a` })),
      skipDuplicates: true,
    })
  }
  await refresh(prisma)
  await prisma.$executeRawUnsafe('ANALYZE')
}

/**
 * Readiness data for the benchmark's products: the repository's requirements catalogue, and a US FDA
 * registration for half the companies (one in ten of them expired), attached to about 70 % of their
 * products; then the stored readiness of every product (refreshReadiness). Products under chapters 48 and
 * 87 have no US rule, so they count as ready too: about half the catalogue is ready for the US. Its own
 * pseudo-random sequence, so the other scenarios' data stay as they were.
 */
async function generateReadiness(prisma: Awaited<ReturnType<(typeof import('../app/domain/db.server.ts'))['getPrisma']>>) {
  const { seedCatalogueIfEmpty } = await import('../app/domain/readiness/catalogue.server.ts')
  const { refreshReadiness } = await import('../app/domain/readiness/readiness.server.ts')
  let state = 7
  const random = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31
  await seedCatalogueIfEmpty(prisma)
  const companies = await prisma.exporterCompany.findMany({ where: { id: { startsWith: 'bench-co-' } }, select: { id: true }, orderBy: { id: 'asc' } })
  const registered = companies.filter(() => random() < 0.5)
  await prisma.certification.createMany({
    data: registered.map((company) => ({
      id: `${company.id}-fda`,
      companyId: company.id,
      type: 'FDA',
      market: 'US',
      number: `FDA-${company.id}`,
      validUntil: new Date(Date.now() + (random() < 0.1 ? -1 : 1) * 200 * 86_400_000),
    })),
    skipDuplicates: true,
  })
  for (const company of registered) {
    const products = await prisma.product.findMany({ where: { companyId: company.id }, select: { id: true } })
    await prisma.productCertification.createMany({
      data: products.filter(() => random() < 0.7).map((product) => ({ productId: product.id, certificationId: `${company.id}-fda` })),
      skipDuplicates: true,
    })
  }
  await refreshReadiness(prisma, { all: true })
  await prisma.$executeRawUnsafe('ANALYZE')
}

async function runParent() {
  const self = fileURLToPath(import.meta.url)
  const { targets, cleanup } = await benchTargets(`bench_catalog_${PRODUCT_COUNT}`)
  console.log(`Catalog search benchmark — ${PRODUCT_COUNT} products, ${ROUNDS} rounds per scenario`)
  console.log(describeMachine())
  const columns: Array<{ label: string; seedMs: number; readyShare: number; results: Array<{ name: string; p50: number; p95: number; total: number }> }> = []
  for (const target of targets) {
    columns.push({
      label: target.label,
      ...runBenchChild<{ seedMs: number; readyShare: number; results: Array<{ name: string; p50: number; p95: number; total: number }> }>(self, target),
    })
  }
  await cleanup()
  const header = ['scenario', 'matches', ...columns.flatMap((c) => [`${c.label} p50`, `p95 (ms)`])]
  const rows = SCENARIOS.map(([name], i) => [
    name,
    String(columns[0]?.results[i]?.total ?? ''),
    ...columns.flatMap((c) => [c.results[i]!.p50.toFixed(1), c.results[i]!.p95.toFixed(1)]),
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')
  console.log(line(header))
  for (const row of rows) console.log(line(row))
  for (const c of columns) {
    const worstP95 = Math.max(...c.results.map((r) => r.p95))
    console.log(
      `${c.label}: data set ready in ${(c.seedMs / 1000).toFixed(1)} s; ${Math.round(c.readyShare * 100)} % of products ready for ${READY_MARKET}; worst p95 ${worstP95.toFixed(1)} ms`,
    )
  }
  const postgres = columns.find((c) => c.label.startsWith('PostgreSQL'))
  if (postgres) console.log(`goal p95 < 30 ms on PostgreSQL: ${Math.max(...postgres.results.map((r) => r.p95)) < 30 ? 'met' : 'NOT met'}`)
}

if (process.argv.includes('--child')) await runChild()
else await runParent()
