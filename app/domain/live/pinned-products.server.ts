import { getPrisma } from '~/domain/db.server'
import { DomainError } from '~/domain/errors'
import { pickTranslation } from '~/domain/catalog/translations'
import { MAX_PINNED_PRODUCTS, type PinnedProductView } from '~/protocol/live'
import type { RoomContext } from './room-access.server'

export type PinErrorCode = 'forbidden' | 'not-found' | 'too-many-pins'
const PIN_STATUS = { forbidden: 403, 'not-found': 404, 'too-many-pins': 409 } as const

function pinError(code: PinErrorCode) {
  return new DomainError<PinErrorCode>(code, { status: PIN_STATUS[code] })
}

type CardOptions = { now?: Date; publishedOnly?: boolean }

/**
 * The trade cards of these products (the live room's pinned cards, a replay's chapter cards), in the
 * order given; products that no longer exist are left out, and with `publishedOnly` those withdrawn too.
 */
export async function listProductCards(productIds: readonly string[], locale: string, options: CardOptions = {}): Promise<PinnedProductView[]> {
  return (await listProductCardsByLocale(productIds, [locale], options)).get(locale) ?? []
}

/**
 * The same cards in each of `locales` (names in the reader's language, English when not translated),
 * from one read of the products: a room's audience speaks few languages, so a pin is localised once per
 * language present, not once per viewer.
 */
export async function listProductCardsByLocale(
  productIds: readonly string[],
  locales: readonly string[],
  { now = new Date(), publishedOnly = false }: CardOptions = {},
): Promise<Map<string, PinnedProductView[]>> {
  if (productIds.length === 0 || locales.length === 0) return new Map(locales.map((locale) => [locale, []]))
  const prisma = await getPrisma()
  const products = await prisma.product.findMany({
    where: { id: { in: [...productIds] }, ...(publishedOnly ? { status: 'PUBLISHED' as const } : {}) },
    select: {
      id: true,
      hsCode: true,
      moq: true,
      unit: true,
      incoterms: true,
      leadTimeDays: true,
      sampleAvailable: true,
      samplePriceMinor: true,
      sampleCurrency: true,
      sampleMaxQuantity: true,
      translations: { select: { locale: true, name: true } },
      priceTiers: { orderBy: { minQuantity: 'asc' }, select: { minQuantity: true, unitPriceMinor: true, currency: true } },
      images: { orderBy: { position: 'asc' }, take: 1, select: { path: true } },
      certifications: {
        where: { certification: { OR: [{ validUntil: null }, { validUntil: { gte: now } }] } },
        select: { certification: { select: { type: true, market: true, validUntil: true } } },
      },
    },
  })
  const byId = new Map(products.map((product) => [product.id, product]))
  const ordered = [...new Set(productIds)].flatMap((id) => byId.get(id) ?? [])
  return new Map(locales.map((locale) => [locale, ordered.map((product) => toCard(product, locale))]))
}

type CardRow = {
  id: string
  hsCode: string
  moq: number
  unit: string
  incoterms: string[]
  leadTimeDays: number
  sampleAvailable: boolean
  samplePriceMinor: number | null
  sampleCurrency: string | null
  sampleMaxQuantity: number | null
  translations: Array<{ locale: string; name: string }>
  priceTiers: Array<{ minQuantity: number; unitPriceMinor: number; currency: string }>
  images: Array<{ path: string }>
  certifications: Array<{ certification: { type: string; market: string; validUntil: Date | null } }>
}

function toCard(product: CardRow, locale: string): PinnedProductView {
  const translation = pickTranslation(product.translations, locale)
  return {
    id: product.id,
    name: translation?.name ?? '',
    nameLang: translation?.locale ?? 'en',
    hsCode: product.hsCode,
    moq: product.moq,
    unit: product.unit,
    incoterms: product.incoterms,
    leadTimeDays: product.leadTimeDays,
    priceTiers: product.priceTiers,
    certifications: product.certifications.map(({ certification }) => ({
      type: certification.type,
      market: certification.market,
      validUntil: certification.validUntil?.toISOString() ?? null,
    })),
    sample: product.sampleAvailable
      ? { priceMinor: product.samplePriceMinor ?? 0, currency: product.sampleCurrency ?? 'USD', maxQuantity: product.sampleMaxQuantity ?? 1 }
      : null,
    image: product.images[0]?.path ?? null,
  }
}

/** The ids of the products on screen, in the order they were pinned. */
export async function listPinnedProductIds(sessionId: string): Promise<string[]> {
  const prisma = await getPrisma()
  const pins = await prisma.liveSessionProduct.findMany({
    where: { sessionId, pinnedAt: { not: null } },
    orderBy: { pinnedAt: 'asc' },
    select: { productId: true },
  })
  return pins.map((pin) => pin.productId)
}

/** The product cards every viewer sees, in the order they were pinned, in the reader's language. */
export async function listPinnedProducts(sessionId: string, locale: string, now = new Date()): Promise<PinnedProductView[]> {
  return listProductCards(await listPinnedProductIds(sessionId), locale, { now })
}

/** The same cards in each language present in the room (one read of the pins and one of the products). */
export async function listPinnedProductsByLocale(sessionId: string, locales: readonly string[], now = new Date()): Promise<Map<string, PinnedProductView[]>> {
  return listProductCardsByLocale(await listPinnedProductIds(sessionId), locales, { now })
}

/** The host pins (or unpins) one of their own published products; at most three at once. */
export async function setProductPinned(room: RoomContext, actorId: string, productId: string, pinned: boolean, now = new Date()) {
  if (!room.isHost) throw pinError('forbidden')
  const prisma = await getPrisma()
  await prisma.$transaction(async (tx) => {
    const product = await tx.product.findFirst({ where: { id: productId, companyId: room.companyId, status: 'PUBLISHED' }, select: { id: true } })
    if (!product) throw pinError('not-found')
    if (pinned) {
      const alreadyPinned = await tx.liveSessionProduct.findMany({ where: { sessionId: room.sessionId, pinnedAt: { not: null } }, select: { productId: true } })
      if (alreadyPinned.some((row) => row.productId === productId)) return
      if (alreadyPinned.length >= MAX_PINNED_PRODUCTS) throw pinError('too-many-pins')
    }
    await tx.liveSessionProduct.upsert({
      where: { sessionId_productId: { sessionId: room.sessionId, productId } },
      update: { pinnedAt: pinned ? now : null },
      create: { sessionId: room.sessionId, productId, pinnedAt: pinned ? now : null },
    })
    await tx.liveSessionEvent.create({
      data: { sessionId: room.sessionId, kind: pinned ? 'PRODUCT_PINNED' : 'PRODUCT_UNPINNED', actorId, data: { productId }, createdAt: now },
    })
  })
}

/** The host's published products to choose from, and the company's blocked chat words. */
export async function loadHostRoomOptions(companyId: string, locale: string) {
  const prisma = await getPrisma()
  const [products, company] = await Promise.all([
    prisma.product.findMany({
      where: { companyId, status: 'PUBLISHED' },
      orderBy: { createdAt: 'desc' },
      take: 200,
      select: { id: true, translations: { select: { locale: true, name: true } } },
    }),
    prisma.exporterCompany.findUniqueOrThrow({ where: { id: companyId }, select: { blockedWords: true } }),
  ])
  return {
    products: products.map((p) => ({ id: p.id, name: pickTranslation(p.translations, locale)?.name ?? '' })),
    blockedWords: company.blockedWords,
  }
}
