import '../../../tests/app-handler'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getPrisma } from '~/domain/db.server'
import { companyReadinessMatrix, dashboardReadiness } from '~/domain/exporters/readiness.server'
import { loadCatalogue, requirementData } from '~/domain/readiness/catalogue.server'
import { refreshReadiness } from '~/domain/readiness/readiness.server'
import type { MarketRequirement } from '~/domain/readiness/requirement-schema'
import { appGet, appPost, freshSession, startAppHandler, type AppHandler } from '../../../tests/app-handler'
import { createExporter, createProduct } from '../../../tests/fixtures'

// Export readiness on the exporter's side, through React Router's real request handler: the certificate
// form prefilled from a readiness panel (attach to the product, come back), its type check against the
// catalogue, the company matrix, its CSV, and the product editor's panel. The catalogue is this file's own
// (below), put in place of whatever the database holds and restored afterwards, so the expected statuses
// can be written out by hand.

const DAY = 86_400_000
const NOW = new Date()
const day = (offset: number) => new Date(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth(), NOW.getUTCDate()) + offset * DAY)

function rule(code: string, fields: Pick<MarketRequirement, 'market' | 'scope' | 'documentTypes' | 'hs'> & Partial<MarketRequirement>): MarketRequirement {
  return {
    code,
    kind: fields.documentTypes.length ? 'certificate' : 'labelling',
    exceptHs: [],
    name: { en: `Rule ${code}`, ko: `규정 ${code}` },
    howToGet: { en: `How to get ${code}` },
    issuerTypes: ['regulator'],
    leadTimeDays: { min: 10, max: 30 },
    voucherEligible: true,
    sourceUrl: `https://example.gov/${code.toLowerCase()}`,
    checkedOn: '2026-11-02',
    ...fields,
  }
}

const CATALOGUE: MarketRequirement[] = [
  rule('T-EU-CPNP', { market: 'EU', scope: 'product', documentTypes: ['CPNP'], hs: ['3304'] }),
  rule('T-US-FFR', { market: 'US', scope: 'company', documentTypes: ['FDA'], hs: ['19'] }),
  rule('T-US-LABEL', { market: 'US', scope: 'product', documentTypes: [], hs: ['19', '33'], checkedOn: null }),
  rule('T-GCC-HALAL', { market: 'GCC', scope: 'product', documentTypes: ['HALAL'], hs: ['19', '3304'] }),
  rule('T-JP-COS', { market: 'JP', scope: 'product', documentTypes: ['JP-COS'], hs: ['3304'] }),
]

let app: AppHandler
let saved: MarketRequirement[] = []

beforeAll(async () => {
  const prisma = await getPrisma()
  saved = await loadCatalogue(prisma)
  await prisma.marketRequirement.deleteMany({})
  await prisma.marketRequirement.createMany({ data: CATALOGUE.map(requirementData) })
  app = await startAppHandler()
}, 120_000)

afterAll(async () => {
  await (app as AppHandler | undefined)?.close()
  const prisma = await getPrisma()
  await prisma.marketRequirement.deleteMany({ where: { code: { in: CATALOGUE.map((requirement) => requirement.code) } } })
  if (saved.length) await prisma.marketRequirement.createMany({ data: saved.map(requirementData), skipDuplicates: true })
})

