import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { buildConsultationXlsx } from '~/domain/fairs/export.server'
import { loader as dashboardLoader } from '~/routes/organizer/fairs/dashboard'
import { loader as gapsCsvLoader } from '~/routes/organizer/fairs/readiness-gaps-csv'
import { createBuyer, createExporter, createProduct, createUser } from '../../../tests/fixtures'
import { caught, getRequest } from '../../../tests/http'
import { requirementData } from './catalogue.server'
import { fairReadinessGaps } from './fair-gaps.server'
import { MAJOR_MARKETS } from './readiness.server'
import type { MarketRequirement } from './requirement-schema'

// A fair's readiness gaps over a small catalogue written here, with the expected counts worked out by hand
// below (every product ships 21 days from now: the fixture's lead time).

const DAY = 86_400_000
const now = new Date()

function rule(code: string, market: string, hs: string[], documentTypes: string[], scope: 'company' | 'product'): MarketRequirement {
  return {
    code,
    market,
    kind: documentTypes.length ? 'certificate' : 'labelling',
    scope,
    documentTypes,
    hs,
    exceptHs: [],
    name: { en: `${code} name`, ko: `${code} 이름` },
    howToGet: { en: 'Apply to the regulator.' },
    issuerTypes: ['regulator'],
    leadTimeDays: { min: 5, max: 30 },
    voucherEligible: true,
    sourceUrl: 'https://example.org/rule',
    checkedOn: null,
  }
}

let fairId: string
let organizerCookie: string

beforeAll(async () => {
  const prisma = await getPrisma()
  // On PostgreSQL the test files share one database: this catalogue and nothing else, whatever ran before.
  await prisma.marketRequirement.deleteMany({})
  await prisma.marketRequirement.createMany({
    data: [
      // US: a company-wide registration for HS 19 and a label check (never blocks).
      rule('T-US-REG', 'US', ['19'], ['FDA'], 'company'),
      rule('T-US-LABEL', 'US', ['19'], [], 'product'),
      // EU (and so Germany): a per-product certificate for pasta (1902).
      rule('T-EU-CERT', 'EU', ['1902'], ['CE'], 'product'),
      // Japan: a per-product notice for HS 19 and 33.
      rule('T-JP-NOTE', 'JP', ['19', '33'], ['JPN'], 'product'),
    ].map(requirementData),
  })

  const organizer = await createUser('ORGANIZER')
  organizerCookie = organizer.cookie
  const fair = await prisma.tradeFair.create({
    data: {
      slug: `gaps-${Date.now()}`,
      name: 'Gaps Expo',
      startsAt: now,
      endsAt: new Date(now.getTime() + 3 * DAY),
      timeZone: 'Asia/Seoul',
      status: 'OPEN',
      organizerId: organizer.user.id,
    },
  })
  fairId = fair.id

  // A: noodles (190230) with the US registration (company-wide) and an EU certificate that lapses before
  // the ship date; cosmetics (330499) with nothing.
  const a = await createExporter({ companyName: 'Alpha Foods' })
  const a1 = await createProduct(a.company.id, { hsCode: '190230' })
  await createProduct(a.company.id, { hsCode: '330499' })
  await prisma.certification.create({
    data: { companyId: a.company.id, type: 'FDA', market: 'US', number: 'FDA-1', validUntil: new Date(now.getTime() + 400 * DAY) },
  })
  const ce = await prisma.certification.create({
    data: { companyId: a.company.id, type: 'CE', market: 'EU', number: 'CE-1', validUntil: new Date(now.getTime() + 10 * DAY) },
  })
  await prisma.productCertification.create({ data: { productId: a1.id, certificationId: ce.id } })
  // B: biscuits (190590) with nothing.
  const b = await createExporter({ companyName: 'Beta Bakery' })
  await createProduct(b.company.id, { hsCode: '190590' })
  // C is still pending; D's only product is a draft: neither counts.
  const c = await createExporter({ companyName: 'Gamma Pending' })
  await createProduct(c.company.id, { hsCode: '190230' })
  const d = await createExporter({ companyName: 'Delta Drafts' })
  await createProduct(d.company.id, { hsCode: '190230', status: 'DRAFT' })

  const german = await createBuyer({ country: 'DE' })
  const american = await createBuyer({ country: 'US' })
  const french = await createBuyer({ country: 'FR' })
  await prisma.fairRegistration.createMany({
    data: [
      { fairId, userId: a.user.id, kind: 'EXHIBITOR', companyId: a.company.id, status: 'APPROVED' },
      { fairId, userId: b.user.id, kind: 'EXHIBITOR', companyId: b.company.id, status: 'APPROVED' },
      { fairId, userId: c.user.id, kind: 'EXHIBITOR', companyId: c.company.id, status: 'PENDING' },
      { fairId, userId: d.user.id, kind: 'EXHIBITOR', companyId: d.company.id, status: 'APPROVED' },
      { fairId, userId: german.user.id, kind: 'BUYER', status: 'APPROVED' },
      { fairId, userId: american.user.id, kind: 'BUYER', status: 'APPROVED' },
      { fairId, userId: french.user.id, kind: 'BUYER', status: 'PENDING' },
    ],
  })
})
afterAll(async () => {
  await disconnectPrisma()
})

