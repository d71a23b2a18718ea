import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect } from 'react-router'
import { requireUser } from '~/domain/accounts/session.server'
import { pickLocalized } from '~/domain/catalog/translations'
import { getPrisma } from '~/domain/db.server'
import { findMeetingSlots, requestMeeting, type MeetingTarget } from '~/domain/meetings/meetings.server'
import { RequestMeetingSchema } from '~/domain/meetings/schemas'
import { partySide } from '~/domain/meetings/sides'
import { formatSlotForViewer } from '~/domain/matchmaking/slot-finder'
import { languageOptions } from '~/lib/languages'
import { requestNow } from '~/utils/clock.server'
import { validateCsrf } from '~/utils/csrf.server'
import { consumeTradeBudget } from '~/utils/rate-limit.server'
import { getClientIp } from '~/utils/request.server'
import { resolveLocale, resolveTimeZone } from '~/utils/preferences.server'
import { formErrorFromDomain } from '~/utils/route-errors.server'
import { redirectWithToast } from '~/utils/toast.server'

type Counterpart = { target: MeetingTarget; buyerId: string; companyId: string; name: string; timeZone: string; fairId: string | null }

/** Who the meeting is with, from ?company=<slug> (buyers) or ?buyer=<profile id> (exporters). */
async function resolveCounterpart(request: Request): Promise<{ user: Awaited<ReturnType<typeof requireUser>>; counterpart: Counterpart; locale: string }> {
  const user = await requireUser(request)
  const locale = await resolveLocale(request, user)
  const url = new URL(request.url)
  const prisma = await getPrisma()
  const fairSlug = url.searchParams.get('fair')
  const fair = fairSlug ? await prisma.tradeFair.findUnique({ where: { slug: fairSlug }, select: { id: true } }) : null
  const companySlug = url.searchParams.get('company')
  const buyerId = url.searchParams.get('buyer')
  if (user.role === 'BUYER' && companySlug) {
    if (!user.buyerProfile) throw redirect('/buyer/profile')
    const company = await prisma.exporterCompany.findUnique({ where: { slug: companySlug }, select: { id: true, name: true, nameI18n: true, timeZone: true } })
    if (!company) throw data({ reason: 'not-found' }, { status: 404 })
    return {
      user,
      locale,
      counterpart: { target: { companyId: company.id }, buyerId: user.buyerProfile.id, companyId: company.id, name: pickLocalized(company.name, company.nameI18n, locale), timeZone: company.timeZone, fairId: fair?.id ?? null },
    }
  }
  if (user.role === 'EXPORTER' && user.exporterMember && buyerId) {
    const buyer = await prisma.buyerProfile.findUnique({ where: { id: buyerId }, select: { id: true, companyName: true, timeZone: true } })
    if (!buyer) throw data({ reason: 'not-found' }, { status: 404 })
    return {
      user,
      locale,
      counterpart: { target: { buyerId: buyer.id }, buyerId: buyer.id, companyId: user.exporterMember.company.id, name: buyer.companyName, timeZone: buyer.timeZone, fairId: fair?.id ?? null },
    }
  }
  throw data({ reason: 'not-found' }, { status: 404 })
}

export async function loadNewMeeting(request: Request) {
  const { user, counterpart, locale } = await resolveCounterpart(request)
  const now = requestNow(request)
  const viewerZone = resolveTimeZone(request, user).timeZone
  const { slots } = await findMeetingSlots({ buyerId: counterpart.buyerId, companyId: counterpart.companyId }, { now })
  return {
    counterpart: { name: counterpart.name, timeZone: counterpart.timeZone },
    viewerZone,
    side: partySide(user) ?? 'exporter',
    languages: languageOptions(locale),
    // Labels are made here, once, so server and browser render the same text.
    slots: slots.map((slot) => ({
      start: slot.start.toISOString(),
      ...formatSlotForViewer(slot, { locale, viewerTimeZone: viewerZone, otherTimeZone: counterpart.timeZone }),
    })),
  }
}

export async function handleNewMeeting(request: Request) {
  const { user, counterpart } = await resolveCounterpart(request)
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: RequestMeetingSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  // Anti-automation: each valid request costs a point of the account's and the address's daily budget.
  const budget = await consumeTradeBudget('meetingRequest', { userId: user.id, ip: getClientIp(request) })
  if (!budget.allowed) {
    return data(
      { result: submission.reply({ formErrors: [`meetings.errors.tooMany|${Math.ceil(budget.retryAfterSeconds / 60)}`] }) },
      { status: 429, headers: { 'Retry-After': String(budget.retryAfterSeconds) } },
    )
  }
  let meetingId: string
  try {
    meetingId = await requestMeeting(user, counterpart.target, { ...submission.value, fairId: counterpart.fairId }, requestNow(request))
  } catch (error) {
    return formErrorFromDomain(submission, error, { only: ['slot-unavailable'], field: 'slotStart' })
  }
  return redirectWithToast(`/meetings/${meetingId}`, 'meetings.toast.requested')
}
