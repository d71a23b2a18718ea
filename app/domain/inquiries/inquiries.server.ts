import { DomainError } from '~/domain/errors'
import { Prisma } from '~/generated/prisma/client'
import type { SessionUser } from '~/domain/accounts/session.server'
import { countryIn, dayIn, moneyIn, productNameIn, quantityIn } from '~/domain/notifications/localized-values'
import { getPrisma } from '~/domain/db.server'
import { flushNotificationEmails, notify } from '~/domain/notifications/notify.server'
import { currencyFractionDigits } from '~/lib/money'
import { usdPerUnitAt } from '~/domain/fairs/rates.server'
import {
  canMoveInquiry,
  checkStageMove,
  stageInstant,
  stageValueColumn,
  STATUS_TIMESTAMP,
  quoteUsdCents,
  toUsdCents,
  type DealStage,
  type StageMoveError,
} from './pipeline'
import type { QuoteInput, RfqInput, StatusInput } from './schemas'
import type { CompanyAudit } from '~/domain/agencies/actor.server'
import { companyRecipients } from '~/domain/agencies/recipients.server'

/** Major units from a form (e.g. 12.5 USD) → integer minor units (1250), per the currency's digits. */
export function toMinorUnits(amount: number, currency: string): number {
  return Math.round(amount * 10 ** currencyFractionDigits(currency))
}

function usdToCents(amount: number | undefined): bigint | undefined {
  return amount === undefined ? undefined : BigInt(Math.round(amount * 100))
}

/** A buyer's RFQ for a published product, optionally made during a live session of that exporter. */
export async function createInquiry(user: SessionUser, input: RfqInput, now = new Date()): Promise<string> {
  const buyer = user.buyerProfile
  if (user.role !== 'BUYER' || !buyer) throw new DomainError('forbidden', { status: 403 })
  const prisma = await getPrisma()
  const product = await prisma.product.findFirst({
    where: { id: input.productId, status: 'PUBLISHED' },
    select: { id: true, companyId: true, unit: true, translations: { select: { locale: true, name: true } } },
  })
  if (!product) throw new DomainError('not-found', { status: 404 })
  let liveSession: { id: string; fairId: string | null; approvedAt: Date | null } | null = null
  if (input.liveSessionId) {
    liveSession = await prisma.liveSession.findFirst({
      where: { id: input.liveSessionId, companyId: product.companyId },
      select: { id: true, fairId: true, approvedAt: true },
    })
    if (!liveSession) throw new DomainError('invalid-session', { status: 400 })
  }
  const emails: string[] = []
  const inquiry = await prisma.$transaction(async (tx) => {
    const created = await tx.inquiry.create({
      data: {
        buyerId: buyer.id,
        companyId: product.companyId,
        productId: product.id,
        liveSessionId: liveSession?.id ?? null,
        // Only a showcase on the fair's approved programme brings RFQs into the fair's KPIs: a proposal the
        // organizer has not approved (or refused) must not add to them.
        fairId: liveSession?.approvedAt ? liveSession.fairId : null,
        quantity: input.quantity,
        unit: product.unit,
        targetPriceMinor: input.targetPrice === undefined ? null : toMinorUnits(input.targetPrice, input.targetCurrency),
        targetCurrency: input.targetPrice === undefined ? null : input.targetCurrency,
        incoterm: input.incoterm ?? null,
        destinationCountry: input.destinationCountry,
        certificationsNeeded: input.certificationsNeeded,
        message: input.message,
        buyerLastReadAt: now,
        statusEvents: { create: { status: 'CONSULTATION', actorId: user.id, createdAt: now } },
        messages: { create: { authorId: user.id, body: input.message, createdAt: now } },
      },
      select: { id: true },
    })
    emails.push(
      ...(await notify(tx, {
        // The company's members and the agencies it let handle RFQs; the thread opens for both (requireInquiryAccess).
        userIds: await companyRecipients(tx, product.companyId, 'RFQS_QUOTES'),
        kind: 'inquiry.created',
        data: { buyer: buyer.companyName },
        localized: { country: countryIn(buyer.country), product: productNameIn(product.translations), quantity: quantityIn(input.quantity, product.unit) },
        link: `/inquiries/${created.id}`,
      })),
    )
    return created
  })
  await flushNotificationEmails(emails)
  return inquiry.id
}

async function inquiryHeadline(tx: Prisma.TransactionClient, inquiryId: string) {
  const inquiry = await tx.inquiry.findUniqueOrThrow({
    where: { id: inquiryId },
    select: {
      status: true,
      companyId: true,
      company: { select: { name: true } },
      buyer: { select: { userId: true, companyName: true } },
      product: { select: { translations: { select: { locale: true, name: true } } } },
    },
  })
  // Each recipient reads the product's name in their own language (NotificationInput.localized).
  return { ...inquiry, productName: productNameIn(inquiry.product?.translations ?? []) }
}

