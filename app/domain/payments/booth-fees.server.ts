import { DomainError } from '~/domain/errors'
import type { SessionUser } from '~/domain/accounts/session.server'
import { pickLocalized } from '~/domain/catalog/translations'
import { getPrisma } from '~/domain/db.server'
import { toMinorUnits } from '~/domain/inquiries/inquiries.server'
import { createI18n, isSupportedLocale } from '~/lib/i18n'
import { contentLanguageOf } from '~/lib/languages'
import { getLogger } from '~/utils/logger.server'
import { createCheckoutSession, expireCheckoutSession } from './checkout.server'
import { orderError } from './errors'
import type { BoothFeeInput } from './schemas'
import { isPaymentsEnabled } from './stripe.server'

// Booth fees: the organizer sets one fee per fair; an exhibitor whose booth is not approved yet pays it
// through Checkout, and the webhook approves the booth (Booth.approvedAt) when Stripe confirms payment.

async function requireOrganizerOf(user: SessionUser, fairId: string) {
  const prisma = await getPrisma()
  const fair = await prisma.tradeFair.findUnique({ where: { id: fairId }, select: { id: true, organizerId: true } })
  if (!fair || (user.role !== 'ADMIN' && !(user.role === 'ORGANIZER' && fair.organizerId === user.id))) throw new DomainError('not-found', { status: 404 })
  return fair
}

export async function getFairFees(user: SessionUser, fairId: string, locale: string) {
  await requireOrganizerOf(user, fairId)
  const prisma = await getPrisma()
  const fair = await prisma.tradeFair.findUniqueOrThrow({
    where: { id: fairId },
    select: {
      id: true,
      name: true,
      nameI18n: true,
      boothFeeMinor: true,
      boothFeeCurrency: true,
      booths: {
        orderBy: { code: 'asc' },
        select: {
          id: true,
          code: true,
          approvedAt: true,
          company: { select: { name: true, nameI18n: true } },
          orders: {
            where: { kind: 'BOOTH_FEE', status: { not: 'CANCELLED' } },
            orderBy: { createdAt: 'desc' },
            take: 1,
            select: { id: true, status: true, totalAmountMinor: true, currency: true },
          },
        },
      },
    },
  })
  return {
    id: fair.id,
    name: pickLocalized(fair.name, fair.nameI18n, locale),
    fee: fair.boothFeeMinor && fair.boothFeeCurrency ? { amountMinor: fair.boothFeeMinor, currency: fair.boothFeeCurrency } : null,
    booths: fair.booths.map((booth) => ({
      id: booth.id,
      code: booth.code,
      company: pickLocalized(booth.company.name, booth.company.nameI18n, locale),
      approvedAt: booth.approvedAt?.toISOString() ?? null,
      order: booth.orders[0] ?? null,
    })),
  }
}

/** The organizer sets (or clears, with an empty or zero amount) the booth fee of a fair. */
export async function setFairBoothFee(user: SessionUser, fairId: string, input: BoothFeeInput): Promise<void> {
  await requireOrganizerOf(user, fairId)
  const prisma = await getPrisma()
  const minor = input.fee === undefined ? 0 : toMinorUnits(input.fee, input.currency)
  await prisma.tradeFair.update({
    where: { id: fairId },
    data: minor > 0 ? { boothFeeMinor: minor, boothFeeCurrency: input.currency } : { boothFeeMinor: null, boothFeeCurrency: null },
  })
}

/** The exporter's booths (all fairs), with the fee and where its payment stands. */
export async function listCompanyBooths(companyId: string, locale: string) {
  const prisma = await getPrisma()
  const booths = await prisma.booth.findMany({
    where: { companyId },
    orderBy: { fair: { startsAt: 'desc' } },
    select: {
      id: true,
      code: true,
      headline: true,
      approvedAt: true,
      fair: { select: { id: true, name: true, nameI18n: true, startsAt: true, endsAt: true, timeZone: true, boothFeeMinor: true, boothFeeCurrency: true } },
      orders: { where: { kind: 'BOOTH_FEE', status: { not: 'CANCELLED' } }, orderBy: { createdAt: 'desc' }, take: 1, select: { id: true, status: true } },
    },
  })
  return booths.map((booth) => {
    const fee =
      booth.fair.boothFeeMinor && booth.fair.boothFeeCurrency ? { amountMinor: booth.fair.boothFeeMinor, currency: booth.fair.boothFeeCurrency } : null
    const order = booth.orders[0] ?? null
    return {
      id: booth.id,
      code: booth.code,
      headline: booth.headline,
      approvedAt: booth.approvedAt?.toISOString() ?? null,
      fair: {
        id: booth.fair.id,
        name: pickLocalized(booth.fair.name, booth.fair.nameI18n, locale),
        startsAt: booth.fair.startsAt.toISOString(),
        timeZone: booth.fair.timeZone,
      },
      fee,
      order,
      canPay: !!fee && !booth.approvedAt && order?.status !== 'PAID' && order?.status !== 'REFUNDED',
    }
  })
}

/**
 * A PENDING booth-fee order without a session id is a checkout being opened; past this (the Stripe call's
 * timeout and retry, with room) its process stopped before storing the id, and nobody ever got its page.
 */
const OPENING_ABANDONED_AFTER_MS = 2 * 60_000

