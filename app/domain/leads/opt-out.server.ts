import { z } from 'zod'
import { getPrisma } from '~/domain/db.server'
import { cancelBuyerDeliveries } from './webhooks.server'

/** The buyer's lead-list setting (BuyerProfile.leadListOptOut): listed by name, or counted as anonymous. */
export const LeadListOptOutSchema = z.object({
  intent: z.literal('lead-list'),
  // An unchecked box sends nothing.
  leadListOptOut: z
    .literal('on')
    .optional()
    .transform((value) => value === 'on'),
})

export async function getLeadListOptOut(userId: string): Promise<boolean> {
  const prisma = await getPrisma()
  const profile = await prisma.buyerProfile.findUnique({ where: { userId }, select: { leadListOptOut: true } })
  return profile?.leadListOptOut ?? false
}

/** Opting out also cancels the buyer's pending CRM webhook deliveries at once (their personal fields cleared). */
export async function setLeadListOptOut(userId: string, optOut: boolean): Promise<void> {
  const prisma = await getPrisma()
  await prisma.$transaction(async (tx) => {
    await tx.buyerProfile.updateMany({ where: { userId }, data: { leadListOptOut: optOut } })
    if (optOut) await cancelBuyerDeliveries(tx, userId)
  })
}
