import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBuyer, createExporter, createLiveShowcase, createProduct } from '../../../tests/fixtures'
import { HOSTILE } from '../../../tests/hostile'
import { getRequest } from '../../../tests/http'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { loader as catalogLoader } from '~/routes/catalog/index'
import { loader as productLoader } from '~/routes/catalog/product'
import { loader as threadLoader } from '~/routes/inquiries/thread'
import { loader as watchLoader } from '~/routes/live/watch'
import { refreshReadiness } from './readiness.server'
import { createRequirement } from './requirement-fixtures'

// The buyer side's readiness views through their loaders: the exporter's gap on an inquiry before quoting,
// the product page "for my market", the live room's "Ready for your market" on featured products.

const DAY = 86_400_000
const now = Date.now()

beforeAll(async () => {
  await getPrisma()
})
afterAll(async () => {
  await disconnectPrisma()
})

/**
 * An exporter with an umbrella part under `hs` and Brazilian rules for it. Each test has its own HS code
 * (heading 6603, which no seeded rule and no other test file uses), so the rules of one do not reach another.
 */
async function world(hs: string) {
  const prisma = await getPrisma()
  const tag = randomUUID().slice(0, 6).toUpperCase()
  const registration = await createRequirement({
    market: 'BR',
    scope: 'company',
    documentTypes: [`REG-${tag}`],
    hs: [hs],
    name: { en: `Brazil importer registration ${tag}`, ko: `브라질 수입 등록 ${tag}` },
  })
  const certificate = await createRequirement({
    market: 'BR',
    scope: 'product',
    documentTypes: [`CERT-${tag}`],
    hs: [hs],
    name: { en: `Brazil umbrella certificate ${tag}` },
  })
  const label = await createRequirement({ market: 'BR', scope: 'product', documentTypes: [], hs: [hs], name: { en: `Portuguese label ${tag}` } })
  const exporter = await createExporter()
  const product = await createProduct(exporter.company.id, { name: `Umbrella ${tag}`, hsCode: hs })
  const hold = async (type: string, validUntil: Date | null, productId?: string) => {
    const certification = await prisma.certification.create({ data: { companyId: exporter.company.id, type, market: 'BR', number: randomUUID(), validUntil } })
    if (productId) await prisma.productCertification.create({ data: { productId, certificationId: certification.id } })
  }
  return { prisma, exporter, product, registration, certificate, label, hold }
}