/**
 * An exporter member starts paying the booth fee. The amount is the fair's fee from the database. An
 * older unpaid attempt for the same booth is expired at Stripe first, so the fee cannot be paid twice.
 * Checkouts of one booth are serialized on the booth row; while one is being opened (its order has no
 * session id yet) another answers 409 'checkout-opening'.
 */
export async function startBoothFeeCheckout(user: SessionUser, boothId: string, { origin }: { origin: string }, now = new Date()): Promise<string> {
  const companyId = user.exporterMember?.company.id
  const locale = isSupportedLocale(user.locale) ? user.locale : 'en'
  const prisma = await getPrisma()
  const booth = await prisma.booth.findUnique({
    where: { id: boothId },
    select: {
      id: true,
      code: true,
      companyId: true,
      fairId: true,
      approvedAt: true,
      fair: { select: { name: true, nameI18n: true, boothFeeMinor: true, boothFeeCurrency: true } },
    },
  })
  if (!booth || !companyId || booth.companyId !== companyId) throw new DomainError('not-found', { status: 404 })
  const { boothFeeMinor, boothFeeCurrency } = booth.fair
  if (!boothFeeMinor || !boothFeeCurrency) throw orderError('no-fee')
  if (booth.approvedAt) throw orderError('already-paid', 409)
  if (!isPaymentsEnabled()) throw orderError('payments-disabled')

  const cancelIfPending = (orderId: string) =>
    prisma.order.updateMany({ where: { id: orderId, status: 'PENDING' }, data: { status: 'CANCELLED', cancelledAt: now } })

  // The booth row is locked while the earlier attempts are read and the new order is made, so two tabs
  // cannot both find nothing and both open a checkout. Stripe is called after the commit, not under the lock.
  const { orderId, superseded } = await prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Booth" WHERE "id" = ${boothId} FOR UPDATE`
    const earlier = await tx.order.findMany({
      where: { boothId, kind: 'BOOTH_FEE', status: { in: ['PENDING', 'PAID'] } },
      select: { id: true, status: true, stripeCheckoutSessionId: true, createdAt: true },
    })
    if (earlier.some((order) => order.status === 'PAID')) throw orderError('already-paid', 409)
    const withSession: Array<{ id: string; sessionId: string }> = []
    for (const order of earlier) {
      if (order.stripeCheckoutSessionId) withSession.push({ id: order.id, sessionId: order.stripeCheckoutSessionId })
      else if (now.getTime() - order.createdAt.getTime() < OPENING_ABANDONED_AFTER_MS) throw orderError('checkout-opening', 409)
      // Abandoned (see OPENING_ABANDONED_AFTER_MS): nobody can pay it, so it no longer blocks the booth.
      else await tx.order.updateMany({ where: { id: order.id, status: 'PENDING' }, data: { status: 'CANCELLED', cancelledAt: now } })
    }
    const created = await tx.order.create({
      data: {
        kind: 'BOOTH_FEE',
        status: 'PENDING',
        userId: user.id,
        companyId,
        boothId: booth.id,
        fairId: booth.fairId,
        quantity: 1,
        unitAmountMinor: boothFeeMinor,
        totalAmountMinor: boothFeeMinor,
        currency: boothFeeCurrency.toUpperCase(),
        createdAt: now,
      },
      select: { id: true },
    })
    return { orderId: created.id, superseded: withSession }
  })

  // An earlier attempt stays PENDING until Stripe has expired it; Stripe refuses that for a paid one.
  for (const order of superseded) {
    try {
      await expireCheckoutSession(order.sessionId)
    } catch (error) {
      getLogger().warn({ err: error, orderId: order.id }, 'earlier booth-fee checkout could not be expired (paid?)')
      await cancelIfPending(orderId)
      throw orderError('already-paid', 409)
    }
    await cancelIfPending(order.id)
  }

  let session: { id: string; url: string }
  let stored: boolean
  try {
    session = await createCheckoutSession(
      {
        orderId,
        kind: 'BOOTH_FEE',
        // Stripe's page shows this to the payer: in their language, the fair by its name in it.
        name: createI18n(locale).t('payments.checkout.boothLine', {
          fair: pickLocalized(booth.fair.name, booth.fair.nameI18n, contentLanguageOf(locale)),
          code: booth.code,
        }),
        locale,
        quantity: 1,
        unitAmountMinor: boothFeeMinor,
        currency: boothFeeCurrency,
        customerEmail: user.email,
        successUrl: `${origin}/orders/${orderId}?checkout=success`,
        cancelUrl: `${origin}/orders/${orderId}?checkout=cancelled`,
      },
      now,
    )
    // Only on an order still PENDING: one cancelled meanwhile must not get a payable session.
    const { count } = await prisma.order.updateMany({ where: { id: orderId, status: 'PENDING' }, data: { stripeCheckoutSessionId: session.id } })
    stored = count === 1
  } catch (error) {
    getLogger().error({ err: error, orderId }, 'could not create a booth-fee Checkout Session; order cancelled')
    await cancelIfPending(orderId)
    throw orderError('checkout-failed', 502)
  }
  if (!stored) {
    try {
      await expireCheckoutSession(session.id)
    } catch (error) {
      getLogger().error({ err: error, orderId }, 'checkout session of a cancelled booth-fee order could not be expired')
    }
    throw orderError('conflict', 409)
  }
  return session.url
}
