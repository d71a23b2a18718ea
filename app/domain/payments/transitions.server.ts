import type { Prisma } from '~/generated/prisma/client'
import { pickTranslation } from '~/domain/catalog/translations'
import { notify } from '~/domain/notifications/notify.server'
import { canTransition, STATUS_TIMESTAMP, type OrderStatusName } from './order-status'
import { contentLanguageOf } from '~/lib/languages'

type Tx = Prisma.TransactionClient

export const ORDER_HEAD_SELECT = {
  id: true,
  kind: true,
  status: true,
  userId: true,
  companyId: true,
  boothId: true,
  fairId: true,
  quantity: true,
  totalAmountMinor: true,
  currency: true,
  stripeCheckoutSessionId: true,
  stripePaymentIntentId: true,
} as const satisfies Prisma.OrderSelect

export type OrderHead = Prisma.OrderGetPayload<{ select: typeof ORDER_HEAD_SELECT }>

/** A short human reference for notifications and Stripe, e.g. "TC-3F9A1C". */
export function orderReference(orderId: string): string {
  return `TC-${orderId.slice(-6).toUpperCase()}`
}

/**
 * Moves an order to `to` inside the caller's transaction, guarded on the status it was read with, so
 * two concurrent moves cannot both win. Returns false (and changes nothing) when the state machine
 * refuses the move or another request moved the order first.
 */
export async function moveOrder(
  tx: Tx,
  order: Pick<OrderHead, 'id' | 'kind' | 'status'>,
  to: OrderStatusName,
  now: Date,
  extra: Prisma.OrderUpdateManyMutationInput = {},
): Promise<boolean> {
  if (!canTransition(order.kind, order.status, to)) return false
  // Only some statuses have a timestamp column.
  const stamp = (STATUS_TIMESTAMP as Partial<Record<string, string>>)[to]
  const updated = await tx.order.updateMany({
    where: { id: order.id, status: order.status },
    data: { ...extra, status: to, ...(stamp ? { [stamp]: now } : {}) },
  })
  return updated.count === 1
}

async function companyMemberIds(tx: Tx, companyId: string): Promise<string[]> {
  const members = await tx.exporterMember.findMany({ where: { companyId }, select: { userId: true } })
  return members.map((m) => m.userId)
}

/** Tells the people on both sides of an order that it moved; returns queued email ids (flush after commit). */
export async function notifyOrderMoved(
  tx: Tx,
  order: Pick<OrderHead, 'id' | 'kind' | 'userId' | 'companyId' | 'fairId'>,
  status: OrderStatusName,
): Promise<string[]> {
  // Templates translate the status with $t(status.{{status}}): pass the enum value.
  const data = { order: orderReference(order.id), status }
  const link = `/orders/${order.id}`
  let recipients: string[]
  if (order.kind === 'SAMPLE') {
    // The buyer hears about everything; the exporter needs to act when it is paid.
    recipients = [order.userId, ...(status === 'PAID' ? await companyMemberIds(tx, order.companyId) : [])]
  } else {
    const fair = order.fairId ? await tx.tradeFair.findUnique({ where: { id: order.fairId }, select: { organizerId: true } }) : null
    recipients = [...(await companyMemberIds(tx, order.companyId)), ...(fair && status === 'PAID' ? [fair.organizerId] : [])]
  }
  return notify(tx, { userIds: recipients, kind: 'order.updated', data, link })
}

/** A product's name in the reader's content language (else English, else any), for Stripe line items. */
export function productNameOf(translations: Array<{ locale: string; name: string }>, locale: string): string {
  return pickTranslation(translations, contentLanguageOf(locale))?.name ?? ''
}
