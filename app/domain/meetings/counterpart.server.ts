// Who a meeting request is with, as the request page names them: an exporter company by slug (asked by
// a buyer) or a buyer profile by id (asked by an exporter member), plus the fair it is made at, if any.
import type { SessionUser } from '~/domain/accounts/session.server'
import { pickLocalized } from '~/domain/catalog/translations'
import { getPrisma } from '~/domain/db.server'
import { DomainError } from '~/domain/errors'
import type { MeetingTarget } from './meetings.server'

export type MeetingCounterpart = { target: MeetingTarget; buyerId: string; companyId: string; name: string; timeZone: string; fairId: string | null }

export type CounterpartQuery = { fairSlug: string | null; companySlug: string | null; buyerId: string | null }

/** The counterpart (name in `locale`), or a 404 when the query names none this user may ask. A buyer must have a profile (the route sends them to make one first). */
export async function findMeetingCounterpart(user: SessionUser, query: CounterpartQuery, locale: string): Promise<MeetingCounterpart> {
  const prisma = await getPrisma()
  const fair = query.fairSlug ? await prisma.tradeFair.findUnique({ where: { slug: query.fairSlug }, select: { id: true } }) : null
  if (user.role === 'BUYER' && user.buyerProfile && query.companySlug) {
    const company = await prisma.exporterCompany.findUnique({
      where: { slug: query.companySlug },
      select: { id: true, name: true, nameI18n: true, timeZone: true },
    })
    if (!company) throw new DomainError('not-found', { status: 404 })
    return {
      target: { companyId: company.id },
      buyerId: user.buyerProfile.id,
      companyId: company.id,
      name: pickLocalized(company.name, company.nameI18n, locale),
      timeZone: company.timeZone,
      fairId: fair?.id ?? null,
    }
  }
  if (user.role === 'EXPORTER' && user.exporterMember && query.buyerId) {
    const buyer = await prisma.buyerProfile.findUnique({ where: { id: query.buyerId }, select: { id: true, companyName: true, timeZone: true } })
    if (!buyer) throw new DomainError('not-found', { status: 404 })
    return {
      target: { buyerId: buyer.id },
      buyerId: buyer.id,
      companyId: user.exporterMember.company.id,
      name: buyer.companyName,
      timeZone: buyer.timeZone,
      fairId: fair?.id ?? null,
    }
  }
  throw new DomainError('not-found', { status: 404 })
}