describe('fair readiness gaps', () => {
  it('counts ready / expiring / missing products and the missing requirements per market', async () => {
    const gaps = await fairReadinessGaps(fairId, { now })
    expect(gaps.companies).toBe(2) // A and B (D is approved but has only a draft)
    expect(gaps.products).toBe(3) // A's two, B's one
    // The major markets, then the approved buyers' other countries (DE; FR is pending, US is major).
    expect(gaps.markets.map((gap) => gap.market)).toEqual([...MAJOR_MARKETS, 'DE'])
    const byMarket = Object.fromEntries(gaps.markets.map((gap) => [gap.market, gap]))

    // US: A's noodles hold the registration (the label is a check); A's cosmetics have no US rule; B lacks it.
    expect(byMarket.US).toEqual({
      market: 'US',
      covered: true,
      products: 3,
      ready: 2,
      expiring: 0,
      missing: 1,
      companiesWithGaps: 1,
      topMissing: [{ code: 'T-US-REG', name: { en: 'T-US-REG name', ko: 'T-US-REG 이름' }, products: 1, companies: 1 }],
    })
    // EU and DE (Germany applies the EU's rules): A's noodles' certificate ends before the ship date.
    for (const market of ['EU', 'DE']) {
      expect(byMarket[market]).toMatchObject({ covered: true, products: 3, ready: 2, expiring: 1, missing: 0, companiesWithGaps: 0, topMissing: [] })
    }
    // Japan: all three lack the notice, across both companies.
    expect(byMarket.JP).toMatchObject({
      ready: 0,
      expiring: 0,
      missing: 3,
      companiesWithGaps: 2,
      topMissing: [{ code: 'T-JP-NOTE', products: 3, companies: 2 }],
    })
    // No rules for China: neither ready nor missing.
    expect(byMarket.CN).toMatchObject({ covered: false, products: 3, ready: 0, expiring: 0, missing: 0, companiesWithGaps: 0, topMissing: [] })
  })

  it('is on the KPI dashboard, in its own CSV and in the workbook', async () => {
    const dashboard = await dashboardLoader({ request: getRequest(`/organizer/fairs/${fairId}/dashboard`, [organizerCookie]), params: { fairId } } as never)
    expect(dashboard.readinessGaps.markets.find((gap) => gap.market === 'JP')?.missing).toBe(3)

    const response = await gapsCsvLoader({
      request: getRequest(`/organizer/fairs/${fairId}/readiness-gaps.csv`, [organizerCookie]),
      params: { fairId },
    } as never)
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    const lines = (await response.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n')
    expect(lines[0]).toBe('Market,Products,Ready,Renew before shipping,Missing requirements,Companies with gaps,Most missing requirements')
    expect(lines).toContain('US,3,2,0,1,1,T-US-REG (1)')
    expect(lines).toContain('JP,3,0,0,3,2,T-JP-NOTE (3)')
    expect(lines).toContain('DE,3,2,1,0,0,')
    expect(lines).toContain('CN,3,,,,,No rules on file')
    expect(lines).toHaveLength(1 + MAJOR_MARKETS.length + 1)

    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await buildConsultationXlsx(fairId, 'en')).body as unknown as ArrayBuffer)
    const sheet = workbook.getWorksheet('Readiness gaps')
    const jp = sheet?.getRows(2, MAJOR_MARKETS.length + 1)?.find((row) => row.getCell(1).value === 'JP')
    expect(jp?.values).toEqual([undefined, 'JP', 3, 0, 0, 3, 2, 'T-JP-NOTE (3)'])

    // Another organizer's fair id reveals nothing.
    const other = await createUser('ORGANIZER')
    expect(
      (await caught(() => gapsCsvLoader({ request: getRequest(`/organizer/fairs/${fairId}/readiness-gaps.csv`, [other.cookie]), params: { fairId } } as never)))
        .status,
    ).toBe(404)
  })
})
