import type { Prisma } from '~/generated/prisma/client'
import { pickLocalized, pickTranslation } from '~/domain/catalog/translations'
import { getPrisma } from '~/domain/db.server'
import { refundPendingIds } from './orders.server'
import { orderReference } from './transitions.server'

const LIST_SELECT = {
  id: true,
  kind: true,
  status: true,
  quantity: true,
  unitAmountMinor: true,
  totalAmountMinor: true,
  currency: true,
  shippingCountry: true,
  trackingNumber: true,
  createdAt: true,
  paidAt: true,
  shippedAt: true,
  deliveredAt: true,
  cancelledAt: true,
  refundedAt: true,
  liveSessionId: true,
  product: { select: { id: true, unit: true, translations: { select: { locale: true, name: true } } } },
  company: { select: { name: true, nameI18n: true, slug: true } },
  buyer: { select: { companyName: true, country: true } },
  booth: { select: { code: true } },
  fair: { select: { id: true, name: true, nameI18n: true } },
} as const satisfies Prisma.OrderSelect

type Row = Prisma.OrderGetPayload<{ select: typeof LIST_SELECT }>

const iso = (value: Date | null) => value?.toISOString() ?? null

function present(row: Row, locale: string, refundPending: boolean) {
  return {
    id: row.id,
    reference: orderReference(row.id),
    kind: row.kind,
    status: row.status,
    quantity: row.quantity,
    unitAmountMinor: row.unitAmountMinor,
    totalAmountMinor: row.totalAmountMinor,
    currency: row.currency,
    shippingCountry: row.shippingCountry,
    trackingNumber: row.trackingNumber,
    fromLiveSession: row.liveSessionId !== null,
    productId: row.product?.id ?? null,
    productName: row.product ? (pickTranslation(row.product.translations, locale)?.name ?? '') : null,
    unit: row.product?.unit ?? null,
    companyName: pickLocalized(row.company.name, row.company.nameI18n, locale),
    companySlug: row.company.slug,
    buyer: row.buyer,
    boothCode: row.booth?.code ?? null,
    fairName: row.fair ? pickLocalized(row.fair.name, row.fair.nameI18n, locale) : null,
    refundPending,
    createdAt: row.createdAt.toISOString(),
    paidAt: iso(row.paidAt),
    shippedAt: iso(row.shippedAt),
    deliveredAt: iso(row.deliveredAt),
    cancelledAt: iso(row.cancelledAt),
    refundedAt: iso(row.refundedAt),
  }
}

async function presentAll(rows: Row[], locale: string) {
  const pending = await refundPendingIds(rows.map((row) => row.id))
  return rows.map((row) => present(row, locale, pending.has(row.id)))
}

/** A buyer's sample orders, newest first. */
export async function listBuyerOrders(userId: string, locale: string) {
  const prisma = await getPrisma()
  const rows = await prisma.order.findMany({ where: { userId, kind: 'SAMPLE' }, orderBy: { createdAt: 'desc' }, take: 100, select: LIST_SELECT })
  return presentAll(rows, locale)
}

/**
 * Sample orders an exporter has to fulfil or has fulfilled. Unpaid and abandoned checkouts are left out:
 * there is nothing to do for them.
 */
export async function listSellerOrders(companyId: string, locale: string) {
  const prisma = await getPrisma()
  const rows = await prisma.order.findMany({
    where: { companyId, kind: 'SAMPLE', status: { notIn: ['PENDING', 'CANCELLED'] } },
    orderBy: [{ paidAt: 'desc' }],
    take: 200,
    select: LIST_SELECT,
  })
  return presentAll(rows, locale)
}

export async function getOrderView(orderId: string, locale: string) {
  const prisma = await getPrisma()
  const row = await prisma.order.findUniqueOrThrow({ where: { id: orderId }, select: LIST_SELECT })
  const [view] = await presentAll([row], locale)
  if (!view) throw new Error(`order ${orderId} could not be presented`) // not reached: one row in, one view out
  return view
}
