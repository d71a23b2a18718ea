import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { seedDemoData } from '../../../prisma/seed'
import { seedCatalogueIfEmpty } from './catalogue.server'
import { assessCompanyProducts, readyProductIds, refreshReadiness } from './readiness.server'

// The readiness matrix of two seeded companies against the repository's catalogue, compared with an
// expectation written by hand from the catalogue file and the seed (prisma/seed/data/companies-*.ts),
// not computed by the code under test. Ship date 60 days out: the seed's valid certificates run at least
// 120 days more, its "expiring" ones end within 6–27 days.

const NOW = new Date()
const SHIP = new Date(NOW.getTime() + 60 * 86_400_000)
const MARKETS = ['US', 'CN', 'JP', 'VN', 'HK', 'TW', 'EU', 'EAEU', 'GCC', 'IN', 'MY', 'ID', 'MN', 'KR', 'SA', 'DE', 'KZ'] as const
type Market = (typeof MARKETS)[number]
type Expected = Record<Market, { status: string; missing: string[]; expiring?: string[] }>

const ready = { status: 'ready', missing: [] }

// Soyang Buckwheat Foods: HACCP (KR), FDA (US, food facility), HALAL (MY, expiring), EAC (RU), every one
// attached to every product; FSSC 22000 (company-wide, expired) is nobody's requirement. All its products are
// food under chapters 19–21, so one column reads the same for every product.
const soyangFood: Expected = {
  US: ready, // US-FDA-FFR: a company-wide FDA document; prior notice and origin marking are checks
  CN: { status: 'missing', missing: ['CN-GACC-REG'] },
  JP: ready, // only notifications and labelling to check for food
  VN: { status: 'missing', missing: ['VN-FOOD-SELF-DECL'] },
  HK: ready,
  TW: ready,
  EU: ready, // health certificate and labelling are per-shipment checks
  EAEU: ready, // EAC registered in Russia counts across the union
  KZ: ready,
  GCC: { status: 'missing', missing: ['GCC-HALAL'] }, // its Halal certificate is Malaysia's
  SA: { status: 'missing', missing: ['GCC-HALAL'] },
  IN: ready,
  MY: { status: 'expiring', missing: [], expiring: ['MY-HALAL-JAKIM'] },
  ID: { status: 'missing', missing: ['ID-BPOM-FOOD', 'ID-HALAL-BPJPH'] },
  MN: ready,
  KR: ready, // HACCP held where it applies (noodles), nothing required elsewhere
  DE: ready,
}

// Jajak Birch Cosmetics: CPNP (EU), FDA (US), NMPA (CN), HALAL (MY, expiring), VEGAN; all products cosmetics (33xx).
const jajakCosmetics: Expected = {
  US: ready, // facility registration (company) and product listing (attached FDA document)
  CN: ready, // NMPA
  JP: { status: 'missing', missing: ['JP-PMD-COS'] },
  VN: { status: 'missing', missing: ['VN-COS-NOTIF'] },
  HK: ready,
  TW: { status: 'missing', missing: ['TW-TFDA-COS'] },
  EU: ready, // CPNP
  DE: ready,
  EAEU: { status: 'missing', missing: ['EAEU-EAC-COS'] },
  KZ: { status: 'missing', missing: ['EAEU-EAC-COS'] },
  GCC: { status: 'missing', missing: ['GCC-HALAL'] },
  SA: { status: 'missing', missing: ['GCC-HALAL'] },
  IN: { status: 'missing', missing: ['IN-CDSCO-COS'] },
  MY: { status: 'missing', missing: ['MY-NPRA-COS'], expiring: ['MY-HALAL-JAKIM'] }, // Halal ends before shipping, no NPRA notification
  ID: { status: 'missing', missing: ['ID-BPOM-COS', 'ID-HALAL-BPJPH'] },
  MN: ready,
  KR: ready,
}

const EXPECTED: Record<string, { products: string[]; matrix: Expected }> = {
  'soyang-buckwheat-foods': {
    // Buckwheat crackers are archived: not in the matrix. The pancake mix is a draft: it is.
    // The seed makes one product per variant (slug + variant).
    products: [
      'chuncheon-buckwheat-soba-500-g-retail-pack-20',
      'chuncheon-buckwheat-soba-3-kg-foodservice-pack-4',
      'instant-buckwheat-cup-noodles-original-12-cups',
      'instant-buckwheat-cup-noodles-spicy-chuncheon-dakgalbi-12-cups',
      'makguksu-meal-kit',
      'gangwon-potato-chips-sea-salt',
      'gangwon-potato-chips-honey-butter',
      'gangwon-potato-chips-seaweed-sesame',
      'tartary-buckwheat-tea',
      'chuncheon-dakgalbi-sauce',
      'frozen-potato-dumplings',
      'buckwheat-pancake-mix',
    ],
    matrix: soyangFood,
  },
  'jajak-birch-cosmetics': {
    products: [
      'birch-sap-hydrating-toner-150-ml',
      'birch-sap-hydrating-toner-500-ml-salon-size',
      'birch-sap-moisture-cream',
      'birch-sap-sheet-mask-single-sheet',
      'birch-sap-sheet-mask-box-of-10',
      'birch-mild-sunscreen',
      'birch-scalp-shampoo',
      'birch-cleansing-balm',
      'birch-lip-balm',
    ],
    matrix: jajakCosmetics,
  },
}

beforeAll(async () => {
  const prisma = await getPrisma()
  // On PostgreSQL the test files share one database: other files may have left their own catalogue (or the
  // demo data, seeded a little earlier). This file's subject is the repository's catalogue, so it puts it back.
  await prisma.marketRequirement.deleteMany({})
  await seedCatalogueIfEmpty(prisma)
  await seedDemoData(prisma, { now: NOW })
  await prisma.$transaction((tx) => refreshReadiness(tx, { all: true }, { now: NOW }), { timeout: 120_000 })
}, 120_000)

afterAll(async () => {
  await disconnectPrisma()
})

describe.each(Object.entries(EXPECTED))('the readiness matrix of %s', (slug, expected) => {
  it('equals the expectation written from the catalogue and the seed', async () => {
    const prisma = await getPrisma()
    const company = await prisma.exporterCompany.findUniqueOrThrow({ where: { slug }, select: { id: true } })
    const { products } = await assessCompanyProducts(company.id, { markets: MARKETS, now: NOW, shipDate: SHIP })
    expect(products.map((row) => row.product.slug).sort()).toEqual([...expected.products].sort())
    for (const row of products) {
      const actual = Object.fromEntries(
        row.markets.map((assessment) => {
          const codes = (status: string) => assessment.items.filter((item) => item.status === status).map((item) => item.requirement.code)
          const expiring = codes('expiring')
          return [assessment.market, { status: assessment.status, missing: codes('missing').sort(), ...(expiring.length ? { expiring } : {}) }]
        }),
      )
      expect(actual, row.product.slug).toEqual(expected.matrix)
    }
  })

  it('the stored rows the catalog filters on say the same: ready now = ready or expiring', async () => {
    const prisma = await getPrisma()
    const company = await prisma.exporterCompany.findUniqueOrThrow({ where: { slug }, select: { id: true } })
    const products = await prisma.product.findMany({ where: { companyId: company.id, slug: { in: expected.products } }, select: { id: true } })
    const ids = products.map((product) => product.id)
    for (const market of MARKETS) {
      const readyNow = ['ready', 'expiring'].includes(expected.matrix[market].status)
      expect((await readyProductIds(ids, market, NOW)).size, market).toBe(readyNow ? ids.length : 0)
    }
  })
})
