import { randomUUID } from 'node:crypto'
import { getPrisma } from '~/domain/db.server'
import { createUserSession, getOptionalUser } from '~/domain/accounts/session.server'
import { refreshProductIndex } from '~/domain/catalog/product-index.server'
import type { Incoterm, Role } from '~/generated/prisma/client'
import { cookiePair, getRequest } from './http'

// Test data builders: each call creates its own rows with unique keys, so tests never collide.

const unique = () => randomUUID().slice(0, 8)

async function sessionFor(userId: string): Promise<string> {
  return cookiePair(await createUserSession(userId, { userAgent: 'vitest' }))
}

/** The session user a cookie signs in as (as a loader would see it); throws when it signs in nobody. */
export async function sessionUserOf(cookie: string) {
  const user = await getOptionalUser(getRequest('/', [cookie]))
  if (!user) throw new Error('no session user')
  return user
}

export async function createUser(role: Role, overrides: { name?: string; timeZone?: string } = {}) {
  const prisma = await getPrisma()
  const user = await prisma.user.create({
    data: {
      email: `${role.toLowerCase()}-${unique()}@example.test`,
      name: overrides.name ?? `${role} ${unique()}`,
      role,
      // A new account has chosen no zone (null): pages use the browser's, notifications the event's.
      timeZone: overrides.timeZone ?? null,
    },
  })
  return { user, cookie: await sessionFor(user.id) }
}

export async function createExporter(options: { city?: string; companyName?: string } = {}) {
  const prisma = await getPrisma()
  const { user, cookie } = await createUser('EXPORTER')
  const company = await prisma.exporterCompany.create({
    data: {
      slug: `co-${unique()}`,
      name: options.companyName ?? `Company ${unique()}`,
      region: 'Gangwon',
      city: options.city ?? 'Chuncheon',
      industry: 'Food',
      members: { create: { userId: user.id, role: 'OWNER' } },
    },
  })
  return { user, company, cookie }
}

export async function createBuyer(options: { country?: string; companyName?: string } = {}) {
  const prisma = await getPrisma()
  const { user, cookie } = await createUser('BUYER')
  const profile = await prisma.buyerProfile.create({
    data: {
      userId: user.id,
      companyName: options.companyName ?? `Buyer Co ${unique()}`,
      country: options.country ?? 'US',
      businessType: 'IMPORTER',
      timeZone: 'America/New_York',
    },
  })
  return { user, profile, cookie }
}

export async function ensureCategory(slug = 'processed-food') {
  const prisma = await getPrisma()
  return prisma.category.upsert({ where: { slug }, update: {}, create: { slug, nameI18n: { en: slug, ko: slug } } })
}

type ProductOptions = {
  name?: string
  koName?: string
  hsCode?: string
  moq?: number
  priceMinor?: number
  currency?: string
  incoterms?: Incoterm[]
  categorySlug?: string
  status?: 'DRAFT' | 'PUBLISHED'
  certification?: { type: string; market: string; validUntil: Date | null }
}

export async function createProduct(companyId: string, options: ProductOptions = {}) {
  const prisma = await getPrisma()
  const category = await ensureCategory(options.categorySlug)
  const product = await prisma.$transaction(async (tx) => {
    const created = await tx.product.create({
      data: {
        companyId,
        categoryId: category.id,
        slug: `p-${unique()}`,
        status: options.status ?? 'PUBLISHED',
        hsCode: options.hsCode ?? '190230',
        moq: options.moq ?? 100,
        incoterms: options.incoterms ?? ['FOB', 'CIF'],
        leadTimeDays: 21,
        translations: {
          create: [
            { locale: 'en', name: options.name ?? `Product ${unique()}`, description: 'Test product' },
            ...(options.koName ? [{ locale: 'ko', name: options.koName, description: '' }] : []),
          ],
        },
        priceTiers: { create: [{ minQuantity: options.moq ?? 100, unitPriceMinor: options.priceMinor ?? 250, currency: options.currency ?? 'USD' }] },
      },
    })
    if (options.certification) {
      const cert = await tx.certification.create({
        data: {
          companyId,
          type: options.certification.type,
          market: options.certification.market,
          number: `N-${unique()}`,
          validUntil: options.certification.validUntil,
        },
      })
      await tx.productCertification.create({ data: { productId: created.id, certificationId: cert.id } })
    }
    await refreshProductIndex(tx, { productIds: [created.id] })
    return created
  })
  return product
}

/** A public showcase that is LIVE now, hosted by a new exporter company's owner. */
export async function createLiveShowcase(title = 'Live showcase', options: { isPublic?: boolean } = {}) {
  const prisma = await getPrisma()
  const exporter = await createExporter()
  const session = await prisma.liveSession.create({
    data: {
      title,
      status: 'LIVE',
      ...(options.isPublic ? { isPublic: true } : {}),
      startedAt: new Date(),
      hostId: exporter.user.id,
      companyId: exporter.company.id,
      scheduledStartAt: new Date(),
      scheduledEndAt: new Date(Date.now() + 3_600_000),
    },
  })
  return { exporter, session }
}