/** A company with a cosmetic (for DE) and noodles (for AE), an FDA registration ending before the noodles ship, a Halal certificate for the noodles. */
async function companyWithProducts() {
  const prisma = await getPrisma()
  const exporter = await createExporter({ companyName: 'Readiness Matrix Co' })
  const cushion = await createProduct(exporter.company.id, { name: 'Cushion compact', hsCode: '330499' })
  const noodles = await createProduct(exporter.company.id, { name: 'Buckwheat noodles', hsCode: '190230' })
  const archived = await createProduct(exporter.company.id, { name: 'Old snack', hsCode: '190590' })
  await prisma.product.update({ where: { id: cushion.id }, data: { targetMarkets: ['DE'] } })
  await prisma.product.update({ where: { id: noodles.id }, data: { targetMarkets: ['AE'] } })
  await prisma.product.update({ where: { id: archived.id }, data: { status: 'ARCHIVED', targetMarkets: ['BR'] } })
  // Company-wide, valid now but not on the noodles' ship date (lead time 21 days).
  await prisma.certification.create({ data: { companyId: exporter.company.id, type: 'FDA', market: 'US', number: 'FFR-1', validUntil: day(10) } })
  await prisma.certification.create({
    data: { companyId: exporter.company.id, type: 'HALAL', market: 'GCC', number: 'H-1', validUntil: null, products: { create: { productId: noodles.id } } },
  })
  // What product and certificate saves do in the app (here rows were written directly).
  await refreshReadiness(prisma, { companyId: exporter.company.id })
  return { exporter, cushion, noodles, archived }
}

const MAJORS = ['US', 'CN', 'JP', 'VN', 'HK', 'TW', 'EU', 'EAEU', 'GCC', 'IN', 'MY', 'ID', 'MN']

