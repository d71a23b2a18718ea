// Client-safe: the order state machine, shared by the server checks and the UI.
//
//   PENDING ──paid──▶ PAID ──ship──▶ SHIPPED ──deliver──▶ DELIVERED
//      │                │               │                    │
//      ├─expired/cancel─▶ CANCELLED      └──────refund───────┴──▶ REFUNDED
//      └──────────────refund (charge.refunded seen first)───────▶ REFUNDED
//
// A CANCELLED order can still become PAID: only when Stripe confirms a payment that was made before
// the cancellation reached us (the money was taken, so the order must say so). REFUNDED is final.

export const ORDER_STATUSES = ['PENDING', 'PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'REFUNDED'] as const
export type OrderStatusName = (typeof ORDER_STATUSES)[number]
export const ORDER_KINDS = ['SAMPLE', 'BOOTH_FEE'] as const
export type OrderKindName = (typeof ORDER_KINDS)[number]

const TRANSITIONS: Record<OrderStatusName, readonly OrderStatusName[]> = {
  PENDING: ['PAID', 'CANCELLED', 'REFUNDED'],
  CANCELLED: ['PAID'],
  PAID: ['SHIPPED', 'REFUNDED'],
  SHIPPED: ['DELIVERED', 'REFUNDED'],
  DELIVERED: ['REFUNDED'],
  REFUNDED: [],
}

/** Whether an order of this kind may move from one status to another. Booth fees are never shipped. */
export function canTransition(kind: OrderKindName, from: OrderStatusName, to: OrderStatusName): boolean {
  if (kind === 'BOOTH_FEE' && (to === 'SHIPPED' || to === 'DELIVERED')) return false
  return TRANSITIONS[from].includes(to)
}

/** The timestamp column stamped when an order enters a status. */
export const STATUS_TIMESTAMP = {
  PAID: 'paidAt',
  SHIPPED: 'shippedAt',
  DELIVERED: 'deliveredAt',
  CANCELLED: 'cancelledAt',
  REFUNDED: 'refundedAt',
} as const satisfies Partial<Record<OrderStatusName, string>>

/** What the seller side may do next by hand (the rest only happens through Stripe). */
export function sellerActions(kind: OrderKindName, status: OrderStatusName): Array<'ship' | 'deliver' | 'refund'> {
  const actions: Array<'ship' | 'deliver' | 'refund'> = []
  if (canTransition(kind, status, 'SHIPPED')) actions.push('ship')
  if (canTransition(kind, status, 'DELIVERED')) actions.push('deliver')
  if (status !== 'PENDING' && canTransition(kind, status, 'REFUNDED')) actions.push('refund')
  return actions
}

export function isFinal(status: OrderStatusName): boolean {
  return TRANSITIONS[status].length === 0
}
