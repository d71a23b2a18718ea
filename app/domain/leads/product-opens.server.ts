import { z } from 'zod'
import { getPrisma } from '~/domain/db.server'
import { DomainError } from '~/domain/errors'

/**
 * "Opened a pinned product" (issue 21): a signed-in viewer clicked a pinned product card (its name,
 * "Request quote" or "Buy samples") in the live room or the replay. Recorded for the exporter's lead list,
 * only for signed-in viewers (the caller passes the user of the session cookie, never an id from the
 * client), only for products the showcase features, and deduplicated: one row per viewer, product and
 * source, whose `opens` grows only for clicks at least OPEN_DEDUPE_SECONDS apart.
 */
export const OPEN_DEDUPE_SECONDS = 60

export const ProductOpenSchema = z.object({
  productId: z.string().regex(/^[a-z0-9_-]{1,64}$/i),
  source: z.enum(['live', 'replay']),
  how: z.enum(['name', 'quote', 'samples']).default('name'),
})
export type ProductOpenInput = z.infer<typeof ProductOpenSchema>

export async function recordProductOpen(sessionId: string, userId: string, input: ProductOpenInput, now: Date): Promise<{ recorded: boolean }> {
  const prisma = await getPrisma()
  // A product the showcase features (pinned now or earlier, or on its replay's chapters) of the showcase's own company.
  const link = await prisma.liveSessionProduct.findFirst({
    where: { sessionId, productId: input.productId, session: { kind: 'SHOWCASE' } },
    select: { session: { select: { companyId: true, status: true } }, product: { select: { companyId: true } } },
  })
  if (!link || link.product.companyId !== link.session.companyId) throw new DomainError('not-found', { status: 404 })
  // The showcase's own team opening their cards is not a lead.
  const member = await prisma.exporterMember.findFirst({ where: { userId, companyId: link.session.companyId }, select: { userId: true } })
  if (member) return { recorded: false }
  const source = input.source === 'live' ? 'LIVE' : 'REPLAY'
  const key = { sessionId, userId, productId: input.productId, source } as const
  const created = await prisma.leadProductOpen.createMany({
    data: [{ ...key, firstOpenedAt: now, lastOpenedAt: now }],
    skipDuplicates: true,
  })
  if (created.count === 1) return { recorded: true }
  // Already opened: count again only after the dedupe interval (a double click, a re-render are one open).
  const updated = await prisma.leadProductOpen.updateMany({
    where: { ...key, lastOpenedAt: { lte: new Date(now.getTime() - OPEN_DEDUPE_SECONDS * 1000) } },
    data: { opens: { increment: 1 }, lastOpenedAt: now },
  })
  return { recorded: updated.count === 1 }
}