describe('the company readiness matrix', () => {
  it('lists non-archived products × major and target markets with the statuses worked out by hand, as a page and as CSV', async () => {
    const { exporter, cushion, noodles } = await companyWithProducts()
    const matrix = await companyReadinessMatrix(exporter.company.id, { now: NOW, shipDate: null, locale: 'en' })
    expect(matrix.markets).toEqual([...MAJORS, 'AE', 'DE'])
    expect(matrix.rows.map((row) => row.name)).toEqual(['Cushion compact', 'Buckwheat noodles'])
    const statuses = (productId: string) =>
      Object.fromEntries(
        matrix.rows.find((row) => row.id === productId)!.cells.map((cell) => [cell.market, [cell.status, cell.missingCodes, cell.expiringCodes]]),
      )
    const nc = ['not-covered', [], []]
    expect(statuses(cushion.id)).toEqual({
      US: ['ready', [], []], // only the label check applies to HS 33
      CN: nc,
      JP: ['missing', ['T-JP-COS'], []],
      VN: nc,
      HK: nc,
      TW: nc,
      EU: ['missing', ['T-EU-CPNP'], []],
      EAEU: nc,
      GCC: ['missing', ['T-GCC-HALAL'], []],
      IN: nc,
      MY: nc,
      ID: nc,
      MN: nc,
      AE: ['missing', ['T-GCC-HALAL'], []],
      DE: ['missing', ['T-EU-CPNP'], []],
    })
    expect(statuses(noodles.id)).toEqual({
      US: ['expiring', [], ['T-US-FFR']], // FDA valid 10 more days, ships in 21
      CN: nc,
      JP: ['ready', [], []],
      VN: nc,
      HK: nc,
      TW: nc,
      EU: ['ready', [], []],
      EAEU: nc,
      GCC: ['ready', [], []],
      IN: nc,
      MY: nc,
      ID: nc,
      MN: nc,
      AE: ['ready', [], []],
      DE: ['ready', [], []],
    })
    expect(matrix.summary.find((entry) => entry.market === 'EU')).toEqual({ market: 'EU', ready: 1, expiring: 0, missing: 1, notCovered: 0 })
    expect(matrix.summary.find((entry) => entry.market === 'US')).toEqual({ market: 'US', ready: 1, expiring: 1, missing: 0, notCovered: 0 })

    // With the FDA registration's last day as the ship date, the noodles are ready for the US.
    const early = await companyReadinessMatrix(exporter.company.id, { now: NOW, shipDate: day(5), locale: 'en' })
    expect(early.rows.find((row) => row.id === noodles.id)!.cells[0]).toMatchObject({ market: 'US', status: 'ready' })

    const dashboard = await dashboardReadiness(exporter.company.id, { now: NOW, locale: 'ko' })
    expect(dashboard.productCount).toBe(2)
    expect(dashboard.markets.find((entry) => entry.market === 'US')).toEqual({ market: 'US', ready: 1, covered: true })
    expect(dashboard.topMissing).toEqual([
      { code: 'T-EU-CPNP', products: 1, name: { text: '규정 T-EU-CPNP', lang: 'ko' } },
      { code: 'T-GCC-HALAL', products: 1, name: { text: '규정 T-GCC-HALAL', lang: 'ko' } },
      { code: 'T-JP-COS', products: 1, name: { text: '규정 T-JP-COS', lang: 'ko' } },
    ])

    const cookie = await freshSession(exporter.user.id)
    const page = await app.handle(appGet('/exporter/readiness', [cookie]))
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('data-testid="readiness-matrix"')
    expect(html).toContain(`href="/exporter/products/${cushion.id}?market=DE#readiness-DE"`)
    expect(html).toContain('1 missing')
    expect(html).not.toContain('Old snack')

    const download = await app.handle(appGet('/exporter/readiness?format=csv', [cookie]))
    expect(download.status).toBe(302)
    expect(download.headers.get('Location')).toBe('/exporter/readiness.csv')
    const csv = await app.handle(appGet('/exporter/readiness.csv', [cookie]))
    expect(csv.status).toBe(200)
    expect(csv.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n')
    expect(lines[0]).toBe('Product,HS code,Market,Status,Missing requirements,Requirements to renew')
    expect(lines).toHaveLength(1 + 2 * 15)
    expect(lines).toContain('Cushion compact,330499,DE,Missing requirements,T-EU-CPNP,')
    expect(lines).toContain('Buckwheat noodles,190230,US,Renew before shipping,,T-US-FFR')
    expect(lines).toContain('Buckwheat noodles,190230,GCC,Ready,,')
    expect(lines).toContain('Cushion compact,330499,MN,No rules on file,,')
  })

  it('shows the product editor’s readiness panel with an "Add certificate" link prefilled for a missing requirement', async () => {
    const { exporter, cushion } = await companyWithProducts()
    const cookie = await freshSession(exporter.user.id)
    const response = await app.handle(appGet(`/exporter/products/${cushion.id}?market=US`, [cookie]))
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('id="readiness-DE"')
    expect(html).toContain('id="readiness-US"')
    const back = `/exporter/products/${cushion.id}?market=DE#readiness-DE`
    const add = `/exporter/certifications?${new URLSearchParams({ type: 'CPNP', market: 'EU', product: cushion.id, redirectTo: back }).toString()}#editor`
    expect(html).toContain(`href="${add.replace(/&/g, '&amp;')}"`)
    expect(html).toContain('href="https://example.gov/t-eu-cpnp" rel="noopener" target="_blank"')
    expect(html).toContain('source not yet checked')
  })
})

describe('adding a certificate from the readiness panel', () => {
  it('prefills the form, attaches the certificate to the product in the save, and goes back to the panel', async () => {
    const prisma = await getPrisma()
    const { exporter, cushion } = await companyWithProducts()
    const cookie = await freshSession(exporter.user.id)
    const back = `/exporter/products/${cushion.id}?market=DE#readiness-DE`
    const query = new URLSearchParams({ type: 'CPNP', market: 'EU', product: cushion.id, redirectTo: back })
    const form = await app.handle(appGet(`/exporter/certifications?${query.toString()}`, [cookie]))
    expect(form.status).toBe(200)
    const html = await form.text()
    expect(html).toContain('Attach to Cushion compact')
    expect(html).toMatch(/<option value="CPNP" selected="">CPNP<\/option>/)
    expect(html).toMatch(/<option value="EU" selected="">/)

    const before = await prisma.productMarketReadiness.findUnique({ where: { productId_market: { productId: cushion.id, market: 'EU' } } })
    expect(before).toMatchObject({ required: 1, missing: 1 })

    const saved = await app.handle(
      await appPost(
        '/exporter/certifications',
        { intent: 'save', type: 'CPNP', market: 'EU', number: 'CPNP-778', productId: cushion.id, attachProduct: 'on', redirectTo: back },
        [await freshSession(exporter.user.id)],
      ),
    )
    expect(saved.status).toBe(302)
    expect(saved.headers.get('Location')).toBe(back)
    const certificate = await prisma.certification.findFirstOrThrow({
      where: { companyId: exporter.company.id, number: 'CPNP-778' },
      include: { products: true },
    })
    expect(certificate.products.map((link) => link.productId)).toEqual([cushion.id])
    const after = await prisma.productMarketReadiness.findUnique({ where: { productId_market: { productId: cushion.id, market: 'EU' } } })
    expect(after).toMatchObject({ required: 1, missing: 0, readyUntil: null })

    const panel = await (await app.handle(appGet(back.replace(/#.*/, ''), [await freshSession(exporter.user.id)]))).text()
    const block = panel.slice(panel.indexOf('id="readiness-DE"'), panel.indexOf('</section>', panel.indexOf('id="readiness-DE"')))
    expect(block).toContain('Ready')
    expect(block).toContain('CPNP CPNP-778, no expiry')
    const matrix = await companyReadinessMatrix(exporter.company.id, { now: new Date(), shipDate: null, locale: 'en' })
    expect(matrix.rows.find((row) => row.id === cushion.id)!.cells.find((cell) => cell.market === 'DE')!.status).toBe('ready')
  })

  it('refuses a type neither on the list nor in the catalogue, keeping what was typed', async () => {
    const { exporter } = await companyWithProducts()
    const response = await app.handle(
      await appPost('/exporter/certifications', { intent: 'save', type: 'NOT-A-TYPE', market: 'EU', number: 'KEEP-123' }, [
        await freshSession(exporter.user.id),
      ]),
    )
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(html).toContain('Choose one of the options.')
    expect(html).toContain('value="KEEP-123"')
    expect(html).toMatch(/<option value="NOT-A-TYPE" selected="">/)
    const prisma = await getPrisma()
    expect(await prisma.certification.count({ where: { companyId: exporter.company.id, number: 'KEEP-123' } })).toBe(0)
  })

  it('ignores a redirectTo that leaves the site', async () => {
    const { exporter } = await companyWithProducts()
    for (const redirectTo of ['https://evil.example/phish', '//evil.example/x', '/\\evil.example']) {
      const response = await app.handle(
        await appPost('/exporter/certifications', { intent: 'save', type: 'KC', market: 'KR', number: `KC-${redirectTo.length}`, redirectTo }, [
          await freshSession(exporter.user.id),
        ]),
      )
      expect(response.status).toBe(302)
      expect(response.headers.get('Location')).toBe('/exporter/certifications')
    }
  })

  it('answers 404 for another company’s product, on the editor, the prefilled form and the save', async () => {
    const { exporter } = await companyWithProducts()
    const other = await companyWithProducts()
    const cookie = await freshSession(exporter.user.id)
    expect((await app.handle(appGet(`/exporter/products/${other.cushion.id}?market=JP`, [cookie]))).status).toBe(404)
    expect((await app.handle(appGet(`/exporter/certifications?type=CPNP&market=EU&product=${other.cushion.id}`, [cookie]))).status).toBe(404)
    const save = await app.handle(
      await appPost(
        '/exporter/certifications',
        { intent: 'save', type: 'CPNP', market: 'EU', number: 'STEAL-1', productId: other.cushion.id, attachProduct: 'on' },
        [await freshSession(exporter.user.id)],
      ),
    )
    expect(save.status).toBe(404)
    const prisma = await getPrisma()
    // The save was one transaction: the certificate did not stay behind without its link.
    expect(await prisma.certification.count({ where: { number: 'STEAL-1' } })).toBe(0)
  })
})