/** The exporter's quote; a deal at CONSULTATION moves to the QUOTE stage, and the quote's total becomes its quote value. */
export async function addQuote(user: SessionUser, inquiryId: string, input: QuoteInput, now = new Date(), audit?: CompanyAudit) {
  const prisma = await getPrisma()
  const validUntil = new Date(`${input.validUntil}T23:59:59Z`)
  if (validUntil < now) throw new DomainError('invalid', { status: 400, field: 'validUntil' })
  const emails = await prisma.$transaction(async (tx) => {
    // Locked before its status is read: a concurrent stage move (say to LOST) or second quote waits, so the status
    // checked below is still the inquiry's when this quote writes QUOTE (and only the first quote records that event).
    await tx.$queryRaw`SELECT "id" FROM "Inquiry" WHERE "id" = ${inquiryId} FOR UPDATE`
    const inquiry = await inquiryHeadline(tx, inquiryId)
    if (inquiry.status !== 'CONSULTATION' && inquiry.status !== 'QUOTE' && inquiry.status !== 'SAMPLE' && inquiry.status !== 'LOI') {
      throw new DomainError('closed', { status: 409 })
    }
    const unitPriceMinor = toMinorUnits(input.unitPrice, input.currency)
    const quote = await tx.quote.create({
      data: {
        inquiryId,
        unitPriceMinor,
        currency: input.currency,
        quantity: input.quantity,
        incoterm: input.incoterm ?? null,
        validUntil,
        terms: input.terms,
        createdById: user.id,
        createdAt: now,
      },
      select: { id: true },
    })
    // An agency member's quote is recorded as "agency X for company Y" in this transaction (ADR 026).
    await audit?.(tx, quote)
    // The latest quote's total is the deal's quote value (USD at today's rate, computed from the stored minor units
    // exactly as the outcome-stages migration backfilled older quotes; none without a rate for its currency, which
    // the KPIs then count as unconverted). A consultation reaches the QUOTE stage with it.
    const rate = await usdPerUnitAt(tx, input.currency, now)
    const quoteValueUsdCents = rate === null ? null : quoteUsdCents(unitPriceMinor, input.quantity, input.currency, rate)
    if (inquiry.status === 'CONSULTATION') {
      await tx.inquiry.update({ where: { id: inquiryId }, data: { status: 'QUOTE', quotedAt: now, quoteValueUsdCents, exporterLastReadAt: now } })
      await tx.inquiryStatusEvent.create({ data: { inquiryId, status: 'QUOTE', actorId: user.id, createdAt: now } })
    } else if (quoteValueUsdCents !== null) {
      await tx.inquiry.update({ where: { id: inquiryId }, data: { quoteValueUsdCents } })
    }
    return notify(tx, {
      userIds: [inquiry.buyer.userId],
      kind: 'inquiry.quote',
      data: { company: inquiry.company.name },
      localized: {
        product: inquiry.productName,
        price: moneyIn(unitPriceMinor, input.currency),
        validUntil: dayIn(input.validUntil),
      },
      link: `/inquiries/${inquiryId}`,
    })
  })
  await flushNotificationEmails(emails)
}

const STAGE_SELECT = {
  createdAt: true,
  quotedAt: true,
  sampleSentAt: true,
  loiAt: true,
  contractSignedAt: true,
  shippedAt: true,
  lostAt: true,
  quoteValueUsdCents: true,
  loiValueUsdCents: true,
  contractValueUsdCents: true,
  shippedValueUsdCents: true,
} as const

/** An error of the stage rule, with the message under outcomes.errors and the form field it belongs to. */
function stageError(error: StageMoveError): DomainError {
  const key = error.code.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())
  return new DomainError(error.code, { status: error.code === 'invalid-transition' ? 409 : 400, field: error.field, messageKey: `outcomes.errors.${key}` })
}

/**
 * Moves the deal to another outcome stage (exporter side) under the rule of pipeline.ts: the stage's date (the
 * form's day, default now) and its value, entered in a currency and converted to USD with the dated exchange
 * rate of that day (rates.server.ts, as the KPIs convert quotes); the consultation value stays in USD.
 */
