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
 * An exporter member starts paying the booth fee. The amount is the fair's fee from the database. An
 * older unpaid attempt for the same booth is expired at Stripe first, so the fee cannot be paid twice.
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

  const earlier = await prisma.order.findMany({
    where: { boothId, kind: 'BOOTH_FEE', status: { in: ['PENDING', 'PAID'] } },
    select: { id: true, status: true, stripeCheckoutSessionId: true },
  })
  if (earlier.some((order) => order.status === 'PAID')) throw orderError('already-paid', 409)
  for (const order of earlier) {
    if (order.stripeCheckoutSessionId) {
      try {
        await expireCheckoutSession(order.stripeCheckoutSessionId)
      } catch (error) {
        getLogger().warn({ err: error, orderId: order.id }, 'earlier booth-fee checkout could not be expired (paid?)')
        throw orderError('already-paid', 409)
      }
    }
    await prisma.order.updateMany({ where: { id: order.id, status: 'PENDING' }, data: { status: 'CANCELLED', cancelledAt: now } })
  }

  const order = await prisma.order.create({
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
  try {
    const session = await createCheckoutSession(
      {
        orderId: order.id,
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
        successUrl: `${origin}/orders/${order.id}?checkout=success`,
        cancelUrl: `${origin}/orders/${order.id}?checkout=cancelled`,
      },
      now,
    )
    await prisma.order.update({ where: { id: order.id }, data: { stripeCheckoutSessionId: session.id } })
    return session.url
  } catch (error) {
    getLogger().error({ err: error, orderId: order.id }, 'could not create a booth-fee Checkout Session; order cancelled')
    await prisma.order.updateMany({ where: { id: order.id, status: 'PENDING' }, data: { status: 'CANCELLED', cancelledAt: now } })
    throw orderError('checkout-failed', 502)
  }
}
