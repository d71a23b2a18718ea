import { DomainError } from '~/domain/errors'
import { Prisma } from '~/generated/prisma/client'
import { getPrisma, isUniqueViolation } from '~/domain/db.server'
import { RECORD_ID_PATTERN } from '~/lib/record-id'
import { formatHsCode, hsChapter, PRODUCT_LOCALES } from './product-rules'
import { hsChapterTitle } from './hs-chapters'
import { refreshReadiness } from '~/domain/readiness/readiness.server'
import { refreshProductIndex } from './product-index.server'
import { fromMinorUnits, MAX_PRODUCT_IMAGES, ProductSchema, toMinorUnits, type ProductInput } from './product-schema'
import { pickLocalized, pickTranslation } from './translations'
import type { CompanyAudit } from '~/domain/agencies/actor.server'

type Db = Prisma.TransactionClient

/** Rules the form cannot know in the browser (e.g. too many images), each on its form field. */
export const PRODUCT_EDITOR_ERRORS = ['too-many-images'] as const

function notFound(): never {
  throw new DomainError('not-found', { status: 404 })
}

/** The editor schema plus the server-only checks: the category exists, the certifications are the company's. */
export function productServerSchema(companyId: string) {
  return ProductSchema.superRefine(async (value, ctx) => {
    // Field issues do not stop this refinement (zod 4): query only with well-formed ids, the rest is reported.
    if (![value.categoryId, ...value.certificationIds].every((id) => RECORD_ID_PATTERN.test(id))) return
    const prisma = await getPrisma()
    const [category, certifications] = await Promise.all([
      prisma.category.findUnique({ where: { id: value.categoryId }, select: { id: true } }),
      value.certificationIds.length
        ? prisma.certification.count({ where: { companyId, id: { in: [...new Set(value.certificationIds)] } } })
        : Promise.resolve(0),
    ])
    if (!category) ctx.addIssue({ code: 'custom', message: 'errors.invalidChoice', path: ['categoryId'] })
    if (certifications !== new Set(value.certificationIds).size) {
      ctx.addIssue({ code: 'custom', message: 'exporter.products.errors.certification', path: ['certificationIds'] })
    }
  })
}

/** "Red Ginseng Extract 240g" → "red-ginseng-extract-240g"; non-Latin names fall back to "product". */
export function slugifyProductName(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '')
  return base || 'product'
}

