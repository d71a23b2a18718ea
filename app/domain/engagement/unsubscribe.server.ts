import { pickLocalized } from '~/domain/catalog/translations'
import { getPrisma } from '~/domain/db.server'
import { DomainError } from '~/domain/errors'
import { verifyToken } from './tokens.server'

// Unsubscribe links of reminder mail, working without signing in: the signed token names the address and
// the scope (one showcase, or '*' for every reminder mail to that address). Opting out is idempotent.

export type UnsubscribeView = { email: string; scope: 'show' | 'all'; showTitle: string | null; done: boolean }

function parse(token: string) {
  const payload = verifyToken(token, 'unsub')
  if (!payload) throw new DomainError('bad-link', { status: 404, messageKey: 'engagement.unsubscribe.badLink' })
  return payload
}

/** What the link would do (the confirmation page's text), and whether it is already done. */
export async function readUnsubscribe(token: string, locale: string): Promise<UnsubscribeView> {
  const payload = parse(token)
  const prisma = await getPrisma()
  const [existing, session] = await Promise.all([
    prisma.reminderOptOut.findUnique({ where: { email_scope: { email: payload.e, scope: payload.s } } }),
    payload.s === '*' ? null : prisma.liveSession.findUnique({ where: { id: payload.s }, select: { title: true, titleI18n: true } }),
  ])
  return {
    email: payload.e,
    scope: payload.s === '*' ? 'all' : 'show',
    showTitle: session ? pickLocalized(session.title, session.titleI18n, locale) : null,
    done: existing !== null,
  }
}

/** Records the opt-out the link names (twice is once). */
export async function unsubscribe(token: string, now: Date): Promise<void> {
  const payload = parse(token)
  const prisma = await getPrisma()
  await prisma.reminderOptOut.createMany({ data: [{ email: payload.e, scope: payload.s, createdAt: now }], skipDuplicates: true })
}
