import { describe, expect, it } from 'vitest'
import { canTransition, isFinal, ORDER_STATUSES, sellerActions } from './order-status'

describe('order state machine', () => {
  it('walks PENDING → PAID → SHIPPED → DELIVERED for samples', () => {
    expect(canTransition('SAMPLE', 'PENDING', 'PAID')).toBe(true)
    expect(canTransition('SAMPLE', 'PAID', 'SHIPPED')).toBe(true)
    expect(canTransition('SAMPLE', 'SHIPPED', 'DELIVERED')).toBe(true)
  })

  it('never moves backwards or skips shipping', () => {
    expect(canTransition('SAMPLE', 'PAID', 'PENDING')).toBe(false)
    expect(canTransition('SAMPLE', 'SHIPPED', 'PAID')).toBe(false)
    expect(canTransition('SAMPLE', 'DELIVERED', 'SHIPPED')).toBe(false)
    expect(canTransition('SAMPLE', 'PAID', 'DELIVERED')).toBe(false)
    expect(canTransition('SAMPLE', 'PENDING', 'SHIPPED')).toBe(false)
  })

  it('cancels only unpaid orders; a paid order is refunded instead', () => {
    expect(canTransition('SAMPLE', 'PENDING', 'CANCELLED')).toBe(true)
    for (const from of ['PAID', 'SHIPPED', 'DELIVERED', 'REFUNDED'] as const) expect(canTransition('SAMPLE', from, 'CANCELLED')).toBe(false)
    for (const from of ['PENDING', 'PAID', 'SHIPPED', 'DELIVERED'] as const) expect(canTransition('SAMPLE', from, 'REFUNDED')).toBe(true)
  })

  it('keeps REFUNDED final, so a late "completed" event cannot resurrect the order', () => {
    expect(isFinal('REFUNDED')).toBe(true)
    for (const to of ORDER_STATUSES) expect(canTransition('SAMPLE', 'REFUNDED', to)).toBe(false)
  })

  it('lets a payment confirmed after a cancellation mark the order paid (money was taken)', () => {
    expect(canTransition('SAMPLE', 'CANCELLED', 'PAID')).toBe(true)
    expect(canTransition('SAMPLE', 'CANCELLED', 'PENDING')).toBe(false)
  })

  it('never ships booth fees', () => {
    expect(canTransition('BOOTH_FEE', 'PENDING', 'PAID')).toBe(true)
    expect(canTransition('BOOTH_FEE', 'PAID', 'SHIPPED')).toBe(false)
    expect(canTransition('BOOTH_FEE', 'PAID', 'REFUNDED')).toBe(true)
  })

  it('offers the seller only the moves the machine allows', () => {
    expect(sellerActions('SAMPLE', 'PENDING')).toEqual([])
    expect(sellerActions('SAMPLE', 'PAID')).toEqual(['ship', 'refund'])
    expect(sellerActions('SAMPLE', 'SHIPPED')).toEqual(['deliver', 'refund'])
    expect(sellerActions('SAMPLE', 'DELIVERED')).toEqual(['refund'])
    expect(sellerActions('BOOTH_FEE', 'PAID')).toEqual(['refund'])
    expect(sellerActions('SAMPLE', 'REFUNDED')).toEqual([])
  })
})