describe('readiness on the buyer side', () => {
  it('shows the exporter, on an inquiry, what its product lacks for the buyer’s destination (not the buyer)', async () => {
    const { prisma, exporter, product, registration, certificate, label, hold } = await world('660310')
    // The registration ends before the ship date (the product's lead time, 21 days); the certificate is missing.
    await hold(registration.documentTypes[0] ?? '', new Date(now + 5 * DAY))
    const buyer = await createBuyer({ country: 'BR' })
    const inquiry = await prisma.inquiry.create({
      data: { buyerId: buyer.profile.id, companyId: exporter.company.id, productId: product.id, quantity: 500, destinationCountry: 'BR', message: 'Price?' },
    })
    const load = (cookie: string) => threadLoader({ request: getRequest(`/inquiries/${inquiry.id}`, [cookie]), params: { inquiryId: inquiry.id } } as never)
    const gap = (await load(exporter.cookie)).readinessGap
    expect(gap).toMatchObject({ productId: product.id, market: 'BR', status: 'missing' })
    expect(gap?.missing.map((item) => item.name)).toEqual([certificate.name.en])
    expect(gap?.expiring.map((item) => item.name)).toEqual([registration.name.en])
    expect(gap?.held).toEqual([])
    expect(gap?.checks.map((item) => item.name)).toEqual([label.name.en])
    expect(gap?.shipDate).toBe(new Date(now + 21 * DAY).toISOString().slice(0, 10))
    expect((await load(buyer.cookie)).readinessGap).toBeNull()

    // The exporter adds the certificate and renews the registration: the gap closes.
    await hold(certificate.documentTypes[0] ?? '', null, product.id)
    await hold(registration.documentTypes[0] ?? '', new Date(now + 365 * DAY))
    const closed = (await load(exporter.cookie)).readinessGap
    expect(closed?.status).toBe('ready')
    expect(closed?.held.map((item) => item.name).sort()).toEqual([certificate.name.en, registration.name.en].sort())

    // An inquiry for a market without rules on file says so; one without a product shows nothing.
    const elsewhere = await prisma.inquiry.create({
      data: { buyerId: buyer.profile.id, companyId: exporter.company.id, productId: product.id, quantity: 1, destinationCountry: 'UY', message: 'x' },
    })
    const uncovered = await threadLoader({ request: getRequest(`/inquiries/${elsewhere.id}`, [exporter.cookie]), params: { inquiryId: elsewhere.id } } as never)
    expect(uncovered.readinessGap).toMatchObject({ market: 'UY', status: 'not-covered', missing: [], held: [] })
    const general = await prisma.inquiry.create({
      data: { buyerId: buyer.profile.id, companyId: exporter.company.id, quantity: 1, destinationCountry: 'BR', message: 'x' },
    })
    expect(
      (await threadLoader({ request: getRequest(`/inquiries/${general.id}`, [exporter.cookie]), params: { inquiryId: general.id } } as never)).readinessGap,
    ).toBeNull()
  })

  it('shows a product’s readiness for the buyer’s country, or the market asked for, names in the reader’s language', async () => {
    const { prisma, product, registration, certificate, hold } = await world('660320')
    await hold(registration.documentTypes[0] ?? '', null)
    const buyer = await createBuyer({ country: 'BR' })
    await prisma.user.update({ where: { id: buyer.user.id }, data: { locale: 'ko' } })
    const load = async (query: string, cookies: string[] = []) =>
      (await productLoader({ request: getRequest(`/catalog/${product.id}${query}`, cookies), params: { productId: product.id } } as never)).readiness
    const mine = await load('', [buyer.cookie])
    expect(mine).toMatchObject({ market: 'BR', status: 'missing' })
    // Korean where the catalogue has it, English (marked as such) where it does not.
    expect(mine?.held).toEqual([{ code: registration.code, name: registration.name.ko, nameLang: 'ko' }])
    expect(mine?.missing).toEqual([{ code: certificate.code, name: certificate.name.en, nameLang: 'en' }])
    expect(await load('')).toBeNull()
    expect(await load('?readyFor=BR')).toMatchObject({ market: 'BR', status: 'missing' })
    expect(await load('?readyFor=UY')).toMatchObject({ market: 'UY', status: 'not-covered' })
    // A hostile value is ignored: the buyer's own market again.
    expect((await load('?readyFor=BR%27--', [buyer.cookie]))?.market).toBe('BR')
  })

  it('marks the live room’s featured products ready for the viewer’s country', async () => {
    const prisma = await getPrisma()
    const { session, exporter } = await createLiveShowcase('Umbrella show', { isPublic: true })
    const tag = randomUUID().slice(0, 6).toUpperCase()
    const requirement = await createRequirement({ market: 'BR', scope: 'product', documentTypes: [`LIVE-${tag}`], hs: ['660390'] })
    const ready = await createProduct(exporter.company.id, {
      hsCode: '660390',
      certification: { type: requirement.documentTypes[0] ?? '', market: 'BR', validUntil: new Date(now + 365 * DAY) },
    })
    const lacking = await createProduct(exporter.company.id, { hsCode: '660390' })
    await prisma.liveSessionProduct.createMany({
      data: [
        { sessionId: session.id, productId: ready.id, pinnedAt: new Date() },
        { sessionId: session.id, productId: lacking.id, pinnedAt: null },
      ],
    })
    await refreshReadiness(prisma, { companyId: exporter.company.id })
    const watch = async (cookies: string[]) =>
      (await watchLoader({ request: getRequest(`/live/${session.id}`, cookies), params: { sessionId: session.id } } as never)).readyForViewer
    const brazilian = await createBuyer({ country: 'BR' })
    expect(await watch([brazilian.cookie])).toEqual({ market: 'BR', productIds: [ready.id] })
    expect(await watch([(await createBuyer({ country: 'UY' })).cookie])).toBeNull()
    expect(await watch([])).toBeNull()
  })

  it('the catalog page drops a hostile readyFor and still searches; a good one is reported applied or not', async () => {
    const buyer = await createBuyer({ country: 'BR' })
    const catalog = async (query: string) => catalogLoader({ request: getRequest(`/catalog?${query}`, [buyer.cookie]), params: {}, context: {} } as never)
    for (const value of [...Object.values(HOSTILE), 'br', 'XX', 'EU;DROP', 'US%00']) {
      const page = await catalog(new URLSearchParams({ readyFor: value, q: 'umbrella' }).toString())
      expect(page.rejected).toEqual(['readyFor'])
      expect(page.readiness).toBeNull()
      expect(page.query).toEqual({ q: 'umbrella' })
    }
    const page = await catalog('readyFor=UY')
    expect(page.readiness).toEqual({ market: 'UY', applied: false })
    expect(page.buyerCountry).toBe('BR')
  })
})