async function uniqueSlug(db: Db, companyId: string, name: string): Promise<string> {
  const base = slugifyProductName(name)
  const taken = new Set((await db.product.findMany({ where: { companyId, slug: { startsWith: base } }, select: { slug: true } })).map((p) => p.slug))
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`
}

function productData(input: ProductInput) {
  return {
    categoryId: input.categoryId,
    status: input.status,
    hsCode: input.hsCode,
    moq: input.moq,
    unit: input.unit,
    incoterms: [...new Set(input.incoterms)],
    leadTimeDays: input.leadTimeDays,
    targetMarkets: [...new Set(input.targetMarkets)],
    sampleAvailable: input.sampleAvailable,
    samplePriceMinor: input.sampleAvailable && input.samplePrice !== undefined ? toMinorUnits(input.samplePrice, input.sampleCurrency) : null,
    sampleCurrency: input.sampleAvailable && input.samplePrice !== undefined ? input.sampleCurrency : null,
    sampleMaxQuantity: input.sampleAvailable ? (input.sampleMaxQuantity ?? null) : null,
    sampleShippingNote: input.sampleAvailable ? input.sampleShippingNote || null : null,
    freeSamplesVerifiedOnly: input.sampleAvailable && input.freeSamplesVerifiedOnly,
  }
}

async function writeChildren(db: Db, productId: string, input: ProductInput) {
  const translations = input.translations as Record<string, { name?: string; description?: string } | undefined>
  for (const locale of PRODUCT_LOCALES) {
    const entry = translations[locale]
    if (entry?.name) {
      await db.productTranslation.upsert({
        where: { productId_locale: { productId, locale } },
        create: { productId, locale, name: entry.name, description: entry.description ?? '' },
        update: { name: entry.name, description: entry.description ?? '' },
      })
    } else if (locale !== 'en') {
      await db.productTranslation.deleteMany({ where: { productId, locale } })
    }
  }
  await db.priceTier.deleteMany({ where: { productId } })
  await db.priceTier.createMany({
    data: input.priceTiers.map((tier) => ({
      productId,
      minQuantity: tier.minQuantity,
      unitPriceMinor: toMinorUnits(tier.unitPrice, tier.currency),
      currency: tier.currency,
    })),
  })
  await db.productCertification.deleteMany({ where: { productId } })
  const certificationIds = [...new Set(input.certificationIds)]
  if (certificationIds.length) {
    await db.productCertification.createMany({ data: certificationIds.map((certificationId) => ({ productId, certificationId })) })
  }
}

async function appendImages(db: Db, productId: string, paths: readonly string[], altBase: string) {
  if (paths.length === 0) return
  const existing = await db.productImage.findMany({ where: { productId }, select: { position: true } })
  if (existing.length + paths.length > MAX_PRODUCT_IMAGES)
    throw new DomainError<(typeof PRODUCT_EDITOR_ERRORS)[number]>('too-many-images', { field: 'images', messageKey: 'exporter.products.errors.tooManyImages' })
  const start = existing.reduce((max, image) => Math.max(max, image.position + 1), 0)
  await db.productImage.createMany({
    data: paths.map((path, index) => ({ productId, path, alt: altBase, position: start + index })),
  })
}

/**
 * Creates or updates a product of `companyId` with its translations, tiers, certification links and
 * new images (already stored files), then rebuilds its search fields, all in one transaction.
 */
export async function saveProduct(
  companyId: string,
  productId: string | null,
  input: ProductInput,
  { newImagePaths = [], now = new Date(), audit }: { newImagePaths?: readonly string[]; now?: Date; audit?: CompanyAudit } = {},
): Promise<{ id: string; slug: string }> {
  const prisma = await getPrisma()
  const englishName = (input.translations as Record<string, { name?: string } | undefined>).en?.name ?? ''
  for (let attempt = 0; ; attempt++) {
    try {
      return await prisma.$transaction(async (tx) => {
        let product: { id: string; slug: string }
        if (productId) {
          const existing = await tx.product.findFirst({ where: { id: productId, companyId }, select: { id: true } })
          if (!existing) notFound()
          // The slug stays stable once created, so shared links keep working.
          product = await tx.product.update({ where: { id: productId }, data: productData(input), select: { id: true, slug: true } })
        } else {
          product = await tx.product.create({
            data: { companyId, slug: await uniqueSlug(tx, companyId, englishName), ...productData(input) },
            select: { id: true, slug: true },
          })
        }
        await writeChildren(tx, product.id, input)
        await appendImages(tx, product.id, newImagePaths, englishName)
        await refreshProductIndex(tx, { productIds: [product.id], now })
        await refreshReadiness(tx, { productIds: [product.id] }, { now })
        // An agency member's save is recorded in this transaction (ADR 026).
        await audit?.(tx, product)
        return product
      })
    } catch (error) {
      // Two creates racing for one slug: the unique index decides; try the next free slug.
      if (!productId && attempt < 3 && isUniqueViolation(error)) continue
      throw error
    }
  }
}

/** Moves an image one place up or down (swapping positions); returns nothing to delete. */
export async function moveProductImage(companyId: string, productId: string, imageId: string, direction: 'up' | 'down', audit?: CompanyAudit) {
  const prisma = await getPrisma()
  await prisma.$transaction(async (tx) => {
    const images = await tx.productImage.findMany({
      where: { productId, product: { companyId } },
      orderBy: [{ position: 'asc' }, { id: 'asc' }],
      select: { id: true },
    })
    const index = images.findIndex((image) => image.id === imageId)
    if (index === -1) notFound()
    const target = direction === 'up' ? index - 1 : index + 1
    if (target < 0 || target >= images.length) return
    const order = images.map((image) => image.id)
    order.splice(target, 0, ...order.splice(index, 1)) // neighbours: moving one swaps the two
    for (const [position, id] of order.entries()) await tx.productImage.update({ where: { id }, data: { position } })
    await audit?.(tx, { id: productId })
  })
}

/** Deletes the image row and renumbers the rest; returns the file path for the caller to delete after commit. */
export async function deleteProductImage(companyId: string, productId: string, imageId: string, audit?: CompanyAudit): Promise<string> {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const image = await tx.productImage.findFirst({ where: { id: imageId, productId, product: { companyId } }, select: { id: true, path: true } })
    if (!image) notFound()
    await tx.productImage.delete({ where: { id: image.id } })
    const rest = await tx.productImage.findMany({ where: { productId }, orderBy: [{ position: 'asc' }, { id: 'asc' }], select: { id: true } })
    for (const [position, { id }] of rest.entries()) await tx.productImage.update({ where: { id }, data: { position } })
    await audit?.(tx, { id: productId })
    return image.path
  })
}

/** The company's products for the editor list, newest first. */
export async function listCompanyProducts(companyId: string, locale: string) {
  const prisma = await getPrisma()
  const products = await prisma.product.findMany({
    where: { companyId },
    orderBy: { updatedAt: 'desc' },
    select: {
      id: true,
      status: true,
      hsCode: true,
      moq: true,
      unit: true,
      translations: { select: { locale: true, name: true } },
      priceTiers: { orderBy: { minQuantity: 'asc' }, select: { unitPriceMinor: true, currency: true } },
      certifications: { select: { certification: { select: { type: true, market: true } } } },
      images: { orderBy: { position: 'asc' }, take: 1, select: { path: true } },
    },
  })
  return products.map((product) => {
    const lowest = product.priceTiers.reduce<{ unitPriceMinor: number; currency: string } | null>(
      (min, tier) => (!min || tier.unitPriceMinor < min.unitPriceMinor ? tier : min),
      null,
    )
    return {
      id: product.id,
      name: pickTranslation(product.translations, locale)?.name ?? '',
      status: product.status,
      hsCode: formatHsCode(product.hsCode),
      hsChapter: hsChapter(product.hsCode),
      hsChapterTitle: hsChapterTitle(hsChapter(product.hsCode), locale),
      moq: product.moq,
      unit: product.unit,
      priceFrom: lowest,
      certifications: product.certifications.map((c) => `${c.certification.type} (${c.certification.market})`),
      imagePath: product.images[0]?.path ?? null,
    }
  })
}

/** Categories and the company's certifications, for the editor's choices. */
export async function getProductEditorOptions(companyId: string, locale: string) {
  const prisma = await getPrisma()
  const [categories, certifications] = await Promise.all([
    prisma.category.findMany({ orderBy: { slug: 'asc' }, select: { id: true, slug: true, nameI18n: true } }),
    prisma.certification.findMany({
      where: { companyId },
      orderBy: [{ type: 'asc' }, { market: 'asc' }],
      select: { id: true, type: true, market: true, number: true, validUntil: true },
    }),
  ])
  return {
    categories: categories
      .map((c) => ({ value: c.id, label: pickLocalized(c.slug, c.nameI18n, locale) }))
      .sort((a, b) => a.label.localeCompare(b.label, locale)),
    certifications: certifications.map((c) => ({ ...c, validUntil: c.validUntil?.toISOString() ?? null })),
  }
}

/** The product shaped like the editor form; 404 when it is missing or another company's. */
export async function getProductForEdit(companyId: string, productId: string) {
  const prisma = await getPrisma()
  const product = await prisma.product.findFirst({
    where: { id: productId, companyId },
    include: {
      translations: true,
      priceTiers: { orderBy: { minQuantity: 'asc' } },
      certifications: { select: { certificationId: true } },
      images: { orderBy: [{ position: 'asc' }, { id: 'asc' }], select: { id: true, path: true, alt: true } },
    },
  })
  if (!product) notFound()
  const translations = Object.fromEntries(
    PRODUCT_LOCALES.map((locale) => {
      const tr = product.translations.find((t) => t.locale === locale)
      return [locale, { name: tr?.name ?? '', description: tr?.description ?? '' }]
    }),
  )
  return {
    id: product.id,
    slug: product.slug,
    images: product.images,
    values: {
      translations,
      categoryId: product.categoryId,
      hsCode: product.hsCode,
      moq: String(product.moq),
      unit: product.unit,
      incoterms: product.incoterms as string[],
      leadTimeDays: String(product.leadTimeDays),
      priceTiers: product.priceTiers.map((tier) => ({
        minQuantity: String(tier.minQuantity),
        unitPrice: String(fromMinorUnits(tier.unitPriceMinor, tier.currency)),
        currency: tier.currency,
      })),
      sampleAvailable: product.sampleAvailable ? 'on' : '',
      samplePrice: product.samplePriceMinor === null || !product.sampleCurrency ? '' : String(fromMinorUnits(product.samplePriceMinor, product.sampleCurrency)),
      sampleCurrency: product.sampleCurrency ?? 'USD',
      sampleMaxQuantity: product.sampleMaxQuantity === null ? '' : String(product.sampleMaxQuantity),
      sampleShippingNote: product.sampleShippingNote ?? '',
      freeSamplesVerifiedOnly: product.freeSamplesVerifiedOnly ? 'on' : '',
      targetMarkets: product.targetMarkets,
      certificationIds: product.certifications.map((c) => c.certificationId),
      status: product.status,
    },
  }
}
