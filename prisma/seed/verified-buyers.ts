// Verified buyers in the demo (docs/verified-buyers.md), decided from the rows the plan inserted so it stays
// deterministic: the demo buyer (Hudson Pacific Imports) and every third other approved buyer of the fair are
// verified by the fair's organizer, one buyer carries a verification revoked since (history), and the
// first product with free samples keeps them for verified buyers.
import type { Prisma } from '../../app/generated/prisma/client.ts'
import { DEMO_ACCOUNTS } from './buyers.ts'
import { FAIR_SLUG } from './fair.ts'

const DAY = 86_400_000
const METHODS = ['DOCUMENTS', 'TRADE_REFERENCE', 'DOCUMENTS', 'OTHER'] as const
const NOTES: Record<(typeof METHODS)[number], string> = {
  DOCUMENTS: 'Business registration and import licence seen at the registration desk',
  TRADE_REFERENCE: 'Confirmed by KOTRA trade office contact',
  OTHER: 'Video call with the managing director; company website and address checked',
}

export async function seedBuyerVerifications(
  tx: Prisma.TransactionClient,
  { now }: { now: Date },
): Promise<{ verified: number; revoked: number; products: number }> {
  const fair = await tx.tradeFair.findUniqueOrThrow({ where: { slug: FAIR_SLUG }, select: { id: true, organizer: { select: { id: true, name: true } } } })
  const registrations = await tx.fairRegistration.findMany({
    where: { fairId: fair.id, kind: 'BUYER', status: 'APPROVED' },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { user: { select: { email: true, buyerProfile: { select: { id: true } } } } },
  })
  const buyers = registrations.flatMap((r) => (r.user.buyerProfile ? [{ email: r.user.email, buyerId: r.user.buyerProfile.id }] : []))
  const chosen = buyers.filter((buyer, index) => buyer.email === DEMO_ACCOUNTS.buyer || index % 3 === 0)
  let verified = 0
  for (const [index, buyer] of chosen.entries()) {
    const method = buyer.email === DEMO_ACCOUNTS.buyer ? 'DOCUMENTS' : (METHODS[index % METHODS.length] ?? 'DOCUMENTS')
    const entry = await tx.buyerVerification.create({
      data: {
        buyerId: buyer.buyerId,
        action: 'VERIFIED',
        method,
        note: NOTES[method],
        verifierId: fair.organizer.id,
        verifierName: fair.organizer.name,
        fairId: fair.id,
        createdAt: new Date(now.getTime() - (3 + (index % 5)) * DAY),
      },
      select: { id: true },
    })
    await tx.buyerProfile.update({ where: { id: buyer.buyerId }, data: { currentVerificationId: entry.id } })
    verified++
  }
  // One buyer verified and revoked since: the history shows both, the badge nothing.
  const revokedBuyer = buyers.find((buyer) => !chosen.includes(buyer))
  let revoked = 0
  if (revokedBuyer) {
    const common = { buyerId: revokedBuyer.buyerId, verifierId: fair.organizer.id, verifierName: fair.organizer.name, fairId: fair.id }
    await tx.buyerVerification.create({
      data: { ...common, action: 'VERIFIED', method: 'TRADE_REFERENCE', note: NOTES.TRADE_REFERENCE, createdAt: new Date(now.getTime() - 20 * DAY) },
    })
    await tx.buyerVerification.create({
      data: { ...common, action: 'REVOKED', note: 'Trade reference withdrew the recommendation', createdAt: new Date(now.getTime() - 6 * DAY) },
    })
    revoked = 1
  }
  const freeSample = await tx.product.findFirst({
    where: { sampleAvailable: true, OR: [{ samplePriceMinor: 0 }, { samplePriceMinor: null }], status: 'PUBLISHED' },
    orderBy: [{ slug: 'asc' }, { id: 'asc' }],
    select: { id: true },
  })
  if (freeSample) await tx.product.update({ where: { id: freeSample.id }, data: { freeSamplesVerifiedOnly: true } })
  return { verified, revoked, products: freeSample ? 1 : 0 }
}