export async function changeInquiryStatus(user: SessionUser, inquiryId: string, input: StatusInput, now = new Date(), audit?: CompanyAudit) {
  const prisma = await getPrisma()
  const emails = await prisma.$transaction(async (tx) => {
    const inquiry = await inquiryHeadline(tx, inquiryId)
    const stages = await tx.inquiry.findUniqueOrThrow({ where: { id: inquiryId }, select: STAGE_SELECT })
    if (!canMoveInquiry(inquiry.status, input.status)) throw stageError({ code: 'invalid-transition', field: 'status' })
    const currentColumn = (STATUS_TIMESTAMP as Partial<Record<DealStage, keyof typeof STAGE_SELECT>>)[inquiry.status]
    const currentSince = (currentColumn ? (stages[currentColumn] as Date | null) : null) ?? stages.createdAt
    const at = stageInstant(input.date, { now, currentSince })
    let valueUsdCents: bigint | null = null
    if (input.value !== undefined && Number.isFinite(at.getTime())) {
      const rate = await usdPerUnitAt(tx, input.currency, at)
      if (rate === null) throw new DomainError('no-rate', { status: 400, field: 'currency', messageKey: 'outcomes.errors.noRate' })
      valueUsdCents = toUsdCents(input.value, rate)
      if (valueUsdCents === null) throw stageError({ code: 'value-invalid', field: 'value' })
    }
    const problem = checkStageMove({ from: inquiry.status, to: input.status, at, currentSince, now, valueUsdCents, existing: stages })
    if (problem) throw stageError(problem)
    const stamp = STATUS_TIMESTAMP[input.status as keyof typeof STATUS_TIMESTAMP]
    const valueColumn = stageValueColumn(input.status)
    // Guarded update: a concurrent move from the same state wins once; the loser gets a conflict.
    const updated = await tx.inquiry.updateMany({
      where: { id: inquiryId, status: inquiry.status },
      data: {
        status: input.status,
        [stamp]: at,
        ...(valueColumn && valueUsdCents !== null ? { [valueColumn]: valueUsdCents } : {}),
        ...(input.consultationValueUsd !== undefined ? { consultationValueUsdCents: usdToCents(input.consultationValueUsd) } : {}),
        ...(input.status === 'LOST' && input.lostReason ? { lostReason: input.lostReason } : {}),
        exporterLastReadAt: now,
      },
    })
    if (updated.count !== 1) throw new DomainError('conflict', { status: 409, messageKey: 'inquiries.errors.closed' })
    await tx.inquiryStatusEvent.create({ data: { inquiryId, status: input.status, actorId: user.id, createdAt: now } })
    await audit?.(tx, { id: inquiryId })
    return notify(tx, {
      userIds: [inquiry.buyer.userId],
      kind: 'inquiry.status',
      data: { status: input.status },
      localized: { product: inquiry.productName },
      link: `/inquiries/${inquiryId}`,
    })
  })
  await flushNotificationEmails(emails)
}

export async function postInquiryMessage(
  user: SessionUser,
  inquiryId: string,
  side: 'buyer' | 'exporter',
  body: string,
  now = new Date(),
  audit?: CompanyAudit,
) {
  const prisma = await getPrisma()
  const emails = await prisma.$transaction(async (tx) => {
    const inquiry = await inquiryHeadline(tx, inquiryId)
    const message = await tx.inquiryMessage.create({ data: { inquiryId, authorId: user.id, body, createdAt: now }, select: { id: true } })
    await audit?.(tx, message)
    await tx.inquiry.update({
      where: { id: inquiryId },
      data: side === 'buyer' ? { buyerLastReadAt: now } : { exporterLastReadAt: now },
    })
    const recipients = side === 'buyer' ? await companyRecipients(tx, inquiry.companyId, 'RFQS_QUOTES') : [inquiry.buyer.userId]
    return notify(tx, {
      userIds: recipients.filter((id) => id !== user.id),
      kind: 'inquiry.message',
      data: { author: side === 'buyer' ? inquiry.buyer.companyName : inquiry.company.name },
      localized: { product: inquiry.productName },
      link: `/inquiries/${inquiryId}`,
    })
  })
  await flushNotificationEmails(emails)
}

/**
 * Whether the other side wrote (a message or a status change) since this side last read the thread;
 * the same definition as the inbox's unread count (queries.server.ts).
 */
export async function hasUnreadActivity(inquiryId: string, side: 'buyer' | 'exporter'): Promise<boolean> {
  const prisma = await getPrisma()
  const inquiry = await prisma.inquiry.findUnique({
    where: { id: inquiryId },
    select: { buyerLastReadAt: true, exporterLastReadAt: true, buyer: { select: { userId: true } } },
  })
  if (!inquiry) return false
  const since = (side === 'buyer' ? inquiry.buyerLastReadAt : inquiry.exporterLastReadAt) ?? new Date(0)
  const author = side === 'exporter' ? inquiry.buyer.userId : { not: inquiry.buyer.userId }
  const [messages, events] = await Promise.all([
    prisma.inquiryMessage.count({ where: { inquiryId, authorId: author, createdAt: { gt: since } } }),
    prisma.inquiryStatusEvent.count({ where: { inquiryId, actorId: author, createdAt: { gt: since } } }),
  ])
  return messages + events > 0
}

export async function markInquiryRead(inquiryId: string, side: 'buyer' | 'exporter', now = new Date()) {
  const prisma = await getPrisma()
  await prisma.inquiry.update({
    where: { id: inquiryId },
    data: side === 'buyer' ? { buyerLastReadAt: now } : { exporterLastReadAt: now },
  })
}
